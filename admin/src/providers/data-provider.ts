/**
 * Refine data provider for the Strapi 5 REST API (ours; @refinedev/strapi* speak Strapi 3/4).
 *
 * - `GET /api/<resource>?pagination[page]=…&pagination[pageSize]=…&sort[0]=f:asc&filters[…]=…`
 *   → `{ data, meta: { pagination: { total } } }`.
 * - Records are addressed by `documentId`: it becomes Refine's `id`; Strapi's numeric `id` is kept
 *   as `numericId`. Relations inside a record are left as Strapi sends them.
 * - `meta.apiPath` overrides the URL path segment (default: the resource name);
 *   `meta.populate` / `meta.fields` / `meta.query` add Strapi query parameters.
 * - Errors are Refine HttpErrors (see http-client.ts); a 401 reaches authProvider.onError.
 */
import type { BaseRecord, DataProvider, MetaQuery } from '@refinedev/core';
import { apiFetch } from './http-client';
import { getToken } from './session';
import { buildFilters, buildPagination, buildSort, encodeQuery, type QueryObject, type QueryValue } from './strapi-query';

export const API_URL = '/api';
/** Upper bound of pages fetched when a list asks for every row (pagination mode off/client). */
const MAX_PAGES_WHEN_UNPAGED = 50;
const UNPAGED_PAGE_SIZE = 100;

interface StrapiList {
  data?: unknown[];
  meta?: { pagination?: { page?: number; pageSize?: number; pageCount?: number; total?: number } };
}
interface StrapiOne {
  data?: unknown;
  meta?: unknown;
}

/** Strapi record → Refine record (`id` = documentId, numeric id kept as `numericId`). */
export function toRecord<T extends BaseRecord = BaseRecord>(raw: unknown): T {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return raw as T;
  const { id, documentId, ...rest } = raw as Record<string, unknown>;
  const record: Record<string, unknown> = { ...rest };
  if (documentId !== undefined) {
    record.id = documentId;
    record.documentId = documentId;
    if (id !== undefined) record.numericId = id;
  } else if (id !== undefined) {
    record.id = id;
  }
  return record as T;
}

/** Refine variables → Strapi `data` (never sends the mapped keys back). */
function toData(variables: unknown): unknown {
  if (variables === null || typeof variables !== 'object' || Array.isArray(variables) || variables instanceof FormData) {
    return variables;
  }
  const { id: _id, documentId: _documentId, numericId: _numericId, ...rest } = variables as Record<string, unknown>;
  return rest;
}

function resourcePath(resource: string, meta?: MetaQuery): string {
  const segment = typeof meta?.apiPath === 'string' ? meta.apiPath : resource;
  return `${API_URL}/${segment.replace(/^\/+/, '')}`;
}

function metaQuery(meta?: MetaQuery): QueryObject {
  const q: QueryObject = {};
  if (meta?.populate !== undefined) q.populate = meta.populate as QueryValue;
  if (meta?.fields !== undefined) q.fields = meta.fields as QueryValue;
  if (meta?.query && typeof meta.query === 'object') Object.assign(q, meta.query as QueryObject);
  return q;
}

function withQuery(q: QueryObject): string | undefined {
  const s = encodeQuery(q);
  return s || undefined;
}

const auth = () => ({ token: getToken() });

export const dataProvider: DataProvider = {
  getApiUrl: () => API_URL,

  getList: async ({ resource, pagination, sorters, filters, meta }) => {
    const base: QueryObject = { ...metaQuery(meta) };
    const sort = buildSort(sorters);
    const f = buildFilters(filters);
    if (sort) base.sort = sort;
    if (f) base.filters = f;
    const path = resourcePath(resource, meta);

    if (pagination?.mode === 'off' || pagination?.mode === 'client') {
      const rows: unknown[] = [];
      let total = 0;
      for (let page = 1; page <= MAX_PAGES_WHEN_UNPAGED; page++) {
        const body = await apiFetch<StrapiList>(path, {
          ...auth(),
          query: withQuery({ ...base, pagination: { page, pageSize: UNPAGED_PAGE_SIZE } }),
        });
        rows.push(...(body?.data ?? []));
        total = body?.meta?.pagination?.total ?? rows.length;
        const pageCount = body?.meta?.pagination?.pageCount ?? 1;
        if (page >= pageCount) break;
      }
      return { data: rows.map((r) => toRecord(r)), total };
    }

    const body = await apiFetch<StrapiList>(path, {
      ...auth(),
      query: withQuery({ ...base, pagination: buildPagination(pagination) }),
    });
    const data = (body?.data ?? []).map((r) => toRecord(r));
    return { data: data as never[], total: body?.meta?.pagination?.total ?? data.length };
  },

  getMany: async ({ resource, ids, meta }) => {
    if (ids.length === 0) return { data: [] };
    const body = await apiFetch<StrapiList>(resourcePath(resource, meta), {
      ...auth(),
      query: withQuery({
        ...metaQuery(meta),
        filters: { documentId: { $in: ids.map(String) } },
        pagination: { page: 1, pageSize: Math.max(ids.length, 1) },
      }),
    });
    return { data: (body?.data ?? []).map((r) => toRecord(r)) as never[] };
  },

  getOne: async ({ resource, id, meta }) => {
    const body = await apiFetch<StrapiOne>(`${resourcePath(resource, meta)}/${encodeURIComponent(String(id))}`, {
      ...auth(),
      query: withQuery(metaQuery(meta)),
    });
    return { data: toRecord(body?.data) };
  },

  create: async ({ resource, variables, meta }) => {
    const body = await apiFetch<StrapiOne>(resourcePath(resource, meta), {
      ...auth(),
      method: 'POST',
      query: withQuery(metaQuery(meta)),
      body: { data: toData(variables) },
    });
    return { data: toRecord(body?.data) };
  },

  update: async ({ resource, id, variables, meta }) => {
    const body = await apiFetch<StrapiOne>(`${resourcePath(resource, meta)}/${encodeURIComponent(String(id))}`, {
      ...auth(),
      method: 'PUT',
      query: withQuery(metaQuery(meta)),
      body: { data: toData(variables) },
    });
    return { data: toRecord(body?.data) };
  },

  deleteOne: async ({ resource, id, meta }) => {
    const body = await apiFetch<StrapiOne>(`${resourcePath(resource, meta)}/${encodeURIComponent(String(id))}`, {
      ...auth(),
      method: 'DELETE',
    });
    return { data: toRecord(body?.data ?? { documentId: id }) };
  },

  /**
   * Custom endpoints. `url` is a path ("/api/…" or relative to /api) or an absolute URL;
   * `query` is a plain object encoded like Strapi's (`filters`/`sorters` are added when given);
   * `payload` is sent as JSON (or as is when FormData). Resolves with the response body as is.
   */
  custom: async ({ url, method, payload, query, filters, sorters, headers, meta }) => {
    const q: QueryObject = { ...metaQuery(meta), ...((query as QueryObject | undefined) ?? {}) };
    const f = buildFilters(filters);
    const sort = buildSort(sorters);
    if (f) q.filters = f;
    if (sort) q.sort = sort;
    const path = /^https?:\/\//.test(url) || url.startsWith('/') ? url : `${API_URL}/${url}`;
    const body = await apiFetch<unknown>(path, {
      ...auth(),
      method: method.toUpperCase() as 'GET',
      query: withQuery(q),
      body: payload,
      headers: headers as Record<string, string> | undefined,
    });
    return { data: body as never };
  },
};
