import type { Core } from '@strapi/strapi';
import { now, setClockOffset, clockOffset } from '../../../utils/clock';
import { setLoginLimits } from '../../../utils/login-throttle';
import { SCOPES } from '../../../scope';
import type { HttpContext } from '../../../utils/http';
import { monitorEventLoopDelay, type IntervalHistogram } from 'node:perf_hooks';
import { businessChecksum, routeTable } from '../support/route-table';
import { markCountsStale } from '../../../db/count-cache';
import { abandonJob, jobsPaused, setJobsPaused } from '../../../db/job-store';
import { bumpLineStats, perMonth, recountStats, statFiguresOfRow, storedStats } from '../../../db/line-stats';

let loopDelay: IntervalHistogram | null = null;

function guard() {
  if (process.env.NODE_ENV !== 'test') throw new Error('test support is only available in the test environment');
}

export default {
  /** The 统计查询 aggregates against a full recount of the order lines: the keys that differ (first 20). */
  async statsRecount(ctx: HttpContext) {
    guard();
    const [daily, monthly, recounted] = await Promise.all([storedStats(), storedStats(true), recountStats()]);
    const diff = (stored: typeof daily, counted: typeof daily) =>
      [...new Set([...stored.keys(), ...counted.keys()])]
        .filter((k) => JSON.stringify(stored.get(k) ?? null) !== JSON.stringify(counted.get(k) ?? null))
        .map((k) => ({ key: k, stored: stored.get(k) ?? null, recounted: counted.get(k) ?? null }));
    const differences = [...diff(daily, recounted), ...diff(monthly, perMonth(recounted))].slice(0, 20);
    ctx.body = { stored: daily.size, recounted: recounted.size, months: monthly.size, differences };
  },

  /** POST starts (or restarts) measuring the event loop's delay; GET answers the longest block since, in ms. */
  eventLoop(ctx: HttpContext) {
    guard();
    if ((ctx as unknown as { method: string }).method === 'POST' || !loopDelay) {
      loopDelay?.disable();
      loopDelay = monitorEventLoopDelay({ resolution: 10 });
      loopDelay.enable();
    }
    ctx.body = { maxMs: loopDelay.max / 1e6, p99Ms: loopDelay.percentile(99) / 1e6, meanMs: loopDelay.mean / 1e6 };
  },

  clock(ctx: HttpContext) {
    guard();
    ctx.body = { now: now().toISOString(), offsetMs: clockOffset() };
  },

  setClock(ctx: HttpContext) {
    guard();
    const body = (ctx.request.body ?? {}) as { now?: string | number; offsetMs?: unknown };
    const offsetMs = body.now ? new Date(body.now).getTime() - Date.now() : Number(body.offsetMs ?? 0);
    if (!Number.isFinite(offsetMs)) return ctx.badRequest('offsetMs or now required');
    setClockOffset(offsetMs);
    ctx.body = { now: now().toISOString(), offsetMs };
  },

  /** Other login limits for a while: `{ ipMaxFailures?, maxFailures?, lockMs? }`; `{}` restores the configured ones. */
  loginLimits(ctx: HttpContext) {
    guard();
    const b = (ctx.request.body ?? {}) as { ipMaxFailures?: unknown; maxFailures?: unknown; lockMs?: unknown };
    const lockout = typeof b.maxFailures === 'number' ? { maxFailures: b.maxFailures, lockMs: Number(b.lockMs ?? 15 * 60_000) } : undefined;
    ctx.body = setLoginLimits({ ...(typeof b.ipMaxFailures === 'number' ? { ipMaxFailures: b.ipMaxFailures } : {}), ...(lockout ? { lockout } : {}) });
  },

  /** The Strapi patches' state (`active` / `disabled: why`) and counters of the shortcuts they took. */
  strapiPatches(ctx: HttpContext) {
    guard();
    const service = strapi.has('strapi-patches')
      ? (strapi.get('strapi-patches') as { status(): Record<string, string>; counters(): Record<string, Record<string, number>> })
      : null;
    ctx.body = { status: service?.status() ?? {}, counters: service?.counters() ?? {} };
  },

  /**
   * Blocks or unblocks a login through Strapi's query engine, as the content manager would:
   * `{ blocked }`. Proves that such writes drop cached authentications (bootstrap/auth-change-lifecycles.ts).
   */
  async blockUser(ctx: HttpContext) {
    guard();
    const id = Number(ctx.params.id);
    const blocked = (ctx.request.body as { blocked?: unknown } | undefined)?.blocked !== false;
    const user = await strapi.db.query('plugin::users-permissions.user').update({ where: { id }, data: { blocked } });
    if (!user) return ctx.notFound('unknown user');
    ctx.body = { id, blocked };
  },

  /** Inserts one raw row of any scoped content type (`type` = singular name) and answers it. */
  async fixture(ctx: HttpContext) {
    guard();
    const uid = `api::${ctx.params.type}.${ctx.params.type}`;
    if (!SCOPES[uid]) return ctx.notFound('unknown type');
    const data = (ctx.request.body as { data?: Record<string, unknown> } | undefined)?.data ?? {};
    const row = await strapi.db.query(uid as Parameters<Core.Strapi['db']['query']>[0]).create({ data });
    // A raw order line counts in 统计查询 as if the application had made it (aggregates equal a recount).
    if (uid === 'api::order-line.order-line') {
      const raw = await strapi.db.connection('order_lines').where('id', row.id).first();
      await strapi.db.transaction(({ trx }) => bumpLineStats(trx, raw, statFiguresOfRow(raw)));
    }
    // Rows written behind the services' backs: every cached total and statistics answer is stale.
    markCountsStale();
    ctx.body = { data: row };
  },

  /** The content API's route table (services/route-table.ts). */
  routes(ctx: HttpContext) {
    guard();
    ctx.body = routeTable();
  },

  /** Row counts and content hashes of the business tables, to prove a refused request changed nothing. */
  async checksum(ctx: HttpContext) {
    guard();
    ctx.body = { tables: await businessChecksum() };
  },

  /** Mints an API token (read-only unless `type` says otherwise) and answers its access key. */
  async apiToken(ctx: HttpContext) {
    guard();
    const { type = 'read-only', name = `test-${Date.now()}-${Math.random()}` } = (ctx.request.body ?? {}) as { type?: string; name?: string };
    const token = await strapi.service('admin::api-token').create({ name, type, lifespan: null, description: 'test' });
    ctx.body = { accessKey: token.accessKey, type };
  },

  /** Creates a login for an existing organisation: `{ username, password, orgId, mustChangePassword? }`. */
  async user(ctx: HttpContext) {
    guard();
    const body = (ctx.request.body ?? {}) as { username?: string; password?: string; orgId?: number; mustChangePassword?: boolean };
    const { username, password, orgId, mustChangePassword = false } = body;
    const org = await strapi.db.query('api::organisation.organisation').findOne({ where: { id: orgId } });
    if (!org) return ctx.badRequest('unknown organisation');
    const roleType = { platform: 'platform_admin' }[org.type as string] ?? org.type;
    const role = await strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: roleType } });
    const user = await strapi.plugin('users-permissions').service('user').add({
      username,
      password,
      email: null,
      provider: 'local',
      confirmed: true,
      blocked: false,
      role: role.id,
      organisation: org.id,
      mustChangePassword,
    });
    ctx.body = { id: user.id, username };
  },

  /** Strapi's router table (koa-router layers) under /api: method and path of every registered route. */
  async routerLayers(ctx: HttpContext) {
    guard();
    const layers = (strapi.server as unknown as { listRoutes(): Array<{ path: string; methods: string[] }> }).listRoutes();
    ctx.body = layers
      .filter((l) => l.path.startsWith('/api/'))
      .flatMap((l) => l.methods.filter((m) => m !== 'HEAD').map((method) => ({ method, path: l.path })));
  },

  /** `{ paused }`: while paused this process starts no job (a job queued meanwhile waits, as on a stopped server). */
  jobsPause(ctx: HttpContext) {
    guard();
    setJobsPaused(!!(ctx.request.body as { paused?: boolean } | undefined)?.paused);
    ctx.body = { paused: jobsPaused() };
  },

  /** Leaves job :id as a process that died mid-job would: active, its lease expired, `{ rowsDone }` done. */
  async jobAbandon(ctx: HttpContext) {
    guard();
    const rowsDone = Number((ctx.request.body as { rowsDone?: number } | undefined)?.rowsDone ?? 0);
    ctx.body = { abandoned: await abandonJob(String(ctx.params?.id), rowsDone) };
  },

  /** Makes the aggregates wrong (one more line on every daily row), as a lost update would: 统计重算 must put them right. */
  async statsDrift(ctx: HttpContext) {
    guard();
    ctx.body = { rows: await strapi.db.connection('line_stats').increment('lines', 1) };
  },
};
