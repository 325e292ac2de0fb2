/**
 * Reading hospital relationships as rows: the scoped base query, the effective-status filter in SQL
 * and the RelationshipRow (effective status, ISO dates in China time, actions for the caller).
 */
import {
  canPlaceOrder,
  relationshipMachine,
  chinaIso,
  daysLeft,
  effectiveRelationshipStatus,
  effectiveStatusPlan,
  RELATIONSHIP_STATUS,
  relationshipActions,
  terminationCutoff,
  terminationEndsAt,
  type ActorRef,
  type RelationshipRow,
  type RelationshipStatus,
} from '../../../domain';
import { applyScope, type Actor } from '../../../scope';
import { whereContains } from '../../../utils/search';
import { RELATIONSHIP_SORTS, type RelationshipListQuery } from './input';
import type { Knex } from 'knex';
import { dbDate, dbIso, dbText, type RawRow } from '../../../db/values';

export const UID = 'api::hospital-relationship.hospital-relationship';
export const T = 'hospital_relationships';
export const ENTITY = 'hospital-relationship';

export const knex = () => strapi.db.connection;

/** Adds "effective status ∈ statuses" to a knex builder over `hospital_relationships hr`. */
export function whereEffectiveStatus<B extends Knex.QueryBuilder>(qb: B, statuses: readonly string[], at: Date, alias = 'hr') {
  const cutoff = terminationCutoff(at);
  const col = (c: string) => `${alias}.${c}`;
  const plan = effectiveStatusPlan(statuses);
  const terminating = RELATIONSHIP_STATUS.terminating;
  return qb.where((w) => {
    if (plan.stored.length) w.orWhereIn(col('status'), plan.stored);
    if (plan.dueTerminating) w.orWhere((x) => x.where(col('status'), terminating).where(col('terminating_since'), '<=', cutoff));
    if (plan.liveTerminating) {
      w.orWhere((x) => x.where(col('status'), terminating).where((y) => y.where(col('terminating_since'), '>', cutoff).orWhereNull(col('terminating_since'))));
    }
    if (!plan.stored.length && !plan.dueTerminating && !plan.liveTerminating) w.whereRaw('1 = 0');
  }) as B;
}

export function parseJsonArray(v: unknown): string[] {
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

export async function regionNamesFor(codes: Iterable<string>): Promise<Map<string, string>> {
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

/** Relationships the actor may read, with the hospital and the distributor joined. */
export function baseQuery(actor: Actor) {
  const qb = knex()(`${T} as hr`).leftJoin('organisations as h', 'h.id', 'hr.hospital_org_id').leftJoin('organisations as d', 'd.id', 'hr.distributor_org_id');
  applyScope(qb, actor, UID, 'hr');
  return qb;
}

const ORDERABLE = relationshipMachine.stateNames.filter((s) => canPlaceOrder(s));

/** The filtered (not yet paged) list query: effective status, orderable, parties, search. */
export function filteredList(actor: Actor, q: RelationshipListQuery, at: Date) {
  const qb = baseQuery(actor);
  if (q.status?.length) whereEffectiveStatus(qb, q.status, at);
  if (q.orderable) whereEffectiveStatus(qb, ORDERABLE, at);
  if (q.hospitalOrgId) qb.where('hr.hospital_org_id', q.hospitalOrgId);
  if (q.distributorOrgId) qb.where('hr.distributor_org_id', q.distributorOrgId);
  whereContains(qb, ['h.name', 'd.name'], q.q);
  return qb.orderBy(RELATIONSHIP_SORTS[q.sort.field], q.sort.dir).orderBy('hr.id', q.sort.dir);
}

export const SELECT = [
  ...['id', 'document_id', 'hospital_org_id', 'distributor_org_id', 'province_code', 'status', 'reason', 'revoke_reason'].map((c) => `hr.${c}`),
  ...['requested_at', 'responded_at', 'revoke_requested_at', 'terminating_since', 'created_at', 'updated_at'].map((c) => `hr.${c}`),
  'h.name as hospital_name',
  'h.hospital_level as hospital_level',
  'h.region_code as hospital_region_code',
  'd.name as distributor_name',
  'd.distribution_area_codes as distributor_areas',
];

/** One list row as `actor` sees it at `at`: effective status, end date and days left of a termination, its actions. */
export function presentRow(r: RawRow, at: Date, regionNames: Map<string, string>, actor: ActorRef): RelationshipRow {
  const since = dbDate(r.terminating_since);
  const stored = r.status as RelationshipStatus;
  const regionCode = dbText(r.hospital_region_code);
  const status = effectiveRelationshipStatus(stored, since, at);
  const ending = since && (status === RELATIONSHIP_STATUS.terminating || status === RELATIONSHIP_STATUS.terminated);
  const row: Omit<RelationshipRow, 'actions'> = {
    id: Number(r.id),
    documentId: r.document_id as string,
    hospitalOrgId: Number(r.hospital_org_id),
    hospitalName: dbText(r.hospital_name),
    hospitalLevel: dbText(r.hospital_level),
    hospitalRegionCode: regionCode,
    hospitalRegionName: regionCode ? (regionNames.get(regionCode) ?? null) : null,
    distributorOrgId: Number(r.distributor_org_id),
    distributorName: dbText(r.distributor_name),
    distributorAreas: parseJsonArray(r.distributor_areas).map((code) => ({ code, name: regionNames.get(code) ?? code })),
    provinceCode: r.province_code as string,
    status,
    storedStatus: stored,
    reason: dbText(r.reason),
    revokeReason: dbText(r.revoke_reason),
    requestedAt: dbIso(r.requested_at),
    respondedAt: dbIso(r.responded_at),
    revokeRequestedAt: dbIso(r.revoke_requested_at),
    terminatingSince: chinaIso(since),
    terminationEndsAt: ending ? chinaIso(terminationEndsAt(since)) : null,
    daysLeft: since && status === RELATIONSHIP_STATUS.terminating ? daysLeft(since, at) : null,
    orderable: canPlaceOrder(status),
    createdAt: dbIso(r.created_at),
    updatedAt: dbIso(r.updated_at),
  };
  return { ...row, actions: relationshipActions(row, actor) };
}

export async function presentRows(rows: RawRow[], at: Date, actor: ActorRef): Promise<RelationshipRow[]> {
  const codes: string[] = [];
  for (const r of rows) {
    if (r.hospital_region_code) codes.push(r.hospital_region_code as string);
    codes.push(...parseJsonArray(r.distributor_areas));
  }
  const names = await regionNamesFor(codes);
  return rows.map((r) => presentRow(r, at, names, actor));
}
