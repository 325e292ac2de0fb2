/**
 * Changes of hospital relationships: 委托配送申请 (request), the transitions of the relationship machine
 * on ticked rows (all or nothing) and the optional hourly storing of 已解除 (expireDue). Every change
 * runs in one transaction, guarded by a conditional UPDATE on the stored status, and lands in the
 * history (entity 'hospital-relationship').
 */
import {
  assertCanRequestAgain,
  DomainError,
  effectiveRelationshipStatus,
  NEW_RELATIONSHIP_STATUS,
  normaliseReason,
  RELATIONSHIP_STATUS,
  relationshipMachine,
  REASON_MAX_LENGTH,
  terminationCutoff,
  type RelationshipTransition,
} from '../../../domain';
import type { Actor } from '../../../scope';
import { assertReadable } from '../../../scope/ownership';
import { scopeAttributes } from '../../../scope';
import { now } from '../../../utils/clock';
import type { Knex } from 'knex';
import { dbDate, type RawRow } from '../../../db/values';
import type historyService from '../../state-history/services/state-history';
import type { Change } from '../../state-history/services/state-history';
import { ENTITY, knex, T, UID } from '../support/rows';

const isPg = () => String(strapi.db.config?.connection?.client ?? '').startsWith('p');
const history = () => strapi.service('api::state-history.state-history') as unknown as ReturnType<typeof historyService>;

interface Answer {
  /** As the route names it; anything but a transition of the machine answers 400 UNKNOWN_ACTION. */
  action: string;
  documentIds: string[];
  reason?: string | null;
}

/** The columns a transition writes besides the status. */
function columnsOf(action: RelationshipTransition, at: Date, reason: string | null): Record<string, unknown> {
  switch (action) {
    case 'accept':
      return { responded_at: at };
    case 'reject':
      return { responded_at: at, reason };
    case 'requestRevoke':
      return { revoke_requested_at: at, revoke_reason: reason };
    case 'refuseRevoke':
      return { revoke_reason: reason };
    case 'acceptRevoke':
      return { terminating_since: at };
    default:
      return {};
  }
}

