/**
 * Reading an uploaded .xlsx without letting it stall the server: size bound, a check of the zip's
 * central directory on the request's thread (cheap), then inflating with hard output limits and
 * parsing in a worker thread with memory limits and a timeout (xlsx-parse.ts, xlsx-worker-pool.ts). Every
 * refusal is a DomainError.
 */
import fs from 'fs';
import type { ParseOptions, ParsedSheet } from './xlsx-parse';
import { parseInWorker } from './xlsx-worker-pool';
import { badFile as bad, checkZip } from './xlsx-zip';

export { checkZip } from './xlsx-zip';

export const UPLOAD_MAX_BYTES = 5 * 1024 * 1024;
/** A parse taking longer is stopped (a 20,000-row template takes a few seconds). */
export const PARSE_TIMEOUT_MS = 60_000;

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

/**
 * The sheet of a checked .xlsx as rows of raw values (numbers stay numbers), header first, at most
 * maxRows + 1 data rows; parsed in a worker, which `buf`'s memory is handed to (it is empty afterwards).
 * See ParseOptions for finding the header.
 */
export async function readSheetRows(buf: Buffer, maxRows: number, header?: ParseOptions['header'], timeoutMs = PARSE_TIMEOUT_MS): Promise<ParsedSheet> {
  checkZip(buf);
  return parseInWorker(buf, header ? { maxRows, header } : { maxRows }, timeoutMs);
}
