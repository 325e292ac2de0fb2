import http from 'node:http';
import * as XLSX from 'xlsx';
import { makeCreditCode } from '../../../src/domain';
import { baseUrl, call, loginAs, post, type ApiResponse } from '../support/client';

export const M = '/api/distributor-accounts/manage';

/** A fresh valid 统一社会信用代码 (random, so tests never collide). */
export function creditCode(): string {
  let s = '9114';
  for (let i = 0; i < 13; i++) s += String(Math.floor(Math.random() * 10));
  return makeCreditCode(s);
}
/** A fresh provincial account (letters and digits). */
export const provAccount = () => `T${Math.random().toString(36).slice(2, 10).toUpperCase()}`;
export const mobile = () => `139${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;

export function accountData(over: Record<string, unknown> = {}) {
  return {
    provincialAccount: provAccount(),
    companyName: `测试配送企业${Math.random().toString(36).slice(2, 8)}`,
    creditCode: creditCode(),
    legalPerson: '张三',
    authorisedPerson: '李四',
    phone: mobile(),
    ...over,
  };
}

export async function createAccount(bureau: string, over: Record<string, unknown> = {}) {
  const res = await post(M, { data: accountData(over) }, await loginAs(bureau));
  if (res.status !== 200) throw new Error(`create account: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.data as { documentId: string; username: string; creditCode: string; companyName: string; issued: boolean };
}

export async function issue(bureau: string, documentIds: string[]) {
  return post(`${M}/issue`, { documentIds }, await loginAs(bureau));
}

export async function listAll(bureau: string, query = '') {
  const res = await call('GET', `${M}?pagination[pageSize]=100${query}`, { auth: await loginAs(bureau) });
  return res;
}

/** An .xlsx from rows (first row = header). */
export function xlsx(rows: unknown[][], opts: { types?: boolean } = {}): Buffer {
  const ws = XLSX.utils.aoa_to_sheet(rows);
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, 'Sheet1');
  void opts;
  return XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer;
}

export const HEADER = ['省级耗材网采用户名', '配送企业名称', '统一社会信用代码', '法人', '被授权人', '联系电话'];

/** POST the file as multipart `file`. */
export async function upload(jwt: string, bytes: Buffer | Uint8Array, name = 'accounts.xlsx'): Promise<ApiResponse> {
  const fd = new FormData();
  fd.append('file', new Blob([bytes]), name);
  const res = await fetch(`${baseUrl()}${M}/import`, { method: 'POST', headers: { Authorization: `Bearer ${jwt}` }, body: fd });
  const text = await res.text();
  let body: any = text;
  try {
    body = JSON.parse(text);
  } catch {
    /* not JSON */
  }
  return { status: res.status, body, headers: res.headers };
}

/**
 * POST a file the server refuses while it is still being sent: node:http keeps the answer that arrived
 * before the server closed the connection (fetch would fail with EPIPE and lose it).
 */
export async function uploadRefused(jwt: string, bytes: Buffer, name = 'accounts.xlsx'): Promise<{ status: number; body: any }> {
  const boundary = `----accounts${Date.now()}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
  );
  const payload = Buffer.concat([head, bytes, Buffer.from(`\r\n--${boundary}--\r\n`)]);
  const url = new URL(`${baseUrl()}${M}/import`);
  return new Promise((resolve, reject) => {
    let answered = false;
    const req = http.request(
      url,
      {
        method: 'POST',
        headers: { Authorization: `Bearer ${jwt}`, 'Content-Type': `multipart/form-data; boundary=${boundary}`, 'Content-Length': payload.length },
      },
      (res) => {
        answered = true;
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c) => (text += c));
        res.on('end', () => {
          let body: any = text;
          try {
            body = JSON.parse(text);
          } catch {
            /* not JSON */
          }
          resolve({ status: res.statusCode ?? 0, body });
        });
      },
    );
    req.on('error', (e) => {
      if (!answered) reject(e);
    });
    req.end(payload);
  });
}
