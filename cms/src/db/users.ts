/**
 * The one adapter that writes Strapi's internal user tables (`up_users`, `up_users_role_lnk`,
 * `up_users_organisation_lnk`) with plain SQL: bulk 发放 must not hash or go through the entity
 * service per row. Raw writes bypass Strapi's lifecycles, so every write that changes who may do what
 * (block, password) announces it with `authChanged` once its transaction ends. A login changes
 * nothing of the kind and announces nothing.
 */
import { createId } from '@paralleldrive/cuid2';
import type { Knex } from 'knex';
import { afterLoginFailure, type LockoutPolicy, type LoginFailures } from '../domain/login-guard';
import { authChanged } from '../utils/auth-events';
import { notifyCluster } from './cluster-bus';

const CHUNK = 300;
const db = (): Knex => strapi.db.connection as unknown as Knex;

function chunks<X>(xs: readonly X[], n = CHUNK): X[][] {
  const out: X[][] = [];
  for (let i = 0; i < xs.length; i += n) out.push(xs.slice(i, i + n));
  return out;
}

/**
 * Announces the change when the transaction `k` ends (at once outside one): never before the commit.
 * The other server processes hear it through `k` too, so PostgreSQL delivers it with the commit,
 * before this process answers (db/cluster-bus.ts).
 */
async function announce(k: Knex, userIds: number[]): Promise<void> {
  const change = { userIds };
  await notifyCluster(k, { kind: 'auth', userIds });
  const tx = k as unknown as Partial<Knex.Transaction>;
  if (tx.isTransaction && tx.executionPromise) {
    tx.executionPromise.then(
      () => authChanged(change),
      () => authChanged(change),
    );
  } else authChanged(change);
}

export interface NewLogin {
  username: string;
  displayName: string;
  /** A bcrypt hash, stored as is (the bureau's initial password). */
  passwordHash: string;
  roleId: number;
  organisationId: number;
  mustChangePassword: boolean;
  /** An operator 经办人 of the organisation (not its administrator login). */
  isOperator?: boolean;
  phone?: string | null;
}

/** A bcrypt hash of `password`, as users-permissions stores it (~60 ms: never per row of a bulk write). */
export async function hashPassword(password: string): Promise<string> {
  const users = strapi.plugin('users-permissions').service('user') as { ensureHashedPasswords(v: { password: string }): Promise<{ password: string }> };
  return (await users.ensureHashedPasswords({ password })).password;
}

/** The id of the users-permissions role of `type`, or null. */
export async function roleIdOf(k: Knex, type: string): Promise<number | null> {
  const row = await k('up_roles').where('type', type).first('id');
  return row ? Number(row.id) : null;
}

/** Logins whose username is one of `names` whatever the case (usernames are unique case-insensitively), as stored. */
export async function existingUsernames(k: Knex, names: readonly string[]): Promise<Set<string>> {
  const taken = new Set<string>();
  for (const part of chunks([...new Set(names.map((n) => n.toLowerCase()))], 400)) {
    for (const r of await k('up_users')
      .whereRaw(`lower(username) in (${part.map(() => '?').join(', ')})`, part)
      .select('username'))
      taken.add(String(r.username));
  }
  return taken;
}

