import { describe, expect, it } from 'vitest';
import { LINE_TAB_STATUSES, LINE_TABS, ORDER_LINE_HISTORY_ACTIONS, orderLineMachine } from '../../src/domain';

describe('order line tabs', () => {
  it('lists only states of the order line machine in every tab', () => {
    for (const tab of LINE_TABS) if (tab !== 'all') for (const s of LINE_TAB_STATUSES[tab]) expect(orderLineMachine.stateNames).toContain(s);
  });

  it('puts the lines a distributor still acts on in 待配送 and the shipped or ended ones in 已配送', () => {
    expect([...LINE_TAB_STATUSES.todo]).toEqual(['pending', 'confirmed', 'delivering']);
    expect([...LINE_TAB_STATUSES.delivered]).toEqual(['delivering', 'delivered', 'terminated']);
  });
});

describe('order line history labels', () => {
  it('labels every step a line records besides its transitions, in both languages', () => {
    for (const a of [
      'place',
      'deliver',
      'withdraw',
      'fillInvoice',
      'modifyInvoice',
      'passInvoice',
      'failInvoice',
      'receive',
      'requestReturn',
      'agreeReturn',
      'refuseReturn',
    ]) {
      expect(ORDER_LINE_HISTORY_ACTIONS[a]?.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(ORDER_LINE_HISTORY_ACTIONS[a]?.en).toBeTruthy();
    }
  });

  it('leaves the transitions to the machine', () => {
    for (const tr of ['confirm', 'reject', 'terminate']) expect(ORDER_LINE_HISTORY_ACTIONS[tr]).toBeUndefined();
  });
});
