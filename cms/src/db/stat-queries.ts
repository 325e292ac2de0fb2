/**
 * Reads of the aggregate table `line_stats` for 统计查询 and the 工作台: always an index range on the
 * caller's scope column (or the day) with sums grouped by one dimension; never the order lines.
 */
import type { Knex } from 'knex';
import { splitRange, STAT_FIGURES, statRow, zeroFigures, type StatFigures, type StatRow, type StatSortField, type StatView } from '../domain/statistics';
import type { Role } from '../domain/roles';
import { LINE_STATS, LINE_STATS_MONTHLY, STAT_COLUMNS } from './line-stats';
import { orgNames } from './org-names';
import { ORDER_COUNTS, ownRowsColumn } from './order-tables';
import { cachedPooledAll } from './read-pool';
import type { RawRow } from './values';

export interface StatFilters {
  from: string;
  to: string;
  provinceCode?: string;
  regionCode?: string;
  category?: string[];
  vbp?: boolean;
  keyMonitored?: boolean;
  productId?: number;
  distributorOrgId?: number;
  hospitalOrgId?: number;
  manufacturerOrgId?: number;
}

export interface StatScope {
  role: Role;
  orgId: number;
  provinceCode?: string | null;
}

/** The column each view groups by. */
export const VIEW_COLUMN: { readonly [V in StatView]: string } = {
  'by-product': 'product_id',
  'by-distributor': 'distributor_org_id',
  'by-hospital': 'hospital_org_id',
};

const knex = () => strapi.db.connection as Knex;

/**
 * How long a statistics answer is reused while no order action commits (every action that moves the
 * aggregates runs in orderTx, which marks the family `orders` stale): only a change of a product's
 * category or flags, or of a hospital's region, waits for it.
 */
const STATS_CACHE_MS = 60_000;
/** The rows of a statistics query: read by the pool (db/read-pool.ts), reused until an order action commits. */
const read = (qb: Knex.QueryBuilder): Promise<RawRow[]> => cachedPooledAll<RawRow>(ORDER_COUNTS, qb, STATS_CACHE_MS);
const readFirst = async (qb: Knex.QueryBuilder): Promise<RawRow | undefined> => (await read(qb.limit(1)))[0];
const num = (v: unknown) => (v === null || v === undefined ? 0 : Number(v));

const DIMS = ['product_id', 'distributor_org_id', 'hospital_org_id', 'manufacturer_org_id', 'province_code'] as const;

/** The rows of one aggregate table (`period` = its day or month column) in [from, to] that the caller's scope and the filters select. */
function part(actor: StatScope, f: StatFilters, table: string, period: string, range: [string, string]): Knex.QueryBuilder {
  const k = knex();
  let qb = k(`${table} as t`)
    .select(k.raw('?? AS ??', [`t.${period}`, 'day']), ...DIMS.map((d) => `t.${d}`), ...STAT_FIGURES.map((x) => `t.${STAT_COLUMNS[x]}`))
    .where(`t.${period}`, '>=', range[0])
    .where(`t.${period}`, '<=', range[1]);
  const own = ownRowsColumn(actor, 'line');
  if (own) qb = qb.where(`t.${own[0]}`, own[1] as string | number);
  if (f.provinceCode) qb = qb.where('t.province_code', f.provinceCode);
  if (f.productId) qb = qb.where('t.product_id', f.productId);
  if (f.distributorOrgId) qb = qb.where('t.distributor_org_id', f.distributorOrgId);
  if (f.hospitalOrgId) qb = qb.where('t.hospital_org_id', f.hospitalOrgId);
  if (f.manufacturerOrgId) qb = qb.where('t.manufacturer_org_id', f.manufacturerOrgId);
  if (f.regionCode) qb = qb.whereIn('t.hospital_org_id', k('organisations').select('id').where('region_code', f.regionCode));
  if (f.category?.length || f.vbp !== undefined || f.keyMonitored !== undefined) {
    let p = k('products').select('id');
    if (f.category?.length) p = p.whereIn('category', f.category);
    if (f.vbp !== undefined) p = p.where('vbp', f.vbp);
    if (f.keyMonitored !== undefined) p = p.where('key_monitored', f.keyMonitored);
    qb = qb.whereIn('t.product_id', p);
  }
  return qb;
}

/**
 * The aggregate rows (alias `s`: day or month as `day`, the dimensions, the figures) of the caller's
 * scope that the filters select: whole months from the monthly sums, the days at the ends from the daily.
 */
export function filteredStats(actor: StatScope, f: StatFilters): Knex.QueryBuilder {
  const { months, days } = splitRange(f.from, f.to);
  const parts = [...days.map((d) => part(actor, f, LINE_STATS, 'day', d)), ...(months ? [part(actor, f, LINE_STATS_MONTHLY, 'month', months)] : [])];
  const [first, ...rest] = parts as [Knex.QueryBuilder, ...Knex.QueryBuilder[]];
  return knex().from((rest.length ? first.unionAll(rest) : first).as('s'));
}

