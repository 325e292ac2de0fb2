/** What the 医院配送关系 endpoints accept, from utils/query pieces: bad parameters answer 400. */
import { z } from 'zod';
import { REASON_MAX_LENGTH, relationshipMachine } from '../../../domain';
import { boolParam, enumList, idParam, parseInput, searchTerm, sortParam } from '../../../utils/query';

export const RELATIONSHIP_SORTS = {
  createdAt: 'hr.created_at',
  requestedAt: 'hr.requested_at',
  respondedAt: 'hr.responded_at',
  revokeRequestedAt: 'hr.revoke_requested_at',
  terminatingSince: 'hr.terminating_since',
  status: 'hr.status',
  id: 'hr.id',
} as const;

export const listSchema = z.object({
  status: enumList(relationshipMachine.stateNames, '状态筛选值无效'),
  q: searchTerm,
  hospitalOrgId: idParam('医疗机构无效'),
  distributorOrgId: idParam('配送企业无效'),
  orderable: boolParam,
  sort: sortParam(Object.keys(RELATIONSHIP_SORTS) as (keyof typeof RELATIONSHIP_SORTS)[], { field: 'createdAt', dir: 'desc' }),
});
export type RelationshipListQuery = z.output<typeof listSchema>;
export const parseListQuery = (raw: unknown): RelationshipListQuery => parseInput(listSchema, raw);

export const candidatesQuery = z.object({ q: searchTerm });
export const parseCandidatesQuery = (raw: unknown) => parseInput(candidatesQuery, raw);

export const orderableQuery = z.object({ distributorOrgId: idParam('配送企业无效') });
export const parseOrderableQuery = (raw: unknown) => parseInput(orderableQuery, raw);

const distributorMessage = { message: '请选择配送企业' };
export const requestBodySchema = z.object({ distributorOrgId: z.coerce.number(distributorMessage).int(distributorMessage).positive(distributorMessage) });
export const parseRequestBody = (raw: unknown) => parseInput(requestBodySchema, raw);

const reason = z
  .string({ message: '理由无效' })
  .max(REASON_MAX_LENGTH, { message: `理由不能超过${REASON_MAX_LENGTH}个字` })
  .nullish();

export const transitionBody = z.object({
  documentIds: z
    .array(z.string().min(1).max(64), { message: '请选择要处理的记录' })
    .min(1, { message: '请选择要处理的记录' })
    .max(200, { message: '一次最多处理200条记录' }),
  reason,
});
export const parseTransitionBody = (raw: unknown) => parseInput(transitionBody, raw);

export const singleTransitionBody = z.object({ reason });
export const parseSingleTransitionBody = (raw: unknown) => parseInput(singleTransitionBody, raw);
