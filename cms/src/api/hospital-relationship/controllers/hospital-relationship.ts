/**
 * Thin controller of 医院配送关系: the caller, the parsed query or body (support/input.ts, bad
 * parameters answer 400), one service call. The generic find/findOne answer the effective status too.
 */
import { factories } from '@strapi/strapi';
import { chinaDate, effectiveRelationshipStatus, terminationCutoff } from '../../../domain';
import { requireActor } from '../../../scope';
import { now } from '../../../utils/clock';
import { sendXlsx } from '../../../utils/xlsx-export';
import { dbDate, dbIso } from '../../../db/values';
import { rewriteStatusFilters } from '../support/effective-filter';
import { parseOrderableQuery, parseRequestBody, parseSingleTransitionBody, parseTransitionBody } from '../support/input';
import type readsService from '../services/hospital-relationship';
import type changesService from '../services/relationship-changes';
import type exportService from '../services/relationship-export';
import { requestBody, type HttpContext } from '../../../utils/http';

const UID = 'api::hospital-relationship.hospital-relationship';
const reads = () => strapi.service(UID) as unknown as ReturnType<typeof readsService>;
const changes = () => strapi.service('api::hospital-relationship.relationship-changes') as unknown as ReturnType<typeof changesService>;
const exporter = () => strapi.service('api::hospital-relationship.relationship-export') as unknown as ReturnType<typeof exportService>;

const DATE_TIMES = ['requestedAt', 'respondedAt', 'revokeRequestedAt', 'terminatingSince', 'createdAt', 'updatedAt', 'publishedAt'];

/** What Strapi's generic find (a list) and findOne (one row) answer. */
type GenericAnswer<D = unknown[]> = { data?: D; meta?: unknown };

/** A row of Strapi's generic find/findOne: the effective status, date-times as ISO in China time. */
function withEffective(row: unknown) {
  if (!row || typeof row !== 'object') return row;
  const r = row as Record<string, unknown>;
  const status = effectiveRelationshipStatus(r.status as string, dbDate(r.terminatingSince), now());
  const out: Record<string, unknown> = { ...r, storedStatus: r.status, status };
  for (const k of DATE_TIMES) if (k in out) out[k] = dbIso(out[k]);
  return out;
}

export default factories.createCoreController(UID, () => ({
  async find(ctx: HttpContext) {
    // `status` filters mean the effective status (解约中 reads 已解除 after 30 days).
    if (ctx.query?.filters) ctx.query.filters = rewriteStatusFilters(ctx.query.filters, terminationCutoff(now()).toISOString());
    const res = (await super.find(ctx)) as GenericAnswer | undefined;
    return { ...res, data: (res?.data ?? []).map(withEffective) };
  },

  async findOne(ctx: HttpContext) {
    const res = (await super.findOne(ctx)) as GenericAnswer<unknown> | undefined;
    return res?.data ? { ...res, data: withEffective(res.data) } : res;
  },

  /** GET /api/hospital-relationships/list */
  async list(ctx: HttpContext) {
    ctx.body = await reads().list(await requireActor(ctx), ctx.query);
  },

  /** GET /api/hospital-relationships/export — the list with the same filters as .xlsx. */
  async export(ctx: HttpContext) {
    const stream = exporter().exportXlsx(await requireActor(ctx), ctx.query);
    sendXlsx(ctx, `医院配送关系-${chinaDate(now())}.xlsx`, stream);
  },

  /** GET /api/hospital-relationships/detail/:documentId */
  async detail(ctx: HttpContext) {
    ctx.body = { data: await reads().one(await requireActor(ctx), String(ctx.params.documentId)) };
  },

  /** GET /api/hospital-relationships/counts — counts by effective status and the caller's to-dos. */
  async counts(ctx: HttpContext) {
    ctx.body = { data: await reads().counts(await requireActor(ctx)) };
  },

  /** GET /api/hospital-relationships/candidates — distributors the hospital may ask. */
  async candidates(ctx: HttpContext) {
    ctx.body = { data: await reads().candidates(await requireActor(ctx), ctx.query) };
  },

  /** GET /api/hospital-relationships/orderable[?distributorOrgId=] — distributor ids the hospital may order from now (or 409 for one it may not). */
  async orderable(ctx: HttpContext) {
    const actor = await requireActor(ctx);
    const q = parseOrderableQuery(ctx.query);
    if (q.distributorOrgId) {
      await reads().assertMayOrder(actor.orgId, q.distributorOrgId); // 409 RELATIONSHIP_NOT_ORDERABLE with the reason
      ctx.body = { data: { distributorOrgId: q.distributorOrgId, mayOrder: true } };
      return;
    }
    ctx.body = { data: await reads().orderableDistributorIds(actor.orgId) };
  },

  /** POST /api/hospital-relationships/request { distributorOrgId } — 委托配送申请. */
  async request(ctx: HttpContext) {
    const actor = await requireActor(ctx);
    const documentId = await changes().request(actor, parseRequestBody(requestBody(ctx)).distributorOrgId);
    ctx.status = 201;
    ctx.body = { data: await reads().one(actor, documentId) };
  },

  /** POST /api/hospital-relationships/:action { documentIds, reason? } — one transition on ticked rows. */
  async transition(ctx: HttpContext) {
    const actor = await requireActor(ctx);
    const input = parseTransitionBody(requestBody(ctx));
    ctx.body = { data: await changes().transition(actor, { action: ctx.params.action, documentIds: input.documentIds, reason: input.reason }) };
  },

  /** POST /api/hospital-relationships/:documentId/:action { reason? } — one transition on one row. */
  async transitionOne(ctx: HttpContext) {
    const actor = await requireActor(ctx);
    const input = parseSingleTransitionBody(requestBody(ctx));
    const documentId = String(ctx.params.documentId);
    await changes().transition(actor, { action: ctx.params.action, documentIds: [documentId], reason: input.reason });
    ctx.body = { data: await reads().one(actor, documentId) };
  },

  /** POST /api/test/hospital-relationships/expire — test environment only: runs the hourly job now. */
  async runExpiry(ctx: HttpContext) {
    if (process.env.NODE_ENV !== 'test') return ctx.notFound();
    ctx.body = { expired: await changes().expireDue() };
  },
}));
