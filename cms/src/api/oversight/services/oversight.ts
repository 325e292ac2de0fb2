/**
 * 配送监管 (oversight): the distributors' monthly KPIs (响应率, 按时配送率, 配送率), the bureau's league
 * table and the 90 %-for-3-months alarm (domain/oversight.ts). Figures are counted from the lines ordered
 * in the months asked (at most OVERSIGHT_MAX_MONTHS), read in one indexed range of the scope.
 */
import type { Knex } from 'knex';
import {
  addKpiLine,
  addMonths,
  chinaMonth,
  DELIVERY_STATUS,
  deliveryRateAlarm,
  emptyKpi,
  finishKpi,
  leagueCompare,
  LINE_STATUS,
  mergeKpi,
  monthBounds,
  monthRange,
  pageOf,
  type DeadlineRule,
  type AlarmRow,
  type KpiFigures,
  type KpiRow,
  type LeagueRow,
  type MonthRate,
  type Page,
  type WorkingCalendar,
} from '../../../domain';
import type { Actor } from '../../../scope';
import { now } from '../../../utils/clock';
import { containsText } from '../../../utils/search';
import { orgNames } from '../../../db/org-names';
import { pooledAll } from '../../../db/read-pool';
import { dbDate, type RawRow } from '../../../db/values';

export type { AlarmRow, KpiRow, LeagueRow };

export interface MonthSpan {
  from?: string;
  to?: string;
}
export interface Listing {
  q?: string;
  distributorOrgId?: number;
}

const calendarService = () =>
  strapi.service('api::working-calendar.working-calendar') as unknown as {
    calendar(): Promise<WorkingCalendar>;
    rule(provinceCode: string | null): Promise<DeadlineRule>;
  };

/** The lines of the actor's oversight scope: its own (distributor), its province (bureau), all (platform admin). */
function scoped(actor: Actor, qb: Knex.QueryBuilder, alias = 'l.'): Knex.QueryBuilder {
  if (actor.role === 'distributor') return qb.where(`${alias}distributor_org_id`, actor.orgId);
  if (actor.role === 'bureau') return qb.where(`${alias}province_code`, actor.provinceCode ?? '--');
  if (actor.role === 'platform_admin') return qb;
  return qb.whereRaw('1 = 0');
}
export { scoped as oversightScope };

/** The months asked, or `fallbackCount` months ending with `fallbackTo`. */
export function monthsOf(span: MonthSpan, fallbackTo: string, fallbackCount: number): string[] {
  const to = span.to ?? (span.from && span.from > fallbackTo ? span.from : fallbackTo);
  const from = span.from ?? addMonths(to, -(fallbackCount - 1));
  return monthRange(from, to);
}

/** Per distributor and month, the KPI figures of the lines ordered in `months` (finished). */
async function figures(actor: Actor, months: string[], listing: Listing): Promise<Map<number, Map<string, KpiFigures>>> {
  const knex = strapi.db.connection as Knex;
  const from = monthBounds(months[0]!).from;
  const to = monthBounds(months[months.length - 1]!).to;
  let qb = scoped(actor, knex('order_lines as l'))
    .where('l.ordered_at', '>=', from)
    .where('l.ordered_at', '<', to)
    .select(
      'l.distributor_org_id',
      'l.province_code',
      'l.status',
      'l.ordered_at',
      'l.confirmed_at',
      'l.closed_at',
      'l.quantity',
      'l.delivered_qty',
      'l.amount_fen',
      'l.unit_price_fen',
      knex.raw(
        'CASE WHEN l.status = ? THEN (SELECT MAX(d.delivered_at) FROM deliveries d WHERE d.order_line_id = l.id AND d.status <> ?) END as last_delivery_at',
        [LINE_STATUS.delivered, DELIVERY_STATUS.withdrawn],
      ),
    );
  if (listing.distributorOrgId) qb = qb.where('l.distributor_org_id', listing.distributorOrgId);
  // Many lines for a province over months: read by the pool (db/read-pool.ts), not on the event loop.
  const rows: RawRow[] = await pooledAll(qb);
  const cal = await calendarService().calendar();
  const rules = new Map<string, DeadlineRule>();
  for (const p of new Set(rows.map((r) => String(r.province_code ?? '')))) rules.set(p, await calendarService().rule(p || null));
  const at = now();
  const out = new Map<number, Map<string, KpiFigures>>();
  for (const r of rows) {
    const orderedAt = dbDate(r.ordered_at);
    if (!orderedAt) continue;
    const dist = Number(r.distributor_org_id);
    const month = chinaMonth(orderedAt);
    let byMonth = out.get(dist);
    if (!byMonth) out.set(dist, (byMonth = new Map()));
    let k = byMonth.get(month);
    if (!k) byMonth.set(month, (k = emptyKpi()));
    addKpiLine(
      k,
      {
        status: String(r.status),
        orderedAt,
        confirmedAt: dbDate(r.confirmed_at),
        closedAt: dbDate(r.closed_at),
        lastDeliveryAt: dbDate(r.last_delivery_at),
        quantity: Number(r.quantity ?? 0),
        deliveredQty: Number(r.delivered_qty ?? 0),
        amountFen: Number(r.amount_fen ?? 0),
        unitPriceFen: Number(r.unit_price_fen ?? 0),
      },
      cal,
      rules.get(String(r.province_code ?? ''))!,
      at,
    );
  }
  for (const byMonth of out.values()) for (const k of byMonth.values()) finishKpi(k);
  return out;
}

