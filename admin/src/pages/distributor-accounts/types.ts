/**
 * The rows of 配送企业管理 as GET /api/distributor-accounts/manage answers them.
 * TODO(integration): replace `AccountRow` by the domain's contract (`import type { AccountRow } from '@domain'`)
 * once the server part adds it, and drop the role filter of `accountRowActions` once the server lists the
 * actions per caller.
 */
import { ACCOUNT_ACTIONS, type AccountAction, type Role } from '@domain';

/** Path of the account endpoints under /api. */
export const MANAGE = 'distributor-accounts/manage';

export interface AccountRow {
  documentId: string;
  username: string;
  provincialAccount: string;
  companyName: string;
  creditCode: string;
  legalPerson: string;
  authorisedPerson: string;
  phone: string;
  provinceCode: string;
  issued: boolean;
  issuedAt: string | null;
  enabled: boolean;
  loggedIn: boolean;
  lastLoginAt: string | null;
  createdAt: string | null;
  distributionAreas: string[];
  /** The actions the caller may take on this row now (decided by the server). */
  actions: string[];
}

export interface AccountFilters {
  username?: string;
  companyName?: string;
  provincialAccount?: string;
  enabled?: string;
  issued?: string;
  loggedIn?: string;
}

const isAccountAction = (a: string): a is AccountAction => (ACCOUNT_ACTIONS as readonly string[]).includes(a);

/** The actions of a row as the server listed them (transitional: only a bureau changes accounts). */
export function accountRowActions(row: AccountRow, role: Role | undefined): AccountAction[] {
  return row.actions.filter(isAccountAction).filter((a) => role === 'bureau' || a === 'view');
}
