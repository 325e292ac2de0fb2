import type { Core } from '@strapi/strapi';
import { makeCreditCode } from '../domain/credit-code';
import { roleForOrgType } from '../domain/roles';
import { DEMO_ORGS, DEMO_PASSWORD } from './demo-organisations';
import { demoProducts } from './demo-products';
import { hashPassword } from '../db/users';

const ORG = 'api::organisation.organisation';
const USER = 'plugin::users-permissions.user';
const ROLE = 'plugin::users-permissions.role';
const ACCOUNT = 'api::distributor-account.distributor-account';
const PRODUCT = 'api::product.product';

const DAY = 24 * 3600 * 1000;
const isoDate = (d: Date) => d.toISOString().slice(0, 10);

/**
 * Demo data: the platform admin, two bureaus, three manufacturers, five distributors (issued accounts),
 * five hospitals, a user each, and about fifty products. Idempotent: creates only what is missing.
 */
export async function seedDemo(strapi: Core.Strapi) {
  const users = strapi.plugin('users-permissions').service('user');
  const orgIds: Record<string, number> = {};
  for (const o of DEMO_ORGS) {
    let org = await strapi.db.query(ORG).findOne({ where: { name: o.name, type: o.type } });
    if (!org) {
      org = await strapi.db.query(ORG).create({
        data: {
          name: o.name,
          type: o.type,
          provinceCode: o.provinceCode,
          regionCode: o.regionCode ?? null,
          creditCode: o.creditBase ? makeCreditCode(o.creditBase) : null,
          legalPerson: o.legalPerson ?? null,
          phone: o.phone ?? null,
          address: o.address ?? null,
          hospitalLevel: o.hospitalLevel ?? null,
          distributionAreaCodes: o.areas ?? null,
          enabled: true,
        },
      });
    }
    orgIds[o.key] = org.id;

    let user = await strapi.db.query(USER).findOne({ where: { username: o.username } });
    if (!user) {
      const role = await strapi.db.query(ROLE).findOne({ where: { type: roleForOrgType(o.type) } });
      user = await users.add({
        username: o.username,
        email: null,
        password: DEMO_PASSWORD,
        provider: 'local',
        confirmed: true,
        blocked: false,
        role: role.id,
        organisation: org.id,
        displayName: o.name,
        mustChangePassword: false,
      });
    }

    if (o.type === 'bureau' && !org.initialPasswordHash) {
      // The initial password of the accounts a bureau issues: the bureau admin's *initial* password
      // (manual 000), hashed on its own; never a copy of the login's hash, which follows its changes.
      await strapi.db.query(ORG).update({ where: { id: org.id }, data: { initialPasswordHash: await hashPassword(DEMO_PASSWORD) } });
    }

    if (o.type === 'distributor') {
      const account = await strapi.db.query(ACCOUNT).findOne({ where: { username: o.username } });
      if (!account) {
        const bureau = DEMO_ORGS.find((b) => b.type === 'bureau' && b.provinceCode === o.provinceCode)!;
        await strapi.db.query(ACCOUNT).create({
          data: {
            username: o.username,
            provincialAccount: o.provincialAccount ?? null,
            seq: o.seq ?? null,
            companyName: o.name,
            creditCode: makeCreditCode(o.creditBase!),
            legalPerson: o.legalPerson,
            authorisedPerson: o.legalPerson,
            phone: o.phone,
            provinceCode: o.provinceCode,
            bureauOrgId: orgIds[bureau.key],
            organisationId: org.id,
            userId: user.id,
            issued: true,
            issuedAt: new Date(),
            enabled: true,
          },
        });
      }
    }
  }

  const products = demoProducts();
  const existing = new Set((await strapi.db.query(PRODUCT).findMany({ select: ['code'] })).map((p: { code: string }) => p.code));
  const today = Date.now();
  for (const p of products) {
    if (existing.has(p.code)) continue;
    await strapi.db.query(PRODUCT).create({
      data: {
        code: p.code,
        name: p.name,
        registrationNo: p.registrationNo,
        registrationValidTo: isoDate(new Date(today + p.validDays * DAY)),
        manufacturer: orgIds[p.manufacturerKey],
        spec: p.spec,
        model: p.model,
        unit: p.unit,
        priceFen: p.priceFen,
        category: p.category,
        keyMonitored: p.keyMonitored,
        vbp: p.vbp,
        listed: true,
      },
    });
  }
  strapi.log.info(`Demo data ready: ${DEMO_ORGS.length} organisations, ${products.length} products`);
}
