// Crafted .xlsx files of issue 14 (uploads that stalled the server): a valid workbook whose first
// worksheet part inflates to gigabytes of zeros while its zip entry declares a small size. Built
// without ever holding the zeros: one deflate block of 64 MiB of zeros (sync-flushed, so byte-aligned
// and not final) is repeated, then a final empty block closes the stream.
import zlib from 'node:zlib';
import { cmsRequire } from './accounts.mjs';

const XLSX = cmsRequire('xlsx');
const CHUNK = 64 * 1024 * 1024;

let block;
/** A raw deflate stream that inflates to `chunks` × 64 MiB of zeros. */
function zeroDeflate(chunks) {
  block ??= zlib.deflateRawSync(Buffer.alloc(CHUNK), { level: 9, finishFlush: zlib.constants.Z_SYNC_FLUSH });
  const end = zlib.deflateRawSync(Buffer.alloc(0));
  return Buffer.concat([...Array.from({ length: chunks }, () => block), end]);
}

/** The parts of a small valid workbook (SheetJS), by name. */
function workbookParts() {
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['配送企业名称', '统一社会信用代码', '联系电话']]), 'Sheet1');
  const zip = XLSX.CFB.read(XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }), { type: 'buffer' });
  const parts = new Map();
  zip.FullPaths.forEach((p, i) => {
    const f = zip.FileIndex[i];
    if (f.type === 2 && f.content && !p.includes('Sh33tJ5')) parts.set(p.replace(/^Root Entry\//, ''), Buffer.from(f.content));
  });
  return parts;
}

const crc32 = (b) => zlib.crc32(b);

/**
 * A zip of `entries` ({ name, data (already deflated when method 8), method, size, crc }) with the sizes
 * each entry declares written as given: local headers, central directory, end record.
 */
function zipOf(entries) {
  const locals = [];
  const central = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const lh = Buffer.alloc(30);
    lh.writeUInt32LE(0x04034b50, 0);
    lh.writeUInt16LE(20, 4);
    lh.writeUInt16LE(0x0800, 6);
    lh.writeUInt16LE(e.method, 8);
    lh.writeUInt32LE(e.crc >>> 0, 14);
    lh.writeUInt32LE(e.data.length, 18);
    lh.writeUInt32LE(e.size >>> 0, 22);
    lh.writeUInt16LE(name.length, 26);
    locals.push(lh, name, e.data);
    const ch = Buffer.alloc(46);
    ch.writeUInt32LE(0x02014b50, 0);
    ch.writeUInt16LE(20, 4);
    ch.writeUInt16LE(20, 6);
    ch.writeUInt16LE(0x0800, 8);
    ch.writeUInt16LE(e.method, 10);
    ch.writeUInt32LE(e.crc >>> 0, 16);
    ch.writeUInt32LE(e.data.length, 20);
    ch.writeUInt32LE(e.size >>> 0, 24);
    ch.writeUInt16LE(name.length, 28);
    ch.writeUInt32LE(offset, 42);
    central.push(ch, name);
    offset += 30 + name.length + e.data.length;
  }
  const cd = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

/**
 * A workbook whose `part` (default the first worksheet) inflates to `gib` GiB of zeros (in 64 MiB
 * steps) while declaring `declared` bytes. The other parts are a valid one-sheet workbook.
 */
export function zeroBombXlsx({ gib, declared, part = 'xl/worksheets/sheet1.xml' }) {
  const entries = [];
  for (const [name, content] of workbookParts()) {
    if (name === part) continue;
    entries.push({ name, method: 8, data: zlib.deflateRawSync(content), size: content.length, crc: crc32(content) });
  }
  entries.push({ name: part, method: 8, data: zeroDeflate(Math.round(gib * 16)), size: declared, crc: 0 });
  return zipOf(entries);
}

/** The files of issue 14 §2 (and one with the zeros in a part no sheet needs), each with its name. */
export function issueBombs() {
  return [
    { name: '1gib-declared-1000', bytes: zeroBombXlsx({ gib: 1, declared: 1000 }) },
    { name: '4.6gib-declared-1000', bytes: zeroBombXlsx({ gib: 4.6, declared: 1000 }) },
    { name: '1gib-declared-0', bytes: zeroBombXlsx({ gib: 1, declared: 0 }) },
    { name: '1gib-declared-honestly-in-media', bytes: zeroBombXlsx({ gib: 1, declared: 1024 ** 3, part: 'xl/media/image1.png' }) },
  ];
}
