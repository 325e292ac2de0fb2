/**
 * Who may order what from whom (DOMAIN.md §6). A small stand-in that reads the relationship and
 * delegation tables directly; the lead switches it to the hospital-relationship and delegation
 * services when merging:
 *  - relationship: hospital ↔ distributor with an effective status in which new orders are allowed
 *    (effectiveRelationshipStatus + canPlaceOrder: 已建立 / 撤销待确认; never 解约中 / 已解除);
 *  - delegation: an accepted delegation whose item names the product, the distributor and the province.
 */
import { assertCanPlaceOrder, canPlaceOrder, effectiveRelationshipStatus } from '../../../domain/hospital-relationship';
import { now } from '../../../utils/clock';

async function relationshipStatuses(hospitalOrgId: number, distributorOrgIds?: number[]) {
  const knex = strapi.db.connection;
  // The newest row of a pair is its current relationship (older ones were rejected, withdrawn or ended).
  let q = knex('hospital_relationships').select('id', 'distributor_org_id as d', 'status', 'terminating_since as since').where('hospital_org_id', hospitalOrgId).orderBy('id', 'asc');
  if (distributorOrgIds) q = q.whereIn('distributor_org_id', distributorOrgIds.length ? distributorOrgIds : [-1]);
  const rows: any[] = await q;
  const at = now();
  const best = new Map<number, string>();
  for (const r of rows) {
    const s = effectiveRelationshipStatus(String(r.status), r.since === null || r.since === undefined ? null : new Date(typeof r.since === 'string' && /^\d+$/.test(r.since) ? Number(r.since) : r.since), at);
    const d = Number(r.d);
    best.set(d, s);
  }
  return best;
}

export default () => ({
  /** Distributor organisation ids the hospital may send new orders to now. */
  async orderableDistributorIds(hospitalOrgId: number): Promise<number[]> {
    const best = await relationshipStatuses(hospitalOrgId);
    return [...best.entries()].filter(([, s]) => canPlaceOrder(s)).map(([d]) => d);
  },

  /** Throws RELATIONSHIP_NOT_ORDERABLE (409, Chinese reason) unless the hospital may order from the distributor now. */
  async assertMayOrder(hospitalOrgId: number, distributorOrgId: number): Promise<void> {
    const best = await relationshipStatuses(hospitalOrgId, [distributorOrgId]);
    assertCanPlaceOrder(best.get(distributorOrgId) ?? null);
  },

  /** Is the distributor delegated (accepted delegation) for the product in the province? */
  async isDelegated({ productId, distributorOrgId, provinceCode }: { productId: number; distributorOrgId: number; provinceCode: string }): Promise<boolean> {
    const row = await strapi.db
      .connection('delegation_items as i')
      .join('delegations as d', 'd.id', 'i.delegation_id')
      .where({ 'i.product_id': productId, 'i.distributor_org_id': distributorOrgId, 'i.province_code': provinceCode, 'd.status': 'accepted' })
      .first('i.id');
    return !!row;
  },

  /** For each product id: the distributors (among `distributorOrgIds`) delegated for it in the province. */
  async delegatedDistributors(productIds: number[], distributorOrgIds: number[], provinceCode: string): Promise<Map<number, number[]>> {
    const out = new Map<number, number[]>();
    if (!productIds.length || !distributorOrgIds.length) return out;
    const rows: any[] = await strapi.db
      .connection('delegation_items as i')
      .join('delegations as d', 'd.id', 'i.delegation_id')
      .whereIn('i.product_id', productIds)
      .whereIn('i.distributor_org_id', distributorOrgIds)
      .where({ 'i.province_code': provinceCode, 'd.status': 'accepted' })
      .distinct('i.product_id as p', 'i.distributor_org_id as d');
    for (const r of rows) {
      const p = Number(r.p);
      const list = out.get(p) ?? [];
      if (!list.includes(Number(r.d))) list.push(Number(r.d));
      out.set(p, list);
    }
    return out;
  },

  /** Product ids delegated (accepted) to any of the distributors in the province. */
  async delegatedProductIds(distributorOrgIds: number[], provinceCode: string): Promise<number[]> {
    if (!distributorOrgIds.length) return [];
    const rows: any[] = await strapi.db
      .connection('delegation_items as i')
      .join('delegations as d', 'd.id', 'i.delegation_id')
      .whereIn('i.distributor_org_id', distributorOrgIds)
      .where({ 'i.province_code': provinceCode, 'd.status': 'accepted' })
      .distinct('i.product_id as p');
    return rows.map((r) => Number(r.p));
  },
});
