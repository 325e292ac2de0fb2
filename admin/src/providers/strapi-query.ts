/**
 * Strapi 5 REST query building: Refine filters / sorters / pagination → Strapi's nested query
 * object → qs-style bracket string (`filters[name][$containsi]=x&sort[0]=name:asc`).
 */
import type { CrudFilter, CrudSort, LogicalFilter, Pagination } from '@refinedev/core';

export type QueryValue = string | number | boolean | null | undefined | Date | QueryObject | QueryValue[];
export interface QueryObject {
  [key: string]: QueryValue;
}

/** Keys keep `$` readable (`filters[name][$containsi]`); everything else is percent-encoded. */
function encodeKey(k: string): string {
  return encodeURIComponent(k).replace(/%24/g, '$');
}

/** qs-style encoding: nested objects and arrays as brackets, arrays with indices. */
export function encodeQuery(obj: QueryObject): string {
  const parts: string[] = [];
  const walk = (prefix: string, value: QueryValue): void => {
    if (value === undefined) return;
    if (value === null) {
      parts.push(`${prefix}=`);
    } else if (value instanceof Date) {
      parts.push(`${prefix}=${encodeURIComponent(value.toISOString())}`);
    } else if (Array.isArray(value)) {
      value.forEach((v, i) => walk(`${prefix}[${i}]`, v));
    } else if (typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) walk(`${prefix}[${encodeKey(k)}]`, v);
    } else {
      parts.push(`${prefix}=${encodeURIComponent(String(value))}`);
    }
  };
  for (const [k, v] of Object.entries(obj)) walk(encodeKey(k), v);
  return parts.join('&');
}

type Op = LogicalFilter['operator'];

/** Refine operator → Strapi operator (and whether it is the negation of that operator). */
const OPERATORS: Record<Op, { op: string; not?: true }> = {
  eq: { op: '$eq' },
  ne: { op: '$ne' },
  eqs: { op: '$eq' },
  nes: { op: '$ne' },
  lt: { op: '$lt' },
  gt: { op: '$gt' },
  lte: { op: '$lte' },
  gte: { op: '$gte' },
  in: { op: '$in' },
  nin: { op: '$notIn' },
  ina: { op: '$in' },
  nina: { op: '$notIn' },
  contains: { op: '$containsi' },
  ncontains: { op: '$notContainsi' },
  containss: { op: '$contains' },
  ncontainss: { op: '$notContains' },
  between: { op: '$between' },
  nbetween: { op: '$between', not: true },
  null: { op: '$null' },
  nnull: { op: '$notNull' },
  startswith: { op: '$startsWithi' },
  nstartswith: { op: '$startsWithi', not: true },
  startswiths: { op: '$startsWith' },
  nstartswiths: { op: '$startsWith', not: true },
  endswith: { op: '$endsWithi' },
  nendswith: { op: '$endsWithi', not: true },
  endswiths: { op: '$endsWith' },
  nendswiths: { op: '$endsWith', not: true },
};

function isEmpty(value: unknown): boolean {
  return value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
}

/** `a.b.c` + condition → `{ a: { b: { c: condition } } }` (relation fields by dotted path). */
function nest(field: string, condition: QueryObject): QueryObject {
  return field
    .split('.')
    .reverse()
    .reduce<QueryObject>((inner, key) => ({ [key]: inner }), condition);
}

function logical(filter: LogicalFilter): QueryObject | null {
  const spec = OPERATORS[filter.operator];
  if (!spec) throw new Error(`Unsupported filter operator: ${String(filter.operator)}`);
  let value: QueryValue;
  if (filter.operator === 'null' || filter.operator === 'nnull') {
    // Refine passes the flag as value (true by default); `null: false` means "not null".
    value = filter.value === false || filter.value === 'false' ? false : true;
  } else {
    if (isEmpty(filter.value)) return null; // an empty filter box filters nothing
    value = filter.value as QueryValue;
  }
  const condition: QueryObject = { [spec.op]: value };
  return nest(filter.field, spec.not ? { $not: condition } : condition);
}

function toCondition(filter: CrudFilter): QueryObject | null {
  if (!('field' in filter)) {
    const children = filter.value.map(toCondition).filter((c): c is QueryObject => c !== null);
    if (children.length === 0) return null;
    if (children.length === 1) return children[0] ?? null;
    return { [`$${filter.operator}`]: children };
  }
  return logical(filter);
}

/** Refine filters → the value of Strapi's `filters` parameter (all top-level filters ANDed). */
export function buildFilters(filters: CrudFilter[] | undefined): QueryObject | undefined {
  const conditions = (filters ?? []).map(toCondition).filter((c): c is QueryObject => c !== null);
  if (conditions.length === 0) return undefined;
  if (conditions.length === 1) return conditions[0];
  return { $and: conditions };
}

/** Refine sorters → `['field:asc', …]`. */
export function buildSort(sorters: CrudSort[] | undefined): string[] | undefined {
  const list = (sorters ?? []).filter((s) => s.field).map((s) => `${s.field}:${s.order === 'desc' ? 'desc' : 'asc'}`);
  return list.length > 0 ? list : undefined;
}

export function buildPagination(pagination: Pagination | undefined): { page: number; pageSize: number } {
  return { page: pagination?.currentPage ?? 1, pageSize: pagination?.pageSize ?? 10 };
}
