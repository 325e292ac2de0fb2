/**
 * Hospital relationships 医院配送关系 (DOMAIN.md §4): requests, answers, revocation and the 30-day
 * termination. The status read everywhere is the *effective* one: a stored 'terminating' whose
 * terminatingSince is 30 days old reads 'terminated' — in SQL filters and counts through the cutoff
 * (now − 30 d), in rows through effectiveRelationshipStatus. Nothing depends on the hourly job
 * (expireDue), which only stores the change for the history.
 */
import { factories } from '@strapi/strapi';
import {
  assertCanPlaceOrder,
  assertCanRequestAgain,
  canPlaceOrder,
  canRequestAgain,
  daysLeft,
  DomainError,
  effectiveRelationshipStatus,
  normaliseReason,
  relationshipMachine,
  REASON_MAX_LENGTH,
  terminationCutoff,
  terminationEndsAt,
  type RelationshipTransition,
} from '../../../domain';
import type { Actor } from '../../../scope';
import { applyScope, findScoped } from '../../../scope';
import { now } from '../../../utils/clock';
import { pageEnvelope } from '../../../utils/paging';
import { dbDate, dbIso } from '../../../db/values';

const UID = 'api::hospital-relationship.hospital-relationship';
const T = 'hospital_relationships';
export const ENTITY = 'hospital-relationship';

export const EFFECTIVE_STATUSES = relationshipMachine.stateNames;

const SORTS: Record<string, string> = {
  createdAt: 'hr.created_at',
  requestedAt: 'hr.requested_at',
  respondedAt: 'hr.responded_at',
  revokeRequestedAt: 'hr.revoke_requested_at',
  terminatingSince: 'hr.terminating_since',
  status: 'hr.status',
  id: 'hr.id',
};

export interface ListQuery {
  page: number;
  pageSize: number;
  statuses?: string[];
  q?: string;
  hospitalOrgId?: number;
  distributorOrgId?: number;
  orderable?: boolean;
  sort?: { column: string; order: 'asc' | 'desc' };
}

const knex = () => strapi.db.connection;
const isPg = () => String(strapi.db.config?.connection?.client ?? '').startsWith('p');

/** Adds "effective status ∈ statuses" to a knex builder over `hospital_relationships hr`. */
export function whereEffectiveStatus(qb: any, statuses: readonly string[], at: Date, alias = 'hr') {
  const cutoff = terminationCutoff(at);
  const col = (c: string) => `${alias}.${c}`;
  const plain = statuses.filter((s) => s !== 'terminated' && s !== 'terminating');
  return qb.where((w: any) => {
    if (plain.length) w.orWhereIn(col('status'), plain);
    if (statuses.includes('terminated')) {
      w.orWhere(col('status'), 'terminated');
      w.orWhere((x: any) => x.where(col('status'), 'terminating').where(col('terminating_since'), '<=', cutoff));
    }
    if (statuses.includes('terminating')) {
      w.orWhere((x: any) =>
        x.where(col('status'), 'terminating').where((y: any) => y.where(col('terminating_since'), '>', cutoff).orWhereNull(col('terminating_since'))),
      );
    }
    if (!statuses.length) w.whereRaw('1 = 0');
  });
}

