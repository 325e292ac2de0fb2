import { NotYetAvailable } from '../../components/not-yet-available';

/** 三方合同 — not built yet. */
export function ContractList() {
  return <NotYetAvailable pageKey="resources.contracts" />;
}