/** Creates confirmed local logins with their role and organisation links; answers user ids by username. */
export async function createLogins(k: Knex, logins: readonly NewLogin[], at: Date): Promise<Map<string, number>> {
  const docs = new Map<string, string>();
  for (const part of chunks(logins, 200)) {
    await k('up_users').insert(
      part.map((l) => {
        const documentId = createId();
        docs.set(documentId, l.username);
        return {
          document_id: documentId,
          username: l.username,
          email: null,
          provider: 'local',
          password: l.passwordHash,
          confirmed: true,
          blocked: false,
          display_name: l.displayName,
          must_change_password: l.mustChangePassword,
          is_operator: l.isOperator ?? false,
          phone: l.phone ?? null,
          created_at: at,
          updated_at: at,
          published_at: at,
        };
      }),
    );
  }
  const ids = new Map<string, number>();
  for (const part of chunks([...docs.keys()], 500)) {
    for (const u of await k('up_users').whereIn('document_id', part).select('id', 'document_id')) ids.set(docs.get(String(u.document_id))!, Number(u.id));
  }
  const links = logins.map((l) => ({ userId: ids.get(l.username)!, login: l }));
  for (const part of chunks(links)) {
    await k('up_users_role_lnk').insert(part.map((x) => ({ user_id: x.userId, role_id: x.login.roleId, user_ord: 1 })));
    await k('up_users_organisation_lnk').insert(part.map((x) => ({ user_id: x.userId, organisation_id: x.login.organisationId, user_ord: 1 })));
  }
  return ids;
}

/**
 * 禁用 / 启用: a blocked user is refused at login and its tokens stop working. Both end every session
 * issued before (sessionsEndedAt), so 启用 never revives a token from before 禁用.
 */
export async function setBlocked(k: Knex, userId: number, blocked: boolean, at: Date): Promise<void> {
  await k('up_users').where('id', userId).update({ blocked, updated_at: at, tokens_valid_after: sessionsEndedAt() });
  await announce(k, [userId]);
}

/** 重置密码: a stored hash, and whether the holder must change it before anything else; every earlier session ends. */
export async function setPasswordHash(k: Knex, userId: number, passwordHash: string, mustChangePassword: boolean, at: Date): Promise<void> {
  await k('up_users')
    .where('id', userId)
    .update({ password: passwordHash, must_change_password: mustChangePassword, updated_at: at, tokens_valid_after: sessionsEndedAt() });
  await announce(k, [userId]);
}

/** The name shown for the login (the company name after 编辑), with its organisation renamed: cached actors are dropped. */
export async function setDisplayName(k: Knex, userId: number, displayName: string, at: Date): Promise<void> {
  await k('up_users').where('id', userId).update({ display_name: displayName, updated_at: at });
  // The organisation's name changed with it: cached actors carry it.
  await announce(k, [userId]);
}

/** An operator's name and phone (经办人 编辑): nothing about who may do what changes. */
export async function setOperatorDetails(k: Knex, userId: number, displayName: string, phone: string, at: Date): Promise<void> {
  await k('up_users').where('id', userId).update({ display_name: displayName, phone, updated_at: at });
  // The history names the operator from the cached actor: drop it.
  await announce(k, [userId]);
}

/** 停用 / 启用 of an organisation: its logins are refused (or allowed again) from the next request. */
export async function setOrganisationEnabled(k: Knex, orgId: number, enabled: boolean, at: Date): Promise<void> {
  await k('organisations').where('id', orgId).update({ enabled, updated_at: at });
  const ids = (await k('up_users_organisation_lnk').where('organisation_id', orgId).select('user_id')).map((r) => Number(r.user_id));
  await announce(k, ids);
}

/** After a password change: the forced change is done. */
export async function clearMustChangePassword(userId: number, at: Date): Promise<void> {
  const k = db();
  await k('up_users').where('id', userId).update({ must_change_password: false, updated_at: at });
  await announce(k, [userId]);
}

/** The time of a successful login, on the login and on the distributor account it belongs to (是否登录). */
export async function recordLogin(userId: number, at: Date): Promise<void> {
  const k = db();
  await k('up_users').where('id', userId).update({ last_login_at: at });
  await k('distributor_accounts').where('user_id', userId).update({ last_login_at: at });
}

/**
 * Tokens issued before this instant are refused (strapi-patches/session-revocation.ts). Real time,
 * never the business clock tests may move (utils/clock), because token issue times are real; one
 * millisecond ahead so that a token issued in the same millisecond as the end is refused too.
 */
const sessionsEndedAt = () => Date.now() + 1;

