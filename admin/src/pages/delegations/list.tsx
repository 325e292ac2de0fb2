import { NotYetAvailable } from '../../components/not-yet-available';

/** 配送关系管理 › 生产配送关系 — not built yet. */
export function DelegationList() {
  return <NotYetAvailable pageKey="resources.delegations" />;
}
