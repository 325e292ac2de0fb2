/**
 * 联采办 onboarding: bureaus (one per province), manufacturers and hospitals with their first login
 * (a random one-time password answered once, changed at first login); edits, 停用 / 启用 (every login of
 * the organisation refused from its next request) and 重置密码 of the administrator login. A bureau's
 * initial password for the accounts it issues is its administrator login's initial password.
 */
import { createId } from '@paralleldrive/cuid2';
import type { Knex } from 'knex';
import { normaliseOrgInput, orgInputErrors, roleForOrgType, type OnboardType, type OrgInput } from '../../../domain';
import { DomainError } from '../../../domain/errors';
import { bumpCounts } from '../../../db/count-cache';
import { createLogins, existingUsernames, hashPassword, roleIdOf, setOrganisationEnabled, setPasswordHash } from '../../../db/users';
import { dbBool } from '../../../db/values';
import { notFound, type Actor } from '../../../scope';
import { now } from '../../../utils/clock';
import { oneTimePassword } from '../../../utils/one-time-password';

export const ORG_COUNTS = 'organisations';

export interface Credential {
  organisation: string;
  username: string;
  password: string;
}

const history = (actor: Actor, orgIds: number[], action: string, reason: string | null = null) =>
  strapi.service('api::state-history.state-history').record(
    actor,
    orgIds.map((id) => ({ entity: 'organisation', entityId: id, action, from: null, to: null, reason })),
  );

/** A 400 naming every wrong field (the panel puts each next to its input). */
function invalid(errs: { field: string; message: string }[]): DomainError {
  return new DomainError('ORGANISATION_INVALID', errs[0]!.message, { status: 400, field: errs[0]!.field, details: { errors: errs } });
}

export async function tx<R>(fn: (k: Knex) => Promise<R>): Promise<R> {
  try {
    return (await strapi.db.transaction(async ({ trx }) => fn(trx as unknown as Knex))) as R;
  } finally {
    bumpCounts(ORG_COUNTS);
  }
}

/** Clashes of `inputs` with the platform: credit codes (organisations, distributor accounts), usernames, bureaus per province. */
export async function platformClashes(k: Knex, inputs: OrgInput[], exceptOrgId?: number): Promise<Map<number, { field: string; message: string }[]>> {
  const out = new Map<number, { field: string; message: string }[]>();
  const add = (i: number, field: string, message: string) => out.set(i, [...(out.get(i) ?? []), { field, message }]);
  const codes = inputs.map((v) => v.creditCode).filter(Boolean);
  const orgCodes = new Map<string, string>();
  for (const r of await k('organisations')
    .whereIn('credit_code', codes)
    .modify((q) => void (exceptOrgId && q.whereNot('id', exceptOrgId)))
    .select('credit_code', 'name'))
    orgCodes.set(r.credit_code, `平台机构“${r.name}”`);
  for (const r of await k('distributor_accounts').whereIn('credit_code', codes).select('credit_code', 'company_name'))
    if (!orgCodes.has(r.credit_code)) orgCodes.set(r.credit_code, `配送企业账号“${r.company_name}”`);
  const users = await existingUsernames(k, inputs.map((v) => v.username).filter(Boolean));
  for (const r of await k('distributor_accounts')
    .whereIn('username', inputs.map((v) => v.username).filter(Boolean))
    .select('username'))
    users.add(r.username);
  const bureauProvinces = new Set(
    (
      await k('organisations')
        .where('type', 'bureau')
        .modify((q) => void (exceptOrgId && q.whereNot('id', exceptOrgId)))
        .select('province_code')
    ).map((r) => r.province_code),
  );
  inputs.forEach((v, i) => {
    if (v.creditCode && orgCodes.has(v.creditCode)) add(i, 'creditCode', `统一社会信用代码已被${orgCodes.get(v.creditCode)}使用`);
    if (v.username && users.has(v.username)) add(i, 'username', `用户名 ${v.username} 已被占用`);
    if (v.type === 'bureau' && bureauProvinces.has(v.provinceCode)) add(i, 'provinceCode', '该省已有省级医保局（每省一个）');
  });
  return out;
}

const orgColumns = (v: OrgInput) => ({
  name: v.name,
  province_code: v.provinceCode,
  region_code: v.regionCode || null,
  credit_code: v.creditCode || null,
  legal_person: v.legalPerson || null,
  phone: v.phone || null,
  address: v.address || null,
  hospital_level: v.type === 'hospital' ? v.hospitalLevel || null : null,
});

