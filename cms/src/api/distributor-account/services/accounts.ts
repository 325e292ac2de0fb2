/**
 * 用户管理 › 配送企业管理 (manual 000, DOMAIN.md §1): the bureau's distributor accounts.
 *
 * - An account row (distributor_accounts) is created by 账号添加 or 导入, not issued (未发放).
 * - 发放 (issue) creates, in one transaction per request: the distributor organisation
 *   (organisations, type 'distributor', with the account's company data), its login (up_users,
 *   role 'distributor', password = the bureau's initialPasswordHash copied as is, mustChangePassword)
 *   and the links; the account row then points at both (organisationId, userId) and is 已发放.
 *   Bulk: raw knex in batches, never hashing per row.
 * - 禁用 sets blocked on the user (login refused, existing JWTs refused) and enabled=false; 启用 undoes it.
 * - 重置密码 copies the bureau's initial password hash back and sets mustChangePassword.
 * A bureau reaches only the rows of its province (others: 404); the platform admin reads all.
 */
import { authChanged } from '../../../utils/auth-events';
import { createId } from '@paralleldrive/cuid2';
import { errors as strapiErrors } from '@strapi/utils';
import { accountActions, assertAccountAction, makeUsername, type AccountAction } from '../../../domain/account';
import {
  ACCOUNT_FIELDS,
  ACCOUNT_FIELD_LABELS,
  ACCOUNT_TEMPLATE_COLUMNS,
  accountInputErrors,
  normaliseAccountInput,
  templateFieldOf,
  type AccountField,
  type AccountInput,
} from '../../../domain/account-input';
import { DomainError } from '../../../domain/errors';
import { normaliseCell } from '../../../domain/text';
import type { Actor } from '../../../scope';
import { now } from '../../../utils/clock';
import { pageEnvelope, readPaging } from '../../../utils/paging';
import { dbIso } from '../../../db/values';

const T = 'distributor_accounts';
const CHUNK = 400;
export const IMPORT_MAX_ROWS = 20_000;
export const ISSUE_MAX_ROWS = 20_000;

type Knex = any;
const knex = (): Knex => strapi.db.connection;

export interface AccountRow {
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
  issued_at: any;
  enabled: boolean | number | null;
  last_login_at: any;
  created_at: any;
}

const bool = (v: unknown) => v === true || v === 1 || v === '1' || v === 't' || v === 'true';
const chunks = <X>(xs: X[], n = CHUNK): X[][] => {
  const out: X[][] = [];
  for (let i = 0; i < xs.length; i += n) out.push(xs.slice(i, i + n));
  return out;
};
const notFound = () => new DomainError('NOT_FOUND', '记录不存在或无权访问', { status: 404 });

/** A 400 with several field errors (the panel puts each next to its input). */
function fieldErrors(errs: { field: string; message: string }[], code = 'ACCOUNT_INVALID'): Error {
  return new strapiErrors.ValidationError(errs[0]?.message ?? '输入有误', {
    code,
    errors: errs.map((e) => ({ path: [e.field], message: e.message, name: code })),
  });
}

// ---------------------------------------------------------------------------------------------
// Region names (for 配送区域), cached: reference data changes only through the content manager.
let regionCache: { at: number; names: Map<string, string> } | null = null;
export async function regionNames(trx?: Knex): Promise<Map<string, string>> {
  if (regionCache && Date.now() - regionCache.at < 10 * 60_000) return regionCache.names;
  const rows = await (trx ?? knex())('regions').select('code', 'name');
  regionCache = { at: Date.now(), names: new Map(rows.map((r: any) => [r.code, r.name])) };
  return regionCache.names;
}

function parseCodes(v: unknown): string[] {
  if (Array.isArray(v)) return v.map(String);
  if (typeof v === 'string' && v) {
    try {
      const p = JSON.parse(v);
      return Array.isArray(p) ? p.map(String) : [];
    } catch {
      return [];
    }
  }
  return [];
}

function present(r: AccountRow & { area_codes?: unknown }, names: Map<string, string>) {
  const state = { issued: bool(r.issued), enabled: r.enabled === null || r.enabled === undefined ? true : bool(r.enabled) };
  const codes = parseCodes(r.area_codes);
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
    actions: accountActions(state) as AccountAction[],
  };
}

// ---------------------------------------------------------------------------------------------
// Scope

