/**
 * The overdue lines in SQL (逾期未确认 / 逾期未配送, domain/overdue.ts): per province rule one indexed
 * comparison of ordered_at / confirmed_at with the cutoff, so no deadline is computed per row.
 */
import type { Knex } from 'knex';
import {
  AWAITING_ANSWER_STATUSES,
  AWAITING_DELIVERY_STATUSES,
  type DeadlineCutoffs,
  type OverdueFilter,
  type OverdueKind,
  type ProvinceCutoffs,
} from '../domain';

const SPEC: { readonly [K in OverdueKind]: { statuses: readonly string[]; column: string; cutoff: (c: DeadlineCutoffs) => Date } } = {
  unconfirmed: { statuses: AWAITING_ANSWER_STATUSES, column: 'ordered_at', cutoff: (c) => c.confirmBefore },
  undelivered: { statuses: AWAITING_DELIVERY_STATUSES, column: 'confirmed_at', cutoff: (c) => c.deliverBefore },
};

function kindClause(q: Knex.QueryBuilder, kind: OverdueKind, cut: ProvinceCutoffs, alias: string) {
  const { statuses, column, cutoff } = SPEC[kind];
  const col = `${alias}${column}`;
  const province = `${alias}province_code`;
  if (statuses.length === 1) q.where(`${alias}status`, statuses[0]!);
  else q.whereIn(`${alias}status`, statuses);
  const own = [...cut.byProvince.keys()];
  if (!own.length) return q.where(col, '<', cutoff(cut.fallback));
  return q.where((g) => {
    for (const [p, c] of cut.byProvince) g.orWhere((x) => x.where(province, p).where(col, '<', cutoff(c)));
    g.orWhere((x) => x.whereNotIn(province, own).where(col, '<', cutoff(cut.fallback)));
  });
}

/** Restricts `qb` (order_lines, optionally aliased `alias.`) to the lines overdue of `filter` at the cutoffs. */
export function whereOverdue(qb: Knex.QueryBuilder, filter: OverdueFilter, cut: ProvinceCutoffs, alias = ''): Knex.QueryBuilder {
  if (filter !== 'any') return kindClause(qb, filter, cut, alias);
  return qb.where((w) => {
    w.where((q) => kindClause(q, 'unconfirmed', cut, alias));
    w.orWhere((q) => kindClause(q, 'undelivered', cut, alias));
  });
}

/** A cache key part naming the cutoffs (they change once a day or with the calendar). */
export const cutoffsKey = (cut: ProvinceCutoffs) =>
  [cut.fallback, ...cut.byProvince.values()].map((c) => `${c.confirmBefore.getTime()}/${c.deliverBefore.getTime()}`).join(',');
