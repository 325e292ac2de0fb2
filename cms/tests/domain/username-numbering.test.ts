import { describe, expect, it } from 'vitest';
import { DomainError, freeUsernameSeqs, makeUsername, normaliseAccountInput, USERNAME_SEQ_MAX, usernameSeqExhausted } from '../../src/domain';

describe('usernames are canonical: one login whatever the case', () => {
  it('upper-cases the provincial account in the username and in the stored input', () => {
    expect(makeUsername('11', 'ps0001')).toBe('P11PS0001');
    expect(makeUsername('11', 'Ps0001')).toBe(makeUsername('11', 'PS0001'));
    expect(normaliseAccountInput({ provincialAccount: ' ps0001 ' }).provincialAccount).toBe('PS0001');
    expect(normaliseAccountInput({ creditCode: '91110000101118502x' }).creditCode).toBe('91110000101118502X');
  });
});

describe('freeUsernameSeqs: numbering skips taken usernames', () => {
  it('skips a username a provincial account already took (5089 → P145089)', () => {
    const taken = new Set([makeUsername('14', '5089'), makeUsername('14', '5091')]);
    expect(freeUsernameSeqs('14', 5089, 3, (u) => taken.has(u))).toEqual([5090, 5092, 5093]);
  });

  it('answers fewer when the range ends at 9999, none past it', () => {
    expect(freeUsernameSeqs('14', 9998, 5, () => false)).toEqual([9998, 9999]);
    expect(freeUsernameSeqs('14', USERNAME_SEQ_MAX + 1, 1, () => false)).toEqual([]);
    expect(freeUsernameSeqs('14', 0, 1, () => false)).toEqual([1]);
  });

  it('usernameSeqExhausted says so in Chinese with a stable code, what is needed and what is left', () => {
    const e = usernameSeqExhausted(2, 1);
    expect(e).toBeInstanceOf(DomainError);
    expect([e.code, e.status, e.field]).toEqual(['USERNAME_SEQ_EXHAUSTED', 409, 'provincialAccount']);
    expect(e.message).toContain('还可生成 1 个，本次需要 2 个');
    expect(e.details).toEqual({ needed: 2, available: 1 });
    expect(usernameSeqExhausted(1, 0).message).toContain('已无可用顺序码');
  });
});
