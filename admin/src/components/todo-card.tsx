import { Badge, Card, List, Typography } from 'antd';
import { useCustom, useTranslate } from '@refinedev/core';
import { Link } from 'react-router';

/** Where each to-do count (GET /api/me/todos) is handled: the page, on the tab or filter that lists exactly what it counts. */
const TODO_PAGES: Record<string, string> = {
  delegations: `/delegations?todo=1`,
  'hospital-relationships': '/hospital-relationships?todo=1',
  'order-lines': '/order-lines?tab=todo',
  returns: '/order-lines?tab=returns',
  invoices: '/order-lines?tab=rework',
  receipts: '/order-lines?tab=receipts',
  invoiceChecks: '/order-lines?tab=invoiceChecks',
  terminating: '/hospital-relationships?todo=1',
  'distributor-accounts': '/distributor-accounts?issued=false',
  'overdue-lines': '/order-lines?tab=overdue',
  'oversight-overdue': '/oversight?tab=overdue',
};

/** 待办事项: what waits for the caller's organisation, each with a link to the page that handles it. */
export function TodoCard() {
  const t = useTranslate();
  const { query, result } = useCustom<{ data: Record<string, number> }>({ url: '/api/me/todos', method: 'get', errorNotification: false });
  const counts = (result?.data as unknown as { data?: Record<string, number> })?.data ?? {};
  const items = Object.entries(counts).filter(([key]) => TODO_PAGES[key]);
  return (
    <Card title={t('todos.title')} loading={query.isLoading}>
      {items.length === 0 ? (
        <Typography.Text type="secondary">{t('todos.empty')}</Typography.Text>
      ) : (
        <List
          dataSource={items}
          renderItem={([key, n]) => (
            <List.Item
              actions={[
                <Link key="open" to={TODO_PAGES[key]!}>
                  {t('todos.open')}
                </Link>,
              ]}
            >
              <span>{t(`todos.items.${key}`)}</span>
              <Badge count={n} showZero color={n > 0 ? 'red' : 'default'} overflowCount={9999} aria-label={`${t(`todos.items.${key}`)} ${n}`} />
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
