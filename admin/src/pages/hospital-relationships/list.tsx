import { NotYetAvailable } from '../../components/not-yet-available';

/** 配送关系管理 › 医院配送关系 — not built yet. */
export function HospitalRelationshipList() {
  return <NotYetAvailable pageKey="resources.hospitalRelationships" />;
}
