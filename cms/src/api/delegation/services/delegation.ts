/**
 * Manufacturer delegations 生产配送关系 and the sub-distribution chain 下级配送链.
 * Every change runs in one transaction, guarded by a conditional UPDATE on the status, and lands in
 * the history (entity 'delegation').
 */
import { factories } from '@strapi/strapi';
import { z } from 'zod';
import {
  assertCanSubDelegate,
  canSubDelegate,
  categoryLabel,
  DomainError,
  delegationMachine,
  isProvinceCode,
  MAX_DELEGATION_PRODUCTS,
  normaliseReason,
  REASON_MAX_LENGTH,
  validationError,
} from '../../../domain';
import { isDomainError } from '../../../domain/errors';
import { chinaDate } from '../../../domain/dates';
import { formatFen } from '../../../domain/money';
import { applyScope, canRead, type Actor } from '../../../scope';
import { now } from '../../../utils/clock';
import { pageEnvelope, readPaging } from '../../../utils/paging';
import type { Readable } from 'node:stream';
import { streamXlsx, type Cell } from '../../../utils/xlsx-export';
import { dbDay } from '../../../db/values';

const UID = 'api::delegation.delegation';
const ITEM_UID = 'api::delegation-item.delegation-item';
const ACTIVE = ['pending', 'accepted'];

// ---------------------------------------------------------------- input

function parse<T>(schema: z.ZodType<T>, raw: unknown): T {
  const r = schema.safeParse(raw ?? {});
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  const field = String(issue?.path?.[0] ?? 'data');
  const messages: Record<string, string> = {
    distributorOrgId: '请选择配送企业',
    provinceCode: '请选择省份',
    productIds: `请选择产品（1–${MAX_DELEGATION_PRODUCTS}个）`,
    ids: '请选择要处理的委托（1–200条）',
    action: '未知的操作',
    reason: `理由不能超过${REASON_MAX_LENGTH}个字`,
  };
  throw validationError('VALIDATION_FAILED', messages[field] ?? `参数不正确：${field}`, field);
}

const orgId = z.coerce.number().int().positive();
const docIds = (max: number) => z.array(z.string().trim().min(1).max(64)).min(1).max(max);

export const createInput = z
  .object({
    distributorOrgId: orgId,
    provinceCode: z
      .string()
      .trim()
      .regex(/^\d{2}$/),
    productIds: docIds(MAX_DELEGATION_PRODUCTS),
  })
  .strict();

export const subInput = z
  .object({
    distributorOrgId: orgId,
    productIds: docIds(MAX_DELEGATION_PRODUCTS).optional(),
  })
  .strict();

export const respondInput = z
  .object({
    action: z.enum(['accept', 'reject']),
    ids: docIds(200),
    reason: z
      .string()
      .max(REASON_MAX_LENGTH * 2)
      .optional()
      .nullable(),
  })
  .strict();

const listQuery = z
  .object({
    status: z.enum(['pending', 'accepted', 'rejected', 'withdrawn']).optional(),
    level: z.enum(['1', '2']).optional(),
    box: z.enum(['incoming', 'outgoing']).optional(),
    provinceCode: z
      .string()
      .regex(/^\d{2}$/)
      .optional(),
    q: z.string().trim().max(100).optional(),
    sort: z.union([z.string(), z.array(z.string())]).optional(),
    pagination: z.object({ page: z.string().optional(), pageSize: z.string().optional() }).partial().optional(),
  })
  .strict();

const productsQuery = z
  .object({
    q: z.string().trim().max(100).optional(),
    provinceCode: z
      .string()
      .regex(/^\d{2}$/)
      .optional(),
    manufacturerOrgId: z.string().regex(/^\d+$/).optional(),
    delegationId: z.string().max(64).optional(),
    pagination: z.object({ page: z.string().optional(), pageSize: z.string().optional() }).partial().optional(),
  })
  .strict();

