/**
 * What a start seeds and leaves open, by environment. Production never seeds demo logins and never
 * lets the first visitor of `/admin` register as Strapi's super admin (`npm run create-admin` does it).
 */
type Env = Readonly<Record<string, string | undefined>>;

/**
 * Whether the demo organisations and logins (published password) are seeded: never in production,
 * whatever else is set; elsewhere unless SEED_DEMO=false.
 */
export function seedsDemo(env: Env): boolean {
  if (env.NODE_ENV === 'production') return false;
  return env.SEED_DEMO !== 'false';
}

/**
 * Whether the demo's business rows (relationships, orders, deliveries, invoices, returns) are added to
 * the demo organisations: with the demo, but not under NODE_ENV=test (tests make their own rows and
 * count what they made) and not with SEED_DEMO_ACTIVITY=false.
 */
export function seedsDemoActivity(env: Env): boolean {
  return seedsDemo(env) && env.NODE_ENV !== 'test' && env.SEED_DEMO_ACTIVITY !== 'false';
}

/**
 * Whether Strapi's first-administrator registration (`POST /admin/register-admin` on a database with no
 * administrator) is open: outside production, or when ADMIN_FIRST_REGISTRATION=open says so explicitly.
 */
export function firstAdminRegistrationOpen(env: Env): boolean {
  return env.NODE_ENV !== 'production' || env.ADMIN_FIRST_REGISTRATION === 'open';
}
