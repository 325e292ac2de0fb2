/**
 * The logins of accounts: 发放 (issue) creates, all or nothing per request, each account's distributor
 * organisation and its login (role 配送企业, the bureau's initial password hash copied as is, to be
 * changed at first login); 禁用 / 启用 block and unblock the login; 重置密码 gives the initial password
 * back; 解锁 lifts a lock after repeated failed logins. Logins are written only through db/users.ts,
 * which announces the changes to authentication; 禁用 and 重置密码 end the login's sessions there.
 * Each of these goes to the security log once committed.
 */
import { createId } from '@paralleldrive/cuid2';
import type { Knex } from 'knex';
import { ACCOUNT_ISSUE_MAX_ROWS, ACCOUNT_STATE, JOB_STATE, assertAccountAction, type AccountRow } from '../../../domain';
import { DomainError } from '../../../domain/errors';
import type { JobWork } from '../../../db/job-store';
import { securityEventOf } from '../../../db/security-events';
import { clearLoginFailures, createLogins, existingUsernames, roleIdOf, setBlocked, setPasswordHash } from '../../../db/users';
import type { Actor } from '../../../scope';
import { now } from '../../../utils/clock';
import {
  ACCOUNTS,
  accountRowById,
  asBool,
  assertManages,
  chunks,
  initialPasswordHash,
  loadForWrite,
  recordHistory,
  requireBureau,
  stateOf,
  writeTx,
  type AccountRecord,
} from './account-data';

const listed = (names: string[], max = 10) => `${names.slice(0, max).join('、')}${names.length > max ? ` 等${names.length}个` : ''}`;

/** Loads the selected rows; every one must be this bureau's (404 / 403 otherwise) and not yet issued (409). */
async function issuableRows(actor: Actor, documentIds: string[], trx: Knex): Promise<AccountRecord[]> {
  const rows: AccountRecord[] = [];
  for (const part of chunks(documentIds)) rows.push(...((await trx(ACCOUNTS).whereIn('document_id', part)) as AccountRecord[]));
  const found = new Map(rows.map((r) => [r.document_id, r]));
  for (const d of documentIds) assertManages(actor, found.get(d));
  const already = rows.filter((r) => asBool(r.issued)).map((r) => r.username);
  if (already.length) {
    throw new DomainError('ACCOUNT_ALREADY_ISSUED', `以下账号已发放，不能重复发放：${listed(already)}`, { status: 409, details: { usernames: already } });
  }
  // The account rows own their usernames: only an existing login with that name is a clash.
  const clashes = [
    ...(await existingUsernames(
      trx,
      rows.map((r) => r.username),
    )),
  ];
  if (clashes.length)
    throw new DomainError('USERNAME_TAKEN', `用户名已被占用，不能发放：${clashes.slice(0, 10).join('、')}`, { status: 409, details: { usernames: clashes } });
  const orgClash: string[] = [];
  for (const part of chunks(rows.map((r) => r.credit_code))) {
    for (const o of await trx('organisations').whereIn('credit_code', part).select('name')) orgClash.push(o.name);
  }
  if (orgClash.length) {
    throw new DomainError('CREDIT_CODE_TAKEN', `统一社会信用代码已被平台机构使用，不能发放：${orgClash.slice(0, 10).join('、')}`, { status: 409 });
  }
  return rows;
}

