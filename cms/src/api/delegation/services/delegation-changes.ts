/**
 * Changes of delegations: create (manufacturer), sub-delegate (distributor of an accepted level-1
 * delegation), respond (接受/拒绝, addressed distributor, all or nothing) and withdraw (the delegator).
 * Every change runs in one transaction, guarded by a conditional UPDATE on the status, and lands in
 * the history (entity 'delegation').
 */
import {
  ACTIVE_DELEGATION_STATUSES,
  assertCanSubDelegate,
  DomainError,
  delegationMachine,
  isProvinceCode,
  NEW_DELEGATION_STATUS,
  normaliseReason,
  validationError,
  type DelegationRow,
} from '../../../domain';
import { isDomainError } from '../../../domain/errors';
import type { Actor } from '../../../scope';
import { assertReadable } from '../../../scope/ownership';
import { now } from '../../../utils/clock';
import type { Knex } from 'knex';
import type { RawRow } from '../../../db/values';
import type historyService from '../../state-history/services/state-history';
import { createInput, parseBody, respondInput, subInput } from '../support/input';
import { requireIssuedIn } from '../support/province-distributors';
import { attrs, ITEM_UID, loadByDocumentIds, oneRow, requireDistributorOrg, UID } from '../support/rows';

const uniq = <T>(a: T[]) => [...new Set(a)];
const history = () => strapi.service('api::state-history.state-history') as unknown as ReturnType<typeof historyService>;
const concurrent = () => new DomainError('CONCURRENT_CHANGE', '委托状态已被其他操作改变，请刷新后重试', { status: 409 });
const products = (rows: RawRow[]) => rows.map((p) => `${p.code} ${p.name}`).join('、');

interface NewDelegation {
  delegatorOrgId: number;
  manufacturerOrgId: number;
  distributorOrgId: number;
  provinceCode: string;
  level: 1 | 2;
  parentDelegationId: number | null;
}

/** Inserts a pending delegation with its items and its history (inside the caller's transaction). */
async function insert(actor: Actor, d: NewDelegation, productIds: number[]): Promise<string> {
  const row = await strapi.db.query(UID).create({ data: { ...d, status: NEW_DELEGATION_STATUS, productCount: productIds.length } });
  const items = productIds.map((productId) => ({
    delegationId: row.id,
    productId,
    distributorOrgId: d.distributorOrgId,
    provinceCode: d.provinceCode,
    manufacturerOrgId: d.manufacturerOrgId,
    delegatorOrgId: d.delegatorOrgId,
  }));
  for (let i = 0; i < items.length; i += 200) await strapi.db.query(ITEM_UID).createMany({ data: items.slice(i, i + 200) });
  await history().record(actor, [{ entity: 'delegation', entityId: row.id, action: 'create', from: null, to: NEW_DELEGATION_STATUS }]);
  return row.documentId as string;
}

/** The manufacturer's own listed products among `productDocIds`, not yet (pending or accepted) delegated to the distributor in the province. */
async function delegableProducts(
  trx: Knex.Transaction,
  actor: Actor,
  productDocIds: string[],
  distributorOrgId: number,
  provinceCode: string,
): Promise<number[]> {
  const knex = strapi.db.connection;
  const found: RawRow[] = await knex('products as p')
    .transacting(trx)
    .leftJoin('products_manufacturer_lnk as l', 'l.product_id', 'p.id')
    .select('p.id', 'p.document_id', 'p.name', 'p.code', 'p.listed', 'l.organisation_id as mf')
    .whereIn('p.document_id', productDocIds);
  const byDoc = new Set(found.map((p) => p.document_id));
  const missing = productDocIds.filter((d) => !byDoc.has(d));
  if (missing.length)
    throw new DomainError('PRODUCT_NOT_FOUND', `产品不存在：${missing.join('、')}`, { status: 400, field: 'productIds', details: { missing } });
  const foreign = found.filter((p) => Number(p.mf) !== actor.orgId);
  if (foreign.length) {
    throw new DomainError('PRODUCT_NOT_OWN', `只能委托本企业的产品：${products(foreign)}`, {
      status: 403,
      field: 'productIds',
      details: { products: foreign.map((p) => p.document_id) },
    });
  }
  const unlisted = found.filter((p) => !(p.listed === true || p.listed === 1));
  if (unlisted.length) {
    throw new DomainError('PRODUCT_NOT_LISTED', `产品未挂网，不能委托：${products(unlisted)}`, {
      status: 409,
      field: 'productIds',
      details: { products: unlisted.map((p) => p.document_id) },
    });
  }
  const ids = found.map((p) => Number(p.id));
  const dup = await knex('delegation_items as i')
    .transacting(trx)
    .join('delegations as d', 'd.id', 'i.delegation_id')
    .join('products as p', 'p.id', 'i.product_id')
    .whereIn('i.product_id', ids)
    .where({ 'd.level': 1, 'd.distributor_org_id': distributorOrgId, 'd.province_code': provinceCode, 'd.manufacturer_org_id': actor.orgId })
    .whereIn('d.status', ACTIVE_DELEGATION_STATUSES)
    .select('p.code', 'p.name');
  if (dup.length) {
    throw new DomainError('PRODUCT_ALREADY_DELEGATED', `以下产品已委托该配送企业（待确认或已确认）：${products(dup)}`, { status: 409, field: 'productIds' });
  }
  return ids;
}

