/**
 * Worker entry of readSheetRows (xlsx-upload.ts): inflates and parses one upload off the event loop,
 * answers the parsed sheet or the refusal (a DomainError as plain data: classes do not cross threads).
 */
import { parentPort, workerData } from 'worker_threads';
import { DomainError } from '../domain/errors';
import { parseXlsx, type ParseOptions } from './xlsx-parse';

const { bytes, opts } = workerData as { bytes: Uint8Array; opts: ParseOptions };
try {
  const sheet = parseXlsx(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), opts);
  parentPort?.postMessage({ ok: true, sheet });
} catch (e) {
  if (e instanceof DomainError) parentPort?.postMessage({ ok: false, code: e.code, message: e.message });
  else parentPort?.postMessage({ ok: false, code: 'IMPORT_FILE_INVALID', message: '无法读取文件内容：不是有效的 .xlsx 文件' });
}
