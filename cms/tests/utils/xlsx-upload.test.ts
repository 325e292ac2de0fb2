import path from 'node:path';
import { pathToFileURL } from 'node:url';
import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../../src/domain';
import { parseXlsx } from '../../src/utils/xlsx-parse';
import { checkZip, inflateSheetParts } from '../../src/utils/xlsx-zip';

function workbook(rows: unknown[][], more: Array<[string, XLSX.WorkSheet]> = []): Buffer {
  const wb = XLSX.utils.book_new();
  for (const [name, ws] of more) XLSX.utils.book_append_sheet(wb, ws, name);
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

/** The central-directory entry of a zip's part `name`, to forge its declared sizes. */
function centralEntry(buf: Buffer, name: string): number {
  let eocd = buf.length - 22;
  while (buf.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  let p = buf.readUInt32LE(eocd + 16);
  for (;;) {
    const nameLen = buf.readUInt16LE(p + 28);
    if (buf.toString('utf8', p + 46, p + 46 + nameLen) === name) return p;
    p += 46 + nameLen + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
  }
}

type Bombs = { zeroBombXlsx: (o: { gib: number; declared: number; part?: string }) => Buffer };
const bombs = (): Promise<Bombs> => import(pathToFileURL(path.resolve(__dirname, '../../../scripts/bench/lib/xlsx-bombs.mjs')).href);

describe('parseXlsx', () => {
  it('answers the first sheet as rows of raw values, numbers kept as numbers', () => {
    const sheet = parseXlsx(
      workbook([
        ['用户名', '数量'],
        ['P11PS0001', 3],
      ]),
      { maxRows: 10 },
    );
    expect(sheet).toMatchObject({ sheetName: '账号', headerRow: 1, headerFound: false });
    expect(sheet.rows).toEqual([
      ['用户名', '数量'],
      ['P11PS0001', 3],
    ]);
  });

  it('reads at most maxRows + 2 rows (header and one over the limit, to say "too many")', () => {
    const rows = [['h'], ...Array.from({ length: 40 }, (_, i) => [i])];
    expect(parseXlsx(workbook(rows), { maxRows: 5 }).rows).toHaveLength(7);
  });

  it('refuses more than 50 columns', () => {
    const e = refusal(() => parseXlsx(workbook([Array.from({ length: 51 }, (_, i) => `c${i}`)]), { maxRows: 10 }));
    expect([e.status, e.code, e.field]).toEqual([400, 'IMPORT_FILE_INVALID', 'file']);
    expect(e.message).toMatch(/^表格列数过多/);
  });

  it('finds the header below a title row and after an instructions sheet', () => {
    const notes = XLSX.utils.aoa_to_sheet([['填写说明'], ['统一社会信用代码请填写18位']]);
    const buf = workbook([['2026年配送企业账号'], [], ['配送企业名称', ' 统一社会信用代码* ', '联系电话'], ['甲', 'X', 1]], [['说明', notes]]);
    const sheet = parseXlsx(buf, { maxRows: 10, header: { required: ['配送企业名称', '统一社会信用代码', '联系电话'] } });
    expect(sheet).toMatchObject({ sheetName: '账号', headerRow: 3, headerFound: true });
    expect(sheet.rows).toEqual([
      ['配送企业名称', ' 统一社会信用代码* ', '联系电话'],
      ['甲', 'X', 1],
    ]);
  });

  it('reports the number formats of numeric cells (Excel writes 82599E2 as 8259900 formatted 0.00E+00)', () => {
    const ws = XLSX.utils.aoa_to_sheet([['a', 'b']]);
    ws['A2'] = { t: 'n', v: 8259900, z: '0.00E+00' };
    ws['B2'] = { t: 'n', v: 13800138000 };
    ws['!ref'] = 'A1:B2';
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, ws, 'S');
    const sheet = parseXlsx(XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer, { maxRows: 5 });
    expect(sheet.rows[1]).toEqual([8259900, 13800138000]);
    expect(sheet.numberFormats).toEqual([[1, 0, '0.00E+00']]);
  });
});

describe('checkZip and inflateSheetParts (the zip is not trusted)', () => {
  it('accepts a workbook written by SheetJS and inflates only the parts a sheet needs', () => {
    const buf = workbook([['a']]);
    expect(() => checkZip(buf)).not.toThrow();
    expect([...inflateSheetParts(buf).keys()].sort()).toEqual(
      [
        '[Content_Types].xml',
        '_rels/.rels',
        'xl/_rels/workbook.xml.rels',
        'xl/metadata.xml',
        'xl/styles.xml',
        'xl/workbook.xml',
        'xl/worksheets/sheet1.xml',
      ].sort(),
    );
  });

  it('refuses bytes that are not a zip, and a truncated zip', () => {
    expect(refusal(() => checkZip(Buffer.from('用户名,数量\nP11PS0001,3\n'))).code).toBe('IMPORT_FILE_INVALID');
    const cut = workbook([['a']]);
    expect(refusal(() => checkZip(cut.subarray(0, cut.length - 30))).message).toMatch(/文件已损坏/);
  });

  it('refuses a sheet part that declares a compression ratio above 200', () => {
    const buf = Buffer.from(workbook([['a']]));
    buf.writeUInt32LE(5 * 1024 * 1024, centralEntry(buf, 'xl/worksheets/sheet1.xml') + 24);
    expect(refusal(() => checkZip(buf)).message).toBe('文件压缩比异常，已拒绝处理');
  });

  it('refuses sheet parts that declare more than their limit as IMPORT_FILE_TOO_LARGE', () => {
    const buf = Buffer.from(workbook([['a']]));
    const p = centralEntry(buf, 'xl/worksheets/sheet1.xml');
    buf.writeUInt32LE(130 * 1024 * 1024, p + 24);
    buf.writeUInt32LE(130 * 1024 * 1024, p + 20);
    expect(refusal(() => checkZip(buf)).code).toBe('IMPORT_FILE_TOO_LARGE');
  });

  it('refuses a part whose real size differs from the declared one', () => {
    const buf = Buffer.from(workbook([['a']]));
    const p = centralEntry(buf, 'xl/workbook.xml');
    buf.writeUInt32LE(buf.readUInt32LE(p + 24) + 5, p + 24);
    expect(refusal(() => inflateSheetParts(buf)).message).toMatch(/声明的大小不符/);
  });

  it('stops inflating a part at its declared size: 1 GiB of zeros declared as 1,000 bytes, or as 0', async () => {
    const { zeroBombXlsx } = await bombs();
    for (const declared of [1000, 0]) {
      const bomb = zeroBombXlsx({ gib: 1, declared });
      expect(bomb.length).toBeLessThan(1.1 * 1024 * 1024);
      const t0 = performance.now();
      const e = refusal(() => parseXlsx(bomb, { maxRows: 10 }));
      expect([e.status, e.code]).toEqual([400, 'IMPORT_FILE_TOO_LARGE']);
      expect(e.message).toMatch(/压缩炸弹/);
      expect(performance.now() - t0).toBeLessThan(500);
    }
  });

  it('never inflates a part no sheet needs, whatever it holds', async () => {
    const { zeroBombXlsx } = await bombs();
    const bomb = zeroBombXlsx({ gib: 1, declared: 1024 ** 3, part: 'xl/media/image1.png' });
    expect(parseXlsx(bomb, { maxRows: 10 }).rows[0]).toEqual(['配送企业名称', '统一社会信用代码', '联系电话']);
  });
});
