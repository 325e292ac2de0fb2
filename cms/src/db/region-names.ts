/**
 * Names of regions by code (配送区域, 所在省份), cached: reference data changes only through the
 * content manager and the seed.
 */
import type { Knex } from 'knex';

const TTL_MS = 10 * 60_000;
let cache: { at: number; names: Map<string, string> } | null = null;

export async function regionNames(k?: Knex): Promise<Map<string, string>> {
  if (cache && Date.now() - cache.at < TTL_MS) return cache.names;
  const rows: Array<{ code: string; name: string }> = await (k ?? (strapi.db.connection as unknown as Knex))('regions').select('code', 'name');
  cache = { at: Date.now(), names: new Map(rows.map((r) => [r.code, r.name])) };
  return cache.names;
}

/** `codes` as stored (a JSON array, or text of one) → the codes. */
export function areaCodes(v: unknown): string[] {
  if (Array.isArray(v)) return v.map(String);
  if (typeof v === 'string' && v) {
    try {
      const p: unknown = JSON.parse(v);
      return Array.isArray(p) ? p.map(String) : [];
    } catch {
      return [];
    }
  }
  return [];
}
