// Loads `count` order lines into a PostgreSQL database the server has created and seeded: the lines and
// their orders (scripts/bench/lib/generate-order-lines.mjs), a delivery per batch delivered (standard:
// one, batch: two, 配送中: the first), an agreed return per returned line, all with COPY on four
// connections at once, the tables' secondary indexes and unique constraints dropped first and rebuilt
// after; then the 统计 aggregates (line_stats, line_stats_monthly) with INSERT … SELECT … GROUP BY as
// cms/src/db/line-stats.ts keeps them, and ANALYZE.
import crypto from 'node:crypto';
import pg from 'pg';
import { orderRows } from '../lib/generate-order-lines.mjs';
import { copyInto, copyValue as v } from '../lib/pg-copy.mjs';

const TABLES = ['order_lines', 'orders', 'deliveries', 'return_requests'];
// Session settings for the load: no WAL flush per commit, big sorts for the index builds.
const LOAD_SETTINGS = [
  "SET synchronous_commit = 'off'",
  "SET maintenance_work_mem = '1GB'",
  "SET work_mem = '256MB'",
  'SET max_parallel_maintenance_workers = 2',
];

const LINE_COLS = [
  'id', 'document_id', 'order_id', 'order_code', 'line_no', 'hospital_org_id', 'distributor_org_id', 'manufacturer_org_id',
  'province_code', 'product_id', 'product_code', 'product_name', 'spec', 'unit', 'quantity', 'unit_price_fen', 'amount_fen',
  'status', 'delivery_mode', 'delivered_qty', 'delivery_count', 'received_qty', 'returned_qty', 'return_pending_qty', 'reason',
  'ordered_at', 'confirmed_at', 'closed_at', 'created_at', 'updated_at', 'published_at',
]; // prettier-ignore
const ORDER_COLS = ['id', 'document_id', 'code', 'hospital_org_id', 'province_code', 'total_fen', 'line_count', 'created_at', 'updated_at', 'published_at'];
const DELIVERY_COLS = [
  'id', 'document_id', 'order_line_id', 'distributor_org_id', 'hospital_org_id', 'manufacturer_org_id', 'province_code', 'seq',
  'quantity', 'batch_no', 'production_date', 'expiry_date', 'invoice_code', 'invoice_no', 'status', 'invoice_status',
  'delivered_at', 'received_at', 'created_at', 'updated_at', 'published_at',
]; // prettier-ignore
const RETURN_COLS = [
  'id',
  'document_id',
  'order_line_id',
  'hospital_org_id',
  'distributor_org_id',
  'province_code',
  'quantity',
  'reason',
  'status',
  'responded_at',
  'created_at',
  'updated_at',
  'published_at',
];

// Strapi-like document ids (24 characters, a letter first) from a pool of random bytes: crypto per id is too slow for millions.
const ALPHA = 'abcdefghijklmnopqrstuvwxyz0123456789';
const pool = Buffer.alloc(24 * 65536);
let poolAt = pool.length;
function docId() {
  if (poolAt + 24 > pool.length) {
    crypto.randomFillSync(pool);
    poolAt = 0;
  }
  let s = ALPHA[pool[poolAt] % 26];
  for (let i = 1; i < 24; i++) s += ALPHA[pool[poolAt + i] % 36];
  poolAt += 24;
  return s;
}
const iso = (ms) => (ms === null || ms === undefined ? '\\N' : new Date(ms).toISOString());
const isoDay = (ms) => new Date(ms + 8 * 3600_000).toISOString().slice(0, 10);

async function connect(url) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  for (const s of LOAD_SETTINGS) await c.query(s);
  return c;
}

/** Drops the secondary indexes and unique constraints of `tables`; answers the statements that rebuild them. */
async function dropIndexes(c, tables) {
  const rebuild = [];
  const cons = await c.query(
    `SELECT conname, conrelid::regclass::text AS t, pg_get_constraintdef(oid) AS def FROM pg_constraint
     WHERE contype = 'u' AND conrelid::regclass::text = ANY($1)`,
    [tables],
  );
  for (const r of cons.rows) {
    await c.query(`ALTER TABLE ${r.t} DROP CONSTRAINT ${r.conname}`);
    rebuild.push(`ALTER TABLE ${r.t} ADD CONSTRAINT ${r.conname} ${r.def}`);
  }
  const idx = await c.query(
    `SELECT i.indexname, i.indexdef FROM pg_indexes i
     WHERE i.schemaname = current_schema() AND i.tablename = ANY($1)
       AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conname = i.indexname)`,
    [tables],
  );
  for (const r of idx.rows) {
    await c.query(`DROP INDEX ${r.indexname}`);
    rebuild.push(r.indexdef);
  }
  return rebuild;
}

