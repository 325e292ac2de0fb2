/**
 * Reading an uploaded .xlsx without letting it stall the server: the request's thread only checks the
 * size the body parser reports and hands the file's path to a worker thread, which reads it, checks the
 * zip's central directory, inflates with hard output limits and parses, with memory limits and a
 * timeout (xlsx-zip.ts, xlsx-parse.ts, xlsx-worker-pool.ts). Error sheets are written there too. Every
 * refusal is a DomainError.
 */
import fs from 'fs';
import type { ErrorSheet } from './xlsx-error-sheet';
import type { ParseOptions, ParsedSheet } from './xlsx-parse';
import { errorSheetInWorker, parseInWorker } from './xlsx-worker-pool';
import { badFile as bad } from './xlsx-zip';

export { checkZip } from './xlsx-zip';
export type { ErrorSheet } from './xlsx-error-sheet';

export const UPLOAD_MAX_BYTES = 5 * 1024 * 1024;
/** A parse taking longer is stopped (a 20,000-row template takes a few seconds). */
export const PARSE_TIMEOUT_MS = 60_000;

/** An uploaded file left on disk by the body parser: read by the worker that parses it, removed after the request. */
export interface UploadedXlsx {
  path: string;
  name: string;
}
/** What an import reads: an upload, or (tests, scripts) the bytes of a workbook. */
export type XlsxSource = UploadedXlsx | Buffer;

/** A file of a multipart request as the body parser (formidable) leaves it; older versions say `path` and `name`. */
interface UploadedFile {
  size?: number;
  filepath?: string;
  path?: string;
  originalFilename?: string | null;
  name?: string | null;
}

const remove = (file: string) => fs.promises.rm(file, { force: true }).catch(() => undefined);

/**
 * The uploaded file of a multipart request (`file` field), its size checked against UPLOAD_MAX_BYTES; nothing
 * is read here. The file is removed once parsed (readSheetRows), and in any case when the response ends.
 */
export function readUploadedFile(ctx: { request: object; res?: { once(event: 'close', fn: () => void): unknown } }, field = 'file'): UploadedXlsx {
  const files = (ctx.request as { files?: Record<string, UploadedFile | UploadedFile[] | undefined> }).files ?? {};
  const entry = files[field];
  const f = Array.isArray(entry) ? entry[0] : entry;
  if (!f) throw bad('请选择要导入的文件（.xlsx）', 'IMPORT_FILE_MISSING');
  const filepath = (f.filepath ?? f.path) as string;
  const name: string = f.originalFilename ?? f.name ?? 'upload.xlsx';
  if (ctx.res) ctx.res.once('close', () => void remove(filepath));
  if (Number(f.size ?? 0) > UPLOAD_MAX_BYTES) {
    void remove(filepath);
    throw bad(`文件过大：最大 ${UPLOAD_MAX_BYTES / 1024 / 1024} MB`, 'IMPORT_FILE_TOO_LARGE');
  }
  return { path: filepath, name };
}

/**
 * The sheet of an uploaded .xlsx as rows of raw values (numbers stay numbers), header first, at most
 * maxRows + 1 data rows, read and parsed in a worker (bytes given are handed to it: `source` is empty
 * afterwards). See ParseOptions for finding the header.
 */
export async function readSheetRows(source: XlsxSource, maxRows: number, header?: ParseOptions['header'], timeoutMs = PARSE_TIMEOUT_MS): Promise<ParsedSheet> {
  const opts = header ? { maxRows, header } : { maxRows };
  if (Buffer.isBuffer(source)) return parseInWorker(source, UPLOAD_MAX_BYTES, opts, timeoutMs);
  try {
    return await parseInWorker(source.path, UPLOAD_MAX_BYTES, opts, timeoutMs);
  } finally {
    void remove(source.path);
  }
}

/** The bytes of an upload (read without blocking, then the file removed): for work kept to run later, e.g. a job. */
export async function uploadedBytes(file: UploadedXlsx): Promise<Buffer> {
  try {
    return await fs.promises.readFile(file.path);
  } finally {
    void remove(file.path);
  }
}

/** The error sheet of an import (the uploaded rows and their error column) as base64 .xlsx, written in a worker. */
export function errorSheetBase64(sheet: ErrorSheet, timeoutMs = PARSE_TIMEOUT_MS): Promise<string> {
  return errorSheetInWorker(sheet, timeoutMs);
}
