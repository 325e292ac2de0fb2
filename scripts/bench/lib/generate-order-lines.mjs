// Writes `count` order lines (and their orders) straight into the benchmark's SQLite file, spread over the
// demo organisations: each hospital orders from the distributors of its province, products of the
// catalogue, over the last two years. Most old lines are done (已配送); a few percent are open (待确认,
// 企业已确认, 配送中), as in a live system. Run after the server created the schema, then restart it.
import crypto from 'node:crypto';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const Database = createRequire(path.join(root, 'cms', 'package.json'))('better-sqlite3');

const ALPHA = 'abcdefghijklmnopqrstuvwxyz0123456789';
export function documentId() {
  const b = crypto.randomBytes(24);
  let s = ALPHA[b[0] % 26];
  for (let i = 1; i < 24; i++) s += ALPHA[b[i] % 36];
  return s;
}

/** A deterministic pseudo-random generator (mulberry32). */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The order lines (and their orders) of `count` lines, one order at a time: yields { order, lines } with
 * the database's column names; times are epoch milliseconds. Each hospital orders from the distributors
 * of its province, products of the catalogue, over the last two years; most old lines are done
 * (已配送), a few percent open (待确认, 企业已确认, 配送中). Shared by the SQLite and PostgreSQL loaders.
 */
export function* orderRows({ hospitals, distributors, products, count, seed = 42, openShare = 0.04, now = Date.now(), orderId = 0, lineId = 0 }) {
  const rand = rng(seed);
  const span = 730 * 86400_000;
  const pick = (arr) => arr[Math.floor(rand() * arr.length)];
  const byProvince = new Map();
  for (const d of distributors) byProvince.set(d.p, [...(byProvince.get(d.p) ?? []), d]);
  let done = 0;
  while (done < count) {
    const h = pick(hospitals);
    const dists = byProvince.get(h.p) ?? distributors;
    const n = Math.min(count - done, 1 + Math.floor(rand() * 6));
    const at = now - Math.floor(rand() ** 0.7 * span);
    orderId++;
    const code = `DD${new Date(at + 8 * 3600_000).toISOString().slice(0, 10).replace(/-/g, '')}${String(orderId).padStart(8, '0')}`;
    let total = 0;
    const age = (now - at) / span;
    const lines = [];
    for (let i = 0; i < n; i++) {
      const p = pick(products);
      const d = pick(dists);
      const qty = 1 + Math.floor(rand() * 50);
      const price = Number(p.price ?? 10000);
      const amount = price * qty;
      total += amount;
      // Open lines are recent; old ones are closed.
      const r = rand();
      const open = age < 0.1 ? openShare * 10 : openShare / 4;
      let status,
        delivered = 0,
        deliveries = 0,
        mode = null,
        received = 0,
        returned = 0,
        confirmedAt = null,
        closedAt = null;
      if (r < open * 0.5) status = 'pending';
      else if (r < open * 0.75) {
        status = 'confirmed';
        confirmedAt = at + 3600_000;
      } else if (r < open) {
        status = 'delivering';
        mode = 'batch';
        delivered = Math.max(1, Math.floor(qty / 2));
        deliveries = 1;
        confirmedAt = at + 3600_000;
        if (delivered >= qty) status = 'delivered';
      } else if (r < open + 0.03) {
        status = 'rejected';
        closedAt = at + 7200_000;
      } else if (r < open + 0.05) {
        status = 'terminated';
        confirmedAt = at + 3600_000;
        closedAt = at + 86400_000;
      } else {
        status = 'delivered';
        mode = rand() < 0.7 ? 'standard' : 'batch';
        delivered = qty;
        deliveries = mode === 'standard' ? 1 : 2;
        received = qty;
        returned = rand() < 0.02 ? 1 : 0;
        confirmedAt = at + 3600_000;
      }
      lineId++;
      lines.push({
        id: lineId,
        order_id: orderId,
        order_code: code,
        line_no: i + 1,
        hospital_org_id: h.id,
        distributor_org_id: d.id,
        manufacturer_org_id: p.mf ?? null,
        province_code: h.p,
        product_id: p.id,
        product_code: p.code,
        product_name: p.name,
        spec: [p.spec, p.model].filter(Boolean).join(' ') || null,
        unit: p.unit,
        quantity: qty,
        unit_price_fen: price,
        amount_fen: amount,
        status,
        delivery_mode: mode,
        delivered_qty: delivered,
        delivery_count: deliveries,
        received_qty: received,
        returned_qty: returned,
        return_pending_qty: 0,
        reason: status === 'rejected' ? '库存不足' : null,
        ordered_at: at,
        confirmed_at: confirmedAt,
        closed_at: closedAt,
      });
      done++;
    }
    yield { order: { id: orderId, code, hospital_org_id: h.id, province_code: h.p, total_fen: total, line_count: n, created_at: at }, lines };
  }
}

