/**
 * A menu entry's icon with the count of the to-dos (GET /api/me/todos) its page handles, as a badge.
 * Rendered inside the sider, so the one to-do query (shared with the 工作台 and the pages) feeds it.
 */
import type { ReactNode } from 'react';
import { Badge } from 'antd';
import { useTodoCounts } from '../hooks/use-todo-counts';

/** The to-do counts each menu entry leads to (keys of GET /api/me/todos). */
export const MENU_TODOS: Readonly<Record<string, readonly string[]>> = {
  'order-lines': ['order-lines', 'returns', 'invoices', 'receipts', 'invoiceChecks'],
  delegations: ['delegations'],
  'hospital-relationships': ['hospital-relationships', 'terminating'],
  contracts: ['contracts'],
  'distributor-accounts': ['distributor-accounts'],
};

export function TodoBadgeIcon({ resource, icon }: { resource: string; icon?: ReactNode }) {
  const todos = useTodoCounts();
  const n = (MENU_TODOS[resource] ?? []).reduce((sum, k) => sum + (todos[k] ?? 0), 0);
  if (!icon) return n > 0 ? <Badge count={n} size="small" overflowCount={999} data-todo-badge={resource} /> : null;
  return (
    <Badge count={n} size="small" offset={[4, -2]} overflowCount={999} data-todo-badge={resource}>
      {icon}
    </Badge>
  );
}
