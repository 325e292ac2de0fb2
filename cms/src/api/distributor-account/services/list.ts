/**
 * 本省配送企业用户列表: the bureau's rows of its province (the platform admin reads all), filtered,
 * sorted and paged in SQL, totals cached per filter until an account write or a login; 查看 one row;
 * 导出 the filtered list as a streamed .xlsx.
 */
import type { Readable } from 'node:stream';
import type { Knex } from 'knex';
import { ACCOUNT_EXPORT_MAX_ROWS, pageOf, type AccountRow, type AccountSortField, type Page } from '../../../domain';
import { cachedCount } from '../../../db/count-cache';
import { regionNames } from '../../../db/region-names';
import { notFound, type Actor } from '../../../scope';
import type { Paging } from '../../../utils/query';
import { whereContains } from '../../../utils/search';
import { exportSheet, offsetPager } from '../../../utils/xlsx-export';
import { ACCOUNT_EXPORT_COLUMNS } from './account-xlsx';
import { ACCOUNT_COUNTS, ACCOUNTS, knex, readerProvince, toAccountRow, withLoginLock, type AccountRecord } from './account-data';

export interface AccountFilters {
  username?: string | undefined;
  companyName?: string | undefined;
  provincialAccount?: string | undefined;
  enabled?: boolean | undefined;
  issued?: boolean | undefined;
  loggedIn?: boolean | undefined;
  /** Default: newest first. */
  sort?: { field: AccountSortField; dir: 'asc' | 'desc' } | undefined;
}
const DEFAULT_SORT = { field: 'createdAt', dir: 'desc' } as const;

const SORT_COLUMNS: { readonly [F in AccountSortField]: string } = {
  username: 'a.username',
  provincialAccount: 'a.provincial_account',
  companyName: 'a.company_name',
  createdAt: 'a.created_at',
  issuedAt: 'a.issued_at',
  lastLoginAt: 'a.last_login_at',
  enabled: 'a.enabled',
  issued: 'a.issued',
};

/** Counting 100,000 rows with a substring filter costs tens of milliseconds, the page under one. */
const COUNT_TTL_MS = 30_000;

function filtered(province: string | null, f: AccountFilters): Knex.QueryBuilder {
  const base = knex()(`${ACCOUNTS} as a`);
  if (province) base.where('a.province_code', province);
  whereContains(base, ['a.username'], f.username);
  whereContains(base, ['a.company_name'], f.companyName);
  whereContains(base, ['a.provincial_account'], f.provincialAccount);
  if (f.enabled !== undefined) base.where('a.enabled', f.enabled);
  if (f.issued !== undefined) base.where('a.issued', f.issued);
  if (f.loggedIn === true) base.whereNotNull('a.last_login_at');
  if (f.loggedIn === false) base.whereNull('a.last_login_at');
  return base;
}

function rowsOf(base: Knex.QueryBuilder, f: AccountFilters, offset: number, limit: number): Promise<AccountRecord[]> {
  const sort = f.sort ?? DEFAULT_SORT;
  return withLoginLock(base.clone())
    .leftJoin('organisations as o', 'o.id', 'a.organisation_id')
    .select('a.*', 'o.distribution_area_codes as area_codes')
    .orderBy(SORT_COLUMNS[sort.field], sort.dir)
    .orderBy('a.id', sort.dir)
    .limit(limit)
    .offset(offset);
}

export async function list(actor: Actor, f: AccountFilters, paging: Paging): Promise<Page<AccountRow>> {
  const province = readerProvince(actor);
  const base = filtered(province, f);
  const { sort: _sort, ...where } = f;
  const total = await cachedCount(
    ACCOUNT_COUNTS,
    JSON.stringify([province, where]),
    async () => {
      const [row] = await base.clone().count({ total: '*' });
      return Number(row?.total ?? 0);
    },
    { ttlMs: COUNT_TTL_MS },
  );
  const rows = await rowsOf(base, f, paging.offset, paging.pageSize);
  const names = await regionNames();
  return pageOf(
    rows.map((r) => toAccountRow(actor, r, names)),
    total,
    paging.page,
    paging.pageSize,
  );
}

/** 查看: one row the actor reads (404 otherwise). */
export async function findOne(actor: Actor, documentId: string): Promise<AccountRow> {
  const province = readerProvince(actor);
  const q = withLoginLock(knex()(`${ACCOUNTS} as a`))
    .leftJoin('organisations as o', 'o.id', 'a.organisation_id')
    .where('a.document_id', documentId)
    .first('a.*', 'o.distribution_area_codes as area_codes');
  if (province) q.andWhere('a.province_code', province);
  const row = (await q) as AccountRecord | undefined;
  if (!row) throw notFound();
  return toAccountRow(actor, row, await regionNames());
}

/** 导出: the filtered list in the list's order, fetched a page at a time into a streamed workbook. */
export function exportList(actor: Actor, f: AccountFilters, onRows?: (n: number) => Promise<void>): Readable {
  const base = filtered(readerProvince(actor), f);
  let names: Map<string, string> | null = null;
  return exportSheet<AccountRow>({
    sheetName: '本省配送企业用户列表',
    columns: ACCOUNT_EXPORT_COLUMNS,
    nextRows: offsetPager(
      async (offset, limit) => {
        names ??= await regionNames();
        const rows = await rowsOf(base, f, offset, limit);
        return rows.map((r) => toAccountRow(actor, r, names!));
      },
      2000,
      ACCOUNT_EXPORT_MAX_ROWS,
    ),
    onRows,
  });
}

export default () => ({ list, findOne, exportList });
