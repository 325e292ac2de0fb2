import { describe, expect, it } from 'vitest';
import {
  contractMachine,
  delegationMachine,
  deliveryMachine,
  invoiceMachine,
  MACHINES,
  orderLineMachine,
  relationshipMachine,
  returnMachine,
  stateColor,
  stateLabel,
} from '../../src/domain';
import { checkMachine, type ExpectedMachine } from './machine-table';

// Hand-written expectations, from DOMAIN.md and the manuals (not derived from the machines).

const DELEGATION: ExpectedMachine = {
  name: 'delegation',
  states: {
    pending: { zh: '待确认', en: 'Pending' },
    accepted: { zh: '已确认', en: 'Accepted' },
    rejected: { zh: '已拒绝', en: 'Rejected' },
    withdrawn: { zh: '已撤回', en: 'Withdrawn' },
  },
  transitions: {
    accept: { from: ['pending'], to: 'accepted', by: ['distributor'], reason: false, zh: '接受委托', en: 'Accept' },
    reject: { from: ['pending'], to: 'rejected', by: ['distributor'], reason: true, zh: '拒绝委托', en: 'Reject' },
    withdraw: {
      from: ['pending'],
      to: 'withdrawn',
      by: ['manufacturer', 'distributor'],
      reason: false,
      zh: '撤回',
      en: 'Withdraw',
    },
  },
};

const RELATIONSHIP: ExpectedMachine = {
  name: 'relationship',
  states: {
    pending: { zh: '待确认', en: 'Pending' },
    established: { zh: '已建立', en: 'Established' },
    rejected: { zh: '已拒绝', en: 'Rejected' },
    withdrawn: { zh: '已撤回', en: 'Withdrawn' },
    revoking: { zh: '撤销待确认', en: 'Revocation pending' },
    terminating: { zh: '解约中', en: 'Terminating' },
    terminated: { zh: '已解除', en: 'Terminated' },
  },
  transitions: {
    accept: { from: ['pending'], to: 'established', by: ['distributor'], reason: false, zh: '接受委托', en: 'Accept' },
    reject: { from: ['pending'], to: 'rejected', by: ['distributor'], reason: true, zh: '拒绝委托', en: 'Reject' },
    withdraw: { from: ['pending'], to: 'withdrawn', by: ['hospital'], reason: false, zh: '撤回申请', en: 'Withdraw request' },
    requestRevoke: {
      from: ['established'],
      to: 'revoking',
      by: ['hospital'],
      reason: false,
      zh: '撤销申请',
      en: 'Request revocation',
    },
    acceptRevoke: {
      from: ['revoking'],
      to: 'terminating',
      by: ['distributor'],
      reason: false,
      zh: '接受撤销',
      en: 'Accept revocation',
    },
    refuseRevoke: {
      from: ['revoking'],
      to: 'established',
      by: ['distributor'],
      reason: true,
      zh: '拒绝撤销',
      en: 'Refuse revocation',
    },
  },
};

const ORDER_LINE: ExpectedMachine = {
  name: 'orderLine',
  states: {
    pending: { zh: '待确认', en: 'Pending' },
    confirmed: { zh: '企业已确认', en: 'Confirmed' },
    rejected: { zh: '已拒绝', en: 'Rejected' },
    delivering: { zh: '配送中', en: 'Delivering' },
    delivered: { zh: '已配送', en: 'Delivered' },
    terminated: { zh: '已终止', en: 'Terminated' },
    cancelled: { zh: '已取消', en: 'Cancelled' },
  },
  transitions: {
    confirm: { from: ['pending'], to: 'confirmed', by: ['distributor'], reason: false, zh: '确认', en: 'Confirm' },
    reject: { from: ['pending'], to: 'rejected', by: ['distributor'], reason: true, zh: '拒绝', en: 'Reject' },
    terminate: {
      from: ['confirmed', 'delivering'],
      to: 'terminated',
      by: ['distributor'],
      reason: false,
      zh: '终止配送',
      en: 'Terminate delivery',
    },
    cancel: { from: ['pending'], to: 'cancelled', by: ['hospital'], reason: true, zh: '取消', en: 'Cancel' },
  },
};

