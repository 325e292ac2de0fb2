/** Superseded by `readPaging` in `utils/query.ts` (400 on bad parameters) and `pageOf` in `domain/page.ts`. */
interface PagingQuery {
  pagination?: { page?: unknown; pageSize?: unknown };
  page?: unknown;
  pageSize?: unknown;
}

/** Page parameters of Strapi's shape (`pagination[page]`, `pagination[pageSize]`), bounded. */
export function readPaging(query: PagingQuery | null | undefined, defaults = { pageSize: 10, max: 200 }) {
  const p = query?.pagination ?? {};
  const page = Math.max(1, Math.min(1_000_000, parseInt(String(p.page ?? query?.page ?? '1'), 10) || 1));
  const pageSize = Math.max(1, Math.min(defaults.max, parseInt(String(p.pageSize ?? query?.pageSize ?? defaults.pageSize), 10) || defaults.pageSize));
  return { page, pageSize, offset: (page - 1) * pageSize };
}

/** Strapi's list envelope, so the panel's data provider reads custom lists like generic ones. */
export function pageEnvelope<T>(data: T[], total: number, page: number, pageSize: number) {
  return { data, meta: { pagination: { page, pageSize, pageCount: Math.ceil(total / pageSize), total } } };
}
