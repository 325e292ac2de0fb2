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
/** The same sums per month ('YYYY-MM' in column `month`). */
export const LINE_STATS_MONTHLY = 'line_stats_monthly';

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
const DIM_COLUMNS = ['product_id', 'distributor_org_id', 'hospital_org_id', 'manufacturer_org_id', 'province_code'] as const;

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

/** Adds `delta` to the daily and the monthly aggregate rows of `key` (created at zero) in transaction `trx`; a zero delta writes nothing. */
export async function bumpStats(trx: Knex.Transaction, key: StatKey, delta: Partial<StatFigures>): Promise<void> {
  const figures = STAT_FIGURES.filter((f) => (delta[f] ?? 0) !== 0);
  if (!figures.length) return;
  const k = strapi.db.connection as Knex;
  const dims = {
    product_id: key.productId,
    distributor_org_id: key.distributorOrgId,
    hospital_org_id: key.hospitalOrgId,
    manufacturer_org_id: key.manufacturerOrgId,
    province_code: key.provinceCode,
  };
  const values: Record<string, unknown> = {};
  for (const f of STAT_FIGURES) values[STAT_COLUMNS[f]] = delta[f] ?? 0;
  const upsert = (table: string, period: string, value: string) =>
    k(table)
      .transacting(trx)
      .insert({ [period]: value, ...dims, ...values })
      .onConflict([period, ...DIM_COLUMNS])
      .merge(Object.fromEntries(figures.map((f) => [STAT_COLUMNS[f], k.raw('?? + excluded.??', [`${table}.${STAT_COLUMNS[f]}`, STAT_COLUMNS[f]])])));
  await upsert(LINE_STATS, 'day', key.day);
  await upsert(LINE_STATS_MONTHLY, 'month', key.day.slice(0, 7));
}

/** `bumpStats` for an order_lines row as read. */
export const bumpLineStats = (trx: Knex.Transaction, line: RawRow, delta: Partial<StatFigures>) => bumpStats(trx, statKeyOfRow(line), delta);

const keyText = (k: StatKey) => [k.day, k.productId, k.distributorOrgId, k.hospitalOrgId, k.manufacturerOrgId, k.provinceCode].join('|');

/**
 * The aggregates recounted from every order line, keyed by `day|product|distributor|hospital|manufacturer|province`
 * (rows all zero left out); read through `trx` when given, `onRows` told the lines read so far.
 */
export async function recountStats(trx?: Knex, onRows?: (done: number) => Promise<void>): Promise<Map<string, StatFigures>> {
  const k = trx ?? (strapi.db.connection as Knex);
  const out = new Map<string, StatFigures>();
  let last = 0;
  let done = 0;
  for (;;) {
    const rows: RawRow[] = await k('order_lines').where('id', '>', last).orderBy('id').limit(5000);
    if (!rows.length) break;
    done += rows.length;
    await onRows?.(done);
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

/** A daily recount summed per month (keys with 'YYYY-MM' in place of the day). */
export function perMonth(daily: Map<string, StatFigures>): Map<string, StatFigures> {
  const out = new Map<string, StatFigures>();
  for (const [key, f] of daily) {
    const m = `${key.slice(0, 7)}${key.slice(10)}`;
    const sum = out.get(m) ?? zeroFigures();
    for (const n of STAT_FIGURES) sum[n] += f[n];
    out.set(m, sum);
  }
  return out;
}

/** An aggregate table as stored (daily, or monthly with the month as `day`), in the recount's shape (rows all zero left out). */
export async function storedStats(monthly = false): Promise<Map<string, StatFigures>> {
  const k = strapi.db.connection as Knex;
  const out = new Map<string, StatFigures>();
  const rows: RawRow[] = monthly ? await k(LINE_STATS_MONTHLY).select('*', 'month as day') : await k(LINE_STATS).select('*');
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

const splitKey = (key: string) => {
  const [day, productId, distributorOrgId, hospitalOrgId, manufacturerOrgId, provinceCode] = key.split('|');
  return {
    product_id: Number(productId),
    distributor_org_id: Number(distributorOrgId),
    hospital_org_id: Number(hospitalOrgId),
    manufacturer_org_id: Number(manufacturerOrgId),
    province_code: provinceCode,
    day: day!,
  };
};

/**
 * 统计重算: both aggregate tables replaced by a full recount of the order lines, in transaction `trx`.
 * On PostgreSQL the tables are locked first (order actions that move a figure wait, and the recount
 * reads every line they committed before), so no change is lost or counted twice.
 */
export async function rebuildStats(trx: Knex, onRows?: (done: number) => Promise<void>): Promise<{ days: number; months: number }> {
  if (/^(pg|postgres)/.test(String(trx.client.config.client))) await trx.raw(`LOCK TABLE ${LINE_STATS}, ${LINE_STATS_MONTHLY} IN EXCLUSIVE MODE`);
  const daily = await recountStats(trx, onRows);
  const monthly = perMonth(daily);
  const rowsOf = (m: Map<string, StatFigures>, period: 'day' | 'month') =>
    [...m].map(([key, f]) => {
      const { day, ...dims } = splitKey(key);
      return { [period]: day, ...dims, ...Object.fromEntries(STAT_FIGURES.map((n) => [STAT_COLUMNS[n], f[n]])) };
    });
  await trx(LINE_STATS).delete();
  await trx(LINE_STATS_MONTHLY).delete();
  for (const [table, rows] of [
    [LINE_STATS, rowsOf(daily, 'day')],
    [LINE_STATS_MONTHLY, rowsOf(monthly, 'month')],
  ] as const) {
    for (let i = 0; i < rows.length; i += 500) await trx(table).insert(rows.slice(i, i + 500));
  }
  return { days: daily.size, months: monthly.size };
}
