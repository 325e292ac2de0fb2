import { authCacheTtlMs, onAuthChange } from '../utils/auth-events';
import type { Actor } from './actor';

/**
 * The actors of recent requests by user id, for AUTH_CACHE_TTL_MS (0: off), dropped by `authChanged()`
 * for the users named (every actor when none are). Actors are frozen: requests share them read-only.
 */
const TTL_MS = authCacheTtlMs();
const MAX_ENTRIES = 10_000;
const byUser = new Map<number, { at: number; actor: Readonly<Actor> }>();

onAuthChange((change) => {
  if (!change.userIds) return byUser.clear();
  for (const id of change.userIds) byUser.delete(id);
});

export function cachedActor(userId: number): Readonly<Actor> | undefined {
  const entry = byUser.get(userId);
  if (entry === undefined) return undefined;
  if (Date.now() - entry.at > TTL_MS) {
    byUser.delete(userId);
    return undefined;
  }
  return entry.actor;
}

export function cacheActor(actor: Readonly<Actor>): void {
  if (TTL_MS <= 0) return;
  if (byUser.size >= MAX_ENTRIES) byUser.clear();
  byUser.set(actor.userId, { at: Date.now(), actor });
}
