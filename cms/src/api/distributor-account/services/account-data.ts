/**
 * What the account services share: the table and its row, the answer's shape (AccountRow), who may
 * manage accounts, loading a row for a write (the one ownership check), the write transaction that
 * invalidates the list's cached totals, and the duplicate checks of usernames and credit codes.
 * Not a service of its own (Strapi registers every file here; its factory answers nothing).
 */
import { errors as strapiErrors } from '@strapi/utils';
import type { Knex } from 'knex';
import {
  accountActionsFor,
  isLocked,
  ACCOUNT_STATE,
  freeUsernameSeqs,
  makeUsername,
  USERNAME_SEQ_MAX,
  usernameSeqExhausted,
  type AccountRow,
  type AccountState,
  type AccountStateName,
} from '../../../domain';
import { DomainError } from '../../../domain/errors';
import { bumpCounts } from '../../../db/count-cache';
import { areaCodes, regionNames } from '../../../db/region-names';
import { existingUsernames, hashPassword } from '../../../db/users';
import { dbIso } from '../../../db/values';
import { assertOwner, type Actor } from '../../../scope';
import { oneTimePassword } from '../../../utils/one-time-password';

export const ACCOUNTS = 'distributor_accounts';
export const ACCOUNT_UID = 'api::distributor-account.distributor-account';
/** The family of the list's cached totals (db/count-cache). */
export const ACCOUNT_COUNTS = 'accounts';

/** A row of distributor_accounts (column names), with the organisation's areas when joined. */
export interface AccountRecord {
  id: number;
  document_id: string;
  username: string;
  provincial_account: string | null;
  company_name: string;
  credit_code: string;
  legal_person: string | null;
  authorised_person: string | null;
  phone: string | null;
  province_code: string;
  seq: number | null;
  bureau_org_id: number;
  organisation_id: number | null;
  user_id: number | null;
  issued: boolean | number | null;
  issued_at: unknown;
  enabled: boolean | number | null;
  last_login_at: unknown;
  created_at: unknown;
  area_codes?: unknown;
  /** The login's lock (epoch ms), when joined (withLoginLock). */
  locked_until?: unknown;
}

/** Joins the login's lock to a query of `distributor_accounts as a`, for the row's 解锁 action. */
export function withLoginLock(q: Knex.QueryBuilder): Knex.QueryBuilder {
  return q.leftJoin('up_users as u', 'u.id', 'a.user_id').select('u.locked_until as locked_until');
}

export const knex = (): Knex => strapi.db.connection as unknown as Knex;

/** SQLite answers 0/1, PostgreSQL booleans. */
export const asBool = (v: unknown) => v === true || v === 1 || v === '1' || v === 't' || v === 'true';

export function stateOf(r: AccountRecord): AccountState {
  const locked = r.locked_until !== null && r.locked_until !== undefined && isLocked(Number(r.locked_until), Date.now());
  return { issued: asBool(r.issued), enabled: r.enabled === null || r.enabled === undefined ? true : asBool(r.enabled), locked };
}

export function chunks<X>(xs: readonly X[], n = 400): X[][] {
  const out: X[][] = [];
  for (let i = 0; i < xs.length; i += n) out.push(xs.slice(i, i + n));
  return out;
}

export function toAccountRow(actor: Actor, r: AccountRecord, names: Map<string, string>): AccountRow {
  const state = stateOf(r);
  const codes = areaCodes(r.area_codes);
  return {
    id: r.id,
    documentId: r.document_id,
    username: r.username,
    provincialAccount: r.provincial_account ?? '',
    companyName: r.company_name,
    creditCode: r.credit_code,
    legalPerson: r.legal_person ?? '',
    authorisedPerson: r.authorised_person ?? '',
    phone: r.phone ?? '',
    provinceCode: r.province_code,
    issued: state.issued,
    issuedAt: dbIso(r.issued_at),
    enabled: state.enabled,
    loggedIn: r.last_login_at !== null && r.last_login_at !== undefined,
    lastLoginAt: dbIso(r.last_login_at),
    createdAt: dbIso(r.created_at),
    distributionAreaCodes: codes,
    distributionAreas: codes.map((c) => names.get(c) ?? c),
    actions: accountActionsFor(actor, { ...state, provinceCode: r.province_code }),
  };
}

