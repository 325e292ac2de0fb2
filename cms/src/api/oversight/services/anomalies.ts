/**
 * The bureau's anomaly views (配送监管): 大额低到货 — orders (per distributor) above an amount whose
 * 配送率 is still below a rate K days after ordering — and 逾期最久 — the overdue lines (逾期未确认 /
 * 逾期未配送) that started longest ago. Both paged and in the scope of the caller (bureau: its province).
 */
import type { Knex } from 'knex';
import {
  DAY_MS,
  daysOverdue,
  lineDeadline,
  pageOf,
  rate,
  type DeadlineRule,
  type LargeOrderRow,
  type OverdueLineRow,
  type OverdueFilter,
  type Page,
  type ProvinceCutoffs,
  type WorkingCalendar,
} from '../../../domain';
import type { Actor } from '../../../scope';
import { now } from '../../../utils/clock';
import { whereContains } from '../../../utils/search';
import { COUNT_CAP } from '../../../db/order-tables';
import { LINE_COLUMNS, lineOut } from '../../../db/order-rows';
import { orgNames } from '../../../db/org-names';
import { pooledAll, pooledFirst } from '../../../db/read-pool';
import { whereOverdue } from '../../../db/overdue';
import { dbIso, type RawRow } from '../../../db/values';
import { oversightScope } from './oversight';

export type { LargeOrderRow, OverdueLineRow };

export interface LargeOrderParams {
  minAmountYuan: number;
  maxRatePercent: number;
  afterDays: number;
  q?: string;
}
/** How far back 大额低到货 looks before the K days: orders of the last half year. */
const LARGE_ORDER_WINDOW_DAYS = 180;
const num = (v: unknown) => (v === null || v === undefined ? 0 : Number(v));

const wc = () =>
  strapi.service('api::working-calendar.working-calendar') as unknown as {
    calendar(): Promise<WorkingCalendar>;
    rule(provinceCode: string | null): Promise<DeadlineRule>;
    cutoffs(at: Date): Promise<ProvinceCutoffs>;
  };

function largeOrdersQuery(actor: Actor, p: LargeOrderParams) {
  const knex = strapi.db.connection as Knex;
  const before = new Date(now().getTime() - p.afterDays * DAY_MS);
  const since = new Date(before.getTime() - LARGE_ORDER_WINDOW_DAYS * DAY_MS);
  const minFen = Math.round(p.minAmountYuan * 100);
  return () => {
    let qb = oversightScope(actor, knex('order_lines as l')).where('l.ordered_at', '>=', since).where('l.ordered_at', '<', before);
    qb = whereContains(qb, ['l.order_code', 'l.product_name'], p.q);
    return qb
      .groupBy('l.order_id', 'l.hospital_org_id', 'l.distributor_org_id')
      .havingRaw('SUM(l.amount_fen) > ?', [minFen])
      .havingRaw('SUM(l.delivered_qty * l.unit_price_fen) * 100 < ? * SUM(l.amount_fen)', [p.maxRatePercent]);
  };
}

export default () => ({
  /** 大额低到货: lowest 配送率 first, then the largest amount. */
  async largeOrders(actor: Actor, p: LargeOrderParams, page: number, pageSize: number): Promise<Page<LargeOrderRow>> {
    const knex = strapi.db.connection as Knex;
    const build = largeOrdersQuery(actor, p);
    // Grouped over many lines: read by the pool (db/read-pool.ts), not on the event loop.
    const rows: RawRow[] = await pooledAll(
      build()
        .select(
          'l.order_id',
          'l.hospital_org_id',
          'l.distributor_org_id',
          knex.raw('MIN(l.order_code) as order_code'),
          knex.raw('MIN(l.ordered_at) as ordered_at'),
          knex.raw('COUNT(*) as line_count'),
          knex.raw('SUM(l.quantity) as ordered_qty'),
          knex.raw('SUM(l.delivered_qty) as delivered_qty'),
          knex.raw('SUM(l.amount_fen) as ordered_fen'),
          knex.raw('SUM(l.delivered_qty * l.unit_price_fen) as delivered_fen'),
        )
        .orderByRaw('SUM(l.delivered_qty * l.unit_price_fen) * 10000 / SUM(l.amount_fen) ASC, SUM(l.amount_fen) DESC, l.order_id ASC')
        .limit(pageSize)
        .offset((page - 1) * pageSize),
    );
    const c: { n?: unknown } | undefined = await pooledFirst(knex.count({ n: '*' }).from(build().select('l.order_id').limit(COUNT_CAP).as('g')));
    const names = await orgNames(rows.flatMap((r) => [num(r.hospital_org_id), num(r.distributor_org_id)]));
    const data = rows.map((r): LargeOrderRow => ({
      orderId: num(r.order_id),
      orderCode: String(r.order_code ?? ''),
      hospitalOrgId: num(r.hospital_org_id),
      hospitalName: names.get(num(r.hospital_org_id)) ?? null,
      distributorOrgId: num(r.distributor_org_id),
      distributorName: names.get(num(r.distributor_org_id)) ?? null,
      orderedAt: dbIso(r.ordered_at),
      lines: num(r.line_count),
      orderedQty: num(r.ordered_qty),
      deliveredQty: num(r.delivered_qty),
      orderedFen: num(r.ordered_fen),
      deliveredFen: num(r.delivered_fen),
      amountRate: rate(num(r.delivered_fen), num(r.ordered_fen)),
    }));
    return pageOf(data, num(c?.n), page, pageSize);
  },

  /** 逾期最久: overdue lines of `kind`, the earliest start (ordering / confirming) first. */
  async overdueLines(actor: Actor, kind: OverdueFilter, q: string | undefined, page: number, pageSize: number): Promise<Page<OverdueLineRow>> {
    const knex = strapi.db.connection as Knex;
    const at = now();
    const cut = await wc().cutoffs(at);
    const build = () =>
      whereContains(whereOverdue(oversightScope(actor, knex('order_lines as l')), kind, cut, 'l.'), ['l.product_name', 'l.product_code', 'l.order_code'], q);
    const rows: RawRow[] = await pooledAll(
      build()
        .select(LINE_COLUMNS.map((c) => `l.${c}`))
        .orderByRaw('COALESCE(l.confirmed_at, l.ordered_at) ASC, l.id ASC')
        .limit(pageSize)
        .offset((page - 1) * pageSize),
    );
    const c: { n?: unknown } | undefined = await pooledFirst(knex.count({ n: '*' }).from(build().select(knex.raw('1')).limit(COUNT_CAP).as('o')));
    const names = await orgNames(rows.flatMap((r) => [num(r.hospital_org_id), num(r.distributor_org_id), num(r.manufacturer_org_id)]));
    const cal = await wc().calendar();
    const data: OverdueLineRow[] = [];
    for (const r of rows) {
      const line = lineOut(r, actor, names, cut);
      const deadline = lineDeadline(line, cal, await wc().rule(line.provinceCode));
      data.push({ ...line, deadline: deadline ? dbIso(deadline) : null, daysOverdue: deadline ? daysOverdue(deadline, at) : 0 });
    }
    return pageOf(data, num(c?.n), page, pageSize);
  },
});
