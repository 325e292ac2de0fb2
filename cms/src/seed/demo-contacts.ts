/**
 * Demo 联系人 and 经办人 (development and test seeding only, never production): one or two contacts per
 * demo organisation (the first the default) and an operator for a demo distributor and hospital, with
 * the published demo password. Idempotent: an organisation that has contacts gets none.
 */
import type { Core } from '@strapi/strapi';
import { createId } from '@paralleldrive/cuid2';
import type { Knex } from 'knex';
import { createLogins, existingUsernames, hashPassword, roleIdOf } from '../db/users';
import { DEMO_ORGS, DEMO_PASSWORD } from './demo-organisations';

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄'];
const OPERATORS = [
  { orgKey: 'gk-bj', username: 'jb_gkbj', name: '王经办', phone: '13911000001', role: 'distributor' },
  { orgKey: 'jst', username: 'jb_jst', name: '李经办', phone: '13911000002', role: 'hospital' },
];

export async function seedDemoContacts(strapi: Core.Strapi) {
  const k = strapi.db.connection as unknown as Knex;
  const at = new Date();
  const orgIdOf = new Map<string, number>();
  for (const [i, o] of DEMO_ORGS.entries()) {
    const org = await k('organisations').where({ name: o.name, type: o.type }).first('id');
    if (!org) continue;
    orgIdOf.set(o.key, Number(org.id));
    if (o.type === 'platform' || (await k('contacts').where('organisation_id', org.id).first('id'))) continue;
    const people = [
      { name: `${SURNAMES[i % SURNAMES.length]}经理`, position: '业务经理', isDefault: true },
      { name: `${SURNAMES[(i + 3) % SURNAMES.length]}主管`, position: '采购主管', isDefault: false },
    ];
    for (const [j, p] of people.entries()) {
      await k('contacts').insert({
        document_id: createId(),
        organisation_id: org.id,
        name: p.name,
        phone: `139${String(10000000 + i * 10 + j).padStart(8, '0')}`,
        email: `contact${i}${j}@example.com`,
        position: p.position,
        is_default: p.isDefault,
        created_at: at,
        updated_at: at,
        published_at: at,
      });
    }
  }
  const missing = OPERATORS.filter((op) => orgIdOf.has(op.orgKey));
  const taken = await existingUsernames(
    k,
    missing.map((op) => op.username),
  );
  const todo = missing.filter((op) => !taken.has(op.username));
  if (!todo.length) return;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const logins = [];
  for (const op of todo) {
    const roleId = await roleIdOf(k, op.role);
    if (!roleId) continue;
    logins.push({
      username: op.username,
      displayName: op.name,
      passwordHash,
      roleId,
      organisationId: orgIdOf.get(op.orgKey)!,
      mustChangePassword: false,
      isOperator: true,
      phone: op.phone,
    });
  }
  await createLogins(k, logins, at);
}
