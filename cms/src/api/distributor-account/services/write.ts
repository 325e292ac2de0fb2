/**
 * 账号添加, 修改 (before 发放) / 编辑 (after: company data also on its organisation and login, never the
 * username), 删除 (before 发放 only), and the username the form shows before saving.
 */
import { createId } from '@paralleldrive/cuid2';
import type { Knex } from 'knex';
import {
  accountInputErrors,
  ACCOUNT_STATE,
  assertAccountAction,
  makeUsername,
  normaliseAccountInput,
  type AccountField,
  type AccountInput,
  type AccountRow,
} from '../../../domain';
import { DomainError, isDomainError } from '../../../domain/errors';
import { setDisplayName } from '../../../db/users';
import type { Actor } from '../../../scope';
import { now } from '../../../utils/clock';
import {
  ACCOUNTS,
  accountRowById,
  fieldErrors,
  loadForWrite,
  freeSeqs,
  recordHistory,
  requireBureau,
  stateOf,
  takenCreditCodes,
  takenUsernames,
  writeTx,
} from './account-data';

/** The fields as the request carries them (strings or numbers, checked by the controller's schema). */
export type AccountBody = Partial<Record<AccountField, string | number | null | undefined>>;

function validInput(body: AccountBody): AccountInput {
  const input = normaliseAccountInput(body);
  const errs = accountInputErrors(input);
  if (errs.length) throw fieldErrors(errs);
  return input;
}

const companyColumns = (input: AccountInput) => ({
  legal_person: input.legalPerson || null,
  authorised_person: input.authorisedPerson || null,
  phone: input.phone || null,
});

/** The username the form will get (账号添加 shows it before saving), or why there is none. */
export async function previewUsername(actor: Actor, provincialAccountRaw: string | undefined) {
  const { provinceCode } = requireBureau(actor);
  const input = normaliseAccountInput({ provincialAccount: provincialAccountRaw ?? '' });
  const errs = accountInputErrors({ ...input, companyName: 'x', creditCode: '91110000101118502X', phone: '13800138000' }).filter(
    (e) => e.field === 'provincialAccount',
  );
  if (errs.length) return { username: null, message: errs[0]!.message };
  let username: string;
  try {
    username = makeUsername(provinceCode, input.provincialAccount || null, input.provincialAccount ? null : (await freeSeqs(provinceCode, 1))[0]);
  } catch (e) {
    if (isDomainError(e)) return { username: null, message: e.message };
    throw e;
  }
  const taken = await takenUsernames([username]);
  return { username, message: taken.has(username) ? `用户名 ${username} 已存在` : null };
}

export async function create(actor: Actor, body: AccountBody): Promise<AccountRow> {
  const { provinceCode, orgId } = requireBureau(actor);
  const input = validInput(body);
  return writeTx(async (trx: Knex) => {
    const seq = input.provincialAccount ? null : (await freeSeqs(provinceCode, 1, trx))[0]!;
    const username = makeUsername(provinceCode, input.provincialAccount || null, seq);
    const dup: { field: string; message: string }[] = [];
    if ((await takenUsernames([username], trx)).has(username)) dup.push({ field: 'provincialAccount', message: `用户名 ${username} 已存在` });
    const cc = (await takenCreditCodes([input.creditCode], trx)).get(input.creditCode);
    if (cc) dup.push({ field: 'creditCode', message: `统一社会信用代码已被${cc}使用` });
    if (dup.length) throw fieldErrors(dup, 'ACCOUNT_DUPLICATE');
    const at = now();
    const documentId = createId();
    await trx(ACCOUNTS).insert({
      document_id: documentId,
      username,
      provincial_account: input.provincialAccount || null,
      company_name: input.companyName,
      credit_code: input.creditCode,
      ...companyColumns(input),
      province_code: provinceCode,
      seq,
      bureau_org_id: orgId,
      issued: false,
      enabled: true,
      created_at: at,
      updated_at: at,
      published_at: at,
    });
    const { id } = await trx(ACCOUNTS).where('document_id', documentId).first('id');
    await recordHistory(actor, [{ id, action: 'create', from: null, to: ACCOUNT_STATE.notIssued }]);
    return accountRowById(actor, trx, id);
  });
}

export async function update(actor: Actor, documentId: string, body: AccountBody): Promise<AccountRow> {
  const { provinceCode } = requireBureau(actor);
  const input = validInput(body);
  return writeTx(async (trx: Knex) => {
    const row = await loadForWrite(actor, documentId, trx);
    const state = stateOf(row);
    assertAccountAction('edit', state);
    let username = row.username;
    let seq = row.seq;
    const dup: { field: string; message: string }[] = [];
    if ((input.provincialAccount || '') !== (row.provincial_account ?? '')) {
      if (state.issued) throw fieldErrors([{ field: 'provincialAccount', message: '账号已发放，省平台账号（用户名）不能修改' }], 'ACCOUNT_USERNAME_FIXED');
      if (input.provincialAccount) seq = null;
      else if (!seq) seq = (await freeSeqs(provinceCode, 1, trx))[0]!;
      username = makeUsername(provinceCode, input.provincialAccount || null, seq);
      if ((await takenUsernames([username], trx, row.id)).has(username)) dup.push({ field: 'provincialAccount', message: `用户名 ${username} 已存在` });
    }
    if (input.creditCode !== row.credit_code) {
      const cc = (await takenCreditCodes([input.creditCode], trx, { accountId: row.id, orgId: row.organisation_id })).get(input.creditCode);
      if (cc) dup.push({ field: 'creditCode', message: `统一社会信用代码已被${cc}使用` });
    }
    if (dup.length) throw fieldErrors(dup, 'ACCOUNT_DUPLICATE');
    const at = now();
    await trx(ACCOUNTS)
      .where('id', row.id)
      .update({
        username,
        seq,
        provincial_account: input.provincialAccount || null,
        company_name: input.companyName,
        credit_code: input.creditCode,
        ...companyColumns(input),
        updated_at: at,
      });
    if (state.issued && row.organisation_id) {
      await trx('organisations')
        .where('id', row.organisation_id)
        .update({ name: input.companyName, credit_code: input.creditCode, ...companyColumns(input), updated_at: at });
      if (row.user_id) await setDisplayName(trx, row.user_id, input.companyName, at);
    }
    return accountRowById(actor, trx, row.id);
  });
}

export async function remove(actor: Actor, documentId: string) {
  return writeTx(async (trx: Knex) => {
    const row = await loadForWrite(actor, documentId, trx);
    assertAccountAction('delete', stateOf(row));
    const n = await trx(ACCOUNTS).where({ id: row.id, issued: false }).del();
    if (n !== 1) throw new DomainError('ACCOUNT_ACTION_NOT_ALLOWED', '账号已发放，不能删除', { status: 409 });
    await recordHistory(actor, [{ id: row.id, action: 'delete', from: ACCOUNT_STATE.notIssued, to: null }]);
    return { documentId: row.document_id, username: row.username };
  });
}

export default () => ({ previewUsername, create, update, remove });
