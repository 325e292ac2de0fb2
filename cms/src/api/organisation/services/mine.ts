/**
 * 企业信息: the caller's own organisation (read-only for everyone); a distributor keeps its
 * distribution areas 配送区域 here, districts (or cities without districts) of its own province.
 */
import type { Knex } from 'knex';
import { DomainError } from '../../../domain/errors';
import { provinceOf } from '../../../domain/region';
import { regionNames } from '../../../db/region-names';
import type { Actor } from '../../../scope';
import { now } from '../../../utils/clock';

const ORG = 'api::organisation.organisation';
const ACCOUNT = 'api::distributor-account.distributor-account';
/** Levels of the regions a distributor may serve. */
const AREA_LEVELS = ['city', 'district'];
const knex = (): Knex => strapi.db.connection as unknown as Knex;

const MINE_FIELDS = [
  'id',
  'documentId',
  'name',
  'type',
  'provinceCode',
  'regionCode',
  'creditCode',
  'legalPerson',
  'authorisedPerson',
  'phone',
  'address',
  'hospitalLevel',
  'distributionAreaCodes',
  'enabled',
];

/** The organisation with its province, region and area names, and a distributor's account (用户名). */
export async function mine(orgId: number) {
  const org = await strapi.db.query(ORG).findOne({ where: { id: orgId }, select: MINE_FIELDS });
  const names = await regionNames();
  const codes: string[] = Array.isArray(org.distributionAreaCodes) ? org.distributionAreaCodes.map(String) : [];
  const account =
    org.type === 'distributor'
      ? await strapi.db.query(ACCOUNT).findOne({ where: { organisationId: orgId }, select: ['username', 'provincialAccount', 'issuedAt'] })
      : null;
  return {
    ...org,
    provinceName: org.provinceCode ? (names.get(`${org.provinceCode}0000`) ?? null) : null,
    regionName: org.regionCode ? (names.get(org.regionCode) ?? null) : null,
    distributionAreaCodes: codes,
    distributionAreas: codes.map((c) => ({ code: c, name: names.get(c) ?? c })),
    account,
  };
}

interface AreaNode {
  code: string;
  name: string;
  children?: { code: string; name: string }[];
}

/** Cities and districts of the actor's province; a city without districts (东莞 …) is itself selectable. */
export async function areaTree(actor: Actor): Promise<AreaNode[]> {
  if (!actor.provinceCode) throw new DomainError('PROVINCE_MISSING', '本企业未设置所在省份', { status: 409 });
  const rows: Array<{ code: string; name: string; level: string; parent_code: string | null }> = await knex()('regions')
    .where('province_code', actor.provinceCode)
    .whereIn('level', AREA_LEVELS)
    .select('code', 'name', 'level', 'parent_code')
    .orderBy('code');
  const [city, district] = AREA_LEVELS;
  return rows
    .filter((r) => r.level === city)
    .map((c) => {
      const districts = rows.filter((r) => r.level === district && r.parent_code === c.code);
      return districts.length
        ? { code: c.code, name: c.name, children: districts.map((d) => ({ code: d.code, name: d.name })) }
        : { code: c.code, name: c.name };
    });
}

/** Replaces the distributor's areas with `codes` (6-digit region codes, checked by the controller). */
export async function setAreas(actor: Actor, codes: string[]) {
  const unique = [...new Set(codes)].sort();
  const wrong = unique.filter((c) => provinceOf(c) !== actor.provinceCode);
  if (wrong.length) {
    throw new DomainError('AREA_OUTSIDE_PROVINCE', `配送区域只能选择本省的区县：${wrong.slice(0, 5).join('、')}`, { status: 400, field: 'codes' });
  }
  const known = new Set<string>();
  for (let i = 0; i < unique.length; i += 500) {
    const part = unique.slice(i, i + 500);
    for (const r of await knex()('regions').whereIn('code', part).whereIn('level', AREA_LEVELS).select('code')) known.add(r.code);
  }
  const unknown = unique.filter((c) => !known.has(c));
  if (unknown.length) throw new DomainError('AREA_UNKNOWN', `未知的行政区划代码：${unknown.slice(0, 5).join('、')}`, { status: 400, field: 'codes' });
  await strapi.db.query(ORG).update({ where: { id: actor.orgId }, data: { distributionAreaCodes: unique, updatedAt: now() } });
  return mine(actor.orgId);
}

export default () => ({ mine, areaTree, setAreas });
