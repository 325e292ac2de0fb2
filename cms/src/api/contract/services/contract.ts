/**
 * 三方合同 reads: the list per role (the parties their own, the bureau its province, the platform all)
 * with filters, one contract with its signatures verified on the server, the signed content bytes,
 * each party's .p7s, the export.
 */
import { factories } from '@strapi/strapi';
import type { Knex } from 'knex';
import {
  chinaDateTime,
  CONTRACT_PARTY_LABELS,
  contractMachine,
  DomainError,
  formatFen,
  isContractParty,
  pageOf,
  SIGNABLE_CONTRACT_STATUSES,
  type ContractRow,
} from '../../../domain';
import { verifyDetached, type Verification } from '../../../pki/cms-signature';
import type { Actor } from '../../../scope';
import { readPaging, parseInput } from '../../../utils/query';
import { whereContains } from '../../../utils/search';
import { exportSheet, offsetPager, type Column } from '../../../utils/xlsx-export';
import type { RawRow } from '../../../db/values';
import { authority } from '../../pki/services/authority';
import { CONTRACT_SORTS, listSchema } from '../support/input';
import { baseList, listColumns, oneContract, toRows, UID } from '../support/rows';

const PARTY_COLUMN = { hospital: 'c.hospital_org_id', manufacturer: 'c.manufacturer_org_id', distributor: 'c.distributor_org_id' } as const;

function filtered(actor: Actor, rawQuery: unknown) {
  const q = parseInput(listSchema, rawQuery, 'INVALID_QUERY');
  const qb = baseList(actor);
  if (q.status?.length) qb.whereIn('c.status', q.status);
  if (q.productId) qb.where('c.product_id', q.productId);
  whereContains(qb, ['p.name', 'p.code'], q.product);
  whereContains(qb, ['h.name', 'm.name', 'd.name'], q.counterpart);
  whereContains(qb, ['c.code', 'p.name', 'p.code', 'h.name', 'm.name', 'd.name'], q.q);
  // Contracts whose period overlaps [from, to].
  if (q.from) qb.where('c.end_date', '>=', q.from);
  if (q.to) qb.where('c.start_date', '<=', q.to);
  if (q.awaitingMe) {
    const party = actor.role === 'hospital' || actor.role === 'manufacturer' || actor.role === 'distributor' ? actor.role : null;
    if (!party) qb.whereRaw('1 = 0');
    else
      qb.whereIn('c.status', SIGNABLE_CONTRACT_STATUSES)
        .where(PARTY_COLUMN[party], actor.orgId)
        .whereNotExists(function (this: Knex.QueryBuilder) {
          this.select(1).from('contract_signatures as s').whereRaw('s.contract_id = c.id').where('s.party', party);
        });
  }
  return { qb, sort: q.sort };
}

async function list(actor: Actor, rawQuery: unknown) {
  const { qb, sort } = filtered(actor, rawQuery);
  const { page, pageSize, offset } = readPaging(rawQuery, { pageSize: 10, max: 200 });
  const [{ total }] = await qb.clone().count({ total: '*' });
  const raws: RawRow[] = await qb
    .clone()
    .select<RawRow[]>(listColumns())
    .orderBy(CONTRACT_SORTS[sort.field], sort.dir)
    .orderBy('c.id', 'desc')
    .limit(pageSize)
    .offset(offset);
  return pageOf(await toRows(actor, raws), Number(total), page, pageSize);
}

export interface SignatureCheck extends Verification {
  party: string;
  orgId: number;
  signedAt: string | null;
}

