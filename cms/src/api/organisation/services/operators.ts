/**
 * 经办人 (manual 001 §1.2): the logins an organisation's administrator adds for its staff. They act
 * with the organisation's role and permissions; only the administrator login manages them. Passwords
 * are random and one-time (shown once, changed at first login); every write goes through db/users.ts,
 * so blocking and password resets reach the authentication caches (and end earlier sessions).
 */
import type { Knex } from 'knex';
import { assertLoginManager, checkOperator, operatorActionsFor, type OperatorInput } from '../../../domain';
import { DomainError } from '../../../domain/errors';
import { createLogins, existingUsernames, hashPassword, roleIdOf, setBlocked, setOperatorDetails, setPasswordHash } from '../../../db/users';
import { dbBool, dbIso } from '../../../db/values';
import { notFound, type Actor } from '../../../scope';
import { now } from '../../../utils/clock';
import { oneTimePassword } from '../../../utils/one-time-password';

export const OPERATORS_MAX = 200;

interface OperatorRecord {
  id: number;
  username: string;
  display_name: string | null;
  phone: string | null;
  blocked: unknown;
  last_login_at: unknown;
  created_at: unknown;
}

const knex = (): Knex => strapi.db.connection as unknown as Knex;
async function tx<R>(fn: (k: Knex) => Promise<R>): Promise<R> {
  return (await strapi.db.transaction(async ({ trx }) => fn(trx as unknown as Knex))) as R;
}
const record = (actor: Actor, action: string, username: string) =>
  strapi
    .service('api::state-history.state-history')
    .record(actor, [{ entity: 'organisation', entityId: actor.orgId, action, from: null, to: null, reason: username }]);

const operatorsOf = (k: Knex, orgId: number) =>
  k('up_users as u').join('up_users_organisation_lnk as l', 'l.user_id', 'u.id').where('l.organisation_id', orgId).where('u.is_operator', true);

const toRow = (r: OperatorRecord) => {
  const enabled = !dbBool(r.blocked);
  return {
    id: r.id,
    username: r.username,
    name: r.display_name ?? '',
    phone: r.phone ?? '',
    enabled,
    lastLoginAt: dbIso(r.last_login_at),
    createdAt: dbIso(r.created_at),
    actions: operatorActionsFor({ enabled }),
  };
};
const COLS = ['u.id', 'u.username', 'u.display_name', 'u.phone', 'u.blocked', 'u.last_login_at', 'u.created_at'];

export async function list(actor: Actor) {
  assertLoginManager(actor);
  const rows = (await operatorsOf(knex(), actor.orgId).orderBy('u.id', 'asc').select(COLS)) as OperatorRecord[];
  return rows.map(toRow);
}

/** One of the actor's organisation's operators (404 for any other login). */
async function load(actor: Actor, k: Knex, id: number): Promise<OperatorRecord> {
  assertLoginManager(actor);
  const row = (await operatorsOf(k, actor.orgId).where('u.id', id).first(COLS)) as OperatorRecord | undefined;
  if (!row) throw notFound();
  return row;
}

/** 新增经办人: a login of the organisation's role with a one-time password, answered once. */
export async function create(actor: Actor, input: OperatorInput) {
  assertLoginManager(actor);
  const op = checkOperator(input);
  const password = oneTimePassword();
  const passwordHash = await hashPassword(password);
  return tx(async (k) => {
    const count = await operatorsOf(k, actor.orgId).count({ n: 'u.id' }).first();
    if (Number(count?.n ?? 0) >= OPERATORS_MAX) throw new DomainError('OPERATORS_TOO_MANY', `经办人最多${OPERATORS_MAX}个`, { status: 409 });
    const account = await k('distributor_accounts').where('username', op.username).first('id');
    if (account || (await existingUsernames(k, [op.username])).has(op.username)) {
      throw new DomainError('USERNAME_TAKEN', `用户名 ${op.username} 已被占用`, { status: 409, field: 'username' });
    }
    const roleId = await roleIdOf(k, actor.role);
    if (!roleId) throw new DomainError('ROLE_MISSING', '角色不存在', { status: 500 });
    const at = now();
    const ids = await createLogins(
      k,
      [
        {
          username: op.username,
          displayName: op.name,
          passwordHash,
          roleId,
          organisationId: actor.orgId,
          mustChangePassword: true,
          isOperator: true,
          phone: op.phone,
        },
      ],
      at,
    );
    await record(actor, 'addOperator', op.username);
    const row = (await operatorsOf(k, actor.orgId).where('u.id', ids.get(op.username)!).first(COLS)) as OperatorRecord;
    return { ...toRow(row), password };
  });
}

/** 编辑: name and phone (the username stays). */
export async function update(actor: Actor, id: number, input: OperatorInput) {
  const op = checkOperator(input, { usernameRequired: false });
  return tx(async (k) => {
    const row = await load(actor, k, id);
    await setOperatorDetails(k, row.id, op.name, op.phone, now());
    await record(actor, 'editOperator', row.username);
    return toRow((await operatorsOf(k, actor.orgId).where('u.id', id).first(COLS)) as OperatorRecord);
  });
}

/** 启用 / 禁用: a disabled operator is refused at login and at its next request. */
export async function setEnabled(actor: Actor, id: number, enabled: boolean) {
  return tx(async (k) => {
    const row = await load(actor, k, id);
    if (!dbBool(row.blocked) === enabled) {
      throw new DomainError('OPERATOR_ACTION_NOT_ALLOWED', enabled ? '经办人已是启用状态' : '经办人已是禁用状态', { status: 409 });
    }
    await setBlocked(k, row.id, !enabled, now());
    await record(actor, enabled ? 'enableOperator' : 'disableOperator', row.username);
    return toRow((await operatorsOf(k, actor.orgId).where('u.id', id).first(COLS)) as OperatorRecord);
  });
}

/** 重置密码: a new one-time password, answered once, to be changed at the next login. */
export async function resetPassword(actor: Actor, id: number) {
  await load(actor, knex(), id);
  const password = oneTimePassword();
  const passwordHash = await hashPassword(password);
  return tx(async (k) => {
    const row = await load(actor, k, id);
    await setPasswordHash(k, row.id, passwordHash, true, now());
    await record(actor, 'resetOperatorPassword', row.username);
    return { id: row.id, username: row.username, password };
  });
}

export default () => ({ list, create, update, setEnabled, resetPassword });
