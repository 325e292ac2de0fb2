import { NotYetAvailable } from '../../components/not-yet-available';

/** 挂网目录 › 产品详情 — not built yet. */
export function ProductShow() {
  return <NotYetAvailable pageKey="resources.productDetails" />;
}
