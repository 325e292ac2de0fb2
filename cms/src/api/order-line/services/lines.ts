/**
 * Order lines 订单明细 (DOMAIN.md §6): the lists, the detail, the export, and the distributor's answers
 * (确认 / 拒绝 / 终止配送). Every status change is one conditional UPDATE inside the action's
 * transaction whose affected-row count decides (see api/delivery/services/deliveries.ts).
 */
import type { Knex } from 'knex';
import type { Readable } from 'node:stream';
import {
  ANSWERABLE_LINE_STATUSES,
  chinaDateTime,
  DELIVERY_MODE_LABELS,
  DomainError,
  formatFen,
  lineStatusFilter,
  MAX_LINES_PER_ANSWER,
  optionalReason,
  orderLineMachine,
  OVERDUE_LABELS,
  requireReason,
  statusChangeDelta,
  TERMINABLE_LINE_STATUSES,
  type Lang,
  type LineTab,
  type OrderLineDetail,
  type OrderLineRow,
  type OrderLineStatus,
  type OverdueFilter,
  type Page,
  type ProvinceCutoffs,
} from '../../../domain';
import { assertOwner, assertReadable, scopeAttributes, type Actor } from '../../../scope';
import { now } from '../../../utils/clock';
import { whereContains } from '../../../utils/search';
import { exportSheet, offsetPager, type Column } from '../../../utils/xlsx-export';
import { cachedCount } from '../../../db/count-cache';
import { fastAll, fastAllByKey } from '../../../db/fast-read';
import { orgNames } from '../../../db/org-names';
import { deliveryOut, LINE_COLUMNS, lineOut, returnOut, type RawRow } from '../../../db/order-rows';
import { COUNT_CAP, ORDER_COUNTS, orderTx, ownRowsColumn, readLine, readLineById } from '../../../db/order-tables';
import { cutoffsKey, whereOverdue } from '../../../db/overdue';
import { bumpLineStats, statLineOfRow } from '../../../db/line-stats';

const LINE = 'api::order-line.order-line';
const NOT_LINE_DISTRIBUTOR = '仅该订单的配送企业可执行此操作';

export interface LineFilters {
  tab?: LineTab;
  status?: OrderLineStatus[];
  hospitalOrgId?: number;
  distributorOrgId?: number;
  productId?: number;
  q?: string;
  orderCode?: string;
  from?: Date;
  to?: Date;
  /** 逾期未确认 / 逾期未配送 / either, at the request's instant. */
  overdue?: OverdueFilter;
  sort?: { field: LineSortField; dir: 'asc' | 'desc' };
}

export const LINE_SORT_FIELDS = ['orderedAt', 'amountFen', 'quantity', 'status', 'orderCode'] as const;
export type LineSortField = (typeof LINE_SORT_FIELDS)[number];
const SORT_COLUMNS: { readonly [F in LineSortField]: string } = {
  orderedAt: 'ordered_at',
  amountFen: 'amount_fen',
  quantity: 'quantity',
  status: 'status',
  orderCode: 'order_code',
};

const num = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v));
const conflict = (message: string) => new DomainError('CONFLICT', message, { status: 409 });
const history = (actor: Actor, changes: unknown[]) => strapi.service('api::state-history.state-history').record(actor, changes);
/** The overdue cutoffs of every province now (api::working-calendar). */
export const cutoffsNow = (): Promise<ProvinceCutoffs> =>
  (strapi.service('api::working-calendar.working-calendar') as unknown as { cutoffs(at: Date): Promise<ProvinceCutoffs> }).cutoffs(now());

