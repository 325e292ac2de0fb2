/**
 * The one ownership check of every write: a row the actor may not read answers 404 (never revealing
 * another organisation's rows); a row it may read but that is not its organisation's to change answers
 * 403 NOT_OWNER. Rows may be loaded with attribute names (Strapi's db.query) or column names (knex).
 */
import { DomainError } from '../domain/errors';
import type { Actor } from './actor';
import { canRead, columnOf } from './scope';

export const notFound = () => new DomainError('NOT_FOUND', '记录不存在或无权访问', { status: 404 });
export const notOwner = (message = '该记录不属于本单位，无权执行此操作') => new DomainError('NOT_OWNER', message, { status: 403 });

/** The two refusals above as the OpenAPI descriptions list them (api/<aggregate>/openapi.ts): 404 first, then 403 NOT_OWNER. */
export const OWNERSHIP_ERRORS: Array<{ status: number; code: string; message: string }> = [notFound(), notOwner()].map((e) => ({
  status: e.status,
  code: e.code,
  message: e.message,
}));

type Row = Record<string, unknown>;

/** A knex row (column names) seen with the attribute names the scope map speaks. */
function asAttributes(uid: string, row: Row, attrs: string[]): Row {
  const out: Row = { ...row };
  for (const a of attrs) out[a] = row[columnOf(uid, a)];
  return out;
}

export interface OwnershipOptions {
  /** The row's keys are database column names (a knex row), not attribute names. */
  columns?: boolean;
  /** Message of the 403. */
  message?: string;
}

/** Throws 404 unless the actor may read the row (a missing row is unreadable). */
export function assertReadable(
  actor: Actor,
  uid: string,
  row: Row | null | undefined,
  readAttrs: string[] = [],
  opts: OwnershipOptions = {},
): asserts row is Row {
  if (!row) throw notFound();
  const view = opts.columns ? asAttributes(uid, row, readAttrs) : row;
  if (!canRead(actor, uid, view)) throw notFound();
}

/**
 * Throws 404 when the actor may not read the row, 403 NOT_OWNER when it may read it but its
 * organisation is not in `ownerAttrs` (the attributes naming who may change it, e.g. `distributorOrgId`).
 */
export function assertOwner(
  actor: Actor,
  uid: string,
  row: Row | null | undefined,
  ownerAttrs: string | string[],
  opts: OwnershipOptions & { readAttrs?: string[] } = {},
): asserts row is Row {
  const owners = Array.isArray(ownerAttrs) ? ownerAttrs : [ownerAttrs];
  const readAttrs = opts.readAttrs ?? owners;
  if (!row) throw notFound();
  const view = opts.columns ? asAttributes(uid, row, [...new Set([...readAttrs, ...owners])]) : row;
  if (!canRead(actor, uid, view)) throw notFound();
  if (!owners.some((a) => Number(view[a]) === actor.orgId)) throw notOwner(opts.message);
}
