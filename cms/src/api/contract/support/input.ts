/** Query and body schemas of the contract endpoints (zod; bad input answers 400 with a Chinese message). */
import { z } from 'zod';
import { contractMachine } from '../../../domain';
import { dayParam, enumList, idParam, searchTerm, sortParam, boolParam } from '../../../utils/query';

export const CONTRACT_SORTS = { createdAt: 'c.created_at', code: 'c.code', startDate: 'c.start_date', amountFen: 'c.amount_fen' } as const;

export const listSchema = z
  .object({
    q: searchTerm,
    status: enumList(contractMachine.stateNames, '合同状态筛选值无效'),
    productId: idParam('产品参数无效'),
    product: searchTerm,
    counterpart: searchTerm,
    from: dayParam(),
    to: dayParam(),
    awaitingMe: boolParam,
    sort: sortParam(Object.keys(CONTRACT_SORTS) as (keyof typeof CONTRACT_SORTS)[], { field: 'createdAt', dir: 'desc' }),
  })
  .passthrough();

export const volumeListSchema = z.object({ q: searchTerm, open: boolParam }).passthrough();

const pin = z.string({ message: '请输入证书 PIN 码' }).max(64, { message: 'PIN 码过长' });

export const signSchema = z.object({ pin }).strict();
export const refuseSchema = z.object({ reason: z.string({ message: '请填写拒签原因' }).max(2000, { message: '拒签原因过长' }) }).strict();
export const pickSchema = z
  .object({
    distributorOrgId: z.number({ message: '请选择配送企业' }).int({ message: '请选择配送企业' }).positive({ message: '请选择配送企业' }).max(2_147_483_647),
  })
  .strict();
