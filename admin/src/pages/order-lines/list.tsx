import { NotYetAvailable } from '../../components/not-yet-available';

/** 采购管理 › 订单明细 — not built yet. */
export function OrderLineList() {
  return <NotYetAvailable pageKey="resources.orderLines" />;
}
