/**
 * One query parser for every endpoint: a zod schema per endpoint, built from the pieces below, and
 * `parseInput` turning the first problem into a DomainError (400, stable code, Chinese message, field).
 * Bad parameters never reach a service and never answer 500.
 */
import { z } from 'zod';
import { DomainError } from '../domain/errors';

// Every zod message in Chinese: a schema without its own message answers zod's zh-CN text.
const zhCN = z.locales.zhCN();
z.config(zhCN);

/** zod's own (zh-CN) message of an issue, prefixed with the field it concerns. */
const defaultMessage = (issue: z.core.$ZodRawIssue) => {
  const field = (issue.path ?? []).map(String).join('.');
  const text = zhCN.localeError?.(issue);
  const message = typeof text === 'string' ? text : (text?.message ?? '无效输入');
  return field ? `参数 ${field}：${message}` : message;
};

/**
 * Parses `input` with `schema`; the first issue becomes a 400 DomainError bound to its field. A
 * schema's own message wins; otherwise zod's Chinese one, naming the field.
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, code = 'INVALID_INPUT'): z.output<S> {
  const r = schema.safeParse(input ?? {}, { error: defaultMessage });
  if (r.success) return r.data;
  const issue = r.error.issues[0]!;
  const field = issue.path.map(String).join('.');
  const message = /[\u4e00-\u9fff]/.test(issue.message) ? issue.message : `参数${field ? ` ${field} ` : ''}无效`;
  throw new DomainError(code, message, { status: 400, ...(field ? { field } : {}) });
}

/** A POST whose input is all in its query string (e.g. starting an export job): any body field is refused. */
export function refuseBody(input: unknown): void {
  parseInput(z.strictObject({}, { error: '该操作不接受请求体参数（筛选条件放在查询参数中）' }), input, 'BODY_NOT_EXPECTED');
}

/** Query-string values arrive as strings, arrays (repeated keys) or nested objects: take one string. */
const one = (v: unknown) => (Array.isArray(v) ? v[0] : v);

/** A free-text search term: trimmed, at most 100 characters, '' → undefined. */
export const searchTerm = z.preprocess(
  (v) => {
    const s = one(v);
    return typeof s === 'string' ? s.trim() || undefined : s;
  },
  z.string({ message: '搜索关键字无效' }).max(100, { message: '搜索关键字不能超过100个字' }).optional(),
);

/** A positive integer id from the query string. */
export const idParam = (message = '参数无效') =>
  z.preprocess(
    (v) => (one(v) === '' ? undefined : one(v)),
    z.coerce.number({ message }).int({ message }).positive({ message }).max(2_147_483_647, { message }).optional(),
  );

/** 'true' | 'false' (or 1/0) → boolean. */
export const boolParam = z.preprocess(
  (v) => {
    const s = one(v);
    if (s === undefined || s === '') return undefined;
    if (s === 'true' || s === '1' || s === true) return true;
    if (s === 'false' || s === '0' || s === false) return false;
    return s;
  },
  z.boolean({ message: '筛选值应为 true 或 false' }).optional(),
);

/** One value or a comma-separated list (or repeated keys), each one of `values`. */
export function enumList<const T extends string>(values: readonly T[], message = '筛选值无效') {
  return z.preprocess(
    (v) => {
      if (v === undefined || v === null || v === '') return undefined;
      const arr = Array.isArray(v) ? v : typeof v === 'string' ? v.split(',') : [v];
      return arr.map((s) => (typeof s === 'string' ? s.trim() : s)).filter((s) => s !== '');
    },
    z
      .array(z.enum(values as unknown as [T, ...T[]], { message }), { message })
      .max(50, { message })
      .optional(),
  );
}

/** A 'YYYY-MM-DD' day. */
export const dayParam = (message = '日期格式不正确（应为YYYY-MM-DD）') =>
  z.preprocess(
    (v) => (one(v) === '' ? undefined : one(v)),
    z
      .string({ message })
      .regex(/^\d{4}-\d{2}-\d{2}$/, { message })
      .optional(),
  );

/** `sort=field:asc|desc` over the fields a list allows → { field, dir }, or the default. */
export function sortParam<const F extends string>(fields: readonly F[], fallback: { field: F; dir: 'asc' | 'desc' }) {
  return z.preprocess(
    (v) => one(v),
    z
      .string({ message: '排序参数无效' })
      .optional()
      .transform((s, ctx) => {
        if (s === undefined || s === '') return fallback;
        const [field, dir = 'asc'] = s.split(':');
        if (!(fields as readonly string[]).includes(field!) || (dir !== 'asc' && dir !== 'desc')) {
          ctx.addIssue({ code: 'custom', message: '排序参数无效' });
          return z.NEVER;
        }
        return { field: field as F, dir: dir as 'asc' | 'desc' };
      }),
  );
}

export interface Paging {
  page: number;
  pageSize: number;
  offset: number;
}

/**
 * Strapi's page parameters (`pagination[page]`, `pagination[pageSize]`, or `page` / `pageSize`):
 * integers ≥ 1 (else 400); a page size above `max` is served as `max`, as Strapi's own lists do.
 */
export function readPaging(query: unknown, defaults: { pageSize?: number; max?: number } = {}): Paging {
  const q = (query ?? {}) as Record<string, unknown>;
  const p = (typeof q.pagination === 'object' && q.pagination !== null ? q.pagination : {}) as Record<string, unknown>;
  const max = defaults.max ?? 200;
  const fallback = defaults.pageSize ?? 10;
  const int = (v: unknown, field: string, dflt: number) => {
    const s = one(v);
    if (s === undefined || s === '') return dflt;
    const n = typeof s === 'number' ? s : typeof s === 'string' && /^\d{1,9}$/.test(s.trim()) ? Number(s) : NaN;
    if (!Number.isInteger(n) || n < 1) throw new DomainError('INVALID_PAGINATION', '分页参数无效：页码和每页条数须为正整数', { status: 400, field });
    return n;
  };
  const page = Math.min(1_000_000, int(p.page ?? q.page, 'page', 1));
  const pageSize = Math.min(max, int(p.pageSize ?? q.pageSize, 'pageSize', fallback));
  return { page, pageSize, offset: (page - 1) * pageSize };
}
