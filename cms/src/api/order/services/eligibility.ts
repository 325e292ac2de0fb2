/**
 * Who may order what from whom (DOMAIN.md §6): the relationship rule is the hospital-relationship
 * service's (effective status, 30 days computed at read), the delegation rule the delegation service's;
 * this module only adds the bulk look-up the order form needs.
 */
import { delegationMachine } from '../../../domain';
import type { RawRow } from '../../../db/values';
import type delegationService from '../../delegation/services/delegation';
import type relationshipService from '../../hospital-relationship/services/hospital-relationship';

/** Only an accepted delegation lets a distributor take orders for its products. */
const ACCEPTED_DELEGATION = delegationMachine.transitions.accept.to;
const relationships = () => strapi.service('api::hospital-relationship.hospital-relationship') as unknown as ReturnType<typeof relationshipService>;
const delegations = () => strapi.service('api::delegation.delegation') as unknown as ReturnType<typeof delegationService>;

export default () => ({
  /** Distributor organisation ids the hospital may send new orders to now. */
  orderableDistributorIds(hospitalOrgId: number): Promise<number[]> {
    return relationships().orderableDistributorIds(hospitalOrgId);
  },

  /** Throws RELATIONSHIP_NOT_ORDERABLE (409, Chinese reason) unless the hospital may order from the distributor now. */
  assertMayOrder(hospitalOrgId: number, distributorOrgId: number): Promise<void> {
    return relationships().assertMayOrder(hospitalOrgId, distributorOrgId);
  },

  /** Is the distributor delegated (accepted delegation) for the product in the province? */
  isDelegated(args: { productId: number; distributorOrgId: number; provinceCode: string }): Promise<boolean> {
    return delegations().isDelegated(args);
  },

  /** For each product id: the distributors (among `distributorOrgIds`) delegated for it in the province. */
  async delegatedDistributors(productIds: number[], distributorOrgIds: number[], provinceCode: string): Promise<Map<number, number[]>> {
    const out = new Map<number, number[]>();
    if (!productIds.length || !distributorOrgIds.length) return out;
    const rows: RawRow[] = await strapi.db
      .connection('delegation_items as i')
      .join('delegations as d', 'd.id', 'i.delegation_id')
      .whereIn('i.product_id', productIds)
      .whereIn('i.distributor_org_id', distributorOrgIds)
      .where({ 'i.province_code': provinceCode, 'd.status': ACCEPTED_DELEGATION })
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
    const lists: number[][] = await Promise.all(distributorOrgIds.map((d) => delegations().delegatedProductIds(d, provinceCode)));
    return [...new Set(lists.flat())].sort((x, y) => x - y);
  },
});
