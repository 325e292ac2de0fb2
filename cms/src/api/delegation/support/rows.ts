/**
 * Reading delegations as rows: the scoped base query, the list columns and the DelegationRow
 * (dates as ISO in China time, actions from the domain for the caller).
 */
import type { Knex } from 'knex';
import { ACTIVE_DELEGATION_STATUSES, delegationActions, DomainError, type DelegationRow, type DelegationStatus } from '../../../domain';
import { applyScope, type Actor } from '../../../scope';
import { notFound } from '../../../scope/ownership';
import { dbDay, dbIso, dbText, type RawRow } from '../../../db/values';

export const UID = 'api::delegation.delegation';
export const ITEM_UID = 'api::delegation-item.delegation-item';

let provinceNames: { at: number; map: Map<string, string> } | null = null;
/** Province name of a two-digit code (regions cached for a minute). */
export async function provinceName(code: string): Promise<string> {
  if (!provinceNames || Date.now() - provinceNames.at > 60_000) {
    const rows = await strapi.db.connection('regions').select('code', 'name').where('level', 'province');
    provinceNames = { at: Date.now(), map: new Map(rows.map((r: RawRow) => [String(r.code).slice(0, 2), r.name as string])) };
  }
  return provinceNames.map.get(code) ?? code;
}

/** Attribute-named view of a raw delegations row (for the ownership checks and the answers). */
export function attrs(r: RawRow) {
  return {
    id: Number(r.id),
    documentId: String(r.document_id),
    delegatorOrgId: Number(r.delegator_org_id),
    manufacturerOrgId: Number(r.manufacturer_org_id),
    distributorOrgId: Number(r.distributor_org_id),
    provinceCode: String(r.province_code),
    level: (Number(r.level ?? 1) === 2 ? 2 : 1) as 1 | 2,
    parentDelegationId: r.parent_delegation_id === null || r.parent_delegation_id === undefined ? null : Number(r.parent_delegation_id),
    status: r.status as DelegationStatus,
    reason: dbText(r.reason),
    productCount: Number(r.product_count ?? 0),
    respondedAt: dbIso(r.responded_at),
    createdAt: dbIso(r.created_at),
  };
}

/** Loads delegations by documentId (inside the transaction), keyed by documentId. */
export async function loadByDocumentIds(trx: Knex.Transaction, ids: string[]): Promise<Map<string, RawRow>> {
  const rows: RawRow[] = await strapi.db.connection('delegations').transacting(trx).select('*').whereIn('document_id', ids);
  return new Map(rows.map((r) => [r.document_id as string, r]));
}

/** The distributor organisation a delegation is addressed to: it must exist and be enabled. */
export async function requireDistributorOrg(trx: Knex.Transaction, id: number, field = 'distributorOrgId') {
  const org = await strapi.db.connection('organisations').transacting(trx).select('id', 'name', 'type', 'enabled').where('id', id).first();
  if (!org || org.type !== 'distributor' || org.enabled === false || org.enabled === 0) {
    throw new DomainError('DISTRIBUTOR_INVALID', '所选机构不是可用的配送企业', { status: 400, field });
  }
  return org;
}

/** Delegations the actor may read, with the organisation names joined. */
export function baseList(actor: Actor) {
  const qb = strapi.db
    .connection('delegations as d')
    .leftJoin('organisations as m', 'm.id', 'd.manufacturer_org_id')
    .leftJoin('organisations as dl', 'dl.id', 'd.delegator_org_id')
    .leftJoin('organisations as ds', 'ds.id', 'd.distributor_org_id')
    .leftJoin('delegations as pd', 'pd.id', 'd.parent_delegation_id');
  applyScope(qb, actor, UID, 'd');
  return qb;
}

export function listColumns(): (string | Knex.Raw)[] {
  const knex = strapi.db.connection;
  const active = ACTIVE_DELEGATION_STATUSES.map(() => '?').join(', ');
  return [
    'd.*',
    'm.name as manufacturer_name',
    'dl.name as delegator_name',
    'ds.name as distributor_name',
    'pd.document_id as parent_document_id',
    knex.raw(`(select count(*) from delegations c where c.parent_delegation_id = d.id and c.status in (${active})) as active_subs`, [
      ...ACTIVE_DELEGATION_STATUSES,
    ]),
  ];
}

export async function toListRow(actor: Actor, raw: RawRow): Promise<DelegationRow> {
  const r = attrs(raw);
  const row: Omit<DelegationRow, 'actions'> = {
    ...r,
    parentDocumentId: dbText(raw.parent_document_id),
    provinceName: await provinceName(r.provinceCode),
    manufacturerName: dbText(raw.manufacturer_name),
    delegatorName: dbText(raw.delegator_name),
    distributorName: dbText(raw.distributor_name),
    hasActiveSubDelegation: Number(raw.active_subs ?? 0) > 0,
  };
  return { ...row, actions: delegationActions(row, actor) };
}

/** One delegation as the list shows it (404 when the actor may not read it). */
export async function oneRow(actor: Actor, documentId: string): Promise<DelegationRow> {
  const raw: RawRow | undefined = await baseList(actor).where('d.document_id', documentId).first(listColumns());
  if (!raw) throw notFound();
  return toListRow(actor, raw);
}

/** A product as the delegation screens show it. */
export function productRow(r: RawRow) {
  return {
    id: r.id as number,
    documentId: r.document_id as string,
    code: r.code as string,
    name: r.name as string,
    registrationNo: r.registration_no as string,
    registrationValidTo: dbDay(r.registration_valid_to),
    spec: dbText(r.spec),
    model: dbText(r.model),
    unit: dbText(r.unit),
    priceFen: r.price_fen === null || r.price_fen === undefined ? null : Number(r.price_fen),
    category: r.category as string,
    manufacturerName: dbText(r.manufacturer_name),
  };
}
