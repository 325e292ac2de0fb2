import { NotYetAvailable } from '../../components/not-yet-available';

/** 用户管理 › 配送企业管理 (本省配送企业用户列表) — not built yet. */
export function DistributorAccountList() {
  return <NotYetAvailable pageKey="resources.distributorAccounts" />;
}
