/**
 * Hospital relationships 医院配送关系 (DOMAIN.md §4): reads — the list, one row, the counts, the
 * distributors a hospital may ask, and whether a hospital may order from a distributor now.
 * The status read everywhere is the *effective* one: a stored terminating whose terminatingSince is
 * 30 days old reads terminated — in SQL filters and counts through the cutoff (now − 30 d), in rows
 * through effectiveRelationshipStatus. Changes are in relationship-changes.ts, the .xlsx in
 * relationship-export.ts.
 */
import { factories } from '@strapi/strapi';
import {
  assertCanPlaceOrder,
  canPlaceOrder,
  canRequestAgain,
  DISTRIBUTOR_TODO_RELATIONSHIP_STATUSES,
  effectiveRelationshipStatus,
  mostTellingStatus,
  ORDERABLE_RELATIONSHIP_STATUSES,
  pageOf,
  RELATIONSHIP_STATUS,
  relationshipMachine,
  terminationCutoff,
  type Page,
  type RelationshipRow,
} from '../../../domain';
import { applyScope, type Actor } from '../../../scope';
import { notFound } from '../../../scope/ownership';
import { now } from '../../../utils/clock';
import { readPaging } from '../../../utils/query';
import { whereContains } from '../../../utils/search';
import { dbDate, type RawRow } from '../../../db/values';
import { parseCandidatesQuery, parseListQuery } from '../support/input';
import { baseQuery, filteredList, knex, parseJsonArray, presentRows, regionNamesFor, SELECT, T, UID } from '../support/rows';

/** Effective statuses of every relationship of one hospital with one or more distributors. */
async function pairStatuses(hospitalOrgId: number, distributorOrgIds: number[] | null, at: Date, stored?: readonly string[]) {
  const qb = knex()(T).select('distributor_org_id', 'status', 'terminating_since').where('hospital_org_id', hospitalOrgId);
  if (distributorOrgIds) qb.whereIn('distributor_org_id', distributorOrgIds);
  if (stored) qb.whereIn('status', stored);
  const rows: RawRow[] = await qb;
  return rows.map((r) => ({
    distributorOrgId: Number(r.distributor_org_id),
    status: effectiveRelationshipStatus(r.status as string, dbDate(r.terminating_since), at),
  }));
}