/**
 * Ends every session of the users issued up to now: each token issued before is refused from the next
 * request on (退出登录, 修改密码, 重置密码, 禁用, and whoever else must end a user's sessions).
 * `keepFrom` keeps tokens issued from that epoch ms on (the fresh token a password change answers).
 */
export async function endAllSessions(userIds: readonly number[], opts: { k?: Knex; keepFrom?: number } = {}): Promise<void> {
  const k = opts.k ?? db();
  const validAfter = opts.keepFrom ?? sessionsEndedAt();
  for (const part of chunks(userIds)) await k('up_users').whereIn('id', part).update({ tokens_valid_after: validAfter });
  await announce(k, [...userIds]);
}

/** What the login guard reads of a login (domain/login-guard.ts). */
export interface LoginGuardRecord {
  id: number;
  username: string;
  organisationId: number | null;
  failures: number;
  lockedUntil: number | null;
}
const epochMs = (v: unknown): number | null => (v === null || v === undefined || v === '' ? null : Number(v));

/**
 * The local login a login identifier names, as users-permissions looks it up (the e-mail in lower
 * case, or the username), or null.
 */
export async function loginGuardRecord(identifier: string): Promise<LoginGuardRecord | null> {
  const row = await db()('up_users as u')
    .leftJoin('up_users_organisation_lnk as l', 'l.user_id', 'u.id')
    .where('u.provider', 'local')
    .andWhere((q) => q.where('u.email', identifier.toLowerCase()).orWhere('u.username', identifier))
    .first('u.id', 'u.username', 'u.failed_logins', 'u.locked_until', 'l.organisation_id');
  if (!row) return null;
  const organisationId = row.organisation_id === null || row.organisation_id === undefined ? null : Number(row.organisation_id);
  return {
    id: Number(row.id),
    username: String(row.username),
    organisationId,
    failures: Number(row.failed_logins ?? 0),
    lockedUntil: epochMs(row.locked_until),
  };
}

/**
 * Counts one more failed login of `userId` atomically (parallel attempts cannot undercount): a lock
 * that ran out starts a fresh count; the failure that reaches the policy's limit sets the lock
 * (domain/login-guard.ts). Answers the state after it. No authentication change: a lock is checked at login only.
 */
export async function countLoginFailure(userId: number, now: number, policy: LockoutPolicy): Promise<LoginFailures> {
  const k = db();
  const restarted = await k('up_users')
    .where('id', userId)
    .whereNotNull('locked_until')
    .where('locked_until', '<=', now)
    .update({ failed_logins: 1, locked_until: null });
  if (!restarted)
    await k('up_users')
      .where('id', userId)
      .update({ failed_logins: k.raw('coalesce(failed_logins, 0) + 1') });
  const row = await k('up_users').where('id', userId).first('failed_logins', 'locked_until');
  const failures = Number(row?.failed_logins ?? 1);
  const current = epochMs(row?.locked_until);
  const after = afterLoginFailure({ failures: failures - 1, lockedUntil: current }, now, policy);
  if (after.lockedUntil !== null && current === null)
    await k('up_users').where('id', userId).whereNull('locked_until').update({ locked_until: after.lockedUntil });
  return after;
}

/** 解锁 (and a successful login): no failed logins, no lock. */
export async function clearLoginFailures(userId: number, k: Knex = db()): Promise<void> {
  await k('up_users').where('id', userId).update({ failed_logins: 0, locked_until: null });
}

/** The username and organisation of a login, for the security log. */
export async function loginIdentity(userId: number): Promise<{ username: string | null; organisationId: number | null }> {
  const row = await db()('up_users as u')
    .leftJoin('up_users_organisation_lnk as l', 'l.user_id', 'u.id')
    .where('u.id', userId)
    .first('u.username', 'l.organisation_id');
  return {
    username: row?.username ?? null,
    organisationId: row?.organisation_id === null || row?.organisation_id === undefined ? null : Number(row.organisation_id),
  };
}
