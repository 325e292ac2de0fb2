/**
 * Reading an uploaded .xlsx without letting it stall the server: size bound, a check of the zip's
 * central directory on the request's thread (cheap), then inflating with hard output limits and
 * parsing in a worker thread with memory limits and a timeout (xlsx-parse.ts, xlsx-worker.ts). At most
 * PARSE_CONCURRENCY uploads are parsed at once; the others wait their turn. Every refusal is a DomainError.
 */
import fs from 'fs';
import path from 'path';
import { Worker } from 'worker_threads';
import type { ParseOptions, ParsedSheet } from './xlsx-parse';
import { badFile as bad, checkZip } from './xlsx-zip';

export { checkZip } from './xlsx-zip';

export const UPLOAD_MAX_BYTES = 5 * 1024 * 1024;
/** A parse taking longer is stopped (a 20,000-row template takes a few seconds). */
export const PARSE_TIMEOUT_MS = 60_000;
const PARSE_CONCURRENCY = 2;
/** The worker's heap: the inflated parts are at most 48 MB (xlsx-zip), SheetJS's cells a few times that. */
const WORKER_LIMITS = { maxOldGenerationSizeMb: 320, maxYoungGenerationSizeMb: 32, stackSizeMb: 4 };

/** A file of a multipart request as the body parser (formidable) leaves it; older versions say `path` and `name`. */
interface UploadedFile {
  size?: number;
  filepath?: string;
  path?: string;
  originalFilename?: string | null;
  name?: string | null;
}

/** The uploaded file of a multipart request (`file` field), its bytes checked against UPLOAD_MAX_BYTES. */
export function readUploadedFile(ctx: { request: object }, field = 'file'): { buffer: Buffer; name: string } {
  const files = (ctx.request as { files?: Record<string, UploadedFile | UploadedFile[] | undefined> }).files ?? {};
  const entry = files[field];
  const f = Array.isArray(entry) ? entry[0] : entry;
  if (!f) throw bad('请选择要导入的文件（.xlsx）', 'IMPORT_FILE_MISSING');
  const size = Number(f.size ?? 0);
  const filepath = (f.filepath ?? f.path) as string;
  const name: string = f.originalFilename ?? f.name ?? 'upload.xlsx';
  try {
    if (size > UPLOAD_MAX_BYTES) throw bad(`文件过大：最大 ${UPLOAD_MAX_BYTES / 1024 / 1024} MB`, 'IMPORT_FILE_TOO_LARGE');
    const buffer = fs.readFileSync(filepath);
    if (buffer.length > UPLOAD_MAX_BYTES) throw bad(`文件过大：最大 ${UPLOAD_MAX_BYTES / 1024 / 1024} MB`, 'IMPORT_FILE_TOO_LARGE');
    return { buffer, name };
  } finally {
    fs.promises.unlink(filepath).catch(() => undefined);
  }
}

let running = 0;
const waiting: Array<() => void> = [];

async function inTurn<R>(fn: () => Promise<R>): Promise<R> {
  if (running >= PARSE_CONCURRENCY) await new Promise<void>((resolve) => waiting.push(resolve));
  running++;
  try {
    return await fn();
  } finally {
    running--;
    waiting.shift()?.();
  }
}

/** The compiled worker next to this file (dist/src/utils/xlsx-worker.js). */
const workerFile = () => path.join(__dirname, 'xlsx-worker.js');

function parseInWorker(buf: Buffer, opts: ParseOptions, timeoutMs: number): Promise<ParsedSheet> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(workerFile(), { workerData: { bytes: buf, opts }, resourceLimits: WORKER_LIMITS });
    let settled = false;
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      fn();
      void worker.terminate();
    };
    const timer = setTimeout(
      () => settle(() => reject(bad('文件解析超时，已拒绝处理（请检查文件内容，或拆分后分批导入）', 'IMPORT_FILE_TOO_COMPLEX'))),
      timeoutMs,
    );
    worker.on('message', (m: { ok: boolean; sheet?: ParsedSheet; code?: string; message?: string }) =>
      settle(() => (m.ok && m.sheet ? resolve(m.sheet) : reject(bad(m.message ?? '无法读取文件内容', m.code)))),
    );
    worker.on('error', (e: Error & { code?: string }) =>
      settle(() =>
        reject(
          e.code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? bad('文件内容过多，解析所需内存超出限制，已拒绝处理', 'IMPORT_FILE_TOO_LARGE')
            : bad('无法读取文件内容：不是有效的 .xlsx 文件'),
        ),
      ),
    );
    worker.on('exit', () => settle(() => reject(bad('无法读取文件内容：不是有效的 .xlsx 文件'))));
  });
}

/**
 * The sheet of a checked .xlsx as rows of raw values (numbers stay numbers), header first, at most
 * maxRows + 1 data rows; parsed in a worker. See ParseOptions for finding the header.
 */
export async function readSheetRows(buf: Buffer, maxRows: number, header?: ParseOptions['header'], timeoutMs = PARSE_TIMEOUT_MS): Promise<ParsedSheet> {
  checkZip(buf);
  return inTurn(() => parseInWorker(buf, header ? { maxRows, header } : { maxRows }, timeoutMs));
}
