/**
 * 约定采购量: the list (the hospital its own, the manufacturer its products', the bureau its province),
 * the distributors a hospital may pick for one (已建立 relationship, delegated the product in its
 * province), and the pick that creates the contract 待签订 at the listed price with its content fixed.
 */
import { createId } from '@paralleldrive/cuid2';
import type { Knex } from 'knex';
import {
  chinaIso,
  CONTRACT_STATUS,
  CONTRACTABLE_RELATIONSHIP_STATUSES,
  contractContentText,
  DomainError,
  lineAmountFen,
  LIVE_CONTRACT_STATUSES,
  pageOf,
  type ContractContent,
} from '../../../domain';
import { applyScope, type Actor } from '../../../scope';
import { assertOwner } from '../../../scope/ownership';
import { now } from '../../../utils/clock';
import { parseInput, readPaging } from '../../../utils/query';
import { whereContains } from '../../../utils/search';
import { dbDay, dbIso, dbText, type RawRow } from '../../../db/values';
import type delegationService from '../../delegation/services/delegation';
import type historyService from '../../state-history/services/state-history';
import { pickSchema, volumeListSchema } from '../support/input';
import { VOLUME_UID } from '../support/rows';
import crypto from 'node:crypto';

const history = () => strapi.service('api::state-history.state-history') as unknown as ReturnType<typeof historyService>;
const delegations = () => strapi.service('api::delegation.delegation') as unknown as ReturnType<typeof delegationService>;
const knex = () => strapi.db.connection;

function base(actor: Actor) {
  const qb = knex()('contract_volumes as v')
    .leftJoin('organisations as h', 'h.id', 'v.hospital_org_id')
    .leftJoin('organisations as m', 'm.id', 'v.manufacturer_org_id')
    .leftJoin('products as p', 'p.id', 'v.product_id');
  applyScope(qb, actor, VOLUME_UID, 'v');
  return qb;
}

const liveContract = (trx?: Knex.Transaction) => {
  const q = knex()('contracts as lc').whereIn('lc.status', LIVE_CONTRACT_STATUSES);
  return trx ? q.transacting(trx) : q;
};

/** GET /api/contract-volumes */
export async function list(actor: Actor, rawQuery: unknown) {
  const q = parseInput(volumeListSchema, rawQuery, 'INVALID_QUERY');
  const { page, pageSize, offset } = readPaging(rawQuery, { pageSize: 10, max: 200 });
  const qb = base(actor);
  whereContains(qb, ['h.name', 'p.name', 'p.code', 'm.name'], q.q);
  if (q.open !== undefined) {
    const sub = liveContract().select(1).whereRaw('lc.volume_id = v.id');
    if (q.open) qb.whereNotExists(sub);
    else qb.whereExists(sub);
  }
  const [{ total }] = await qb.clone().count({ total: '*' });
  const rows: RawRow[] = await qb
    .clone()
    .select('v.*', 'h.name as hospital_name', 'm.name as manufacturer_name', 'p.code as product_code', 'p.name as product_name', 'p.price_fen', 'p.unit')
    .orderBy('v.id', 'desc')
    .limit(pageSize)
    .offset(offset);
  const live: RawRow[] = rows.length
    ? await liveContract()
        .whereIn(
          'lc.volume_id',
          rows.map((r) => r.id as number),
        )
        .select('lc.volume_id', 'lc.document_id', 'lc.status', 'lc.code')
    : [];
  const data = rows.map((r) => {
    const c = live.find((x) => Number(x.volume_id) === Number(r.id));
    const pickable = actor.role === 'hospital' && Number(r.hospital_org_id) === actor.orgId && !c;
    return {
      id: Number(r.id),
      documentId: String(r.document_id),
      hospitalName: dbText(r.hospital_name),
      manufacturerName: dbText(r.manufacturer_name),
      productId: Number(r.product_id),
      productCode: dbText(r.product_code),
      productName: dbText(r.product_name),
      unit: dbText(r.unit),
      priceFen: Number(r.price_fen ?? 0),
      quantity: Number(r.quantity),
      startDate: dbDay(r.start_date),
      endDate: dbDay(r.end_date),
      contract: c ? { documentId: String(c.document_id), status: String(c.status), code: String(c.code) } : null,
      createdAt: dbIso(r.created_at),
      actions: pickable ? ['pick'] : [],
    };
  });
  return pageOf(data, Number(total), page, pageSize);
}

async function ownVolume(actor: Actor, documentId: string): Promise<RawRow> {
  const v: RawRow | undefined = await knex()('contract_volumes').where({ document_id: documentId }).first();
  assertOwner(actor, VOLUME_UID, v, 'hospitalOrgId', { columns: true, readAttrs: ['hospitalOrgId', 'manufacturerOrgId', 'provinceCode'] });
  return v;
}

