/** The hospital's 订单明细: its lines (新建订单, 收货, 发票查验, 申请退货) and its return requests. */
import { useState } from 'react';
import { App, Button, Space, Tabs } from 'antd';
import { useTranslate } from '@refinedev/core';
import { RowActions } from '../../components/row-actions';
import { usePageQuery } from '../../hooks/use-page-query';
import { useRowAction } from '../../hooks/use-row-action';
import { LinesTable } from './lines-table';
import { NewOrderModal } from './new-order-modal';
import { ReasonModal } from './reason-modal';
import { ReturnModal } from './return-modal';
import { ReturnsList } from './returns-list';
import { DeliveryList } from './delivery-list';
import { useTodoCounts } from '../../hooks/use-todo-counts';
import { useUrlTab } from '../../hooks/use-url-tab';
import { ANSWERABLE_RETURN_STATUSES, CHECKABLE_INVOICE_STATUSES, DELIVERY_STATUS, deliveryMachine, RECEIVABLE_DELIVERY_STATUSES } from '@domain';

const HOSPITAL_TABS = ['lines', 'overdue', 'receipts', 'invoiceChecks', 'returns'] as const;
const NOT_WITHDRAWN = deliveryMachine.stateNames.filter((s) => s !== DELIVERY_STATUS.withdrawn);
import type { DeliveryRow, OrderLineRow, ReturnRow } from './types';

export function HospitalView() {
  const t = useTranslate();
  const { message } = App.useApp();
  const { run, fire } = useRowAction();
  const [creating, setCreating] = useState(false);
  const [returning, setReturning] = useState<OrderLineRow | null>(null);
  const [failing, setFailing] = useState<string | null>(null);
  const [cancelling, setCancelling] = useState<string | null>(null);
  const [tab, setTab] = useUrlTab(HOSPITAL_TABS, 'lines');
  const todos = useTodoCounts();
  const pendingReturns = usePageQuery<ReturnRow>('/api/order-returns', { status: ANSWERABLE_RETURN_STATUSES.join(',') }, { pageSize: 1 }).total;
  const counted = (label: string, n: number | undefined) => (n ? t('panel.tabs.withCount', { label, n }) : label);
  const done = t('orders.msg.done');

  const deliveryActions = (d: DeliveryRow) => (
    <RowActions
      actions={d.actions}
      specs={{
        receive: {
          label: t('orders.actions.receive'),
          confirm: t('orders.confirm.receive'),
          onClick: () => fire({ url: `/order-deliveries/${d.documentId}/receive`, success: done }),
        },
        pass: {
          label: t('orders.actions.pass'),
          onClick: () => fire({ url: `/order-deliveries/${d.documentId}/check`, values: { result: 'pass' }, success: done }),
        },
        fail: { label: t('orders.actions.fail'), danger: true, onClick: () => setFailing(d.documentId) },
      }}
    />
  );

  const lineActions = (l: OrderLineRow) => (
    <RowActions
      actions={l.actions}
      specs={{
        cancel: { label: t('orders.actions.cancelLine'), danger: true, onClick: () => setCancelling(l.documentId) },
        return: { label: t('orders.actions.return'), onClick: () => setReturning(l) },
      }}
    />
  );

  return (
    <>
      <Tabs
        activeKey={tab}
        onChange={setTab}
        destroyOnHidden
        items={[
          {
            key: 'lines',
            label: t('orders.tabs.lines'),
            children: (
              <LinesTable
                role="hospital"
                tab="all"
                toolbar={
                  <Space style={{ marginBottom: 12 }}>
                    <Button type="primary" onClick={() => setCreating(true)}>
                      {t('orders.actions.newOrder')}
                    </Button>
                  </Space>
                }
                renderActions={lineActions}
                renderDeliveryActions={deliveryActions}
                emptyHint={t('panel.empty.hospitalLines')}
              />
            ),
          },
          {
            key: 'overdue',
            label: counted(t('orders.tabs.overdueUnconfirmed'), todos['overdue-lines']),
            children: <LinesTable role="hospital" tab="all" overdue="unconfirmed" renderActions={lineActions} renderDeliveryActions={deliveryActions} />,
          },
          {
            key: 'receipts',
            label: counted(t('panel.tabs.receipts'), todos.receipts),
            children: (
              <DeliveryList
                role="hospital"
                filter={{ status: RECEIVABLE_DELIVERY_STATUSES.join(',') }}
                renderActions={deliveryActions}
                emptyHint={t('panel.empty.receipts')}
                fileName={t('panel.tabs.receipts')}
              />
            ),
          },
          {
            key: 'invoiceChecks',
            label: counted(t('panel.tabs.invoiceChecks'), todos.invoiceChecks),
            children: (
              <DeliveryList
                role="hospital"
                filter={{ invoiceStatus: CHECKABLE_INVOICE_STATUSES.join(','), status: NOT_WITHDRAWN.join(',') }}
                renderActions={deliveryActions}
                emptyHint={t('panel.empty.invoiceChecks')}
                fileName={t('panel.tabs.invoiceChecks')}
              />
            ),
          },
          {
            key: 'returns',
            label: counted(t('orders.tabs.myReturns'), pendingReturns),
            children: <ReturnsList emptyHint={t('panel.empty.myReturns')} fileName={t('orders.tabs.myReturns')} />,
          },
        ]}
      />
      <NewOrderModal
        open={creating}
        onClose={() => setCreating(false)}
        onDone={(code) => {
          setCreating(false);
          message.success(t('orders.msg.ordered', { code }));
        }}
      />
      <ReturnModal line={returning} onClose={() => setReturning(null)} onDone={() => setReturning(null)} />
      <ReasonModal
        open={!!cancelling}
        title={t('orders.titles.cancelLine')}
        okText={t('orders.actions.cancelLine')}
        onClose={() => setCancelling(null)}
        onSubmit={async (reason) => {
          await run({ url: `/order-lines/${cancelling}/cancel`, values: { reason }, success: done, quiet: true });
          setCancelling(null);
        }}
      />
      <ReasonModal
        open={!!failing}
        title={t('orders.titles.check')}
        okText={t('orders.actions.fail')}
        onClose={() => setFailing(null)}
        onSubmit={async (reason) => {
          await run({ url: `/order-deliveries/${failing}/check`, values: { result: 'fail', reason }, success: done, quiet: true });
          setFailing(null);
        }}
      />
    </>
  );
}
