/**
 * 企业信息 edits by the organisation itself (name and credit code stay as issued), in one transaction
 * with their history line; the history of the organisation (edits, initial password, logins).
 */
import type { Knex } from 'knex';
import { checkOrgInfo, orgInfoChanges, ORG_INFO_FIELD_NAMES, type OrgInfoField } from '../../../domain';
import { DomainError } from '../../../domain/errors';
import type { Actor } from '../../../scope';
import { now } from '../../../utils/clock';
import { mine } from './mine';

const COLUMNS: Record<OrgInfoField, string> = { legalPerson: 'legal_person', authorisedPerson: 'authorised_person', phone: 'phone', address: 'address' };
const history = () => strapi.service('api::state-history.state-history');

export async function updateInfo(actor: Actor, input: Partial<Record<OrgInfoField, unknown>>) {
  const next = checkOrgInfo(input);
  await strapi.db.transaction(async ({ trx }) => {
    const k = trx as unknown as Knex;
    const row = await k('organisations')
      .where('id', actor.orgId)
      .first(...Object.values(COLUMNS));
    const before = Object.fromEntries(ORG_INFO_FIELD_NAMES.map((f) => [f, row?.[COLUMNS[f]] ?? null]));
    const changes = orgInfoChanges(before, next);
    if (!changes.length) throw new DomainError('NOTHING_CHANGED', '企业信息没有变化', { status: 400 });
    await k('organisations')
      .where('id', actor.orgId)
      .update({ ...Object.fromEntries(ORG_INFO_FIELD_NAMES.map((f) => [COLUMNS[f], next[f]])), updated_at: now() });
    await history().record(actor, [{ entity: 'organisation', entityId: actor.orgId, action: 'editInfo', from: null, to: null, reason: changes.join('；') }]);
  });
  return mine(actor.orgId);
}

/** The organisation's own history (企业信息 edits, 初始密码, logins), oldest first. */
export async function orgHistory(orgId: number) {
  return history().timeline('organisation', orgId);
}

export default () => ({ updateInfo, orgHistory });
