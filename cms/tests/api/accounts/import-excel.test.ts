/** 导入 of sheets as Excel writes them: its number conversions explained, invisible characters, a header not on row 1, the template's text columns. */
import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { baseUrl, call, expectRefused, loginAs } from '../support/client';
import { creditCode, HEADER, listAll, M, mobile, upload } from './support';

const SX = 'sxBureau';

/** An .xlsx of `rows` with some cells replaced by what Excel stores (numbers with Excel's formats). */
function excelFile(rows: unknown[][], cells: Record<string, XLSX.CellObject> = {}, before: Array<[string, unknown[][]]> = []): Buffer {
  const ws = XLSX.utils.aoa_to_sheet(rows);
  Object.assign(ws, cells);
  const wb = XLSX.utils.book_new();
  for (const [name, aoa] of before) XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(aoa), name);
  XLSX.utils.book_append_sheet(wb, ws, 'Sheet1');
  return XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer;
}

/** The file with a numeric cell's stored value replaced in the sheet XML (a value SheetJS would not write, as 1e309). */
function withRawValue(buf: Buffer, placeholder: string, raw: string): Buffer {
  const zip = XLSX.CFB.read(buf, { type: 'buffer' });
  const i = zip.FullPaths.findIndex((p) => p.endsWith('xl/worksheets/sheet1.xml'));
  const entry = zip.FileIndex[i]!;
  entry.content = Buffer.from(
    Buffer.from(entry.content as Uint8Array)
      .toString('utf8')
      .replace(`<v>${placeholder}</v>`, `<v>${raw}</v>`),
  );
  return Buffer.from(XLSX.CFB.write(zip, { type: 'buffer', fileType: 'zip' }) as Uint8Array);
}

const tagOf = (p: string) => `${p}${Date.now().toString(36)}`;

describe('导入: what Excel did to the cells is explained, never stored', () => {
  it('explains a number where text was typed: 82599E2, an 18-character code as 9.11101E+44, an account beyond 2^53, 1e309, a landline without its 0', async () => {
    const tag = tagOf('转数字');
    const rows = [HEADER, ...Array.from({ length: 5 }, (_, i) => ['', `${tag}${i}`, creditCode(), '', '', mobile()])];
    let file = excelFile(rows, {
      A2: { t: 'n', v: 8259900, z: '0.00E+00' }, // typed 82599E2
      C3: { t: 'n', v: 9.11101001000001e44 }, // typed 911101001000001E29
      A4: { t: 'n', v: 9007199254740992 }, // typed 9007199254740993
      D5: { t: 'n', v: 123456.125 }, // 1e309, written below
      F6: { t: 'n', v: 3517023456 }, // typed 03517023456
    });
    file = withRawValue(file, '123456.125', '1e309');
    const res = await upload(await loginAs(SX), file);
    const rowsBack = expectRefused(res, 400, 'IMPORT_ROWS_INVALID').details.info.rows as { row: number; column: string; message: string }[];
    const at = (row: number) => rowsBack.filter((e) => e.row === row);
    expect(at(2)).toEqual([expect.objectContaining({ column: '省平台账号', message: expect.stringContaining('Excel 已将该单元格转为数字（8259900）') })]);
    expect(at(3)).toEqual([
      expect.objectContaining({ column: '统一社会信用代码', message: expect.stringContaining('Excel 已将该单元格转为数字（9.11101E+44）') }),
    ]);
    expect(at(4)).toEqual([expect.objectContaining({ column: '省平台账号', message: expect.stringContaining('超过15位的数字末尾已丢失') })]);
    expect(at(5)).toEqual([expect.objectContaining({ column: '法人', message: expect.stringContaining('Excel 已将该单元格转为数字') })]);
    expect(at(6)).toEqual([
      expect.objectContaining({ column: '联系电话', message: expect.stringContaining('开头的“0”已丢失（现为 3517023456，应为 03517023456）') }),
    ]);
    expect(JSON.stringify(rowsBack)).not.toMatch(/手机号码应为11位数字|44位|Infinity/);
    expect((await listAll(SX, `&companyName=${encodeURIComponent(tag)}`)).body.data).toEqual([]);
  });

  it('imports what Excel keeps exactly: a mobile and a provincial account typed as numbers; invisible characters are removed', async () => {
    const tag = tagOf('不可见');
    const code = creditCode();
    const account = String(Math.floor(1e6 + Math.random() * 8e6));
    const phone = mobile();
    const file = excelFile([HEADER, ['', `${tag}甲`, `\u200b${code.slice(0, 9)}\u200b${code.slice(9)}\ufeff`, '张\u200d三', '', '']], {
      A2: { t: 'n', v: Number(account) },
      F2: { t: 'n', v: Number(phone) },
    });
    const res = await upload(await loginAs(SX), file);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const [row] = (await listAll(SX, `&companyName=${encodeURIComponent(tag)}`)).body.data as any[];
    expect(row).toMatchObject({ username: `P14${account}`, creditCode: code, legalPerson: '张三', phone });
  });

  it('refuses numbers JSON cannot hold exactly where text is expected (1e309, 2^53 + 1), storing nothing', async () => {
    const jwt = await loginAs(SX);
    const tag = tagOf('JSON数');
    for (const [field, raw] of [
      ['legalPerson', '1e309'],
      ['provincialAccount', '9007199254740993'],
    ]) {
      const body = `{"data":{"companyName":"${tag}","creditCode":"${creditCode()}","phone":"${mobile()}","${field}":${raw}}}`;
      const res = await call('POST', M, { auth: jwt, raw: body, headers: { 'Content-Type': 'application/json' } });
      expect(res.status, `${field} ${JSON.stringify(res.body)}`).toBe(400);
      expect(res.body.error.message).toMatch(/[\u4e00-\u9fff]/);
    }
    expect((await listAll(SX, `&companyName=${encodeURIComponent(tag)}`)).body.data).toEqual([]);
  });
});

