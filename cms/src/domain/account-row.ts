/**
 * The row of 本省配送企业用户列表 as the API answers it (list, 查看, and the answer of every write),
 * and which actions the caller may take on it: the bureau of the row's province every action the
 * account's state allows, the platform admin (who reads every province) only 查看.
 */
import { accountActions, type AccountAction, type AccountState } from './account';
import type { Actionable } from './page';
import type { ActorRef } from './roles';

export interface AccountRow extends Actionable<AccountAction> {
  id: number;
  documentId: string;
  /** 配送企业用户名, generated (makeUsername). */
  username: string;
  provincialAccount: string;
  companyName: string;
  creditCode: string;
  legalPerson: string;
  authorisedPerson: string;
  phone: string;
  provinceCode: string;
  /** 是否发放 */
  issued: boolean;
  /** ISO in China time (+08:00), null before 发放. */
  issuedAt: string | null;
  /** 用户状态: 启用 / 禁用 */
  enabled: boolean;
  /** 是否登录 */
  loggedIn: boolean;
  lastLoginAt: string | null;
  createdAt: string | null;
  /** 配送区域: district codes chosen by the distributor, and their names in the same order. */
  distributionAreaCodes: string[];
  distributionAreas: string[];
}

/** The actions `actor` may take on an account of `provinceCode` in `state`, in the manual's column order. */
export function accountActionsFor(actor: ActorRef, row: AccountState & { provinceCode: string }): AccountAction[] {
  if (actor.role === 'bureau' && !!actor.provinceCode && actor.provinceCode === row.provinceCode) return accountActions(row);
  if (actor.role === 'platform_admin') return ['view'];
  return [];
}
