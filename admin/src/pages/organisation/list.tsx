import { NotYetAvailable } from '../../components/not-yet-available';

/** 机构管理 › 企业信息 — not built yet. */
export function OrganisationPage() {
  return <NotYetAvailable pageKey="resources.organisation" />;
}
