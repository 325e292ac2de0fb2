/**
 * Strapi `filters` on `status` of hospital relationships mean the *effective* status: a stored
 * terminating whose 30 days are over matches terminated and not terminating. The generic
 * REST find rewrites every `status` condition of the query into stored columns with the cutoff.
 */
import { DomainError, effectiveStatusPlan, RELATIONSHIP_STATUS, relationshipMachine } from '../../../domain';

const STATES = relationshipMachine.stateNames as readonly string[];

const asList = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : v && typeof v === 'object' ? Object.values(v as object).map(String) : [String(v)]);

/** Which effective statuses satisfy one Strapi condition on `status` (a value or an operator object). */
export function statusesMatching(cond: unknown): string[] {
  if (cond === null || typeof cond !== 'object' || Array.isArray(cond)) {
    return Array.isArray(cond) ? STATES.filter((s) => asList(cond).includes(s)) : STATES.filter((s) => s === String(cond));
  }
  let set = [...STATES];
  for (const [op, v] of Object.entries(cond as Record<string, unknown>)) {
    const low = (x: string) => x.toLowerCase();
    const val = String(v);
    const pred: Record<string, (s: string) => boolean> = {
      $eq: (s) => s === val,
      $eqi: (s) => low(s) === low(val),
      $ne: (s) => s !== val,
      $nei: (s) => low(s) !== low(val),
      $in: (s) => asList(v).includes(s),
      $notIn: (s) => !asList(v).includes(s),
      $contains: (s) => s.includes(val),
      $containsi: (s) => low(s).includes(low(val)),
      $notContains: (s) => !s.includes(val),
      $notContainsi: (s) => !low(s).includes(low(val)),
      $startsWith: (s) => s.startsWith(val),
      $endsWith: (s) => s.endsWith(val),
      $null: () => String(v) !== 'true' && v !== true,
      $notNull: () => String(v) === 'true' || v === true,
    };
    if (op === '$not') {
      const inner = new Set(statusesMatching(v));
      set = set.filter((s) => !inner.has(s));
      continue;
    }
    const p = pred[op];
    if (!p) throw new DomainError('INVALID_FILTER', '状态筛选条件无效', { status: 400, field: 'status' });
    set = set.filter(p);
  }
  return set;
}

/** A Strapi where-condition: effective status ∈ statuses, at the given cutoff (now − 30 days). */
export function effectiveStatusCondition(statuses: string[], cutoffIso: string): Record<string, unknown> {
  if (!statuses.length) return { id: { $eq: -1 } };
  const or: Record<string, unknown>[] = [];
  const plan = effectiveStatusPlan(statuses);
  const terminating = { status: { $eq: RELATIONSHIP_STATUS.terminating } };
  if (plan.stored.length) or.push({ status: { $in: plan.stored } });
  if (plan.dueTerminating) or.push({ $and: [terminating, { terminatingSince: { $lte: cutoffIso } }] });
  if (plan.liveTerminating) or.push({ $and: [terminating, { $or: [{ terminatingSince: { $gt: cutoffIso } }, { terminatingSince: { $null: true } }] }] });
  return { $or: or };
}

/** The filters tree with every `status` condition replaced by its effective-status condition. */
export function rewriteStatusFilters(node: unknown, cutoffIso: string): unknown {
  if (Array.isArray(node)) return node.map((n) => rewriteStatusFilters(n, cutoffIso));
  if (node === null || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  const extra: unknown[] = [];
  for (const [k, v] of Object.entries(node as Record<string, unknown>)) {
    if (k === 'status') extra.push(effectiveStatusCondition(statusesMatching(v), cutoffIso));
    else out[k] = rewriteStatusFilters(v, cutoffIso);
  }
  if (extra.length) {
    const prev = out.$and;
    out.$and = [...(Array.isArray(prev) ? prev : prev && typeof prev === 'object' ? Object.values(prev) : []), ...extra];
  }
  return out;
}
