/**
 * Reading contracts as ContractRow: the scoped base query with the parties' and product's names,
 * the signatures per contract, 执行进度 (ordered so far), and the row the list and detail answer.
 */
import type { Knex } from 'knex';
import {
  CONTRACT_COUNTED_LINE_STATUSES,
  CONTRACT_PARTIES,
  contractActions,
  isContractParty,
  type ContractPartyState,
  type ContractRow,
  type ContractStatus,
} from '../../../domain';
import { applyScope, type Actor } from '../../../scope';
import { notFound } from '../../../scope/ownership';
import { dbDay, dbIso, dbText, type RawRow } from '../../../db/values';

export const UID = 'api::contract.contract';
export const VOLUME_UID = 'api::contract.contract-volume';

/** Contracts the actor may read, with names joined. */
export function baseList(actor: Actor) {
  const qb = strapi.db
    .connection('contracts as c')
    .leftJoin('organisations as h', 'h.id', 'c.hospital_org_id')
    .leftJoin('organisations as m', 'm.id', 'c.manufacturer_org_id')
    .leftJoin('organisations as d', 'd.id', 'c.distributor_org_id')
    .leftJoin('products as p', 'p.id', 'c.product_id');
  applyScope(qb, actor, UID, 'c');
  return qb;
}

export function listColumns(): (string | Knex.Raw)[] {
  return [
    'c.*',
    'h.name as hospital_name',
    'm.name as manufacturer_name',
    'd.name as distributor_name',
    'p.code as product_code',
    'p.name as product_name',
    'p.spec as product_spec',
    'p.model as product_model',
    'p.unit as product_unit',
  ];
}

/** Start of a China calendar day as a Date. */
const chinaDayStart = (day: string) => new Date(`${day}T00:00:00+08:00`);

/** 执行进度 per contract: quantities ordered by the hospital of the product from the distributor within the period. */
async function orderedQuantities(rows: RawRow[]): Promise<Map<number, number>> {
  const out = new Map<number, number>();
  for (const r of rows) {
    const start = dbDay(r.start_date);
    const end = dbDay(r.end_date);
    if (!start || !end) continue;
    const next = new Date(chinaDayStart(end).getTime() + 86_400_000);
    const q = await strapi.db
      .connection('order_lines')
      .where({ hospital_org_id: r.hospital_org_id, distributor_org_id: r.distributor_org_id, product_id: r.product_id })
      .whereIn('status', CONTRACT_COUNTED_LINE_STATUSES)
      .where('ordered_at', '>=', chinaDayStart(start))
      .where('ordered_at', '<', next)
      .sum({ n: 'quantity' })
      .first();
    out.set(Number(r.id), Number(q?.n ?? 0));
  }
  return out;
}

/** Signatures of the contracts, by contract id. */
export async function signaturesOf(ids: number[]): Promise<Map<number, RawRow[]>> {
  const out = new Map<number, RawRow[]>();
  if (!ids.length) return out;
  const rows: RawRow[] = await strapi.db
    .connection('contract_signatures')
    .whereIn('contract_id', ids)
    .select('id', 'contract_id', 'party', 'org_id', 'signed_at', 'cert_serial', 'cert_subject', 'content_hash');
  for (const r of rows) {
    const list = out.get(Number(r.contract_id)) ?? [];
    list.push(r);
    out.set(Number(r.contract_id), list);
  }
  return out;
}

function partyStates(r: RawRow, sigs: RawRow[]): ContractPartyState[] {
  const names = { hospital: r.hospital_name, manufacturer: r.manufacturer_name, distributor: r.distributor_name };
  const orgs = { hospital: r.hospital_org_id, manufacturer: r.manufacturer_org_id, distributor: r.distributor_org_id };
  return CONTRACT_PARTIES.map((party) => {
    const s = sigs.find((x) => x.party === party);
    return {
      party,
      orgId: Number(orgs[party]),
      orgName: dbText(names[party]),
      signed: !!s,
      signedAt: s ? dbIso(s.signed_at) : null,
      certSerial: s ? dbText(s.cert_serial) : null,
    };
  });
}

/** Raw contract rows (with listColumns) → ContractRow for the actor. */
export async function toRows(actor: Actor, raws: RawRow[]): Promise<ContractRow[]> {
  const sigs = await signaturesOf(raws.map((r) => Number(r.id)));
  const ordered = await orderedQuantities(raws);
  return raws.map((r) => {
    const base = {
      id: Number(r.id),
      documentId: String(r.document_id),
      code: String(r.code),
      status: r.status as ContractStatus,
      provinceCode: String(r.province_code),
      hospitalOrgId: Number(r.hospital_org_id),
      manufacturerOrgId: Number(r.manufacturer_org_id),
      distributorOrgId: Number(r.distributor_org_id),
      hospitalName: dbText(r.hospital_name),
      manufacturerName: dbText(r.manufacturer_name),
      distributorName: dbText(r.distributor_name),
      productId: Number(r.product_id),
      productCode: dbText(r.product_code),
      productName: dbText(r.product_name),
      spec: dbText(r.product_spec),
      model: dbText(r.product_model),
      unit: dbText(r.product_unit),
      quantity: Number(r.quantity ?? 0),
      priceFen: Number(r.price_fen ?? 0),
      amountFen: Number(r.amount_fen ?? 0),
      startDate: dbDay(r.start_date) ?? '',
      endDate: dbDay(r.end_date) ?? '',
      contentHash: String(r.content_hash ?? ''),
      parties: partyStates(r, sigs.get(Number(r.id)) ?? []),
      refusedParty: isContractParty(r.refused_party) ? r.refused_party : null,
      refuseReason: dbText(r.refuse_reason),
      effectiveAt: dbIso(r.effective_at),
      createdAt: dbIso(r.created_at),
      orderedQuantity: ordered.get(Number(r.id)) ?? 0,
    };
    return { ...base, actions: contractActions(base, actor) };
  });
}

/** One contract as the actor may read it (404 otherwise), with the raw row for content and signatures. */
export async function oneContract(actor: Actor, documentId: string): Promise<{ row: ContractRow; raw: RawRow }> {
  const raw: RawRow | undefined = await baseList(actor).where('c.document_id', documentId).first(listColumns());
  if (!raw) throw notFound();
  const [row] = await toRows(actor, [raw]);
  return { row: row!, raw };
}
