import { requireActor, type ActorContext } from '../scope';
import { DomainError } from '../domain/errors';
import { ROLE_LABELS, type Role } from '../domain/roles';
import { assertLoginManager } from '../domain/logins';

/**
 * Route policy for custom endpoints: `{ name: 'global::has-role', config: { roles: ['distributor'] } }`.
 * Loads the actor (refusing anonymous callers, API tokens and users who must first change their
 * password) and refuses other roles with 403 and a Chinese message naming who may; with `loginManager`
 * it also refuses operators 经办人 (403 OPERATOR_NOT_ALLOWED).
 */
export default async (policyContext: ActorContext, config: { roles?: Role[]; loginManager?: boolean } = {}) => {
  const actor = await requireActor(policyContext);
  const roles = config.roles ?? [];
  if (roles.length && !roles.includes(actor.role)) {
    const who = roles.map((r) => ROLE_LABELS[r].zh).join('、');
    throw new DomainError('ROLE_NOT_ALLOWED', `仅${who}可执行此操作`, { status: 403 });
  }
  if (config.loginManager) assertLoginManager(actor);
  return true;
};
