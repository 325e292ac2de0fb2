/**
 * Orders, deliveries, invoices and returns (DOMAIN.md §6, manual 001 §3.4).
 *
 * Every quantity change is one conditional UPDATE inside the action's transaction
 * (`… SET delivered_qty = delivered_qty + q WHERE id = ? AND delivered_qty + q <= quantity AND status IN (…)`),
 * whose affected-row count decides: correct under concurrent requests on SQLite (one writer) and on
 * PostgreSQL (the row lock makes the second UPDATE re-check its WHERE on the committed row).
 * The domain functions are run first on the row as read, for the precise Chinese message; when the
 * conditional UPDATE then matches nothing, the row is read again and the same check answers why.
 */
import {
  assertCanWithdrawDelivery,
  certificateLight,
  checkBatchDates,
  checkBatchNo,
  checkDelivery,
  checkInvoice,
  checkReturnRequest,
  chinaDate,
  deliveryMachine,
  DomainError,
  invoiceMachine,
  lineAmountFen,
  modeAfterWithdraw,
  normaliseReason,
  orderLineMachine,
  REASON_MAX_LENGTH,
  returnMachine,
  statusAfterWithdraw,
  sumFen,
  type DeliveryMode,
} from '../../../domain';
import type { Actor } from '../../../scope';
import { now } from '../../../utils/clock';
import { dbDay, dbIso } from '../../../db/values';

const LINE = 'api::order-line.order-line';
const ORDER = 'api::order.order';
const DELIVERY = 'api::delivery.delivery';
const RETURN = 'api::return-request.return-request';

export const MAX_LINES_PER_ORDER = 50;
export const MAX_QUANTITY = 1_000_000;
/** Counts of list totals stop here (the list says "10000+"): a count stays a bounded index scan. */
export const COUNT_CAP = 10_000;

const num = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v));
const numOrNull = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
const notFound = () => new DomainError('NOT_FOUND', '记录不存在或无权访问', { status: 404 });
const conflict = (message: string, code = 'CONFLICT') => new DomainError(code, message, { status: 409 });

function reasonOf(v: unknown, zh: string): string {
  const r = normaliseReason(v);
  if (r === null) throw new DomainError('REASON_REQUIRED', `请填写${zh}理由`, { status: 400, field: 'reason' });
  if (r.length > REASON_MAX_LENGTH) throw new DomainError('REASON_TOO_LONG', `理由不能超过${REASON_MAX_LENGTH}个字`, { status: 400, field: 'reason' });
  return r;
}

/** The order_lines columns lineOut reads: lists select these, not Strapi's bookkeeping columns. */
const LINE_COLUMNS = [
  'id',
  'document_id',
  'order_id',
  'order_code',
  'line_no',
  'hospital_org_id',
  'distributor_org_id',
  'manufacturer_org_id',
  'province_code',
  'product_id',
  'product_code',
  'product_name',
  'spec',
  'unit',
  'quantity',
  'unit_price_fen',
  'amount_fen',
  'status',
  'delivery_mode',
  'delivered_qty',
  'delivery_count',
  'received_qty',
  'returned_qty',
  'return_pending_qty',
  'reason',
  'ordered_at',
  'confirmed_at',
  'closed_at',
];

/** A raw order_lines row → the API shape. */
export function lineOut(r: any, names?: Map<number, string>) {
  return {
    id: num(r.id),
    documentId: r.document_id,
    orderId: num(r.order_id),
    orderCode: r.order_code,
    lineNo: num(r.line_no),
    hospitalOrgId: num(r.hospital_org_id),
    hospitalName: names?.get(num(r.hospital_org_id)) ?? null,
    distributorOrgId: num(r.distributor_org_id),
    distributorName: names?.get(num(r.distributor_org_id)) ?? null,
    manufacturerOrgId: numOrNull(r.manufacturer_org_id),
    manufacturerName: r.manufacturer_org_id ? (names?.get(num(r.manufacturer_org_id)) ?? null) : null,
    provinceCode: r.province_code,
    productId: num(r.product_id),
    productCode: r.product_code,
    productName: r.product_name,
    spec: r.spec,
    unit: r.unit,
    quantity: num(r.quantity),
    unitPriceFen: num(r.unit_price_fen),
    amountFen: num(r.amount_fen),
    status: r.status,
    deliveryMode: r.delivery_mode ?? null,
    deliveredQty: num(r.delivered_qty),
    deliveryCount: num(r.delivery_count),
    receivedQty: num(r.received_qty),
    returnedQty: num(r.returned_qty),
    returnPendingQty: num(r.return_pending_qty),
    reason: r.reason ?? null,
    orderedAt: dbIso(r.ordered_at),
    confirmedAt: dbIso(r.confirmed_at),
    closedAt: dbIso(r.closed_at),
  };
}

export function deliveryOut(r: any, line?: any, names?: Map<number, string>) {
  return {
    id: num(r.id),
    documentId: r.document_id,
    orderLineId: num(r.order_line_id),
    distributorOrgId: num(r.distributor_org_id),
    hospitalOrgId: num(r.hospital_org_id),
    hospitalName: names?.get(num(r.hospital_org_id)) ?? null,
    distributorName: names?.get(num(r.distributor_org_id)) ?? null,
    provinceCode: r.province_code,
    seq: num(r.seq),
    quantity: num(r.quantity),
    batchNo: r.batch_no,
    productionDate: dbDay(r.production_date),
    expiryDate: dbDay(r.expiry_date),
    invoiceCode: r.invoice_code ?? null,
    invoiceNo: r.invoice_no ?? null,
    status: r.status,
    invoiceStatus: r.invoice_status,
    invoiceReason: r.invoice_reason ?? null,
    deliveredAt: dbIso(r.delivered_at),
    receivedAt: dbIso(r.received_at),
    ...(line
      ? {
          lineDocumentId: line.document_id,
          orderCode: line.order_code,
          lineNo: num(line.line_no),
          productName: line.product_name,
          productCode: line.product_code,
          spec: line.spec,
          unit: line.unit,
          lineQuantity: num(line.quantity),
        }
      : {}),
  };
}

