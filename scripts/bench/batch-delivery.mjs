// `npm run bench -- batch-delivery`: 批量配送 of 200 confirmed order lines of one hospital in one request
// (POST /api/order-deliveries/batch), over BENCH_LINES generated order lines; one warm-up batch, then
// BENCH_RUNS batches on fresh lines; prints the median and the slowest.
import { createRequire } from 'node:module';
import path from 'node:path';
import { generateOrderLines } from './lib/generate-order-lines.mjs';

const LINES = Number(process.env.BENCH_LINES ?? 200_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const BATCH = 200;
const DISTRIBUTOR = 'P11PS0001';

export default async function ({ baseUrl, dbFile, root, login, report, restart }) {
  const g = generateOrderLines(dbFile, { count: LINES });
  console.log(`generated ${g.lines} order lines (${g.seconds.toFixed(1)} s)`);
  const Database = createRequire(path.join(root, 'cms', 'package.json'))('better-sqlite3');
  const db = new Database(dbFile);
  const dist = db
    .prepare(
      'SELECT o.id FROM organisations o JOIN up_users_organisation_lnk l ON l.organisation_id = o.id JOIN up_users u ON u.id = l.user_id WHERE u.username = ?',
    )
    .get(DISTRIBUTOR);
  const hospital = db
    .prepare('SELECT hospital_org_id AS h, COUNT(*) AS n FROM order_lines WHERE distributor_org_id = ? GROUP BY hospital_org_id ORDER BY n DESC LIMIT 1')
    .get(dist.id);
  const need = BATCH * (RUNS + 1);
  if (hospital.n < need) throw new Error(`only ${hospital.n} lines of one hospital`);
  // The lines to deliver: the hospital's newest lines, made 企业已确认 with nothing delivered (as after 确认).
  const ids = db
    .prepare('SELECT id, document_id AS d FROM order_lines WHERE distributor_org_id = ? AND hospital_org_id = ? ORDER BY id DESC LIMIT ?')
    .all(dist.id, hospital.h, need);
  const reset = db.prepare(
    "UPDATE order_lines SET status = 'confirmed', delivered_qty = 0, delivery_count = 0, delivery_mode = NULL, received_qty = 0, returned_qty = 0, return_pending_qty = 0 WHERE id = ?",
  );
  db.transaction(() => ids.forEach((r) => reset.run(r.id)))();
  db.prepare('DELETE FROM deliveries WHERE order_line_id IN (SELECT value FROM json_each(?))').run(JSON.stringify(ids.map((r) => r.id)));
  db.close();
  await restart();
  const jwt = await login(DISTRIBUTOR);
  const today = new Date(Date.now() + 8 * 3600_000);
  const day = (d) => new Date(today.getTime() + d * 86400_000).toISOString().slice(0, 10);
  const deliver = async (lines, run) => {
    const body = {
      hospitalOrgId: hospital.h,
      lines: lines.map((l, i) => ({
        line: l.d,
        mode: 'batch',
        quantity: 1,
        batchNo: `B${run}-${i}`,
        productionDate: day(-30),
        expiryDate: day(700),
        invoiceCode: '011002300111',
        invoiceNo: String(10000000 + run * 1000 + i),
      })),
    };
    const t0 = process.hrtime.bigint();
    const res = await fetch(`${baseUrl}/api/order-deliveries/batch`, {
      method: 'POST',
      headers: { authorization: `Bearer ${jwt}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    const text = await res.text();
    if (res.status !== 200) throw new Error(`batch ${run}: ${res.status} ${text.slice(0, 500)}`);
    if (JSON.parse(text).data.count !== lines.length) throw new Error(`batch ${run}: not every line delivered`);
    return ms;
  };
  await deliver(ids.slice(0, BATCH), 0); // warm up
  const times = [];
  for (let r = 1; r <= RUNS; r++) times.push(await deliver(ids.slice(r * BATCH, (r + 1) * BATCH), r));
  times.sort((a, b) => a - b);
  console.log(`runs: ${times.map((t) => t.toFixed(0)).join(', ')} ms`);
  report('batch_200_lines_ms', times[Math.floor(times.length / 2)].toFixed(0), 'ms');
  report('batch_200_lines_max_ms', times[times.length - 1].toFixed(0), 'ms');
}
