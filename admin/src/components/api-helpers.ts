/**
 * `downloadFile` / `saveBlob`: the one .xlsx download path (a GET with the session token).
 * The rest is on its way out: lists go through `hooks/use-page-query.ts`, actions through
 * `hooks/use-row-action.ts`; `usePaged`, `postJson`, `getJson`, `chinaDateTime` and `yuan` stay
 * only while pages still import them.
 */
import { useCustom } from '@refinedev/core';
import { formatFen } from '@domain';
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

/** Kept for the pages still importing it from here: the domain's one China-time formatter. */
export { chinaDateTime } from '@domain';

/** Fen → yuan text. */
export function yuan(fen: number | null | undefined): string {
  if (fen === null || fen === undefined) return '';
  return formatFen(fen);
}