export default factories.createCoreService(UID, () => ({
  /** GET /api/hospital-relationships/list — paged, effective status, filters in SQL. */
  async list(actor: Actor, rawQuery: unknown): Promise<Page<RelationshipRow>> {
    const q = parseListQuery(rawQuery);
    const { page, pageSize, offset } = readPaging(rawQuery, { pageSize: 10, max: 200 });
    const at = now();
    const qb = filteredList(actor, q, at);
    const [{ total }] = await qb.clone().clearSelect().clearOrder().count({ total: 'hr.id' });
    const rows = await qb.select(SELECT).limit(pageSize).offset(offset);
    return pageOf(await presentRows(rows, at, actor), Number(total), page, pageSize);
  },

  /** One relationship the actor may read (404 otherwise), as a list row. */
  async one(actor: Actor, documentId: string): Promise<RelationshipRow> {
    const rows = await baseQuery(actor).select(SELECT).where('hr.document_id', documentId).limit(1);
    if (!rows.length) throw notFound();
    return (await presentRows(rows, now(), actor))[0]!;
  },

  /** Counts by effective status within the actor's scope, and the to-dos of its role. */
  async counts(actor: Actor) {
    const cutoff = terminationCutoff(now());
    // Grouped by the stored status; terminating rows past the cutoff are counted as terminated.
    const qb = knex()(`${T} as hr`);
    applyScope(qb, actor, UID, 'hr');
    const rows = await qb
      .select('hr.status')
      .count({ n: 'hr.id' })
      .select(knex().raw(`sum(case when hr.terminating_since <= ? then 1 else 0 end) as due`, [cutoff]))
      .groupBy('hr.status');
    const byStatus: Record<string, number> = Object.fromEntries(relationshipMachine.stateNames.map((s) => [s, 0]));
    for (const r of rows as RawRow[]) {
      const status = r.status as string;
      const due = status === RELATIONSHIP_STATUS.terminating ? Number(r.due ?? 0) : 0;
      byStatus[status] = (byStatus[status] ?? 0) + Number(r.n) - due;
      byStatus[RELATIONSHIP_STATUS.terminated] = (byStatus[RELATIONSHIP_STATUS.terminated] ?? 0) + due;
    }
    const todo = actor.role === 'distributor' ? DISTRIBUTOR_TODO_RELATIONSHIP_STATUSES.reduce((n, s) => n + (byStatus[s] ?? 0), 0) : 0;
    return { byStatus, todo, pending: byStatus[RELATIONSHIP_STATUS.pending], revoking: byStatus[RELATIONSHIP_STATUS.revoking] };
  },

  /**
   * Distributors a hospital may ask (委托配送申请): the distributor organisations of its province,
   * enabled, with their distribution areas and the pair's current effective status.
   */
  async candidates(actor: Actor, rawQuery: unknown) {
    const q = parseCandidatesQuery(rawQuery);
    const qb = knex()('organisations as d')
      .select('d.id', 'd.document_id', 'd.name', 'd.region_code', 'd.distribution_area_codes')
      .where('d.type', 'distributor')
      .where((w) => w.where('d.enabled', true).orWhereNull('d.enabled'))
      .orderBy('d.name', 'asc')
      .limit(500);
    if (actor.provinceCode) qb.where('d.province_code', actor.provinceCode);
    else qb.whereRaw('1 = 0');
    whereContains(qb, ['d.name'], q.q);
    const orgs: RawRow[] = await qb;
    const statuses = new Map<number, string[]>();
    const pairs = orgs.length
      ? await pairStatuses(
          actor.orgId,
          orgs.map((o) => Number(o.id)),
          now(),
        )
      : [];
    for (const p of pairs) statuses.set(p.distributorOrgId, [...(statuses.get(p.distributorOrgId) ?? []), p.status]);
    const names = await regionNamesFor(orgs.flatMap((o) => parseJsonArray(o.distribution_area_codes)));
    return orgs.map((o) => {
      const st = statuses.get(Number(o.id)) ?? [];
      return {
        id: o.id,
        documentId: o.document_id,
        name: o.name,
        areas: parseJsonArray(o.distribution_area_codes).map((code) => ({ code, name: names.get(code) ?? code })),
        currentStatus: st.find((s) => !canRequestAgain([s])) ?? null,
        canRequest: canRequestAgain(st),
      };
    });
  },

  /**
   * Distributor ids the hospital may send a new order to now (effective status, domain canPlaceOrder):
   * 已建立, and 撤销待确认 (revoking) deliberately — a revocation not yet accepted leaves the relationship
   * established ("if the distributor refuses, nothing changes"); never 解约中 or 已解除 or anything else.
   */
  async orderableDistributorIds(hospitalOrgId: number): Promise<number[]> {
    const pairs = await pairStatuses(hospitalOrgId, null, now(), ORDERABLE_RELATIONSHIP_STATUSES);
    const ids = new Set(pairs.filter((p) => canPlaceOrder(p.status)).map((p) => p.distributorOrgId));
    return [...ids].sort((a, b) => a - b);
  },

  /** Throws RELATIONSHIP_NOT_ORDERABLE (409) unless the hospital may send a new order to the distributor now. */
  async assertMayOrder(hospitalOrgId: number, distributorOrgId: number): Promise<void> {
    const statuses = (await pairStatuses(hospitalOrgId, [distributorOrgId], now())).map((p) => p.status);
    if (statuses.some((s) => canPlaceOrder(s))) return;
    assertCanPlaceOrder(mostTellingStatus(statuses));
  },
}));
