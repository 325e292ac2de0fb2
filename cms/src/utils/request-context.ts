/**
 * What every line of the security log says about the request it happened in (its id, the client's
 * address, method and path), carried with the request through AsyncLocalStorage so that services
 * log without being handed Koa's context. Set by middlewares/request-context.ts.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

export interface RequestInfo {
  requestId: string;
  ip: string | null;
  method: string;
  path: string;
}

const store = new AsyncLocalStorage<RequestInfo>();

/** A client's own request id is kept when it is sane (1–128 letters, digits, `-_.:`); otherwise a new UUID. */
const SANE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;
export function requestIdFrom(incoming: unknown): string {
  return typeof incoming === 'string' && SANE_REQUEST_ID.test(incoming) ? incoming : randomUUID();
}

export function runInRequest<T>(info: RequestInfo, fn: () => Promise<T>): Promise<T> {
  return store.run(info, fn);
}

/** The request being served, or undefined outside one (jobs, bootstrap). */
export function currentRequest(): RequestInfo | undefined {
  return store.getStore();
}
