/**
 * Whether the demo organisations and logins (published password) are seeded: never in production,
 * whatever else is set; elsewhere unless SEED_DEMO=false.
 */
export function seedsDemo(env: Readonly<Record<string, string | undefined>>): boolean {
  if (env.NODE_ENV === 'production') return false;
  return env.SEED_DEMO !== 'false';
}
