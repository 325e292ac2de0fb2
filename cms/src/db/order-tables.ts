/**
 * Reads and transactions of the order tables (order_lines, deliveries, return_requests) shared by the
 * order, order-line, delivery and return-request services. Every order action runs in `orderTx`, which
 * marks the cached list totals of the family `orders` stale when it ends.
 */
import type { Knex } from 'knex';
import { pageOf, type Page } from '../domain/page';
import type { Role } from '../domain/roles';
import { bumpCounts } from './count-cache';
import type { RawRow } from './order-rows';
import { orgNames } from './org-names';

/** Counts of list totals stop here (the list says "10000+"): a count stays a bounded index scan. */
export const COUNT_CAP = 10_000;
/** The count-cache family of every order list. */
export const ORDER_COUNTS = 'orders';

export type Trx = Knex.Transaction;

/** Runs `fn` in one transaction; the order lists' cached totals are stale afterwards (committed or not). */
export async function orderTx<T>(fn: (trx: Trx) => Promise<T>): Promise<T> {
  try {
    return await strapi.db.transaction(async ({ trx }: { trx: Trx }) => fn(trx));
  } finally {
    bumpCounts(ORDER_COUNTS);
  }
}

function byColumn(table: string, column: string, value: string | number, trx?: Trx): Promise<RawRow | undefined> {
  const q = strapi.db.connection(table).where(column, value).first();
  return trx ? q.transacting(trx) : q;
}

export const readLine = (documentId: string, trx?: Trx) => byColumn('order_lines', 'document_id', String(documentId), trx);
export const readLineById = (id: number, trx?: Trx) => byColumn('order_lines', 'id', id, trx);
export const readDelivery = (documentId: string, trx?: Trx) => byColumn('deliveries', 'document_id', String(documentId), trx);
export const readReturn = (documentId: string, trx?: Trx) => byColumn('return_requests', 'document_id', String(documentId), trx);

/**
 * The column restricting a list to the actor's own rows (an index's leading column) and its value, or
 * null for the platform admin. Same rule as the scope map, in the form the hot lists' indexes want.
 */
export function ownRowsColumn(
  actor: { role: Role; orgId: number; provinceCode?: string | null },
  kind: 'line' | 'delivery' | 'return',
): [string, unknown] | null {
  switch (actor.role) {
    case 'platform_admin':
      return null;
    case 'bureau':
      return ['province_code', actor.provinceCode ?? '--'];
    case 'distributor':
      return ['distributor_org_id', actor.orgId];
    case 'hospital':
      return ['hospital_org_id', actor.orgId];
    case 'manufacturer':
      return kind === 'line' ? ['manufacturer_org_id', actor.orgId] : ['id', -1];
    default:
      return ['id', -1];
  }
}

/**
 * One page of a delivery or return list joined to its line (`build` makes the filtered query afresh),
 * newest first by `${alias}.id`; the total is counted up to COUNT_CAP; `map` receives the names of the
 * hospitals and distributors the page names.
 */
export async function cappedPage<T>(
  build: () => Knex.QueryBuilder,
  alias: string,
  columns: readonly string[],
  page: number,
  pageSize: number,
  map: (row: RawRow, names: Map<number, string>) => T,
): Promise<Page<T>> {
  const k = strapi.db.connection;
  const rows: RawRow[] = await build()
    .select(`${alias}.*`, ...columns)
    .orderBy([{ column: `${alias}.id`, order: 'desc' }])
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  const c: { n?: unknown } | undefined = await k
    .count({ n: '*' })
    .from(build().select(k.raw('1')).limit(COUNT_CAP).as('capped'))
    .first();
  const names = await orgNames(rows.flatMap((r) => [Number(r.hospital_org_id ?? 0), Number(r.distributor_org_id ?? 0)]));
  return pageOf(
    rows.map((r) => map(r, names)),
    Number(c?.n ?? 0),
    page,
    pageSize,
  );
}
