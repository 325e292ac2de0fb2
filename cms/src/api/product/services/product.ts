import { factories } from '@strapi/strapi';
import { z } from 'zod';
import { categoryLabel, certificateBounds, certificateLight, CERT_LIGHTS, type CatalogueRow, type CertLight } from '../../../domain';
import { formatFen } from '../../../domain/money';
import { validationError } from '../../../domain/errors';
import type { Actor } from '../../../scope';
import { now } from '../../../utils/clock';
import { pageEnvelope, readPaging } from '../../../utils/paging';
import type { Readable } from 'node:stream';
import { streamXlsx } from '../../../utils/xlsx-export';
import { dbDay } from '../../../db/values';

const bool = z.enum(['true', 'false']).optional();
const text = z.string().trim().max(100).optional();

/** Query of the catalogue list and its export (unknown keys refused by zod's strict object). */
export const catalogueQuery = z
  .object({
    q: text,
    name: text,
    registrationNo: text,
    manufacturer: text,
    category: z.enum(['trauma', 'spine', 'joint', 'sports', 'neuro', 'other']).optional(),
    keyMonitored: bool,
    vbp: bool,
    light: z.enum(['green', 'yellow', 'red']).optional(),
    own: bool,
    ids: z.string().max(20000).optional(),
    sort: z.union([z.string(), z.array(z.string())]).optional(),
    pagination: z.object({ page: z.string().optional(), pageSize: z.string().optional() }).partial().optional(),
  })
  .strict();

export type CatalogueQuery = z.infer<typeof catalogueQuery>;

const SORTS: Record<string, string> = {
  code: 'p.code',
  name: 'p.name',
  registrationNo: 'p.registration_no',
  registrationValidTo: 'p.registration_valid_to',
  priceFen: 'p.price_fen',
  category: 'p.category',
  createdAt: 'p.created_at',
};

export function parseCatalogueQuery(raw: unknown): CatalogueQuery {
  const r = catalogueQuery.safeParse(raw ?? {});
  if (!r.success) {
    const issue = r.error.issues[0];
    const field = String(issue?.path?.[0] ?? 'query');
    throw validationError('QUERY_INVALID', `查询条件不正确：${field}`, field);
  }
  return r.data;
}

