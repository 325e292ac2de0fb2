/** Thin HTTP layer of the order workflow (services/workflow.ts): parse, call, answer. */
import * as XLSX from 'xlsx';
import { z } from 'zod';
import { DomainError, formatFen, isIsoDate, isoDateToDayNumber, DAY_MS, orderLineMachine, DELIVERY_MODE_LABELS } from '../../../domain';
import { requireActor } from '../../../scope';
import { readPaging } from '../../../utils/paging';

const svc = () => strapi.service('api::order-line.workflow');

function zodFail(err: z.ZodError): never {
  const issue = err.issues[0]!;
  const field = issue.path.join('.');
  throw new DomainError('VALIDATION', issue.message, { status: 400, field: field || undefined });
}

const intish = (msg: string) => z.coerce.number({ error: msg }).int(msg).positive(msg);

const orderSchema = z.object({
  lines: z
    .array(
      z.object({
        productId: intish('请选择产品'),
        distributorOrgId: intish('请选择配送企业'),
        quantity: z.number({ error: '采购数量必须为大于等于1的整数' }),
      }),
      { error: '请至少添加一条订单明细' },
    )
    .min(1, '请至少添加一条订单明细')
    .max(50, '一个订单最多50条明细'),
  remark: z.string().max(500, '备注不能超过500个字').nullish(),
});

/** A China calendar day 'YYYY-MM-DD' → the instant it starts. */
function chinaDayStart(s: string, field: string): Date {
  if (!isIsoDate(s)) throw new DomainError('DATE_INVALID', '日期格式不正确（应为YYYY-MM-DD）', { status: 400, field });
  return new Date(isoDateToDayNumber(s) * DAY_MS - 8 * 3600_000);
}

const list = (v: unknown): string[] | undefined => {
  if (v === undefined || v === null || v === '') return undefined;
  const arr = Array.isArray(v) ? v : String(v).split(',');
  return arr
    .map((x) => String(x).trim())
    .filter(Boolean)
    .slice(0, 20);
};
const posInt = (v: unknown): number | undefined => {
  const n = Number(v);
  return Number.isSafeInteger(n) && n > 0 ? n : undefined;
};

function lineFilters(q: any) {
  const status = list(q.status);
  if (status?.some((s) => !orderLineMachine.isState(s))) throw new DomainError('STATUS_INVALID', '状态筛选条件不正确', { status: 400, field: 'status' });
  const tab = q.tab ? String(q.tab) : undefined;
  if (tab && !['todo', 'delivered', 'all'].includes(tab)) throw new DomainError('TAB_INVALID', '不支持的页签', { status: 400, field: 'tab' });
  const from = q.from ? chinaDayStart(String(q.from), 'from') : undefined;
  const to = q.to ? new Date(chinaDayStart(String(q.to), 'to').getTime() + DAY_MS) : undefined;
  return {
    tab: tab === 'all' ? undefined : tab,
    status,
    hospitalOrgId: posInt(q.hospitalOrgId),
    distributorOrgId: posInt(q.distributorOrgId),
    productId: posInt(q.productId),
    orderCode: q.orderCode ? String(q.orderCode).slice(0, 40) : undefined,
    q: q.q ? String(q.q).trim().slice(0, 100) || undefined : undefined,
    from,
    to,
    sort: q.sort ? String(Array.isArray(q.sort) ? q.sort[0] : q.sort) : undefined,
  };
}