/** One list row as every caller sees it: effective status, end date and days left of a termination. */
export function presentRow(r: any, at: Date, regionNames: Map<string, string> = new Map()) {
  const since = dbDate(r.terminating_since ?? r.terminatingSince);
  const stored = r.status;
  const status = effectiveRelationshipStatus(stored, since, at);
  const areas: string[] = parseJsonArray(r.distributor_areas);
  return {
    id: r.id,
    documentId: r.document_id ?? r.documentId,
    hospitalOrgId: r.hospital_org_id ?? r.hospitalOrgId,
    hospitalName: r.hospital_name ?? null,
    hospitalLevel: r.hospital_level ?? null,
    hospitalRegionCode: r.hospital_region_code ?? null,
    hospitalRegionName: r.hospital_region_code ? (regionNames.get(r.hospital_region_code) ?? null) : null,
    distributorOrgId: r.distributor_org_id ?? r.distributorOrgId,
    distributorName: r.distributor_name ?? null,
    distributorAreas: areas.map((code) => ({ code, name: regionNames.get(code) ?? code })),
    provinceCode: r.province_code ?? r.provinceCode,
    status,
    storedStatus: stored,
    reason: r.reason ?? null,
    revokeReason: r.revoke_reason ?? r.revokeReason ?? null,
    requestedAt: dbIso(r.requested_at ?? r.requestedAt),
    respondedAt: dbIso(r.responded_at ?? r.respondedAt),
    revokeRequestedAt: dbIso(r.revoke_requested_at ?? r.revokeRequestedAt),
    terminatingSince: since?.toISOString() ?? null,
    terminationEndsAt: since && (status === 'terminating' || status === 'terminated') ? terminationEndsAt(since).toISOString() : null,
    daysLeft: since && status === 'terminating' ? daysLeft(since, at) : null,
    orderable: canPlaceOrder(status),
    createdAt: dbIso(r.created_at ?? r.createdAt),
    updatedAt: dbIso(r.updated_at ?? r.updatedAt),
  };
}
export type RelationshipRow = ReturnType<typeof presentRow>;

function parseJsonArray(v: unknown): string[] {
  if (Array.isArray(v)) return v.map(String);
  if (typeof v === 'string' && v) {
    try {
      const a = JSON.parse(v);
      return Array.isArray(a) ? a.map(String) : [];
    } catch {
      return [];
    }
  }
  return [];
}

async function regionNamesFor(codes: Iterable<string>): Promise<Map<string, string>> {
  const list = [...new Set([...codes].filter(Boolean))];
  const map = new Map<string, string>();
  for (let i = 0; i < list.length; i += 500) {
    const rows = await knex()('regions')
      .select('code', 'name')
      .whereIn('code', list.slice(i, i + 500));
    for (const r of rows) map.set(r.code, r.name);
  }
  return map;
}

function baseQuery(actor: Actor) {
  const qb = knex()(`${T} as hr`).leftJoin('organisations as h', 'h.id', 'hr.hospital_org_id').leftJoin('organisations as d', 'd.id', 'hr.distributor_org_id');
  applyScope(qb, actor, UID, 'hr');
  return qb;
}

const SELECT = [
  'hr.id',
  'hr.document_id',
  'hr.hospital_org_id',
  'hr.distributor_org_id',
  'hr.province_code',
  'hr.status',
  'hr.reason',
  'hr.revoke_reason',
  'hr.requested_at',
  'hr.responded_at',
  'hr.revoke_requested_at',
  'hr.terminating_since',
  'hr.created_at',
  'hr.updated_at',
  'h.name as hospital_name',
  'h.hospital_level as hospital_level',
  'h.region_code as hospital_region_code',
  'd.name as distributor_name',
  'd.distribution_area_codes as distributor_areas',
];

async function presentRows(rows: any[], at: Date) {
  const codes: string[] = [];
  for (const r of rows) {
    if (r.hospital_region_code) codes.push(r.hospital_region_code);
    codes.push(...parseJsonArray(r.distributor_areas));
  }
  const names = await regionNamesFor(codes);
  return rows.map((r) => presentRow(r, at, names));
}

