import type { Knex } from 'knex';
import {
  delegationMachine,
  deliveryMachine,
  invoiceMachine,
  orderLineMachine,
  relationshipMachine,
  returnMachine,
  REWORK_INVOICE_STATUSES,
  terminationCutoff,
} from '../../../domain';
import type { Actor } from '../../../scope';
import { now } from '../../../utils/clock';

/** A to-do count per menu entry (待办): what waits for the caller's organisation to act. */
export type Todos = Record<string, number>;

// What waits for whom, read off the machines: the states a transition starts from.
const AWAITING_DISTRIBUTOR = {
  delegations: [...delegationMachine.transitions.accept.from],
  relationships: [...relationshipMachine.transitions.accept.from, ...relationshipMachine.transitions.acceptRevoke.from],
  orderLines: [...orderLineMachine.transitions.confirm.from],
  returns: [...returnMachine.transitions.agree.from],
  invoices: [...REWORK_INVOICE_STATUSES],
};
const AWAITING_HOSPITAL = {
  receipts: [...deliveryMachine.transitions.receive.from],
  invoiceChecks: [...invoiceMachine.transitions.pass.from],
};
const DELIVERY_WITHDRAWN = deliveryMachine.transitions.withdraw.to;
const RELATIONSHIP_TERMINATING = relationshipMachine.transitions.acceptRevoke.to;

async function todosFor(actor: Actor): Promise<Todos> {
  const knex = strapi.db.connection;
  const count = async (q: Knex.QueryBuilder) => Number(((await q.count({ n: '*' }).first()) as { n?: number | string } | undefined)?.n ?? 0);
  const org = actor.orgId;
  switch (actor.role) {
    case 'distributor':
      return {
        delegations: await count(knex('delegations').where({ distributor_org_id: org }).whereIn('status', AWAITING_DISTRIBUTOR.delegations)),
        'hospital-relationships': await count(
          knex('hospital_relationships').where({ distributor_org_id: org }).whereIn('status', AWAITING_DISTRIBUTOR.relationships),
        ),
        'order-lines': await count(knex('order_lines').where({ distributor_org_id: org }).whereIn('status', AWAITING_DISTRIBUTOR.orderLines)),
        returns: await count(knex('return_requests').where({ distributor_org_id: org }).whereIn('status', AWAITING_DISTRIBUTOR.returns)),
        invoices: await count(
          knex('deliveries').where({ distributor_org_id: org }).whereIn('invoice_status', AWAITING_DISTRIBUTOR.invoices).whereNot('status', DELIVERY_WITHDRAWN),
        ),
      };
    case 'hospital': {
      const cutoff = terminationCutoff(now());
      return {
        receipts: await count(knex('deliveries').where({ hospital_org_id: org }).whereIn('status', AWAITING_HOSPITAL.receipts)),
        invoiceChecks: await count(
          knex('deliveries').where({ hospital_org_id: org }).whereIn('invoice_status', AWAITING_HOSPITAL.invoiceChecks).whereNot('status', DELIVERY_WITHDRAWN),
        ),
        terminating: await count(
          knex('hospital_relationships').where({ hospital_org_id: org, status: RELATIONSHIP_TERMINATING }).where('terminating_since', '>', cutoff),
        ),
      };
    }
    case 'manufacturer':
      // The manufacturer's delegations still awaiting the distributor's answer.
      return { delegations: await count(knex('delegations').where({ delegator_org_id: org }).whereIn('status', AWAITING_DISTRIBUTOR.delegations)) };
    case 'bureau':
      return { 'distributor-accounts': await count(knex('distributor_accounts').where({ province_code: actor.provinceCode, issued: false })) };
    default:
      return {};
  }
}

export default () => ({ todos: todosFor });
