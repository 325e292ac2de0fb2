/**
 * WOFF 1.0 → plain TrueType/OpenType bytes (zlib-inflate each table, rewrite the table directory).
 * fontkit subsets a WOFF font very slowly (it re-inflates tables per glyph); the same font as a
 * plain sfnt subsets in milliseconds.
 */
import zlib from 'node:zlib';

export function woffToSfnt(woff: Buffer): Buffer {
  if (woff.toString('latin1', 0, 4) !== 'wOFF') throw new Error('not a WOFF 1.0 font');
  const flavor = woff.readUInt32BE(4);
  const numTables = woff.readUInt16BE(12);
  const tables: Array<{ tag: Buffer; checksum: number; data: Buffer }> = [];
  for (let i = 0; i < numTables; i++) {
    const p = 44 + i * 20;
    const offset = woff.readUInt32BE(p + 4);
    const compLength = woff.readUInt32BE(p + 8);
    const origLength = woff.readUInt32BE(p + 12);
    const raw = woff.subarray(offset, offset + compLength);
    tables.push({ tag: woff.subarray(p, p + 4), checksum: woff.readUInt32BE(p + 16), data: compLength < origLength ? zlib.inflateSync(raw) : raw });
  }
  let entrySelector = 0;
  while (2 ** (entrySelector + 1) <= numTables) entrySelector++;
  const searchRange = 2 ** entrySelector * 16;
  const header = Buffer.alloc(12 + numTables * 16);
  header.writeUInt32BE(flavor, 0);
  header.writeUInt16BE(numTables, 4);
  header.writeUInt16BE(searchRange, 6);
  header.writeUInt16BE(entrySelector, 8);
  header.writeUInt16BE(numTables * 16 - searchRange, 10);
  const parts: Buffer[] = [header];
  let offset = header.length;
  tables.forEach((t, i) => {
    const p = 12 + i * 16;
    t.tag.copy(header, p);
    header.writeUInt32BE(t.checksum, p + 4);
    header.writeUInt32BE(offset, p + 8);
    header.writeUInt32BE(t.data.length, p + 12);
    const padded = Buffer.alloc((t.data.length + 3) & ~3);
    t.data.copy(padded);
    parts.push(padded);
    offset += padded.length;
  });
  return Buffer.concat(parts);
}
