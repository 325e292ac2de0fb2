/**
 * 配送产品目录 of the calling distributor: the items of accepted delegations (level 1 or 2)
 * addressed to it, as a page and as .xlsx (every matching row, streamed).
 */
import type { Readable } from 'node:stream';
import { categoryLabel, chinaDateTime, DELEGATION_LEVEL_LABELS, DELIVERABLE_DELEGATION_STATUSES, pageOf } from '../../../domain';
import { formatFen } from '../../../domain/money';
import type { Actor } from '../../../scope';
import { readPaging } from '../../../utils/query';
import { whereContains } from '../../../utils/search';
import { exportSheet, type Column } from '../../../utils/xlsx-export';
import { dbIso, dbText, type RawRow } from '../../../db/values';
import { parseProductsQuery, type ProductsQuery } from '../support/input';
import { productRow, provinceName } from '../support/rows';

const COLUMNS = [
  'i.id as item_id',
  'i.document_id as item_document_id',
  'i.province_code',
  'd.level',
  'd.document_id as delegation_document_id',
  'd.responded_at',
  ...['id', 'document_id', 'code', 'name', 'registration_no', 'registration_valid_to', 'spec', 'model', 'unit', 'price_fen', 'category'].map((c) => `p.${c}`),
  'm.name as manufacturer_name',
  'dl.name as delegator_name',
  'i.manufacturer_org_id',
  'i.delegator_org_id',
];

function base(actor: Actor, q: ProductsQuery) {
  const qb = strapi.db
    .connection('delegation_items as i')
    .join('delegations as d', 'd.id', 'i.delegation_id')
    .join('products as p', 'p.id', 'i.product_id')
    .leftJoin('organisations as m', 'm.id', 'i.manufacturer_org_id')
    .leftJoin('organisations as dl', 'dl.id', 'i.delegator_org_id')
    .whereIn('d.status', DELIVERABLE_DELEGATION_STATUSES)
    .where('i.distributor_org_id', actor.orgId);
  if (q.provinceCode) qb.where('i.province_code', q.provinceCode);
  if (q.manufacturerOrgId) qb.where('i.manufacturer_org_id', q.manufacturerOrgId);
  if (q.delegationId) qb.where('d.document_id', q.delegationId);
  whereContains(qb, ['p.name', 'p.code', 'p.registration_no', 'm.name'], q.q);
  return qb;
}

async function toRow(r: RawRow) {
  const provinceCode = r.province_code as string;
  return {
    ...productRow(r),
    documentId: r.item_document_id as string,
    productDocumentId: r.document_id as string,
    provinceCode,
    provinceName: await provinceName(provinceCode),
    level: Number(r.level),
    delegationDocumentId: r.delegation_document_id as string,
    delegatorName: dbText(r.delegator_name),
    manufacturerOrgId: Number(r.manufacturer_org_id),
    acceptedAt: dbIso(r.responded_at),
  };
}
type DelegatedProduct = Awaited<ReturnType<typeof toRow>>;

const EXPORT_COLUMNS: Column<DelegatedProduct>[] = [
  { header: '产品编码', width: 14, value: (r) => r.code },
  { header: '产品名称', width: 30, value: (r) => r.name },
  { header: '注册证号', width: 22, value: (r) => r.registrationNo },
  { header: '注册证有效期至', width: 14, value: (r) => r.registrationValidTo },
  { header: '规格', width: 24, value: (r) => r.spec },
  { header: '型号', width: 14, value: (r) => r.model },
  { header: '单位', width: 6, value: (r) => r.unit },
  { header: '挂网价（元）', width: 12, value: (r) => (r.priceFen === null ? '' : Number(formatFen(r.priceFen))) },
  { header: '分类', width: 8, value: (r) => categoryLabel(r.category) },
  { header: '生产企业', width: 30, value: (r) => r.manufacturerName },
  { header: '委托企业', width: 30, value: (r) => r.delegatorName },
  { header: '配送省份', width: 10, value: (r) => r.provinceName },
  { header: '配送层级', width: 10, value: (r) => DELEGATION_LEVEL_LABELS[r.level === 2 ? 2 : 1].zh },
  { header: '确认时间', width: 20, value: (r) => chinaDateTime(r.acceptedAt) },
];

export default () => ({
  /** GET /api/delegated-products */
  async list(actor: Actor, rawQuery: unknown) {
    const q = parseProductsQuery(rawQuery);
    const { page, pageSize, offset } = readPaging(rawQuery, { pageSize: 20, max: 200 });
    const qb = base(actor, q);
    const [{ total }] = await qb.clone().clearSelect().count({ total: '*' });
    const rows = await qb.clone().select(COLUMNS).orderBy('p.code', 'asc').orderBy('i.id', 'asc').limit(pageSize).offset(offset);
    return pageOf(await Promise.all(rows.map(toRow)), Number(total), page, pageSize);
  },

  /** GET /api/delegated-products/export — the same filters, every matching row, in item order. */
  exportXlsx(actor: Actor, rawQuery: unknown): Readable {
    const qb = base(actor, parseProductsQuery(rawQuery));
    let lastId = 0;
    return exportSheet({
      sheetName: '配送产品目录',
      columns: EXPORT_COLUMNS,
      nextRows: async () => {
        const rows = await qb.clone().select(COLUMNS).where('i.id', '>', lastId).orderBy('i.id', 'asc').limit(2000);
        if (rows.length) lastId = Number(rows[rows.length - 1].item_id);
        return Promise.all(rows.map(toRow));
      },
    });
  },
});
