// `npm run bench -- pg-scale`: PostgreSQL at 10,000,000 order lines, two server processes on one database.
// Wipes BENCH_DATABASE_URL, lets the server create the schema and seed the demo, loads PG_SCALE_LINES
// order lines (default 10,000,000) with their orders, deliveries, returns and 统计 aggregates by COPY
// (./generate.mjs), starts two server processes on two ports, and reports in one run:
//   inbox_p99_ms / inbox_rps  the 待配送 list of the distributor with the most lines, 10 connections split
//                             over both processes (p99: the higher of the two; req/s: the sum)
//   stats_p95_ms              the three 统计查询 views with typical filters, every role, 10 connections
//   delivery_p95_ms           single 配送 requests on distinct confirmed lines, alternating processes
//   db_size_mb                pg_database_size after the load
// PG_SCALE_REUSE=1 keeps a database already loaded with at least PG_SCALE_LINES lines (development).
import crypto from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { generate } from './generate.mjs';
import { freePort, login, runServe, serverEnv, startServer } from './servers.mjs';

export const ownServers = true;

const LINES = Number(process.env.PG_SCALE_LINES ?? 10_000_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const STATS_REQUESTS = Number(process.env.BENCH_STATS_REQUESTS ?? 600);
const DELIVERIES = Number(process.env.BENCH_DELIVERIES ?? 300);
const USERS = ['P11PS0001', 'P14SX0001', 'h_jst', 'h_sxrm', 'mf_weigao', 'bj_ybj', 'lcb_admin'];
const VIEWS = ['by-product', 'by-distributor', 'by-hospital'];

const china = (ms) => new Date(ms + 8 * 3600_000).toISOString().slice(0, 10);
const pct = (times, p) => {
  const s = [...times].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
};
const load = () => os.loadavg()[0].toFixed(1);

function cannon(url, headers, connections, duration) {
  return new Promise((resolve, reject) => {
    autocannon({ url, connections, duration, headers }, (err, res) => (err ? reject(err) : resolve(res)));
  });
}

async function timed(url, jwt, init = {}) {
  const t0 = process.hrtime.bigint();
  const res = await fetch(url, { ...init, headers: { authorization: `Bearer ${jwt}`, ...(init.headers ?? {}) } });
  const body = await res.text();
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (res.status !== 200) throw new Error(`${url}: ${res.status} ${body.slice(0, 300)}`);
  return ms;
}

async function pool(jobs, n) {
  const times = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: n }, async () => {
      while (next < jobs.length) times.push(await jobs[next++]());
    }),
  );
  return times;
}

async function query(url, sql, params = []) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query(sql, params)).rows;
  } finally {
    await c.end();
  }
}

