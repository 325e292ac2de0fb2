/**
 * Domain rules of the medical consumables procurement platform: pure TypeScript, no imports from
 * Strapi, node or any package (also used by the browser admin panel).
 */
export * from './errors';
export * from './roles';
export * from './state-machine';
export * from './dates';
export * from './text';
export * from './quantity';
export * from './delegation';
export * from './hospital-relationship';
export * from './order-line';
export * from './delivery';
export * from './return';
export * from './contract';
export * from './contract-row';
export * from './contract-volume';
export * from './account';
export * from './account-input';
export * from './account-row';
export * from './jobs';
export * from './credit-code';
export * from './phone';
export * from './excel-number';
export * from './invoice';
export * from './certificate';
export * from './catalogue';
export * from './money';
export * from './region';
export * from './contact';
export * from './logins';
export * from './organisation-info';
export * from './onboarding';
export * from './history';
export * from './history-labels';
export * from './page';
export * from './reason';
export * from './order-rows';
export * from './order-actions';
export * from './todos';
export * from './delegation-row';
export * from './relationship-row';
export * from './order-line-history';
export * from './login-guard';
export * from './batch-delivery';
export * from './working-days';
export * from './deadlines';
export * from './overdue';
export * from './oversight';
export * from './oversight-rows';
export * from './statistics';

import { contractMachine } from './contract';
import { delegationMachine } from './delegation';
import { deliveryMachine, invoiceMachine } from './delivery';
import { relationshipMachine } from './hospital-relationship';
import { orderLineMachine } from './order-line';
import { returnMachine } from './return';

/** Every machine by name (= the machine's `name` and the history `entity`), for label and Tag lookups. */
export const MACHINES = {
  delegation: delegationMachine,
  relationship: relationshipMachine,
  orderLine: orderLineMachine,
  delivery: deliveryMachine,
  invoice: invoiceMachine,
  return: returnMachine,
  contract: contractMachine,
} as const;

export type MachineName = keyof typeof MACHINES;

/** Label of a state of a named machine (the state itself when unknown). */
export function stateLabel(machine: string, state: string, lang: 'zh-CN' | 'en-US' = 'zh-CN'): string {
  const m = (MACHINES as Record<string, (typeof MACHINES)[MachineName]>)[machine];
  return m ? m.label(state, lang) : state;
}

/** antd Tag colour of a state of a named machine ('default' when unknown). */
export function stateColor(machine: string, state: string): string {
  const m = (MACHINES as Record<string, (typeof MACHINES)[MachineName]>)[machine];
  return m ? m.color(state) : 'default';
}
