import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkDelivery,
  deliveryActions,
  deliveryMachine,
  invoiceMachine,
  orderLineActions,
  orderLineMachine,
  returnActions,
  returnMachine,
  ROLES,
  type ActorRef,
  type LineForActions,
} from '../../src/domain';

const dist: ActorRef = { role: 'distributor', orgId: 2 };
const otherDist: ActorRef = { role: 'distributor', orgId: 9 };
const hosp: ActorRef = { role: 'hospital', orgId: 1 };
const readers: ActorRef[] = [
  { role: 'platform_admin', orgId: 100 },
  { role: 'bureau', orgId: 101, provinceCode: '11' },
  { role: 'manufacturer', orgId: 3 },
];

const line = (extra: Partial<LineForActions> = {}): LineForActions => ({
  status: 'confirmed',
  distributorOrgId: 2,
  hospitalOrgId: 1,
  deliveryMode: null,
  quantity: 10,
  deliveredQty: 0,
  deliveryCount: 0,
  receivedQty: 0,
  returnedQty: 0,
  returnPendingQty: 0,
  ...extra,
});

describe('orderLineActions', () => {
  it('a pending line: its distributor may confirm or reject, nobody else may do anything', () => {
    const l = line({ status: 'pending' });
    expect(orderLineActions(l, dist)).toEqual(['confirm', 'reject']);
    expect(orderLineActions(l, otherDist)).toEqual([]);
    expect(orderLineActions(l, hosp)).toEqual([]);
    for (const r of readers) expect(orderLineActions(l, r)).toEqual([]);
  });

  it('a confirmed or delivering line with quantity left: deliver and terminate', () => {
    expect(orderLineActions(line(), dist)).toEqual(['deliver', 'terminate']);
    expect(orderLineActions(line({ status: 'delivering', deliveryMode: 'batch', deliveredQty: 4, deliveryCount: 1 }), dist)).toEqual(['deliver', 'terminate']);
  });

  it('no deliver once a standard delivery was made or nothing is left; none on closed lines', () => {
    expect(orderLineActions(line({ deliveryMode: 'standard', deliveryCount: 1, deliveredQty: 3 }), dist)).toEqual(['terminate']);
    expect(orderLineActions(line({ status: 'delivering', deliveryMode: 'batch', deliveredQty: 10, deliveryCount: 2 }), dist)).toEqual(['terminate']);
    for (const status of ['rejected', 'delivered', 'terminated']) expect(orderLineActions(line({ status }), dist)).toEqual([]);
  });

  it('the ordering hospital may ask a return while something received is not returned or asked', () => {
    expect(orderLineActions(line({ status: 'delivered', deliveredQty: 10, receivedQty: 0 }), hosp)).toEqual([]);
    expect(orderLineActions(line({ status: 'delivered', deliveredQty: 10, receivedQty: 6, returnPendingQty: 2, returnedQty: 3 }), hosp)).toEqual(['return']);
    expect(orderLineActions(line({ status: 'delivered', deliveredQty: 10, receivedQty: 6, returnPendingQty: 3, returnedQty: 3 }), hosp)).toEqual([]);
    expect(orderLineActions(line({ status: 'terminated', receivedQty: 2 }), hosp)).toEqual(['return']);
    expect(orderLineActions(line({ receivedQty: 2 }), { role: 'hospital', orgId: 7 })).toEqual([]);
  });

  it('deliver is offered exactly when a delivery of 1 would pass checkDelivery (any line state)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...orderLineMachine.stateNames),
        fc.constantFrom(null, 'standard' as const, 'batch' as const),
        fc.integer({ min: 1, max: 20 }),
        fc.integer({ min: 0, max: 20 }),
        fc.integer({ min: 0, max: 3 }),
        (status, mode, quantity, delivered, deliveries) => {
          const l = line({ status, deliveryMode: mode, quantity, deliveredQty: Math.min(delivered, quantity), deliveryCount: deliveries });
          let ok = true;
          try {
            checkDelivery({ status, mode, ordered: quantity, delivered: l.deliveredQty, deliveries, requestedMode: mode ?? 'batch', quantity: 1 });
          } catch {
            ok = false;
          }
          expect(orderLineActions(l, dist).includes('deliver')).toBe(ok);
        },
      ),
    );
  });
});

describe('deliveryActions', () => {
  const d = (status: string, invoiceStatus: string) => ({ status, invoiceStatus, distributorOrgId: 2, hospitalOrgId: 1 });

  it('the distributor withdraws a shipped delivery only with a missing or failed invoice; fills a missing one; modifies a missing or failed one', () => {
    expect(deliveryActions(d('shipped', 'missing'), dist)).toEqual(['withdraw', 'fill', 'modify']);
    expect(deliveryActions(d('shipped', 'failed'), dist)).toEqual(['withdraw', 'modify']);
    expect(deliveryActions(d('shipped', 'pending'), dist)).toEqual([]);
    expect(deliveryActions(d('received', 'failed'), dist)).toEqual(['modify']);
    expect(deliveryActions(d('received', 'passed'), dist)).toEqual([]);
    expect(deliveryActions(d('withdrawn', 'missing'), dist)).toEqual([]);
  });

  it('the hospital receives a shipped delivery and checks a pending invoice (pass, fail)', () => {
    expect(deliveryActions(d('shipped', 'pending'), hosp)).toEqual(['receive', 'pass', 'fail']);
    expect(deliveryActions(d('received', 'pending'), hosp)).toEqual(['pass', 'fail']);
    expect(deliveryActions(d('shipped', 'missing'), hosp)).toEqual(['receive']);
    expect(deliveryActions(d('withdrawn', 'pending'), hosp)).toEqual([]);
  });

  it('other organisations and readers get nothing', () => {
    for (const a of [otherDist, { role: 'hospital', orgId: 8 } as ActorRef, ...readers]) expect(deliveryActions(d('shipped', 'missing'), a)).toEqual([]);
  });

  it('every action listed is a transition the machines allow from the row state for that role', () => {
    for (const status of deliveryMachine.stateNames)
      for (const inv of invoiceMachine.stateNames)
        for (const a of [dist, hosp])
          for (const act of deliveryActions(d(status, inv), a)) {
            const m = deliveryMachine.isTransition(act) ? deliveryMachine : invoiceMachine;
            expect(m.can(act, m === deliveryMachine ? status : inv, a.role)).toBe(true);
          }
  });
});

describe('returnActions', () => {
  it('the distributor agrees or refuses a pending request; nobody else, never once answered', () => {
    expect(returnActions({ status: 'pending', distributorOrgId: 2 }, dist)).toEqual(['agree', 'refuse']);
    for (const status of returnMachine.stateNames.filter((s) => s !== 'pending')) expect(returnActions({ status, distributorOrgId: 2 }, dist)).toEqual([]);
    expect(returnActions({ status: 'pending', distributorOrgId: 2 }, otherDist)).toEqual([]);
    for (const role of ROLES.filter((r) => r !== 'distributor'))
      expect(returnActions({ status: 'pending', distributorOrgId: 2 }, { role, orgId: 2 })).toEqual([]);
  });
});