/** `SUM(col) AS col` for every figure. */
const sums = () => STAT_FIGURES.map((f) => knex().raw('SUM(??) AS ??', [`s.${STAT_COLUMNS[f]}`, f]));
const figuresOf = (r: RawRow | undefined): StatFigures => {
  const out = zeroFigures();
  for (const f of STAT_FIGURES) out[f] = num(r?.[f]);
  return out;
};

/** The ORDER BY expression of a sort field (the two 配送率 as ratios of sums). */
function sortExpr(field: StatSortField): Knex.Raw {
  const k = knex();
  const rate = (d: string, o: string) => k.raw('CASE WHEN SUM(??) > 0 THEN SUM(??) * 1.0 / SUM(??) ELSE -1 END', [`s.${o}`, `s.${d}`, `s.${o}`]);
  if (field === 'rateByQty') return rate('delivered_qty', 'ordered_qty');
  if (field === 'rateByAmount') return rate('delivered_fen', 'ordered_fen');
  return k.raw('SUM(??)', [`s.${STAT_COLUMNS[field]}`]);
}

/** Names (and codes) of the keys of a view's rows. */
async function namesOf(view: StatView, keys: number[]): Promise<Map<number, { name: string; code: string | null }>> {
  const out = new Map<number, { name: string; code: string | null }>();
  if (!keys.length) return out;
  if (view === 'by-product') {
    const rows: RawRow[] = await knex()('products').select('id', 'name', 'code', 'spec', 'model').whereIn('id', keys);
    for (const r of rows) {
      const spec = [r.spec, r.model].filter(Boolean).join(' ');
      out.set(num(r.id), { name: `${String(r.name)}${spec ? `（${spec}）` : ''}`, code: (r.code ?? null) as string | null });
    }
  } else {
    for (const [id, name] of await orgNames(keys)) out.set(id, { name, code: null });
  }
  return out;
}

/** One page of a view's rows, sorted; `offset`/`limit` page it. */
export async function statRows(
  actor: StatScope,
  view: StatView,
  f: StatFilters,
  sort: { field: StatSortField; dir: 'asc' | 'desc' },
  offset: number,
  limit: number,
): Promise<StatRow[]> {
  const col = `s.${VIEW_COLUMN[view]}`;
  const rows: RawRow[] = await read(
    filteredStats(actor, f)
      .select(knex().raw('?? AS ??', [col, 'key']), ...sums())
      .groupBy(col)
      .orderByRaw(`${sortExpr(sort.field).toQuery()} ${sort.dir === 'desc' ? 'DESC' : 'ASC'}, ?? ASC`, [col])
      .limit(limit)
      .offset(offset),
  );
  const names = await namesOf(
    view,
    rows.map((r) => num(r.key)),
  );
  return rows.map((r) => {
    const n = names.get(num(r.key));
    return statRow(num(r.key), n?.name ?? `#${num(r.key)}`, n?.code ?? null, figuresOf(r));
  });
}

/** How many rows a view has under the filters. */
export async function statRowCount(actor: StatScope, view: StatView, f: StatFilters): Promise<number> {
  const k = knex();
  const col = `s.${VIEW_COLUMN[view]}`;
  const r: { n?: unknown } | undefined = await readFirst(k.count({ n: '*' }).from(filteredStats(actor, f).select(col).groupBy(col).as('g')));
  return num(r?.n);
}

/** The figures summed over everything the filters select (the totals row). */
export async function statTotals(actor: StatScope, f: StatFilters): Promise<StatFigures> {
  const r: RawRow | undefined = await readFirst(filteredStats(actor, f).select(...sums()));
  return figuresOf(r);
}

/** The figures per month ('YYYY-MM') of the filtered rows. */
export async function statMonths(actor: StatScope, f: StatFilters): Promise<Map<string, StatFigures>> {
  const k = knex();
  const month = k.raw('substr(??, 1, 7)', ['s.day']);
  const rows: RawRow[] = await read(
    filteredStats(actor, f)
      .select(k.raw('substr(??, 1, 7) AS ??', ['s.day', 'month']), ...sums())
      .groupBy(month),
  );
  return new Map(rows.map((r) => [String(r.month), figuresOf(r)]));
}

/** How many rows of a view fall in each 配送率 bucket (by quantity); `bounds` are the buckets' lower bounds, ascending. */
export async function statRateBuckets(actor: StatScope, view: StatView, f: StatFilters, bounds: readonly number[]): Promise<number[]> {
  const k = knex();
  const col = `s.${VIEW_COLUMN[view]}`;
  const inner = filteredStats(actor, f)
    .select(k.raw('SUM(??) AS o, SUM(??) AS d', ['s.ordered_qty', 's.delivered_qty']))
    .groupBy(col)
    .as('g');
  // The bucket index: how many lower bounds after the first the rate reaches.
  const idx = bounds
    .slice(1)
    .map(() => 'CASE WHEN d * 1.0 >= ? * o THEN 1 ELSE 0 END')
    .join(' + ');
  const rows: RawRow[] = await read(
    k
      .select(k.raw(`${idx || '0'} AS b`, bounds.slice(1)), k.raw('COUNT(*) AS n'))
      .from(inner)
      .where('o', '>', 0)
      .groupBy('b'),
  );
  const out = bounds.map(() => 0);
  for (const r of rows) out[num(r.b)] = num(r.n);
  return out;
}
