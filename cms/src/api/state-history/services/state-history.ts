import { createId } from '@paralleldrive/cuid2';
import { factories } from '@strapi/strapi';
import type { Knex } from 'knex';
import type { Actor } from '../../../scope';
import { now } from '../../../utils/clock';
import { dbIso } from '../../../db/values';

export interface Change {
  entity: string;
  entityId: number;
  action: string;
  from: string | null;
  to: string | null;
  reason?: string | null;
}

const UID = 'api::state-history.state-history';

/** Who acted, as the timeline shows it: the organisation and the login; an operator 经办人 by name too. */
const actorName = (a: Actor) => (a.operator ? `${a.orgName}（经办人 ${a.displayName ?? ''} ${a.username}）` : `${a.orgName}（${a.username}）`);

export default factories.createCoreService(UID, () => ({
  /** Appends state changes (call inside the transaction that makes them). */
  async record(actor: Actor | null, changes: Change[]) {
    if (!changes.length) return;
    const at = now();
    const rows = changes.map((c) => ({
      entity: c.entity,
      entityId: c.entityId,
      action: c.action,
      fromState: c.from,
      toState: c.to,
      reason: c.reason ?? null,
      actorUserId: actor?.userId ?? null,
      actorOrgId: actor?.orgId ?? null,
      actorName: actor ? actorName(actor) : '系统',
      at,
    }));
    for (let i = 0; i < rows.length; i += 500) {
      await strapi.db.query(UID).createMany({ data: rows.slice(i, i + 500) });
    }
  },

  /** The same as `record`, as multi-row inserts on the transaction `trx` (批量配送's hundreds of changes). */
  async recordIn(trx: Knex.Transaction, actor: Actor | null, changes: Change[]) {
    const at = now();
    const who = actor ? actorName(actor) : '系统';
    const rows = changes.map((c) => ({
      document_id: createId(),
      entity: c.entity,
      entity_id: c.entityId,
      action: c.action,
      from_state: c.from,
      to_state: c.to,
      reason: c.reason ?? null,
      actor_user_id: actor?.userId ?? null,
      actor_org_id: actor?.orgId ?? null,
      actor_name: who,
      at,
      created_at: at,
      updated_at: at,
      published_at: at,
    }));
    for (let i = 0; i < rows.length; i += 250) await trx('state_histories').insert(rows.slice(i, i + 250));
  },

  /** The timeline of one record, oldest first; `at` as ISO in China time. */
  async timeline(entity: string, entityId: number) {
    const rows = await strapi.db.query(UID).findMany({
      where: { entity, entityId },
      orderBy: [{ at: 'asc' }, { id: 'asc' }],
      select: ['action', 'fromState', 'toState', 'reason', 'actorName', 'at'],
    });
    return rows.map((r: Record<string, unknown>) => ({ ...r, at: dbIso(r.at) }));
  },
}));
