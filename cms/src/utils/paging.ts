/** Page parameters of Strapi's shape (`pagination[page]`, `pagination[pageSize]`), bounded. */
export function readPaging(query: any, defaults = { pageSize: 10, max: 200 }) {
  const p = query?.pagination ?? {};
  const page = Math.max(1, Math.min(1_000_000, parseInt(p.page ?? query?.page ?? '1', 10) || 1));
  const pageSize = Math.max(1, Math.min(defaults.max, parseInt(p.pageSize ?? query?.pageSize ?? String(defaults.pageSize), 10) || defaults.pageSize));
  return { page, pageSize, offset: (page - 1) * pageSize };
}

/** Strapi's list envelope, so the panel's data provider reads custom lists like generic ones. */
export function pageEnvelope<T>(data: T[], total: number, page: number, pageSize: number) {
  return { data, meta: { pagination: { page, pageSize, pageCount: Math.ceil(total / pageSize), total } } };
}
