import { describe, expect, it } from 'vitest';
import { defineMachine, DomainError, isDomainError, normaliseReason, validationError, stateError } from '../../src/domain';

const door = defineMachine({
  name: 'door',
  states: {
    open: { zh: '开', en: 'Open', color: 'green' },
    closed: { zh: '关', en: 'Closed', color: 'default' },
    locked: { zh: '锁', en: 'Locked', color: 'red' },
  },
  transitions: {
    close: { from: ['open'], to: 'closed', by: ['hospital'], zh: '关门', en: 'Close' },
    lock: { from: ['closed'], to: 'locked', by: ['distributor'], reason: true, zh: '上锁', en: 'Lock' },
    open: { from: ['closed', 'locked'], to: 'open', by: ['hospital', 'distributor'], zh: '开门', en: 'Open' },
  },
});

describe('defineMachine', () => {
  it('keeps declaration order', () => {
    expect(door.stateNames).toEqual(['open', 'closed', 'locked']);
    expect(door.transitionNames).toEqual(['close', 'lock', 'open']);
    expect(door.allowed('closed')).toEqual(['lock', 'open']);
    expect(door.allowed('closed', 'hospital')).toEqual(['open']);
    expect(door.allowed('closed', null)).toEqual(['lock', 'open']);
  });

  it('types: next returns a state of the machine', () => {
    const s: 'open' | 'closed' | 'locked' = door.next('close', 'open');
    expect(s).toBe('closed');
    expect(door.isState('open')).toBe(true);
    expect(door.isState('constructor')).toBe(false);
    expect(door.isTransition('lock')).toBe(true);
    expect(door.isTransition('hasOwnProperty')).toBe(false);
  });

  it('error details name the machine and the allowed from-states', () => {
    try {
      door.next('lock', 'open', { reason: 'x' });
      expect.unreachable();
    } catch (e) {
      expect(isDomainError(e)).toBe(true);
      const err = e as DomainError;
      expect(err.code).toBe('INVALID_TRANSITION');
      expect(err.message).toBe('当前状态为“开”，不能执行“上锁”操作');
      expect(err.details).toEqual({ machine: 'door', transition: 'lock', from: 'open', allowedFrom: ['closed'] });
      expect(err.toJSON()).toMatchObject({ code: 'INVALID_TRANSITION', status: 409 });
    }
  });

  it('checks state before reason (a wrong state wins over a missing reason)', () => {
    expect(() => door.next('lock', 'open')).toThrowError(expect.objectContaining({ code: 'INVALID_TRANSITION' }));
    expect(() => door.next('lock', 'closed')).toThrowError(expect.objectContaining({ code: 'REASON_REQUIRED' }));
    expect(() => door.next('lock', 'closed')).toThrow('请填写上锁理由');
  });

  it('checks role only when given', () => {
    expect(door.next('close', 'open', { role: 'hospital' })).toBe('closed');
    expect(() => door.next('close', 'open', { role: 'bureau' })).toThrow('省级医保局不能执行“关门”操作');
    expect(() => door.next('close', 'open', { role: 'bureau' })).toThrowError(expect.objectContaining({ code: 'ROLE_NOT_ALLOWED', status: 403 }));
    expect(door.can('close', 'open', 'bureau')).toBe(false);
    expect(door.can('close', 'open')).toBe(true);
  });

  it('refuses a malformed definition', () => {
    expect(() =>
      defineMachine({
        name: 'bad',
        states: { a: { zh: 'A', en: 'A', color: 'blue' } },
        // @ts-expect-error 'b' is not a state
        transitions: { go: { from: ['a'], to: 'b', by: [], zh: '走', en: 'Go' } },
      }),
    ).toThrow(/unknown state b/);
  });

  it('is frozen', () => {
    expect(Object.isFrozen(door)).toBe(true);
  });
});

describe('normaliseReason', () => {
  it('trims and nulls blanks', () => {
    expect(normaliseReason('  价格不符 ')).toBe('价格不符');
    expect(normaliseReason('\u3000')).toBeNull();
    expect(normaliseReason(undefined)).toBeNull();
    expect(normaliseReason(42)).toBeNull();
  });
});

describe('DomainError', () => {
  it('defaults to 400 and carries code, field, details', () => {
    const e = new DomainError('X_Y', '出错了');
    expect(e).toBeInstanceOf(Error);
    expect(e.name).toBe('DomainError');
    expect(e.status).toBe(400);
    expect(e.field).toBeUndefined();
    expect(e.toJSON()).toEqual({ code: 'X_Y', message: '出错了', status: 400 });
    const f = new DomainError('A', 'b', { status: 409, field: 'quantity', details: { n: 1 } });
    expect(f.toJSON()).toEqual({ code: 'A', message: 'b', status: 409, field: 'quantity', details: { n: 1 } });
  });

  it('helpers set the status convention', () => {
    expect(validationError('V', 'v', 'f').status).toBe(400);
    expect(validationError('V', 'v', 'f').field).toBe('f');
    expect(stateError('S', 's').status).toBe(409);
  });

  it('isDomainError recognises a look-alike from another bundle copy', () => {
    expect(isDomainError({ name: 'DomainError', code: 'A', status: 400, message: 'x' })).toBe(true);
    expect(isDomainError(new Error('x'))).toBe(false);
    expect(isDomainError(null)).toBe(false);
  });
});