function provinceOfActor(actor: Actor): string | null {
  if (actor.role === 'platform_admin') return null;
  if (actor.role !== 'bureau' || !actor.provinceCode) throw new DomainError('ROLE_NOT_ALLOWED', '仅省级医保局可管理配送企业账号', { status: 403 });
  return actor.provinceCode;
}

function requireBureau(actor: Actor): { provinceCode: string; orgId: number } {
  if (actor.role !== 'bureau' || !actor.provinceCode) throw new DomainError('ROLE_NOT_ALLOWED', '仅省级医保局可管理配送企业账号', { status: 403 });
  return { provinceCode: actor.provinceCode, orgId: actor.orgId };
}

async function loadOne(actor: Actor, documentId: string, trx?: Knex): Promise<AccountRow> {
  const province = provinceOfActor(actor);
  const q = (trx ?? knex())(T).where('document_id', String(documentId)).first();
  if (province) q.andWhere('province_code', province);
  const row = await q;
  if (!row) throw notFound();
  return row;
}

// ---------------------------------------------------------------------------------------------
// List 本省配送企业用户列表

const SORTS: Record<string, string> = {
  username: 'a.username',
  provincialAccount: 'a.provincial_account',
  companyName: 'a.company_name',
  createdAt: 'a.created_at',
  issuedAt: 'a.issued_at',
  lastLoginAt: 'a.last_login_at',
  enabled: 'a.enabled',
  issued: 'a.issued',
};

