import { describe, expect, it } from 'vitest';
import {
  accountLockedError,
  afterLoginFailure,
  DEFAULT_LOCKOUT,
  isLocked,
  retryAfterSeconds,
  tokenStillValid,
  tooManyLoginsError,
} from '../../src/domain/login-guard';

const T = 1_800_000_000_000;

describe('login lockout', () => {
  it('locks at the 10th failure in a row, for 15 minutes', () => {
    let s = { failures: 0, lockedUntil: null as number | null };
    for (let i = 1; i < 10; i++) {
      s = afterLoginFailure(s, T);
      expect(s).toEqual({ failures: i, lockedUntil: null });
    }
    s = afterLoginFailure(s, T);
    expect(s).toEqual({ failures: 10, lockedUntil: T + DEFAULT_LOCKOUT.lockMs });
    expect(isLocked(s.lockedUntil, T + DEFAULT_LOCKOUT.lockMs - 1)).toBe(true);
    expect(isLocked(s.lockedUntil, T + DEFAULT_LOCKOUT.lockMs)).toBe(false);
  });

  it('starts a fresh count once a lock ran out; a policy may differ', () => {
    expect(afterLoginFailure({ failures: 10, lockedUntil: T - 1 }, T)).toEqual({ failures: 1, lockedUntil: null });
    expect(afterLoginFailure({ failures: 10, lockedUntil: T + 5 }, T)).toEqual({ failures: 11, lockedUntil: T + 5 });
    expect(afterLoginFailure({ failures: 1, lockedUntil: null }, T, { maxFailures: 2, lockMs: 1000 })).toEqual({ failures: 2, lockedUntil: T + 1000 });
  });

  it('is not locked without a time', () => {
    expect(isLocked(null, T)).toBe(false);
    expect(isLocked(undefined, T)).toBe(false);
    expect(isLocked(Number.NaN, T)).toBe(false);
  });

  it('answers Retry-After in whole seconds, at least 1', () => {
    expect(retryAfterSeconds(T + 1500, T)).toBe(2);
    expect(retryAfterSeconds(T - 10, T)).toBe(1);
  });

  it('refuses a locked login with 423, the minutes left in Chinese, and a throttled one with 429', () => {
    const locked = accountLockedError(T + 14 * 60_000 + 1, T);
    expect(locked).toMatchObject({ code: 'ACCOUNT_LOCKED', status: 423, details: { retryAfterSeconds: 14 * 60 + 1 } });
    expect(locked.message).toContain('请 15 分钟后再试');
    const throttled = tooManyLoginsError(42);
    expect(throttled).toMatchObject({ code: 'TOO_MANY_LOGINS', status: 429 });
    expect(throttled.message).toBe('登录尝试过于频繁，请 42 秒后再试');
  });
});

describe('ended sessions', () => {
  it('keeps tokens issued from the end on, refuses earlier ones and tokens without an issue time', () => {
    expect(tokenStillValid(T, null)).toBe(true);
    expect(tokenStillValid(null, null)).toBe(true);
    expect(tokenStillValid(T, T)).toBe(true);
    expect(tokenStillValid(T - 1, T)).toBe(false);
    expect(tokenStillValid(null, T)).toBe(false);
  });
});
