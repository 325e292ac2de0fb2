/**
 * The list envelope every list endpoint answers (Strapi's own shape, so the panel's data provider
 * reads custom lists like generic ones). Row types live beside their rules: OrderLineRow in
 * order-line-row.ts, and so on.
 */
export interface Pagination {
  page: number;
  pageSize: number;
  pageCount: number;
  total: number;
}

export interface Page<T> {
  data: T[];
  meta: { pagination: Pagination };
}

export function pageOf<T>(data: T[], total: number, page: number, pageSize: number): Page<T> {
  return { data, meta: { pagination: { page, pageSize, pageCount: Math.ceil(total / pageSize), total } } };
}

/** Every actionable row carries the actions its caller may take now, computed on the server by the domain. */
export interface Actionable<A extends string = string> {
  actions: A[];
}