/** The product ids a sub-delegation carries: the chosen ones (each must be in the parent), or all of the parent's. */
async function subDelegatedProducts(trx: Knex.Transaction, parentId: number, wanted: string[] | undefined): Promise<number[]> {
  const items: RawRow[] = await strapi.db
    .connection('delegation_items as i')
    .transacting(trx)
    .join('products as p', 'p.id', 'i.product_id')
    .where('i.delegation_id', parentId)
    .select('i.product_id', 'p.document_id');
  const byDoc = new Map(items.map((i) => [i.document_id as string, Number(i.product_id)]));
  if (!wanted) return [...byDoc.values()];
  const docs = uniq(wanted);
  const outside = docs.filter((d) => !byDoc.has(d));
  if (outside.length) {
    throw new DomainError('PRODUCT_NOT_IN_DELEGATION', '下级配送只能包含本委托中的产品', { status: 400, field: 'productIds', details: { products: outside } });
  }
  return docs.map((d) => byDoc.get(d)!);
}

function rowError(documentId: string, e: unknown) {
  if (isDomainError(e)) return { documentId, code: e.code, status: e.status, message: e.message };
  throw e;
}

export default () => ({
  /** A manufacturer delegates its own listed products in one province to one distributor. */
  async create(actor: Actor, body: unknown): Promise<{ data: DelegationRow }> {
    const input = parseBody(createInput, body);
    if (!isProvinceCode(input.provinceCode)) throw validationError('PROVINCE_INVALID', '请选择正确的省份', 'provinceCode');
    const documentId: string = await strapi.db.transaction(async ({ trx }: { trx: Knex.Transaction }) => {
      const province = await strapi.db
        .connection('regions')
        .transacting(trx)
        .where({ code: `${input.provinceCode}0000`, level: 'province' })
        .first('id');
      if (!province) throw validationError('PROVINCE_INVALID', '请选择正确的省份', 'provinceCode');
      await requireDistributorOrg(trx, input.distributorOrgId);
      await requireIssuedIn(trx, input.distributorOrgId, input.provinceCode);
      const ids = await delegableProducts(trx, actor, uniq(input.productIds), input.distributorOrgId, input.provinceCode);
      const level1 = { delegatorOrgId: actor.orgId, manufacturerOrgId: actor.orgId, level: 1 as const, parentDelegationId: null };
      return insert(actor, { ...level1, distributorOrgId: input.distributorOrgId, provinceCode: input.provinceCode }, ids);
    });
    return { data: await oneRow(actor, documentId) };
  },

  /** The distributor of an accepted level-1 delegation delegates (some of) its products on to one other distributor. */
  async subDelegate(actor: Actor, parentDocumentId: string, body: unknown): Promise<{ data: DelegationRow }> {
    const input = parseBody(subInput, body);
    const documentId: string = await strapi.db.transaction(async ({ trx }: { trx: Knex.Transaction }) => {
      const raw = (await loadByDocumentIds(trx, [parentDocumentId])).get(parentDocumentId);
      const parent = raw ? attrs(raw) : null;
      assertReadable(actor, UID, parent);
      if (parent.distributorOrgId !== actor.orgId) {
        throw new DomainError('NOT_ADDRESSED', '只有接受该委托的配送企业可以设置下级配送', { status: 403 });
      }
      assertCanSubDelegate({ level: parent.level, status: parent.status, distributorId: actor.orgId, targetDistributorId: input.distributorOrgId });
      await requireDistributorOrg(trx, input.distributorOrgId);
      const active = await strapi.db
        .connection('delegations')
        .transacting(trx)
        .where('parent_delegation_id', parent.id)
        .whereIn('status', ACTIVE_DELEGATION_STATUSES)
        .first('id');
      if (active) throw new DomainError('SUB_DELEGATION_EXISTS', '该委托已设置下级配送企业（待确认或已确认），不能重复设置', { status: 409 });
      const ids = await subDelegatedProducts(trx, parent.id, input.productIds);
      if (!ids.length) throw validationError('VALIDATION_FAILED', '请选择产品', 'productIds');
      const { manufacturerOrgId, provinceCode } = parent;
      await requireIssuedIn(trx, input.distributorOrgId, provinceCode);
      const level2 = { delegatorOrgId: actor.orgId, manufacturerOrgId, provinceCode, level: 2 as const, parentDelegationId: parent.id };
      return insert(actor, { ...level2, distributorOrgId: input.distributorOrgId }, ids);
    });
    return { data: await oneRow(actor, documentId) };
  },

  /** 接受委托 / 拒绝委托 on one or many pending rows addressed to the actor: all or nothing. */
  async respond(actor: Actor, body: unknown): Promise<{ data: DelegationRow[] }> {
    const input = parseBody(respondInput, body);
    const ids = uniq(input.ids);
    const reason = normaliseReason(input.reason);
    const spec = delegationMachine.transitions[input.action];
    // Reason first: a field error, whatever the rows.
    if (spec.reason) delegationMachine.next(input.action, spec.from[0]!, { role: actor.role, reason });
    await strapi.db.transaction(async ({ trx }: { trx: Knex.Transaction }) => {
      const rows = await loadByDocumentIds(trx, ids);
      const errors: Array<{ documentId: string; code: string; status: number; message: string }> = [];
      for (const id of ids) {
        const raw = rows.get(id);
        try {
          const r = raw ? attrs(raw) : null;
          assertReadable(actor, UID, r);
          if (r.distributorOrgId !== actor.orgId) throw new DomainError('NOT_ADDRESSED', '只有被委托的配送企业可以处理该委托', { status: 403 });
          delegationMachine.next(input.action, r.status, { role: actor.role, reason });
        } catch (e) {
          errors.push(rowError(id, e));
        }
      }
      if (errors.length === 1 && ids.length === 1) throw new DomainError(errors[0]!.code, errors[0]!.message, { status: errors[0]!.status });
      if (errors.length) {
        const list = errors.map((e) => `${e.documentId}（${e.message}）`).join('；');
        throw new DomainError('BATCH_REFUSED', `${errors.length}条委托无法${spec.zh}，全部未处理：${list}`, { status: 409, details: { rows: errors } });
      }
      const at = now();
      const kept = spec.reason ? reason : null;
      for (const id of ids) {
        const n = await strapi.db
          .connection('delegations')
          .transacting(trx)
          .where('id', rows.get(id)!.id as number)
          .whereIn('status', spec.from)
          .update({ status: spec.to, reason: kept, responded_at: at, updated_at: at });
        if (n !== 1) throw concurrent();
      }
      await history().record(
        actor,
        ids.map((id) => ({
          entity: 'delegation',
          entityId: Number(rows.get(id)!.id),
          action: input.action,
          from: rows.get(id)!.status as string,
          to: spec.to,
          reason: kept,
        })),
      );
    });
    return { data: await Promise.all(ids.map((id) => oneRow(actor, id))) };
  },

  /** 撤回: the delegator withdraws a pending delegation. */
  async withdraw(actor: Actor, documentId: string): Promise<{ data: DelegationRow }> {
    await strapi.db.transaction(async ({ trx }: { trx: Knex.Transaction }) => {
      const raw = (await loadByDocumentIds(trx, [documentId])).get(documentId);
      const r = raw ? attrs(raw) : null;
      assertReadable(actor, UID, r);
      if (r.delegatorOrgId !== actor.orgId) throw new DomainError('NOT_DELEGATOR', '只有发起委托的企业可以撤回', { status: 403 });
      const to = delegationMachine.next('withdraw', r.status, { role: actor.role });
      const at = now();
      const n = await strapi.db
        .connection('delegations')
        .transacting(trx)
        .where({ id: r.id, status: r.status })
        .update({ status: to, responded_at: at, updated_at: at });
      if (n !== 1) throw concurrent();
      await history().record(actor, [{ entity: 'delegation', entityId: r.id, action: 'withdraw', from: r.status, to }]);
    });
    return { data: await oneRow(actor, documentId) };
  },
});