export function returnOut(r: any, line?: any, names?: Map<number, string>) {
  return {
    id: num(r.id),
    documentId: r.document_id,
    orderLineId: num(r.order_line_id),
    hospitalOrgId: num(r.hospital_org_id),
    distributorOrgId: num(r.distributor_org_id),
    hospitalName: names?.get(num(r.hospital_org_id)) ?? null,
    distributorName: names?.get(num(r.distributor_org_id)) ?? null,
    provinceCode: r.province_code,
    quantity: num(r.quantity),
    reason: r.reason,
    status: r.status,
    refuseReason: r.refuse_reason ?? null,
    createdAt: dbIso(r.created_at),
    respondedAt: dbIso(r.responded_at),
    ...(line
      ? {
          lineDocumentId: line.document_id,
          orderCode: line.order_code,
          lineNo: num(line.line_no),
          productName: line.product_name,
          productCode: line.product_code,
          spec: line.spec,
          unit: line.unit,
          receivedQty: num(line.received_qty),
          returnedQty: num(line.returned_qty),
        }
      : {}),
  };
}

/** Organisation names by id (a small in-memory cache; names rarely change). */
const nameCache = new Map<number, { name: string; at: number }>();
export async function orgNames(ids: Iterable<number>): Promise<Map<number, string>> {
  const out = new Map<number, string>();
  const missing: number[] = [];
  const t = Date.now();
  for (const id of new Set(ids)) {
    if (!id) continue;
    const c = nameCache.get(id);
    if (c && t - c.at < 60_000) out.set(id, c.name);
    else missing.push(id);
  }
  if (missing.length) {
    const rows: any[] = await strapi.db.connection('organisations').select('id', 'name').whereIn('id', missing);
    for (const r of rows) {
      out.set(Number(r.id), r.name);
      nameCache.set(Number(r.id), { name: r.name, at: t });
    }
  }
  return out;
}

/** The column restricting rows of a role to its own (an index's leading column), or null for the admin. */
function ownColumn(actor: Actor, kind: 'line' | 'delivery' | 'return'): [string, unknown] | null {
  switch (actor.role) {
    case 'platform_admin':
      return null;
    case 'bureau':
      return ['province_code', actor.provinceCode ?? '--'];
    case 'distributor':
      return ['distributor_org_id', actor.orgId];
    case 'hospital':
      return ['hospital_org_id', actor.orgId];
    case 'manufacturer':
      return kind === 'line' ? ['manufacturer_org_id', actor.orgId] : ['id', -1];
    default:
      return ['id', -1];
  }
}

function canReadLine(actor: Actor, r: any): boolean {
  switch (actor.role) {
    case 'platform_admin':
      return true;
    case 'bureau':
      return r.province_code === actor.provinceCode;
    case 'distributor':
      return num(r.distributor_org_id) === actor.orgId;
    case 'hospital':
      return num(r.hospital_org_id) === actor.orgId;
    case 'manufacturer':
      return num(r.manufacturer_org_id) === actor.orgId;
    default:
      return false;
  }
}

/**
 * Runs a read query. On SQLite it goes straight to the driver with a cached prepared statement (the
 * knex query runner costs more than the indexed query itself on the hot lists); elsewhere through knex.
 * Rows are read as arrays and turned into objects by a function compiled per statement: the driver's
 * own row objects (a property set per cell) took half the time of a 20-row page.
 */
interface Prepared {
  st: any;
  toObject: (r: unknown[]) => Record<string, unknown>;
}
const statements = new WeakMap<object, Map<string, Prepared>>();
function rowBuilder(columns: string[]): Prepared['toObject'] {
  // eslint-disable-next-line @typescript-eslint/no-implied-eval
  return new Function('r', `return {${columns.map((c, i) => `${JSON.stringify(c)}: r[${i}]`).join(', ')}};`) as Prepared['toObject'];
}
async function fastAll(qb: any): Promise<any[]> {
  const knex = strapi.db.connection;
  if (knex.client.config.client !== 'sqlite' && knex.client.dialect !== 'sqlite3' && knex.client.driverName !== 'better-sqlite3') return qb;
  const { sql, bindings } = qb.toSQL().toNative();
  const conn = await knex.client.acquireConnection();
  try {
    let cache = statements.get(conn);
    if (!cache) statements.set(conn, (cache = new Map()));
    let p = cache.get(sql);
    if (!p) {
      const st = conn.prepare(sql).raw(true);
      p = { st, toObject: rowBuilder(st.columns().map((c: { name: string }) => c.name)) };
      if (cache.size > 500) cache.clear();
      cache.set(sql, p);
    }
    const rows: unknown[][] = p.st.all(...bindings.map((b: unknown) => (b instanceof Date ? b.getTime() : typeof b === 'boolean' ? (b ? 1 : 0) : b)));
    return rows.map(p.toObject);
  } finally {
    knex.client.releaseConnection(conn);
  }
}

async function tx<T>(fn: (trx: any) => Promise<T>): Promise<T> {
  try {
    return await strapi.db.transaction(async ({ trx }: any) => fn(trx));
  } finally {
    linesVersion++;
  }
}

/**
 * List totals (the bounded count scans up to COUNT_CAP index entries, most of a hot list's cost) are
 * kept per query until an order action commits here, and at most COUNT_TTL_MS for rows written elsewhere.
 */
const COUNT_TTL_MS = 5000;
let linesVersion = 0;
const counts = new Map<string, { at: number; version: number; total: number }>();
async function cachedCount(key: string, query: () => any): Promise<number> {
  const hit = counts.get(key);
  if (hit && hit.version === linesVersion && Date.now() - hit.at < COUNT_TTL_MS) return hit.total;
  const rows: any[] = await fastAll(query());
  const total = num(rows[0]?.n);
  if (counts.size > 1000) counts.clear();
  counts.set(key, { at: Date.now(), version: linesVersion, total });
  return total;
}

const history = (actor: Actor, changes: any[]) => strapi.service('api::state-history.state-history').record(actor, changes);

async function readLine(documentId: string, trx?: any) {
  const q = strapi.db.connection('order_lines').where('document_id', String(documentId)).first();
  return trx ? q.transacting(trx) : q;
}
async function readLineById(id: number, trx?: any) {
  const q = strapi.db.connection('order_lines').where('id', id).first();
  return trx ? q.transacting(trx) : q;
}