export default async function ({ root, tmp, report }) {
  const url = process.env.BENCH_DATABASE_URL;
  if (!url) throw new Error('pg-scale needs BENCH_DATABASE_URL=postgres://… (a database it may wipe)');
  // The platform CA's key is sealed with this secret: the same for every start on this database.
  const env = serverEnv(url, process.env.PKI_CA_SECRET ?? crypto.createHash('sha256').update(`pg-scale ${url}`).digest('hex'));
  const logFile = (n) => path.join(tmp, `server-${n}.log`);
  console.log(`pg-scale: ${LINES.toLocaleString('en')} order lines; load ${load()} on ${os.cpus().length} cores`);

  let compiled = false;
  const have = process.env.PG_SCALE_REUSE
    ? await query(url, "SELECT COUNT(*)::int AS n FROM order_lines WHERE to_regclass('order_lines') IS NOT NULL").catch(() => [{ n: 0 }])
    : [{ n: 0 }];
  if (have[0].n >= LINES) console.log(`reusing the ${have[0].n.toLocaleString('en')} order lines in the database`);
  else {
    const t = Date.now();
    await query(url, 'DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;');
    await runServe(root, env, ['--seed-only'], logFile('seed'));
    compiled = true; // the seed run compiled dist/
    console.log(`schema and demo data: ${((Date.now() - t) / 1000).toFixed(0)} s`);
    const g = await generate(url, { count: LINES });
    const s = g.seconds.toFixed(0);
    console.log(`generated ${g.lines} order lines, ${g.orders} orders, ${g.deliveries} deliveries, ${g.returns} returns in ${s} s (load ${load()})`);
    report('generate_s', s, 's');
  }
  const [size] = await query(url, 'SELECT pg_database_size(current_database()) AS b');
  const shown = [];
  for (const name of ['shared_buffers', 'work_mem', 'maintenance_work_mem', 'effective_cache_size', 'random_page_cost', 'max_wal_size', 'synchronous_commit'])
    shown.push(`${name}=${(await query(url, `SHOW ${name}`))[0][name]}`);
  console.log(`PostgreSQL (the servers' sessions): ${shown.join(', ')}`);

  const servers = [];
  try {
    for (let i = 0; i < 2; i++) servers.push(await startServer(root, env, await freePort(), logFile(i), compiled || i > 0 ? ['--no-compile'] : []));
    const [a, b] = servers;
    console.log(`servers: ${servers.map((s) => `${s.baseUrl} (pid ${s.pid})`).join(', ')}`);

    // The distributor with the most lines, and one of its logins.
    const [top] = await query(
      url,
      `SELECT s.distributor_org_id AS id, SUM(s.lines)::bigint AS n, (SELECT u.username FROM up_users u JOIN up_users_organisation_lnk l ON l.user_id = u.id
         WHERE l.organisation_id = s.distributor_org_id ORDER BY u.id LIMIT 1) AS username
       FROM line_stats s GROUP BY s.distributor_org_id ORDER BY 2 DESC LIMIT 1`,
    );
    console.log(`busiest distributor: organisation ${top.id} (${Number(top.n).toLocaleString('en')} lines), login ${top.username}`);
    const jwt = await login(a.baseUrl, top.username);
    const headers = { authorization: `Bearer ${jwt}` };
    const inbox = (s) => `${s.baseUrl}/api/order-lines/search?tab=todo&pagination[page]=1&pagination[pageSize]=20&sort=orderedAt:desc`;
    const first = await (await fetch(inbox(b), { headers })).json();
    if (!first.data || first.data.length !== 20) throw new Error(`inbox answered ${JSON.stringify(first).slice(0, 300)}`);
    console.log(`inbox total: ${first.meta.pagination.total}${first.meta.pagination.totalCapped ? '+' : ''}`);
    await Promise.all(servers.map((s) => cannon(inbox(s), headers, 5, 3))); // warm up
    const runs = await Promise.all(servers.map((s) => cannon(inbox(s), headers, 5, SECONDS)));
    if (runs.some((r) => r.non2xx)) throw new Error(`inbox: non-2xx answers`);
    const inboxLoad = load();

    // 统计查询 as scripts/bench/statistics does, alternating the processes.
    const jwts = Object.fromEntries(await Promise.all(USERS.map(async (u) => [u, await login(a.baseUrl, u)])));
    const now = Date.now();
    const today = china(now);
    const ranges = [
      '',
      `from=${china(now - 90 * 86400_000)}&to=${today}`,
      `from=${today.slice(0, 4)}-01-01&to=${today}&vbp=true`,
      `from=${china(now - 30 * 86400_000)}&to=${today}&category=spine&sort=rateByQty:asc`,
      `from=${china(now - 180 * 86400_000)}&to=${today}&keyMonitored=true&sort=deliveredFen:desc&page=2`,
    ];
    const statJobs = Array.from({ length: STATS_REQUESTS }, (_, i) => {
      const user = USERS[i % USERS.length];
      const view = VIEWS[Math.floor(i / USERS.length) % VIEWS.length];
      const q = ranges[Math.floor(i / (USERS.length * VIEWS.length)) % ranges.length];
      return () => timed(`${servers[i % 2].baseUrl}/api/statistics/${view}?${q}`, jwts[user]);
    });
    await pool(statJobs.slice(0, 70), 10); // warm up
    const stats = await pool(statJobs, 10);
    const statsLoad = load();

    // 配送: one at a time on distinct confirmed lines of the busiest distributor, alternating the processes.
    const lines = await query(url, "SELECT document_id AS d FROM order_lines WHERE distributor_org_id = $1 AND status = 'confirmed' LIMIT $2", [
      top.id,
      DELIVERIES + 20,
    ]);
    if (lines.length < 40) throw new Error(`only ${lines.length} confirmed lines`);
    const day = (d) => china(now + d * 86400_000);
    const deliver = (l, i) =>
      timed(`${servers[i % 2].baseUrl}/api/order-lines/${l.d}/deliveries`, jwt, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          mode: i % 2 ? 'batch' : 'standard',
          quantity: 1,
          batchNo: `B${i}`,
          productionDate: day(-30),
          expiryDate: day(700),
          invoiceCode: '011002300111',
          invoiceNo: String(20000000 + i),
        }),
      });
    for (let i = 0; i < 20; i++) await deliver(lines[i], i);
    const deliveries = [];
    for (let i = 20; i < lines.length; i++) deliveries.push(await deliver(lines[i], i));

    report('order_lines', LINES);
    report('inbox_rps', Math.round(runs.reduce((s, r) => s + r.requests.average, 0)));
    report('inbox_p99_ms', Math.max(...runs.map((r) => r.latency.p99)), 'ms');
    report('stats_p95_ms', pct(stats, 95).toFixed(1), 'ms');
    report('stats_p50_ms', pct(stats, 50).toFixed(1), 'ms');
    report('delivery_p95_ms', pct(deliveries, 95).toFixed(1), 'ms');
    report('delivery_p50_ms', pct(deliveries, 50).toFixed(1), 'ms');
    report('db_size_mb', Math.round(Number(size.b) / 1048576), 'MB');
    report('loadavg_1m', `${inboxLoad} (inbox), ${statsLoad} (stats), ${load()} (deliveries)`);
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
  }
}
