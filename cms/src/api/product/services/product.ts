/**
 * 挂网目录 (the catalogue of listed products): the filtered, sorted, paged list, one product, and the
 * same filters as a streamed .xlsx. Search is utils/search (case-insensitive contains, wildcards literal).
 */
import { factories } from '@strapi/strapi';
import type { Readable } from 'node:stream';
import { z } from 'zod';
import {
  categoryLabel,
  CERT_LIGHT_NAMES,
  certificateBounds,
  certificateLight,
  CERT_LIGHTS,
  pageOf,
  PRODUCT_CATEGORIES,
  type CatalogueRow,
} from '../../../domain';
import { formatFen } from '../../../domain/money';
import { validationError } from '../../../domain/errors';
import type { Actor } from '../../../scope';
import { now } from '../../../utils/clock';
import { boolParam, parseInput, readPaging, searchTerm } from '../../../utils/query';
import { whereContains } from '../../../utils/search';
import { exportSheet, type Column } from '../../../utils/xlsx-export';
import { dbDay, type RawRow } from '../../../db/values';
import type settingsService from '../../platform-setting/services/platform-setting';

/** Query of the catalogue list and its export (unknown keys refused: strict object). */
export const catalogueQuery = z
  .object({
    q: searchTerm,
    name: searchTerm,
    registrationNo: searchTerm,
    manufacturer: searchTerm,
    category: z.enum(PRODUCT_CATEGORIES, { message: '分类无效' }).optional(),
    keyMonitored: boolParam,
    vbp: boolParam,
    light: z.enum(CERT_LIGHT_NAMES, { message: '证书状态无效' }).optional(),
    own: boolParam,
    ids: z.string({ message: '产品列表无效' }).max(20000, { message: '产品列表过长' }).optional(),
    sort: z.union([z.string(), z.array(z.string())]).optional(),
    pagination: z.unknown().optional(),
    page: z.unknown().optional(),
    pageSize: z.unknown().optional(),
  })
  .strict();

export type CatalogueQuery = z.output<typeof catalogueQuery>;

const SORTS: Record<string, string> = {
  code: 'p.code',
  name: 'p.name',
  registrationNo: 'p.registration_no',
  registrationValidTo: 'p.registration_valid_to',
  priceFen: 'p.price_fen',
  category: 'p.category',
  createdAt: 'p.created_at',
};

/** The catalogue query, sort included (the export checks it too, though it writes in id order). */
export function parseCatalogueQuery(raw: unknown): CatalogueQuery {
  const q = parseInput(catalogueQuery, raw, 'QUERY_INVALID');
  sortOf(q.sort);
  return q;
}

/** `sort=a:asc,b:desc` (up to three of SORTS), then p.id; 400 SORT_INVALID for anything else. */
function sortOf(sort: CatalogueQuery['sort']): Array<[string, 'asc' | 'desc']> {
  const list = (Array.isArray(sort) ? sort : sort ? sort.split(',') : []).slice(0, 3);
  const out: Array<[string, 'asc' | 'desc']> = [];
  for (const s of list) {
    const [f, d] = s.split(':');
    const col = SORTS[f ?? ''];
    const dir = (d ?? 'asc').toLowerCase();
    if (!col || (dir !== 'asc' && dir !== 'desc')) throw validationError('SORT_INVALID', `不支持的排序：${s}`, 'sort');
    out.push([col, dir]);
  }
  if (!out.length) out.push(['p.code', 'asc']);
  out.push(['p.id', 'asc']);
  return out;
}

const COLUMNS = [
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
  'p.key_monitored',
  'p.vbp',
  'l.organisation_id as manufacturer_org_id',
  'o.name as manufacturer_name',
];

const yn = (b: boolean) => (b ? '是' : '否');
const EXPORT_COLUMNS: Column<CatalogueRow>[] = [
  { header: '产品编码', width: 14, value: (r) => r.code },
  { header: '产品名称', width: 30, value: (r) => r.name },
  { header: '注册证号', width: 22, value: (r) => r.registrationNo },
  { header: '注册证有效期至', width: 14, value: (r) => r.registrationValidTo },
  { header: '证书状态', width: 10, value: (r) => (r.certificateLight ? CERT_LIGHTS[r.certificateLight].zh : '') },
  { header: '生产企业', width: 30, value: (r) => r.manufacturerName },
  { header: '规格', width: 24, value: (r) => r.spec },
  { header: '型号', width: 14, value: (r) => r.model },
  { header: '单位', width: 6, value: (r) => r.unit },
  { header: '挂网价（元）', width: 12, value: (r) => (r.priceFen === null ? '' : Number(formatFen(r.priceFen))) },
  { header: '分类', width: 8, value: (r) => categoryLabel(r.category) },
  { header: '重点监控', width: 8, value: (r) => yn(r.keyMonitored) },
  { header: '带量采购', width: 8, value: (r) => yn(r.vbp) },
];

const settings = () => strapi.service('api::platform-setting.platform-setting') as unknown as ReturnType<typeof settingsService>;
const truthy = (v: unknown) => v === true || v === 1 || v === '1' || v === 't' || v === 'true';