const likeEscape = (s: string) => `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

function sortOf(sort: CatalogueQuery['sort']): Array<[string, 'asc' | 'desc']> {
  const list = (Array.isArray(sort) ? sort : sort ? sort.split(',') : []).slice(0, 3);
  const out: Array<[string, 'asc' | 'desc']> = [];
  for (const s of list) {
    const [f, d] = s.split(':');
    const col = SORTS[f ?? ''];
    if (!col) throw validationError('SORT_INVALID', `不支持的排序字段：${f}`, 'sort');
    out.push([col, d?.toLowerCase() === 'desc' ? 'desc' : 'asc']);
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

const truthy = (v: unknown) => v === true || v === 1 || v === '1' || v === 't' || v === 'true';

export default factories.createCoreService('api::product.product', () => ({
  /** The base query of the catalogue with every filter applied (listed products only). */
  async filtered(actor: Actor, q: CatalogueQuery) {
    const knex = strapi.db.connection;
    const days: number = await (strapi.service('api::platform-setting.platform-setting') as any).certificateWarningDays();
    const { today, yellowUntil } = certificateBounds(now(), days);
    const qb = knex('products as p')
      .leftJoin('products_manufacturer_lnk as l', 'l.product_id', 'p.id')
      .leftJoin('organisations as o', 'o.id', 'l.organisation_id')
      .where('p.listed', true);
    const like = (cols: string[], v: string) =>
      qb.where((w: any) => {
        for (const c of cols) w.orWhereRaw(`lower(${c}) like ? escape '\\'`, [likeEscape(v.toLowerCase())]);
      });
    if (q.q) like(['p.name', 'p.registration_no', 'p.code', 'o.name'], q.q);
    if (q.name) like(['p.name'], q.name);
    if (q.registrationNo) like(['p.registration_no'], q.registrationNo);
    if (q.manufacturer) like(['o.name'], q.manufacturer);
    if (q.category) qb.where('p.category', q.category);
    if (q.keyMonitored) qb.where('p.key_monitored', q.keyMonitored === 'true');
    if (q.vbp) qb.where('p.vbp', q.vbp === 'true');
    if (q.light === 'red') qb.where('p.registration_valid_to', '<', today);
    if (q.light === 'yellow') qb.where('p.registration_valid_to', '>=', today).where('p.registration_valid_to', '<=', yellowUntil);
    if (q.light === 'green') qb.where('p.registration_valid_to', '>', yellowUntil);
    if (q.own === 'true') qb.where('l.organisation_id', actor.role === 'manufacturer' ? actor.orgId : -1);
    if (q.ids) {
      const ids = q.ids
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
        .slice(0, 1000);
      qb.whereIn('p.document_id', ids);
    }
    return { qb, days, today };
  },

  toRow(actor: Actor, r: any, days: number, at: Date): CatalogueRow {
    const validTo = dbDay(r.registration_valid_to);
    const mOrg = r.manufacturer_org_id === null || r.manufacturer_org_id === undefined ? null : Number(r.manufacturer_org_id);
    return {
      id: r.id,
      documentId: r.document_id,
      code: r.code,
      name: r.name,
      registrationNo: r.registration_no,
      registrationValidTo: validTo,
      certificateLight: validTo ? certificateLight(validTo, at, days) : null,
      manufacturerOrgId: mOrg,
      manufacturerName: r.manufacturer_name ?? null,
      ...(actor.role === 'manufacturer' ? { own: mOrg === actor.orgId } : {}),
      spec: r.spec ?? null,
      model: r.model ?? null,
      unit: r.unit ?? null,
      priceFen: r.price_fen === null || r.price_fen === undefined ? null : Number(r.price_fen),
      category: r.category,
      keyMonitored: truthy(r.key_monitored),
      vbp: truthy(r.vbp),
    };
  },

  /** GET /api/catalogue — paged, filtered, sorted. */
  async catalogue(actor: Actor, rawQuery: unknown) {
    const q = parseCatalogueQuery(rawQuery);
    const { page, pageSize, offset } = readPaging(q, { pageSize: 20, max: 200 });
    const { qb, days } = await this.filtered(actor, q);
    const [{ total }] = await qb.clone().clearSelect().count({ total: '*' });
    const list = qb.clone().select(COLUMNS).limit(pageSize).offset(offset);
    for (const [c, d] of sortOf(q.sort)) list.orderBy(c, d);
    const at = now();
    const rows = (await list).map((r: any) => this.toRow(actor, r, days, at));
    const env = pageEnvelope(rows, Number(total), page, pageSize);
    return { ...env, meta: { ...env.meta, certificateWarningDays: days } };
  },

  /** One product with its light (GET /api/catalogue/:documentId). */
  async detail(actor: Actor, documentId: string) {
    const { qb, days } = await this.filtered(actor, {});
    const r = await qb
      .clone()
      .select([...COLUMNS, 'p.description'])
      .where('p.document_id', documentId)
      .first();
    if (!r) return null;
    return { ...this.toRow(actor, r, days, now()), description: r.description ?? null, certificateWarningDays: days };
  },

  /** The filtered catalogue as .xlsx (every matching row), fetched in keyset pages of 5,000. */
  async exportXlsx(actor: Actor, rawQuery: unknown): Promise<Readable> {
    const q = parseCatalogueQuery(rawQuery);
    const { qb, days } = await this.filtered(actor, q);
    const at = now();
    let lastId = 0;
    const CHUNK = 1000;
    const yn = (b: boolean) => (b ? '是' : '否');
    const headers = [
      '产品编码',
      '产品名称',
      '注册证号',
      '注册证有效期至',
      '证书状态',
      '生产企业',
      '规格',
      '型号',
      '单位',
      '挂网价（元）',
      '分类',
      '重点监控',
      '带量采购',
    ];
    return streamXlsx(
      '挂网目录',
      headers,
      async () => {
        const rows = await qb.clone().select(COLUMNS).where('p.id', '>', lastId).orderBy('p.id', 'asc').limit(CHUNK);
        if (!rows.length) return [];
        lastId = rows[rows.length - 1].id;
        return rows.map((raw: any) => {
          const r = this.toRow(actor, raw, days, at);
          return [
            r.code,
            r.name,
            r.registrationNo,
            r.registrationValidTo ?? '',
            r.certificateLight ? CERT_LIGHTS[r.certificateLight].zh : '',
            r.manufacturerName ?? '',
            r.spec ?? '',
            r.model ?? '',
            r.unit ?? '',
            r.priceFen === null ? '' : Number(formatFen(r.priceFen)),
            categoryLabel(r.category),
            yn(r.keyMonitored),
            yn(r.vbp),
          ];
        });
      },
      [14, 30, 22, 14, 10, 30, 24, 14, 6, 12, 8, 8, 8],
    );
  },
}));