/** The lines of the actor's scope matching `f` (no order, no columns): one builder for page, count and export. */
function linesQuery(actor: Actor, f: LineFilters, cut: ProvinceCutoffs) {
  const knex = strapi.db.connection as Knex;
  const statuses = lineStatusFilter(f.tab, f.status);
  const own = ownRowsColumn(actor, 'line');
  const build = () => {
    let qb = knex('order_lines');
    if (own) qb = qb.where(own[0], own[1]);
    if (statuses) qb = statuses.length === 1 ? qb.where('status', statuses[0]!) : statuses.length ? qb.whereIn('status', statuses) : qb.whereRaw('1 = 0');
    if (f.hospitalOrgId) qb = qb.where('hospital_org_id', f.hospitalOrgId);
    if (f.distributorOrgId) qb = qb.where('distributor_org_id', f.distributorOrgId);
    if (f.productId) qb = qb.where('product_id', f.productId);
    if (f.orderCode) qb = qb.where('order_code', f.orderCode);
    qb = whereContains(qb, ['product_name', 'product_code', 'order_code'], f.q);
    if (f.from) qb = qb.where('ordered_at', '>=', f.from);
    if (f.to) qb = qb.where('ordered_at', '<', f.to);
    if (f.overdue) qb = whereOverdue(qb, f.overdue, cut);
    return qb;
  };
  // Keyed by everything build() reads, so a cache hit costs no SQL compilation.
  const overdue = f.overdue ? `${f.overdue}@${cutoffsKey(cut)}` : null;
  const key = JSON.stringify([own, statuses, f.hospitalOrgId, f.distributorOrgId, f.productId, f.orderCode, f.q, f.from, f.to, overdue]);
  return { build, key };
}

async function lineRows(actor: Actor, f: LineFilters, cut: ProvinceCutoffs, offset: number, limit: number): Promise<RawRow[]> {
  const { field, dir } = f.sort ?? { field: 'orderedAt', dir: 'desc' };
  const col = SORT_COLUMNS[field];
  const { build, key } = linesQuery(actor, f, cut);
  return fastAllByKey(`${key}|${col}|${dir}|${limit}|${offset}`, () =>
    build()
      .select(LINE_COLUMNS)
      .orderBy([
        { column: col, order: dir },
        { column: 'id', order: dir },
      ])
      .limit(limit)
      .offset(offset),
  );
}

const namesOfLines = (rows: RawRow[]) => orgNames(rows.flatMap((r) => [num(r.hospital_org_id), num(r.distributor_org_id), num(r.manufacturer_org_id)]));

const EXPORT_COLUMNS: ReadonlyArray<{ zh: string; en: string; width?: number; value: (l: OrderLineRow, lang: Lang) => string | number | null }> = [
  { zh: '订单编号', en: 'Order no.', width: 22, value: (l) => l.orderCode },
  { zh: '行号', en: 'Line', width: 6, value: (l) => l.lineNo },
  { zh: '医疗机构', en: 'Hospital', width: 24, value: (l) => l.hospitalName },
  { zh: '配送企业', en: 'Distributor', width: 24, value: (l) => l.distributorName },
  { zh: '产品编码', en: 'Product code', value: (l) => l.productCode },
  { zh: '产品名称', en: 'Product', width: 24, value: (l) => l.productName },
  { zh: '规格型号', en: 'Spec', value: (l) => l.spec },
  { zh: '单位', en: 'Unit', width: 6, value: (l) => l.unit },
  { zh: '采购数量', en: 'Quantity', value: (l) => l.quantity },
  { zh: '单价（元）', en: 'Unit price (yuan)', value: (l) => formatFen(l.unitPriceFen) },
  { zh: '金额（元）', en: 'Amount (yuan)', value: (l) => formatFen(l.amountFen) },
  { zh: '状态', en: 'Status', value: (l, lang) => orderLineMachine.label(l.status, lang) },
  { zh: '逾期', en: 'Overdue', value: (l, lang) => (l.overdue ? OVERDUE_LABELS[l.overdue][lang === 'en-US' ? 'en' : 'zh'] : '') },
  { zh: '配送方式', en: 'Delivery mode', value: (l, lang) => (l.deliveryMode ? DELIVERY_MODE_LABELS[l.deliveryMode][lang === 'en-US' ? 'en' : 'zh'] : '') },
  { zh: '已配送', en: 'Delivered', value: (l) => l.deliveredQty },
  { zh: '已收货', en: 'Received', value: (l) => l.receivedQty },
  { zh: '已退货', en: 'Returned', value: (l) => l.returnedQty },
  { zh: '下单时间', en: 'Ordered at', width: 20, value: (l) => chinaDateTime(l.orderedAt) },
  { zh: '理由', en: 'Reason', width: 24, value: (l) => l.reason ?? '' },
];
/** Most rows of one export (as many as the list's bounded count shows). */
const EXPORT_MAX_ROWS = COUNT_CAP;

