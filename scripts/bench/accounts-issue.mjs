// 发放账号: issuing 10,000 accounts in one request (organisations, logins and links created in batches).
import { cmsRequire, templateOf, upload } from './lib/accounts.mjs';

export default async function ({ baseUrl, dbFile, login, report }) {
  const jwt = await login('sx_ybj');
  const imp = await upload(baseUrl, jwt, templateOf(10_000, 'IS'));
  if (imp.status !== 200) throw new Error(`setup import failed: ${imp.status} ${JSON.stringify(imp.body).slice(0, 300)}`);
  const Database = cmsRequire('better-sqlite3');
  const db = new Database(dbFile, { readonly: true });
  const ids = db
    .prepare("SELECT document_id FROM distributor_accounts WHERE province_code = '14' AND issued = 0")
    .all()
    .map((r) => r.document_id);
  db.close();
  if (ids.length !== 10_000) throw new Error(`expected 10000 rows to issue, found ${ids.length}`);
  const t0 = performance.now();
  const res = await fetch(`${baseUrl}/api/distributor-accounts/manage/issue`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${jwt}`, 'content-type': 'application/json' },
    body: JSON.stringify({ documentIds: ids }),
  });
  const body = await res.json();
  const s = (performance.now() - t0) / 1000;
  if (res.status !== 200 || body?.data?.issued !== 10_000) throw new Error(`issue failed: ${res.status} ${JSON.stringify(body).slice(0, 300)}`);
  // One issued login works with the bureau's initial password.
  const probe = await fetch(`${baseUrl}/api/auth/local`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ identifier: 'P14IS000001', password: 'Demo@123456' }),
  });
  if (probe.status !== 200) throw new Error(`issued login refused: ${probe.status}`);
  report('issue_10000_accounts_s', s.toFixed(2), 's');
}