/** The distributor organisations of `rows` (company data of the account); answers their ids by account id. */
async function createOrganisations(trx: Knex, rows: AccountRecord[], at: Date): Promise<Map<number, number>> {
  const docOf = new Map<number, string>();
  for (const part of chunks(rows, 200)) {
    await trx('organisations').insert(
      part.map((r) => {
        const documentId = createId();
        docOf.set(r.id, documentId);
        return {
          document_id: documentId,
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
      }),
    );
  }
  const idOfDoc = new Map<string, number>();
  for (const part of chunks([...docOf.values()], 500)) {
    for (const o of await trx('organisations').whereIn('document_id', part).select('id', 'document_id')) idOfDoc.set(o.document_id, Number(o.id));
  }
  return new Map(rows.map((r) => [r.id, idOfDoc.get(docOf.get(r.id)!)!]));
}

/** 发放 of the selected rows (`documentIds`, at most ACCOUNT_ISSUE_MAX_ROWS); as a job, with progress and its end in the transaction. */
export async function issue(actor: Actor, selected: string[], work?: JobWork) {
  const { orgId } = requireBureau(actor);
  const documentIds = [...new Set(selected)];
  if (documentIds.length > ACCOUNT_ISSUE_MAX_ROWS) {
    throw new DomainError('ISSUE_TOO_MANY', `一次最多发放 ${ACCOUNT_ISSUE_MAX_ROWS} 个账号`, { status: 400, field: 'documentIds' });
  }
  return writeTx(async (trx: Knex) => {
    const rows = await issuableRows(actor, documentIds, trx);
    const { hash, generated } = await initialPasswordHash(trx, orgId);
    const roleId = await roleIdOf(trx, 'distributor');
    if (!roleId) throw new DomainError('ROLE_MISSING', '配送企业角色不存在', { status: 500 });
    const at = now();
    const orgIds = await createOrganisations(trx, rows, at);
    const userIds = await createLogins(
      trx,
      rows.map((r) => ({
        username: r.username,
        displayName: r.company_name,
        passwordHash: hash,
        roleId,
        organisationId: orgIds.get(r.id)!,
        mustChangePassword: true,
      })),
      at,
    );
    let done = 0;
    for (const r of rows) {
      if (work && ++done % 200 === 0) await work.progress(done, rows.length, trx);
      const n = await trx(ACCOUNTS)
        .where({ id: r.id, issued: false })
        .update({ issued: true, issued_at: at, enabled: true, organisation_id: orgIds.get(r.id), user_id: userIds.get(r.username), updated_at: at });
      if (n !== 1) throw new DomainError('ACCOUNT_ALREADY_ISSUED', `账号 ${r.username} 已发放，不能重复发放`, { status: 409 });
    }
    await recordHistory(
      actor,
      rows.map((r) => ({ id: r.id, action: 'issue', from: ACCOUNT_STATE.notIssued, to: ACCOUNT_STATE.issued })),
    );
    // A bureau that had no initial password sees the one just made for it, once (a job needs one set before: see jobs).
    await work?.endIn(trx, { state: JOB_STATE.completed, result: { issued: rows.length }, rowsDone: rows.length });
    return { issued: rows.length, usernames: rows.length <= 100 ? rows.map((r) => r.username) : undefined, initialPassword: generated };
  });
}

/** 启用 (enabled = true) / 禁用 (false): the account's status and its login's block. */
export async function setEnabled(actor: Actor, documentId: string, enabled: boolean): Promise<AccountRow> {
  const row = await writeTx(async (trx: Knex) => {
    const row = await loadForWrite(actor, documentId, trx);
    assertAccountAction(enabled ? 'enable' : 'disable', stateOf(row));
    const at = now();
    const n = await trx(ACCOUNTS).where({ id: row.id, issued: true, enabled: !enabled }).update({ enabled, updated_at: at });
    if (n !== 1) throw new DomainError('ACCOUNT_ACTION_NOT_ALLOWED', enabled ? '账号已是启用状态' : '账号已是禁用状态', { status: 409 });
    if (row.user_id) await setBlocked(trx, row.user_id, !enabled, at);
    const [from, to] = enabled ? [ACCOUNT_STATE.disabled, ACCOUNT_STATE.enabled] : [ACCOUNT_STATE.enabled, ACCOUNT_STATE.disabled];
    await recordHistory(actor, [{ id: row.id, action: enabled ? 'enable' : 'disable', from, to }]);
    return { userId: row.user_id, answer: await accountRowById(actor, trx, row.id) };
  });
  if (row.userId) await securityEventOf(row.userId, { event: enabled ? 'account.enabled' : 'account.disabled', outcome: 'success' }, actor.userId);
  return row.answer;
}

/** 重置密码: the bureau's initial password again, to be changed at the next login. */
export async function resetPassword(actor: Actor, documentId: string) {
  const { orgId } = requireBureau(actor);
  const done = await writeTx(async (trx: Knex) => {
    const row = await loadForWrite(actor, documentId, trx);
    assertAccountAction('resetPassword', stateOf(row));
    const { hash, generated } = await initialPasswordHash(trx, orgId);
    if (!row.user_id) throw new DomainError('ACCOUNT_ACTION_NOT_ALLOWED', '账号未关联登录用户', { status: 409 });
    await setPasswordHash(trx, row.user_id, hash, true, now());
    await recordHistory(actor, [{ id: row.id, action: 'resetPassword', from: ACCOUNT_STATE.issued, to: ACCOUNT_STATE.issued }]);
    return { userId: row.user_id, answer: { documentId: row.document_id, username: row.username, mustChangePassword: true, initialPassword: generated } };
  });
  await securityEventOf(done.userId, { event: 'password.reset', outcome: 'success' }, actor.userId);
  return done.answer;
}

/** 解锁: the login locked after repeated failed logins may try again at once (409 when it is not locked). */
export async function unlock(actor: Actor, documentId: string): Promise<AccountRow> {
  requireBureau(actor);
  const done = await writeTx(async (trx: Knex) => {
    const row = await loadForWrite(actor, documentId, trx);
    const answer = await accountRowById(actor, trx, row.id);
    assertAccountAction('unlock', { issued: answer.issued, enabled: answer.enabled, locked: answer.actions.includes('unlock') });
    await clearLoginFailures(row.user_id!, trx);
    await recordHistory(actor, [{ id: row.id, action: 'unlock', from: ACCOUNT_STATE.issued, to: ACCOUNT_STATE.issued }]);
    return { userId: row.user_id!, answer: await accountRowById(actor, trx, row.id) };
  });
  await securityEventOf(done.userId, { event: 'account.unlocked', outcome: 'success' }, actor.userId);
  return done.answer;
}

export default () => ({ issue, setEnabled, resetPassword, unlock });
