// `npm run bench -- statistics`: 统计查询 and the 工作台 over 1,000,000 generated order lines (with
// deliveries and returns; the aggregates recounted from the lines after generation). Reports, in one
// run: stats_p95_ms (the three views with typical filters, 10 connections, every role),
// dashboard_p95_ms (10 connections), event_loop_max_block_ms while they run (measured inside the server,
// test-only /api/test/event-loop), delivery_p95_ms (single deliveries, aggregates maintained).
// BENCH_FROM_DB=<file> starts from a database an earlier run kept (BENCH_KEEP=1) instead of generating one.
import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import { generateOrderLines } from '../lib/generate-order-lines.mjs';
import { recountLineStats } from './recount.mjs';

const LINES = Number(process.env.BENCH_LINES ?? 1_000_000);
const STATS_REQUESTS = Number(process.env.BENCH_STATS_REQUESTS ?? 600);
const DASHBOARD_REQUESTS = Number(process.env.BENCH_DASHBOARD_REQUESTS ?? 200);
const DELIVERIES = Number(process.env.BENCH_DELIVERIES ?? 300);
const CONNECTIONS = 10;

const USERS = ['P11PS0001', 'P14SX0001', 'h_jst', 'h_sxrm', 'mf_weigao', 'bj_ybj', 'lcb_admin'];
const VIEWS = ['by-product', 'by-distributor', 'by-hospital'];

const china = (ms) => new Date(ms + 8 * 3600_000).toISOString().slice(0, 10);
const pct = (times, p) => {
  const s = [...times].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
};

async function timed(url, jwt) {
  const t0 = process.hrtime.bigint();
  const res = await fetch(url, { headers: { authorization: `Bearer ${jwt}` } });
  const body = await res.text();
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (res.status !== 200) throw new Error(`${url}: ${res.status} ${body.slice(0, 300)}`);
  return ms;
}

/** Runs `jobs` (functions answering a latency) over `n` connections; answers the latencies. */
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

export default async function ({ baseUrl, dbFile, root, login, report, restart }) {
  const Database = createRequire(path.join(root, 'cms', 'package.json'))('better-sqlite3');
  if (process.env.BENCH_FROM_DB) {
    // A database an earlier run kept (BENCH_KEEP=1): copied in, then migrated by a start of this build.
    await restart({}, () => {
      for (const ext of ['', '-wal', '-shm']) fs.rmSync(dbFile + ext, { force: true });
      fs.copyFileSync(process.env.BENCH_FROM_DB, dbFile);
      // Its certificates were sealed with that run's PKI secret: this run's start makes its own.
      const db = new Database(dbFile);
      db.exec('DELETE FROM signing_certificates');
      db.close();
    });
    console.log(`copied ${process.env.BENCH_FROM_DB}`);
  } else {
    const g = generateOrderLines(dbFile, { count: LINES });
    console.log(`generated ${g.lines} order lines (${g.seconds.toFixed(1)} s)`);
  }
  const r = recountLineStats(dbFile);
  console.log(`recounted ${r.rows} daily and ${r.months} monthly aggregate rows (${r.seconds.toFixed(1)} s)`);
  await restart();

  const jwts = Object.fromEntries(await Promise.all(USERS.map(async (u) => [u, await login(u)])));
  const now = Date.now();
  const today = china(now);
  const ranges = [
    '', // this month (the default)
    `from=${china(now - 90 * 86400_000)}&to=${today}`,
    `from=${today.slice(0, 4)}-01-01&to=${today}&vbp=true`,
    `from=${china(now - 30 * 86400_000)}&to=${today}&category=spine&sort=rateByQty:asc`,
    `from=${china(now - 180 * 86400_000)}&to=${today}&keyMonitored=true&sort=deliveredFen:desc&page=2`,
  ];
  const statJobs = [];
  for (let i = 0; i < STATS_REQUESTS; i++) {
    const user = USERS[i % USERS.length];
    const view = VIEWS[Math.floor(i / USERS.length) % VIEWS.length];
    const q = ranges[Math.floor(i / (USERS.length * VIEWS.length)) % ranges.length];
    statJobs.push(() => timed(`${baseUrl}/api/statistics/${view}?${q}`, jwts[user]));
  }
  const dashJobs = Array.from({ length: DASHBOARD_REQUESTS }, (_, i) => () => timed(`${baseUrl}/api/statistics/dashboard`, jwts[USERS[i % USERS.length]]));
  const seriesJobs = Array.from({ length: 30 }, (_, i) => () => timed(`${baseUrl}/api/statistics/series?view=${VIEWS[i % 3]}`, jwts[USERS[i % USERS.length]]));

  // Warm up (caches, prepared statements), then measure the event loop from here.
  await pool(statJobs.slice(0, 35), CONNECTIONS);
  await fetch(`${baseUrl}/api/test/event-loop`, { method: 'POST' });
  const stats = await pool(statJobs, CONNECTIONS);
  const dash = await pool(dashJobs, CONNECTIONS);
  const series = await pool(seriesJobs, CONNECTIONS);
  const loop = await (await fetch(`${baseUrl}/api/test/event-loop`)).json();

  // Deliveries with the aggregates maintained: one at a time on distinct confirmed lines.
  const db = new Database(dbFile, { readonly: true });
  const dist = db
    .prepare(
      "SELECT o.id FROM organisations o JOIN up_users_organisation_lnk l ON l.organisation_id = o.id JOIN up_users u ON u.id = l.user_id WHERE u.username = 'P11PS0001'",
    )
    .get();
  const lines = db
    .prepare("SELECT document_id AS d FROM order_lines WHERE distributor_org_id = ? AND status = 'confirmed' LIMIT ?")
    .all(dist.id, DELIVERIES + 20);
  db.close();
  const day = (d) => china(now + d * 86400_000);
  const deliver = async (l, i) => {
    const t0 = process.hrtime.bigint();
    const res = await fetch(`${baseUrl}/api/order-lines/${l.d}/deliveries`, {
      method: 'POST',
      headers: { authorization: `Bearer ${jwts.P11PS0001}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        mode: i % 2 ? 'batch' : 'standard',
        quantity: 1,
        batchNo: `B${i}`,
        productionDate: day(-30),
        expiryDate: day(700),
        invoiceCode: '011002300111',
        invoiceNo: String(10000000 + i),
      }),
    });
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    if (res.status !== 200) throw new Error(`delivery ${l.d}: ${res.status} ${await res.text()}`);
    return ms;
  };
  if (lines.length < 40) throw new Error(`only ${lines.length} confirmed lines`);
  for (let i = 0; i < 20; i++) await deliver(lines[i], i);
  const deliveries = [];
  for (let i = 20; i < lines.length; i++) deliveries.push(await deliver(lines[i], i));

  report('stats_requests', stats.length);
  report('stats_p50_ms', pct(stats, 50).toFixed(1), 'ms');
  report('stats_p95_ms', pct(stats, 95).toFixed(1), 'ms');
  report('dashboard_p95_ms', pct(dash, 95).toFixed(1), 'ms');
  report('series_p95_ms', pct(series, 95).toFixed(1), 'ms');
  report('event_loop_max_block_ms', loop.maxMs.toFixed(1), 'ms');
  report('delivery_p50_ms', pct(deliveries, 50).toFixed(1), 'ms');
  report('delivery_p95_ms', pct(deliveries, 95).toFixed(1), 'ms');
}