function escapeLike(s: string) {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

interface Answer {
  action: RelationshipTransition;
  documentIds: string[];
  reason?: string | null;
}

export default factories.createCoreService(UID, () => ({
  /** The purpose-written, paged list (effective status, filters in SQL). */
  async list(actor: Actor, q: ListQuery) {
    const at = now();
    const qb = baseQuery(actor);
    if (q.statuses?.length) whereEffectiveStatus(qb, q.statuses, at);
    if (q.orderable)
      whereEffectiveStatus(
        qb,
        relationshipMachine.stateNames.filter((s) => canPlaceOrder(s)),
        at,
      );
    if (q.hospitalOrgId) qb.where('hr.hospital_org_id', q.hospitalOrgId);
    if (q.distributorOrgId) qb.where('hr.distributor_org_id', q.distributorOrgId);
    if (q.q) {
      const like = `%${escapeLike(q.q)}%`;
      qb.where((w: any) => w.whereRaw(`h.name like ? escape '\\'`, [like]).orWhereRaw(`d.name like ? escape '\\'`, [like]));
    }
    const [{ total }] = await qb.clone().clearSelect().count({ total: 'hr.id' });
    const sort = q.sort && SORTS[q.sort.column] ? q.sort : { column: 'createdAt', order: 'desc' as const };
    const rows = await qb
      .select(SELECT)
      .orderBy(SORTS[sort.column], sort.order)
      .orderBy('hr.id', sort.order)
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize);
    return pageEnvelope(await presentRows(rows, at), Number(total), q.page, q.pageSize);
  },

  /** One relationship the actor may read (404 otherwise), as a list row. */
  async one(actor: Actor, documentId: string) {
    const rows = await baseQuery(actor).select(SELECT).where('hr.document_id', documentId).limit(1);
    if (!rows.length) throw new DomainError('NOT_FOUND', '记录不存在或无权访问', { status: 404 });
    return (await presentRows(rows, now()))[0];
  },

  /** Counts by effective status within the actor's scope, and the to-dos of its role. */
  async counts(actor: Actor) {
    const at = now();
    const cutoff = terminationCutoff(at);
    // Grouped by the stored status; 'terminating' rows past the cutoff are counted as 'terminated'.
    const qb = knex()(`${T} as hr`);
    applyScope(qb, actor, UID, 'hr');
    const rows = await qb
      .select('hr.status')
      .count({ n: 'hr.id' })
      .select(knex().raw(`sum(case when hr.terminating_since <= ? then 1 else 0 end) as due`, [cutoff]))
      .groupBy('hr.status');
    const byStatus: Record<string, number> = Object.fromEntries(relationshipMachine.stateNames.map((s) => [s, 0]));
    for (const r of rows as any[]) {
      const due = r.status === 'terminating' ? Number(r.due ?? 0) : 0;
      byStatus[r.status] = (byStatus[r.status] ?? 0) + Number(r.n) - due;
      byStatus.terminated += due;
    }
    const todo = actor.role === 'distributor' ? byStatus.pending + byStatus.revoking : 0;
    return { byStatus, todo, pending: byStatus.pending, revoking: byStatus.revoking };
  },

  /**
   * Distributors a hospital may ask (委托配送申请): the distributor organisations of its province,
   * enabled, with their distribution areas and the pair's current effective status.
   */
  async candidates(actor: Actor, q: { q?: string } = {}) {
    const at = now();
    const qb = knex()('organisations as d')
      .select('d.id', 'd.document_id', 'd.name', 'd.region_code', 'd.distribution_area_codes')
      .where('d.type', 'distributor')
      .where((w: any) => w.where('d.enabled', true).orWhereNull('d.enabled'))
      .orderBy('d.name', 'asc')
      .limit(500);
    if (actor.provinceCode) qb.where('d.province_code', actor.provinceCode);
    else qb.whereRaw('1 = 0');
    if (q.q) qb.whereRaw(`d.name like ? escape '\\'`, [`%${escapeLike(q.q)}%`]);
    const orgs = await qb;
    const ids = orgs.map((o: any) => o.id);
    const rels = ids.length
      ? await knex()(T).select('distributor_org_id', 'status', 'terminating_since').where('hospital_org_id', actor.orgId).whereIn('distributor_org_id', ids)
      : [];
    const statuses = new Map<number, string[]>();
    for (const r of rels as any[]) {
      const s = effectiveRelationshipStatus(r.status, dbDate(r.terminating_since), at);
      statuses.set(r.distributor_org_id, [...(statuses.get(r.distributor_org_id) ?? []), s]);
    }
    const names = await regionNamesFor(orgs.flatMap((o: any) => parseJsonArray(o.distribution_area_codes)));
    return orgs.map((o: any) => {
      const st = statuses.get(o.id) ?? [];
      const blocking = st.find((s) => !canRequestAgain([s])) ?? null;
      return {
        id: o.id,
        documentId: o.document_id,
        name: o.name,
        areas: parseJsonArray(o.distribution_area_codes).map((code) => ({ code, name: names.get(code) ?? code })),
        currentStatus: blocking,
        canRequest: canRequestAgain(st),
      };
    });
  },

  /** 委托配送申请: a hospital asks a distributor of its province to deliver for it. */
  async request(actor: Actor, distributorOrgId: number) {
    const distributor = await strapi.db.query('api::organisation.organisation').findOne({
      where: { id: distributorOrgId },
      select: ['id', 'type', 'provinceCode', 'enabled', 'name'],
    });
    if (!distributor || distributor.type !== 'distributor') {
      throw new DomainError('DISTRIBUTOR_NOT_FOUND', '配送企业不存在', { status: 404, field: 'distributorOrgId' });
    }
    if (distributor.enabled === false)
      throw new DomainError('DISTRIBUTOR_DISABLED', '该配送企业已停用，不能申请委托配送', { status: 409, field: 'distributorOrgId' });
    if (!actor.provinceCode || distributor.provinceCode !== actor.provinceCode) {
      throw new DomainError('DISTRIBUTOR_OTHER_PROVINCE', '只能向本省的配送企业申请委托配送', { status: 409, field: 'distributorOrgId' });
    }
    return strapi.db.transaction(async ({ trx }: any) => {
      const at = now();
      // Serialise requests of one hospital (PostgreSQL runs transactions in parallel; SQLite has one writer).
      if (isPg()) await trx('organisations').where('id', actor.orgId).forUpdate().select('id');
      const existing = await trx(T).select('status', 'terminating_since').where({ hospital_org_id: actor.orgId, distributor_org_id: distributorOrgId });
      assertCanRequestAgain(existing.map((r: any) => effectiveRelationshipStatus(r.status, dbDate(r.terminating_since), at)));
      const created = await strapi.db.query(UID).create({
        data: { hospitalOrgId: actor.orgId, distributorOrgId, provinceCode: actor.provinceCode, status: 'pending', requestedAt: at },
      });
      await strapi
        .service('api::state-history.state-history')
        .record(actor, [{ entity: ENTITY, entityId: created.id, action: 'request', from: null, to: 'pending' }]);
      return created.documentId as string;
    });
  },

  /**
   * One transition on one or more relationships, all or nothing: every row must be addressed to
   * the actor's organisation (hospital or distributor, by the transition's role) and in a state the
   * transition leaves from — otherwise nothing changes.
   */
  async transition(actor: Actor, { action, documentIds, reason: rawReason }: Answer) {
    if (!relationshipMachine.isTransition(action)) throw new DomainError('UNKNOWN_ACTION', '不支持的操作', { status: 400, field: 'action' });
    const spec = relationshipMachine.transitions[action];
    if (!spec.by.includes(actor.role)) {
      throw new DomainError('ROLE_NOT_ALLOWED', `仅${spec.by.includes('hospital') ? '医疗机构' : '配送企业'}可执行“${spec.zh}”`, { status: 403 });
    }
    const reason = normaliseReason(rawReason);
    if (spec.reason && !reason) {
      throw new DomainError('REASON_REQUIRED', `${spec.zh}须填写理由`, { status: 400, field: 'reason' });
    }
    if (reason && reason.length > REASON_MAX_LENGTH) {
      throw new DomainError('REASON_TOO_LONG', `理由不能超过${REASON_MAX_LENGTH}个字`, { status: 400, field: 'reason' });
    }
    const ids = [...new Set(documentIds)];
    const ownField = actor.role === 'hospital' ? 'hospitalOrgId' : 'distributorOrgId';
    const at = now();
    return strapi.db.transaction(async ({ trx }: any) => {
      const changes: any[] = [];
      for (const documentId of ids) {
        const row = await findScoped(actor, UID, documentId, ['status', 'terminatingSince']);
        if (Number(row[ownField]) !== actor.orgId) {
          // Readable (e.g. the other party) but not addressed to the actor.
          throw new DomainError('NOT_ADDRESSEE', actor.role === 'distributor' ? '只有被委托的配送企业可以处理该申请' : '只有提出申请的医疗机构可以执行此操作', {
            status: 403,
          });
        }
        const from = effectiveRelationshipStatus(row.status, row.terminatingSince, at);
        if (!relationshipMachine.can(action, from, actor.role)) {
          throw new DomainError('INVALID_STATE', `当前状态为“${relationshipMachine.label(from)}”，不能${spec.zh}`, {
            status: 409,
            details: { documentId, status: from },
          });
        }
        const to = relationshipMachine.next(action, from, { reason, role: actor.role });
        const set: Record<string, unknown> = { status: to, updated_at: at };
        if (action === 'accept' || action === 'reject') set.responded_at = at;
        if (action === 'reject') set.reason = reason;
        if (action === 'requestRevoke') {
          set.revoke_requested_at = at;
          set.revoke_reason = reason;
        }
        if (action === 'refuseRevoke') set.revoke_reason = reason;
        if (action === 'acceptRevoke') set.terminating_since = at;
        const n = await trx(T).where({ id: row.id, status: row.status }).update(set);
        if (n !== 1) throw new DomainError('CONCURRENT_CHANGE', '该记录已被他人处理，请刷新后重试', { status: 409 });
        changes.push({ entity: ENTITY, entityId: row.id, action, from, to, reason });
      }
      await strapi.service('api::state-history.state-history').record(actor, changes);
      return { updated: changes.length, status: spec.to };
    });
  },

  /**
   * Distributor ids the hospital may send a new order to now (effective status, domain canPlaceOrder):
   * 已建立, and 撤销待确认 (revoking) deliberately — a revocation not yet accepted leaves the relationship
   * established ("if the distributor refuses, nothing changes"); never 解约中 or 已解除 or anything else.
   */
  async orderableDistributorIds(hospitalOrgId: number): Promise<number[]> {
    const at = now();
    const rows = await knex()(T)
      .select('distributor_org_id', 'status', 'terminating_since')
      .where('hospital_org_id', hospitalOrgId)
      .whereIn('status', ['established', 'revoking', 'terminating']);
    const ids = new Set<number>();
    for (const r of rows as any[]) {
      if (canPlaceOrder(effectiveRelationshipStatus(r.status, dbDate(r.terminating_since), at))) ids.add(Number(r.distributor_org_id));
    }
    return [...ids].sort((a, b) => a - b);
  },

  /** Throws RELATIONSHIP_NOT_ORDERABLE (409) unless the hospital may send a new order to the distributor now. */
  async assertMayOrder(hospitalOrgId: number, distributorOrgId: number): Promise<void> {
    const at = now();
    const rows = await knex()(T).select('status', 'terminating_since').where({ hospital_org_id: hospitalOrgId, distributor_org_id: distributorOrgId });
    const statuses = rows.map((r: any) => effectiveRelationshipStatus(r.status, dbDate(r.terminating_since), at));
    if (statuses.some((s: string) => canPlaceOrder(s))) return;
    // The most telling status: terminating / terminated / pending before "none".
    const order = ['terminating', 'terminated', 'pending'];
    assertCanPlaceOrder(order.find((s) => statuses.includes(s)) ?? statuses[0] ?? null);
  },

  /**
   * Stores 'terminated' for relationships whose 30 days have passed and records the history
   * action 'expire'. Optional (hourly job): every read already computes the effective status.
   */
  async expireDue(at: Date = now()): Promise<number> {
    const cutoff = terminationCutoff(at);
    const due = await knex()(T).select('id').where('status', 'terminating').where('terminating_since', '<=', cutoff).limit(1000);
    let n = 0;
    for (let i = 0; i < due.length; i += 100) {
      const batch = due.slice(i, i + 100).map((r: any) => r.id);
      await strapi.db.transaction(async ({ trx }: any) => {
        const changes: any[] = [];
        for (const id of batch) {
          const k = await trx(T).where({ id, status: 'terminating' }).where('terminating_since', '<=', cutoff).update({ status: 'terminated', updated_at: at });
          if (k === 1)
            changes.push({ entity: ENTITY, entityId: id, action: 'expire', from: 'terminating', to: 'terminated', reason: '解约期满30天，配送关系自动解除' });
        }
        await strapi.service('api::state-history.state-history').record(null, changes);
        n += changes.length;
      });
    }
    return n;
  },
}));