/** Runs `statements` on `connections` connections at once. */
async function runAll(conns, statements) {
  let next = 0;
  await Promise.all(
    conns.map(async (c) => {
      while (next < statements.length) await c.query(statements[next++]);
    }),
  );
}

export async function generate(url, { count, log = console.log }) {
  const t0 = Date.now();
  const phase = (name, since) => log(`  ${name}: ${((Date.now() - since) / 1000).toFixed(1)} s`);
  const conns = await Promise.all(TABLES.map(() => connect(url)));
  const [c] = conns;
  try {
    const orgs = (await c.query('SELECT id, type, province_code AS p FROM organisations')).rows;
    const products = (
      await c.query(`SELECT p.id, p.code, p.name, p.spec, p.model, p.unit, p.price_fen AS price, l.organisation_id AS mf
                     FROM products p LEFT JOIN products_manufacturer_lnk l ON l.product_id = p.id ORDER BY p.id`)
    ).rows.map((p) => ({ ...p, price: Number(p.price) }));
    const hospitals = orgs.filter((o) => o.type === 'hospital');
    const distributors = orgs.filter((o) => o.type === 'distributor');
    if (!hospitals.length || !distributors.length || !products.length) throw new Error('demo organisations/products missing: seed first');
    const max = async (t) => Number((await c.query(`SELECT COALESCE(MAX(id), 0) AS m FROM ${t}`)).rows[0].m);
    let deliveryId = await max('deliveries');
    let returnId = await max('return_requests');
    const firstOrder = await max('orders');
    const firstLine = await max('order_lines');

    let since = Date.now();
    const rebuild = await dropIndexes(c, TABLES);
    const [lines, orders, deliveries, returns] = await Promise.all(
      [
        ['order_lines', LINE_COLS],
        ['orders', ORDER_COLS],
        ['deliveries', DELIVERY_COLS],
        ['return_requests', RETURN_COLS],
      ].map(([t, cols], i) => copyInto(conns[i], t, cols)),
    );
    let made = 0;
    let ordersMade = 0;
    let pending = [];
    const rows = orderRows({ hospitals, distributors, products, count, orderId: firstOrder, lineId: firstLine });
    for (const { order, lines: ls } of rows) {
      const oat = iso(order.created_at);
      pending.push(
        orders.write(
          `${order.id}\t${docId()}\t${order.code}\t${order.hospital_org_id}\t${order.province_code}\t${order.total_fen}\t${order.line_count}\t${oat}\t${oat}\t${oat}`,
        ),
      );
      for (const l of ls) {
        const at = iso(l.ordered_at);
        const line = [
          l.id, docId(), l.order_id, l.order_code, l.line_no, l.hospital_org_id, l.distributor_org_id, v(l.manufacturer_org_id), l.province_code,
          l.product_id, v(l.product_code), v(l.product_name), v(l.spec), v(l.unit), l.quantity, l.unit_price_fen, l.amount_fen, l.status,
          v(l.delivery_mode), l.delivered_qty, l.delivery_count, l.received_qty, l.returned_qty, 0, v(l.reason), at, iso(l.confirmed_at),
          iso(l.closed_at), at, at, at,
        ]; // prettier-ignore
        pending.push(lines.write(line.join('\t')));
        // Deliveries: the delivered quantity in delivery_count parts, a day apart; received and checked when the line is done.
        const done = l.status === 'delivered';
        let left = l.delivered_qty;
        for (let s = 1; s <= l.delivery_count; s++) {
          const qty = s === l.delivery_count ? left : Math.ceil(l.delivered_qty / l.delivery_count);
          left -= qty;
          const dAt = l.ordered_at + s * 86400_000;
          const dIso = iso(dAt);
          const d = [
            ++deliveryId, docId(), l.id, l.distributor_org_id, l.hospital_org_id, v(l.manufacturer_org_id), l.province_code, s, qty,
            `B${l.id}-${s}`, isoDay(dAt - 30 * 86400_000), isoDay(dAt + 700 * 86400_000), '011002300111', String(10_000_000 + (deliveryId % 90_000_000)),
            done ? 'received' : 'shipped', done ? 'passed' : 'pending', dIso, done ? iso(dAt + 86400_000) : '\\N', dIso, dIso, dIso,
          ]; // prettier-ignore
          pending.push(deliveries.write(d.join('\t')));
        }
        if (l.returned_qty > 0) {
          const rAt = iso(l.ordered_at + 5 * 86400_000);
          const r = [
            ++returnId,
            docId(),
            l.id,
            l.hospital_org_id,
            l.distributor_org_id,
            l.province_code,
            l.returned_qty,
            '包装破损',
            'agreed',
            rAt,
            rAt,
            rAt,
            rAt,
          ];
          pending.push(returns.write(r.join('\t')));
        }
        made++;
      }
      ordersMade++;
      if (pending.length >= 4096) {
        await Promise.all(pending.filter(Boolean));
        pending = [];
      }
      if (made % 1_000_000 < ls.length && made >= 1_000_000) log(`  ${made.toLocaleString('en')} lines (${((Date.now() - since) / 1000).toFixed(0)} s)`);
    }
    await Promise.all(pending.filter(Boolean));
    const copied = await Promise.all([lines.end(), orders.end(), deliveries.end(), returns.end()]);
    log(`  copied ${copied.map((n, i) => `${n.toLocaleString('en')} ${TABLES[i]}`).join(', ')}`);
    phase('COPY', since);

    since = Date.now();
    for (const t of TABLES) await c.query(`SELECT setval(pg_get_serial_sequence('${t}', 'id'), (SELECT COALESCE(MAX(id), 1) FROM ${t}))`);
    await runAll(conns.slice(0, 2), rebuild);
    phase(`${rebuild.length} indexes and constraints`, since);

    since = Date.now();
    await rebuildStats(c);
    phase('line_stats, line_stats_monthly', since);
    since = Date.now();
    await runAll(conns.slice(0, 2), ['VACUUM ANALYZE order_lines', 'VACUUM ANALYZE deliveries', 'VACUUM ANALYZE orders', 'VACUUM ANALYZE return_requests']);
    phase('VACUUM ANALYZE', since);
    return { lines: made, orders: ordersMade, deliveries: copied[2], returns: copied[3], seconds: (Date.now() - t0) / 1000 };
  } finally {
    await Promise.all(conns.map((x) => x.end()));
  }
}

