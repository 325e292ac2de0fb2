/**
 * Order placement (DOMAIN.md §6, manual 001 §3.4): the products a hospital may order now, and an order
 * of several lines at the listed prices. Who may order from whom is the eligibility service's.
 */
import type { Knex } from 'knex';
import {
  certificateLight,
  chinaDate,
  DomainError,
  isOrderQuantity,
  LINE_STATUS,
  lineAmountFen,
  MAX_LINES_PER_ORDER,
  MAX_QUANTITY,
  orderRemark,
  statKeyOf,
  statusChangeDelta,
  sumFen,
} from '../../../domain';
import type { Actor } from '../../../scope';
import { now } from '../../../utils/clock';
import { whereContains } from '../../../utils/search';
import { orgNames } from '../../../db/org-names';
import { orderTx } from '../../../db/order-tables';
import { bumpStats } from '../../../db/line-stats';
import { dbDay } from '../../../db/values';

const ORDER = 'api::order.order';
const LINE = 'api::order-line.order-line';

export interface OrderInput {
  lines: Array<{ productId: number; distributorOrgId: number; quantity: number }>;
  remark?: string | null;
}

interface ProductRow {
  id: number;
  code: string;
  name: string;
  spec: string | null;
  model: string | null;
  unit: string | null;
  priceFen: number | null;
  registrationValidTo: string | null;
  listed: boolean | null;
  manufacturer?: { id: number } | null;
}

interface PreparedLine {
  p: ProductRow;
  distributorOrgId: number;
  quantity: number;
  unitPriceFen: number;
  amountFen: number;
}

const numOrNull = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
const elig = () => strapi.service('api::order.eligibility');
const history = (actor: Actor, changes: unknown[]) => strapi.service('api::state-history.state-history').record(actor, changes);

function orderCode(at: Date): string {
  const d = chinaDate(at).replace(/-/g, '');
  const rand = Math.floor(Math.random() * 1e8)
    .toString()
    .padStart(8, '0');
  return `DD${d}${rand}`;
}

/** Checks one line of an order (row `i`, 0-based) and prices it; refusals name the row and its field. */
async function prepareLine(actor: Actor, province: string, l: OrderInput['lines'][number], i: number, at: Date): Promise<PreparedLine> {
  const f = (k: string) => `lines.${i}.${k}`;
  if (!isOrderQuantity(l.quantity)) {
    throw new DomainError('QUANTITY_INVALID', `第${i + 1}行：采购数量必须为1至${MAX_QUANTITY}之间的整数`, { status: 400, field: f('quantity') });
  }
  const p: ProductRow | null = await strapi.db.query('api::product.product').findOne({
    where: { id: l.productId },
    select: ['id', 'code', 'name', 'spec', 'model', 'unit', 'priceFen', 'registrationValidTo', 'listed'],
    populate: { manufacturer: { select: ['id'] } },
  });
  if (!p || p.listed === false) throw new DomainError('PRODUCT_NOT_FOUND', `第${i + 1}行：产品不存在或未挂网`, { status: 400, field: f('productId') });
  if (p.registrationValidTo && certificateLight(p.registrationValidTo, at) === 'red') {
    throw new DomainError('CERTIFICATE_EXPIRED', `第${i + 1}行：产品“${p.name}”注册证已过期，不能采购`, { status: 409, field: f('productId') });
  }
  const price = numOrNull(p.priceFen);
  if (price === null || price <= 0) {
    throw new DomainError('PRICE_MISSING', `第${i + 1}行：产品“${p.name}”无挂网价格，不能采购`, { status: 409, field: f('productId') });
  }
  try {
    await elig().assertMayOrder(actor.orgId, l.distributorOrgId);
  } catch (e) {
    if (e instanceof DomainError || (e as Error)?.name === 'DomainError') {
      const err = e as DomainError;
      throw new DomainError(err.code, `第${i + 1}行：${err.message}`, { status: err.status, field: f('distributorOrgId') });
    }
    throw e;
  }
  if (!(await elig().isDelegated({ productId: p.id, distributorOrgId: l.distributorOrgId, provinceCode: province }))) {
    throw new DomainError('NOT_DELEGATED', `第${i + 1}行：该配送企业未获“${p.name}”在本省的配送委托`, { status: 409, field: f('distributorOrgId') });
  }
  return { p, distributorOrgId: l.distributorOrgId, quantity: l.quantity, unitPriceFen: price, amountFen: lineAmountFen(price, l.quantity) };
}

