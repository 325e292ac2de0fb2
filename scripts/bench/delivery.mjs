// `npm run bench -- delivery`: single delivery requests (配送) on distinct confirmed order lines, one at a
// time, over 1,000,000 order lines; prints the 95th percentile latency.
import { createRequire } from 'node:module';
import path from 'node:path';
import { generateOrderLines } from './lib/generate-order-lines.mjs';

const LINES = Number(process.env.BENCH_LINES ?? 1_000_000);
const N = Number(process.env.BENCH_DELIVERIES ?? 500);

export default async function ({ baseUrl, dbFile, root, login, report, restart }) {
  const g = generateOrderLines(dbFile, { count: LINES });
  console.log(`generated ${g.lines} order lines (${g.seconds.toFixed(1)} s)`);
  await restart();
  const Database = createRequire(path.join(root, 'cms', 'package.json'))('better-sqlite3');
  const db = new Database(dbFile, { readonly: true });
  const dist = db
    .prepare(
      "SELECT o.id FROM organisations o JOIN up_users_organisation_lnk l ON l.organisation_id = o.id JOIN up_users u ON u.id = l.user_id WHERE u.username = 'P11PS0001'",
    )
    .get();
  const lines = db
    .prepare("SELECT document_id AS d, quantity AS q FROM order_lines WHERE distributor_org_id = ? AND status = 'confirmed' LIMIT ?")
    .all(dist.id, N + 20);
  db.close();
  if (lines.length < N + 20) throw new Error(`only ${lines.length} confirmed lines`);
  const jwt = await login('P11PS0001');
  const today = new Date(Date.now() + 8 * 3600_000);
  const day = (d) => new Date(today.getTime() + d * 86400_000).toISOString().slice(0, 10);
  const deliver = async (l, i) => {
    const t0 = process.hrtime.bigint();
    const res = await fetch(`${baseUrl}/api/order-lines/${l.d}/deliveries`, {
      method: 'POST',
      headers: { authorization: `Bearer ${jwt}`, 'content-type': 'application/json' },
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
  for (let i = 0; i < 20; i++) await deliver(lines[i], i); // warm up
  const times = [];
  for (let i = 20; i < N + 20; i++) times.push(await deliver(lines[i], i));
  times.sort((a, b) => a - b);
  const pct = (p) => times[Math.min(times.length - 1, Math.ceil((p / 100) * times.length) - 1)];
  report('delivery_p50_ms', pct(50).toFixed(1), 'ms');
  report('delivery_p95_ms', pct(95).toFixed(1), 'ms');
}
