/**
 * A worker of xlsx-worker-pool.ts: inflates and parses one upload after another off the event loop,
 * answering each parsed sheet or its refusal (a DomainError as plain data: classes do not cross threads).
 */
import os from 'node:os';
import { parentPort } from 'worker_threads';
import { DomainError } from '../domain/errors';
import { parseXlsx, type ParseOptions } from './xlsx-parse';

// Linux keeps a nice value per thread and `setpriority(PRIO_PROCESS, 0)` names the calling thread: parsing yields
// the cores to the event loop (and every other request) whenever both want them. Elsewhere it is a no-op.
if (os.platform() === 'linux') {
  try {
    os.setPriority(0, 19);
  } catch {
    // not permitted: parse at the normal priority
  }
}

parentPort?.on('message', ({ id, bytes, opts }: { id: number; bytes: Uint8Array; opts: ParseOptions }) => {
  try {
    const sheet = parseXlsx(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), opts);
    parentPort?.postMessage({ id, ok: true, sheet });
  } catch (e) {
    if (e instanceof DomainError) parentPort?.postMessage({ id, ok: false, code: e.code, message: e.message });
    else parentPort?.postMessage({ id, ok: false, code: 'IMPORT_FILE_INVALID', message: '无法读取文件内容：不是有效的 .xlsx 文件' });
  }
});