/** The line, if the distributor owns it; 404 otherwise (also for other organisations' lines). */
async function ownLine(actor: Actor, documentId: string, role: 'distributor' | 'hospital', trx?: any) {
  const r = await readLine(documentId, trx);
  const col = role === 'distributor' ? 'distributor_org_id' : 'hospital_org_id';
  if (!r || num(r[col]) !== actor.orgId) {
    if (r && canReadLine(actor, r)) {
      throw new DomainError('ROLE_NOT_ALLOWED', role === 'distributor' ? '仅该订单的配送企业可执行此操作' : '仅下单医疗机构可执行此操作', { status: 403 });
    }
    throw notFound();
  }
  return r;
}

async function ownDelivery(actor: Actor, documentId: string, role: 'distributor' | 'hospital', trx?: any) {
  let q = strapi.db.connection('deliveries').where('document_id', String(documentId)).first();
  if (trx) q = q.transacting(trx);
  const r = await q;
  const col = role === 'distributor' ? 'distributor_org_id' : 'hospital_org_id';
  if (!r || num(r[col]) !== actor.orgId) {
    if (
      r &&
      (actor.role === 'platform_admin' ||
        num(r.distributor_org_id) === actor.orgId ||
        num(r.hospital_org_id) === actor.orgId ||
        (actor.role === 'bureau' && r.province_code === actor.provinceCode))
    ) {
      throw new DomainError('ROLE_NOT_ALLOWED', role === 'distributor' ? '仅配送企业可执行此操作' : '仅收货医疗机构可执行此操作', { status: 403 });
    }
    throw notFound();
  }
  return r;
}

async function ownReturn(actor: Actor, documentId: string, trx?: any) {
  let q = strapi.db.connection('return_requests').where('document_id', String(documentId)).first();
  if (trx) q = q.transacting(trx);
  const r = await q;
  if (!r || num(r.distributor_org_id) !== actor.orgId) {
    if (
      r &&
      (num(r.hospital_org_id) === actor.orgId || actor.role === 'platform_admin' || (actor.role === 'bureau' && r.province_code === actor.provinceCode))
    ) {
      throw new DomainError('ROLE_NOT_ALLOWED', '仅配送企业可处理退货申请', { status: 403 });
    }
    throw notFound();
  }
  return r;
}

function orderCode(at: Date): string {
  const d = chinaDate(at).replace(/-/g, '');
  const rand = Math.floor(Math.random() * 1e8)
    .toString()
    .padStart(8, '0');
  return `DD${d}${rand}`;
}

export interface OrderInput {
  lines: Array<{ productId: number; distributorOrgId: number; quantity: number }>;
  remark?: string | null;
}

export interface LineFilters {
  tab?: string;
  status?: string[];
  hospitalOrgId?: number;
  distributorOrgId?: number;
  productId?: number;
  q?: string;
  orderCode?: string;
  from?: Date;
  to?: Date;
  sort?: string;
}

const LINE_SORTS: Record<string, string> = {
  orderedAt: 'ordered_at',
  amountFen: 'amount_fen',
  quantity: 'quantity',
  status: 'status',
  orderCode: 'order_code',
};

export const TAB_STATUSES: Record<string, string[]> = {
  todo: ['pending', 'confirmed', 'delivering'],
  delivered: ['delivering', 'delivered', 'terminated'],
};

