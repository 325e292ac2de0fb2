/**
 * Manufacturer delegations 生产配送关系: reads (the list, one row, its products) and the questions
 * orders ask (is a product delegated to a distributor in a province). Changes are in
 * delegation-changes.ts, the distributor's 配送产品目录 in delegated-products.ts.
 */
import { factories } from '@strapi/strapi';
import { DELIVERABLE_DELEGATION_STATUSES, pageOf, type DelegationRow, type Page } from '../../../domain';
import type { Actor } from '../../../scope';
import { readPaging } from '../../../utils/query';
import type { RawRow } from '../../../db/values';
import { whereContains } from '../../../utils/search';
import { DELEGATION_SORTS, parseListQuery, parseProductsQuery } from '../support/input';
import { baseList, listColumns, oneRow, productRow, toListRow, UID } from '../support/rows';

/** Accepted delegation items (level 1 or 2) of a distributor in a province. */
const deliverableItems = (distributorOrgId: number, provinceCode: string) =>
  strapi.db
    .connection('delegation_items as i')
    .join('delegations as d', 'd.id', 'i.delegation_id')
    .where({ 'i.distributor_org_id': distributorOrgId, 'i.province_code': provinceCode })
    .whereIn('d.status', DELIVERABLE_DELEGATION_STATUSES);

export default factories.createCoreService(UID, () => ({
  /** Is product `productId` (numeric) delegated, by an accepted delegation of level 1 or 2, to the distributor in the province? */
  async isDelegated({ productId, distributorOrgId, provinceCode }: { productId: number; distributorOrgId: number; provinceCode: string }): Promise<boolean> {
    return !!(await deliverableItems(distributorOrgId, provinceCode).where('i.product_id', productId).first('i.id'));
  },

  /** Numeric ids of every product delegated (accepted, level 1 or 2) to the distributor in the province, ascending. */
  async delegatedProductIds(distributorOrgId: number, provinceCode: string): Promise<number[]> {
    const rows = await deliverableItems(distributorOrgId, provinceCode).distinct('i.product_id').orderBy('i.product_id', 'asc');
    return rows.map((r: RawRow) => Number(r.product_id));
  },

  /** One delegation as the list shows it (404 when the actor may not read it). */
  one(actor: Actor, documentId: string): Promise<DelegationRow> {
    return oneRow(actor, documentId);
  },

  /** GET /api/delegation-list — paged, filtered by status, level, box (incoming / outgoing), province, search. */
  async list(actor: Actor, rawQuery: unknown): Promise<Page<DelegationRow>> {
    const q = parseListQuery(rawQuery);
    const { page, pageSize, offset } = readPaging(rawQuery, { pageSize: 10, max: 200 });
    const qb = baseList(actor);
    if (q.status?.length) qb.whereIn('d.status', q.status);
    if (q.level) qb.where('d.level', Number(q.level));
    if (q.provinceCode) qb.where('d.province_code', q.provinceCode);
    if (q.box === 'incoming') qb.where('d.distributor_org_id', actor.orgId);
    if (q.box === 'outgoing') qb.where('d.delegator_org_id', actor.orgId);
    whereContains(qb, ['m.name', 'dl.name', 'ds.name'], q.q);
    const [{ total }] = await qb.clone().clearSelect().count({ total: '*' });
    const rows = await qb
      .clone()
      .select<RawRow[]>(listColumns())
      .orderBy(DELEGATION_SORTS[q.sort.field], q.sort.dir)
      .orderBy('d.id', 'desc')
      .limit(pageSize)
      .offset(offset);
    return pageOf(await Promise.all(rows.map((r) => toListRow(actor, r))), Number(total), page, pageSize);
  },

  /** Products of a delegation (GET /api/delegations/:documentId/products). */
  async products(actor: Actor, documentId: string, rawQuery: unknown) {
    const d = await oneRow(actor, documentId);
    const q = parseProductsQuery(rawQuery);
    const { page, pageSize, offset } = readPaging(rawQuery, { pageSize: 20, max: 1000 });
    const qb = strapi.db
      .connection('delegation_items as i')
      .join('products as p', 'p.id', 'i.product_id')
      .leftJoin('organisations as m', 'm.id', 'i.manufacturer_org_id')
      .where('i.delegation_id', d.id);
    whereContains(qb, ['p.name', 'p.code', 'p.registration_no'], q.q);
    const [{ total }] = await qb.clone().clearSelect().count({ total: '*' });
    const rows = await qb
      .clone()
      .select(
        ...['id', 'document_id', 'code', 'name', 'registration_no', 'registration_valid_to', 'spec', 'model', 'unit', 'price_fen', 'category'].map(
          (c) => `p.${c}`,
        ),
        'm.name as manufacturer_name',
      )
      .orderBy('p.code', 'asc')
      .orderBy('p.id', 'asc')
      .limit(pageSize)
      .offset(offset);
    return { ...pageOf(rows.map(productRow), Number(total), page, pageSize), delegation: d };
  },
}));