/** The row `id` as the API answers it (with the organisation's areas). */
export async function accountRowById(actor: Actor, k: Knex, id: number): Promise<AccountRow> {
  const r = await withLoginLock(k(`${ACCOUNTS} as a`))
    .leftJoin('organisations as o', 'o.id', 'a.organisation_id')
    .where('a.id', id)
    .first('a.*', 'o.distribution_area_codes as area_codes');
  return toAccountRow(actor, r as AccountRecord, await regionNames(k));
}

const ROLE_REFUSED = '仅省级医保局可管理配送企业账号';

/** The province whose rows the actor reads: its own for a bureau, all (null) for the platform admin. */
export function readerProvince(actor: Actor): string | null {
  if (actor.role === 'platform_admin') return null;
  return requireBureau(actor).provinceCode;
}

export function requireBureau(actor: Actor): { provinceCode: string; orgId: number } {
  if (actor.role !== 'bureau' || !actor.provinceCode) throw new DomainError('ROLE_NOT_ALLOWED', ROLE_REFUSED, { status: 403 });
  return { provinceCode: actor.provinceCode, orgId: actor.orgId };
}

const OWNERSHIP = { columns: true, readAttrs: ['organisationId', 'bureauOrgId', 'provinceCode'], message: '该账号不属于本局管理，无权执行此操作' };

/** Throws 404 unless the actor reads the row, 403 NOT_OWNER unless its bureau manages it. */
export function assertManages(actor: Actor, row: AccountRecord | null | undefined): asserts row is AccountRecord {
  assertOwner(actor, ACCOUNT_UID, row as unknown as Record<string, unknown> | null, 'bureauOrgId', OWNERSHIP);
}

/** Loads a row for a write by the bureau that manages it. */
export async function loadForWrite(actor: Actor, documentId: string, k: Knex): Promise<AccountRecord> {
  requireBureau(actor);
  const row = (await k(ACCOUNTS).where('document_id', documentId).first()) as AccountRecord | undefined;
  assertManages(actor, row);
  return row;
}

/** A write transaction over account rows; the list's cached totals are invalidated once it ends. */
export async function writeTx<R>(fn: (trx: Knex) => Promise<R>): Promise<R> {
  try {
    return await strapi.db.transaction(async ({ trx }) => fn(trx as unknown as Knex));
  } finally {
    bumpCounts(ACCOUNT_COUNTS);
  }
}

/** A 400 with several field errors (the panel puts each next to its input). */
export function fieldErrors(errs: { field: string; message: string }[], code = 'ACCOUNT_INVALID'): Error {
  return new strapiErrors.ValidationError(errs[0]?.message ?? '输入有误', {
    code,
    errors: errs.map((e) => ({ path: [e.field], message: e.message, name: code })),
  });
}

export async function nextSeq(provinceCode: string, k: Knex = knex()): Promise<number> {
  const r = await k(ACCOUNTS).where('province_code', provinceCode).max({ m: 'seq' }).first();
  return Number(r?.m ?? 0) + 1;
}

/** `?, ?, …` for the values of an IN list. */
const marks = (values: readonly unknown[]) => values.map(() => '?').join(', ');

/** Usernames among `names` already taken by accounts or logins, whatever their case (answers the names as given). */
export async function takenUsernames(names: string[], k: Knex = knex(), exceptAccountId?: number): Promise<Set<string>> {
  const byLower = new Map<string, string[]>();
  for (const n of new Set(names)) byLower.set(n.toLowerCase(), [...(byLower.get(n.toLowerCase()) ?? []), n]);
  const taken = new Set<string>();
  const mark = (u: string) => {
    for (const n of byLower.get(u.toLowerCase()) ?? []) taken.add(n);
  };
  for (const part of chunks([...byLower.keys()])) {
    const q = k(ACCOUNTS)
      .whereRaw(`lower(username) in (${marks(part)})`, part)
      .select('username');
    if (exceptAccountId) q.whereNot('id', exceptAccountId);
    for (const r of await q) mark(String(r.username));
  }
  for (const u of await existingUsernames(k, [...byLower.keys()])) mark(u);
  return taken;
}

