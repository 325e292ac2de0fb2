/**
 * Three of Strapi's required global middlewares redo per request work whose result never changes.
 * Measured with a CPU profile of scripts/bench/order-inbox.mjs, together about a fifth of a small API
 * request's CPU. They are extended through Strapi's middleware registry (`extend`), so the
 * configuration in config/middlewares.ts and every other path stay exactly Strapi's.
 *
 * - strapi::security deep-merges its defaults and builds a new helmet instance on every request.
 *   Under /api (never a special path of that middleware: /documentation, the admin in development),
 *   the headers are the same for every request, so they are recorded once from Strapi's own middleware
 *   and replayed. A test compares them with the headers Strapi sets on /_health.
 * - strapi::body validates its options and builds koa-body on every request, also for GET, where it
 *   only sets an empty body.
 * - strapi::logger formats an `http` line for every request even when that level is off.
 */
import type { Core } from '@strapi/strapi';
import type { StrapiPatch } from './patch';

// `any`: Strapi's middlewares take Koa's whole context, and recordHeaders hands them a synthetic part of one.
type Mw = (ctx: any, next: () => Promise<unknown>) => unknown;
type Factory = (config: unknown, ctx: { strapi: Core.Strapi }) => Mw;
interface MiddlewareRegistry {
  get(uid: string): unknown;
  extend(uid: string, extendFn: (original: Factory) => Factory): unknown;
}

const counters = { securityReplays: 0, bodySkips: 0, loggerSkips: 0 };

interface HeaderOp {
  op: 'set' | 'remove';
  name: string;
  value?: unknown;
}

/** Runs a middleware on a synthetic GET of `path` and records the response headers it sets or removes. */
async function recordHeaders(mw: Mw, path: string): Promise<HeaderOp[] | null> {
  const ops: HeaderOp[] = [];
  let reachedNext = false;
  const res = {
    setHeader: (name: string, value: unknown) => ops.push({ op: 'set', name, value }),
    removeHeader: (name: string) => ops.push({ op: 'remove', name }),
    getHeader: () => undefined,
    hasHeader: () => false,
  };
  // what Strapi's middleware reads (method, path) and what helmet writes to (req, res)
  const ctx = { method: 'GET', path, req: { method: 'GET', url: path, headers: {} }, res };
  try {
    await mw(ctx, async () => {
      reachedNext = true;
    });
  } catch {
    return null;
  }
  return reachedNext && ops.length > 0 ? ops : null;
}

function leanSecurity(original: Factory): Factory {
  return (config, ctx) => {
    const strapiSecurity = original(config, ctx);
    let recorded: Promise<HeaderOp[] | null> | null = null;
    return async (koaCtx, next) => {
      if (!koaCtx.path.startsWith('/api/')) return strapiSecurity(koaCtx, next);
      recorded ??= recordHeaders(strapiSecurity, '/api/');
      const ops = await recorded;
      if (!ops) return strapiSecurity(koaCtx, next);
      counters.securityReplays++;
      for (const o of ops) {
        if (o.op === 'set') koaCtx.res.setHeader(o.name, o.value);
        else koaCtx.res.removeHeader(o.name);
      }
      return next();
    };
  };
}

function leanBody(original: Factory): Factory {
  return (config, ctx) => {
    const strapiBody = original(config, ctx);
    return (koaCtx, next) => {
      const m = koaCtx.method;
      if ((m === 'GET' || m === 'HEAD') && !koaCtx.request.header['content-type']) {
        counters.bodySkips++;
        koaCtx.request.body = {};
        return next();
      }
      return strapiBody(koaCtx, next);
    };
  };
}

function leanLogger(original: Factory): Factory {
  return (config, ctx) => {
    const strapiLogger = original(config, ctx);
    const log = ctx.strapi.log;
    return (koaCtx, next) => {
      if (log.isLevelEnabled?.('http') !== false) return strapiLogger(koaCtx, next);
      counters.loggerSkips++;
      return next();
    };
  };
}

const EXTENSIONS: Record<string, (original: Factory) => Factory> = {
  'strapi::security': leanSecurity,
  'strapi::body': leanBody,
  'strapi::logger': leanLogger,
};

export const leanMiddlewaresPatch: StrapiPatch = {
  name: 'lean-api-middlewares',
  packages: ['@strapi/strapi'],
  apply(strapi) {
    const registry = strapi.get('middlewares') as MiddlewareRegistry | undefined;
    if (typeof registry?.extend !== 'function' || typeof registry.get !== 'function') return "Strapi's middleware registry has no extend()";
    const missing = Object.keys(EXTENSIONS).filter((uid) => typeof registry.get(uid) !== 'function');
    if (missing.length) return `middleware ${missing.join(', ')} not registered`;
    for (const [uid, extension] of Object.entries(EXTENSIONS)) registry.extend(uid, extension);
    return null;
  },
  counters: () => ({ ...counters }),
};
