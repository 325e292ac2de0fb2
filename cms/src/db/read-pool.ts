/**
 * Long reads (统计查询, 工作台, 配送监管) off the event loop. On SQLite, better-sqlite3 runs a query
 * synchronously on the calling thread: a statistics query over many aggregate rows would stop every
 * other request meanwhile. `pooledAll` sends the query's SQL to a pool of worker threads (read-worker.ts),
 * each with its own read-only connection; on PostgreSQL knex is asynchronous already and runs it itself.
 * Workers start on first use, at most POOL_SIZE, and never keep the process alive.
 */
import path from 'path';
import { Worker } from 'worker_threads';
import type { Knex } from 'knex';
import { cachedValue } from './count-cache';
import { rowBuilder } from './fast-read';

type Row = Record<string, unknown>;
type Answer = { id: number; ok: boolean; columns?: string[]; rows?: unknown[][]; message?: string };
interface Job {
  id: number;
  sql: string;
  bindings: unknown[];
  resolve: (rows: Row[]) => void;
  reject: (e: Error) => void;
}
interface Slot {
  worker: Worker;
  job: Job | null;
}

const POOL_SIZE = Math.max(1, Number(process.env.READ_POOL_SIZE ?? 2));
const slots: Slot[] = [];
const queue: Job[] = [];
const builders = new Map<string, (r: unknown[]) => Row>();
let nextId = 1;
let filename: string | null | undefined;

/** The SQLite file of the server's connection, or null when it is not better-sqlite3 on a file (or READ_POOL_SIZE=0). */
function sqliteFile(knex: Knex): string | null {
  if (filename !== undefined) return filename;
  const client = knex.client as { config: { client?: unknown; connection?: { filename?: string } }; driverName?: string };
  const file = client.config.connection?.filename;
  const sqlite = client.config.client === 'sqlite' || client.driverName === 'better-sqlite3';
  filename = sqlite && file && file !== ':memory:' && process.env.READ_POOL_SIZE !== '0' ? file : null;
  return filename;
}

const driverValue = (b: unknown) => (b instanceof Date ? b.getTime() : typeof b === 'boolean' ? (b ? 1 : 0) : b);

function toObjects(columns: string[], rows: unknown[][]): Row[] {
  const key = columns.join('\u0000');
  let build = builders.get(key);
  if (!build) {
    if (builders.size > 500) builders.clear();
    builders.set(key, (build = rowBuilder(columns)));
  }
  return rows.map(build);
}

function startWorker(file: string): Slot {
  const worker = new Worker(path.join(__dirname, 'read-worker.js'), { workerData: { filename: file } });
  const slot: Slot = { worker, job: null };
  const done = (fn: (job: Job) => void, retire: boolean) => {
    const job = slot.job;
    slot.job = null;
    if (job) fn(job);
    if (retire) {
      slots.splice(slots.indexOf(slot), 1);
      worker.removeAllListeners();
      worker.on('error', () => undefined);
      void worker.terminate();
    }
    pump(file);
  };
  worker.on('message', (m: Answer) => {
    if (slot.job?.id !== m.id) return;
    done((job) => (m.ok ? job.resolve(toObjects(m.columns ?? [], m.rows ?? [])) : job.reject(new Error(m.message ?? 'read failed'))), false);
  });
  worker.on('error', (e: Error) => done((job) => job.reject(e), true));
  worker.on('exit', () => slots.includes(slot) && done((job) => job.reject(new Error('read worker exited')), true));
  worker.unref();
  slots.push(slot);
  return slot;
}

function pump(file: string) {
  for (;;) {
    const job = queue[0];
    if (!job) return;
    const slot = slots.find((s) => !s.job) ?? (slots.length < POOL_SIZE ? startWorker(file) : undefined);
    if (!slot) return;
    queue.shift();
    slot.job = job;
    slot.worker.postMessage({ id: job.id, sql: job.sql, bindings: job.bindings });
  }
}

/** The rows of `qb` (a knex select), read by a pooled worker on SQLite, by knex elsewhere. */
export async function pooledAll<R = Row>(qb: Knex.QueryBuilder): Promise<R[]> {
  const knex = strapi.db.connection as Knex;
  const file = sqliteFile(knex);
  if (!file) return (await qb) as R[];
  const { sql, bindings } = qb.toSQL().toNative();
  return new Promise<Row[]>((resolve, reject) => {
    queue.push({ id: nextId++, sql, bindings: bindings.map(driverValue), resolve, reject });
    pump(file);
  }) as Promise<R[]>;
}

/** The first row of `qb` (see pooledAll). */
export async function pooledFirst<R = Row>(qb: Knex.QueryBuilder): Promise<R | undefined> {
  return (await pooledAll<R>(qb.limit(1)))[0];
}

/**
 * `pooledAll` answered from the read cache of count-cache family `family` (db/count-cache.ts): the same
 * SQL and bindings read again before a write of that family commits, and within `ttlMs`, are not run again.
 */
export function cachedPooledAll<R = Row>(family: string, qb: Knex.QueryBuilder, ttlMs: number): Promise<R[]> {
  const { sql, bindings } = qb.toSQL().toNative();
  return cachedValue(family, `${sql}\u0000${JSON.stringify(bindings)}`, () => pooledAll<R>(qb), { ttlMs, maxEntries: 2000 });
}
