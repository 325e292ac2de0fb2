/**
 * Reading an uploaded .xlsx safely: size bound, a zip check over the central directory before
 * SheetJS sees the bytes (declared uncompressed total and ratio: a zip bomb guard), then SheetJS
 * 0.20.3 with formulas/HTML off, first sheet as rows of raw values. Every refusal is a DomainError.
 */
import fs from 'fs';
import * as XLSX from 'xlsx';
import { DomainError } from '../domain/errors';

export const UPLOAD_MAX_BYTES = 5 * 1024 * 1024;
/** Declared uncompressed size of all parts together. */
const UNZIPPED_MAX_BYTES = 120 * 1024 * 1024;
/** Per-entry compression ratio above which a part is treated as a bomb. */
const MAX_RATIO = 200;
const MAX_ZIP_ENTRIES = 500;
const MAX_COLUMNS = 50;

const bad = (message: string, code = 'IMPORT_FILE_INVALID') => new DomainError(code, message, { status: 400, field: 'file' });

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

/** Checks the zip container's central directory (no inflating): entry count, declared sizes, ratios, no ZIP64. */
export function checkZip(buf: Buffer): void {
  if (buf.length < 22 || buf.readUInt32LE(0) !== 0x04034b50) throw bad('文件不是有效的 .xlsx 文件（请使用下载的模板，另存为 Excel 工作簿 .xlsx）');
  // End of central directory: last 22 bytes + up to 64 KB comment.
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 65535); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw bad('文件已损坏或不是有效的 .xlsx 文件');
  const entries = buf.readUInt16LE(eocd + 10);
  const cdSize = buf.readUInt32LE(eocd + 12);
  const cdOffset = buf.readUInt32LE(eocd + 16);
  if (entries === 0xffff || cdOffset === 0xffffffff || cdSize === 0xffffffff) throw bad('不支持的文件格式（ZIP64）');
  if (entries > MAX_ZIP_ENTRIES) throw bad('文件结构异常（包含的部件过多）');
  if (cdOffset + cdSize > buf.length) throw bad('文件已损坏或不是有效的 .xlsx 文件');
  let p = cdOffset;
  let total = 0;
  let hasWorkbook = false;
  for (let n = 0; n < entries; n++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== 0x02014b50) throw bad('文件已损坏或不是有效的 .xlsx 文件');
    const compressed = buf.readUInt32LE(p + 20);
    const size = buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const name = buf.toString('utf8', p + 46, p + 46 + nameLen);
    if (compressed === 0xffffffff || size === 0xffffffff) throw bad('不支持的文件格式（ZIP64）');
    if (/^xl\/workbook\.xml$/i.test(name)) hasWorkbook = true;
    total += size;
    if (total > UNZIPPED_MAX_BYTES) throw bad('文件解压后过大，已拒绝处理', 'IMPORT_FILE_TOO_LARGE');
    if (size > 1024 * 1024 && size / Math.max(1, compressed) > MAX_RATIO) throw bad('文件压缩比异常，已拒绝处理');
    p += 46 + nameLen + extraLen + commentLen;
  }
  if (!hasWorkbook) throw bad('文件不是有效的 .xlsx 工作簿');
}

/** First sheet of a checked .xlsx as rows of raw cell values (numbers stay numbers), at most maxRows + 1 rows. */
export function readSheetRows(buf: Buffer, maxRows: number): { rows: unknown[][]; sheetName: string } {
  checkZip(buf);
  let wb: XLSX.WorkBook;
  try {
    wb = XLSX.read(buf, {
      type: 'buffer',
      dense: true,
      cellHTML: false,
      cellFormula: false,
      cellStyles: false,
      cellText: false,
      cellDates: true,
      bookVBA: false,
      sheetRows: maxRows + 2,
      WTF: false,
    });
  } catch {
    throw bad('无法读取文件内容：不是有效的 .xlsx 文件');
  }
  const sheetName = wb.SheetNames[0];
  const ws = sheetName ? wb.Sheets[sheetName] : undefined;
  if (!sheetName || !ws) throw bad('文件中没有工作表');
  // The range comes from the file (a crafted <dimension> can claim 16,384 columns × 1,048,576 rows):
  // recompute it from the cells actually read, and bound the columns.
  const data = (ws as { '!data'?: unknown[][] })['!data'];
  if (data) {
    let maxC = -1;
    for (const row of data) if (row && row.length - 1 > maxC) maxC = row.length - 1;
    if (maxC > MAX_COLUMNS - 1) throw bad(`表格列数过多（最多 ${MAX_COLUMNS} 列），请使用下载的模板`);
    if (maxC < 0 || data.length === 0) throw bad('文件中没有数据');
    ws['!ref'] = XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: data.length - 1, c: maxC } });
  }
  const rows = XLSX.utils.sheet_to_json<unknown[]>(ws, { header: 1, raw: true, defval: null, blankrows: true });
  return { rows, sheetName };
}
