/**
 * Auth against users-permissions: POST /api/auth/local → { jwt, user }, then GET /api/me.
 * The JWT lives in localStorage `mcp_jwt`; the profile is cached per token (session.ts). 退出登录
 * ends the session on the server first (POST /api/me/logout), then clears localStorage.
 */
import type { AuthProvider } from '@refinedev/core';
import { apiFetch, isHttpError } from './http-client';
import { translateNow } from './i18n-provider';
import { clearSession, getMe, getToken, setToken } from './session';

export interface LoginVariables {
  username: string;
  password: string;
}

export interface ChangePasswordVariables {
  currentPassword: string;
  password: string;
  passwordConfirmation: string;
}

/** Where a signed-in user lands: the password page while the initial password is unchanged. */
export const CHANGE_PASSWORD_PATH = '/change-password';

function loginError(err: unknown): Error {
  const message = isHttpError(err) && err.statusCode > 0 && err.message ? err.message : translateNow('login.networkError');
  return { name: translateNow('login.failed'), message };
}

export const authProvider: AuthProvider = {
  login: async ({ username, password }: LoginVariables) => {
    try {
      const res = await apiFetch<{ jwt?: string }>('/api/auth/local', {
        method: 'POST',
        body: { identifier: username, password },
      });
      if (!res?.jwt) return { success: false, error: { name: translateNow('login.failed'), message: translateNow('login.invalidResponse') } };
      setToken(res.jwt);
      const me = await getMe();
      if (!me) throw new Error('no profile');
      return { success: true, redirectTo: me.mustChangePassword ? CHANGE_PASSWORD_PATH : '/' };
    } catch (err) {
      clearSession();
      return { success: false, error: loginError(err) };
    }
  },

  /** Ends the session on the server (every token of the user stops working), then forgets it here. */
  logout: async () => {
    const token = getToken();
    if (token) await apiFetch('/api/me/logout', { method: 'POST', token, body: {} }).catch(() => undefined);
    clearSession();
    return { success: true, redirectTo: '/login' };
  },

  check: async () => {
    if (!getToken()) return { authenticated: false, logout: true, redirectTo: '/login' };
    try {
      const me = await getMe();
      if (me) return { authenticated: true };
      return { authenticated: false, logout: true, redirectTo: '/login' };
    } catch (err) {
      if (isHttpError(err) && (err.statusCode === 401 || err.statusCode === 403)) clearSession();
      return {
        authenticated: false,
        logout: true,
        redirectTo: '/login',
        error: isHttpError(err) ? { name: translateNow('errors.unauthorized'), message: err.message } : undefined,
      };
    }
  },

  onError: async (error: unknown) => {
    if (isHttpError(error) && error.statusCode === 401) {
      clearSession();
      return { logout: true, redirectTo: '/login' };
    }
    return {};
  },

  getIdentity: async () => {
    try {
      return await getMe();
    } catch {
      return null;
    }
  },

  getPermissions: async () => {
    try {
      return (await getMe())?.role ?? null;
    } catch {
      return null;
    }
  },
};

/** POST /api/auth/change-password, then the profile again (mustChangePassword is now false). */
export async function changePassword(values: ChangePasswordVariables): Promise<void> {
  const res = await apiFetch<{ jwt?: string }>('/api/auth/change-password', {
    method: 'POST',
    token: getToken(),
    body: values,
  });
  // users-permissions answers with a fresh JWT; keep it when given.
  if (res?.jwt) setToken(res.jwt);
  await getMe({ refresh: true });
}