const FIGURES = 'lines, ordered_qty, ordered_fen, delivered_qty, delivered_fen, received_qty, returned_qty, returned_fen, terminated_lines';
const DIMS = 'product_id, distributor_org_id, hospital_org_id, manufacturer_org_id, province_code';

/** The aggregates recounted from the lines (scripts/bench/statistics/recount.mjs, in PostgreSQL's SQL). */
async function rebuildStats(c) {
  await c.query('TRUNCATE line_stats, line_stats_monthly');
  const rebuild = await dropIndexes(c, ['line_stats', 'line_stats_monthly']);
  await c.query(
    `INSERT INTO line_stats (day, ${DIMS}, ${FIGURES})
     SELECT to_char(ordered_at + interval '8 hours', 'YYYY-MM-DD'), product_id, distributor_org_id, hospital_org_id, COALESCE(manufacturer_org_id, 0), province_code,
       COUNT(*), SUM(quantity), SUM(quantity * unit_price_fen), SUM(delivered_qty), SUM(delivered_qty * unit_price_fen), SUM(received_qty),
       SUM(returned_qty), SUM(returned_qty * unit_price_fen), COUNT(*) FILTER (WHERE status = 'terminated')
     FROM order_lines WHERE status IN ('pending', 'confirmed', 'delivering', 'delivered', 'terminated')
     GROUP BY 1, 2, 3, 4, 5, 6`,
  );
  await c.query(
    `INSERT INTO line_stats_monthly (month, ${DIMS}, ${FIGURES})
     SELECT substr(day, 1, 7), ${DIMS}, SUM(lines), SUM(ordered_qty), SUM(ordered_fen), SUM(delivered_qty), SUM(delivered_fen),
       SUM(received_qty), SUM(returned_qty), SUM(returned_fen), SUM(terminated_lines)
     FROM line_stats GROUP BY 1, 2, 3, 4, 5, 6`,
  );
  for (const s of rebuild) await c.query(s);
  await c.query('ANALYZE line_stats');
  await c.query('ANALYZE line_stats_monthly');
}
