/**
 * What our controllers read and write of Strapi's Koa context: the parsed query, the route's
 * parameters, the raw body, the authenticated caller in `state` (as scope's `ActorContext` reads it),
 * the answer. Every value that comes from the client is `unknown` until parsed (utils/query.ts).
 */
export interface HttpContext {
  query: Record<string, unknown>;
  /** The route's parameters (Strapi's router sets them; Koa's own type, which the controller factories use, has no such field). */
  params?: Record<string, string>;
  request: { body?: unknown; files?: unknown };
  /** Strapi's authentication (`user`, `auth`) and what the request memoises there (scope's `actor`). */
  state: { user?: { id: number } | null; auth?: { strategy?: { name?: string } }; [key: string]: unknown };
  body: unknown;
  status: number;
  set(field: string, value: string): void;
  /** Strapi's error answers (present at runtime, absent from Koa's type like `params`). */
  notFound?(message?: string): unknown;
  badRequest?(message?: string): unknown;
}

/**
 * The request's fields: Strapi's `{ data: … }` envelope or the bare body, `{}` when there is none.
 * Not checked: callers read optional fields or parse it with `parseInput`.
 */
export function requestBody(ctx: { request: { body?: unknown } }): Record<string, unknown> {
  const body = ctx.request.body as { data?: unknown } | null | undefined;
  return (body?.data ?? body ?? {}) as Record<string, unknown>;
}
