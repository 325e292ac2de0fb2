/**
 * fetch for the Strapi REST API (same origin: /api). Parses JSON, sends the Bearer token, and turns
 * every failure into a Refine HttpError:
 *   Strapi `{ data: null, error: { status, name, message, details } }` →
 *   `{ statusCode, message, code: details.code, errors: { field: [msg] } }`.
 */
import type { HttpError } from '@refinedev/core';
import { translateNow } from './i18n-provider';

export interface ApiHttpError extends HttpError {
  /** Stable business error code from `error.details.code` (or Strapi's error name). */
  code?: string;
  details?: unknown;
}

export interface ApiFetchOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'HEAD' | 'OPTIONS';
  /** Encoded query string without "?" (see strapi-query.ts). */
  query?: string;
  body?: unknown;
  headers?: Record<string, string>;
  /** Bearer token; `null` sends none. */
  token?: string | null;
}

interface StrapiErrorBody {
  status?: number;
  name?: string;
  message?: string;
  details?: {
    code?: string;
    field?: string;
    errors?: Array<{ path?: Array<string | number> | string; message?: string }>;
    [k: string]: unknown;
  };
}

export function isHttpError(e: unknown): e is ApiHttpError {
  return typeof e === 'object' && e !== null && typeof (e as HttpError).statusCode === 'number';
}

function fallbackMessage(status: number): string {
  if (status === 401) return translateNow('errors.unauthorized');
  if (status === 403) return translateNow('errors.forbidden');
  if (status === 404) return translateNow('errors.notFound');
  if (status >= 500) return translateNow('errors.server');
  return translateNow('errors.unknown');
}

const CJK = /[\u3400-\u9fff]/;

/**
 * The server's message is shown when it is ours (a business code, or Chinese text) or a 400
 * validation message; Strapi's generic English texts ("Not Found", "Forbidden" …) give way to ours.
 */
function serverMessageShown(status: number, err: StrapiErrorBody | undefined): boolean {
  if (!err?.message) return false;
  if (err.details?.code || CJK.test(err.message)) return true;
  return status === 400 || status === 409 || status === 422;
}

/** Maps an error response (status + parsed body, maybe not Strapi's) to an HttpError. */
export function toHttpError(status: number, body: unknown): ApiHttpError {
  const err: StrapiErrorBody | undefined =
    typeof body === 'object' && body !== null && 'error' in body ? ((body as { error?: StrapiErrorBody }).error ?? undefined) : undefined;
  const details = err?.details;
  const fieldErrors: Record<string, string[]> = {};
  for (const e of details?.errors ?? []) {
    const path = Array.isArray(e.path) ? e.path.join('.') : (e.path ?? '');
    if (!path || !e.message) continue;
    (fieldErrors[path] ??= []).push(e.message);
  }
  if (details?.field && err?.message && !fieldErrors[details.field]) {
    fieldErrors[details.field] = [err.message];
  }
  const statusCode = err?.status ?? status;
  const result: ApiHttpError = {
    statusCode,
    message: serverMessageShown(statusCode, err) ? (err?.message as string) : fallbackMessage(statusCode),
    code: details?.code ?? err?.name,
    details,
  };
  if (Object.keys(fieldErrors).length > 0) result.errors = fieldErrors;
  return result;
}

/** Request a path under the same origin; resolves with the parsed JSON body (undefined when empty). */
export async function apiFetch<T = unknown>(path: string, options: ApiFetchOptions = {}): Promise<T> {
  const { method = 'GET', query, body, headers = {}, token } = options;
  const url = query ? `${path}${path.includes('?') ? '&' : '?'}${query}` : path;
  const init: RequestInit = { method, headers: { Accept: 'application/json', ...headers } };
  const h = init.headers as Record<string, string>;
  if (token) h.Authorization = `Bearer ${token}`;
  if (body !== undefined) {
    if (body instanceof FormData) {
      init.body = body;
    } else {
      h['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
  }

  let response: Response;
  try {
    response = await fetch(url, init);
  } catch {
    const networkError: ApiHttpError = { statusCode: 0, message: translateNow('errors.network'), code: 'NETWORK_ERROR' };
    throw networkError;
  }

  const text = await response.text();
  let parsed: unknown = undefined;
  if (text) {
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = text;
    }
  }
  if (!response.ok) throw toHttpError(response.status, parsed);
  return parsed as T;
}
