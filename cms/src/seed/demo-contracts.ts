/**
 * Demo certificates and three-party contracts: the three parties of the demo contracts (h_jst, mf_weigao,
 * P11PS0001) hold a signing certificate with PIN DEMO_PIN (README; the others apply in 证书管理, which keeps
 * the start fast: each certificate costs a memory-hard KDF); 北京积水潭医院 has agreed volumes of three 威高
 * 带量采购 products, one contract 已生效 (signed by h_jst, mf_weigao and P11PS0001), one 待签订 awaiting
 * the distributor, and one volume still to pick. Made through the services, so the signatures are real.
 * Idempotent: runs only when no contract exists. Never in production (seedsDemo).
 */
import { createId } from '@paralleldrive/cuid2';
import type { Core } from '@strapi/strapi';
import { RELATIONSHIP_STATUS } from '../domain';
import type { Role } from '../domain/roles';
import type { Actor } from '../scope';
import { apply, currentCertificate } from '../api/pki/services/certificates';
import { pick } from '../api/contract/services/contract-volume';
import { sign } from '../api/contract/services/contract-signing';

export const DEMO_PIN = '123456';
/** The demo organisations seeded with a certificate (the parties of the demo contracts). */
const DEMO_SIGNERS = ['h_jst', 'mf_weigao', 'P11PS0001'];

async function actorOf(strapi: Core.Strapi, username: string): Promise<Actor | null> {
  const u = await strapi.db
    .connection('up_users as u')
    .join('up_users_organisation_lnk as l', 'l.user_id', 'u.id')
    .join('organisations as o', 'o.id', 'l.organisation_id')
    .where('u.username', username)
    .first('u.id', 'u.username', 'o.id as org_id', 'o.document_id', 'o.name', 'o.type', 'o.province_code');
  if (!u) return null;
  return {
    userId: Number(u.id),
    username: String(u.username),
    role: u.type as Role,
    orgId: Number(u.org_id),
    orgDocumentId: String(u.document_id),
    orgName: String(u.name),
    orgType: String(u.type),
    provinceCode: u.province_code ?? null,
    mustChangePassword: false,
    operator: false,
    displayName: null,
  };
}

export async function seedDemoContracts(strapi: Core.Strapi) {
  for (const username of DEMO_SIGNERS) {
    const a = await actorOf(strapi, username);
    if (a && !(await currentCertificate(a.orgId))) await apply(a, { pin: DEMO_PIN });
  }
  if (Number((await strapi.db.connection('contracts').count({ n: '*' }).first())?.n ?? 0) > 0) return;
  const [jst, weigao, gk] = await Promise.all(['h_jst', 'mf_weigao', 'P11PS0001'].map((u) => actorOf(strapi, u)));
  if (!jst || !weigao || !gk) return;
  const products = await strapi.db
    .connection('products as p')
    .join('products_manufacturer_lnk as l', 'l.product_id', 'p.id')
    .join('delegation_items as i', 'i.product_id', 'p.id')
    .where({ 'l.organisation_id': weigao.orgId, 'p.vbp': true, 'i.distributor_org_id': gk.orgId, 'i.province_code': '11' })
    .distinct('p.id')
    .orderBy('p.id', 'asc')
    .limit(3);
  if (products.length < 3) return;
  const at = new Date();
  const year = at.getFullYear();
  if (!(await strapi.db.connection('hospital_relationships').where({ hospital_org_id: jst.orgId, distributor_org_id: gk.orgId }).first('id'))) {
    await strapi.db.connection('hospital_relationships').insert({
      document_id: createId(),
      hospital_org_id: jst.orgId,
      distributor_org_id: gk.orgId,
      province_code: '11',
      status: RELATIONSHIP_STATUS.established,
      created_at: at,
      updated_at: at,
      published_at: at,
    });
  }
  const volumes: string[] = [];
  for (const [i, p] of products.entries()) {
    const documentId = createId();
    volumes.push(documentId);
    await strapi.db.connection('contract_volumes').insert({
      document_id: documentId,
      hospital_org_id: jst.orgId,
      manufacturer_org_id: weigao.orgId,
      product_id: p.id,
      province_code: '11',
      quantity: [200, 120, 80][i],
      start_date: `${year}-01-01`,
      end_date: `${year}-12-31`,
      created_at: at,
      updated_at: at,
      published_at: at,
    });
  }
  const effective = await pick(jst, volumes[0]!, { distributorOrgId: gk.orgId });
  for (const a of [jst, weigao, gk]) await sign(a, effective.documentId, { pin: DEMO_PIN });
  const waiting = await pick(jst, volumes[1]!, { distributorOrgId: gk.orgId });
  for (const a of [jst, weigao]) await sign(a, waiting.documentId, { pin: DEMO_PIN });
  strapi.log.info('Demo contracts ready: one 已生效, one 待签订 awaiting the distributor, one volume to pick');
}