/** A filter value from `name=x` or Strapi's `filters[name][$op]=x`. */
function filterValue(query: any, name: string): string | undefined {
  let v: any = query?.[name];
  const f = query?.filters?.[name];
  if (v === undefined && f !== undefined) v = typeof f === 'object' && f !== null ? Object.values(f)[0] : f;
  if (Array.isArray(v)) v = v[0];
  if (v === undefined || v === null) return undefined;
  const s = String(v).trim();
  return s === '' ? undefined : s.slice(0, 100);
}
function boolFilter(query: any, name: string): boolean | undefined {
  const v = filterValue(query, name);
  if (v === undefined) return undefined;
  if (['true', '1', 'yes'].includes(v)) return true;
  if (['false', '0', 'no'].includes(v)) return false;
  throw new DomainError('FILTER_INVALID', `筛选条件 ${name} 应为 true 或 false`, { status: 400, field: name });
}
const likeEscape = (s: string) => `%${s.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * Totals of the list, cached per (province, filters) until any account row changes (every write in
 * this module and each login bump `accountsVersion`) or 30 s pass: counting 100,000 rows with a
 * substring filter costs tens of milliseconds, the page itself under one (indexes on province_code
 * + created_at). Paging through one filter then counts once.
 */
let accountsVersion = 0;
export function bumpAccountsVersion() {
  accountsVersion++;
}
const COUNT_TTL_MS = 30_000;
const countCache = new Map<string, { version: number; at: number; total: number }>();
async function cachedCount(base: Knex, province: string | null, query: any, bools: Record<string, boolean | undefined>): Promise<number> {
  const key = JSON.stringify([province, filterValue(query, 'username'), filterValue(query, 'companyName'), filterValue(query, 'provincialAccount'), bools]);
  const hit = countCache.get(key);
  if (hit && hit.version === accountsVersion && Date.now() - hit.at < COUNT_TTL_MS) return hit.total;
  const version = accountsVersion; // a write committing meanwhile leaves this entry stale, never wrongly fresh
  const at = Date.now();
  const [{ total }] = await base.clone().count({ total: '*' });
  if (countCache.size > 1000) countCache.clear();
  countCache.set(key, { version, at, total: Number(total) });
  return Number(total);
}

/** A write transaction over account rows; the cached totals are invalidated once it ends. */
async function writeTx<R>(fn: (trx: Knex) => Promise<R>): Promise<R> {
  try {
    return await strapi.db.transaction(async ({ trx }: any) => fn(trx));
  } finally {
    bumpAccountsVersion();
  }
}

export async function list(actor: Actor, query: any, max = 100) {
  const province = provinceOfActor(actor);
  const { page, pageSize, offset } = readPaging(query, { pageSize: 10, max });
  const k = knex();
  const base = k(`${T} as a`);
  if (province) base.where('a.province_code', province);
  for (const [name, col] of [
    ['username', 'a.username'],
    ['companyName', 'a.company_name'],
    ['provincialAccount', 'a.provincial_account'],
  ] as const) {
    const v = filterValue(query, name);
    if (v !== undefined) base.whereRaw(`LOWER(${col}) LIKE ? ESCAPE '\\'`, [likeEscape(v)]);
  }
  const enabled = boolFilter(query, 'enabled');
  if (enabled !== undefined) base.where('a.enabled', enabled);
  const issued = boolFilter(query, 'issued');
  if (issued !== undefined) base.where('a.issued', issued);
  const loggedIn = boolFilter(query, 'loggedIn');
  if (loggedIn === true) base.whereNotNull('a.last_login_at');
  if (loggedIn === false) base.whereNull('a.last_login_at');

  const sortParam = Array.isArray(query?.sort) ? query.sort[0] : (query?.sort ?? 'createdAt:desc');
  const [sf, sd] = String(sortParam).split(':');
  const sortCol = SORTS[sf ?? ''];
  if (!sortCol) throw new DomainError('SORT_INVALID', `不支持按 ${sf} 排序`, { status: 400, field: 'sort' });
  const dir = (sd ?? 'asc').toLowerCase() === 'desc' ? 'desc' : 'asc';

  const total = await cachedCount(base, province, query, { enabled, issued, loggedIn });
  const rows = await base
    .clone()
    .leftJoin('organisations as o', 'o.id', 'a.organisation_id')
    .select('a.*', 'o.distribution_area_codes as area_codes')
    .orderBy(sortCol, dir)
    .orderBy('a.id', dir)
    .limit(pageSize)
    .offset(offset);
  const names = await regionNames();
  return pageEnvelope(
    rows.map((r: any) => present(r, names)),
    Number(total),
    page,
    pageSize,
  );
}

export async function findOne(actor: Actor, documentId: string) {
  const row: any = await loadOne(actor, documentId);
  if (row.organisation_id) {
    const org = await knex()('organisations').where('id', row.organisation_id).first('distribution_area_codes');
    row.area_codes = org?.distribution_area_codes;
  }
  return present(row, await regionNames());
}

// ---------------------------------------------------------------------------------------------
// Create / edit / delete

async function nextSeq(provinceCode: string, trx?: Knex): Promise<number> {
  const r = await (trx ?? knex())(T).where('province_code', provinceCode).max({ m: 'seq' }).first();
  return Number(r?.m ?? 0) + 1;
}

/** Usernames among `names` already taken (accounts or logins). */
async function takenUsernames(names: string[], trx?: Knex, exceptAccountId?: number): Promise<Set<string>> {
  const k = trx ?? knex();
  const taken = new Set<string>();
  for (const part of chunks([...new Set(names)])) {
    const q = k(T).whereIn('username', part).select('username');
    if (exceptAccountId) q.whereNot('id', exceptAccountId);
    for (const r of await q) taken.add(r.username);
    for (const r of await k('up_users').whereIn('username', part).select('username')) taken.add(r.username);
  }
  return taken;
}

/** Credit codes among `codes` already used: account rows (→ company name) and organisations (→ name). */
async function takenCreditCodes(codes: string[], trx?: Knex, except?: { accountId?: number; orgId?: number | null }) {
  const k = trx ?? knex();
  const taken = new Map<string, string>();
  for (const part of chunks([...new Set(codes)])) {
    const q = k(T).whereIn('credit_code', part).select('credit_code', 'company_name');
    if (except?.accountId) q.whereNot('id', except.accountId);
    for (const r of await q) taken.set(r.credit_code, `配送企业账号“${r.company_name}”`);
    const o = k('organisations').whereIn('credit_code', part).select('credit_code', 'name');
    if (except?.orgId) o.whereNot('id', except.orgId);
    for (const r of await o) if (!taken.has(r.credit_code)) taken.set(r.credit_code, `平台机构“${r.name}”`);
  }
  return taken;
}

function readInput(body: any): AccountInput {
  const data = body?.data ?? body ?? {};
  if (typeof data !== 'object' || Array.isArray(data)) throw new DomainError('BODY_INVALID', '请求格式不正确', { status: 400 });
  const raw: Partial<Record<AccountField, unknown>> = {};
  for (const f of ACCOUNT_FIELDS) {
    const v = data[f];
    if (v !== undefined && v !== null && typeof v !== 'string' && typeof v !== 'number') {
      throw fieldErrors([{ field: f, message: `${ACCOUNT_FIELD_LABELS[f].zh}格式不正确` }]);
    }
    if (typeof v === 'string' && v.length > 500) throw fieldErrors([{ field: f, message: `${ACCOUNT_FIELD_LABELS[f].zh}过长` }]);
    raw[f] = v;
  }
  return normaliseAccountInput(raw);
}

/** The username the form will get (账号添加 shows it before saving). */
export async function previewUsername(actor: Actor, provincialAccountRaw: unknown) {
  const { provinceCode } = requireBureau(actor);
  const input = normaliseAccountInput({ provincialAccount: provincialAccountRaw });
  const errs = accountInputErrors({ ...input, companyName: 'x', creditCode: '91110000101118502X', phone: '13800138000' }).filter(
    (e) => e.field === 'provincialAccount',
  );
  if (errs.length) return { username: null, message: errs[0]!.message };
  const username = input.provincialAccount
    ? makeUsername(provinceCode, input.provincialAccount)
    : makeUsername(provinceCode, null, await nextSeq(provinceCode));
  const taken = await takenUsernames([username]);
  return { username, message: taken.has(username) ? `用户名 ${username} 已存在` : null };
}

export async function create(actor: Actor, body: any) {
  const { provinceCode, orgId } = requireBureau(actor);
  const input = readInput(body);
  const errs: { field: string; message: string }[] = accountInputErrors(input);
  if (errs.length) throw fieldErrors(errs);
  return writeTx(async (trx: Knex) => {
    const seq = input.provincialAccount ? null : await nextSeq(provinceCode, trx);
    const username = makeUsername(provinceCode, input.provincialAccount || null, seq);
    const dup: { field: string; message: string }[] = [];
    if ((await takenUsernames([username], trx)).has(username)) dup.push({ field: 'provincialAccount', message: `用户名 ${username} 已存在` });
    const cc = (await takenCreditCodes([input.creditCode], trx)).get(input.creditCode);
    if (cc) dup.push({ field: 'creditCode', message: `统一社会信用代码已被${cc}使用` });
    if (dup.length) throw fieldErrors(dup, 'ACCOUNT_DUPLICATE');
    const at = now();
    const documentId = createId();
    await trx(T).insert({
      document_id: documentId,
      username,
      provincial_account: input.provincialAccount || null,
      company_name: input.companyName,
      credit_code: input.creditCode,
      legal_person: input.legalPerson || null,
      authorised_person: input.authorisedPerson || null,
      phone: input.phone || null,
      province_code: provinceCode,
      seq,
      bureau_org_id: orgId,
      issued: false,
      enabled: true,
      created_at: at,
      updated_at: at,
      published_at: at,
    });
    const row = await trx(T).where('document_id', documentId).first();
    await strapi
      .service('api::state-history.state-history')
      .record(actor, [{ entity: 'distributor-account', entityId: row.id, action: 'create', from: null, to: 'notIssued' }]);
    return present(row, await regionNames(trx));
  });
}

export async function update(actor: Actor, documentId: string, body: any) {
  const { provinceCode } = requireBureau(actor);
  const input = readInput(body);
  const errs: { field: string; message: string }[] = accountInputErrors(input);
  if (errs.length) throw fieldErrors(errs);
  return writeTx(async (trx: Knex) => {
    const row = await loadOne(actor, documentId, trx);
    const issued = bool(row.issued);
    assertAccountAction('edit', { issued, enabled: bool(row.enabled) });
    let username = row.username;
    let seq = row.seq;
    const dup: { field: string; message: string }[] = [];
    if ((input.provincialAccount || '') !== (row.provincial_account ?? '')) {
      if (issued) throw fieldErrors([{ field: 'provincialAccount', message: '账号已发放，省平台账号（用户名）不能修改' }], 'ACCOUNT_USERNAME_FIXED');
      if (input.provincialAccount) seq = null;
      else if (!seq) seq = await nextSeq(provinceCode, trx);
      username = makeUsername(provinceCode, input.provincialAccount || null, seq);
      if ((await takenUsernames([username], trx, row.id)).has(username)) dup.push({ field: 'provincialAccount', message: `用户名 ${username} 已存在` });
    }
    if (input.creditCode !== row.credit_code) {
      const cc = (await takenCreditCodes([input.creditCode], trx, { accountId: row.id, orgId: row.organisation_id })).get(input.creditCode);
      if (cc) dup.push({ field: 'creditCode', message: `统一社会信用代码已被${cc}使用` });
    }
    if (dup.length) throw fieldErrors(dup, 'ACCOUNT_DUPLICATE');
    const at = now();
    await trx(T)
      .where('id', row.id)
      .update({
        username,
        seq,
        provincial_account: input.provincialAccount || null,
        company_name: input.companyName,
        credit_code: input.creditCode,
        legal_person: input.legalPerson || null,
        authorised_person: input.authorisedPerson || null,
        phone: input.phone || null,
        updated_at: at,
      });
    if (issued && row.organisation_id) {
      await trx('organisations')
        .where('id', row.organisation_id)
        .update({
          name: input.companyName,
          credit_code: input.creditCode,
          legal_person: input.legalPerson || null,
          authorised_person: input.authorisedPerson || null,
          phone: input.phone || null,
          updated_at: at,
        });
      if (row.user_id) await trx('up_users').where('id', row.user_id).update({ display_name: input.companyName, updated_at: at });
    }
    return findOneIn(trx, row.id);
  });
}

async function findOneIn(trx: Knex, id: number) {
  const r = await trx(`${T} as a`)
    .leftJoin('organisations as o', 'o.id', 'a.organisation_id')
    .where('a.id', id)
    .first('a.*', 'o.distribution_area_codes as area_codes');
  return present(r, await regionNames(trx));
}

export async function remove(actor: Actor, documentId: string) {
  requireBureau(actor);
  return writeTx(async (trx: Knex) => {
    const row = await loadOne(actor, documentId, trx);
    assertAccountAction('delete', { issued: bool(row.issued), enabled: bool(row.enabled) });
    const n = await trx(T).where({ id: row.id, issued: false }).del();
    if (n !== 1) throw new DomainError('ACCOUNT_ACTION_NOT_ALLOWED', '账号已发放，不能删除', { status: 409 });
    await strapi
      .service('api::state-history.state-history')
      .record(actor, [{ entity: 'distributor-account', entityId: row.id, action: 'delete', from: 'notIssued', to: null }]);
    return { documentId: row.document_id, username: row.username };
  });
}

// ---------------------------------------------------------------------------------------------
// 发放 (issue), all-or-nothing per request

export async function issue(actor: Actor, body: any) {
  const { provinceCode, orgId } = requireBureau(actor);
  const ids = body?.documentIds ?? body?.data?.documentIds;
  if (!Array.isArray(ids) || ids.length === 0 || ids.some((x: unknown) => typeof x !== 'string' || x.length > 64)) {
    throw new DomainError('ISSUE_SELECTION_REQUIRED', '请选择要发放的账号', { status: 400, field: 'documentIds' });
  }
  const documentIds = [...new Set(ids as string[])];
  if (documentIds.length > ISSUE_MAX_ROWS) throw new DomainError('ISSUE_TOO_MANY', `一次最多发放 ${ISSUE_MAX_ROWS} 个账号`, { status: 400 });

  return writeTx(async (trx: Knex) => {
    const rows: AccountRow[] = [];
    for (const part of chunks(documentIds)) rows.push(...(await trx(T).whereIn('document_id', part).andWhere('province_code', provinceCode)));
    if (rows.length !== documentIds.length) throw notFound();
    const already = rows.filter((r) => bool(r.issued));
    if (already.length) {
      throw new DomainError(
        'ACCOUNT_ALREADY_ISSUED',
        `以下账号已发放，不能重复发放：${already
          .slice(0, 10)
          .map((r) => r.username)
          .join('、')}${already.length > 10 ? ` 等${already.length}个` : ''}`,
        {
          status: 409,
          details: { usernames: already.map((r) => r.username) },
        },
      );
    }
    const bureau = await trx('organisations').where('id', orgId).first('initial_password_hash');
    const hash: string | null = bureau?.initial_password_hash ?? null;
    if (!hash) throw new DomainError('INITIAL_PASSWORD_MISSING', '本局尚未配置账号初始密码，请联系联采办', { status: 409 });
    const role = await trx('up_roles').where('type', 'distributor').first('id');
    if (!role) throw new DomainError('ROLE_MISSING', '配送企业角色不存在', { status: 500 });

    // The account rows own their usernames: only an existing login with that name is a clash.
    const clashes: string[] = [];
    for (const part of chunks(rows.map((r) => r.username))) {
      for (const u of await trx('up_users').whereIn('username', part).select('username')) clashes.push(u.username);
    }
    if (clashes.length) {
      throw new DomainError('USERNAME_TAKEN', `用户名已被占用，不能发放：${clashes.slice(0, 10).join('、')}`, { status: 409, details: { usernames: clashes } });
    }
    const orgClash = new Map<string, string>();
    for (const part of chunks(rows.map((r) => r.credit_code))) {
      for (const o of await trx('organisations').whereIn('credit_code', part).select('credit_code', 'name')) orgClash.set(o.credit_code, o.name);
    }
    if (orgClash.size) {
      throw new DomainError('CREDIT_CODE_TAKEN', `统一社会信用代码已被平台机构使用，不能发放：${[...orgClash.values()].slice(0, 10).join('、')}`, {
        status: 409,
      });
    }

    const at = now();
    const orgDoc = new Map<number, string>();
    const userDoc = new Map<number, string>();
    for (const part of chunks(rows, 200)) {
      const orgRows = part.map((r) => {
        const d = createId();
        orgDoc.set(r.id, d);
        return {
          document_id: d,
          name: r.company_name,
          type: 'distributor',
          province_code: r.province_code,
          credit_code: r.credit_code,
          legal_person: r.legal_person,
          authorised_person: r.authorised_person,
          phone: r.phone,
          distribution_area_codes: JSON.stringify([]),
          enabled: true,
          created_at: at,
          updated_at: at,
          published_at: at,
        };
      });
      await trx('organisations').insert(orgRows);
      const userRows = part.map((r) => {
        const d = createId();
        userDoc.set(r.id, d);
        return {
          document_id: d,
          username: r.username,
          email: null,
          provider: 'local',
          password: hash,
          confirmed: true,
          blocked: false,
          display_name: r.company_name,
          must_change_password: true,
          created_at: at,
          updated_at: at,
          published_at: at,
        };
      });
      await trx('up_users').insert(userRows);
    }
    const orgIds = new Map<string, number>();
    const userIds = new Map<string, number>();
    for (const part of chunks([...orgDoc.values()], 500))
      for (const o of await trx('organisations').whereIn('document_id', part).select('id', 'document_id')) orgIds.set(o.document_id, o.id);
    for (const part of chunks([...userDoc.values()], 500))
      for (const u of await trx('up_users').whereIn('document_id', part).select('id', 'document_id')) userIds.set(u.document_id, u.id);

    const links = rows.map((r) => ({ account: r, orgId: orgIds.get(orgDoc.get(r.id)!)!, userId: userIds.get(userDoc.get(r.id)!)! }));
    for (const part of chunks(links, 300)) {
      await trx('up_users_role_lnk').insert(part.map((l) => ({ user_id: l.userId, role_id: role.id, user_ord: 1 })));
      await trx('up_users_organisation_lnk').insert(part.map((l) => ({ user_id: l.userId, organisation_id: l.orgId, user_ord: 1 })));
    }
    for (const l of links) {
      const n = await trx(T).where({ id: l.account.id, issued: false }).update({
        issued: true,
        issued_at: at,
        enabled: true,
        organisation_id: l.orgId,
        user_id: l.userId,
        updated_at: at,
      });
      if (n !== 1) throw new DomainError('ACCOUNT_ALREADY_ISSUED', `账号 ${l.account.username} 已发放，不能重复发放`, { status: 409 });
    }
    await strapi.service('api::state-history.state-history').record(
      actor,
      rows.map((r) => ({ entity: 'distributor-account', entityId: r.id, action: 'issue', from: 'notIssued', to: 'issued' })),
    );
    return { issued: rows.length, usernames: rows.length <= 100 ? rows.map((r) => r.username) : undefined };
  });
}

// ---------------------------------------------------------------------------------------------
// 启用 / 禁用 / 重置密码

export async function setEnabled(actor: Actor, documentId: string, enabled: boolean) {
  requireBureau(actor);
  return afterLoginChange(
    writeTx(async (trx: Knex) => {
      const row = await loadOne(actor, documentId, trx);
      assertAccountAction(enabled ? 'enable' : 'disable', { issued: bool(row.issued), enabled: bool(row.enabled) });
      const at = now();
      const n = await trx(T).where({ id: row.id, issued: true, enabled: !enabled }).update({ enabled, updated_at: at });
      if (n !== 1) throw new DomainError('ACCOUNT_ACTION_NOT_ALLOWED', enabled ? '账号已是启用状态' : '账号已是禁用状态', { status: 409 });
      if (row.user_id) await trx('up_users').where('id', row.user_id).update({ blocked: !enabled, updated_at: at });
      await strapi.service('api::state-history.state-history').record(actor, [
        {
          entity: 'distributor-account',
          entityId: row.id,
          action: enabled ? 'enable' : 'disable',
          from: enabled ? 'disabled' : 'enabled',
          to: enabled ? 'enabled' : 'disabled',
        },
      ]);
      return findOneIn(trx, row.id);
    }),
  );
}

/** Raw writes to up_users bypass Strapi's lifecycles: drop cached authentications so the change holds on the next request. */
async function afterLoginChange<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } finally {
    authChanged();
  }
}

export async function resetPassword(actor: Actor, documentId: string) {
  const { orgId } = requireBureau(actor);
  return afterLoginChange(
    writeTx(async (trx: Knex) => {
      const row = await loadOne(actor, documentId, trx);
      assertAccountAction('resetPassword', { issued: bool(row.issued), enabled: bool(row.enabled) });
      const bureau = await trx('organisations').where('id', orgId).first('initial_password_hash');
      if (!bureau?.initial_password_hash) throw new DomainError('INITIAL_PASSWORD_MISSING', '本局尚未配置账号初始密码，请联系联采办', { status: 409 });
      if (!row.user_id) throw new DomainError('ACCOUNT_ACTION_NOT_ALLOWED', '账号未关联登录用户', { status: 409 });
      await trx('up_users').where('id', row.user_id).update({ password: bureau.initial_password_hash, must_change_password: true, updated_at: now() });
      await strapi
        .service('api::state-history.state-history')
        .record(actor, [{ entity: 'distributor-account', entityId: row.id, action: 'resetPassword', from: 'issued', to: 'issued' }]);
      return { documentId: row.document_id, username: row.username, mustChangePassword: true };
    }),
  );
}

// ---------------------------------------------------------------------------------------------
// 导入 (import): validate every row, store all or nothing

export interface ImportError {
  row: number;
  column: string;
  message: string;
}

/**
 * Checks the sheet's rows (header first) and answers the accounts to create or every error.
 * Rows are numbered as Excel shows them (the header is row 1).
 */
export async function validateImport(actor: Actor, rows: unknown[][]) {
  const { provinceCode } = requireBureau(actor);
  const errors: ImportError[] = [];
  const header = (rows[0] ?? []).map((h) => normaliseCell(h));
  const colField: (AccountField | null)[] = [];
  const seenFields = new Set<AccountField>();
  header.forEach((h, i) => {
    if (h === '') {
      colField.push(null);
      return;
    }
    const f = templateFieldOf(h);
    if (!f) errors.push({ row: 1, column: h, message: `未知列“${h}”，请使用下载的模板` });
    else if (seenFields.has(f)) errors.push({ row: 1, column: h, message: `列“${h}”重复` });
    else seenFields.add(f);
    colField.push(f && !colField.includes(f) ? f : null);
  });
  for (const c of ACCOUNT_TEMPLATE_COLUMNS) {
    if (!seenFields.has(c.field) && ['companyName', 'creditCode', 'phone'].includes(c.field)) {
      errors.push({ row: 1, column: c.header, message: `缺少必填列“${c.header}”` });
    }
  }
  if (errors.length) return { errors, accounts: [] as any[], dataRows: 0 };

  type Parsed = { rowNo: number; input: AccountInput };
  const parsed: Parsed[] = [];
  for (let i = 1; i < rows.length; i++) {
    const cells = rows[i] ?? [];
    const raw: Partial<Record<AccountField, unknown>> = {};
    let any = false;
    colField.forEach((f, ci) => {
      if (!f) return;
      const v = normaliseCell(cells[ci]);
      if (v !== '') any = true;
      raw[f] = v;
    });
    // Cells under no header: an unknown column.
    for (let ci = 0; ci < cells.length; ci++) {
      if ((colField[ci] ?? null) === null && (header[ci] ?? '') === '' && normaliseCell(cells[ci]) !== '') {
        errors.push({ row: i + 1, column: `第${ci + 1}列`, message: '该单元格不在任何模板列下（未知列）' });
        any = true;
      }
    }
    if (!any) continue;
    if (i === 1 && /^(必填|选填)/.test(normaliseCell(raw.companyName))) continue; // the template's format row
    parsed.push({ rowNo: i + 1, input: normaliseAccountInput(raw) });
  }
  if (parsed.length === 0 && errors.length === 0) {
    errors.push({ row: 2, column: '', message: '文件中没有可导入的数据行' });
  }
  if (parsed.length > IMPORT_MAX_ROWS) {
    throw new DomainError('IMPORT_TOO_MANY_ROWS', `一次最多导入 ${IMPORT_MAX_ROWS} 行（当前超过上限）`, { status: 400, field: 'file' });
  }
  const label = (f: AccountField) => ACCOUNT_FIELD_LABELS[f].zh;
  for (const p of parsed) for (const e of accountInputErrors(p.input)) errors.push({ row: p.rowNo, column: label(e.field), message: e.message });

  // Usernames: sequence numbers continue the province's.
  let seq = await nextSeq(provinceCode);
  const accounts = parsed.map((p) => {
    const s = p.input.provincialAccount ? null : seq++;
    let username = '';
    try {
      username =
        p.input.provincialAccount && !/^[A-Za-z0-9]{1,20}$/.test(p.input.provincialAccount)
          ? ''
          : makeUsername(provinceCode, p.input.provincialAccount || null, s);
    } catch {
      username = '';
    }
    return { ...p, seq: s, username };
  });
  // Duplicates inside the file.
  const firstBy = (key: (a: (typeof accounts)[number]) => string, column: string, what: string) => {
    const first = new Map<string, number>();
    for (const a of accounts) {
      const k = key(a);
      if (!k) continue;
      const prev = first.get(k);
      if (prev !== undefined) errors.push({ row: a.rowNo, column, message: `与第${prev}行${what}重复` });
      else first.set(k, a.rowNo);
    }
  };
  firstBy((a) => (a.input.creditCode.length === 18 ? a.input.creditCode : ''), label('creditCode'), '统一社会信用代码');
  firstBy((a) => (a.input.provincialAccount ? a.username : ''), label('provincialAccount'), '省平台账号（用户名）');
  // Against the platform.
  const takenU = await takenUsernames(accounts.map((a) => a.username).filter(Boolean));
  const takenC = await takenCreditCodes(accounts.map((a) => a.input.creditCode).filter((c) => c.length === 18));
  for (const a of accounts) {
    if (a.username && takenU.has(a.username)) errors.push({ row: a.rowNo, column: label('provincialAccount'), message: `用户名 ${a.username} 已存在` });
    const c = takenC.get(a.input.creditCode);
    if (c) errors.push({ row: a.rowNo, column: label('creditCode'), message: `统一社会信用代码已被${c}使用` });
  }
  errors.sort((x, y) => x.row - y.row);
  return { errors, accounts, dataRows: parsed.length };
}

/** Stores validated accounts in one transaction (batched inserts). */
export async function storeImport(actor: Actor, accounts: { input: AccountInput; seq: number | null; username: string }[]) {
  const { provinceCode, orgId } = requireBureau(actor);
  return writeTx(async (trx: Knex) => {
    // The sequence may have moved since validation: re-check it under the transaction.
    const seqNow = await nextSeq(provinceCode, trx);
    const seqs = accounts.map((a) => a.seq).filter((s): s is number => s !== null);
    if (seqs.length && Math.min(...seqs) < seqNow) throw new DomainError('IMPORT_CONFLICT', '导入期间账号顺序码发生变化，请重新导入', { status: 409 });
    const at = now();
    const docs: string[] = [];
    for (const part of chunks(accounts, 200)) {
      const rows = part.map((a) => {
        const d = createId();
        docs.push(d);
        return {
          document_id: d,
          username: a.username,
          provincial_account: a.input.provincialAccount || null,
          company_name: a.input.companyName,
          credit_code: a.input.creditCode,
          legal_person: a.input.legalPerson || null,
          authorised_person: a.input.authorisedPerson || null,
          phone: a.input.phone || null,
          province_code: provinceCode,
          seq: a.seq,
          bureau_org_id: orgId,
          issued: false,
          enabled: true,
          created_at: at,
          updated_at: at,
          published_at: at,
        };
      });
      await trx(T).insert(rows);
    }
    const ids: number[] = [];
    for (const part of chunks(docs, 500)) for (const r of await trx(T).whereIn('document_id', part).select('id')) ids.push(r.id);
    await strapi.service('api::state-history.state-history').record(
      actor,
      ids.map((id) => ({ entity: 'distributor-account', entityId: id, action: 'import', from: null, to: 'notIssued' })),
    );
    return { created: accounts.length };
  });
}

export default () => ({
  list,
  findOne,
  previewUsername,
  create,
  update,
  remove,
  issue,
  setEnabled,
  resetPassword,
  validateImport,
  storeImport,
});