export function generateOrderLines(dbFile, { count = 1_000_000, seed = 42, openShare = 0.04 } = {}) {
  const db = new Database(dbFile);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  const orgs = db.prepare('SELECT id, type, province_code AS p FROM organisations').all();
  const hospitals = orgs.filter((o) => o.type === 'hospital');
  const distributors = orgs.filter((o) => o.type === 'distributor');
  const products = db
    .prepare(
      `SELECT p.id, p.code, p.name, p.spec, p.model, p.unit, p.price_fen AS price, l.organisation_id AS mf
    FROM products p LEFT JOIN products_manufacturer_lnk l ON l.product_id = p.id`,
    )
    .all();
  if (!hospitals.length || !distributors.length || !products.length) throw new Error('demo organisations/products missing');
  const sample = db.prepare('SELECT created_at FROM organisations LIMIT 1').get();
  const asNumber = typeof sample.created_at === 'number';
  const ts = (ms) => (ms === null ? null : asNumber ? ms : new Date(ms).toISOString());

  const lineCols = db
    .prepare('PRAGMA table_info(order_lines)')
    .all()
    .map((c) => c.name);
  const orderCols = db
    .prepare('PRAGMA table_info(orders)')
    .all()
    .map((c) => c.name);
  const insLine = db.prepare(`INSERT INTO order_lines (${lineCols.join(',')}) VALUES (${lineCols.map((c) => '@' + c).join(',')})`);
  const insOrder = db.prepare(`INSERT INTO orders (${orderCols.join(',')}) VALUES (${orderCols.map((c) => '@' + c).join(',')})`);
  const maxOrder = db.prepare('SELECT COALESCE(MAX(id), 0) AS m FROM orders').get().m;
  const maxLine = db.prepare('SELECT COALESCE(MAX(id), 0) AS m FROM order_lines').get().m;
  const nullRow = (cols) => Object.fromEntries(cols.map((c) => [c, null]));
  const lineBase = nullRow(lineCols);
  const orderBase = nullRow(orderCols);
  const published = (at) => ('published_at' in lineBase ? { published_at: ts(at) } : {});

  const started = Date.now();
  const rows = orderRows({ hospitals, distributors, products, count, seed, openShare, orderId: maxOrder, lineId: maxLine });
  let made = 0;
  let orders = 0;
  const BATCH = 50_000;
  const insertBatch = db.transaction(() => {
    let done = 0;
    while (done < BATCH) {
      const next = rows.next();
      if (next.done) return true;
      const { order, lines } = next.value;
      for (const l of lines) {
        insLine.run({
          ...lineBase,
          ...l,
          document_id: documentId(),
          ordered_at: ts(l.ordered_at),
          confirmed_at: ts(l.confirmed_at),
          closed_at: ts(l.closed_at),
          created_at: ts(l.ordered_at),
          updated_at: ts(l.ordered_at),
          ...published(l.ordered_at),
        });
      }
      insOrder.run({
        ...orderBase,
        ...order,
        document_id: documentId(),
        created_at: ts(order.created_at),
        updated_at: ts(order.created_at),
        ...('published_at' in orderBase ? { published_at: ts(order.created_at) } : {}),
      });
      done += lines.length;
      made += lines.length;
      orders++;
    }
    return false;
  });
  while (!insertBatch());
  db.exec('ANALYZE');
  db.close();
  return { lines: made, orders, seconds: (Date.now() - started) / 1000 };
}