/** One contract with each signature checked by the server against the stored content and the platform CA. */
async function detail(actor: Actor, documentId: string) {
  const { row, raw } = await oneContract(actor, documentId);
  const ca = await authority();
  const content = Buffer.from(String(raw.content ?? ''), 'utf8');
  const sigs: RawRow[] = await strapi.db.connection('contract_signatures').where({ contract_id: row.id }).select('party', 'org_id', 'signature', 'signed_at');
  const signatures: SignatureCheck[] = row.parties
    .filter((p) => p.signed)
    .map((p) => {
      const s = sigs.find((x) => x.party === p.party)!;
      return { party: p.party, orgId: p.orgId, signedAt: p.signedAt, ...verifyDetached(content, Buffer.from(String(s.signature), 'base64'), ca.der) };
    });
  return { data: { ...row, content: String(raw.content ?? ''), signatures } };
}

/** The exact bytes that were signed. */
async function content(actor: Actor, documentId: string): Promise<Buffer> {
  const { raw } = await oneContract(actor, documentId);
  return Buffer.from(String(raw.content ?? ''), 'utf8');
}

/** A party's DER signature (404 when that party has not signed). */
async function signature(actor: Actor, documentId: string, party: string): Promise<Buffer> {
  if (!isContractParty(party)) throw new DomainError('PARTY_INVALID', '签署方应为 hospital、manufacturer 或 distributor', { status: 400, field: 'party' });
  const { row } = await oneContract(actor, documentId);
  const s = await strapi.db.connection('contract_signatures').where({ contract_id: row.id, party }).first('signature');
  if (!s) throw new DomainError('NOT_SIGNED', `${CONTRACT_PARTY_LABELS[party].zh}尚未签订该合同`, { status: 404 });
  return Buffer.from(String(s.signature), 'base64');
}

const partyState = (r: ContractRow, party: 'hospital' | 'manufacturer' | 'distributor') => {
  const p = r.parties.find((x) => x.party === party);
  return p?.signed ? `已签（${chinaDateTime(p.signedAt)}）` : '未签';
};

export const CONTRACT_EXPORT_COLUMNS: readonly Column<ContractRow>[] = [
  { header: '合同编号', width: 22, value: (r) => r.code },
  { header: '状态', width: 10, value: (r) => contractMachine.label(r.status) },
  { header: '甲方（医疗机构）', width: 28, value: (r) => r.hospitalName },
  { header: '乙方（生产企业）', width: 28, value: (r) => r.manufacturerName },
  { header: '丙方（配送企业）', width: 28, value: (r) => r.distributorName },
  { header: '产品编码', width: 16, value: (r) => r.productCode },
  { header: '产品名称', width: 28, value: (r) => r.productName },
  { header: '约定采购量', width: 12, value: (r) => r.quantity },
  { header: '挂网价（元）', width: 12, value: (r) => formatFen(r.priceFen) },
  { header: '合同金额（元）', width: 14, value: (r) => formatFen(r.amountFen) },
  { header: '采购周期开始', width: 14, value: (r) => r.startDate },
  { header: '采购周期结束', width: 14, value: (r) => r.endDate },
  { header: '已采购量', width: 10, value: (r) => r.orderedQuantity },
  { header: '甲方签订', width: 24, value: (r) => partyState(r, 'hospital') },
  { header: '乙方签订', width: 24, value: (r) => partyState(r, 'manufacturer') },
  { header: '丙方签订', width: 24, value: (r) => partyState(r, 'distributor') },
  { header: '拒签原因', width: 24, value: (r) => r.refuseReason },
];

function exportXlsx(actor: Actor, rawQuery: unknown) {
  const { qb, sort } = filtered(actor, rawQuery);
  return exportSheet({
    sheetName: '三方合同',
    columns: CONTRACT_EXPORT_COLUMNS,
    nextRows: offsetPager(
      async (offset, limit) =>
        toRows(
          actor,
          await qb.clone().select<RawRow[]>(listColumns()).orderBy(CONTRACT_SORTS[sort.field], sort.dir).orderBy('c.id', 'desc').limit(limit).offset(offset),
        ),
      500,
      10_000,
    ),
  });
}

export default factories.createCoreService(UID, () => ({ list, detail, content, signature, exportXlsx, one: oneContract }));