describe('导入: the header row is found, or its place is explained', () => {
  it('accepts an instructions sheet first and a title row above the header, and counts rows as Excel shows them', async () => {
    const tag = tagOf('标题行');
    const file = excelFile(
      [[`${tag}配送企业账号导入`], [], HEADER, ['', `${tag}甲`, creditCode(), '', '', mobile()], ['', `${tag}乙`, '91110000101118502X', '', '', mobile()]],
      {},
      [['填写说明', [['请按模板填写'], ['统一社会信用代码为18位']]]],
    );
    const bad = await upload(await loginAs(SX), file);
    const errs = expectRefused(bad, 400, 'IMPORT_ROWS_INVALID').details.info.rows as { row: number; column: string }[];
    expect(errs).toEqual([expect.objectContaining({ row: 5, column: '统一社会信用代码' })]);
    const back = XLSX.read(Buffer.from(bad.body.error.details.info.errorFile, 'base64'), { type: 'buffer' });
    const sheet = XLSX.utils.sheet_to_json<string[]>(back.Sheets[back.SheetNames[0]!]!, { header: 1, defval: '' });
    expect(sheet[2]![6]).toContain('校验位');

    const ok = excelFile([[`${tag}配送企业账号导入`], HEADER, ['', `${tag}丙`, creditCode(), '', '', mobile()]], {}, [['填写说明', [['请按模板填写']]]]);
    const res = await upload(await loginAs(SX), ok);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.data.created).toBe(1);
  });

  it('says where the header must be when none is found', async () => {
    const res = await upload(await loginAs(SX), excelFile([['配送企业账号'], ['企业', '代码', '电话'], ['x', creditCode(), mobile()]]));
    const errs = expectRefused(res, 400, 'IMPORT_ROWS_INVALID').details.info.rows as { message: string }[];
    expect(errs[0]!.message).toContain('表头须位于第一个工作表的第1行');
  });
});

describe('模板下载: every column is text', () => {
  it('formats the cells under each header as text (type string, number format @)', async () => {
    const res = await fetch(`${baseUrl()}${M}/template`, { headers: { Authorization: `Bearer ${await loginAs(SX)}` } });
    expect(res.status).toBe(200);
    const wb = XLSX.read(Buffer.from(await res.arrayBuffer()), { type: 'buffer', cellNF: true, cellStyles: true });
    const ws = wb.Sheets[wb.SheetNames[0]!]!;
    for (const col of 'ABCDEF') {
      expect(ws[`${col}3`], col).toMatchObject({ t: 's', z: '@' });
      expect(ws[`${col}500`], col).toMatchObject({ t: 's', z: '@' });
    }
  });
});