export default () => ({
  /** Paged order lines of the caller's scope with filters; the 待配送 tab is one indexed range. */
  async searchLines(
    actor: Actor,
    f: LineFilters,
    page: number,
    pageSize: number,
  ): Promise<Page<OrderLineRow> & { meta: { pagination: { totalCapped?: true } } }> {
    const cut = await cutoffsNow();
    const rows = await lineRows(actor, f, cut, (page - 1) * pageSize, pageSize);
    let total: number;
    let capped = false;
    if (page === 1 && rows.length < pageSize) total = rows.length;
    else {
      // A bounded count (an index range per status): the list says "10000+" beyond COUNT_CAP.
      const knex = strapi.db.connection as Knex;
      const { build, key } = linesQuery(actor, f, cut);
      total = await cachedCount(ORDER_COUNTS, key, async () => {
        const res = await fastAll<{ n: unknown }>(
          knex.count({ n: '*' }).from(
            build()
              .select(knex.raw('1'))
              .limit(COUNT_CAP + 1)
              .as('capped'),
          ),
        );
        return num(res[0]?.n);
      });
      if (total > COUNT_CAP) {
        total = COUNT_CAP;
        capped = true;
      }
    }
    const names = await namesOfLines(rows);
    return {
      data: rows.map((r) => lineOut(r, actor, names, cut)),
      meta: { pagination: { page, pageSize, pageCount: Math.ceil(total / pageSize), total, ...(capped ? { totalCapped: true as const } : {}) } },
    };
  },

  /** The lines of the list as an .xlsx stream (the list's filters and order, at most EXPORT_MAX_ROWS). */
  exportLines(actor: Actor, f: LineFilters, lang: Lang, onRows?: (n: number) => Promise<void>): Readable {
    const columns: Column<OrderLineRow>[] = EXPORT_COLUMNS.map((c) => ({
      header: lang === 'en-US' ? c.en : c.zh,
      width: c.width,
      value: (l) => c.value(l, lang),
    }));
    let cut: ProvinceCutoffs | undefined;
    const pager = offsetPager(
      async (offset, limit) => {
        cut ??= await cutoffsNow();
        const rows = await lineRows(actor, f, cut, offset, limit);
        const names = await namesOfLines(rows);
        return rows.map((r) => lineOut(r, actor, names, cut));
      },
      2000,
      EXPORT_MAX_ROWS,
    );
    return exportSheet({ sheetName: lang === 'en-US' ? 'order-lines' : '订单明细', columns, nextRows: pager, onRows });
  },

  /** One line with its deliveries, returns and what the caller may do on each. */
  async lineDetail(actor: Actor, documentId: string): Promise<{ data: OrderLineDetail }> {
    const r = await readLine(documentId);
    assertReadable(actor, LINE, r, scopeAttributes(LINE), { columns: true });
    const [deliveries, returns] = await Promise.all([
      strapi.db.connection('deliveries').where('order_line_id', r.id).orderBy('seq', 'asc').orderBy('id', 'asc') as Promise<RawRow[]>,
      strapi.db.connection('return_requests').where('order_line_id', r.id).orderBy('id', 'asc') as Promise<RawRow[]>,
    ]);
    const [names, cut] = await Promise.all([namesOfLines([r]), cutoffsNow()]);
    return {
      data: {
        ...lineOut(r, actor, names, cut),
        deliveries: deliveries.map((d) => deliveryOut(d, actor)),
        returns: returns.map((x) => returnOut(x, actor)),
      },
    };
  },

  /** 确认 or 拒绝 one or several pending lines; all or nothing. */
  async answerLines(actor: Actor, documentIds: unknown, action: 'confirm' | 'reject', reasonIn?: unknown) {
    if (!Array.isArray(documentIds) || documentIds.length === 0) throw new DomainError('SELECTION_REQUIRED', '请选择订单明细', { status: 400, field: 'ids' });
    if (documentIds.length > MAX_LINES_PER_ANSWER) {
      throw new DomainError('SELECTION_TOO_LARGE', `一次最多处理${MAX_LINES_PER_ANSWER}条订单明细`, { status: 400, field: 'ids' });
    }
    if (!documentIds.every((id) => (typeof id === 'string' && id.length <= 64) || Number.isSafeInteger(id))) {
      throw new DomainError('SELECTION_INVALID', '所选订单明细的编号格式不正确', { status: 400, field: 'ids' });
    }
    const reason = action === 'reject' ? requireReason(reasonIn, orderLineMachine.actionLabel('reject')) : null;
    const at = now();
    return orderTx(async (trx) => {
      const changes: unknown[] = [];
      for (const id of [...new Set(documentIds.map(String))]) {
        const r = await readLine(id, trx);
        assertOwner(actor, LINE, r, 'distributorOrgId', { columns: true, readAttrs: scopeAttributes(LINE), message: NOT_LINE_DISTRIBUTOR });
        const to = orderLineMachine.next(action, String(r.status), { role: actor.role, reason });
        const n = await strapi.db
          .connection('order_lines')
          .transacting(trx)
          .where('id', r.id)
          .whereIn('status', ANSWERABLE_LINE_STATUSES)
          .update(action === 'confirm' ? { status: to, confirmed_at: at, updated_at: at } : { status: to, reason, closed_at: at, updated_at: at });
        if (n !== 1) throw conflict(`订单明细${String(r.order_code)}-${String(r.line_no)}状态已变化，请刷新后重试`);
        await bumpLineStats(trx, r, statusChangeDelta(String(r.status), to, statLineOfRow(r)));
        changes.push({ entity: 'order-line', entityId: r.id, action, from: r.status, to, reason });
      }
      await history(actor, changes);
      return { data: { count: changes.length } };
    });
  },

  /** 终止配送: the line stops; what was delivered stays. */
  async terminate(actor: Actor, documentId: string, reasonIn?: unknown) {
    const reason = optionalReason(reasonIn);
    const at = now();
    return orderTx(async (trx) => {
      const r = await readLine(documentId, trx);
      assertOwner(actor, LINE, r, 'distributorOrgId', { columns: true, readAttrs: scopeAttributes(LINE), message: NOT_LINE_DISTRIBUTOR });
      const to = orderLineMachine.next('terminate', String(r.status), { role: actor.role });
      const n = await strapi.db
        .connection('order_lines')
        .transacting(trx)
        .where('id', r.id)
        .whereIn('status', TERMINABLE_LINE_STATUSES)
        .update({ status: to, reason: reason ?? r.reason ?? null, closed_at: at, updated_at: at });
      if (n !== 1) throw conflict('订单明细状态已变化，请刷新后重试');
      await bumpLineStats(trx, r, statusChangeDelta(String(r.status), to, statLineOfRow(r)));
      await history(actor, [{ entity: 'order-line', entityId: r.id, action: 'terminate', from: r.status, to, reason }]);
      return { data: lineOut((await readLineById(num(r.id), trx))!, actor) };
    });
  },
});
