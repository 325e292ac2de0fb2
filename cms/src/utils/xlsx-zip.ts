/**
 * The zip container of an uploaded .xlsx, read without trusting it: the central directory is walked
 * (entry count, no ZIP64, no encryption), and only the parts a sheet needs are inflated, each with a
 * hard output limit equal to its declared size (zlib stops there), then compared with it. A part that
 * declares 1,000 bytes and holds 1 GiB of zeros stops after 1,000 bytes. Every refusal is a DomainError.
 */
import zlib from 'zlib';
import { DomainError } from '../domain/errors';

/** Inflated size of one part a sheet needs (a 20,000-row template sheet is about 4 MB). */
export const PART_MAX_BYTES = 32 * 1024 * 1024;
/** Inflated size of all the parts a sheet needs together. */
export const PARTS_MAX_BYTES = 48 * 1024 * 1024;
/** Per-part compression ratio above which a part is treated as a bomb (text XML stays far below). */
const MAX_RATIO = 200;
const MAX_ZIP_ENTRIES = 500;
/** Worksheets read at most (an instructions sheet may come before the data). */
export const MAX_SHEETS = 10;

export const badFile = (message: string, code = 'IMPORT_FILE_INVALID') => new DomainError(code, message, { status: 400, field: 'file' });
const corrupt = () => badFile('文件已损坏或不是有效的 .xlsx 文件');
const tooLarge = () => badFile('文件解压后过大，已拒绝处理', 'IMPORT_FILE_TOO_LARGE');

export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

/**
 * The parts SheetJS reads for cell values and number formats (metadata and persons: it requires them
 * when [Content_Types].xml lists them); drawings, media, themes and macros are never inflated.
 */
export function isSheetPart(name: string): boolean {
  return /^(\[Content_Types\]\.xml|_rels\/\.rels|xl\/(workbook|sharedStrings|styles|metadata)\.xml|xl\/_rels\/workbook\.xml\.rels|xl\/(worksheets|persons)\/[^/]+\.xml)$/i.test(
    name,
  );
}

/** The entries of the central directory, checked for structure (no inflating). */
export function zipEntries(buf: Buffer): ZipEntry[] {
  if (buf.length < 22 || buf.readUInt32LE(0) !== 0x04034b50) throw badFile('文件不是有效的 .xlsx 文件（请使用下载的模板，另存为 Excel 工作簿 .xlsx）');
  // End of central directory: last 22 bytes + up to 64 KB comment.
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 65535); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw corrupt();
  const count = buf.readUInt16LE(eocd + 10);
  const cdSize = buf.readUInt32LE(eocd + 12);
  const cdOffset = buf.readUInt32LE(eocd + 16);
  if (count === 0xffff || cdOffset === 0xffffffff || cdSize === 0xffffffff) throw badFile('不支持的文件格式（ZIP64）');
  if (count > MAX_ZIP_ENTRIES) throw badFile('文件结构异常（包含的部件过多）');
  if (cdOffset + cdSize > buf.length) throw corrupt();
  const entries: ZipEntry[] = [];
  let p = cdOffset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== 0x02014b50) throw corrupt();
    const nameLen = buf.readUInt16LE(p + 28);
    const entry: ZipEntry = {
      flags: buf.readUInt16LE(p + 8),
      method: buf.readUInt16LE(p + 10),
      compressedSize: buf.readUInt32LE(p + 20),
      size: buf.readUInt32LE(p + 24),
      name: buf.toString('utf8', p + 46, p + 46 + nameLen),
      localOffset: buf.readUInt32LE(p + 42),
    };
    if (entry.compressedSize === 0xffffffff || entry.size === 0xffffffff || entry.localOffset === 0xffffffff) throw badFile('不支持的文件格式（ZIP64）');
    entries.push(entry);
    p += 46 + nameLen + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
  }
  return entries;
}

/**
 * Checks the container before any worker starts: structure, a workbook part, and the declared sizes
 * of the parts a sheet needs (bounds and ratio). The declared sizes are checked again against the
 * real ones when inflating (inflateSheetParts).
 */
export function checkZip(buf: Buffer): ZipEntry[] {
  const entries = zipEntries(buf);
  let total = 0;
  let hasWorkbook = false;
  for (const e of entries) {
    if (!isSheetPart(e.name)) continue;
    if (/^xl\/workbook\.xml$/i.test(e.name)) hasWorkbook = true;
    if (e.size > PART_MAX_BYTES) throw tooLarge();
    total += e.size;
    if (total > PARTS_MAX_BYTES) throw tooLarge();
    if (e.size > 1024 * 1024 && e.size / Math.max(1, e.compressedSize) > MAX_RATIO) throw badFile('文件压缩比异常，已拒绝处理');
  }
  if (!hasWorkbook) throw badFile('文件不是有效的 .xlsx 工作簿');
  return entries;
}

/** The bytes of one entry, inflated to at most its declared size and refused unless exactly that long. */
function inflateEntry(buf: Buffer, e: ZipEntry): Buffer {
  if (e.flags & 0x1) throw badFile('不支持加密的文件，请取消密码保护后重新导入');
  const p = e.localOffset;
  if (p + 30 > buf.length || buf.readUInt32LE(p) !== 0x04034b50) throw corrupt();
  const start = p + 30 + buf.readUInt16LE(p + 26) + buf.readUInt16LE(p + 28);
  const end = start + e.compressedSize;
  if (end > buf.length) throw corrupt();
  const raw = buf.subarray(start, end);
  let out: Buffer;
  if (e.method === 0) out = Buffer.from(raw);
  else if (e.method === 8) {
    try {
      // maxOutputLength ≥ 1: a part declared as 0 bytes must still be proven empty.
      out = zlib.inflateRawSync(raw, { maxOutputLength: Math.max(1, e.size) });
    } catch (err) {
      if ((err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE')
        throw badFile('文件内容与其声明的大小不符（疑似压缩炸弹），已拒绝处理', 'IMPORT_FILE_TOO_LARGE');
      throw corrupt();
    }
  } else throw badFile('不支持的压缩方式，请用 Excel 另存为 .xlsx 后重新导入');
  if (out.length !== e.size) throw badFile('文件内容与其声明的大小不符，已拒绝处理');
  return out;
}

/** The parts a sheet needs, inflated with hard limits (checkZip first); at most MAX_SHEETS worksheets. */
export function inflateSheetParts(buf: Buffer): Map<string, Buffer> {
  const parts = new Map<string, Buffer>();
  let sheets = 0;
  for (const e of checkZip(buf)) {
    if (!isSheetPart(e.name) || e.name.endsWith('/')) continue;
    if (parts.has(e.name)) throw corrupt();
    if (/^xl\/worksheets\//i.test(e.name) && ++sheets > MAX_SHEETS) continue;
    parts.set(e.name, inflateEntry(buf, e));
  }
  return parts;
}
