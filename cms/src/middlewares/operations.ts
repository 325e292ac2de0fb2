import type { Core } from '@strapi/strapi';
import { metricsEnabled, observeRequest, registry } from '../utils/metrics';

/**
 * The operators' two paths, answered before anything else of ours: `/_ready` (the database answers a
 * query within 2 s → 200, else 503; `/_health` stays Strapi's cheap liveness answer) and `/_metrics`
 * (Prometheus text with `Authorization: Bearer <METRICS_TOKEN>`; 404 to anyone else, so it is not
 * there for them). Times every other request by its matched route when metrics are collected.
 */
interface OpsContext {
  method: string;
  path: string;
  status: number;
  body: unknown;
  _matchedRoute?: unknown;
  get(field: string): string;
  set(field: string, value: string): void;
}

const READY_TIMEOUT_MS = 2000;

async function databaseAnswers(strapi: Core.Strapi): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), READY_TIMEOUT_MS)));
  const query = strapi.db.connection.raw('select 1').then(
    () => true,
    () => false,
  );
  try {
    return await Promise.race([query, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

function tokenMatches(header: string, token: string | null): boolean {
  return token !== null && header === `Bearer ${token}`;
}

export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  const token = process.env.METRICS_TOKEN?.trim() || null;
  return async (ctx: OpsContext, next: () => Promise<void>) => {
    if ((ctx.path === '/_ready' || ctx.path === '/_metrics') && ctx.method !== 'GET' && ctx.method !== 'HEAD') {
      ctx.status = 405;
      return;
    }
    if (ctx.path === '/_ready') {
      const started = Date.now();
      const up = await databaseAnswers(strapi);
      ctx.set('Cache-Control', 'no-store');
      ctx.status = up ? 200 : 503;
      ctx.body = { status: up ? 'ready' : 'unavailable', database: up ? 'up' : 'down', ms: Date.now() - started };
      return;
    }
    if (ctx.path === '/_metrics') {
      if (!metricsEnabled() || !tokenMatches(ctx.get('authorization'), token)) {
        ctx.status = 404;
        return;
      }
      ctx.set('Content-Type', registry.contentType);
      ctx.set('Cache-Control', 'no-store');
      ctx.body = await registry.metrics();
      return;
    }
    if (!metricsEnabled()) return next();
    const started = process.hrtime.bigint();
    try {
      await next();
    } finally {
      const route = typeof ctx._matchedRoute === 'string' ? ctx._matchedRoute : 'unmatched';
      observeRequest(ctx.method, route, ctx.status, Number(process.hrtime.bigint() - started) / 1e9);
    }
  };
};
