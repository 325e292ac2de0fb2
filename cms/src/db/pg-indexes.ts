/**
 * Indexes Strapi's schema cannot declare (partial indexes), made on PostgreSQL after the schema sync.
 * `CREATE INDEX CONCURRENTLY IF NOT EXISTS`: built once, without locking writes out of the table on an
 * upgraded database; a build left invalid by a crash is dropped and made again. A migration in
 * cms/database/migrations cannot do this: migrations run before the sync, when a new database has no
 * tables yet. SQLite keeps the declared indexes only (its plans for these lists are measured fast).
 *
 * - lines_dist_todo_idx: the distributor's 待配送 list (open lines, newest first) reads 20 index
 *   entries instead of sorting every open line of the distributor (a bitmap scan of tens of thousands
 *   of rows at 10,000,000 lines: scripts/bench/pg-scale).
 */
import type { Knex } from 'knex';
import { LINE_TAB_STATUSES } from '../domain/order-line';

const sqlList = (values: readonly string[]) => values.map((v) => `'${v.replace(/'/g, "''")}'`).join(', ');

export const PG_INDEXES: ReadonlyArray<{ name: string; table: string; definition: string }> = [
  {
    name: 'lines_dist_todo_idx',
    table: 'order_lines',
    definition: `(distributor_org_id, ordered_at, id) WHERE status IN (${sqlList(LINE_TAB_STATUSES.todo)})`,
  },
];

/** Makes the missing PG_INDEXES (PostgreSQL only); answers the names made. */
export async function ensurePgIndexes(knex: Knex, client: string, log: (msg: string) => void): Promise<string[]> {
  if (!/^(postgres|pg)/.test(client)) return [];
  const made: string[] = [];
  for (const ix of PG_INDEXES) {
    const found = await knex.raw(
      `SELECT i.indisvalid AS valid FROM pg_class c JOIN pg_index i ON i.indexrelid = c.oid
       WHERE c.relname = ? AND c.relnamespace = current_schema()::regnamespace`,
      [ix.name],
    );
    const row = (found.rows as Array<{ valid: boolean }>)[0];
    if (row?.valid) continue;
    if (row) await knex.raw(`DROP INDEX CONCURRENTLY IF EXISTS ${ix.name}`);
    const t0 = Date.now();
    try {
      await knex.raw(`CREATE INDEX CONCURRENTLY IF NOT EXISTS ${ix.name} ON ${ix.table} ${ix.definition}`);
      log(`[db] index ${ix.name} made in ${Date.now() - t0} ms`);
      made.push(ix.name);
    } catch (e) {
      // Another process starting at the same moment builds it: an index is no reason to refuse to start.
      log(`[db] index ${ix.name} not made here: ${(e as Error).message}`);
    }
  }
  return made;
}
