import { NotYetAvailable } from '../../components/not-yet-available';

/** 目录管理 › 挂网目录查看 — not built yet. */
export function ProductList() {
  return <NotYetAvailable pageKey="resources.products" />;
}
