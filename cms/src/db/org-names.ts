/** Organisation names by id, for the lists that show them (a small in-memory cache: names rarely change). */
const TTL_MS = 60_000;
const cache = new Map<number, { name: string; at: number }>();

export async function orgNames(ids: Iterable<number>): Promise<Map<number, string>> {
  const out = new Map<number, string>();
  const missing: number[] = [];
  const t = Date.now();
  for (const id of new Set(ids)) {
    if (!id) continue;
    const c = cache.get(id);
    if (c && t - c.at < TTL_MS) out.set(id, c.name);
    else missing.push(id);
  }
  if (missing.length) {
    const rows: Array<{ id: number | string; name: string }> = await strapi.db.connection('organisations').select('id', 'name').whereIn('id', missing);
    for (const r of rows) {
      out.set(Number(r.id), r.name);
      cache.set(Number(r.id), { name: r.name, at: t });
    }
  }
  return out;
}
