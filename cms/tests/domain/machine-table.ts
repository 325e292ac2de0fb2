/**
 * Shared checker for the exhaustive machine tests. The expected tables are written out by hand in
 * machines.test.ts; nothing here derives expectations from the machine under test.
 */
import { expect, it } from 'vitest';
import { DomainError, ROLES, type Machine } from '../../src/domain';

export interface ExpectedTransition {
  from: string[];
  to: string;
  by: string[];
  reason: boolean;
  zh: string;
  en: string;
}

export interface ExpectedMachine {
  name: string;
  states: Record<string, { zh: string; en: string }>;
  transitions: Record<string, ExpectedTransition>;
}

function catchError(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(DomainError);
    return e as DomainError;
  }
  throw new Error('expected a DomainError, nothing was thrown');
}

/** Registers the exhaustive tests of `machine` against the hand-written `expected` table. */
export function checkMachine(machine: Machine, expected: ExpectedMachine): void {
  const states = Object.keys(expected.states);
  const transitions = Object.keys(expected.transitions);

  it('has exactly the expected name, states and transitions', () => {
    expect(machine.name).toBe(expected.name);
    expect([...machine.stateNames].sort()).toEqual([...states].sort());
    expect([...machine.transitionNames].sort()).toEqual([...transitions].sort());
  });

  it('labels every state in zh-CN and en-US and gives it a colour', () => {
    for (const s of states) {
      expect(machine.label(s, 'zh-CN')).toBe(expected.states[s]!.zh);
      expect(machine.label(s, 'en-US')).toBe(expected.states[s]!.en);
      expect(machine.label(s)).toBe(expected.states[s]!.zh);
      expect(typeof machine.color(s)).toBe('string');
      expect(machine.color(s)).not.toBe('');
    }
  });

  it('labels every action and declares its roles and reason requirement', () => {
    for (const t of transitions) {
      const e = expected.transitions[t]!;
      expect(machine.actionLabel(t, 'zh-CN')).toBe(e.zh);
      expect(machine.actionLabel(t, 'en-US')).toBe(e.en);
      expect([...machine.transitions[t]!.by].sort()).toEqual([...e.by].sort());
      expect(machine.requiresReason(t)).toBe(e.reason);
    }
  });

  for (const t of transitions) {
    const e = expected.transitions[t]!;
    for (const s of states) {
      const ok = e.from.includes(s);
      it(`${t} from ${s}: ${ok ? `allowed → ${e.to}` : 'refused'}`, () => {
        expect(machine.can(t, s)).toBe(ok);
        if (ok) {
          expect(machine.next(t, s, { reason: '理由' })).toBe(e.to);
          if (e.reason) {
            for (const blank of [undefined, null, '', '   ', '\u3000\t\n']) {
              const err = catchError(() => machine.next(t, s, { reason: blank }));
              expect(err.code).toBe('REASON_REQUIRED');
              expect(err.status).toBe(400);
              expect(err.field).toBe('reason');
            }
            const long = catchError(() => machine.next(t, s, { reason: 'x'.repeat(501) }));
            expect(long.code).toBe('REASON_TOO_LONG');
            expect(machine.next(t, s, { reason: 'x'.repeat(500) })).toBe(e.to);
          } else {
            expect(machine.next(t, s)).toBe(e.to);
            expect(machine.next(t, s, { reason: '' })).toBe(e.to);
          }
        } else {
          const err = catchError(() => machine.next(t, s, { reason: '理由' }));
          expect(err.code).toBe('INVALID_TRANSITION');
          expect(err.status).toBe(409);
          expect(err.message).toContain(expected.states[s]!.zh);
          expect(err.message).toContain(e.zh);
        }
      });
    }
    it(`${t}: only the roles it names may take it, and only from its from-states`, () => {
      for (const role of ROLES) {
        const mayAct = e.by.includes(role);
        for (const s of states) {
          expect(machine.can(t, s, role)).toBe(mayAct && e.from.includes(s));
        }
        const s0 = e.from[0]!;
        if (mayAct) {
          expect(machine.next(t, s0, { reason: '理由', role })).toBe(e.to);
        } else {
          const err = catchError(() => machine.next(t, s0, { reason: '理由', role }));
          expect(err.code).toBe('ROLE_NOT_ALLOWED');
          expect(err.status).toBe(403);
        }
      }
    });
  }

  it('refuses unknown states and actions', () => {
    const t0 = transitions[0]!;
    expect(machine.can(t0, 'no_such_state')).toBe(false);
    expect(machine.can('noSuchAction', states[0]!)).toBe(false);
    expect(catchError(() => machine.next(t0, 'no_such_state', { reason: 'r' })).code).toBe('INVALID_TRANSITION');
    expect(catchError(() => machine.next('noSuchAction', states[0]!)).code).toBe('UNKNOWN_TRANSITION');
    expect(catchError(() => machine.next('toString', states[0]!)).code).toBe('UNKNOWN_TRANSITION');
    expect(machine.can('toString', states[0]!)).toBe(false);
    expect(machine.can(t0, '__proto__')).toBe(false);
    expect(machine.allowed('no_such_state')).toEqual([]);
    expect(machine.label('no_such_state')).toBe('no_such_state');
    expect(machine.color('no_such_state')).toBe('default');
  });

  it('allowed(from) lists exactly the actions whose from-states include it', () => {
    for (const s of states) {
      const want = transitions.filter((t) => expected.transitions[t]!.from.includes(s)).sort();
      expect([...machine.allowed(s)].sort()).toEqual(want);
      for (const role of ROLES) {
        const wantRole = want.filter((t) => expected.transitions[t]!.by.includes(role));
        expect([...machine.allowed(s, role)].sort()).toEqual(wantRole);
      }
    }
  });
}
