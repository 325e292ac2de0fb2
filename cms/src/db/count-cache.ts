/**
 * Cached list totals. A bounded count is most of a hot list's cost; its result is kept per query key
 * until a write of that family commits (`bumpCounts(family)`) or `ttlMs` passes (rows written
 * elsewhere). A count started before a bump is stored under the old version: stale, never wrongly fresh.
 */
import { notifyClusterSoon } from './cluster-bus';

interface Family {
  version: number;
  entries: Map<string, { at: number; version: number; total: unknown }>;
}
const families = new Map<string, Family>();

function family(name: string): Family {
  let f = families.get(name);
  if (!f) families.set(name, (f = { version: 0, entries: new Map() }));
  return f;
}

/** Marks every cached total of `name` stale here and in the other server processes (call after the write commits, or inside it: both are safe). */
export function bumpCounts(name: string): void {
  family(name).version++;
  notifyClusterSoon(strapi.db.connection, { kind: 'counts', family: name });
}

/** Another process's bump (db/cluster-bus.ts), or every family when `name` is undefined. */
export function markCountsStale(name?: string): void {
  if (name === undefined) for (const f of families.values()) f.version++;
  else family(name).version++;
}

export interface CountCacheOptions {
  ttlMs?: number;
  maxEntries?: number;
}

/** The total for `key` of family `name`, computed by `count` when missing, stale or expired. */
export function cachedCount(name: string, key: string, count: () => Promise<number>, opts: CountCacheOptions = {}): Promise<number> {
  return cachedValue(name, key, count, opts);
}

/** Any read result for `key` of family `name` (the same rules as cachedCount); callers must not change it. */
export async function cachedValue<T>(name: string, key: string, compute: () => Promise<T>, opts: CountCacheOptions = {}): Promise<T> {
  const f = family(name);
  const ttl = opts.ttlMs ?? 5000;
  const hit = f.entries.get(key);
  if (hit && hit.version === f.version && Date.now() - hit.at < ttl) return hit.total as T;
  const version = f.version;
  const at = Date.now();
  const total = await compute();
  if (f.entries.size >= (opts.maxEntries ?? 1000)) f.entries.clear();
  f.entries.set(key, { at, version, total });
  return total;
}