/**
 * The next `count` sequence numbers of the province whose usernames are free (not taken by accounts or
 * logins, nor `reserved` by the same request), or 409 USERNAME_SEQ_EXHAUSTED when the range ends first.
 */
export async function freeSeqs(provinceCode: string, count: number, k: Knex = knex(), reserved: Iterable<string> = []): Promise<number[]> {
  if (count <= 0) return [];
  const mine = new Set([...reserved].map((u) => u.toLowerCase()));
  const out: number[] = [];
  let from = await nextSeq(provinceCode, k);
  while (out.length < count && from <= USERNAME_SEQ_MAX) {
    const to = Math.min(USERNAME_SEQ_MAX, from + count - out.length + 200);
    const names = Array.from({ length: to - from + 1 }, (_, i) => makeUsername(provinceCode, null, from + i));
    const taken = await takenUsernames(names, k);
    out.push(...freeUsernameSeqs(provinceCode, from, count - out.length, (u) => taken.has(u) || mine.has(u.toLowerCase())).filter((s) => s <= to));
    from = to + 1;
  }
  if (out.length < count) throw usernameSeqExhausted(count, out.length);
  return out;
}

/**
 * Credit codes among `codes` (upper case, as normaliseCreditCode gives them) already used: account rows
 * (→ company name; stored normalised) and organisations (→ name; whatever the case they were stored in).
 */
export async function takenCreditCodes(codes: string[], k: Knex = knex(), except?: { accountId?: number; orgId?: number | null }) {
  const taken = new Map<string, string>();
  for (const part of chunks([...new Set(codes.map((c) => c.toUpperCase()))])) {
    const q = k(ACCOUNTS).whereIn('credit_code', part).select('credit_code', 'company_name');
    if (except?.accountId) q.whereNot('id', except.accountId);
    for (const r of await q) taken.set(String(r.credit_code).toUpperCase(), `配送企业账号“${r.company_name}”`);
    const o = k('organisations')
      .whereRaw(`upper(credit_code) in (${marks(part)})`, part)
      .select('credit_code', 'name');
    if (except?.orgId) o.whereNot('id', except.orgId);
    for (const r of await o) if (!taken.has(String(r.credit_code).toUpperCase())) taken.set(String(r.credit_code).toUpperCase(), `平台机构“${r.name}”`);
  }
  return taken;
}

/**
 * The bureau's initial password hash (what 发放 and 重置密码 give). A bureau without one (made
 * outside the onboarding page) gets a random one here, once, answered as `generated` so the bureau sees
 * it: 发放 never fails for want of an initial password.
 */
export async function initialPasswordHash(k: Knex, bureauOrgId: number): Promise<{ hash: string; generated?: string }> {
  const bureau = await k('organisations').where('id', bureauOrgId).first('initial_password_hash');
  const hash: string | null = bureau?.initial_password_hash ?? null;
  if (hash) return { hash };
  const generated = oneTimePassword();
  const fresh = await hashPassword(generated);
  const n = await k('organisations').where('id', bureauOrgId).whereNull('initial_password_hash').update({ initial_password_hash: fresh });
  if (n !== 1) return initialPasswordHash(k, bureauOrgId);
  return { hash: fresh, generated };
}

export interface AccountChange {
  id: number;
  action: string;
  from: AccountStateName | null;
  to: AccountStateName | null;
}

/** Records account changes in the history (历史记录). */
export async function recordHistory(actor: Actor, changes: AccountChange[]): Promise<void> {
  await strapi.service('api::state-history.state-history').record(
    actor,
    changes.map((c) => ({ entity: 'distributor-account', entityId: c.id, action: c.action, from: c.from, to: c.to })),
  );
}

export { ACCOUNT_STATE };

export default () => ({});
