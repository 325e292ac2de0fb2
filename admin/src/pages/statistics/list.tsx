import { NotYetAvailable } from '../../components/not-yet-available';

/** 统计查询 — not built yet. */
export function StatisticsPage() {
  return <NotYetAvailable pageKey="resources.statistics" />;
}
