/**
 * `npm run create-admin`: the first logins of a production install, each with a secret shown once.
 * - the platform administrator 联采办 (organisation type platform): a random one-time password, to be
 *   changed at first login;
 * - the Strapi administrator for content managers: an invitation with a one-time registration link,
 *   where the holder sets a password of their own. Once any Strapi administrator exists, Strapi closes
 *   its first-visitor registration, so `/admin` is never open to whoever comes first.
 * An existing login is left alone unless `reset` is asked for (a new one-time password).
 */
import { createId } from '@paralleldrive/cuid2';
import type { Core } from '@strapi/strapi';
import { createLogins, existingUsernames, hashPassword, roleIdOf, setPasswordHash } from '../db/users';
import { oneTimePassword } from '../utils/one-time-password';
import type { Knex } from 'knex';

export const PLATFORM_ORG_NAME = '国家组织医用耗材联合采购办公室';

export interface CreateAdminOptions {
  username: string;
  email: string;
  reset: boolean;
}

export interface CreatedAdmins {
  platform: { username: string; password: string | null; existed: boolean };
  strapiAdmin: { email: string; registrationToken: string | null; existed: boolean };
}

async function platformOrgId(k: Knex, at: Date): Promise<number> {
  const found = await k('organisations').where('type', 'platform').orderBy('id').first('id');
  if (found) return Number(found.id);
  await k('organisations').insert({
    document_id: createId(),
    name: PLATFORM_ORG_NAME,
    type: 'platform',
    enabled: true,
    created_at: at,
    updated_at: at,
    published_at: at,
  });
  return Number((await k('organisations').where('type', 'platform').orderBy('id').first('id')).id);
}

async function platformLogin(strapi: Core.Strapi, opts: CreateAdminOptions): Promise<CreatedAdmins['platform']> {
  const k = strapi.db.connection as unknown as Knex;
  const at = new Date();
  const existed = (await existingUsernames(k, [opts.username])).has(opts.username);
  if (existed && !opts.reset) return { username: opts.username, password: null, existed };
  const password = oneTimePassword();
  const passwordHash = await hashPassword(password);
  if (existed) {
    const user = await k('up_users').where('username', opts.username).first('id');
    await setPasswordHash(k, Number(user.id), passwordHash, true, at);
    return { username: opts.username, password, existed };
  }
  const roleId = await roleIdOf(k, 'platform_admin');
  if (!roleId) throw new Error('The platform_admin role is missing: start the server once first');
  const organisationId = await platformOrgId(k, at);
  await createLogins(k, [{ username: opts.username, displayName: PLATFORM_ORG_NAME, passwordHash, roleId, organisationId, mustChangePassword: true }], at);
  return { username: opts.username, password, existed };
}

interface AdminUserService {
  exists(where?: Record<string, unknown>): Promise<boolean>;
  create(attrs: Record<string, unknown>): Promise<{ registrationToken: string | null }>;
}

async function strapiAdmin(strapi: Core.Strapi, opts: CreateAdminOptions): Promise<CreatedAdmins['strapiAdmin']> {
  const users = strapi.service('admin::user') as unknown as AdminUserService;
  if (await users.exists({ email: opts.email })) return { email: opts.email, registrationToken: null, existed: true };
  const superAdmin = await (strapi.service('admin::role') as unknown as { getSuperAdmin(): Promise<{ id: number } | null> }).getSuperAdmin();
  if (!superAdmin) throw new Error('The Strapi super admin role is missing');
  // No password: the holder of the registration link sets one (and only they can: the token is single-use).
  const created = await users.create({ email: opts.email, firstname: '内容', lastname: '管理员', isActive: false, roles: [superAdmin.id] });
  return { email: opts.email, registrationToken: created.registrationToken, existed: false };
}

export async function createAdmins(strapi: Core.Strapi, opts: CreateAdminOptions): Promise<CreatedAdmins> {
  return { platform: await platformLogin(strapi, opts), strapiAdmin: await strapiAdmin(strapi, opts) };
}
