/**
 * Login protection (ASVS V6.3): a per-account lockout after repeated failed logins, time-limited, that
 * the bureau can lift for its distributors; and which sessions a password change, 重置密码, 禁用 or
 * 退出登录 ended (tokens issued before the user's `tokensValidAfter` are refused).
 */
import { DomainError } from './errors';

export interface LockoutPolicy {
  /** Failed logins in a row that lock the account. */
  maxFailures: number;
  /** How long a lock lasts. */
  lockMs: number;
}
export const DEFAULT_LOCKOUT: LockoutPolicy = { maxFailures: 10, lockMs: 15 * 60_000 };

export interface LoginFailures {
  failures: number;
  /** Epoch ms until which the account is locked, or null. */
  lockedUntil: number | null;
}

/** Whether the account is locked at `now`. */
export function isLocked(lockedUntil: number | null | undefined, now: number): boolean {
  return typeof lockedUntil === 'number' && Number.isFinite(lockedUntil) && lockedUntil > now;
}

/** The count after one more failed login; the one that reaches the limit locks the account. A lock that ran out starts a fresh count; a running one is kept as is. */
export function afterLoginFailure(before: LoginFailures, now: number, policy: LockoutPolicy = DEFAULT_LOCKOUT): LoginFailures {
  const expired = before.lockedUntil !== null && !isLocked(before.lockedUntil, now);
  const failures = (expired ? 0 : before.failures) + 1;
  if (before.lockedUntil !== null && !expired) return { failures, lockedUntil: before.lockedUntil }; // a lock is never extended
  return failures >= policy.maxFailures ? { failures, lockedUntil: now + policy.lockMs } : { failures, lockedUntil: expired ? null : before.lockedUntil };
}

/** Whole seconds until the lock ends (at least 1), for `Retry-After`. */
export function retryAfterSeconds(until: number, now: number): number {
  return Math.max(1, Math.ceil((until - now) / 1000));
}

/** The refusal a locked account gets at login (423 Locked, with the minutes left). */
export function accountLockedError(lockedUntil: number, now: number): DomainError {
  const minutes = Math.max(1, Math.ceil((lockedUntil - now) / 60_000));
  return new DomainError('ACCOUNT_LOCKED', `连续登录失败次数过多，账号已锁定，请 ${minutes} 分钟后再试，或联系省级医保局解锁`, {
    status: 423,
    details: { retryAfterSeconds: retryAfterSeconds(lockedUntil, now) },
  });
}

/** The refusal of a throttled login (429). */
export function tooManyLoginsError(retryAfter: number): DomainError {
  return new DomainError('TOO_MANY_LOGINS', `登录尝试过于频繁，请 ${retryAfter} 秒后再试`, { status: 429, details: { retryAfterSeconds: retryAfter } });
}

/**
 * Whether a token issued at `issuedAtMs` is still valid for a user whose sessions were last ended at
 * `tokensValidAfter` (epoch ms, null when never). A token without an issue time counts as ended.
 */
export function tokenStillValid(issuedAtMs: number | null, tokensValidAfter: number | null): boolean {
  if (tokensValidAfter === null) return true;
  return issuedAtMs !== null && issuedAtMs >= tokensValidAfter;
}
