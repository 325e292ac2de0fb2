/**
 * One search semantics for every list: case-insensitive "contains" over the named columns, with
 * `%`, `_` and `\` in the term taken literally; the same SQL on SQLite and PostgreSQL.
 */
import type { Knex } from 'knex';

/** The LIKE pattern of a term: lower-cased, wildcards escaped with `\`, wrapped in `%`. */
export function containsPattern(term: string): string {
  return `%${term.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * Adds `(lower(c1) LIKE p OR lower(c2) LIKE p …)` to the builder; nothing for an empty term.
 * Column names come from code, never from the request.
 */
export function whereContains<B extends Knex.QueryBuilder>(qb: B, columns: readonly string[], term: string | null | undefined): B {
  const t = term?.trim();
  if (!t || !columns.length) return qb;
  const pattern = containsPattern(t);
  return qb.where((w) => {
    for (const c of columns) w.orWhereRaw(`lower(${c}) like ? escape '\\'`, [pattern]);
  }) as B;
}

/** The same test in memory (for lists filtered after reading, e.g. computed statuses). */
export function containsText(value: unknown, term: string | null | undefined): boolean {
  const t = term?.trim().toLowerCase();
  if (!t) return true;
  return typeof value === 'string' && value.toLowerCase().includes(t);
}
