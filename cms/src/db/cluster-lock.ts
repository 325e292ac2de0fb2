/**
 * Scheduled work runs once per cluster: on PostgreSQL the process that takes the job's advisory lock
 * (held by a transaction, so a process that dies lets go) runs it, the others skip this round; on
 * SQLite there is one process.
 */
import { createHash } from 'node:crypto';
import type { Knex } from 'knex';

/** The job's 64-bit advisory-lock key, from its name. */
export function lockKey(job: string): string {
  return createHash('sha256').update(`mcp-job:${job}`).digest().readBigInt64BE(0).toString();
}

/** Runs `fn` unless another process holds `job`'s lock right now; answers whether it ran. */
export async function onceInCluster(k: Knex, job: string, fn: () => Promise<void>): Promise<boolean> {
  const client = String(k.client.config.client);
  if (!/^(pg|postgres)/.test(client)) {
    await fn();
    return true;
  }
  return k.transaction(async (trx) => {
    const got = await trx.raw('select pg_try_advisory_xact_lock(?::bigint) as ok', [lockKey(job)]);
    if (!got.rows?.[0]?.ok) return false;
    await fn();
    return true;
  });
}