export default () => ({
  /* ------------------------------------------------------------------ hospital: options and orders */

  /** Products the hospital may order now, each with the distributors it may order it from (listed price, certificate light). */
  async orderOptions(actor: Actor, q: string | undefined) {
    const elig = strapi.service('api::order.eligibility');
    const province = actor.provinceCode ?? '--';
    const dists: number[] = await elig.orderableDistributorIds(actor.orgId);
    const productIds: number[] = await elig.delegatedProductIds(dists, province);
    if (!productIds.length) return { data: [] };
    let qb = strapi.db
      .connection('products')
      .select('id', 'document_id', 'code', 'name', 'spec', 'model', 'unit', 'price_fen', 'registration_no', 'registration_valid_to', 'listed')
      .whereIn('id', productIds.slice(0, 5000))
      .orderBy('code')
      .limit(200);
    if (q && q.trim()) {
      const like = `%${q.trim().replace(/[%_]/g, '')}%`;
      qb = qb.where((w: any) => w.where('name', 'like', like).orWhere('code', 'like', like));
    }
    const products: any[] = await qb;
    const byProduct = await elig.delegatedDistributors(
      products.map((p) => Number(p.id)),
      dists,
      province,
    );
    const names = await orgNames(dists);
    const at = now();
    const data = products
      .filter((p) => p.listed === null || p.listed === undefined || !!p.listed)
      .map((p) => {
        const validTo = dbDay(p.registration_valid_to);
        return {
          id: Number(p.id),
          documentId: p.document_id,
          code: p.code,
          name: p.name,
          spec: p.spec,
          model: p.model,
          unit: p.unit,
          priceFen: numOrNull(p.price_fen),
          registrationNo: p.registration_no,
          registrationValidTo: validTo,
          certificateLight: validTo ? certificateLight(validTo, at) : null,
          distributors: (byProduct.get(Number(p.id)) ?? []).map((d) => ({ id: d, name: names.get(d) ?? String(d) })),
        };
      })
      .filter((p) => p.distributors.length > 0);
    return { data };
  },

  /** Places an order of several lines (hospital). */
  async placeOrder(actor: Actor, input: OrderInput) {
    const elig = strapi.service('api::order.eligibility');
    const province = actor.provinceCode;
    if (!province) throw new DomainError('NO_PROVINCE', '本机构未设置所在省份，不能下单', { status: 409 });
    if (!Array.isArray(input.lines) || input.lines.length === 0)
      throw new DomainError('LINES_REQUIRED', '请至少添加一条订单明细', { status: 400, field: 'lines' });
    if (input.lines.length > MAX_LINES_PER_ORDER)
      throw new DomainError('TOO_MANY_LINES', `一个订单最多${MAX_LINES_PER_ORDER}条明细`, { status: 400, field: 'lines' });
    const at = now();
    const seen = new Set<string>();
    const prepared: any[] = [];
    for (let i = 0; i < input.lines.length; i++) {
      const l = input.lines[i]!;
      const f = (k: string) => `lines.${i}.${k}`;
      const key = `${l.productId}/${l.distributorOrgId}`;
      if (seen.has(key)) throw new DomainError('DUPLICATE_LINE', `第${i + 1}行：同一产品与配送企业重复，请合并数量`, { status: 400, field: f('productId') });
      seen.add(key);
      if (!Number.isSafeInteger(l.quantity) || l.quantity < 1 || l.quantity > MAX_QUANTITY) {
        throw new DomainError('QUANTITY_INVALID', `第${i + 1}行：采购数量必须为1至${MAX_QUANTITY}之间的整数`, { status: 400, field: f('quantity') });
      }
      const p = await strapi.db.query('api::product.product').findOne({
        where: { id: l.productId },
        select: ['id', 'code', 'name', 'spec', 'model', 'unit', 'priceFen', 'registrationValidTo', 'listed'],
        populate: { manufacturer: { select: ['id'] } },
      });
      if (!p || p.listed === false) throw new DomainError('PRODUCT_NOT_FOUND', `第${i + 1}行：产品不存在或未挂网`, { status: 400, field: f('productId') });
      if (p.registrationValidTo && certificateLight(p.registrationValidTo, at) === 'red') {
        throw new DomainError('CERTIFICATE_EXPIRED', `第${i + 1}行：产品“${p.name}”注册证已过期，不能采购`, { status: 409, field: f('productId') });
      }
      const price = numOrNull(p.priceFen);
      if (price === null || price <= 0)
        throw new DomainError('PRICE_MISSING', `第${i + 1}行：产品“${p.name}”无挂网价格，不能采购`, { status: 409, field: f('productId') });
      try {
        await elig.assertMayOrder(actor.orgId, l.distributorOrgId);
      } catch (e: any) {
        if (e instanceof DomainError || e?.name === 'DomainError')
          throw new DomainError(e.code, `第${i + 1}行：${e.message}`, { status: e.status, field: f('distributorOrgId') });
        throw e;
      }
      if (!(await elig.isDelegated({ productId: p.id, distributorOrgId: l.distributorOrgId, provinceCode: province }))) {
        throw new DomainError('NOT_DELEGATED', `第${i + 1}行：该配送企业未获“${p.name}”在本省的配送委托`, { status: 409, field: f('distributorOrgId') });
      }
      prepared.push({ p, distributorOrgId: l.distributorOrgId, quantity: l.quantity, unitPriceFen: price, amountFen: lineAmountFen(price, l.quantity) });
    }
    const remark = typeof input.remark === 'string' ? input.remark.trim().slice(0, 500) || null : null;
    const totalFen = sumFen(prepared.map((x) => x.amountFen));
    return tx(async () => {
      const code = orderCode(at);
      const order = await strapi.db.query(ORDER).create({
        data: { code, hospitalOrgId: actor.orgId, provinceCode: province, totalFen, lineCount: prepared.length, placedByUserId: actor.userId, remark },
      });
      const lines: any[] = [];
      for (let i = 0; i < prepared.length; i++) {
        const x = prepared[i];
        lines.push(
          await strapi.db.query(LINE).create({
            data: {
              orderId: order.id,
              orderCode: code,
              lineNo: i + 1,
              hospitalOrgId: actor.orgId,
              distributorOrgId: x.distributorOrgId,
              manufacturerOrgId: x.p.manufacturer?.id ?? null,
              provinceCode: province,
              productId: x.p.id,
              productCode: x.p.code,
              productName: x.p.name,
              spec: [x.p.spec, x.p.model].filter(Boolean).join(' ') || null,
              unit: x.p.unit,
              quantity: x.quantity,
              unitPriceFen: x.unitPriceFen,
              amountFen: x.amountFen,
              status: 'pending',
              deliveredQty: 0,
              deliveryCount: 0,
              receivedQty: 0,
              returnedQty: 0,
              returnPendingQty: 0,
              orderedAt: at,
            },
          }),
        );
      }
      await history(
        actor,
        lines.map((l) => ({ entity: 'order-line', entityId: l.id, action: 'place', from: null, to: 'pending' })),
      );
      return {
        data: {
          documentId: order.documentId,
          code,
          totalFen,
          lineCount: lines.length,
          lines: lines.map((l) => ({ documentId: l.documentId, lineNo: l.lineNo, status: 'pending' })),
        },
      };
    });
  },

  /* ------------------------------------------------------------------ lists */

  /** Paged order lines of the caller's scope with filters; the 待配送 tab is one indexed range. */
  async searchLines(actor: Actor, f: LineFilters, page: number, pageSize: number, opts: { exact?: boolean } = {}) {
    const knex = strapi.db.connection;
    let statuses = f.status?.length ? f.status : f.tab ? TAB_STATUSES[f.tab] : undefined;
    if (f.status?.length && f.tab && TAB_STATUSES[f.tab]) statuses = f.status.filter((s) => TAB_STATUSES[f.tab!]!.includes(s)).concat(['-']);
    const own = ownColumn(actor, 'line');
    const build = (only?: string[]) => {
      let qb = knex('order_lines');
      if (own) qb = qb.where(own[0], own[1]);
      const st = only ?? statuses;
      if (st) qb = st.length === 1 ? qb.where('status', st[0]) : qb.whereIn('status', st);
      if (f.hospitalOrgId) qb = qb.where('hospital_org_id', f.hospitalOrgId);
      if (f.distributorOrgId) qb = qb.where('distributor_org_id', f.distributorOrgId);
      if (f.productId) qb = qb.where('product_id', f.productId);
      if (f.orderCode) qb = qb.where('order_code', f.orderCode);
      if (f.q) {
        const like = `%${f.q.replace(/[%_]/g, '')}%`;
        qb = qb.where((w: any) => w.where('product_name', 'like', like).orWhere('product_code', 'like', like).orWhere('order_code', 'like', like));
      }
      if (f.from) qb = qb.where('ordered_at', '>=', f.from);
      if (f.to) qb = qb.where('ordered_at', '<', f.to);
      return qb;
    };
    const [sortField, sortDir] = (f.sort ?? 'orderedAt:desc').split(':');
    const col = LINE_SORTS[sortField ?? ''] ?? 'ordered_at';
    const dir = sortDir?.toLowerCase() === 'asc' ? 'asc' : 'desc';
    const offset = (page - 1) * pageSize;
    const rows: any[] = await fastAll(
      build()
        .select(LINE_COLUMNS)
        .orderBy([
          { column: col, order: dir },
          { column: 'id', order: dir },
        ])
        .limit(pageSize)
        .offset(offset),
    );
    let total: number;
    let capped = false;
    if (page === 1 && rows.length < pageSize) total = rows.length;
    else if (opts.exact) {
      const c: any = await build().count({ n: '*' }).first();
      total = num(c?.n);
    } else {
      // A bounded count (an index range per status): the list says "10000+" beyond COUNT_CAP.
      // Keyed by everything build() reads, so the cache hit costs no SQL compilation.
      const key = JSON.stringify([own, statuses, f.hospitalOrgId, f.distributorOrgId, f.productId, f.orderCode, f.q, f.from, f.to]);
      total = await cachedCount(key, () =>
        knex.count({ n: '*' }).from(
          build()
            .select(knex.raw('1'))
            .limit(COUNT_CAP + 1)
            .as('capped'),
        ),
      );
      if (total > COUNT_CAP) {
        total = COUNT_CAP;
        capped = true;
      }
    }
    const names = await orgNames(rows.flatMap((r) => [num(r.hospital_org_id), num(r.distributor_org_id), num(r.manufacturer_org_id)]));
    return {
      data: rows.map((r) => lineOut(r, names)),
      meta: { pagination: { page, pageSize, pageCount: Math.ceil(total / pageSize), total, ...(capped ? { totalCapped: true } : {}) } },
    };
  },

  /** One line with its deliveries, returns and what the caller may do. */
  async lineDetail(actor: Actor, documentId: string) {
    const r = await readLine(documentId);
    if (!r || !canReadLine(actor, r)) throw notFound();
    const [deliveries, returns] = await Promise.all([
      strapi.db.connection('deliveries').where('order_line_id', r.id).orderBy('seq', 'asc').orderBy('id', 'asc'),
      strapi.db.connection('return_requests').where('order_line_id', r.id).orderBy('id', 'asc'),
    ]);
    const names = await orgNames([num(r.hospital_org_id), num(r.distributor_org_id), num(r.manufacturer_org_id)]);
    const lineData = lineOut(r, names);
    return {
      data: {
        ...lineData,
        allowedActions: orderLineMachine.allowed(r.status, actor.role).filter(() => num(r.distributor_org_id) === actor.orgId),
        deliveries: deliveries.map((d: any) => deliveryOut(d)),
        returns: returns.map((x: any) => returnOut(x)),
      },
    };
  },

  /** Deliveries of the caller's scope: `rework` = the 撤回修改 list (invoice missing or failed, not withdrawn). */
  async searchDeliveries(
    actor: Actor,
    f: { rework?: boolean; status?: string[]; invoiceStatus?: string[]; lineDocumentId?: string; q?: string },
    page: number,
    pageSize: number,
  ) {
    const knex = strapi.db.connection;
    const build = () => {
      let qb = knex('deliveries as d').join('order_lines as l', 'l.id', 'd.order_line_id');
      const own = ownColumn(actor, 'delivery');
      if (own) qb = qb.where(`d.${own[0]}`, own[1]);
      if (f.rework) qb = qb.whereIn('d.invoice_status', ['missing', 'failed']).whereNot('d.status', 'withdrawn');
      if (f.status?.length) qb = qb.whereIn('d.status', f.status);
      if (f.invoiceStatus?.length) qb = qb.whereIn('d.invoice_status', f.invoiceStatus);
      if (f.lineDocumentId) qb = qb.where('l.document_id', f.lineDocumentId);
      if (f.q) {
        const like = `%${f.q.replace(/[%_]/g, '')}%`;
        qb = qb.where((w: any) =>
          w
            .where('l.product_name', 'like', like)
            .orWhere('l.order_code', 'like', like)
            .orWhere('d.batch_no', 'like', like)
            .orWhere('d.invoice_no', 'like', like),
        );
      }
      return qb;
    };
    const rows: any[] = await build()
      .select(
        'd.*',
        'l.document_id as l_document_id',
        'l.order_code as l_order_code',
        'l.line_no as l_line_no',
        'l.product_name as l_product_name',
        'l.product_code as l_product_code',
        'l.spec as l_spec',
        'l.unit as l_unit',
        'l.quantity as l_quantity',
      )
      .orderBy([{ column: 'd.id', order: 'desc' }])
      .limit(pageSize)
      .offset((page - 1) * pageSize);
    const c: any = await knex
      .count({ n: '*' })
      .from(build().select(knex.raw('1')).limit(COUNT_CAP).as('capped'))
      .first();
    const total = num(c?.n);
    const names = await orgNames(rows.flatMap((r) => [num(r.hospital_org_id), num(r.distributor_org_id)]));
    const data = rows.map((r) =>
      deliveryOut(
        r,
        {
          document_id: r.l_document_id,
          order_code: r.l_order_code,
          line_no: r.l_line_no,
          product_name: r.l_product_name,
          product_code: r.l_product_code,
          spec: r.l_spec,
          unit: r.l_unit,
          quantity: r.l_quantity,
        },
        names,
      ),
    );
    return { data, meta: { pagination: { page, pageSize, pageCount: Math.ceil(total / pageSize), total } } };
  },

  /** Return requests of the caller's scope (退货处理). */
  async searchReturns(actor: Actor, f: { status?: string[]; q?: string }, page: number, pageSize: number) {
    const knex = strapi.db.connection;
    const build = () => {
      let qb = knex('return_requests as r').join('order_lines as l', 'l.id', 'r.order_line_id');
      const own = ownColumn(actor, 'return');
      if (own) qb = qb.where(`r.${own[0]}`, own[1]);
      if (f.status?.length) qb = qb.whereIn('r.status', f.status);
      if (f.q) {
        const like = `%${f.q.replace(/[%_]/g, '')}%`;
        qb = qb.where((w: any) => w.where('l.product_name', 'like', like).orWhere('l.order_code', 'like', like));
      }
      return qb;
    };
    const rows: any[] = await build()
      .select(
        'r.*',
        'l.document_id as l_document_id',
        'l.order_code as l_order_code',
        'l.line_no as l_line_no',
        'l.product_name as l_product_name',
        'l.product_code as l_product_code',
        'l.spec as l_spec',
        'l.unit as l_unit',
        'l.received_qty as l_received_qty',
        'l.returned_qty as l_returned_qty',
      )
      .orderBy([{ column: 'r.id', order: 'desc' }])
      .limit(pageSize)
      .offset((page - 1) * pageSize);
    const c: any = await knex
      .count({ n: '*' })
      .from(build().select(knex.raw('1')).limit(COUNT_CAP).as('capped'))
      .first();
    const total = num(c?.n);
    const names = await orgNames(rows.flatMap((r) => [num(r.hospital_org_id), num(r.distributor_org_id)]));
    const data = rows.map((r) =>
      returnOut(
        r,
        {
          document_id: r.l_document_id,
          order_code: r.l_order_code,
          line_no: r.l_line_no,
          product_name: r.l_product_name,
          product_code: r.l_product_code,
          spec: r.l_spec,
          unit: r.l_unit,
          received_qty: r.l_received_qty,
          returned_qty: r.l_returned_qty,
        },
        names,
      ),
    );
    return { data, meta: { pagination: { page, pageSize, pageCount: Math.ceil(total / pageSize), total } } };
  },

  /* ------------------------------------------------------------------ distributor: confirm / reject / terminate */

  /** 确认 or 拒绝 one or several pending lines; all or nothing. */
  async answerLines(actor: Actor, documentIds: string[], action: 'confirm' | 'reject', reasonIn?: unknown) {
    if (!Array.isArray(documentIds) || documentIds.length === 0) throw new DomainError('SELECTION_REQUIRED', '请选择订单明细', { status: 400, field: 'ids' });
    if (documentIds.length > 200) throw new DomainError('SELECTION_TOO_LARGE', '一次最多处理200条订单明细', { status: 400, field: 'ids' });
    const reason = action === 'reject' ? reasonOf(reasonIn, '拒绝') : null;
    const at = now();
    return tx(async (trx) => {
      const changes: any[] = [];
      for (const id of [...new Set(documentIds)]) {
        const r = await ownLine(actor, id, 'distributor', trx);
        const to = orderLineMachine.next(action, r.status, { role: actor.role, reason });
        const n = await strapi.db
          .connection('order_lines')
          .transacting(trx)
          .where({ id: r.id, status: 'pending' })
          .update(action === 'confirm' ? { status: to, confirmed_at: at, updated_at: at } : { status: to, reason, closed_at: at, updated_at: at });
        if (n !== 1) throw conflict(`订单明细${r.order_code}-${r.line_no}状态已变化，请刷新后重试`);
        changes.push({ entity: 'order-line', entityId: r.id, action, from: r.status, to, reason });
      }
      await history(actor, changes);
      return { data: { count: changes.length } };
    });
  },

  /** 终止配送: the line stops; what was delivered stays. */
  async terminate(actor: Actor, documentId: string, reasonIn?: unknown) {
    const reason = normaliseReason(reasonIn);
    if (reason && reason.length > REASON_MAX_LENGTH)
      throw new DomainError('REASON_TOO_LONG', `理由不能超过${REASON_MAX_LENGTH}个字`, { status: 400, field: 'reason' });
    const at = now();
    return tx(async (trx) => {
      const r = await ownLine(actor, documentId, 'distributor', trx);
      const to = orderLineMachine.next('terminate', r.status, { role: actor.role });
      const n = await strapi.db
        .connection('order_lines')
        .transacting(trx)
        .where('id', r.id)
        .whereIn('status', ['confirmed', 'delivering'])
        .update({ status: to, reason: reason ?? r.reason ?? null, closed_at: at, updated_at: at });
      if (n !== 1) throw conflict('订单明细状态已变化，请刷新后重试');
      await history(actor, [{ entity: 'order-line', entityId: r.id, action: 'terminate', from: r.status, to, reason }]);
      return { data: lineOut(await readLineById(r.id, trx)) };
    });
  },

  /* ------------------------------------------------------------------ distributor: deliveries */

  /** 配送 / 继续配送 on a confirmed or delivering line. */
  async deliver(actor: Actor, documentId: string, input: any) {
    const at = now();
    const batchNo = checkBatchNo(input?.batchNo);
    const { productionDate, expiryDate } = checkBatchDates({ productionDate: input?.productionDate, expiryDate: input?.expiryDate, today: at });
    const hasInvoice = String(input?.invoiceNo ?? '').trim() !== '' || String(input?.invoiceCode ?? '').trim() !== '';
    const invoice = hasInvoice ? checkInvoice({ code: input?.invoiceCode, number: input?.invoiceNo }) : null;
    const quantity = input?.quantity;
    return tx(async (trx) => {
      const r = await ownLine(actor, documentId, 'distributor', trx);
      const check = () =>
        checkDelivery({
          status: r.status,
          mode: r.delivery_mode ?? null,
          ordered: num(r.quantity),
          delivered: num(r.delivered_qty),
          deliveries: num(r.delivery_count),
          requestedMode: input?.mode,
          quantity,
        });
      const res = check();
      const q = res.mode;
      const qty = quantity as number;
      const knex = strapi.db.connection;
      let upd = knex('order_lines')
        .transacting(trx)
        .where('id', r.id)
        .whereIn('status', ['confirmed', 'delivering'])
        .whereRaw('delivered_qty + ? <= quantity', [qty])
        .where((w: any) => w.whereNull('delivery_mode').orWhere('delivery_mode', q));
      if (q === 'standard') upd = upd.where('delivery_count', 0);
      const n = await upd.update({
        delivered_qty: knex.raw('delivered_qty + ?', [qty]),
        delivery_count: knex.raw('delivery_count + 1'),
        delivery_mode: q,
        status: q === 'standard' ? 'delivered' : knex.raw("CASE WHEN delivered_qty + ? >= quantity THEN 'delivered' ELSE 'delivering' END", [qty]),
        updated_at: at,
      });
      const after = await readLineById(r.id, trx);
      if (n !== 1) {
        // Someone else changed the line between our read and our update: answer why, from the row as it is now.
        checkDelivery({
          status: after.status,
          mode: after.delivery_mode ?? null,
          ordered: num(after.quantity),
          delivered: num(after.delivered_qty),
          deliveries: num(after.delivery_count),
          requestedMode: q,
          quantity,
        });
        throw conflict('订单明细已被其他操作修改，请刷新后重试');
      }
      const seqRow: any = await knex('deliveries').transacting(trx).where('order_line_id', r.id).max({ m: 'seq' }).first();
      const d = await strapi.db.query(DELIVERY).create({
        data: {
          orderLineId: r.id,
          distributorOrgId: r.distributor_org_id,
          hospitalOrgId: r.hospital_org_id,
          provinceCode: r.province_code,
          seq: num(seqRow?.m) + 1,
          quantity: qty,
          batchNo,
          productionDate,
          expiryDate,
          invoiceCode: invoice?.code ?? null,
          invoiceNo: invoice?.number ?? null,
          status: 'shipped',
          invoiceStatus: invoice ? 'pending' : 'missing',
          deliveredAt: at,
        },
      });
      const changes: any[] = [{ entity: 'delivery', entityId: d.id, action: 'deliver', from: null, to: 'shipped' }];
      changes.push({
        entity: 'order-line',
        entityId: r.id,
        action: 'deliver',
        from: r.status,
        to: after.status,
        reason: `${q === 'standard' ? '标准配送' : '分批次配送'} 第${num(seqRow?.m) + 1}批 数量${qty}`,
      });
      await history(actor, changes);
      return { data: { line: lineOut(after), delivery: { documentId: d.documentId, seq: d.seq, quantity: qty, invoiceStatus: d.invoiceStatus } } };
    });
  },

  /** 撤回: a shipped delivery whose invoice is missing or failed; its quantity can be delivered again. */
  async withdrawDelivery(actor: Actor, documentId: string) {
    const at = now();
    return tx(async (trx) => {
      const d = await ownDelivery(actor, documentId, 'distributor', trx);
      assertCanWithdrawDelivery(d.status, d.invoice_status);
      const knex = strapi.db.connection;
      const n = await knex('deliveries')
        .transacting(trx)
        .where({ id: d.id, status: 'shipped' })
        .whereIn('invoice_status', ['missing', 'failed'])
        .update({ status: 'withdrawn', updated_at: at });
      if (n !== 1) throw conflict('配送记录状态已变化（可能已被收货），请刷新后重试');
      const q = num(d.quantity);
      const m = await knex('order_lines')
        .transacting(trx)
        .where('id', d.order_line_id)
        .where('delivered_qty', '>=', q)
        .update({
          delivered_qty: knex.raw('delivered_qty - ?', [q]),
          delivery_count: knex.raw('CASE WHEN delivery_count > 0 THEN delivery_count - 1 ELSE 0 END'),
          updated_at: at,
        });
      if (m !== 1) throw conflict('订单明细数量数据异常，请刷新后重试');
      const line = await readLineById(d.order_line_id, trx);
      const status = statusAfterWithdraw({
        mode: line.delivery_mode ?? null,
        ordered: num(line.quantity),
        delivered: num(line.delivered_qty),
        status: line.status,
      });
      const mode = modeAfterWithdraw({ mode: line.delivery_mode ?? null, delivered: num(line.delivered_qty) });
      await knex('order_lines').transacting(trx).where('id', line.id).update({ status, delivery_mode: mode });
      const changes: any[] = [{ entity: 'delivery', entityId: d.id, action: 'withdraw', from: 'shipped', to: 'withdrawn' }];
      changes.push({ entity: 'order-line', entityId: line.id, action: 'withdraw', from: line.status, to: status, reason: `撤回第${num(d.seq)}批 ${q}` });
      await history(actor, changes);
      return { data: lineOut({ ...line, status, delivery_mode: mode }) };
    });
  },

  /** 补填发票 (missing) or 修改 (failed or missing): the invoice goes (back) to 待查验. */
  async setInvoice(actor: Actor, documentId: string, input: any) {
    const invoice = checkInvoice({ code: input?.invoiceCode, number: input?.invoiceNo });
    const at = now();
    return tx(async (trx) => {
      const d = await ownDelivery(actor, documentId, 'distributor', trx);
      if (d.status === 'withdrawn') throw conflict('该配送已撤回，不能填写发票', 'INVALID_TRANSITION');
      const action = d.invoice_status === 'missing' ? 'fill' : 'modify';
      const to = invoiceMachine.next(action, d.invoice_status, { role: actor.role });
      const n = await strapi.db
        .connection('deliveries')
        .transacting(trx)
        .where({ id: d.id, invoice_status: d.invoice_status })
        .whereNot('status', 'withdrawn')
        .update({ invoice_code: invoice.code, invoice_no: invoice.number, invoice_status: to, invoice_reason: null, updated_at: at });
      if (n !== 1) throw conflict('发票状态已变化，请刷新后重试');
      await history(actor, [
        {
          entity: 'delivery',
          entityId: d.id,
          action: action === 'fill' ? 'fillInvoice' : 'modifyInvoice',
          from: d.invoice_status,
          to,
          reason: `发票 ${invoice.code ? `${invoice.code} ` : ''}${invoice.number}`,
        },
      ]);
      await history(actor, [
        {
          entity: 'order-line',
          entityId: num(d.order_line_id),
          action: action === 'fill' ? 'fillInvoice' : 'modifyInvoice',
          from: null,
          to: null,
          reason: `第${num(d.seq)}批发票 ${invoice.number}`,
        },
      ]);
      return { data: { documentId: d.document_id, invoiceStatus: to, invoiceCode: invoice.code, invoiceNo: invoice.number } };
    });
  },

  /* ------------------------------------------------------------------ hospital: receipt, invoice check, returns */

  /** 收货 of a shipped delivery. */
  async receive(actor: Actor, documentId: string) {
    const at = now();
    return tx(async (trx) => {
      const d = await ownDelivery(actor, documentId, 'hospital', trx);
      const to = deliveryMachine.next('receive', d.status, { role: actor.role });
      const knex = strapi.db.connection;
      const n = await knex('deliveries').transacting(trx).where({ id: d.id, status: 'shipped' }).update({ status: to, received_at: at, updated_at: at });
      if (n !== 1) throw conflict('配送记录状态已变化（可能已被撤回），请刷新后重试');
      const q = num(d.quantity);
      const m = await knex('order_lines')
        .transacting(trx)
        .where('id', d.order_line_id)
        .whereRaw('received_qty + ? <= delivered_qty', [q])
        .update({ received_qty: knex.raw('received_qty + ?', [q]), updated_at: at });
      if (m !== 1) throw conflict('收货数量超出已配送数量');
      await history(actor, [
        { entity: 'delivery', entityId: d.id, action: 'receive', from: d.status, to },
        { entity: 'order-line', entityId: num(d.order_line_id), action: 'receive', from: null, to: null, reason: `第${num(d.seq)}批收货 ${q}` },
      ]);
      return { data: { documentId: d.document_id, status: to } };
    });
  },

  /** 查验 an invoice: pass, or fail with a reason. */
  async checkInvoice(actor: Actor, documentId: string, result: unknown, reasonIn?: unknown) {
    if (result !== 'pass' && result !== 'fail') throw new DomainError('RESULT_INVALID', '请选择查验结果（通过或不通过）', { status: 400, field: 'result' });
    const at = now();
    return tx(async (trx) => {
      const d = await ownDelivery(actor, documentId, 'hospital', trx);
      if (d.status === 'withdrawn') throw conflict('该配送已撤回，不能查验发票', 'INVALID_TRANSITION');
      const reason = result === 'fail' ? normaliseReason(reasonIn) : null;
      const to = invoiceMachine.next(result, d.invoice_status, { role: actor.role, reason });
      const n = await strapi.db
        .connection('deliveries')
        .transacting(trx)
        .where({ id: d.id, invoice_status: 'pending' })
        .whereNot('status', 'withdrawn')
        .update({ invoice_status: to, invoice_reason: reason, updated_at: at });
      if (n !== 1) throw conflict('发票状态已变化，请刷新后重试');
      await history(actor, [
        { entity: 'delivery', entityId: d.id, action: result === 'pass' ? 'passInvoice' : 'failInvoice', from: d.invoice_status, to, reason },
        {
          entity: 'order-line',
          entityId: num(d.order_line_id),
          action: result === 'pass' ? 'passInvoice' : 'failInvoice',
          from: null,
          to: null,
          reason: `第${num(d.seq)}批发票${result === 'pass' ? '查验通过' : `查验不通过：${reason}`}`,
        },
      ]);
      return { data: { documentId: d.document_id, invoiceStatus: to, invoiceReason: reason } };
    });
  },

  /** 退货: ask to return part of what was received. */
  async requestReturn(actor: Actor, documentId: string, input: any) {
    const at = now();
    return tx(async (trx) => {
      const r = await ownLine(actor, documentId, 'hospital', trx);
      const checked = checkReturnRequest({
        received: num(r.received_qty),
        returnedOrPending: num(r.returned_qty) + num(r.return_pending_qty),
        quantity: input?.quantity,
        reason: input?.reason,
      });
      const knex = strapi.db.connection;
      const n = await knex('order_lines')
        .transacting(trx)
        .where('id', r.id)
        .whereRaw('returned_qty + return_pending_qty + ? <= received_qty', [checked.quantity])
        .update({ return_pending_qty: knex.raw('return_pending_qty + ?', [checked.quantity]), updated_at: at });
      if (n !== 1) {
        const after = await readLineById(r.id, trx);
        checkReturnRequest({
          received: num(after.received_qty),
          returnedOrPending: num(after.returned_qty) + num(after.return_pending_qty),
          quantity: checked.quantity,
          reason: checked.reason,
        });
        throw conflict('订单明细已被其他操作修改，请刷新后重试');
      }
      const rr = await strapi.db.query(RETURN).create({
        data: {
          orderLineId: r.id,
          hospitalOrgId: r.hospital_org_id,
          distributorOrgId: r.distributor_org_id,
          provinceCode: r.province_code,
          quantity: checked.quantity,
          reason: checked.reason,
          status: 'pending',
        },
      });
      await history(actor, [
        { entity: 'return-request', entityId: rr.id, action: 'request', from: null, to: 'pending', reason: checked.reason },
        { entity: 'order-line', entityId: r.id, action: 'requestReturn', from: null, to: null, reason: `申请退货 ${checked.quantity}：${checked.reason}` },
      ]);
      return { data: { documentId: rr.documentId, status: 'pending', quantity: checked.quantity } };
    });
  },

  /** 同意退货 / 拒绝退货 (reason required). */
  async answerReturn(actor: Actor, documentId: string, action: 'agree' | 'refuse', reasonIn?: unknown) {
    const at = now();
    return tx(async (trx) => {
      const rr = await ownReturn(actor, documentId, trx);
      const reason = action === 'refuse' ? normaliseReason(reasonIn) : null;
      const to = returnMachine.next(action, rr.status, { role: actor.role, reason });
      const knex = strapi.db.connection;
      const n = await knex('return_requests')
        .transacting(trx)
        .where({ id: rr.id, status: 'pending' })
        .update({ status: to, refuse_reason: reason, responded_at: at, updated_at: at });
      if (n !== 1) throw conflict('退货申请状态已变化，请刷新后重试');
      const q = num(rr.quantity);
      const m = await knex('order_lines')
        .transacting(trx)
        .where('id', rr.order_line_id)
        .where('return_pending_qty', '>=', q)
        .update(
          action === 'agree'
            ? { return_pending_qty: knex.raw('return_pending_qty - ?', [q]), returned_qty: knex.raw('returned_qty + ?', [q]), updated_at: at }
            : { return_pending_qty: knex.raw('return_pending_qty - ?', [q]), updated_at: at },
        );
      if (m !== 1) throw conflict('退货数量数据异常，请刷新后重试');
      await history(actor, [
        { entity: 'return-request', entityId: rr.id, action, from: rr.status, to, reason },
        {
          entity: 'order-line',
          entityId: num(rr.order_line_id),
          action: action === 'agree' ? 'agreeReturn' : 'refuseReturn',
          from: null,
          to: null,
          reason: action === 'agree' ? `同意退货 ${q}` : `拒绝退货 ${q}：${reason}`,
        },
      ]);
      return { data: { documentId: rr.document_id, status: to } };
    });
  },
});

export type { DeliveryMode };
