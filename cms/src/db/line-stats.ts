/**
 * The aggregate table `line_stats` (domain/statistics.ts): one upsert-increment per change, inside the
 * transaction of the order action that moves the figures (`INSERT … ON CONFLICT (key) DO UPDATE SET
 * x = line_stats.x + excluded.x`, the same statement on SQLite and PostgreSQL), and the full recount the
 * tests and the benchmark compare against.
 */
import type { Knex } from 'knex';
import { lineStatFigures, STAT_FIGURES, statKeyOf, zeroFigures, type StatFigures, type StatKey } from '../domain/statistics';
import { dbDate, type RawRow } from './values';

export const LINE_STATS = 'line_stats';

/** Figure name → column. */
export const STAT_COLUMNS: { readonly [F in keyof StatFigures]: string } = {
  lines: 'lines',
  orderedQty: 'ordered_qty',
  orderedFen: 'ordered_fen',
  deliveredQty: 'delivered_qty',
  deliveredFen: 'delivered_fen',
  receivedQty: 'received_qty',
  returnedQty: 'returned_qty',
  returnedFen: 'returned_fen',
  terminatedLines: 'terminated_lines',
};
const KEY_COLUMNS = ['day', 'product_id', 'distributor_org_id', 'hospital_org_id', 'manufacturer_org_id', 'province_code'] as const;

const num = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v));

/** The aggregate row of an order_lines row as the driver answers it. */
export function statKeyOfRow(r: RawRow): StatKey {
  return statKeyOf({
    orderedAt: dbDate(r.ordered_at) ?? new Date(0),
    productId: num(r.product_id),
    distributorOrgId: num(r.distributor_org_id),
    hospitalOrgId: num(r.hospital_org_id),
    manufacturerOrgId: r.manufacturer_org_id === null || r.manufacturer_org_id === undefined ? null : num(r.manufacturer_org_id),
    provinceCode: String(r.province_code),
  });
}

/** The figures of an order_lines row (for the recount). */
export function statFiguresOfRow(r: RawRow): StatFigures {
  return lineStatFigures({
    status: String(r.status),
    quantity: num(r.quantity),
    unitPriceFen: num(r.unit_price_fen),
    deliveredQty: num(r.delivered_qty),
    receivedQty: num(r.received_qty),
    returnedQty: num(r.returned_qty),
  });
}

/** The stat-line view of an order_lines row (for the domain's delta functions). */
export const statLineOfRow = (r: RawRow) => ({
  status: String(r.status),
  quantity: num(r.quantity),
  unitPriceFen: num(r.unit_price_fen),
  deliveredQty: num(r.delivered_qty),
  receivedQty: num(r.received_qty),
  returnedQty: num(r.returned_qty),
});

/** Adds `delta` to the aggregate row `key` (created at zero) in transaction `trx`; a zero delta writes nothing. */
export async function bumpStats(trx: Knex.Transaction, key: StatKey, delta: Partial<StatFigures>): Promise<void> {
  const figures = STAT_FIGURES.filter((f) => (delta[f] ?? 0) !== 0);
  if (!figures.length) return;
  const k = strapi.db.connection as Knex;
  const row: Record<string, unknown> = {
    day: key.day,
    product_id: key.productId,
    distributor_org_id: key.distributorOrgId,
    hospital_org_id: key.hospitalOrgId,
    manufacturer_org_id: key.manufacturerOrgId,
    province_code: key.provinceCode,
  };
  for (const f of STAT_FIGURES) row[STAT_COLUMNS[f]] = delta[f] ?? 0;
  const merge = Object.fromEntries(figures.map((f) => [STAT_COLUMNS[f], k.raw('?? + excluded.??', [`${LINE_STATS}.${STAT_COLUMNS[f]}`, STAT_COLUMNS[f]])]));
  await k(LINE_STATS)
    .transacting(trx)
    .insert(row)
    .onConflict([...KEY_COLUMNS])
    .merge(merge);
}

/** `bumpStats` for an order_lines row as read. */
export const bumpLineStats = (trx: Knex.Transaction, line: RawRow, delta: Partial<StatFigures>) => bumpStats(trx, statKeyOfRow(line), delta);

const keyText = (k: StatKey) => [k.day, k.productId, k.distributorOrgId, k.hospitalOrgId, k.manufacturerOrgId, k.provinceCode].join('|');

/** The aggregates recounted from every order line, keyed by `day|product|distributor|hospital|manufacturer|province` (rows all zero left out). */
export async function recountStats(): Promise<Map<string, StatFigures>> {
  const k = strapi.db.connection as Knex;
  const out = new Map<string, StatFigures>();
  let last = 0;
  for (;;) {
    const rows: RawRow[] = await k('order_lines').where('id', '>', last).orderBy('id').limit(5000);
    if (!rows.length) break;
    last = num(rows[rows.length - 1]!.id);
    for (const r of rows) {
      const key = keyText(statKeyOfRow(r));
      const f = statFiguresOfRow(r);
      const sum = out.get(key) ?? zeroFigures();
      for (const n of STAT_FIGURES) sum[n] += f[n];
      out.set(key, sum);
    }
  }
  for (const [key, f] of out) if (STAT_FIGURES.every((n) => f[n] === 0)) out.delete(key);
  return out;
}

/** The aggregate table as stored, in the recount's shape (rows all zero left out). */
export async function storedStats(): Promise<Map<string, StatFigures>> {
  const k = strapi.db.connection as Knex;
  const out = new Map<string, StatFigures>();
  const rows: RawRow[] = await k(LINE_STATS).select('*');
  for (const r of rows) {
    const f = Object.fromEntries(STAT_FIGURES.map((n) => [n, num(r[STAT_COLUMNS[n]])])) as StatFigures;
    if (STAT_FIGURES.every((n) => f[n] === 0)) continue;
    out.set(
      keyText({
        day: String(r.day),
        productId: num(r.product_id),
        distributorOrgId: num(r.distributor_org_id),
        hospitalOrgId: num(r.hospital_org_id),
        manufacturerOrgId: num(r.manufacturer_org_id),
        provinceCode: String(r.province_code),
      }),
      f,
    );
  }
  return out;
}
