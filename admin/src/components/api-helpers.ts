/**
 * Small helpers for purpose-written endpoints: a paged list through Refine's `useCustom` (Strapi's
 * envelope), JSON calls with the session token, and .xlsx downloads.
 */
import { useCustom } from '@refinedev/core';
import { apiFetch, toHttpError } from '../providers/http-client';
import { getToken } from '../providers/session';
import { encodeQuery, type QueryObject } from '../providers/strapi-query';

export interface Paged<T> {
  data: T[];
  meta: { pagination: { page: number; pageSize: number; pageCount: number; total: number }; [k: string]: unknown };
}

/** GET `url` with `query` (+ pagination), answered as rows and total; `refetch` reloads. */
export function usePaged<T>(url: string, query: QueryObject, page: number, pageSize: number, enabled = true) {
  const { query: q, result } = useCustom<Paged<T> & Record<string, unknown>>({
    url,
    method: 'get',
    config: { query: { ...query, pagination: { page, pageSize } } },
    queryOptions: { enabled },
    errorNotification: false,
  });
  const body = result?.data as unknown as Paged<T> | undefined;
  return {
    rows: body?.data ?? [],
    total: body?.meta?.pagination?.total ?? 0,
    meta: body?.meta,
    loading: q.isLoading || q.isFetching,
    error: q.error,
    refetch: () => q.refetch(),
  };
}

/** POST JSON to a custom endpoint; throws the server's HttpError (Chinese message). */
export function postJson<T = unknown>(path: string, body: unknown): Promise<T> {
  return apiFetch<T>(path, { method: 'POST', body, token: getToken() });
}

export function getJson<T = unknown>(path: string, query?: QueryObject): Promise<T> {
  return apiFetch<T>(path, { query: query ? encodeQuery(query) || undefined : undefined, token: getToken() });
}

/** Downloads a file from `path` (with the session token) under `fileName`; a refused download throws the server's message. */
export async function downloadFile(path: string, query: QueryObject, fileName: string): Promise<void> {
  const qs = encodeQuery(query);
  const token = getToken();
  const res = await fetch(qs ? `${path}?${qs}` : path, { headers: token ? { Authorization: `Bearer ${token}` } : {} });
  if (!res.ok) {
    let body: unknown;
    try {
      body = await res.json();
    } catch {
      body = undefined;
    }
    throw new Error(toHttpError(res.status, body).message);
  }
  saveBlob(await res.blob(), fileName);
}

/** Saves a Blob as a download named `name`. */
export function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** 'YYYY-MM-DD HH:mm' in China time of an ISO date-time (or '' when empty). */
export function chinaDateTime(v: unknown): string {
  if (!v) return '';
  const d = new Date(String(v));
  if (Number.isNaN(d.getTime())) return String(v);
  return new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
}

/** Fen → yuan text. */
export function yuan(fen: number | null | undefined): string {
  if (fen === null || fen === undefined) return '';
  return (fen / 100).toFixed(2);
}
