import { NotYetAvailable } from '../../components/not-yet-available';

/** 配送关系管理 › 配送产品目录 — not built yet. */
export function DelegatedProductList() {
  return <NotYetAvailable pageKey="resources.delegatedProducts" />;
}
