/**
 * Role-based access: a resource is open to the roles listed in src/resources.tsx (every action;
 * features may narrow actions later). The server enforces the same rules; this only hides.
 */
import type { AccessControlProvider } from '@refinedev/core';
import { canRoleOpen, rolesOf } from '../resources';
import { getMe } from './session';
import { translateNow } from './i18n-provider';

export const accessControlProvider: AccessControlProvider = {
  can: async ({ resource }) => {
    if (!resource) return { can: true };
    if (!rolesOf(resource)) return { can: false, reason: translateNow('forbidden.title') };
    const role = await getMe()
      .then((me) => me?.role ?? null)
      .catch(() => null);
    return canRoleOpen(role, resource) ? { can: true } : { can: false, reason: translateNow('forbidden.title') };
  },
  options: {
    buttons: { enableAccessControl: true, hideIfUnauthorized: true },
    // Answers depend on who is signed in: never reuse them after the user changes.
    queryOptions: { staleTime: 0, gcTime: 0 },
  },
};