/** GET /api/contract-volumes/:documentId/distributors: whom the hospital may pick. */
export async function distributors(actor: Actor, documentId: string) {
  const v = await ownVolume(actor, documentId);
  const rows: RawRow[] = await knex()('hospital_relationships as r')
    .join('organisations as d', 'd.id', 'r.distributor_org_id')
    .where('r.hospital_org_id', actor.orgId)
    .whereIn('r.status', CONTRACTABLE_RELATIONSHIP_STATUSES)
    .distinct('d.id', 'd.name')
    .orderBy('d.name', 'asc');
  const out = [];
  for (const d of rows) {
    if (await delegations().isDelegated({ productId: Number(v.product_id), distributorOrgId: Number(d.id), provinceCode: String(v.province_code) })) {
      out.push({ orgId: Number(d.id), name: String(d.name) });
    }
  }
  return { data: out };
}

async function orgParty(id: number) {
  const o = await knex()('organisations').where({ id }).first('name', 'credit_code');
  return { name: String(o?.name ?? ''), creditCode: dbText(o?.credit_code) };
}

/** POST /api/contract-volumes/:documentId/pick { distributorOrgId }: the contract 待签订. */
export async function pick(actor: Actor, documentId: string, body: unknown) {
  const { distributorOrgId } = parseInput(pickSchema, body, 'DISTRIBUTOR_INVALID');
  const v = await ownVolume(actor, documentId);
  const product: RawRow | undefined = await knex()('products').where({ id: v.product_id }).first();
  if (!product || !product.vbp) throw new DomainError('PRODUCT_NOT_VBP', '只有带量采购产品可以签订三方合同', { status: 400 });
  if (product.price_fen === null || product.price_fen === undefined) throw new DomainError('PRICE_MISSING', '该产品没有挂网价，不能签订合同', { status: 400 });
  const rel = await knex()('hospital_relationships')
    .where({ hospital_org_id: actor.orgId, distributor_org_id: distributorOrgId })
    .whereIn('status', CONTRACTABLE_RELATIONSHIP_STATUSES)
    .first('id');
  if (!rel) throw new DomainError('NO_RELATIONSHIP', '只能选择已建立配送关系的配送企业', { status: 400, field: 'distributorOrgId' });
  const delegated = await delegations().isDelegated({ productId: Number(v.product_id), distributorOrgId, provinceCode: String(v.province_code) });
  if (!delegated) throw new DomainError('NOT_DELEGATED', '该配送企业未获得此产品在本省的配送委托', { status: 400, field: 'distributorOrgId' });
  const quantity = Number(v.quantity);
  const priceFen = Number(product.price_fen);
  const at = now();
  const code = `HT${chinaIso(at)!.slice(0, 10).replace(/-/g, '')}${crypto.randomBytes(4).toString('hex').toUpperCase()}`;
  const content: ContractContent = {
    code,
    provinceCode: String(v.province_code),
    hospital: await orgParty(actor.orgId),
    manufacturer: await orgParty(Number(v.manufacturer_org_id)),
    distributor: await orgParty(distributorOrgId),
    product: {
      code: String(product.code),
      name: String(product.name),
      registrationNo: dbText(product.registration_no),
      spec: dbText(product.spec),
      model: dbText(product.model),
      unit: dbText(product.unit),
    },
    quantity,
    priceFen,
    amountFen: lineAmountFen(priceFen, quantity),
    startDate: dbDay(v.start_date)!,
    endDate: dbDay(v.end_date)!,
    createdAt: chinaIso(at)!,
  };
  const text = contractContentText(content);
  const newDocumentId = createId();
  await strapi.db.transaction(async ({ trx }: { trx: Knex.Transaction }) => {
    if (await liveContract(trx).where('lc.volume_id', v.id).first('lc.id')) {
      throw new DomainError('CONTRACT_EXISTS', '该约定采购量已有待签订或已生效的合同', { status: 409 });
    }
    await knex()('contracts')
      .transacting(trx)
      .insert({
        document_id: newDocumentId,
        code,
        volume_id: v.id,
        hospital_org_id: actor.orgId,
        manufacturer_org_id: v.manufacturer_org_id,
        distributor_org_id: distributorOrgId,
        province_code: v.province_code,
        product_id: v.product_id,
        quantity,
        price_fen: priceFen,
        amount_fen: content.amountFen,
        start_date: content.startDate,
        end_date: content.endDate,
        status: CONTRACT_STATUS.signing,
        content: text,
        content_hash: crypto.createHash('sha256').update(text, 'utf8').digest('hex'),
        created_at: at,
        updated_at: at,
        published_at: at,
      });
    const created = await knex()('contracts').transacting(trx).where({ document_id: newDocumentId }).first('id');
    await history().record(actor, [{ entity: 'contract', entityId: Number(created.id), action: 'create', from: null, to: CONTRACT_STATUS.signing }]);
  });
  return { documentId: newDocumentId, code };
}

export default () => ({ list, distributors, pick });