export default () => ({
  /** Products the hospital may order now, each with the distributors it may order it from (listed price, certificate light). */
  async orderOptions(actor: Actor, q: string | undefined) {
    const province = actor.provinceCode ?? '--';
    const dists: number[] = await elig().orderableDistributorIds(actor.orgId);
    const productIds: number[] = await elig().delegatedProductIds(dists, province);
    if (!productIds.length) return { data: [] };
    const qb = (strapi.db.connection as Knex)('products')
      .select('id', 'document_id', 'code', 'name', 'spec', 'model', 'unit', 'price_fen', 'registration_no', 'registration_valid_to', 'listed')
      .whereIn('id', productIds.slice(0, 5000))
      .orderBy('code')
      .limit(200);
    const products: Array<Record<string, unknown>> = await whereContains(qb, ['name', 'code'], q);
    const byProduct: Map<number, number[]> = await elig().delegatedDistributors(
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

  /** Places an order of several lines (hospital): all lines are checked first; one bad line refuses the order. */
  async placeOrder(actor: Actor, input: OrderInput) {
    const province = actor.provinceCode;
    if (!province) throw new DomainError('NO_PROVINCE', '本机构未设置所在省份，不能下单', { status: 409 });
    if (!Array.isArray(input.lines) || input.lines.length === 0) {
      throw new DomainError('LINES_REQUIRED', '请至少添加一条订单明细', { status: 400, field: 'lines' });
    }
    if (input.lines.length > MAX_LINES_PER_ORDER) {
      throw new DomainError('TOO_MANY_LINES', `一个订单最多${MAX_LINES_PER_ORDER}条明细`, { status: 400, field: 'lines' });
    }
    const at = now();
    const seen = new Set<string>();
    const prepared: PreparedLine[] = [];
    for (let i = 0; i < input.lines.length; i++) {
      const l = input.lines[i]!;
      const key = `${l.productId}/${l.distributorOrgId}`;
      if (seen.has(key)) {
        throw new DomainError('DUPLICATE_LINE', `第${i + 1}行：同一产品与配送企业重复，请合并数量`, { status: 400, field: `lines.${i}.productId` });
      }
      seen.add(key);
      prepared.push(await prepareLine(actor, province, l, i, at));
    }
    const remark = orderRemark(input.remark);
    const totalFen = sumFen(prepared.map((x) => x.amountFen));
    return orderTx(async (trx) => {
      const code = orderCode(at);
      const order = await strapi.db.query(ORDER).create({
        data: { code, hospitalOrgId: actor.orgId, provinceCode: province, totalFen, lineCount: prepared.length, placedByUserId: actor.userId, remark },
      });
      const lines: Array<{ id: number; documentId: string; lineNo: number }> = [];
      for (let i = 0; i < prepared.length; i++) {
        const x = prepared[i]!;
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
              status: LINE_STATUS.pending,
              deliveredQty: 0,
              deliveryCount: 0,
              receivedQty: 0,
              returnedQty: 0,
              returnPendingQty: 0,
              orderedAt: at,
            },
          }),
        );
        // The figures of 统计查询 move in the same transaction.
        await bumpStats(
          trx,
          statKeyOf({
            orderedAt: at,
            productId: x.p.id,
            distributorOrgId: x.distributorOrgId,
            hospitalOrgId: actor.orgId,
            manufacturerOrgId: x.p.manufacturer?.id ?? null,
            provinceCode: province,
          }),
          statusChangeDelta(null, LINE_STATUS.pending, {
            status: LINE_STATUS.pending,
            quantity: x.quantity,
            unitPriceFen: x.unitPriceFen,
            deliveredQty: 0,
            receivedQty: 0,
            returnedQty: 0,
          }),
        );
      }
      await history(
        actor,
        lines.map((l) => ({ entity: 'order-line', entityId: l.id, action: 'place', from: null, to: LINE_STATUS.pending })),
      );
      return {
        data: {
          documentId: order.documentId,
          code,
          totalFen,
          lineCount: lines.length,
          lines: lines.map((l) => ({ documentId: l.documentId, lineNo: l.lineNo, status: LINE_STATUS.pending })),
        },
      };
    });
  },
});