const likeEscape = (s: string) => `%${s.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
const uniq = <T>(a: T[]) => [...new Set(a)];

// ---------------------------------------------------------------- helpers

let provinceNames: { at: number; map: Map<string, string> } | null = null;
async function provinceName(code: string): Promise<string> {
  if (!provinceNames || Date.now() - provinceNames.at > 60_000) {
    const rows = await strapi.db.connection('regions').select('code', 'name').where('level', 'province');
    provinceNames = { at: Date.now(), map: new Map(rows.map((r: any) => [String(r.code).slice(0, 2), r.name])) };
  }
  return provinceNames.map.get(code) ?? code;
}

async function requireDistributorOrg(trx: any, id: number, field = 'distributorOrgId') {
  const org = await strapi.db.connection('organisations').transacting(trx).select('id', 'name', 'type', 'enabled').where('id', id).first();
  if (!org || org.type !== 'distributor' || org.enabled === false || org.enabled === 0) {
    throw new DomainError('DISTRIBUTOR_INVALID', '所选机构不是可用的配送企业', { status: 400, field });
  }
  return org;
}

function rowError(documentId: string, e: unknown) {
  if (isDomainError(e)) return { documentId, code: e.code, status: e.status, message: e.message };
  throw e;
}

/** Loads delegations by documentId (inside the transaction), keyed by documentId. */
async function loadByDocumentIds(trx: any, ids: string[]) {
  const rows = await strapi.db.connection('delegations').transacting(trx).select('*').whereIn('document_id', ids);
  return new Map(rows.map((r: any) => [r.document_id as string, r]));
}

/** Attribute-named view of a raw delegations row (for canRead and answers). */
function attrs(r: any) {
  return {
    id: r.id,
    documentId: r.document_id,
    delegatorOrgId: Number(r.delegator_org_id),
    manufacturerOrgId: Number(r.manufacturer_org_id),
    distributorOrgId: Number(r.distributor_org_id),
    provinceCode: r.province_code,
    level: Number(r.level ?? 1),
    parentDelegationId: r.parent_delegation_id === null || r.parent_delegation_id === undefined ? null : Number(r.parent_delegation_id),
    status: r.status,
    reason: r.reason ?? null,
    productCount: Number(r.product_count ?? 0),
    respondedAt: r.responded_at ?? null,
    createdAt: r.created_at ?? null,
  };
}

export default factories.createCoreService(UID, () => ({
  // ------------------------------------------------------------ for orders (issue 6)

  /** Is product `productId` (numeric) delegated, by an accepted delegation of level 1 or 2, to distributor `distributorOrgId` in province `provinceCode`? */
  async isDelegated({ productId, distributorOrgId, provinceCode }: { productId: number; distributorOrgId: number; provinceCode: string }): Promise<boolean> {
    const row = await strapi.db
      .connection('delegation_items as i')
      .join('delegations as d', 'd.id', 'i.delegation_id')
      .where({ 'i.product_id': productId, 'i.distributor_org_id': distributorOrgId, 'i.province_code': provinceCode, 'd.status': 'accepted' })
      .first('i.id');
    return !!row;
  },

  /** Numeric ids of every product delegated (accepted, level 1 or 2) to the distributor in the province, ascending. */
  async delegatedProductIds(distributorOrgId: number, provinceCode: string): Promise<number[]> {
    const rows = await strapi.db
      .connection('delegation_items as i')
      .join('delegations as d', 'd.id', 'i.delegation_id')
      .where({ 'i.distributor_org_id': distributorOrgId, 'i.province_code': provinceCode, 'd.status': 'accepted' })
      .distinct('i.product_id')
      .orderBy('i.product_id', 'asc');
    return rows.map((r: any) => Number(r.product_id));
  },

  // ------------------------------------------------------------ changes

  /** A manufacturer delegates its own listed products in one province to one distributor. */
  async create(actor: Actor, body: unknown) {
    const input = parse(createInput, body);
    if (!isProvinceCode(input.provinceCode)) throw validationError('PROVINCE_INVALID', '请选择正确的省份', 'provinceCode');
    const productDocIds = uniq(input.productIds);
    const documentId: string = await strapi.db.transaction(async ({ trx }: any) => {
      const knex = strapi.db.connection;
      const province = await knex('regions')
        .transacting(trx)
        .where({ code: `${input.provinceCode}0000`, level: 'province' })
        .first('id');
      if (!province) throw validationError('PROVINCE_INVALID', '请选择正确的省份', 'provinceCode');
      await requireDistributorOrg(trx, input.distributorOrgId);

      const products = await knex('products as p')
        .transacting(trx)
        .leftJoin('products_manufacturer_lnk as l', 'l.product_id', 'p.id')
        .select('p.id', 'p.document_id', 'p.name', 'p.code', 'p.listed', 'l.organisation_id as mf')
        .whereIn('p.document_id', productDocIds);
      const found = new Map(products.map((p: any) => [p.document_id, p]));
      const missing = productDocIds.filter((d) => !found.has(d));
      if (missing.length)
        throw new DomainError('PRODUCT_NOT_FOUND', `产品不存在：${missing.join('、')}`, { status: 400, field: 'productIds', details: { missing } });
      const foreign = products.filter((p: any) => Number(p.mf) !== actor.orgId);
      if (foreign.length) {
        throw new DomainError('PRODUCT_NOT_OWN', `只能委托本企业的产品：${foreign.map((p: any) => `${p.code} ${p.name}`).join('、')}`, {
          status: 403,
          field: 'productIds',
          details: { products: foreign.map((p: any) => p.document_id) },
        });
      }
      const unlisted = products.filter((p: any) => !(p.listed === true || p.listed === 1));
      if (unlisted.length) {
        throw new DomainError('PRODUCT_NOT_LISTED', `产品未挂网，不能委托：${unlisted.map((p: any) => `${p.code} ${p.name}`).join('、')}`, {
          status: 409,
          field: 'productIds',
          details: { products: unlisted.map((p: any) => p.document_id) },
        });
      }
      const ids = products.map((p: any) => Number(p.id));
      const dup = await knex('delegation_items as i')
        .transacting(trx)
        .join('delegations as d', 'd.id', 'i.delegation_id')
        .join('products as p', 'p.id', 'i.product_id')
        .whereIn('i.product_id', ids)
        .where({ 'd.level': 1, 'd.distributor_org_id': input.distributorOrgId, 'd.province_code': input.provinceCode, 'd.manufacturer_org_id': actor.orgId })
        .whereIn('d.status', ACTIVE)
        .select('p.code', 'p.name');
      if (dup.length) {
        throw new DomainError(
          'PRODUCT_ALREADY_DELEGATED',
          `以下产品已委托该配送企业（待确认或已确认）：${dup.map((p: any) => `${p.code} ${p.name}`).join('、')}`,
          {
            status: 409,
            field: 'productIds',
          },
        );
      }
      return this.insert(
        actor,
        {
          delegatorOrgId: actor.orgId,
          manufacturerOrgId: actor.orgId,
          distributorOrgId: input.distributorOrgId,
          provinceCode: input.provinceCode,
          level: 1,
          parentDelegationId: null,
        },
        ids,
      );
    });
    return { data: await this.one(actor, documentId) };
  },

  /** The distributor of an accepted level-1 delegation delegates (some of) its products on to one other distributor. */
  async subDelegate(actor: Actor, parentDocumentId: string, body: unknown) {
    const input = parse(subInput, body);
    const documentId: string = await strapi.db.transaction(async ({ trx }: any) => {
      const knex = strapi.db.connection;
      const raw = (await loadByDocumentIds(trx, [parentDocumentId])).get(parentDocumentId);
      const parent = raw ? attrs(raw) : null;
      if (!parent || !canRead(actor, UID, parent)) throw new DomainError('NOT_FOUND', '记录不存在或无权访问', { status: 404 });
      if (parent.distributorOrgId !== actor.orgId) {
        throw new DomainError('NOT_ADDRESSED', '只有接受该委托的配送企业可以设置下级配送', { status: 403 });
      }
      assertCanSubDelegate({ level: parent.level, status: parent.status, distributorId: actor.orgId, targetDistributorId: input.distributorOrgId });
      await requireDistributorOrg(trx, input.distributorOrgId);
      const active = await knex('delegations').transacting(trx).where('parent_delegation_id', parent.id).whereIn('status', ACTIVE).first('id');
      if (active) {
        throw new DomainError('SUB_DELEGATION_EXISTS', '该委托已设置下级配送企业（待确认或已确认），不能重复设置', { status: 409 });
      }
      const items = await knex('delegation_items as i')
        .transacting(trx)
        .join('products as p', 'p.id', 'i.product_id')
        .where('i.delegation_id', parent.id)
        .select('i.product_id', 'p.document_id');
      const byDoc = new Map(items.map((i: any) => [i.document_id, Number(i.product_id)]));
      let ids: number[];
      if (input.productIds) {
        const wanted = uniq(input.productIds);
        const outside = wanted.filter((d) => !byDoc.has(d));
        if (outside.length) {
          throw new DomainError('PRODUCT_NOT_IN_DELEGATION', '下级配送只能包含本委托中的产品', {
            status: 400,
            field: 'productIds',
            details: { products: outside },
          });
        }
        ids = wanted.map((d) => byDoc.get(d)!);
      } else {
        ids = [...byDoc.values()];
      }
      if (!ids.length) throw validationError('VALIDATION_FAILED', '请选择产品', 'productIds');
      return this.insert(
        actor,
        {
          delegatorOrgId: actor.orgId,
          manufacturerOrgId: parent.manufacturerOrgId,
          distributorOrgId: input.distributorOrgId,
          provinceCode: parent.provinceCode,
          level: 2,
          parentDelegationId: parent.id,
        },
        ids,
      );
    });
    return { data: await this.one(actor, documentId) };
  },

  /** Inserts a pending delegation with its items and its history (inside the caller's transaction). */
  async insert(
    actor: Actor,
    d: { delegatorOrgId: number; manufacturerOrgId: number; distributorOrgId: number; provinceCode: string; level: number; parentDelegationId: number | null },
    productIds: number[],
  ) {
    const row = await strapi.db.query(UID).create({ data: { ...d, status: 'pending', productCount: productIds.length } });
    const items = productIds.map((productId) => ({
      delegationId: row.id,
      productId,
      distributorOrgId: d.distributorOrgId,
      provinceCode: d.provinceCode,
      manufacturerOrgId: d.manufacturerOrgId,
      delegatorOrgId: d.delegatorOrgId,
    }));
    for (let i = 0; i < items.length; i += 200) await strapi.db.query(ITEM_UID).createMany({ data: items.slice(i, i + 200) });
    await strapi
      .service('api::state-history.state-history')
      .record(actor, [{ entity: 'delegation', entityId: row.id, action: 'create', from: null, to: 'pending' }]);
    return row.documentId as string;
  },

  /** 接受委托 / 拒绝委托 on one or many pending rows addressed to the actor: all or nothing. */
  async respond(actor: Actor, body: unknown) {
    const input = parse(respondInput, body);
    const ids = uniq(input.ids);
    const reason = normaliseReason(input.reason);
    // Reason first: a field error, whatever the rows.
    if (delegationMachine.requiresReason(input.action)) delegationMachine.next(input.action, 'pending', { role: actor.role, reason });
    const label = delegationMachine.actionLabel(input.action);
    await strapi.db.transaction(async ({ trx }: any) => {
      const rows = await loadByDocumentIds(trx, ids);
      const errors: Array<{ documentId: string; code: string; status: number; message: string }> = [];
      for (const id of ids) {
        const raw = rows.get(id);
        const r = raw ? attrs(raw) : null;
        try {
          if (!r || !canRead(actor, UID, r)) throw new DomainError('NOT_FOUND', '记录不存在或无权访问', { status: 404 });
          if (r.distributorOrgId !== actor.orgId) throw new DomainError('NOT_ADDRESSED', '只有被委托的配送企业可以处理该委托', { status: 403 });
          delegationMachine.next(input.action, r.status, { role: actor.role, reason });
        } catch (e) {
          errors.push(rowError(id, e));
        }
      }
      if (errors.length === 1 && ids.length === 1) {
        const e = errors[0];
        throw new DomainError(e.code, e.message, { status: e.status });
      }
      if (errors.length) {
        throw new DomainError(
          'BATCH_REFUSED',
          `${errors.length}条委托无法${label}，全部未处理：${errors.map((e) => `${e.documentId}（${e.message}）`).join('；')}`,
          {
            status: 409,
            details: { rows: errors },
          },
        );
      }
      const to = delegationMachine.transitions[input.action].to;
      const at = now();
      for (const id of ids) {
        const r = attrs(rows.get(id));
        const n = await strapi.db
          .connection('delegations')
          .transacting(trx)
          .where({ id: r.id, status: 'pending' })
          .update({ status: to, reason: input.action === 'reject' ? reason : null, responded_at: at, updated_at: at });
        if (n !== 1) throw new DomainError('CONCURRENT_CHANGE', '委托状态已被其他操作改变，请刷新后重试', { status: 409 });
      }
      await strapi.service('api::state-history.state-history').record(
        actor,
        ids.map((id) => ({
          entity: 'delegation',
          entityId: attrs(rows.get(id)).id,
          action: input.action,
          from: 'pending',
          to,
          reason: input.action === 'reject' ? reason : null,
        })),
      );
    });
    return { data: await Promise.all(ids.map((id) => this.one(actor, id))) };
  },

  /** 撤回: the delegator withdraws a pending delegation. */
  async withdraw(actor: Actor, documentId: string) {
    await strapi.db.transaction(async ({ trx }: any) => {
      const raw = (await loadByDocumentIds(trx, [documentId])).get(documentId);
      const r = raw ? attrs(raw) : null;
      if (!r || !canRead(actor, UID, r)) throw new DomainError('NOT_FOUND', '记录不存在或无权访问', { status: 404 });
      if (r.delegatorOrgId !== actor.orgId) throw new DomainError('NOT_DELEGATOR', '只有发起委托的企业可以撤回', { status: 403 });
      const to = delegationMachine.next('withdraw', r.status, { role: actor.role });
      const at = now();
      const n = await strapi.db
        .connection('delegations')
        .transacting(trx)
        .where({ id: r.id, status: 'pending' })
        .update({ status: to, responded_at: at, updated_at: at });
      if (n !== 1) throw new DomainError('CONCURRENT_CHANGE', '委托状态已被其他操作改变，请刷新后重试', { status: 409 });
      await strapi
        .service('api::state-history.state-history')
        .record(actor, [{ entity: 'delegation', entityId: r.id, action: 'withdraw', from: r.status, to }]);
    });
    return { data: await this.one(actor, documentId) };
  },

  // ------------------------------------------------------------ reads

  baseList(actor: Actor) {
    const knex = strapi.db.connection;
    const qb = knex('delegations as d')
      .leftJoin('organisations as m', 'm.id', 'd.manufacturer_org_id')
      .leftJoin('organisations as dl', 'dl.id', 'd.delegator_org_id')
      .leftJoin('organisations as ds', 'ds.id', 'd.distributor_org_id')
      .leftJoin('delegations as pd', 'pd.id', 'd.parent_delegation_id');
    applyScope(qb, actor, UID, 'd');
    return qb;
  },

  listColumns() {
    const knex = strapi.db.connection;
    return [
      'd.*',
      'm.name as manufacturer_name',
      'dl.name as delegator_name',
      'ds.name as distributor_name',
      'pd.document_id as parent_document_id',
      knex.raw(`(select count(*) from delegations c where c.parent_delegation_id = d.id and c.status in ('pending', 'accepted')) as active_subs`),
      knex.raw(
        `(select c.distributor_org_id from delegations c where c.parent_delegation_id = d.id and c.status in ('pending', 'accepted') order by c.id desc limit 1) as sub_distributor_org_id`,
      ),
    ];
  },

  async toListRow(actor: Actor, raw: any) {
    const r = attrs(raw);
    const addressed = actor.role === 'distributor' && r.distributorOrgId === actor.orgId;
    const activeSubs = Number(raw.active_subs ?? 0);
    return {
      ...r,
      parentDocumentId: raw.parent_document_id ?? null,
      provinceName: await provinceName(r.provinceCode),
      manufacturerName: raw.manufacturer_name ?? null,
      delegatorName: raw.delegator_name ?? null,
      distributorName: raw.distributor_name ?? null,
      hasActiveSubDelegation: activeSubs > 0,
      actions: {
        accept: addressed && delegationMachine.can('accept', r.status, actor.role),
        reject: addressed && delegationMachine.can('reject', r.status, actor.role),
        withdraw: r.delegatorOrgId === actor.orgId && delegationMachine.can('withdraw', r.status, actor.role),
        subDelegate: addressed && canSubDelegate(r.level, r.status) && activeSubs === 0,
      },
    };
  },

  /** One delegation as the list shows it (404 when the actor may not read it). */
  async one(actor: Actor, documentId: string) {
    const raw = await this.baseList(actor).where('d.document_id', documentId).first(this.listColumns());
    if (!raw) throw new DomainError('NOT_FOUND', '记录不存在或无权访问', { status: 404 });
    return this.toListRow(actor, raw);
  },

  /** GET /api/delegation-list — paged, filtered by status, level, box (incoming / outgoing), province. */
  async list(actor: Actor, rawQuery: unknown) {
    const q = parse(listQuery, rawQuery);
    const { page, pageSize, offset } = readPaging(q, { pageSize: 10, max: 200 });
    const qb = this.baseList(actor);
    if (q.status) qb.where('d.status', q.status);
    if (q.level) qb.where('d.level', Number(q.level));
    if (q.provinceCode) qb.where('d.province_code', q.provinceCode);
    if (q.box === 'incoming') qb.where('d.distributor_org_id', actor.orgId);
    if (q.box === 'outgoing') qb.where('d.delegator_org_id', actor.orgId);
    if (q.q) {
      const v = likeEscape(q.q);
      qb.where((w: any) => {
        for (const c of ['m.name', 'dl.name', 'ds.name']) w.orWhereRaw(`lower(${c}) like ? escape '\\'`, [v]);
      });
    }
    const [{ total }] = await qb.clone().clearSelect().count({ total: '*' });
    const sorts: Record<string, string> = { createdAt: 'd.created_at', respondedAt: 'd.responded_at', status: 'd.status', productCount: 'd.product_count' };
    const list = qb.clone().select(this.listColumns()).limit(pageSize).offset(offset);
    const sortList = Array.isArray(q.sort) ? q.sort : q.sort ? q.sort.split(',') : ['createdAt:desc'];
    for (const s of sortList.slice(0, 3)) {
      const [f, dir] = s.split(':');
      if (!sorts[f ?? '']) throw validationError('SORT_INVALID', `不支持的排序字段：${f}`, 'sort');
      list.orderBy(sorts[f!], dir === 'asc' ? 'asc' : 'desc');
    }
    list.orderBy('d.id', 'desc');
    const rows = await Promise.all((await list).map((r: any) => this.toListRow(actor, r)));
    return pageEnvelope(rows, Number(total), page, pageSize);
  },

  /** Products of a delegation (GET /api/delegations/:documentId/products). */
  async products(actor: Actor, documentId: string, rawQuery: unknown) {
    const d = await this.one(actor, documentId);
    const q = parse(productsQuery, rawQuery);
    const { page, pageSize, offset } = readPaging(q, { pageSize: 20, max: 1000 });
    const qb = strapi.db
      .connection('delegation_items as i')
      .join('products as p', 'p.id', 'i.product_id')
      .leftJoin('organisations as m', 'm.id', 'i.manufacturer_org_id')
      .where('i.delegation_id', d.id);
    if (q.q) {
      const v = likeEscape(q.q);
      qb.where((w: any) => {
        for (const c of ['p.name', 'p.code', 'p.registration_no']) w.orWhereRaw(`lower(${c}) like ? escape '\\'`, [v]);
      });
    }
    const [{ total }] = await qb.clone().clearSelect().count({ total: '*' });
    const rows = await qb
      .clone()
      .select(
        'p.id',
        'p.document_id',
        'p.code',
        'p.name',
        'p.registration_no',
        'p.registration_valid_to',
        'p.spec',
        'p.model',
        'p.unit',
        'p.price_fen',
        'p.category',
        'm.name as manufacturer_name',
      )
      .orderBy('p.code', 'asc')
      .orderBy('p.id', 'asc')
      .limit(pageSize)
      .offset(offset);
    return {
      ...pageEnvelope(
        rows.map((r: any) => productRow(r)),
        Number(total),
        page,
        pageSize,
      ),
      delegation: d,
    };
  },

  /** 配送产品目录 base query: items of accepted delegations addressed to the actor. */
  delegatedBase(actor: Actor, q: z.infer<typeof productsQuery>) {
    const qb = strapi.db
      .connection('delegation_items as i')
      .join('delegations as d', 'd.id', 'i.delegation_id')
      .join('products as p', 'p.id', 'i.product_id')
      .leftJoin('organisations as m', 'm.id', 'i.manufacturer_org_id')
      .leftJoin('organisations as dl', 'dl.id', 'i.delegator_org_id')
      .where('d.status', 'accepted')
      .where('i.distributor_org_id', actor.orgId);
    if (q.provinceCode) qb.where('i.province_code', q.provinceCode);
    if (q.manufacturerOrgId) qb.where('i.manufacturer_org_id', Number(q.manufacturerOrgId));
    if (q.delegationId) qb.where('d.document_id', q.delegationId);
    if (q.q) {
      const v = likeEscape(q.q);
      qb.where((w: any) => {
        for (const c of ['p.name', 'p.code', 'p.registration_no', 'm.name']) w.orWhereRaw(`lower(${c}) like ? escape '\\'`, [v]);
      });
    }
    return qb;
  },

  delegatedColumns() {
    return [
      'i.id as item_id',
      'i.document_id as item_document_id',
      'i.province_code',
      'd.level',
      'd.document_id as delegation_document_id',
      'd.responded_at',
      'p.id',
      'p.document_id',
      'p.code',
      'p.name',
      'p.registration_no',
      'p.registration_valid_to',
      'p.spec',
      'p.model',
      'p.unit',
      'p.price_fen',
      'p.category',
      'm.name as manufacturer_name',
      'dl.name as delegator_name',
      'i.manufacturer_org_id',
      'i.delegator_org_id',
    ];
  },

  async delegatedRow(r: any) {
    return {
      ...productRow(r),
      documentId: r.item_document_id,
      productDocumentId: r.document_id,
      provinceCode: r.province_code,
      provinceName: await provinceName(r.province_code),
      level: Number(r.level),
      delegationDocumentId: r.delegation_document_id,
      delegatorName: r.delegator_name ?? null,
      manufacturerOrgId: Number(r.manufacturer_org_id),
      acceptedAt: r.responded_at ?? null,
    };
  },

  /** GET /api/delegated-products — 配送产品目录 of the calling distributor. */
  async delegatedProducts(actor: Actor, rawQuery: unknown) {
    const q = parse(productsQuery, rawQuery);
    const { page, pageSize, offset } = readPaging(q, { pageSize: 20, max: 200 });
    const qb = this.delegatedBase(actor, q);
    const [{ total }] = await qb.clone().clearSelect().count({ total: '*' });
    const rows = await qb.clone().select(this.delegatedColumns()).orderBy('p.code', 'asc').orderBy('i.id', 'asc').limit(pageSize).offset(offset);
    return pageEnvelope(await Promise.all(rows.map((r: any) => this.delegatedRow(r))), Number(total), page, pageSize);
  },

  /** The same list as .xlsx (every matching row). */
  async delegatedProductsXlsx(actor: Actor, rawQuery: unknown): Promise<Readable> {
    const q = parse(productsQuery, rawQuery);
    const qb = this.delegatedBase(actor, q);
    let lastId = 0;
    const headers = [
      '产品编码',
      '产品名称',
      '注册证号',
      '注册证有效期至',
      '规格',
      '型号',
      '单位',
      '挂网价（元）',
      '分类',
      '生产企业',
      '委托企业',
      '配送省份',
      '配送层级',
      '确认时间',
    ];
    return streamXlsx(
      '配送产品目录',
      headers,
      async () => {
        const rows = await qb.clone().select(this.delegatedColumns()).where('i.id', '>', lastId).orderBy('i.id', 'asc').limit(2000);
        if (!rows.length) return [];
        lastId = Number(rows[rows.length - 1].item_id);
        const out: Cell[][] = [];
        for (const raw of rows) {
          const r = await this.delegatedRow(raw);
          out.push([
            r.code,
            r.name,
            r.registrationNo,
            r.registrationValidTo ?? '',
            r.spec ?? '',
            r.model ?? '',
            r.unit ?? '',
            r.priceFen === null ? '' : Number(formatFen(r.priceFen)),
            categoryLabel(r.category),
            r.manufacturerName ?? '',
            r.delegatorName ?? '',
            r.provinceName,
            r.level === 2 ? '下级配送' : '一级配送',
            r.acceptedAt ? chinaDate(new Date(r.acceptedAt)) : '',
          ]);
        }
        return out;
      },
      [14, 30, 22, 14, 24, 14, 6, 12, 8, 30, 30, 10, 10, 12],
    );
  },
}));

function productRow(r: any) {
  return {
    id: r.id,
    documentId: r.document_id,
    code: r.code,
    name: r.name,
    registrationNo: r.registration_no,
    registrationValidTo: dbDay(r.registration_valid_to),
    spec: r.spec ?? null,
    model: r.model ?? null,
    unit: r.unit ?? null,
    priceFen: r.price_fen === null || r.price_fen === undefined ? null : Number(r.price_fen),
    category: r.category,
    manufacturerName: r.manufacturer_name ?? null,
  };
}