/** The distributors' names, and those matching the search (case-insensitive contains). */
async function named(ids: Iterable<number>, q: string | undefined) {
  const names = await orgNames(ids);
  const keep = (id: number) => !q || containsText(names.get(id) ?? '', q);
  return { names, keep };
}

const slice = <T>(rows: T[], page: number, pageSize: number): Page<T> =>
  pageOf(rows.slice((page - 1) * pageSize, page * pageSize), rows.length, page, pageSize);

const service = {
  /** 履约指标 per distributor and month, newest month first, then by name. */
  async kpiRows(actor: Actor, span: MonthSpan, listing: Listing): Promise<KpiRow[]> {
    const months = monthsOf(span, chinaMonth(now()), 3);
    const all = await figures(actor, months, listing);
    const { names, keep } = await named(all.keys(), listing.q);
    const rows: KpiRow[] = [];
    for (const [dist, byMonth] of all) {
      if (!keep(dist)) continue;
      for (const [month, k] of byMonth) rows.push({ distributorOrgId: dist, distributorName: names.get(dist) ?? null, month, ...k });
    }
    return rows.sort((a, b) => b.month.localeCompare(a.month) || (a.distributorName ?? '').localeCompare(b.distributorName ?? '', 'zh-CN'));
  },

  async kpis(actor: Actor, span: MonthSpan, listing: Listing, page: number, pageSize: number): Promise<Page<KpiRow>> {
    return slice(await service.kpiRows(actor, span, listing), page, pageSize);
  },

  /** 配送率排行: the scope's distributors over the months, worst 配送率 first, then worst on-time rate. */
  async leagueRows(actor: Actor, span: MonthSpan, listing: Listing): Promise<LeagueRow[]> {
    const months = monthsOf(span, chinaMonth(now()), 3);
    const all = await figures(actor, months, listing);
    const { names, keep } = await named(all.keys(), listing.q);
    const totals = [...all]
      .map(([dist, byMonth]) => ({ dist, k: finishKpi([...byMonth.values()].reduce((a, b) => mergeKpi(a, b), emptyKpi())) }))
      .sort((a, b) => leagueCompare(a.k, b.k) || a.dist - b.dist);
    return totals
      .map(({ dist, k }, i) => ({
        rank: i + 1,
        distributorOrgId: dist,
        distributorName: names.get(dist) ?? null,
        from: months[0]!,
        to: months[months.length - 1]!,
        ...k,
      }))
      .filter((r) => keep(r.distributorOrgId));
  },

  async league(actor: Actor, span: MonthSpan, listing: Listing, page: number, pageSize: number): Promise<Page<LeagueRow>> {
    return slice(await service.leagueRows(actor, span, listing), page, pageSize);
  },

  /**
   * 预警: distributors whose 配送率 (by amount) stayed below 90 % for 3 consecutive months among the
   * months asked (by default the 6 months before the current one, which is not over yet).
   */
  async alarms(actor: Actor, span: MonthSpan, listing: Listing, page: number, pageSize: number): Promise<Page<AlarmRow>> {
    const months = monthsOf(span, addMonths(chinaMonth(now()), -1), 6);
    const all = await figures(actor, months, listing);
    const { names, keep } = await named(all.keys(), listing.q);
    const rows: AlarmRow[] = [];
    for (const [dist, byMonth] of all) {
      if (!keep(dist)) continue;
      const rates = [...byMonth].map(([month, k]): MonthRate => ({ month, orderedFen: k.orderedFen, deliveredFen: k.deliveredFen, amountRate: k.amountRate }));
      const run = deliveryRateAlarm(rates);
      if (!run) continue;
      const lowest = run.reduce<number | null>((m, r) => (r.amountRate !== null && (m === null || r.amountRate < m) ? r.amountRate : m), null);
      rows.push({ distributorOrgId: dist, distributorName: names.get(dist) ?? null, months: run, lowestRate: lowest });
    }
    rows.sort((a, b) => (a.lowestRate ?? 0) - (b.lowestRate ?? 0) || a.distributorOrgId - b.distributorOrgId);
    return slice(rows, page, pageSize);
  },
};

export default () => service;
