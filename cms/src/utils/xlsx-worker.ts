/**
 * A worker of xlsx-worker-pool.ts: reads, inflates and parses one upload after another, or writes an
 * error sheet, off the event loop; answers the result or its refusal (a DomainError as plain data:
 * classes do not cross threads).
 */
import fs from 'node:fs';
import os from 'node:os';
import { parentPort } from 'worker_threads';
import { DomainError } from '../domain/errors';
import { errorWorkbook } from './xlsx-error-sheet';
import { parseXlsx } from './xlsx-parse';
import type { WorkerRequest } from './xlsx-worker-pool';
import { badFile } from './xlsx-zip';

// Linux keeps a nice value per thread and `setpriority(PRIO_PROCESS, 0)` names the calling thread: parsing yields
// the cores to the event loop (and every other request) whenever both want them. Elsewhere it is a no-op.
if (os.platform() === 'linux') {
  try {
    os.setPriority(0, 19);
  } catch {
    // not permitted: parse at the normal priority
  }
}

const tooLarge = (max: number) => badFile(`文件过大：最大 ${max / 1024 / 1024} MB`, 'IMPORT_FILE_TOO_LARGE');

/** The uploaded file's bytes, refused beyond `max` (its size is checked before anything is read). */
function readUpload(file: string, max: number): Buffer {
  const fd = fs.openSync(file, 'r');
  try {
    if (fs.fstatSync(fd).size > max) throw tooLarge(max);
    const buf = fs.readFileSync(fd);
    if (buf.length > max) throw tooLarge(max);
    return buf;
  } finally {
    fs.closeSync(fd);
  }
}

function answer(request: WorkerRequest): unknown {
  if (request.kind === 'error-sheet') return errorWorkbook(request.sheet).toString('base64');
  const { bytes, path, maxBytes, opts } = request;
  const buf = path !== undefined ? readUpload(path, maxBytes) : Buffer.from(bytes!.buffer, bytes!.byteOffset, bytes!.byteLength);
  if (buf.length > maxBytes) throw tooLarge(maxBytes);
  return parseXlsx(buf, opts);
}

parentPort?.on('message', ({ id, request }: { id: number; request: WorkerRequest }) => {
  try {
    parentPort?.postMessage({ id, ok: true, value: answer(request) });
  } catch (e) {
    if (e instanceof DomainError) parentPort?.postMessage({ id, ok: false, code: e.code, message: e.message });
    else parentPort?.postMessage({ id, ok: false, code: 'IMPORT_FILE_INVALID', message: '无法读取文件内容：不是有效的 .xlsx 文件' });
  }
});
