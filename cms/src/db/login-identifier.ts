/**
 * Usernames are unique whatever their case (P11PS0001 and p11ps0001 are one login): the identifier of
 * a login request is replaced by the stored username it names, before users-permissions looks it up
 * (it compares usernames exactly). An e-mail is left to users-permissions (it lower-cases those).
 */
import type { Knex } from 'knex';

const IDENTIFIER_MAX = 200;

/** Replaces `body.identifier` of a login request by the stored username of the one login it names in any case. */
export async function canonicaliseLoginIdentifier(request: { body?: unknown }): Promise<void> {
  const body = request.body as { identifier?: unknown } | null | undefined;
  const identifier = body?.identifier;
  if (typeof identifier !== 'string' || identifier.includes('@') || identifier.length > IDENTIFIER_MAX) return;
  const k = strapi.db.connection as unknown as Knex;
  const rows = await k('up_users').whereRaw('lower(username) = ?', [identifier.trim().toLowerCase()]).limit(2).select('username');
  if (rows.length === 1) body!.identifier = String(rows[0].username);
}
