/** 模板下载 and 导入 (manual 000 §3.2.5): every row checked, all or nothing, every error listed; bad files refused. */
import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { call, expectRefused, loginAs, type ApiResponse } from '../support/client';
import { createAccount, creditCode, HEADER, listAll, M, mobile, provAccount, upload, uploadRefused, xlsx } from './support';

const SX = 'sxBureau';

async function namesLike(tag: string) {
  return ((await listAll(SX, `&companyName=${encodeURIComponent(tag)}`)).body.data as any[]).map((r) => r.companyName).sort();
}

describe('模板下载', () => {
  it('gives an .xlsx with the header row, a format row, column widths and text-formatted code and phone columns', async () => {
    const res = await fetch(`${(await import('../support/client')).baseUrl()}${M}/template`, { headers: { Authorization: `Bearer ${await loginAs(SX)}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
    const wb = XLSX.read(Buffer.from(await res.arrayBuffer()), { type: 'buffer', cellNF: true, cellStyles: true });
    const ws = wb.Sheets[wb.SheetNames[0]!]!;
    const rows = XLSX.utils.sheet_to_json<string[]>(ws, { header: 1, defval: '' });
    expect(rows[0]).toEqual(HEADER);
    expect(rows[1]![1]).toContain('必填');
    expect(rows[1]![2]).toContain('18位');
    expect((ws['!cols'] ?? []).length).toBe(6);
    expect(ws['!cols']![1]!.wch ?? ws['!cols']![1]!.width).toBeGreaterThan(20);
    expect(ws['C3']?.z).toBe('@');
    expect(ws['F3']?.z).toBe('@');
  });
});

describe('导入', () => {
  it('imports every row in one go: format row skipped, numbers as typed in Excel, full-width and stray spaces handled', async () => {
    const tag = `导入${Date.now().toString(36)}`;
    const acc = provAccount();
    const phone = mobile();
    const rows = [
      HEADER,
      ['选填；字母或数字，1-20位；无省级耗材网采用户名的不填，系统按顺序码生成用户名', '必填；企业全称，最多100字', '必填；18位', '', '', '必填'],
      [acc, `${tag}甲`, creditCode(), '王五', '赵六', Number(phone)],
      ['', ` ${tag}乙\u3000`, ` ${[...creditCode()].map((c) => String.fromCodePoint(c.codePointAt(0)! + 0xfee0)).join('')} `, '', '', ' 0351-7023456 '],
      [null, null, null, null, null, null],
      ['', `${tag}丙`, creditCode(), '', '', mobile()],
    ];
    const res = await upload(await loginAs(SX), xlsx(rows));
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.data.created).toBe(3);
    const list = (await listAll(SX, `&companyName=${encodeURIComponent(tag)}&sort=companyName:asc`)).body.data as any[];
    expect(list).toHaveLength(3);
    const a = list.find((r) => r.companyName === `${tag}甲`);
    expect(a).toMatchObject({ username: `P14${acc}`, phone, issued: false });
    const b = list.find((r) => r.companyName === `${tag}乙`);
    expect(b.username).toMatch(/^P14\d{4}$/);
    expect(b.phone).toBe('0351-7023456');
    const c = list.find((r) => r.companyName === `${tag}丙`);
    expect(Number(c.username.slice(3))).toBe(Number(b.username.slice(3)) + 1);
  });

  it('checks every row; one bad row stores nothing, and every error comes back as row / column / reason with the sheet', async () => {
    const tag = `错误${Date.now().toString(36)}`;
    const existing = await createAccount(SX);
    const dupCode = creditCode();
    const acc = provAccount();
    const rows = [
      HEADER,
      ['', `${tag}好`, creditCode(), '', '', mobile()],
      ['', '', creditCode(), '', '', mobile()], // row 3: no name
      ['', `${tag}码`, '91110000101118502X', '', '', mobile()], // row 4: check digit
      ['', `${tag}话`, creditCode(), '', '', '12345'], // row 5: phone
      [acc, `${tag}重1`, dupCode, '', '', mobile()], // row 6
      [acc, `${tag}重2`, dupCode, '', '', mobile()], // row 7: duplicates of row 6
      ['', `${tag}平台`, existing.creditCode, '', '', mobile()], // row 8: against the platform
      [existing.username.slice(3), `${tag}名`, creditCode(), '', '', mobile()], // row 9: username clash
    ];
    const res = await upload(await loginAs(SX), xlsx(rows));
    expect(res.status).toBe(400);
    expect(res.body.error.details.code).toBe('IMPORT_ROWS_INVALID');
    const errs = res.body.error.details.info.rows as { row: number; column: string; message: string }[];
    const at = (row: number) => errs.filter((e) => e.row === row);
    expect(at(2)).toHaveLength(0);
    expect(at(3)[0]).toMatchObject({ column: '配送企业名称', message: '配送企业名称不能为空' });
    expect(at(4)[0]).toMatchObject({ column: '统一社会信用代码' });
    expect(at(5)[0]).toMatchObject({ column: '联系电话' });
    expect(at(7).map((e) => e.message)).toEqual(expect.arrayContaining(['与第6行统一社会信用代码重复', '与第6行省平台账号（用户名）重复']));
    expect(at(8)[0]!.message).toContain('已被');
    expect(at(9)[0]).toMatchObject({ column: '省平台账号', message: `用户名 ${existing.username} 已存在` });
    expect(await namesLike(tag)).toEqual([]);
    const wb = XLSX.read(Buffer.from(res.body.error.details.info.errorFile, 'base64'), { type: 'buffer' });
    const back = XLSX.utils.sheet_to_json<string[]>(wb.Sheets[wb.SheetNames[0]!]!, { header: 1, defval: '' });
    expect(back[0]![6]).toBe('错误信息');
    expect(back[2]![6]).toContain('配送企业名称不能为空');
    expect(back[1]![6]).toBe('');

    // Fixed, the same file imports.
    const fixed = [rows[0]!, rows[1]!, ['', `${tag}好2`, creditCode(), '', '', mobile()]];
    const ok = await upload(await loginAs(SX), xlsx(fixed));
    expect(ok.status).toBe(200);
    expect(ok.body.data.created).toBe(2);
  });

  it('refuses unknown and missing columns', async () => {
    const unknown = await upload(
      await loginAs(SX),
      xlsx([
        [...HEADER, '备注'],
        ['', 'x', creditCode(), '', '', mobile(), ''],
      ]),
    );
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.details.info.rows[0]).toMatchObject({ row: 1, column: '备注' });
    const missing = await upload(await loginAs(SX), xlsx([['配送企业名称'], ['x']]));
    expect(missing.status).toBe(400);
    expect(missing.body.error.details.info.rows.map((e: any) => e.column)).toEqual(expect.arrayContaining(['统一社会信用代码', '联系电话']));
    const stray = await upload(await loginAs(SX), xlsx([HEADER, ['', 'y', creditCode(), '', '', mobile(), '多余']]));
    expect(stray.status).toBe(400);
    expect(stray.body.error.details.info.rows[0]).toMatchObject({ row: 2, column: '第7列' });
  });

  it('refuses a file that is not an .xlsx, a zip bomb, a zip without a workbook, no file, too many rows', async () => {
    const jwt = await loginAs(SX);
    const text = await upload(jwt, Buffer.from('配送企业名称,统一社会信用代码\n'), 'a.csv');
    expect(text.status).toBe(400);
    expect(text.body.error.details.code).toBe('IMPORT_FILE_INVALID');
    // Central directory declaring a huge uncompressed part.
    const good = xlsx([HEADER, ['', 'z', creditCode(), '', '', mobile()]]);
    const bomb = Buffer.from(good);
    let p = bomb.length - 22;
    while (bomb.readUInt32LE(p) !== 0x06054b50) p--;
    const cd = bomb.readUInt32LE(p + 16);
    bomb.writeUInt32LE(0x7fffff00, cd + 24);
    const b = await upload(jwt, bomb);
    expect(b.status).toBe(400);
    expect(b.body.error.message).toMatch(/解压后过大|压缩比/);
    const corrupt = Buffer.from(good.subarray(0, 200));
    expect((await upload(jwt, corrupt)).status).toBe(400);
    const wide = XLSX.utils.aoa_to_sheet([HEADER]);
    wide['XFD2'] = { t: 's', v: 'far away' };
    wide['!ref'] = 'A1:XFD2';
    const wwb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wwb, wide, 'S');
    const w = await upload(jwt, XLSX.write(wwb, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
    expect(w.status).toBe(400);
    expect(w.body.error.message).toContain('列数过多');
    const noFile = await call('POST', `${M}/import`, { auth: jwt, body: {} });
    expect(noFile.status).toBe(400);
    expect(noFile.body.error.details.code).toBe('IMPORT_FILE_MISSING');
    const many: unknown[][] = [HEADER];
    for (let i = 0; i < 20_002; i++) many.push(['', `多${i}`, '', '', '', '']);
    const tooMany = await upload(jwt, xlsx(many));
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.error.details.code).toBe('IMPORT_TOO_MANY_ROWS');
  });

  it('refuses a file over 5 MB', async () => {
    const big = Buffer.alloc(5 * 1024 * 1024 + 10, 1);
    big.writeUInt32LE(0x04034b50, 0);
    const res = await uploadRefused(await loginAs(SX), big);
    expect(expectRefused(res as ApiResponse, 413, 'UPLOAD_TOO_LARGE').message).toMatch(/5 MB/);
  });

  it('is refused to other roles', async () => {
    for (const who of ['admin', 'sxDist1', 'sxrm'] as const) {
      const res = await upload(await loginAs(who), xlsx([HEADER]));
      expect(res.status, who).toBe(403);
    }
  });
});
