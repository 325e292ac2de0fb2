/**
 * The signed-in session: the JWT in localStorage `mcp_jwt` and the caller's profile from
 * GET /api/me, cached per token (one request shared by every caller).
 */
import type { Role } from '@domain';
import { apiFetch } from './http-client';

export const JWT_STORAGE_KEY = 'mcp_jwt';

export interface MeOrganisation {
  id: number;
  documentId: string;
  name: string;
  type: string;
  provinceCode: string | null;
  provinceName: string | null;
}

/** GET /api/me */
export interface Me {
  id: number;
  username: string;
  email?: string | null;
  mustChangePassword: boolean;
  /** An operator 经办人 (not the organisation's administrator login). */
  operator?: boolean;
  displayName?: string | null;
  role: Role;
  organisation: MeOrganisation | null;
}

export function getToken(): string | null {
  try {
    return window.localStorage.getItem(JWT_STORAGE_KEY);
  } catch {
    return null;
  }
}

export function setToken(jwt: string): void {
  window.localStorage.setItem(JWT_STORAGE_KEY, jwt);
  clearMe();
}

export function clearSession(): void {
  try {
    window.localStorage.removeItem(JWT_STORAGE_KEY);
  } catch {
    // nothing stored
  }
  clearMe();
}

let cached: { token: string; me: Promise<Me> } | null = null;

export function clearMe(): void {
  cached = null;
}

/** The caller's profile; null without a token. Rejects with the HttpError of /api/me. */
export function getMe(options: { refresh?: boolean } = {}): Promise<Me | null> {
  const token = getToken();
  if (!token) return Promise.resolve(null);
  if (!cached || cached.token !== token || options.refresh) {
    const me = apiFetch<Me>('/api/me', { token }).catch((err: unknown) => {
      if (cached?.token === token) cached = null; // do not keep a failure
      throw err;
    });
    cached = { token, me };
  }
  return cached.me;
}
