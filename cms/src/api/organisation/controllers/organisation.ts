import { factories } from '@strapi/strapi';
import { DomainError } from '../../../domain/errors';
import { requireActor } from '../../../scope';
import { now } from '../../../utils/clock';
import { regionNames } from '../../../db/region-names';

const ORG = 'api::organisation.organisation';
const MAX_AREAS = 1000;

async function mineBody(orgId: number) {
  const org = await strapi.db.query(ORG).findOne({
    where: { id: orgId },
    select: [
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
    ],
  });
  const names = await regionNames();
  const codes: string[] = Array.isArray(org.distributionAreaCodes) ? org.distributionAreaCodes.map(String) : [];
  const account =
    org.type === 'distributor'
      ? await strapi.db
          .query('api::distributor-account.distributor-account')
          .findOne({ where: { organisationId: orgId }, select: ['username', 'provincialAccount', 'issuedAt'] })
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

export default factories.createCoreController(ORG, () => ({
  /** GET /organisations/mine — 企业信息 of the caller's organisation (read-only for everyone). */
  async mine(ctx: any) {
    const actor = await requireActor(ctx);
    ctx.body = { data: await mineBody(actor.orgId) };
  },

  /** GET /organisations/mine/area-tree — cities and districts of the distributor's province. */
  async areaTree(ctx: any) {
    const actor = await requireActor(ctx);
    if (!actor.provinceCode) throw new DomainError('PROVINCE_MISSING', '本企业未设置所在省份', { status: 409 });
    const rows = await strapi.db
      .connection('regions')
      .where('province_code', actor.provinceCode)
      .whereIn('level', ['city', 'district'])
      .select('code', 'name', 'level', 'parent_code')
      .orderBy('code');
    const cities = rows.filter((r: any) => r.level === 'city');
    const tree = cities.map((c: any) => {
      const districts = rows.filter((r: any) => r.level === 'district' && r.parent_code === c.code);
      // A city without districts (东莞 …) is itself the selectable area.
      return districts.length
        ? { code: c.code, name: c.name, children: districts.map((d: any) => ({ code: d.code, name: d.name })) }
        : { code: c.code, name: c.name };
    });
    ctx.body = { data: tree };
  },

  /** PUT /organisations/mine/areas `{ codes: [...] }` — districts of the distributor's own province. */
  async setAreas(ctx: any) {
    const actor = await requireActor(ctx);
    const codes = ctx.request.body?.codes ?? ctx.request.body?.data?.codes;
    if (!Array.isArray(codes) || codes.length > MAX_AREAS || codes.some((c: unknown) => typeof c !== 'string' || !/^\d{6}$/.test(c))) {
      throw new DomainError('AREAS_INVALID', '配送区域应为行政区划代码（6位数字）列表', { status: 400, field: 'codes' });
    }
    const unique = [...new Set(codes as string[])].sort();
    const wrong = unique.filter((c) => c.slice(0, 2) !== actor.provinceCode);
    if (wrong.length)
      throw new DomainError('AREA_OUTSIDE_PROVINCE', `配送区域只能选择本省的区县：${wrong.slice(0, 5).join('、')}`, { status: 400, field: 'codes' });
    const known = new Set<string>();
    for (let i = 0; i < unique.length; i += 500) {
      const part = unique.slice(i, i + 500);
      for (const r of await strapi.db.connection('regions').whereIn('code', part).whereIn('level', ['district', 'city']).select('code')) known.add(r.code);
    }
    const unknown = unique.filter((c) => !known.has(c));
    if (unknown.length) throw new DomainError('AREA_UNKNOWN', `未知的行政区划代码：${unknown.slice(0, 5).join('、')}`, { status: 400, field: 'codes' });
    await strapi.db.query(ORG).update({ where: { id: actor.orgId }, data: { distributionAreaCodes: unique, updatedAt: now() } });
    ctx.body = { data: await mineBody(actor.orgId) };
  },
}));
