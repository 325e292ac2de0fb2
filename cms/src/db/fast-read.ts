/**
 * Runs a read query. On SQLite it goes straight to the driver with a cached prepared statement (the
 * knex query runner costs more than the indexed query itself on the hot lists); elsewhere through knex.
 * Rows are read as arrays and turned into objects by a function compiled per statement: the driver's
 * own row objects (a property set per cell) took half the time of a 20-row page.
 */
import type { Knex } from 'knex';

type Row = Record<string, unknown>;

interface SqliteStatement {
  columns(): Array<{ name: string }>;
  raw(on: boolean): SqliteStatement;
  all(...bindings: unknown[]): unknown[][];
}
interface SqliteConnection {
  prepare(sql: string): SqliteStatement;
}
interface Prepared {
  st: SqliteStatement;
  toObject: (r: unknown[]) => Row;
}

const statements = new WeakMap<object, Map<string, Prepared>>();

/** A function building `{ col0: r[0], col1: r[1], … }`, compiled once per statement. */
export function rowBuilder(columns: string[]): Prepared['toObject'] {
  return new Function('r', `return {${columns.map((c, i) => `${JSON.stringify(c)}: r[${i}]`).join(', ')}};`) as Prepared['toObject'];
}

function isSqlite(knex: Knex): boolean {
  const client = knex.client as { config: { client?: unknown }; dialect?: string; driverName?: string };
  return client.config.client === 'sqlite' || client.dialect === 'sqlite3' || client.driverName === 'better-sqlite3';
}

const driverValue = (b: unknown) => (b instanceof Date ? b.getTime() : typeof b === 'boolean' ? (b ? 1 : 0) : b);

/** The rows of `qb` (a knex select), as plain objects keyed by column name or alias. */
export async function fastAll<R = Row>(qb: Knex.QueryBuilder): Promise<R[]> {
  const knex = strapi.db.connection as Knex;
  if (!isSqlite(knex)) return (await qb) as R[];
  const { sql, bindings } = qb.toSQL().toNative();
  return runPrepared<R>(knex, sql, bindings);
}

const compiled = new Map<string, { sql: string; bindings: readonly unknown[] }>();

/**
 * `fastAll` for a hot query whose SQL and bindings `key` fully determines (every filter value, the
 * order, limit and offset): on SQLite the knex builder runs once per key, not per request (building
 * and compiling it cost more than the indexed query).
 */
export async function fastAllByKey<R = Row>(key: string, build: () => Knex.QueryBuilder): Promise<R[]> {
  const knex = strapi.db.connection as Knex;
  if (!isSqlite(knex)) return (await build()) as R[];
  let c = compiled.get(key);
  if (!c) {
    const { sql, bindings } = build().toSQL().toNative();
    c = { sql, bindings };
    if (compiled.size >= 1000) compiled.clear();
    compiled.set(key, c);
  }
  return runPrepared<R>(knex, c.sql, c.bindings);
}

async function runPrepared<R>(knex: Knex, sql: string, bindings: readonly unknown[]): Promise<R[]> {
  const conn = (await knex.client.acquireConnection()) as SqliteConnection;
  try {
    let cache = statements.get(conn);
    if (!cache) statements.set(conn, (cache = new Map()));
    let p = cache.get(sql);
    if (!p) {
      const st = conn.prepare(sql).raw(true);
      p = { st, toObject: rowBuilder(st.columns().map((c) => c.name)) };
      if (cache.size > 500) cache.clear();
      cache.set(sql, p);
    }
    const rows = p.st.all(...bindings.map(driverValue));
    return rows.map(p.toObject) as R[];
  } finally {
    knex.client.releaseConnection(conn);
  }
}
