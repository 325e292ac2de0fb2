import type { Actor } from '../../../scope';
import { now } from '../../../utils/clock';
import { TERMINATION_DAYS } from '../../../domain/hospital-relationship';

/** A to-do count per menu entry (待办): what waits for the caller's organisation to act. */
export type Todos = Record<string, number>;

const DAY_MS = 24 * 3600 * 1000;

async function todosFor(actor: Actor): Promise<Todos> {
  const knex = strapi.db.connection;
  const count = async (q: any) => Number((await q.count({ n: '*' }).first())?.n ?? 0);
  const org = actor.orgId;
  switch (actor.role) {
    case 'distributor':
      return {
        delegations: await count(knex('delegations').where({ distributor_org_id: org, status: 'pending' })),
        'hospital-relationships': await count(knex('hospital_relationships').where({ distributor_org_id: org }).whereIn('status', ['pending', 'revoking'])),
        'order-lines': await count(knex('order_lines').where({ distributor_org_id: org, status: 'pending' })),
        returns: await count(knex('return_requests').where({ distributor_org_id: org, status: 'pending' })),
        invoices: await count(
          knex('deliveries').where({ distributor_org_id: org }).whereIn('invoice_status', ['missing', 'failed']).whereNot('status', 'withdrawn'),
        ),
      };
    case 'hospital': {
      const cutoff = new Date(now().getTime() - TERMINATION_DAYS * DAY_MS);
      return {
        receipts: await count(knex('deliveries').where({ hospital_org_id: org, status: 'shipped' })),
        invoiceChecks: await count(knex('deliveries').where({ hospital_org_id: org, invoice_status: 'pending' }).whereNot('status', 'withdrawn')),
        terminating: await count(knex('hospital_relationships').where({ hospital_org_id: org, status: 'terminating' }).where('terminating_since', '>', cutoff)),
      };
    }
    case 'manufacturer':
      return { delegations: await count(knex('delegations').where({ delegator_org_id: org, status: 'pending' })) };
    case 'bureau':
      return { 'distributor-accounts': await count(knex('distributor_accounts').where({ province_code: actor.provinceCode, issued: false })) };
    default:
      return {};
  }
}

export default () => ({ todos: todosFor });
