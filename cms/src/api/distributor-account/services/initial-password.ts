/**
 * 初始密码 of the bureau (manual 000 §3): the password its distributor accounts are issued and reset
 * with. It starts as the initial password of the bureau's administrator login; the bureau's
 * administrator may set a new one for the accounts issued or reset from then on (never an operator).
 */
import type { Knex } from 'knex';
import { assertLoginManager, PASSWORD_WEAK_MESSAGE, passwordError } from '../../../domain';
import { DomainError } from '../../../domain/errors';
import { hashPassword } from '../../../db/users';
import type { Actor } from '../../../scope';
import { now } from '../../../utils/clock';
import { oneTimePassword } from '../../../utils/one-time-password';
import { requireBureau, writeTx } from './account-data';

export async function setInitialPassword(actor: Actor, password: string, confirmation: string) {
  const { orgId } = requireBureau(actor);
  assertLoginManager(actor);
  if (passwordError(password)) throw new DomainError('PASSWORD_WEAK', PASSWORD_WEAK_MESSAGE, { status: 400, field: 'password' });
  if (password !== confirmation) throw new DomainError('PASSWORD_MISMATCH', '两次输入的密码不一致', { status: 400, field: 'passwordConfirmation' });
  await store(actor, orgId, await hashPassword(password));
  return { initialPasswordSet: true };
}

/** A random initial password (the one-time password's alphabet), answered once: the bureau hands it over. */
export async function generateInitialPassword(actor: Actor) {
  const { orgId } = requireBureau(actor);
  assertLoginManager(actor);
  const password = oneTimePassword();
  await store(actor, orgId, await hashPassword(password));
  return { initialPasswordSet: true, initialPassword: password };
}

async function store(actor: Actor, orgId: number, hash: string) {
  await writeTx(async (trx: Knex) => {
    await trx('organisations').where('id', orgId).update({ initial_password_hash: hash, updated_at: now() });
    await strapi
      .service('api::state-history.state-history')
      .record(actor, [{ entity: 'organisation', entityId: orgId, action: 'setInitialPassword', from: null, to: null }]);
  });
}

/**
 * Whether the bureau has an initial password (the panel says so next to 设置初始密码), and whether the
 * caller may set one (the administrator login, not an operator).
 */
export async function initialPasswordState(actor: Actor) {
  const { orgId } = requireBureau(actor);
  const k = strapi.db.connection as unknown as Knex;
  const row = await k('organisations').where('id', orgId).first('initial_password_hash');
  return { initialPasswordSet: !!row?.initial_password_hash, canSet: !actor.operator };
}

export default () => ({ setInitialPassword, generateInitialPassword, initialPasswordState });