function sendXlsx(ctx: any, name: string, header: string[], rows: unknown[][]) {
  const ws = XLSX.utils.aoa_to_sheet([header, ...rows]);
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, name);
  const buf = XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' });
  ctx.set('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  ctx.set('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(name)}.xlsx`);
  ctx.body = buf;
}

const body = (ctx: any) => ctx.request.body?.data ?? ctx.request.body ?? {};

export default {
  async options(ctx: any) {
    const actor = await requireActor(ctx);
    ctx.body = await svc().orderOptions(actor, ctx.query.q ? String(ctx.query.q).slice(0, 100) : undefined);
  },

  async placeOrder(ctx: any) {
    const actor = await requireActor(ctx);
    const parsed = orderSchema.safeParse(body(ctx));
    if (!parsed.success) zodFail(parsed.error);
    ctx.body = await svc().placeOrder(actor, parsed.data);
  },

  async search(ctx: any) {
    const actor = await requireActor(ctx);
    const { page, pageSize } = readPaging(ctx.query, { pageSize: 20, max: 200 });
    ctx.body = await svc().searchLines(actor, lineFilters(ctx.query), page, pageSize);
  },

  async exportLines(ctx: any) {
    const actor = await requireActor(ctx);
    const res = await svc().searchLines(actor, lineFilters(ctx.query), 1, 10_000);
    const lang = ctx.query.lang === 'en-US' ? 'en-US' : 'zh-CN';
    const header =
      lang === 'en-US'
        ? [
            'Order no.',
            'Line',
            'Hospital',
            'Distributor',
            'Product code',
            'Product',
            'Spec',
            'Unit',
            'Quantity',
            'Unit price (yuan)',
            'Amount (yuan)',
            'Status',
            'Delivery mode',
            'Delivered',
            'Received',
            'Returned',
            'Ordered at',
            'Reason',
          ]
        : [
            '订单编号',
            '行号',
            '医疗机构',
            '配送企业',
            '产品编码',
            '产品名称',
            '规格型号',
            '单位',
            '采购数量',
            '单价（元）',
            '金额（元）',
            '状态',
            '配送方式',
            '已配送',
            '已收货',
            '已退货',
            '下单时间',
            '理由',
          ];
    const rows = res.data.map((l: any) => [
      l.orderCode,
      l.lineNo,
      l.hospitalName,
      l.distributorName,
      l.productCode,
      l.productName,
      l.spec,
      l.unit,
      l.quantity,
      formatFen(l.unitPriceFen),
      formatFen(l.amountFen),
      orderLineMachine.label(l.status, lang),
      l.deliveryMode ? DELIVERY_MODE_LABELS[l.deliveryMode as 'standard' | 'batch'][lang === 'en-US' ? 'en' : 'zh'] : '',
      l.deliveredQty,
      l.receivedQty,
      l.returnedQty,
      l.orderedAt,
      l.reason ?? '',
    ]);
    sendXlsx(ctx, lang === 'en-US' ? 'order-lines' : '订单明细', header, rows);
  },

  async detail(ctx: any) {
    const actor = await requireActor(ctx);
    ctx.body = await svc().lineDetail(actor, String(ctx.params.id));
  },

  async deliveries(ctx: any) {
    const actor = await requireActor(ctx);
    const { page, pageSize } = readPaging(ctx.query, { pageSize: 20, max: 200 });
    const q = ctx.query;
    ctx.body = await svc().searchDeliveries(
      actor,
      {
        rework: q.rework === '1' || q.rework === 'true',
        status: list(q.status),
        invoiceStatus: list(q.invoiceStatus),
        lineDocumentId: q.line ? String(q.line) : undefined,
        q: q.q ? String(q.q).slice(0, 100) : undefined,
      },
      page,
      pageSize,
    );
  },

  async returns(ctx: any) {
    const actor = await requireActor(ctx);
    const { page, pageSize } = readPaging(ctx.query, { pageSize: 20, max: 200 });
    ctx.body = await svc().searchReturns(
      actor,
      { status: list(ctx.query.status), q: ctx.query.q ? String(ctx.query.q).slice(0, 100) : undefined },
      page,
      pageSize,
    );
  },

  async confirm(ctx: any) {
    const actor = await requireActor(ctx);
    ctx.body = await svc().answerLines(actor, body(ctx).ids, 'confirm');
  },

  async reject(ctx: any) {
    const actor = await requireActor(ctx);
    ctx.body = await svc().answerLines(actor, body(ctx).ids, 'reject', body(ctx).reason);
  },

  async terminate(ctx: any) {
    const actor = await requireActor(ctx);
    ctx.body = await svc().terminate(actor, String(ctx.params.id), body(ctx).reason);
  },

  async deliver(ctx: any) {
    const actor = await requireActor(ctx);
    ctx.body = await svc().deliver(actor, String(ctx.params.id), body(ctx));
  },

  async withdraw(ctx: any) {
    const actor = await requireActor(ctx);
    ctx.body = await svc().withdrawDelivery(actor, String(ctx.params.id));
  },

  async invoice(ctx: any) {
    const actor = await requireActor(ctx);
    ctx.body = await svc().setInvoice(actor, String(ctx.params.id), body(ctx));
  },

  async receive(ctx: any) {
    const actor = await requireActor(ctx);
    ctx.body = await svc().receive(actor, String(ctx.params.id));
  },

  async checkInvoice(ctx: any) {
    const actor = await requireActor(ctx);
    ctx.body = await svc().checkInvoice(actor, String(ctx.params.id), body(ctx).result, body(ctx).reason);
  },

  async requestReturn(ctx: any) {
    const actor = await requireActor(ctx);
    ctx.body = await svc().requestReturn(actor, String(ctx.params.id), body(ctx));
  },

  async agreeReturn(ctx: any) {
    const actor = await requireActor(ctx);
    ctx.body = await svc().answerReturn(actor, String(ctx.params.id), 'agree');
  },

  async refuseReturn(ctx: any) {
    const actor = await requireActor(ctx);
    ctx.body = await svc().answerReturn(actor, String(ctx.params.id), 'refuse', body(ctx).reason);
  },
};
