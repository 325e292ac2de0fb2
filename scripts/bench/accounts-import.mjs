// 导入: a 10,000-row filled template from upload to answer (validation included).
import { templateOf, upload } from './lib/accounts.mjs';

export default async function ({ baseUrl, login, report }) {
  const jwt = await login('sx_ybj');
  const buf = templateOf(10_000, 'IM');
  const t0 = performance.now();
  const res = await upload(baseUrl, jwt, buf);
  const s = (performance.now() - t0) / 1000;
  if (res.status !== 200 || res.body?.data?.created !== 10_000) throw new Error(`import failed: ${res.status} ${JSON.stringify(res.body).slice(0, 500)}`);
  console.log(`file ${(buf.length / 1024).toFixed(0)} KB, created ${res.body.data.created}`);
  report('import_10000_rows_s', s.toFixed(2), 's');
}
