import { ThemedSider } from '@refinedev/antd';
import type { RefineThemedLayoutSiderProps } from '@refinedev/antd';

/** The themed sider, groups open, without its own logout item (退出登录 is in the header). */
export function AppSider(props: RefineThemedLayoutSiderProps) {
  return <ThemedSider {...props} fixed siderItemsAreCollapsed={false} render={({ items }) => items} />;
}
