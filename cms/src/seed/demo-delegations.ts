import type { Core } from '@strapi/strapi';
import type { Change } from '../api/state-history/services/state-history';
import { delegationMachine } from '../domain';
import { DEMO_ORGS } from './demo-organisations';

const DELEGATION = 'api::delegation.delegation';
const ITEM = 'api::delegation-item.delegation-item';

// A delegation is created awaiting the distributor (the state `accept` leaves) and `accept` leads on.
const AWAITING = delegationMachine.transitions.accept.from[0]!;
const ACCEPTED = delegationMachine.next('accept', AWAITING);

interface HistoryService {
  record(actor: null, changes: Change[]): Promise<void>;
}

/**
 * Demo delegations (生产配送关系) so that a fresh platform has a working chain: each manufacturer's
 * products delegated and accepted in Beijing / Shanxi, one sub-delegation (国药控股北京 → 科园信海) and one
 * pending delegation waiting for 国药控股北京. Idempotent: runs only when no delegation exists.
 */
export async function seedDemoDelegations(strapi: Core.Strapi) {
  if ((await strapi.db.query(DELEGATION).count({})) > 0) return;
  const org = async (key: string) => {
    const o = DEMO_ORGS.find((x) => x.key === key)!;
    return (await strapi.db.query('api::organisation.organisation').findOne({ where: { name: o.name, type: o.type }, select: ['id'] }))?.id as
      number | undefined;
  };
  const ids: Record<string, number | undefined> = {};
  for (const k of ['weigao', 'chunli', 'dabo', 'gk-bj', 'cr-bj', 'ky-bj', 'gk-sx']) ids[k] = await org(k);
  if (Object.values(ids).some((v) => !v)) return;
  const productsOf = async (mf: number) =>
    (
      await strapi.db
        .connection('products as p')
        .join('products_manufacturer_lnk as l', 'l.product_id', 'p.id')
        .where('l.organisation_id', mf)
        .where('p.listed', true)
        .orderBy('p.code', 'asc')
        .select('p.id')
    ).map((r: { id: number | string }) => Number(r.id));
  const history = strapi.service('api::state-history.state-history') as unknown as HistoryService;
  const at = new Date();

  const make = async (
    d: { mf: number; delegator: number; dist: number; province: string; level: 1 | 2; parent?: number; accepted: boolean },
    productIds: number[],
  ) => {
    if (!productIds.length) return null;
    const row = await strapi.db.query(DELEGATION).create({
      data: {
        delegatorOrgId: d.delegator,
        manufacturerOrgId: d.mf,
        distributorOrgId: d.dist,
        provinceCode: d.province,
        level: d.level,
        parentDelegationId: d.parent ?? null,
        status: d.accepted ? ACCEPTED : AWAITING,
        productCount: productIds.length,
        respondedAt: d.accepted ? at : null,
      },
    });
    await strapi.db.query(ITEM).createMany({
      data: productIds.map((productId) => ({
        delegationId: row.id,
        productId,
        distributorOrgId: d.dist,
        provinceCode: d.province,
        manufacturerOrgId: d.mf,
        delegatorOrgId: d.delegator,
      })),
    });
    const changes: Change[] = [{ entity: 'delegation', entityId: row.id, action: 'create', from: null, to: AWAITING }];
    if (d.accepted) changes.push({ entity: 'delegation', entityId: row.id, action: 'accept', from: AWAITING, to: ACCEPTED });
    await history.record(null, changes);
    return row.id as number;
  };

  // Read outside the transaction: raw knex would need `.transacting(trx)` inside (SQLite has one connection).
  const weigao = await productsOf(ids.weigao!);
  const chunli = await productsOf(ids.chunli!);
  const dabo = await productsOf(ids.dabo!);
  await strapi.db.transaction(async () => {
    const parent = await make({ mf: ids.weigao!, delegator: ids.weigao!, dist: ids['gk-bj']!, province: '11', level: 1, accepted: true }, weigao);
    await make({ mf: ids.chunli!, delegator: ids.chunli!, dist: ids['cr-bj']!, province: '11', level: 1, accepted: true }, chunli);
    await make({ mf: ids.chunli!, delegator: ids.chunli!, dist: ids['gk-bj']!, province: '11', level: 1, accepted: true }, chunli.slice(0, 6));
    await make({ mf: ids.dabo!, delegator: ids.dabo!, dist: ids['gk-sx']!, province: '14', level: 1, accepted: true }, dabo);
    await make({ mf: ids.weigao!, delegator: ids.weigao!, dist: ids['gk-sx']!, province: '14', level: 1, accepted: true }, weigao.slice(0, 8));
    await make({ mf: ids.dabo!, delegator: ids.dabo!, dist: ids['gk-bj']!, province: '11', level: 1, accepted: false }, dabo.slice(0, 4));
    if (parent)
      await make({ mf: ids.weigao!, delegator: ids['gk-bj']!, dist: ids['ky-bj']!, province: '11', level: 2, parent, accepted: true }, weigao.slice(0, 5));
  });
}
