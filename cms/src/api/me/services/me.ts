import type { Knex } from 'knex';
import type { Actor } from '../../../scope';
import { now } from '../../../utils/clock';
import { DELIVERY_STATUS, TODO_STATUSES, terminationCutoff, type OverdueFilter, type ProvinceCutoffs } from '../../../domain';
import { whereOverdue } from '../../../db/overdue';
import { pooledFirst } from '../../../db/read-pool';
import { cachedCount } from '../../../db/count-cache';
import { ORDER_COUNTS } from '../../../db/order-tables';
import { securityEventOf } from '../../../db/security-events';
import { endAllSessions } from '../../../db/users';

/** A to-do count per menu entry (待办): what waits for the caller's organisation to act. */
export type Todos = Record<string, number>;

async function todosFor(actor: Actor): Promise<Todos> {
  const knex = strapi.db.connection as Knex;
  // Counted by the read pool (db/read-pool.ts): the overdue counts of a province read many lines.
  const count = async (q: Knex.QueryBuilder) => Number((await pooledFirst<{ n?: unknown }>(q.count({ n: '*' })))?.n ?? 0);
  // The order tables' counts (the many rows) are reused until an order action commits (db/count-cache.ts).
  const orderCount = (q: Knex.QueryBuilder) => {
    const { sql, bindings } = q.clone().count({ n: '*' }).toSQL().toNative();
    return cachedCount(ORDER_COUNTS, `todo:${sql}:${JSON.stringify(bindings)}`, () => count(q));
  };
  const org = actor.orgId;
  const S = TODO_STATUSES;
  // 逾期 lines (computed at read, domain/overdue.ts): the distributor's and the province's of either kind,
  // the hospital's that it may 取消 (逾期未确认).
  const cut = await (strapi.service('api::working-calendar.working-calendar') as unknown as { cutoffs(at: Date): Promise<ProvinceCutoffs> }).cutoffs(now());
  const overdue = (column: string, value: unknown, kind: OverdueFilter) => orderCount(whereOverdue(knex('order_lines').where(column, value), kind, cut));
  // Contracts where the caller's organisation is the party of its role and has not signed yet.
  const contractsToSign = (column: string, party: string) =>
    count(
      knex('contracts as c')
        .where(`c.${column}`, org)
        .whereIn('c.status', S.contractsToSign)
        .whereNotExists(knex('contract_signatures as s').select(1).whereRaw('s.contract_id = c.id').where('s.party', party)),
    );
  switch (actor.role) {
    case 'distributor':
      return {
        contracts: await contractsToSign('distributor_org_id', 'distributor'),
        delegations: await count(knex('delegations').where({ distributor_org_id: org }).whereIn('status', S.distributorDelegations)),
        'hospital-relationships': await count(knex('hospital_relationships').where({ distributor_org_id: org }).whereIn('status', S.distributorRelationships)),
        'order-lines': await orderCount(knex('order_lines').where({ distributor_org_id: org }).whereIn('status', S.distributorOrderLines)),
        'overdue-lines': await overdue('distributor_org_id', org, 'any'),
        returns: await orderCount(knex('return_requests').where({ distributor_org_id: org }).whereIn('status', S.distributorReturns)),
        invoices: await orderCount(
          knex('deliveries').where({ distributor_org_id: org }).whereIn('invoice_status', S.distributorInvoices).whereNot('status', DELIVERY_STATUS.withdrawn),
        ),
      };
    case 'hospital':
      return {
        contracts: await contractsToSign('hospital_org_id', 'hospital'),
        'overdue-lines': await overdue('hospital_org_id', org, 'unconfirmed'),
        receipts: await orderCount(knex('deliveries').where({ hospital_org_id: org }).whereIn('status', S.hospitalReceipts)),
        invoiceChecks: await orderCount(
          knex('deliveries').where({ hospital_org_id: org }).whereIn('invoice_status', S.hospitalInvoiceChecks).whereNot('status', DELIVERY_STATUS.withdrawn),
        ),
        terminating: await count(
          knex('hospital_relationships')
            .where({ hospital_org_id: org })
            .whereIn('status', S.hospitalTerminating)
            .where('terminating_since', '>', terminationCutoff(now())),
        ),
      };
    case 'manufacturer':
      return {
        delegations: await count(knex('delegations').where({ delegator_org_id: org }).whereIn('status', S.manufacturerDelegations)),
        contracts: await contractsToSign('manufacturer_org_id', 'manufacturer'),
      };
    case 'bureau':
      return {
        'distributor-accounts': await count(knex('distributor_accounts').where({ province_code: actor.provinceCode, issued: false })),
        'oversight-overdue': await overdue('province_code', actor.provinceCode ?? '--', 'any'),
      };
    default:
      return {};
  }
}

/** 退出登录: every token of the caller issued until now stops working (on every device). */
async function logout(userId: number): Promise<void> {
  await endAllSessions([userId]);
  await securityEventOf(userId, { event: 'logout', outcome: 'success' });
}

export default () => ({ todos: todosFor, logout });
