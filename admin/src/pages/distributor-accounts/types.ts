/** The rows of 配送企业管理 are the domain's `AccountRow` (GET /api/distributor-accounts/manage), actions included. */
export type { AccountRow } from '@domain';

/** Path of the account endpoints under /api. */
export const MANAGE = 'distributor-accounts/manage';

export interface AccountFilters {
  username?: string;
  companyName?: string;
  provincialAccount?: string;
  enabled?: string;
  issued?: string;
  loggedIn?: string;
}
