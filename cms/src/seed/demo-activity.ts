/**
 * A lived-in demo (development only: `seedsDemoActivity`): the demo organisations' business as the
 * panel shows it on first start — 医院配送关系 in every status, orders whose lines are in every status,
 * deliveries of both modes (标准配送, 分批次配送) received or awaiting receipt, invoices passed, failed,
 * missing and awaiting their check, returns pending, agreed and refused. Everything goes through the
 * services the API calls, as the demo users (the history names them, the 经办人 jb_gkbj among them),
 * each step in its service's transaction. Runs once: a database with any order is left alone.
 */
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { RELATIONSHIP_STATUS, TERMINATION_DAYS, type StatFigures } from '../domain';
import { bumpLineStats, statFiguresOfRow } from '../db/line-stats';
import type { RawRow } from '../db/order-rows';
import { loadActor, type Actor } from '../scope';
import { DEMO_ORGS } from './demo-organisations';

/** The service methods the demo calls (their own types live with each service). */
interface Services {
  relationships: {
    request(a: Actor, distributorOrgId: number): Promise<string>;
    transition(a: Actor, answer: { action: string; documentIds: string[]; reason?: string }): Promise<unknown>;
  };
  placement: {
    placeOrder(a: Actor, input: { lines: Array<{ productId: number; distributorOrgId: number; quantity: number }>; remark?: string }): Promise<Placed>;
  };
  lines: {
    answerLines(a: Actor, ids: string[], action: 'confirm' | 'reject', reason?: string): Promise<unknown>;
    terminate(a: Actor, id: string, reason?: string): Promise<unknown>;
  };
  deliveries: {
    deliver(a: Actor, lineId: string, input: Record<string, unknown>): Promise<{ data: { delivery: { documentId: string } } }>;
    receive(a: Actor, deliveryId: string): Promise<unknown>;
    withdrawDelivery(a: Actor, deliveryId: string): Promise<unknown>;
  };
  invoices: {
    checkInvoice(a: Actor, deliveryId: string, result: 'pass' | 'fail', reason?: string): Promise<unknown>;
    setInvoice(a: Actor, deliveryId: string, input: { invoiceCode: string; invoiceNo: string }): Promise<unknown>;
  };
  returns: {
    requestReturn(a: Actor, lineId: string, input: { quantity: number; reason: string }): Promise<{ data: { documentId: string } }>;
    answerReturn(a: Actor, returnId: string, action: 'agree' | 'refuse', reason?: string): Promise<unknown>;
  };
  delegations: { delegatedProductIds(distributorOrgId: number, provinceCode: string): Promise<number[]> };
}
interface Placed {
  data: { lines: Array<{ documentId: string }> };
}

const DAY = 24 * 3600 * 1000;

/** A demo line ordered earlier than now: its aggregates move from the old order day to the new one with it. */
async function backdate(k: Knex, documentId: string, at: Date) {
  await k.transaction(async (trx) => {
    const r = (await trx('order_lines').where('document_id', documentId).first()) as RawRow;
    const f = statFiguresOfRow(r);
    const minus = Object.fromEntries(Object.entries(f).map(([name, v]) => [name, -v])) as Partial<StatFigures>;
    await bumpLineStats(trx, r, minus);
    await trx('order_lines')
      .where('id', r.id as number)
      .update({ ordered_at: at });
    await bumpLineStats(trx, { ...r, ordered_at: at }, f);
  });
}
const chinaDay = (offsetDays: number) => new Date(Date.now() + 8 * 3600 * 1000 + offsetDays * DAY).toISOString().slice(0, 10);
const INVOICE_CODE = '011002300111';