/** Creates the organisations and their administrator logins (checked input); answers each one-time password. */
export async function createMany(actor: Actor, k: Knex, inputs: OrgInput[]): Promise<{ ids: number[]; credentials: Credential[] }> {
  const at = now();
  const passwords = inputs.map(() => oneTimePassword());
  // bcrypt is slow (~60 ms): hashed before the rows are written, in parallel batches.
  const hashes: string[] = [];
  for (let i = 0; i < passwords.length; i += 8) hashes.push(...(await Promise.all(passwords.slice(i, i + 8).map(hashPassword))));
  const ids: number[] = [];
  for (let i = 0; i < inputs.length; i++) {
    const v = inputs[i]!;
    const documentId = createId();
    await k('organisations').insert({
      document_id: documentId,
      type: v.type,
      ...orgColumns(v),
      enabled: true,
      initial_password_hash: v.type === 'bureau' ? hashes[i] : null,
      distribution_area_codes: JSON.stringify([]),
      created_at: at,
      updated_at: at,
      published_at: at,
    });
    ids.push(Number((await k('organisations').where('document_id', documentId).first('id')).id));
  }
  const roleIds = new Map<string, number>();
  for (const t of new Set(inputs.map((v) => v.type))) {
    const id = await roleIdOf(k, roleForOrgType(t) ?? '');
    if (!id) throw new DomainError('ROLE_MISSING', '角色不存在', { status: 500 });
    roleIds.set(t, id);
  }
  await createLogins(
    k,
    inputs.map((v, i) => ({
      username: v.username,
      displayName: v.name,
      passwordHash: hashes[i]!,
      roleId: roleIds.get(v.type)!,
      organisationId: ids[i]!,
      mustChangePassword: true,
    })),
    at,
  );
  await history(actor, ids, 'create');
  return { ids, credentials: inputs.map((v, i) => ({ organisation: v.name, username: v.username, password: passwords[i]! })) };
}

export async function create(actor: Actor, raw: Record<string, unknown>) {
  const v = normaliseOrgInput(raw);
  const errs = orgInputErrors(v);
  if (errs.length) throw invalid(errs);
  return tx(async (k) => {
    const clash = (await platformClashes(k, [v])).get(0);
    if (clash)
      throw new DomainError(clash[0]!.field === 'provinceCode' ? 'BUREAU_EXISTS' : 'ORGANISATION_TAKEN', clash[0]!.message, {
        status: 409,
        field: clash[0]!.field,
      });
    const { ids, credentials } = await createMany(actor, k, [v]);
    return { id: ids[0], documentId: (await k('organisations').where('id', ids[0]).first('document_id')).document_id, credential: credentials[0] };
  });
}

async function load(k: Knex, documentId: string) {
  const org = await k('organisations').where('document_id', documentId).first();
  if (!org || org.type === 'platform' || org.type === 'distributor') throw notFound();
  return org as { id: number; type: OnboardType; enabled: unknown; name: string };
}

/** 编辑: everything but the type and the login; a bureau stays in its province. */
export async function update(actor: Actor, documentId: string, raw: Record<string, unknown>) {
  return tx(async (k) => {
    const org = await load(k, documentId);
    const v = normaliseOrgInput({ ...raw, type: org.type });
    const errs = orgInputErrors(v, { editing: true });
    if (errs.length) throw invalid(errs);
    const clash = (await platformClashes(k, [{ ...v, username: '' }], org.id)).get(0);
    if (clash)
      throw new DomainError(clash[0]!.field === 'provinceCode' ? 'BUREAU_EXISTS' : 'ORGANISATION_TAKEN', clash[0]!.message, {
        status: 409,
        field: clash[0]!.field,
      });
    await k('organisations')
      .where('id', org.id)
      .update({ ...orgColumns(v), updated_at: now() });
    await history(actor, [org.id], 'edit');
    return { documentId };
  });
}

/** 停用 / 启用: every login of the organisation is refused (or allowed) from its next request. */
export async function setEnabled(actor: Actor, documentId: string, enabled: boolean) {
  return tx(async (k) => {
    const org = await load(k, documentId);
    if (dbBool(org.enabled) === enabled)
      throw new DomainError('ORGANISATION_ACTION_NOT_ALLOWED', enabled ? '机构已是启用状态' : '机构已是停用状态', { status: 409 });
    await setOrganisationEnabled(k, org.id, enabled, now());
    await history(actor, [org.id], enabled ? 'enable' : 'disable');
    return { documentId, enabled };
  });
}

/** 重置密码 of the administrator login (not the operators'): a new one-time password, answered once. */
export async function resetLogin(actor: Actor, documentId: string) {
  const password = oneTimePassword();
  const hash = await hashPassword(password);
  return tx(async (k) => {
    const org = await load(k, documentId);
    const user = await k('up_users as u')
      .join('up_users_organisation_lnk as l', 'l.user_id', 'u.id')
      .where('l.organisation_id', org.id)
      .where((q) => q.where('u.is_operator', false).orWhereNull('u.is_operator'))
      .orderBy('u.id')
      .first('u.id', 'u.username');
    if (!user) throw new DomainError('LOGIN_MISSING', '该机构没有管理员账号', { status: 409 });
    await setPasswordHash(k, Number(user.id), hash, true, now());
    await history(actor, [org.id], 'resetLogin', user.username);
    return { credential: { organisation: org.name, username: user.username as string, password } };
  });
}

export default () => ({ create, update, setEnabled, resetLogin });
