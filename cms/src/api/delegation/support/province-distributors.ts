/**
 * The distributors a delegation in a province may go to: those whose account the province's bureau
 * issued (配送企业管理, manual 000), each with its 配送区域. The manufacturer's picker lists them and
 * the server refuses any other.
 */
import type { Knex } from 'knex';
import { z } from 'zod';
import { DomainError, pageOf, type Page } from '../../../domain';
import { areaCodes, regionNames } from '../../../db/region-names';
import { parseInput, readPaging, searchTerm } from '../../../utils/query';
import { whereContains } from '../../../utils/search';

export interface DistributorOption {
  /** The organisation's numeric id, as the delegation endpoints take it. */
  id: number;
  name: string;
  username: string;
  /** 配送区域: district names in the order the distributor chose them. */
  areas: string[];
}

export const optionsQuery = z.object({
  provinceCode: z.string({ message: '请选择省份' }).regex(/^\d{2}$/, { message: '请选择省份' }),
  q: searchTerm,
  pagination: z.unknown().optional(),
  page: z.unknown().optional(),
  pageSize: z.unknown().optional(),
});

/** Accounts issued in `provinceCode` whose organisation is an enabled distributor. */
function issuedIn(k: Knex, provinceCode: string) {
  return k('distributor_accounts as a')
    .join('organisations as o', 'o.id', 'a.organisation_id')
    .where({ 'a.province_code': provinceCode, 'a.issued': true, 'o.type': 'distributor' })
    .whereNot('o.enabled', false);
}

/** GET /api/delegations/distributor-options?provinceCode=&q= — paged, searched on the server, no cap on the total. */
export async function distributorOptions(rawQuery: unknown): Promise<Page<DistributorOption>> {
  const q = parseInput(optionsQuery, rawQuery);
  const { page, pageSize, offset } = readPaging(rawQuery, { pageSize: 20, max: 100 });
  const k = strapi.db.connection as unknown as Knex;
  const qb = whereContains(issuedIn(k, q.provinceCode), ['o.name', 'a.username', 'a.company_name'], q.q);
  const [{ total }] = await qb.clone().count({ total: '*' });
  const rows: Array<{ id: number; name: string; username: string; area_codes: unknown }> = await qb
    .clone()
    .select('o.id', 'o.name', 'a.username', 'o.distribution_area_codes as area_codes')
    .orderBy('o.name', 'asc')
    .orderBy('o.id', 'asc')
    .limit(pageSize)
    .offset(offset);
  const names = await regionNames(k);
  const data = rows.map((r) => ({
    id: Number(r.id),
    name: r.name,
    username: r.username,
    areas: areaCodes(r.area_codes).map((c) => names.get(c) ?? c),
  }));
  return pageOf(data, Number(total), page, pageSize);
}

/** Refuses (400 DISTRIBUTOR_NOT_IN_PROVINCE, on distributorOrgId) a distributor not issued in the delegation's province. */
export async function requireIssuedIn(trx: Knex.Transaction, distributorOrgId: number, provinceCode: string, field = 'distributorOrgId'): Promise<void> {
  const k = strapi.db.connection as unknown as Knex;
  const found = await issuedIn(k, provinceCode).transacting(trx).where('o.id', distributorOrgId).first('a.id');
  if (!found) {
    throw new DomainError('DISTRIBUTOR_NOT_IN_PROVINCE', '该配送企业不是所选省份已发放账号的配送企业，不能委托其在该省配送', {
      status: 400,
      field,
      details: { provinceCode },
    });
  }
}
