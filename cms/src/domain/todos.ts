/**
 * 待办: the statuses in which a row waits for the caller's organisation to act, per menu entry.
 * Derived from the machines, so a new transition moves the counts with it.
 */
import { SIGNABLE_CONTRACT_STATUSES } from './contract-row';
import { delegationMachine } from './delegation';
import { CHECKABLE_INVOICE_STATUSES, RECEIVABLE_DELIVERY_STATUSES, REWORK_INVOICE_STATUSES } from './delivery';
import { relationshipMachine } from './hospital-relationship';
import { ANSWERABLE_LINE_STATUSES } from './order-line';
import { ANSWERABLE_RETURN_STATUSES } from './return';

const whereDistributorActs = relationshipMachine.stateNames.filter((s) => relationshipMachine.allowed(s, 'distributor').length > 0);

export const TODO_STATUSES = {
  /** Delegations a distributor accepts or rejects. */
  distributorDelegations: delegationMachine.transitions.accept.from,
  /** Relationships a distributor answers (a request, a revocation). */
  distributorRelationships: whereDistributorActs,
  /** Order lines a distributor confirms or rejects. */
  distributorOrderLines: ANSWERABLE_LINE_STATUSES,
  /** Return requests a distributor answers. */
  distributorReturns: ANSWERABLE_RETURN_STATUSES,
  /** Invoices a distributor fills in or modifies (deliveries not withdrawn). */
  distributorInvoices: REWORK_INVOICE_STATUSES,
  /** Deliveries a hospital receives. */
  hospitalReceipts: RECEIVABLE_DELIVERY_STATUSES,
  /** Invoices a hospital checks (deliveries not withdrawn). */
  hospitalInvoiceChecks: CHECKABLE_INVOICE_STATUSES,
  /** Relationships of a hospital counting down to 已解除 (解约中, the 30 days not yet over). */
  hospitalTerminating: [relationshipMachine.transitions.acceptRevoke.to],
  /** Delegations a manufacturer may still withdraw (not yet answered). */
  manufacturerDelegations: delegationMachine.transitions.withdraw.from,
  /** Contracts awaiting the signature of the caller's organisation (hospital, manufacturer, distributor). */
  contractsToSign: SIGNABLE_CONTRACT_STATUSES,
} as const;
