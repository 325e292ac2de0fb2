import type { UID } from '@strapi/strapi';
import type { Knex } from 'knex';
import type { Actor } from './actor';
import { assertReadable } from './ownership';
import { SCOPES, type ScopeRule } from './scope-map';

export function ruleFor(uid: string): ScopeRule {
  const rule = SCOPES[uid];
  if (!rule) throw new Error(`No scope rule for ${uid}`);
  return rule;
}

/**
 * A Strapi `where`/`filters` object limiting rows of `uid` to what the actor may read,
 * or `null` when the actor reads everything. `{ id: -1 }` matches nothing.
 */
export function scopeWhere(actor: Actor, uid: string): Record<string, unknown> | null {
  const rule = ruleFor(uid);
  if ('public' in rule || actor.role === 'platform_admin') return null;
  if ('adminOnly' in rule && rule.adminOnly) return { id: { $eq: -1 } };
  const { orgFields, provinceField } = rule as { orgFields: string[]; provinceField?: string };
  const or: Record<string, unknown>[] = orgFields.map((f) => ({ [f]: { $eq: actor.orgId } }));
  if (actor.role === 'bureau' && provinceField && actor.provinceCode) or.push({ [provinceField]: { $eq: actor.provinceCode } });
  return { $or: or };
}

/** Applies the same rule to a knex builder over the table of `uid` (alias optional). */
export function applyScope<Q extends Knex.QueryBuilder>(qb: Q, actor: Actor, uid: string, alias?: string): Q {
  const rule = ruleFor(uid);
  if ('public' in rule || actor.role === 'platform_admin') return qb;
  if ('adminOnly' in rule && rule.adminOnly) return qb.whereRaw('1 = 0') as Q;
  const { orgFields, provinceField } = rule as { orgFields: string[]; provinceField?: string };
  const col = (attr: string) => (alias ? `${alias}.` : '') + columnOf(uid, attr);
  return qb.where((w: Knex.QueryBuilder) => {
    for (const f of orgFields) w.orWhere(col(f), actor.orgId);
    if (actor.role === 'bureau' && provinceField && actor.provinceCode) w.orWhere(col(provinceField), actor.provinceCode);
  }) as Q;
}

/** Whether the actor may read an already-loaded row (attribute names, not column names). */
export function canRead(actor: Actor, uid: string, row: Record<string, unknown>): boolean {
  const rule = ruleFor(uid);
  if ('public' in rule || actor.role === 'platform_admin') return true;
  if ('adminOnly' in rule && rule.adminOnly) return false;
  const { orgFields, provinceField } = rule as { orgFields: string[]; provinceField?: string };
  if (orgFields.some((f) => Number(row[f]) === actor.orgId)) return true;
  return actor.role === 'bureau' && !!provinceField && !!actor.provinceCode && row[provinceField] === actor.provinceCode;
}

/** The attributes a scope check needs, to `select` them. */
export function scopeAttributes(uid: string): string[] {
  const rule = ruleFor(uid);
  if (!('orgFields' in rule)) return [];
  return [...rule.orgFields, ...(rule.provinceField ? [rule.provinceField] : [])];
}

/** Loads a row by documentId and checks the actor may read it; 404 otherwise (never reveals another organisation's rows). */
export async function findScoped(actor: Actor, uid: string, documentId: string, select?: string[]) {
  const row = await strapi.db
    .query(uid as UID.Schema)
    .findOne({ where: { documentId }, ...(select ? { select: ['id', 'documentId', ...select, ...scopeAttributes(uid)] } : {}) });
  // Checked through a cast so that `row` keeps Strapi's type for the caller.
  assertReadable(actor, uid, row as Record<string, unknown> | null);
  return row;
}

export function columnOf(uid: string, attr: string): string {
  const meta = strapi.db.metadata.get(uid as UID.Schema) as { attributes?: Record<string, { columnName?: string }> } | undefined;
  return meta?.attributes?.[attr]?.columnName ?? attr;
}
