/**
 * What the delegation endpoints accept: bodies (create, sub-delegate, respond) with their field
 * messages, and the list / products queries built from utils/query pieces. Bad input answers 400.
 */
import { z } from 'zod';
import { delegationMachine, MAX_DELEGATION_PRODUCTS, REASON_MAX_LENGTH, validationError } from '../../../domain';
import { enumList, idParam, parseInput, searchTerm, sortParam } from '../../../utils/query';

const BODY_MESSAGES: Record<string, string> = {
  distributorOrgId: '请选择配送企业',
  provinceCode: '请选择省份',
  productIds: `请选择产品（1–${MAX_DELEGATION_PRODUCTS}个）`,
  ids: '请选择要处理的委托（1–200条）',
  action: '未知的操作',
  reason: `理由不能超过${REASON_MAX_LENGTH}个字`,
};

/** A request body: the first problem answers 400 VALIDATION_FAILED with the field's message. */
export function parseBody<T>(schema: z.ZodType<T>, raw: unknown): T {
  const r = schema.safeParse(raw ?? {});
  if (r.success) return r.data;
  const field = String(r.error.issues[0]?.path?.[0] ?? 'data');
  throw validationError('VALIDATION_FAILED', BODY_MESSAGES[field] ?? `参数不正确：${field}`, field);
}

const orgId = z.coerce.number().int().positive();
const docIds = (max: number) => z.array(z.string().trim().min(1).max(64)).min(1).max(max);
const provinceCode = z
  .string()
  .trim()
  .regex(/^\d{2}$/);

export const createInput = z.object({ distributorOrgId: orgId, provinceCode, productIds: docIds(MAX_DELEGATION_PRODUCTS) }).strict();

export const subInput = z.object({ distributorOrgId: orgId, productIds: docIds(MAX_DELEGATION_PRODUCTS).optional() }).strict();

export const respondInput = z
  .object({
    action: z.enum(['accept', 'reject']),
    ids: docIds(200),
    reason: z
      .string()
      .max(REASON_MAX_LENGTH * 2)
      .optional()
      .nullable(),
  })
  .strict();

/** Strapi's page parameters, read by readPaging. */
const paging = { pagination: z.unknown().optional(), page: z.unknown().optional(), pageSize: z.unknown().optional() };
const provinceFilter = z
  .string({ message: '省份无效' })
  .regex(/^\d{2}$/, { message: '省份无效' })
  .optional();

export const DELEGATION_SORTS = { createdAt: 'd.created_at', respondedAt: 'd.responded_at', status: 'd.status', productCount: 'd.product_count' } as const;

export const delegationListQuery = z
  .object({
    status: enumList(delegationMachine.stateNames, '状态筛选值无效'),
    level: z.enum(['1', '2'], { message: '层级筛选值无效' }).optional(),
    box: z.enum(['incoming', 'outgoing'], { message: '筛选值无效' }).optional(),
    provinceCode: provinceFilter,
    q: searchTerm,
    sort: sortParam(Object.keys(DELEGATION_SORTS) as (keyof typeof DELEGATION_SORTS)[], { field: 'createdAt', dir: 'desc' }),
    ...paging,
  })
  .strict();
export type DelegationListQuery = z.output<typeof delegationListQuery>;
export const parseListQuery = (raw: unknown): DelegationListQuery => parseInput(delegationListQuery, raw);

export const productsQuery = z
  .object({
    q: searchTerm,
    provinceCode: provinceFilter,
    manufacturerOrgId: idParam('生产企业无效'),
    delegationId: z.string({ message: '委托无效' }).max(64, { message: '委托无效' }).optional(),
    ...paging,
  })
  .strict();
export type ProductsQuery = z.output<typeof productsQuery>;
export const parseProductsQuery = (raw: unknown): ProductsQuery => parseInput(productsQuery, raw);
