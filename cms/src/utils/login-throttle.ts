/**
 * The in-memory half of login protection: failed logins per client IP (a throttle: 429 with
 * Retry-After), and failures against identifiers that name no login, counted like real accounts so
 * that a lock does not tell which usernames exist. Real accounts count in the database (db/users.ts).
 *
 * Limits from the environment: LOGIN_IP_MAX_FAILURES failed logins per IP a minute (default 20; 0 = off,
 * the default in the test environment, whose suites log in from one address all the time),
 * LOGIN_LOCKOUT_MAX_FAILURES (default 10) and LOGIN_LOCKOUT_MINUTES (default 15).
 */
import { afterLoginFailure, DEFAULT_LOCKOUT, retryAfterSeconds, type LockoutPolicy, type LoginFailures } from '../domain/login-guard';

const WINDOW_MS = 60_000;
const MAX_KEYS = 10_000;

export interface LoginLimits {
  ipMaxFailures: number;
  lockout: LockoutPolicy;
}

const envNumber = (name: string, fallback: number) => {
  const v = Number(process.env[name] ?? fallback);
  return Number.isFinite(v) && v >= 0 ? v : fallback;
};

let override: Partial<LoginLimits> = {};

export function loginLimits(): LoginLimits {
  return {
    ipMaxFailures: override.ipMaxFailures ?? envNumber('LOGIN_IP_MAX_FAILURES', process.env.NODE_ENV === 'test' ? 0 : 20),
    lockout: override.lockout ?? {
      maxFailures: Math.max(1, envNumber('LOGIN_LOCKOUT_MAX_FAILURES', DEFAULT_LOCKOUT.maxFailures)),
      lockMs: envNumber('LOGIN_LOCKOUT_MINUTES', DEFAULT_LOCKOUT.lockMs / 60_000) * 60_000,
    },
  };
}

/** Test environment only: other limits for a while (an empty object restores the configured ones). */
export function setLoginLimits(limits: Partial<LoginLimits>): LoginLimits {
  if (process.env.NODE_ENV !== 'test') throw new Error('Login limits can only be changed in the test environment');
  override = limits;
  ipWindows.clear();
  return loginLimits();
}

const ipWindows = new Map<string, { start: number; count: number }>();
const unknownFailures = new Map<string, LoginFailures>();

function bounded<V>(map: Map<string, V>) {
  if (map.size >= MAX_KEYS) map.clear();
  return map;
}

/** Seconds the IP must wait before its next login, or 0 when it may try now. */
export function ipRetryAfter(ip: string, now: number): number {
  const max = loginLimits().ipMaxFailures;
  const w = ipWindows.get(ip);
  if (!max || !w || now - w.start >= WINDOW_MS || w.count < max) return 0;
  return retryAfterSeconds(w.start + WINDOW_MS, now);
}

export function recordIpFailure(ip: string, now: number): void {
  if (!loginLimits().ipMaxFailures) return;
  const w = ipWindows.get(ip);
  if (!w || now - w.start >= WINDOW_MS) bounded(ipWindows).set(ip, { start: now, count: 1 });
  else w.count++;
}

/** The failures and lock of an identifier that names no login. */
export function unknownIdentifierState(identifier: string): LoginFailures {
  return unknownFailures.get(identifier.toLowerCase()) ?? { failures: 0, lockedUntil: null };
}

/** Counts a failure against an unknown identifier; answers its state after it. */
export function recordUnknownFailure(identifier: string, now: number): LoginFailures {
  const next = afterLoginFailure(unknownIdentifierState(identifier), now, loginLimits().lockout);
  bounded(unknownFailures).set(identifier.toLowerCase(), next);
  return next;
}
