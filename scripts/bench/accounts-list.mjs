// 本省配送企业用户列表 over 100,000 account rows: the filtered, paged list under 10 connections.
import autocannon from 'autocannon';
import { cmsRequire, creditCode } from './lib/accounts.mjs';

const N = 100_000;

export default async function ({ baseUrl, dbFile, login, report, restart }) {
  const Database = cmsRequire('better-sqlite3');
  const db = new Database(dbFile);
  db.pragma('journal_mode = WAL');
  const bureau = db.prepare("SELECT id FROM organisations WHERE type = 'bureau' AND province_code = '11'").get();
  const ins =
    db.prepare(`INSERT INTO distributor_accounts (document_id, username, provincial_account, company_name, credit_code, legal_person, authorised_person, phone,
    province_code, seq, bureau_org_id, issued, issued_at, enabled, last_login_at, created_at, updated_at, published_at)
    VALUES (?, ?, ?, ?, ?, '张三', '李四', ?, '11', ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const t = Date.now() - N * 1000;
  db.transaction(() => {
    for (let i = 0; i < N; i++) {
      const withAcc = i % 3 === 0;
      const issued = i % 2 === 0 ? 1 : 0;
      const at = t + i * 1000;
      ins.run(
        `bench${String(i).padStart(19, '0')}`,
        withAcc ? `P11L${i}` : `P11${String(i + 10).padStart(4, '0')}x${i}`,
        withAcc ? `L${i}` : null,
        `${['华润', '国药', '九州通', '上药', '科园'][i % 5]}医药配送${i}有限公司`,
        creditCode(i + 1, '9111'),
        `1390000${String(i).padStart(4, '0')}`.slice(0, 11),
        withAcc ? null : 100000 + i,
        bureau.id,
        issued,
        issued ? at : null,
        i % 10 === 0 ? 0 : 1,
        issued && i % 4 === 0 ? at : null,
        at,
        at,
        at,
      );
    }
  })();
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  await restart();
  const jwt = await login('bj_ybj');
  const paths = {
    default: '/api/distributor-accounts/manage',
    filtered: `/api/distributor-accounts/manage?issued=true&enabled=true&companyName=${encodeURIComponent('国药')}&pagination[page]=5&sort=createdAt:desc`,
  };
  const check = await fetch(`${baseUrl}${paths.filtered}`, { headers: { Authorization: `Bearer ${jwt}` } });
  const body = await check.json();
  if (check.status !== 200 || !(body.meta.pagination.total > 1000)) throw new Error(`list failed: ${check.status} ${JSON.stringify(body).slice(0, 300)}`);
  console.log(`filtered total ${body.meta.pagination.total} of ${N}+ rows`);

  const run = async (path) => {
    const times = [];
    await autocannon({
      url: `${baseUrl}${path}`,
      connections: 10,
      duration: 10,
      headers: { Authorization: `Bearer ${jwt}` },
      setupClient: (client) => client.on('response', (_status, _bytes, responseTime) => times.push(responseTime)),
    });
    times.sort((a, b) => a - b);
    return { p50: times[Math.floor(times.length * 0.5)], p95: times[Math.floor(times.length * 0.95)], n: times.length };
  };
  const d = await run(paths.default);
  console.log(`default list: ${d.n} requests, p50 ${d.p50.toFixed(1)} ms, p95 ${d.p95.toFixed(1)} ms`);
  const f = await run(paths.filtered);
  console.log(`filtered list: ${f.n} requests, p50 ${f.p50.toFixed(1)} ms, p95 ${f.p95.toFixed(1)} ms`);
  report('list_default_p95_ms', d.p95.toFixed(1), 'ms');
  report('list_p95_ms', f.p95.toFixed(1), 'ms');
}
