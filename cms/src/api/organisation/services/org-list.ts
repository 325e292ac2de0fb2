/**
 * 机构管理 (联采办): every organisation with its type, province, credit code, logins and state; filters,
 * paging and the .xlsx export of what is filtered.
 */
import type { Knex } from 'knex';
import { chinaDateTime, ORG_TYPE_LABELS, orgActionsFor, pageOf, isOrgType } from '../../../domain';
import type { Paging } from '../../../utils/query';
import { regionNames } from '../../../db/region-names';
import { dbBool, dbIso } from '../../../db/values';
import type { Actor } from '../../../scope';
import { whereContains } from '../../../utils/search';
import { exportSheet, offsetPager, type Column } from '../../../utils/xlsx-export';

export interface OrgFilters {
  id?: number;
  type?: string[];
  provinceCode?: string;
  name?: string;
  creditCode?: string;
  enabled?: boolean;
}

export interface OrgRow {
  id: number;
  documentId: string;
  name: string;
  type: string;
  provinceCode: string | null;
  provinceName: string | null;
  regionCode: string | null;
  creditCode: string | null;
  legalPerson: string | null;
  phone: string | null;
  address: string | null;
  hospitalLevel: string | null;
  enabled: boolean;
  logins: number;
  createdAt: string | null;
  actions: string[];
}

const knex = (): Knex => strapi.db.connection as unknown as Knex;

function filtered(k: Knex, f: OrgFilters) {
  const q = k('organisations as o');
  if (f.id) q.where('o.id', f.id);
  if (f.type?.length) q.whereIn('o.type', f.type);
  if (f.provinceCode) q.where('o.province_code', f.provinceCode);
  if (f.enabled !== undefined) q.where('o.enabled', f.enabled);
  whereContains(q, ['o.name'], f.name);
  whereContains(q, ['o.credit_code'], f.creditCode);
  return q;
}

async function rows(k: Knex, f: OrgFilters, offset: number, limit: number): Promise<OrgRow[]> {
  const logins = k('up_users_organisation_lnk as l').whereRaw('l.organisation_id = o.id').count('*');
  const raw = await filtered(k, f)
    .select('o.*', logins.as('logins'))
    .orderBy([
      { column: 'o.created_at', order: 'desc' },
      { column: 'o.id', order: 'desc' },
    ])
    .offset(offset)
    .limit(limit);
  const names = await regionNames(k);
  return raw.map((r: Record<string, unknown>) => {
    const enabled = r.enabled === null || r.enabled === undefined ? true : dbBool(r.enabled);
    const type = String(r.type);
    return {
      id: Number(r.id),
      documentId: String(r.document_id),
      name: String(r.name),
      type,
      provinceCode: (r.province_code as string) ?? null,
      provinceName: r.province_code ? (names.get(`${r.province_code}0000`) ?? null) : null,
      regionCode: (r.region_code as string) ?? null,
      creditCode: (r.credit_code as string) ?? null,
      legalPerson: (r.legal_person as string) ?? null,
      phone: (r.phone as string) ?? null,
      address: (r.address as string) ?? null,
      hospitalLevel: (r.hospital_level as string) ?? null,
      enabled,
      logins: Number(r.logins ?? 0),
      createdAt: dbIso(r.created_at),
      actions: type === 'distributor' ? [] : orgActionsFor({ type, enabled }),
    };
  });
}

export async function list(_actor: Actor, f: OrgFilters, paging: Paging) {
  const k = knex();
  const total = Number(((await filtered(k, f).count({ n: '*' }).first()) as { n?: unknown } | undefined)?.n ?? 0);
  return pageOf(await rows(k, f, (paging.page - 1) * paging.pageSize, paging.pageSize), total, paging.page, paging.pageSize);
}

export async function one(documentId: string): Promise<OrgRow | null> {
  const k = knex();
  const id = (await k('organisations').where('document_id', documentId).first('id'))?.id;
  if (!id) return null;
  return (await rows(k, { id: Number(id) }, 0, 1))[0] ?? null;
}

const typeLabel = (t: string) => (isOrgType(t) ? ORG_TYPE_LABELS[t].zh : t);
const EXPORT_COLUMNS: readonly Column<OrgRow>[] = [
  { header: '机构名称', width: 32, value: (r) => r.name },
  { header: '机构类型', width: 12, value: (r) => typeLabel(r.type) },
  { header: '所在省份', width: 10, value: (r) => r.provinceName ?? '' },
  { header: '统一社会信用代码', width: 22, value: (r) => r.creditCode ?? '' },
  { header: '法定代表人', width: 10, value: (r) => r.legalPerson ?? '' },
  { header: '联系电话', width: 16, value: (r) => r.phone ?? '' },
  { header: '地址', width: 30, value: (r) => r.address ?? '' },
  { header: '账号数', width: 8, value: (r) => r.logins },
  { header: '状态', width: 8, value: (r) => (r.enabled ? '启用' : '停用') },
  { header: '创建时间', width: 20, value: (r) => chinaDateTime(r.createdAt) },
];

export function exportList(_actor: Actor, f: OrgFilters) {
  const k = knex();
  return exportSheet({ sheetName: '机构列表', columns: EXPORT_COLUMNS, nextRows: offsetPager((offset, limit) => rows(k, f, offset, limit)) });
}

/** The one-time passwords of a batch as a sheet (账号清单), built once, answered with the batch and never stored. */
export async function credentialsSheet(credentials: { organisation: string; username: string; password: string }[]): Promise<string> {
  let done = false;
  const stream = exportSheet({
    sheetName: '账号清单',
    columns: [
      { header: '机构名称', width: 32, value: (c) => c.organisation },
      { header: '用户名', width: 16, value: (c) => c.username },
      { header: '一次性密码（首次登录须修改）', width: 30, value: (c) => c.password },
    ],
    nextRows: async () => (done ? [] : ((done = true), credentials)),
  });
  const parts: Buffer[] = [];
  for await (const chunk of stream) parts.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string));
  return Buffer.concat(parts).toString('base64');
}

export default () => ({ list, one, exportList, credentialsSheet });
