/**
 * Cache invalidation across the server processes of one PostgreSQL database (README, "Run it in
 * production"): each process LISTENs on one channel with a connection of its own, and a write that
 * makes a cache stale sends `pg_notify` — inside the writing transaction when there is one, so
 * PostgreSQL delivers it exactly when the write commits, before the writer answers its client. A
 * process acts on the messages of the others (its own were handled in memory already). On SQLite
 * (one process) and with CACHE_INVALIDATION=local, nothing is sent.
 *
 * While the listening connection is down, messages may be lost: every cache is dropped when it comes
 * back, and the caches' own time limits bound the staleness meanwhile.
 */
import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import * as pg from 'pg';

/** The little of pg's Client used here (its typings differ between the module systems that read this file). */
interface ListenClient {
  on(event: 'notification', fn: (n: { channel: string; payload?: string }) => void): void;
  on(event: 'error', fn: (e: Error) => void): void;
  on(event: 'end', fn: () => void): void;
  connect(): Promise<unknown>;
  query(sql: string): Promise<unknown>;
  end(): Promise<void>;
}
type ClientConfig = Record<string, unknown>;
const { Client } = pg as unknown as { Client: new (config: ClientConfig) => ListenClient };

export const CLUSTER_CHANNEL = 'mcp_invalidate';
const ORIGIN = randomUUID();

export type ClusterMessage = { kind: 'auth'; userIds?: number[] } | { kind: 'counts'; family: string } | { kind: 'calendar' } | { kind: 'all' };
type Handler = (m: ClusterMessage) => void;

let enabled = false;
let handler: Handler = () => undefined;
let client: ListenClient | null = null;
let stopped = false;

export const clusterBusEnabled = () => enabled;

/** Sends `m` to the other processes: through `k` (a transaction: delivered at its commit), else at once. */
export async function notifyCluster(k: Knex, m: ClusterMessage): Promise<void> {
  if (!enabled) return;
  let payload = JSON.stringify({ o: ORIGIN, m });
  // A payload is limited to 8000 bytes: a long list of users becomes "every user".
  if (payload.length > 7000) payload = JSON.stringify({ o: ORIGIN, m: m.kind === 'auth' ? { kind: 'auth' } : { kind: 'all' } });
  await k.raw('select pg_notify(?, ?)', [CLUSTER_CHANNEL, payload]);
}

/** For callers that cannot wait (synchronous announcers): sent on the pool, failures logged. */
export function notifyClusterSoon(k: Knex, m: ClusterMessage): void {
  if (!enabled) return;
  notifyCluster(k, m).catch((e: Error) => strapi.log.warn(`[cluster] notify failed: ${e.message}`));
}

function receive(payload: string | undefined) {
  try {
    const { o, m } = JSON.parse(payload ?? '') as { o: string; m: ClusterMessage };
    if (o !== ORIGIN && m && typeof m.kind === 'string') handler(m);
  } catch {
    // not one of ours
  }
}

async function listen(config: ClientConfig, log: (msg: string) => void): Promise<void> {
  const c = new Client(config);
  c.on('notification', (n) => n.channel === CLUSTER_CHANNEL && receive(n.payload));
  c.on('error', (e) => log(`[cluster] listening connection failed: ${e.message}`));
  c.on('end', () => {
    if (client === c) client = null;
    if (stopped) return;
    setTimeout(() => void listen(config, log).catch((e: Error) => log(`[cluster] reconnect failed: ${e.message}`)), 1000).unref();
  });
  await c.connect();
  await c.query(`LISTEN ${CLUSTER_CHANNEL}`);
  client = c;
  handler({ kind: 'all' }); // whatever was sent while no connection listened
}

/**
 * Starts listening when the database is PostgreSQL and CACHE_INVALIDATION is not `local`; `onMessage`
 * applies a message of another process to this process's caches.
 */
export async function startClusterBus(opts: {
  client: string;
  connection: ClientConfig | string;
  onMessage: Handler;
  log: (msg: string) => void;
}): Promise<boolean> {
  if (!/^(pg|postgres)/.test(opts.client) || process.env.CACHE_INVALIDATION === 'local') return false;
  handler = opts.onMessage;
  const config = typeof opts.connection === 'string' ? { connectionString: opts.connection } : { ...opts.connection };
  await listen(config, opts.log);
  enabled = true;
  return true;
}

export async function stopClusterBus(): Promise<void> {
  stopped = true;
  enabled = false;
  await client?.end().catch(() => undefined);
}
