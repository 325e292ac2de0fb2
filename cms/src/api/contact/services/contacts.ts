/**
 * 联系人信息 (manual 001 §3.6): an organisation's contacts, exactly one default whenever there is one.
 * Each write is one transaction whose conditional statements keep that true even when two requests
 * race: 设置默认 flips every row of the organisation in one UPDATE, 删除 deletes only a row that is not
 * the default, and a write that would leave no default (or two) is refused and rolled back.
 */
import { createId } from '@paralleldrive/cuid2';
import type { Knex } from 'knex';
import { assertCanDeleteContact, checkContact, contactActionsFor, CONTACTS_MAX, type ContactInput } from '../../../domain';
import { DomainError } from '../../../domain/errors';
import { dbBool as asBool } from '../../../db/values';
import { assertOwner, notFound, type Actor } from '../../../scope';
import { now } from '../../../utils/clock';

const UID = 'api::contact.contact';
const T = 'contacts';

interface ContactRecord {
  id: number;
  document_id: string;
  organisation_id: number;
  name: string;
  phone: string;
  email: string | null;
  position: string | null;
  is_default: unknown;
}

const toRow = (r: ContactRecord) => {
  const isDefault = asBool(r.is_default);
  return {
    id: r.id,
    documentId: r.document_id,
    name: r.name,
    phone: r.phone,
    email: r.email,
    position: r.position,
    isDefault,
    actions: contactActionsFor({ isDefault }),
  };
};

const knex = (): Knex => strapi.db.connection as unknown as Knex;
async function tx<R>(fn: (k: Knex) => Promise<R>): Promise<R> {
  return (await strapi.db.transaction(async ({ trx }) => fn(trx as unknown as Knex))) as R;
}
const record = (actor: Actor, action: string, name: string) =>
  strapi
    .service('api::state-history.state-history')
    .record(actor, [{ entity: 'organisation', entityId: actor.orgId, action, from: null, to: null, reason: name }]);

async function load(actor: Actor, k: Knex, documentId: string): Promise<ContactRecord> {
  const row = (await k(T).where('document_id', documentId).first()) as ContactRecord | undefined;
  assertOwner(actor, UID, row as unknown as Record<string, unknown>, 'organisationId', { columns: true });
  return row as ContactRecord;
}

/** Refuses (and so rolls back) any outcome but exactly one default among the organisation's contacts. */
async function assertOneDefault(k: Knex, orgId: number): Promise<void> {
  const r = await k(T).where({ organisation_id: orgId, is_default: true }).count({ n: '*' }).first();
  const all = await k(T).where({ organisation_id: orgId }).count({ n: '*' }).first();
  if (Number(all?.n ?? 0) > 0 && Number(r?.n ?? 0) !== 1) {
    throw new DomainError('CONTACT_CONFLICT', '联系人已被他人同时修改，请刷新后重试', { status: 409 });
  }
}

export async function list(orgId: number) {
  const rows = (await knex()(T)
    .where('organisation_id', orgId)
    .orderBy([
      { column: 'is_default', order: 'desc' },
      { column: 'id', order: 'asc' },
    ])) as ContactRecord[];
  return rows.map(toRow);
}

/** 新增联系人: the first contact becomes the default. */
export async function create(actor: Actor, input: ContactInput) {
  const c = checkContact(input);
  return tx(async (k) => {
    const n = await k(T).where('organisation_id', actor.orgId).count({ n: '*' }).first();
    if (Number(n?.n ?? 0) >= CONTACTS_MAX) throw new DomainError('CONTACTS_TOO_MANY', `联系人最多${CONTACTS_MAX}个`, { status: 409 });
    const at = now();
    const documentId = createId();
    await k(T).insert({ document_id: documentId, organisation_id: actor.orgId, ...c, is_default: false, created_at: at, updated_at: at, published_at: at });
    const id = Number((await k(T).where('document_id', documentId).first('id')).id);
    await k(T)
      .where('id', id)
      .whereNotExists(k(T).where({ organisation_id: actor.orgId, is_default: true }).select('id'))
      .update({ is_default: true });
    await assertOneDefault(k, actor.orgId);
    await record(actor, 'addContact', c.name);
    return toRow((await k(T).where('id', id).first()) as ContactRecord);
  });
}

/** 编辑: name, phone, email, position (the default stays as it is). */
export async function update(actor: Actor, documentId: string, input: ContactInput) {
  const c = checkContact(input);
  return tx(async (k) => {
    const row = await load(actor, k, documentId);
    await k(T)
      .where('id', row.id)
      .update({ ...c, updated_at: now() });
    await record(actor, 'editContact', c.name);
    return toRow((await k(T).where('id', row.id).first()) as ContactRecord);
  });
}

/** 设置默认: one UPDATE makes this contact the only default of the organisation. */
export async function setDefault(actor: Actor, documentId: string) {
  return tx(async (k) => {
    const row = await load(actor, k, documentId);
    await k(T)
      .where('organisation_id', actor.orgId)
      .update({ is_default: k.raw('(id = ?)', [row.id]), updated_at: now() });
    await assertOneDefault(k, actor.orgId);
    const after = (await k(T).where('id', row.id).first()) as ContactRecord | undefined;
    if (!after || !asBool(after.is_default)) throw new DomainError('CONTACT_CONFLICT', '联系人已被他人同时修改，请刷新后重试', { status: 409 });
    await record(actor, 'setDefaultContact', row.name);
    return toRow(after);
  });
}

/** 删除: never the default (the manual's note); the condition is in the DELETE itself. */
export async function remove(actor: Actor, documentId: string) {
  return tx(async (k) => {
    const row = await load(actor, k, documentId);
    assertCanDeleteContact({ isDefault: asBool(row.is_default) });
    const n = await k(T).where({ id: row.id, is_default: false }).delete();
    if (n !== 1) assertCanDeleteContact({ isDefault: true });
    await record(actor, 'deleteContact', row.name);
    return { documentId, deleted: true };
  });
}

/**
 * The default contact of a counterpart `orgId`, for whoever deals with it: the platform admin, the
 * bureau of its province, and organisations with a delegation, hospital relationship or order line
 * with it. Others get 404 (as for any row they may not read).
 */
export async function counterpartDefault(actor: Actor, orgId: number) {
  const k = knex();
  const org = await k('organisations').where('id', orgId).first('id', 'name', 'province_code');
  if (!org) throw notFound();
  const me = actor.orgId;
  const pair = (t: string, a: string, b: string) =>
    k(t)
      .where((q) => q.where({ [a]: me, [b]: orgId }).orWhere({ [a]: orgId, [b]: me }))
      .first('id');
  const deals =
    me === orgId ||
    actor.role === 'platform_admin' ||
    (actor.role === 'bureau' && actor.provinceCode === org.province_code) ||
    !!(await pair('hospital_relationships', 'hospital_org_id', 'distributor_org_id')) ||
    !!(await pair('delegations', 'delegator_org_id', 'distributor_org_id')) ||
    !!(await pair('order_lines', 'hospital_org_id', 'distributor_org_id')) ||
    !!(await pair('order_lines', 'manufacturer_org_id', 'distributor_org_id'));
  if (!deals) throw notFound();
  const c = (await k(T).where({ organisation_id: orgId, is_default: true }).first()) as ContactRecord | undefined;
  return { organisation: { id: org.id, name: org.name }, contact: c ? { name: c.name, phone: c.phone, email: c.email, position: c.position } : null };
}

export default () => ({ list, create, update, setDefault, remove, counterpartDefault });
