import type { Core } from '@strapi/strapi';
import { startClusterBus, stopClusterBus, type ClusterMessage } from '../db/cluster-bus';
import { markCountsStale } from '../db/count-cache';
import { authChanged } from '../utils/auth-events';

/** Another server process's invalidation applied to this process's caches. */
function apply(strapi: Core.Strapi, m: ClusterMessage) {
  const calendar = () => (strapi.service('api::working-calendar.working-calendar') as unknown as { clearCache(): void }).clearCache();
  if (m.kind === 'auth') authChanged({ userIds: Array.isArray(m.userIds) ? m.userIds.map(Number) : undefined });
  else if (m.kind === 'counts') markCountsStale(String(m.family));
  else if (m.kind === 'calendar') calendar();
  else {
    authChanged({});
    markCountsStale();
    calendar();
  }
}

/** Several server processes on one PostgreSQL database keep their caches true (db/cluster-bus.ts). */
export async function registerClusterBus(strapi: Core.Strapi) {
  const cfg = strapi.db.config.connection as { client: string; connection: never };
  const on = await startClusterBus({
    client: String(cfg.client),
    connection: cfg.connection,
    onMessage: (m) => apply(strapi, m),
    log: (msg) => strapi.log.warn(msg),
  });
  if (on) strapi.log.info('[cluster] cache invalidation across processes: LISTEN/NOTIFY');
}

export const stopCluster = stopClusterBus;
