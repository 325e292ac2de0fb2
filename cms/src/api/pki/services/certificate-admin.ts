/**
 * The certificates a bureau (its province's organisations) or the platform admin (all) look after:
 * the list with each organisation's current certificate, and 重新签发 (the current certificate is
 * superseded; the organisation applies again with a new key and a new PIN).
 */
import { z } from 'zod';
import { DomainError, pageOf } from '../../../domain';
import type { Actor } from '../../../scope';
import { notFound } from '../../../scope/ownership';
import { now } from '../../../utils/clock';
import { boolParam, parseInput, readPaging, searchTerm } from '../../../utils/query';
import { whereContains } from '../../../utils/search';
import { dbIso, type RawRow } from '../../../db/values';
import { CERTS } from './authority';
import { certificateView } from './certificates';

const SIGNING_ORG_TYPES = ['hospital', 'manufacturer', 'distributor'];
export const listSchema = z.object({ q: searchTerm, locked: boolParam }).passthrough();

/** Organisations the actor looks after (bureau: its province). */
function scopedOrgs(actor: Actor) {
  const qb = strapi.db.connection('organisations as o').whereIn('o.type', SIGNING_ORG_TYPES);
  if (actor.role === 'bureau') qb.where('o.province_code', actor.provinceCode ?? '');
  return qb;
}

/** GET /api/pki/certificates: organisations with their current certificate (or none). */
export async function list(actor: Actor, rawQuery: unknown) {
  const q = parseInput(listSchema, rawQuery, 'INVALID_QUERY');
  const { page, pageSize, offset } = readPaging(rawQuery, { pageSize: 10, max: 200 });
  const qb = scopedOrgs(actor).leftJoin(`${CERTS} as c`, function () {
    this.on('c.org_id', '=', 'o.id')
      .andOn('c.is_ca', '=', strapi.db.connection.raw('?', [false]))
      .andOnNull('c.superseded_at');
  });
  whereContains(qb, ['o.name', 'o.credit_code'], q.q);
  if (q.locked !== undefined) qb.where('c.locked', q.locked);
  const [{ total }] = await qb.clone().count({ total: '*' });
  const rows: RawRow[] = await qb
    .clone()
    .select('o.document_id as org_document_id', 'o.name as org_name', 'o.type as org_type', 'o.credit_code', 'c.*')
    .orderBy('o.type', 'asc')
    .orderBy('o.id', 'asc')
    .limit(pageSize)
    .offset(offset);
  const data = rows.map((r) => ({
    orgDocumentId: String(r.org_document_id),
    orgName: String(r.org_name),
    orgType: String(r.org_type),
    creditCode: (r.credit_code as string | null) ?? null,
    certificate: r.serial ? certificateView(r) : null,
    createdAt: dbIso(r.created_at),
    actions: r.serial ? ['reissue'] : [],
  }));
  return pageOf(data, Number(total), page, pageSize);
}

/** POST /api/pki/certificates/:orgDocumentId/reissue */
export async function reissue(actor: Actor, orgDocumentId: string) {
  const org = await scopedOrgs(actor).where('o.document_id', orgDocumentId).first('o.id', 'o.name');
  if (!org) throw notFound();
  const at = now();
  const n = await strapi.db.connection(CERTS).where({ org_id: org.id, is_ca: false }).whereNull('superseded_at').update({ superseded_at: at, updated_at: at });
  if (!n) throw new DomainError('CERT_MISSING', `${org.name}尚未申领签名证书，无需重新签发`, { status: 409 });
  strapi.log.info(`PKI: certificate of organisation ${org.id} superseded by user ${actor.userId} for re-issue`);
  return { data: { orgDocumentId, reissued: true } };
}

export default () => ({ list, reissue });
