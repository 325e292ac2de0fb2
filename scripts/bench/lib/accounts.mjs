// Helpers for the distributor-account benchmarks: valid credit codes, an .xlsx of N rows, multipart upload.
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const cmsRequire = createRequire(path.resolve(here, '..', '..', '..', 'cms', 'package.json'));
const XLSX = cmsRequire('xlsx');

const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
/** The i-th valid credit code of a run (distinct for distinct i). */
export function creditCode(i, prefix = '9114') {
  const s = `${prefix}${String(i).padStart(17 - prefix.length, '0')}`;
  let sum = 0;
  for (let k = 0; k < 17; k++) sum += CHARSET.indexOf(s[k]) * WEIGHTS[k];
  return s + CHARSET[(31 - (sum % 31)) % 31];
}

export const HEADER = ['省级耗材网采用户名', '配送企业名称', '统一社会信用代码', '法人', '被授权人', '联系电话'];

/** A filled template of n rows (half with a provincial account, phones as numbers like Excel). */
export function templateOf(n, runTag = 'B') {
  const rows = [HEADER];
  for (let i = 0; i < n; i++) {
    rows.push([i % 2 ? `${runTag}${String(i).padStart(6, '0')}` : '', `基准配送企业${runTag}${i}`, creditCode(i + 1), '张三', '李四', 13800000000 + i]);
  }
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(rows), 'Sheet1');
  return XLSX.write(wb, { type: 'buffer', bookType: 'xlsx', compression: true });
}

export async function upload(baseUrl, jwt, buf) {
  const fd = new FormData();
  fd.append('file', new Blob([buf]), 'accounts.xlsx');
  const res = await fetch(`${baseUrl}/api/distributor-accounts/manage/import`, { method: 'POST', headers: { Authorization: `Bearer ${jwt}` }, body: fd });
  return { status: res.status, body: await res.json() };
}
