import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../../src/domain';
import { checkZip, readSheetRows } from '../../src/utils/xlsx-upload';

function workbook(rows: unknown[][]): Buffer {
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(rows), '账号');
  return XLSX.write(wb, { type: 'buffer', bookType: 'xlsx', compression: true }) as Buffer;
}

function refusal(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('expected a DomainError');
}

/** The first central-directory entry of a zip, to forge its declared sizes. */
function firstCentralEntry(buf: Buffer): number {
  for (let i = buf.length - 22; i >= 0; i--) if (buf.readUInt32LE(i) === 0x06054b50) return buf.readUInt32LE(i + 16);
  throw new Error('no end of central directory');
}

describe('readSheetRows', () => {
  it('answers the first sheet as rows of raw values, numbers kept as numbers', () => {
    const { rows, sheetName } = readSheetRows(
      workbook([
        ['用户名', '数量'],
        ['P11PS0001', 3],
      ]),
      10,
    );
    expect(sheetName).toBe('账号');
    expect(rows).toEqual([
      ['用户名', '数量'],
      ['P11PS0001', 3],
    ]);
  });

  it('reads at most maxRows + 2 rows (header and one over the limit, to say "too many")', () => {
    const rows = [['h'], ...Array.from({ length: 20 }, (_, i) => [i])];
    expect(readSheetRows(workbook(rows), 5).rows).toHaveLength(7);
  });

  it('refuses more than 50 columns', () => {
    const e = refusal(() => readSheetRows(workbook([Array.from({ length: 51 }, (_, i) => `c${i}`)]), 10));
    expect([e.status, e.code, e.field]).toEqual([400, 'IMPORT_FILE_INVALID', 'file']);
    expect(e.message).toMatch(/^表格列数过多/);
  });
});

describe('checkZip (before SheetJS sees the bytes)', () => {
  it('accepts a workbook written by SheetJS', () => {
    expect(() => checkZip(workbook([['a']]))).not.toThrow();
  });

  it('refuses bytes that are not a zip, and a truncated zip', () => {
    expect(refusal(() => checkZip(Buffer.from('用户名,数量\nP11PS0001,3\n'))).code).toBe('IMPORT_FILE_INVALID');
    const cut = workbook([['a']]);
    expect(refusal(() => checkZip(cut.subarray(0, cut.length - 30))).message).toMatch(/文件已损坏/);
  });

  it('refuses a part that declares a compression ratio above 200 (a zip bomb)', () => {
    const buf = Buffer.from(workbook([['a']]));
    buf.writeUInt32LE(5 * 1024 * 1024, firstCentralEntry(buf) + 24);
    expect(refusal(() => checkZip(buf)).message).toBe('文件压缩比异常，已拒绝处理');
  });

  it('refuses parts that declare more than 120 MB together as IMPORT_FILE_TOO_LARGE', () => {
    const buf = Buffer.from(workbook([['a']]));
    const p = firstCentralEntry(buf);
    buf.writeUInt32LE(130 * 1024 * 1024, p + 24);
    buf.writeUInt32LE(130 * 1024 * 1024, p + 20);
    expect(refusal(() => checkZip(buf)).code).toBe('IMPORT_FILE_TOO_LARGE');
  });
});