export async function seedDemoActivity(strapi: Core.Strapi) {
  const k = strapi.db.connection as unknown as Knex;
  if (await k('orders').first('id')) return;
  const started = Date.now();
  const s: Services = {
    relationships: strapi.service('api::hospital-relationship.relationship-changes') as never,
    placement: strapi.service('api::order.placement') as never,
    lines: strapi.service('api::order-line.lines') as never,
    deliveries: strapi.service('api::delivery.deliveries') as never,
    invoices: strapi.service('api::delivery.invoices') as never,
    returns: strapi.service('api::return-request.returns') as never,
    delegations: strapi.service('api::delegation.delegation') as never,
  };

  const actors = new Map<string, Actor>();
  const as = async (username: string): Promise<Actor> => {
    const known = actors.get(username);
    if (known) return known;
    const user = await k('up_users').where('username', username).first('id');
    const actor = user ? await loadActor({ state: { user: { id: Number(user.id) } } }) : null;
    if (!actor) throw new Error(`demo user ${username} is missing`);
    actors.set(username, actor);
    return actor;
  };
  const orgId = async (key: string) => (await as(DEMO_ORGS.find((o) => o.key === key)!.username)).orgId;

  // 医院配送关系: one pair per status (a pair holds one live relationship at a time).
  const relate = async (hospital: string, distributorKey: string, steps: Array<[string, string, string?]>) => {
    const h = await as(hospital);
    const existing = await k('hospital_relationships')
      .where({ hospital_org_id: h.orgId, distributor_org_id: await orgId(distributorKey) })
      .first('document_id');
    if (existing) return String(existing.document_id); // the demo contract's 积水潭 × 国药控股北京
    const documentId = await s.relationships.request(h, await orgId(distributorKey));
    for (const [who, action, reason] of steps) await s.relationships.transition(await as(who), { action, documentIds: [documentId], reason });
    return documentId;
  };
  await relate('h_jst', 'gk-bj', [['P11PS0001', 'accept']]);
  await relate('h_jst', 'cr-bj', [['P11PS0002', 'accept']]);
  await relate('h_xiehe', 'gk-bj', [['jb_gkbj', 'accept']]);
  await relate('h_xiehe', 'cr-bj', []);
  await relate('h_xiehe', 'ky-bj', [
    ['P110001', 'accept'],
    ['h_xiehe', 'requestRevoke', '院内耗材供应商调整'],
  ]);
  await relate('h_chaoyang', 'gk-bj', [['P11PS0001', 'reject', '配送区域暂未覆盖朝阳区']]);
  await relate('h_chaoyang', 'cr-bj', [['h_chaoyang', 'withdraw']]);
  await relate('h_chaoyang', 'ky-bj', [
    ['P110001', 'accept'],
    ['h_chaoyang', 'requestRevoke', '合同到期不再续约'],
    ['P110001', 'acceptRevoke'],
  ]);
  await relate('h_sxrm', 'gk-sx', [['P14SX0001', 'accept']]);
  await relate('h_sxdy', 'hw-sx', []);
  const ended = await relate('h_sxdy', 'gk-sx', [
    ['P14SX0001', 'accept'],
    ['h_sxdy', 'requestRevoke', '改由其他配送企业配送'],
    ['P14SX0001', 'acceptRevoke'],
  ]);
  // 已解除: its 30 days of 解约中 are over (computed at every read from the date it began).
  await k.transaction((trx) =>
    trx('hospital_relationships')
      .where({ document_id: ended, status: RELATIONSHIP_STATUS.terminating })
      .update({ terminating_since: new Date(Date.now() - (TERMINATION_DAYS + 1) * DAY) }),
  );

  // Orders: products the distributor is delegated for, listed, priced and with a registration valid a while.
  const products = async (distributorKey: string, province: string, n: number) => {
    const ids = await s.delegations.delegatedProductIds(await orgId(distributorKey), province);
    const rows = await k('products')
      .whereIn('id', ids)
      .where('listed', true)
      .whereNotNull('price_fen')
      .where('registration_valid_to', '>', chinaDay(60))
      .orderBy('code')
      .limit(n)
      .select('id');
    return rows.map((r: { id: number | string }) => Number(r.id));
  };
  let invoiceNo = 10_000_000 + (Date.now() % 1_000_000);
  const invoice = () => ({ invoiceCode: INVOICE_CODE, invoiceNo: String(invoiceNo++) });
  const batchValues = (quantity: number, i: number, withInvoice = true) => ({
    quantity,
    batchNo: `B${chinaDay(-20).replace(/-/g, '')}${String(i).padStart(3, '0')}`,
    productionDate: chinaDay(-40 - i),
    expiryDate: chinaDay(700 + i),
    ...(withInvoice ? invoice() : {}),
  });
  const place = async (hospital: string, distributorKey: string, province: string, quantities: number[], remark: string) => {
    const ids = await products(distributorKey, province, quantities.length);
    const dist = await orgId(distributorKey);
    const placed = await s.placement.placeOrder(await as(hospital), {
      lines: ids.map((productId, i) => ({ productId, distributorOrgId: dist, quantity: quantities[i]! })),
      remark,
    });
    return placed.data.lines.map((l) => l.documentId);
  };

  let n = 0;
  const deliver = async (dist: string, line: string, mode: 'standard' | 'batch', quantity: number, withInvoice = true) =>
    (await s.deliveries.deliver(await as(dist), line, { mode, ...batchValues(quantity, ++n, withInvoice) })).data.delivery.documentId;

  // 北京积水潭医院 ← 国药控股北京 (the 经办人 jb_gkbj confirms some): every line status.
  const jst = await place('h_jst', 'gk-bj', '11', [10, 20, 6, 30, 5, 8, 12, 4], '骨科手术备货');
  // jst[0] stays 待确认, for the distributor.
  const [, rejected, standard, batch, delivering, terminated, missing, failed] = jst;
  await s.lines.answerLines(await as('P11PS0001'), [rejected!], 'reject', '该规格暂时缺货');
  await s.lines.answerLines(await as('jb_gkbj'), [standard!, batch!, delivering!, terminated!, missing!, failed!], 'confirm');
  // 标准配送, received, invoice passed; then part of it returned (agreed) and a refused return.
  const d1 = await deliver('P11PS0001', standard!, 'standard', 6);
  await s.deliveries.receive(await as('h_jst'), d1);
  await s.invoices.checkInvoice(await as('h_jst'), d1, 'pass');
  const r1 = (await s.returns.requestReturn(await as('h_jst'), standard!, { quantity: 2, reason: '包装破损' })).data.documentId;
  await s.returns.answerReturn(await as('P11PS0001'), r1, 'agree');
  const r2 = (await s.returns.requestReturn(await as('h_jst'), standard!, { quantity: 1, reason: '型号不符' })).data.documentId;
  await s.returns.answerReturn(await as('P11PS0001'), r2, 'refuse', '产品型号与订单一致，不予退货');
  // 分批次配送 in three batches: delivered; one received and returned (pending), one awaiting receipt.
  const b1 = await deliver('P11PS0001', batch!, 'batch', 10);
  const b2 = await deliver('P11PS0001', batch!, 'batch', 10);
  await deliver('P11PS0001', batch!, 'batch', 10);
  await s.deliveries.receive(await as('h_jst'), b1);
  await s.invoices.checkInvoice(await as('h_jst'), b1, 'pass');
  await s.deliveries.receive(await as('h_jst'), b2);
  await s.returns.requestReturn(await as('h_jst'), batch!, { quantity: 3, reason: '临近效期' });
  // 配送中: a first batch delivered, awaiting receipt and the invoice check.
  await deliver('P11PS0001', delivering!, 'batch', 2);
  // 已终止 after a first batch; a withdrawn delivery (no invoice) on it first.
  const w = await deliver('P11PS0001', terminated!, 'batch', 3, false);
  await s.deliveries.withdrawDelivery(await as('P11PS0001'), w);
  await deliver('P11PS0001', terminated!, 'batch', 3);
  await s.lines.terminate(await as('P11PS0001'), terminated!, '医院取消剩余采购');
  // 发票未填写 (to be filled in), and 查验不通过 (to be modified).
  await deliver('P11PS0001', missing!, 'standard', 12, false);
  const f = await deliver('P11PS0001', failed!, 'standard', 4);
  await s.deliveries.receive(await as('h_jst'), f);
  await s.invoices.checkInvoice(await as('h_jst'), f, 'fail', '发票金额与配送金额不符');

  // 北京积水潭医院 ← 华润医药 and 北京协和医院 ← 国药控股北京: 待确认 and 企业已确认 lines.
  const cr = await place('h_jst', 'cr-bj', '11', [15, 25, 5], '常规补货');
  await s.lines.answerLines(await as('P11PS0002'), [cr[0]!], 'confirm');
  // One line 华润 left unanswered for weeks: 逾期未确认, and the hospital 取消 it.
  await backdate(k, cr[2]!, new Date(Date.now() - 21 * DAY));
  const cancelling = strapi.service('api::order-line.line-cancel') as unknown as { cancel(a: Actor, id: string, reason: string): Promise<unknown> };
  await cancelling.cancel(await as('h_jst'), cr[2]!, '配送企业逾期未确认');
  const xh = await place('h_xiehe', 'gk-bj', '11', [8, 16], '介入科月度采购');
  await s.lines.answerLines(await as('P11PS0001'), [xh[0]!], 'confirm');
  const d2 = await deliver('P11PS0001', xh[0]!, 'standard', 8);
  await s.deliveries.receive(await as('h_xiehe'), d2);
  await s.invoices.checkInvoice(await as('h_xiehe'), d2, 'pass');

  // 山西省人民医院 ← 国药控股山西: delivered and received, one awaiting receipt.
  const sx = await place('h_sxrm', 'gk-sx', '14', [20, 10, 6], '骨科季度采购');
  await s.lines.answerLines(await as('P14SX0001'), sx, 'confirm');
  const d3 = await deliver('P14SX0001', sx[0]!, 'standard', 20);
  await s.deliveries.receive(await as('h_sxrm'), d3);
  await s.invoices.checkInvoice(await as('h_sxrm'), d3, 'pass');
  await deliver('P14SX0001', sx[1]!, 'batch', 4);

  const counted = await k('deliveries').count({ n: '*' }).first();
  strapi.log.info(`Demo activity ready: ${counted?.n ?? 0} deliveries (${Date.now() - started} ms)`);
}