export default () => ({
  /** 委托配送申请: a hospital asks a distributor of its province to deliver for it. Answers the new documentId. */
  async request(actor: Actor, distributorOrgId: number): Promise<string> {
    const distributor = await strapi.db.query('api::organisation.organisation').findOne({
      where: { id: distributorOrgId },
      select: ['id', 'type', 'provinceCode', 'enabled', 'name'],
    });
    if (!distributor || distributor.type !== 'distributor') {
      throw new DomainError('DISTRIBUTOR_NOT_FOUND', '配送企业不存在', { status: 404, field: 'distributorOrgId' });
    }
    if (distributor.enabled === false) {
      throw new DomainError('DISTRIBUTOR_DISABLED', '该配送企业已停用，不能申请委托配送', { status: 409, field: 'distributorOrgId' });
    }
    if (!actor.provinceCode || distributor.provinceCode !== actor.provinceCode) {
      throw new DomainError('DISTRIBUTOR_OTHER_PROVINCE', '只能向本省的配送企业申请委托配送', { status: 409, field: 'distributorOrgId' });
    }
    return strapi.db.transaction(async ({ trx }: { trx: Knex.Transaction }) => {
      const at = now();
      // Serialise requests of one hospital (PostgreSQL runs transactions in parallel; SQLite has one writer).
      if (isPg()) await trx('organisations').where('id', actor.orgId).forUpdate().select('id');
      const existing = await trx(T).select('status', 'terminating_since').where({ hospital_org_id: actor.orgId, distributor_org_id: distributorOrgId });
      assertCanRequestAgain(existing.map((r: RawRow) => effectiveRelationshipStatus(r.status as string, dbDate(r.terminating_since), at)));
      const created = await strapi.db.query(UID).create({
        data: { hospitalOrgId: actor.orgId, distributorOrgId, provinceCode: actor.provinceCode, status: NEW_RELATIONSHIP_STATUS, requestedAt: at },
      });
      await history().record(actor, [{ entity: ENTITY, entityId: created.id, action: 'request', from: null, to: NEW_RELATIONSHIP_STATUS }]);
      return created.documentId as string;
    });
  },

  /**
   * One transition on one or more relationships, all or nothing: every row must be readable (else
   * 404), on the actor's side (hospital or distributor, by the transition's role; else 403
   * NOT_ADDRESSEE) and in a state the transition leaves from (else 409) — otherwise nothing changes.
   */
  async transition(actor: Actor, { action, documentIds, reason: rawReason }: Answer) {
    if (!relationshipMachine.isTransition(action)) throw new DomainError('UNKNOWN_ACTION', '不支持的操作', { status: 400, field: 'action' });
    const spec = relationshipMachine.transitions[action];
    if (!spec.by.includes(actor.role)) {
      throw new DomainError('ROLE_NOT_ALLOWED', `仅${spec.by.includes('hospital') ? '医疗机构' : '配送企业'}可执行“${spec.zh}”`, { status: 403 });
    }
    const reason = normaliseReason(rawReason);
    if (spec.reason && !reason) throw new DomainError('REASON_REQUIRED', `${spec.zh}须填写理由`, { status: 400, field: 'reason' });
    if (reason && reason.length > REASON_MAX_LENGTH) {
      throw new DomainError('REASON_TOO_LONG', `理由不能超过${REASON_MAX_LENGTH}个字`, { status: 400, field: 'reason' });
    }
    const ids = [...new Set(documentIds)];
    const ownField = actor.role === 'hospital' ? 'hospitalOrgId' : 'distributorOrgId';
    const notAddressee = actor.role === 'distributor' ? '只有被委托的配送企业可以处理该申请' : '只有提出申请的医疗机构可以执行此操作';
    const at = now();
    return strapi.db.transaction(async ({ trx }: { trx: Knex.Transaction }) => {
      const changes: Change[] = [];
      for (const documentId of ids) {
        const row = await strapi.db
          .query(UID)
          .findOne({ where: { documentId }, select: ['id', 'documentId', 'status', 'terminatingSince', ...scopeAttributes(UID)] });
        assertReadable(actor, UID, row);
        // Readable (e.g. by the other party) but not on the actor's side: NOT_ADDRESSEE, more precise than NOT_OWNER.
        if (Number(row[ownField]) !== actor.orgId) throw new DomainError('NOT_ADDRESSEE', notAddressee, { status: 403 });
        const from = effectiveRelationshipStatus(row.status as string, dbDate(row.terminatingSince), at);
        if (!relationshipMachine.can(action, from, actor.role)) {
          throw new DomainError('INVALID_STATE', `当前状态为“${relationshipMachine.label(from)}”，不能${spec.zh}`, {
            status: 409,
            details: { documentId, status: from },
          });
        }
        const to = relationshipMachine.next(action, from, { reason, role: actor.role });
        const n = await trx(T)
          .where({ id: row.id, status: row.status })
          .update({ status: to, updated_at: at, ...columnsOf(action, at, reason) });
        if (n !== 1) throw new DomainError('CONCURRENT_CHANGE', '该记录已被他人处理，请刷新后重试', { status: 409 });
        changes.push({ entity: ENTITY, entityId: row.id as number, action, from, to, reason });
      }
      await history().record(actor, changes);
      return { updated: changes.length, status: spec.to };
    });
  },

  /**
   * Stores terminated for relationships whose 30 days have passed and records the history
   * action 'expire'. Optional (hourly job): every read already computes the effective status.
   */
  async expireDue(at: Date = now()): Promise<number> {
    const cutoff = terminationCutoff(at);
    const { terminating, terminated } = RELATIONSHIP_STATUS;
    const due = await knex()(T).select('id').where('status', terminating).where('terminating_since', '<=', cutoff).limit(1000);
    let n = 0;
    for (let i = 0; i < due.length; i += 100) {
      const batch = due.slice(i, i + 100).map((r: RawRow) => r.id as number);
      await strapi.db.transaction(async ({ trx }: { trx: Knex.Transaction }) => {
        const changes: Change[] = [];
        for (const id of batch) {
          const k = await trx(T).where({ id, status: terminating }).where('terminating_since', '<=', cutoff).update({ status: terminated, updated_at: at });
          if (k === 1)
            changes.push({ entity: ENTITY, entityId: id, action: 'expire', from: terminating, to: terminated, reason: '解约期满30天，配送关系自动解除' });
        }
        await history().record(null, changes);
        n += changes.length;
      });
    }
    return n;
  },
});