/** The base query of the catalogue with every filter applied (listed products only). */
async function filtered(actor: Actor, q: CatalogueQuery) {
  const knex = strapi.db.connection;
  const days = await settings().certificateWarningDays();
  const { today, yellowUntil } = certificateBounds(now(), days);
  const qb = knex('products as p')
    .leftJoin('products_manufacturer_lnk as l', 'l.product_id', 'p.id')
    .leftJoin('organisations as o', 'o.id', 'l.organisation_id')
    .where('p.listed', true);
  whereContains(qb, ['p.name', 'p.registration_no', 'p.code', 'o.name'], q.q);
  whereContains(qb, ['p.name'], q.name);
  whereContains(qb, ['p.registration_no'], q.registrationNo);
  whereContains(qb, ['o.name'], q.manufacturer);
  if (q.category) qb.where('p.category', q.category);
  if (q.keyMonitored !== undefined) qb.where('p.key_monitored', q.keyMonitored);
  if (q.vbp !== undefined) qb.where('p.vbp', q.vbp);
  if (q.light === 'red') qb.where('p.registration_valid_to', '<', today);
  if (q.light === 'yellow') qb.where('p.registration_valid_to', '>=', today).where('p.registration_valid_to', '<=', yellowUntil);
  if (q.light === 'green') qb.where('p.registration_valid_to', '>', yellowUntil);
  if (q.own) qb.where('l.organisation_id', actor.role === 'manufacturer' ? actor.orgId : -1);
  if (q.ids) {
    const ids = q.ids
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean)
      .slice(0, 1000);
    qb.whereIn('p.document_id', ids);
  }
  return { qb, days, today };
}

/** A products row (with its manufacturer) → CatalogueRow, the light from `days`. */
function toRow(actor: Actor, r: RawRow, days: number, at: Date): CatalogueRow {
  const validTo = dbDay(r.registration_valid_to);
  const mOrg = r.manufacturer_org_id === null || r.manufacturer_org_id === undefined ? null : Number(r.manufacturer_org_id);
  return {
    id: r.id as number,
    documentId: r.document_id as string,
    code: r.code as string,
    name: r.name as string,
    registrationNo: r.registration_no as string,
    registrationValidTo: validTo,
    certificateLight: validTo ? certificateLight(validTo, at, days) : null,
    manufacturerOrgId: mOrg,
    manufacturerName: (r.manufacturer_name as string | null) ?? null,
    ...(actor.role === 'manufacturer' ? { own: mOrg === actor.orgId } : {}),
    spec: (r.spec as string | null) ?? null,
    model: (r.model as string | null) ?? null,
    unit: (r.unit as string | null) ?? null,
    priceFen: r.price_fen === null || r.price_fen === undefined ? null : Number(r.price_fen),
    category: r.category as string,
    keyMonitored: truthy(r.key_monitored),
    vbp: truthy(r.vbp),
  };
}

export default factories.createCoreService('api::product.product', () => ({
  // Still members of the service, as before the controller's calls were typed.
  filtered,
  toRow,

  /** GET /api/catalogue — paged, filtered, sorted. */
  async catalogue(actor: Actor, rawQuery: unknown) {
    const q = parseCatalogueQuery(rawQuery);
    const { page, pageSize, offset } = readPaging(rawQuery, { pageSize: 20, max: 200 });
    const { qb, days } = await filtered(actor, q);
    const [{ total }] = await qb.clone().clearSelect().count({ total: '*' });
    const list = qb.clone().select(COLUMNS).limit(pageSize).offset(offset);
    for (const [c, d] of sortOf(q.sort)) list.orderBy(c, d);
    const at = now();
    const rows = (await list).map((r: RawRow) => toRow(actor, r, days, at));
    const env = pageOf(rows, Number(total), page, pageSize);
    return { ...env, meta: { ...env.meta, certificateWarningDays: days } };
  },

  /** One product with its light (GET /api/catalogue/:documentId). */
  async detail(actor: Actor, documentId: string) {
    const { qb, days } = await filtered(actor, {});
    const r = await qb
      .clone()
      .select([...COLUMNS, 'p.description'])
      .where('p.document_id', documentId)
      .first();
    if (!r) return null;
    return { ...toRow(actor, r, days, now()), description: r.description ?? null, certificateWarningDays: days };
  },

  /** The filtered catalogue as .xlsx (every matching row), fetched in keyset pages of 1,000. */
  async exportXlsx(actor: Actor, rawQuery: unknown): Promise<Readable> {
    const q = parseCatalogueQuery(rawQuery);
    const { qb, days } = await filtered(actor, q);
    const at = now();
    let lastId = 0;
    return exportSheet({
      sheetName: '挂网目录',
      columns: EXPORT_COLUMNS,
      nextRows: async () => {
        const rows = await qb.clone().select(COLUMNS).where('p.id', '>', lastId).orderBy('p.id', 'asc').limit(1000);
        if (rows.length) lastId = rows[rows.length - 1].id;
        return rows.map((raw: RawRow) => toRow(actor, raw, days, at));
      },
    });
  },
}));
