/**
 * Writes that change who may do what (a user blocked, enabled, its password or role changed, an
 * organisation disabled) announce it here; caches of authentication listen. Business code calls
 * `authChanged()`; it never imports a cache.
 */
export interface AuthChange {
  /** The users concerned; undefined when unknown (every cached entry is dropped). */
  userIds?: number[];
}
type Listener = (change: AuthChange) => void;
const listeners = new Set<Listener>();

export function onAuthChange(fn: Listener): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

export function authChanged(change: AuthChange = {}): void {
  for (const fn of listeners) fn(change);
}

/** How long authentications and actors may be served from memory; `AUTH_CACHE_TTL_MS=0` turns every such cache off. */
export function authCacheTtlMs(): number {
  const ms = Number(process.env.AUTH_CACHE_TTL_MS ?? 5000);
  return Number.isFinite(ms) && ms > 0 ? ms : 0;
}