const DELIVERY: ExpectedMachine = {
  name: 'delivery',
  states: {
    shipped: { zh: '待收货', en: 'Awaiting receipt' },
    received: { zh: '已收货', en: 'Received' },
    withdrawn: { zh: '已撤回', en: 'Withdrawn' },
  },
  transitions: {
    receive: { from: ['shipped'], to: 'received', by: ['hospital'], reason: false, zh: '收货', en: 'Confirm receipt' },
    withdraw: { from: ['shipped'], to: 'withdrawn', by: ['distributor'], reason: false, zh: '撤回', en: 'Withdraw' },
  },
};

const INVOICE: ExpectedMachine = {
  name: 'invoice',
  states: {
    missing: { zh: '未填写', en: 'Missing' },
    pending: { zh: '待查验', en: 'Awaiting check' },
    passed: { zh: '查验通过', en: 'Passed' },
    failed: { zh: '查验不通过', en: 'Failed' },
  },
  transitions: {
    fill: { from: ['missing'], to: 'pending', by: ['distributor'], reason: false, zh: '补填发票', en: 'Fill in invoice' },
    pass: { from: ['pending'], to: 'passed', by: ['hospital'], reason: false, zh: '通过', en: 'Pass' },
    fail: { from: ['pending'], to: 'failed', by: ['hospital'], reason: true, zh: '不通过', en: 'Fail' },
    modify: { from: ['failed', 'missing'], to: 'pending', by: ['distributor'], reason: false, zh: '修改', en: 'Modify' },
  },
};

const RETURN: ExpectedMachine = {
  name: 'return',
  states: {
    pending: { zh: '待处理', en: 'Pending' },
    agreed: { zh: '已同意退货', en: 'Return agreed' },
    refused: { zh: '已拒绝退货', en: 'Return refused' },
  },
  transitions: {
    agree: { from: ['pending'], to: 'agreed', by: ['distributor'], reason: false, zh: '同意退货', en: 'Agree to return' },
    refuse: { from: ['pending'], to: 'refused', by: ['distributor'], reason: true, zh: '拒绝退货', en: 'Refuse return' },
  },
};

const CONTRACT: ExpectedMachine = {
  name: 'contract',
  states: {
    signing: { zh: '待签订', en: 'Awaiting signatures' },
    effective: { zh: '已生效', en: 'Effective' },
    void: { zh: '已作废', en: 'Void' },
  },
  transitions: {
    sign: {
      from: ['signing'],
      to: 'signing',
      by: ['hospital', 'manufacturer', 'distributor'],
      reason: false,
      zh: '签订',
      en: 'Sign',
    },
    refuse: { from: ['signing'], to: 'void', by: ['hospital', 'manufacturer', 'distributor'], reason: true, zh: '拒签', en: 'Refuse to sign' },
  },
};

describe('delegationMachine (生产配送关系)', () => checkMachine(delegationMachine, DELEGATION));
describe('relationshipMachine (医院配送关系)', () => checkMachine(relationshipMachine, RELATIONSHIP));
describe('orderLineMachine (订单明细)', () => checkMachine(orderLineMachine, ORDER_LINE));
describe('deliveryMachine (收货)', () => checkMachine(deliveryMachine, DELIVERY));
describe('invoiceMachine (发票查验)', () => checkMachine(invoiceMachine, INVOICE));
describe('returnMachine (退货处理)', () => checkMachine(returnMachine, RETURN));
describe('contractMachine (三方合同)', () => checkMachine(contractMachine, CONTRACT));

describe('MACHINES', () => {
  it('holds every machine under its own name', () => {
    expect(Object.keys(MACHINES).sort()).toEqual(['contract', 'delegation', 'delivery', 'invoice', 'orderLine', 'relationship', 'return'].sort());
    for (const [key, m] of Object.entries(MACHINES)) expect(m.name).toBe(key);
    expect(MACHINES.return).toBe(returnMachine);
  });

  it('looks labels and colours up by machine name', () => {
    expect(stateLabel('orderLine', 'confirmed')).toBe('企业已确认');
    expect(stateLabel('relationship', 'terminating', 'en-US')).toBe('Terminating');
    expect(stateLabel('nope', 'x')).toBe('x');
    expect(stateColor('invoice', 'failed')).toBe('red');
    expect(stateColor('nope', 'x')).toBe('default');
  });

  it('shows the exact refusal message', () => {
    expect(() => orderLineMachine.next('confirm', 'delivered')).toThrow('当前状态为“已配送”，不能执行“确认”操作');
  });
});
