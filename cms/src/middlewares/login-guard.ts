import { accountLockedError, isLocked, retryAfterSeconds, tooManyLoginsError, type LoginFailures } from '../domain/login-guard';
import { clearLoginFailures, countLoginFailure, loginGuardRecord, type LoginGuardRecord } from '../db/users';
import { ipRetryAfter, loginLimits, recordIpFailure, recordUnknownFailure, unknownIdentifierState } from '../utils/login-throttle';
import { securityEvent } from '../utils/security-log';
import { canonicaliseLoginIdentifier } from '../db/login-identifier';

/**
 * Guards POST /api/auth/local around users-permissions' login (and our auth-hooks, which name its
 * refusals): an IP with too many failed logins a minute waits (429, Retry-After); an account with
 * LOGIN_LOCKOUT_MAX_FAILURES failures in a row is locked for LOGIN_LOCKOUT_MINUTES (423, Retry-After)
 * until then or until the bureau's 解锁; identifiers that name no login are counted and locked alike,
 * and their refusals take a password hash's time, so neither the answer nor its time tells which
 * usernames exist. Every outcome goes to the security log.
 */
// A bcrypt hash (cost 10, as users-permissions hashes) of a random secret nobody knows.
const DUMMY_HASH = '$2a$10$W/Dh8QOjeXwZjKIOpR0n3OJ1.3I5aZhu2Gr3AKTH7EM8pS6v2N6Ai';

interface LoginContext {
  method: string;
  path: string;
  ip: string;
  request: { body?: unknown };
  body: unknown;
  status: number;
  set(field: string, value: string): void;
}

const codeOf = (err: unknown) => (err as { code?: unknown } | null)?.code;

/** As long as checking a real password: refusals that check none must not answer sooner. */
async function spendPasswordCheck(password: unknown): Promise<void> {
  const users = strapi.plugin('users-permissions').service('user') as { validatePassword(p: string, h: string): Promise<boolean> };
  await users.validatePassword(typeof password === 'string' ? password : '', DUMMY_HASH);
}

async function countFailure(record: LoginGuardRecord | null, identifier: string, now: number): Promise<LoginFailures> {
  return record ? countLoginFailure(record.id, now, loginLimits().lockout) : recordUnknownFailure(identifier, now);
}

export default () => async (ctx: LoginContext, next: () => Promise<void>) => {
  if (ctx.method !== 'POST' || ctx.path !== '/api/auth/local') return next();
  const now = Date.now();
  // One login whatever the case of its username: the guard counts failures against the login it names.
  await canonicaliseLoginIdentifier(ctx.request);
  const body = (ctx.request.body ?? {}) as { identifier?: unknown; password?: unknown };
  const identifier = typeof body.identifier === 'string' ? body.identifier : '';
  const wait = ipRetryAfter(ctx.ip, now);
  if (wait) {
    ctx.set('Retry-After', String(wait));
    securityEvent({ event: 'login.throttled', outcome: 'failure', username: identifier || null, status: 429, code: 'TOO_MANY_LOGINS' });
    throw tooManyLoginsError(wait);
  }
  if (!identifier || typeof body.password !== 'string') return next();
  const record = await loginGuardRecord(identifier);
  const who = { userId: record?.id ?? null, username: record?.username ?? identifier, organisationId: record?.organisationId ?? null };
  const before: LoginFailures = record ? { failures: record.failures, lockedUntil: record.lockedUntil } : unknownIdentifierState(identifier);
  if (before.lockedUntil !== null && isLocked(before.lockedUntil, now)) {
    await spendPasswordCheck(body.password);
    ctx.set('Retry-After', String(retryAfterSeconds(before.lockedUntil, now)));
    securityEvent({ event: 'login.locked', outcome: 'failure', ...who, status: 423, code: 'ACCOUNT_LOCKED' });
    throw accountLockedError(before.lockedUntil, now);
  }
  try {
    await next();
  } catch (err) {
    const code = codeOf(err);
    if (code === 'INVALID_CREDENTIALS') {
      if (!record) await spendPasswordCheck(body.password);
      recordIpFailure(ctx.ip, now);
      const after = await countFailure(record, identifier, now);
      securityEvent({ event: 'login.failure', outcome: 'failure', ...who, code, detail: { failures: after.failures } });
      if (after.lockedUntil !== null && after.lockedUntil !== before.lockedUntil) {
        securityEvent({
          event: 'account.locked',
          outcome: 'success',
          ...who,
          detail: { failures: after.failures, lockedUntil: new Date(after.lockedUntil).toISOString() },
        });
      }
    } else {
      securityEvent({ event: 'login.failure', outcome: 'failure', ...who, code: typeof code === 'string' ? code : undefined });
    }
    throw err;
  }
  if (ctx.status !== 200) return;
  if (record && (before.failures > 0 || before.lockedUntil !== null)) await clearLoginFailures(record.id);
  securityEvent({ event: 'login.success', outcome: 'success', ...who });
};
