/** The distributor's 订单明细: tabs 待配送 (确认 / 拒绝, 配送, 终止), 撤回修改, 已配送 (补填发票) and 退货处理. */
import { useState } from 'react';
import { Button, Popconfirm, Space, Tabs } from 'antd';
import { useTranslate } from '@refinedev/core';
import { useNavigate } from 'react-router';
import { RowActions } from '../../components/row-actions';
import { useRowAction } from '../../hooks/use-row-action';
import { DeliverModal } from './deliver-modal';
import { InvoiceModal } from './invoice-modal';
import { LinesTable } from './lines-table';
import { ReasonModal } from './reason-modal';
import { ReturnsList } from './returns-list';
import { useTodoCounts } from '../../hooks/use-todo-counts';
import { useUrlTab } from '../../hooks/use-url-tab';

const DISTRIBUTOR_TABS = ['todo', 'overdue', 'rework', 'delivered', 'returns'] as const;
import { ReworkTable } from './rework-table';
import type { DeliveryRow, OrderLineRow, ReturnRow } from './types';

export function DistributorView() {
  const t = useTranslate();
  const { run, fire } = useRowAction();
  const navigate = useNavigate();
  const [selected, setSelected] = useState<string[]>([]);
  const [rejecting, setRejecting] = useState<string[] | null>(null);
  const [delivering, setDelivering] = useState<OrderLineRow | null>(null);
  const [invoice, setInvoice] = useState<{ d: DeliveryRow; title: string } | null>(null);
  const [refusing, setRefusing] = useState<string | null>(null);
  const [tab, setTab] = useUrlTab(DISTRIBUTOR_TABS, 'todo');
  const todos = useTodoCounts();
  const counted = (label: string, n: number | undefined) => (n ? t('panel.tabs.withCount', { label, n }) : label);
  const done = t('orders.msg.done');

  const lineActions = (l: OrderLineRow) => (
    <RowActions
      actions={l.actions}
      specs={{
        confirm: { label: t('orders.actions.confirm'), onClick: () => fire({ url: '/order-lines/confirm', values: { ids: [l.documentId] }, success: done }) },
        reject: { label: t('orders.actions.reject'), danger: true, onClick: () => setRejecting([l.documentId]) },
        deliver: { label: l.deliveredQty > 0 ? t('orders.actions.continueDeliver') : t('orders.actions.deliver'), onClick: () => setDelivering(l) },
        terminate: {
          label: t('orders.actions.terminate'),
          confirm: t('orders.confirm.terminate'),
          onClick: () => fire({ url: `/order-lines/${l.documentId}/terminate`, success: done }),
        },
      }}
    />
  );
  const fillInvoice = (d: DeliveryRow) => (
    <RowActions
      actions={d.actions}
      specs={{ fill: { label: t('orders.actions.fillInvoice'), onClick: () => setInvoice({ d, title: t('orders.actions.fillInvoice') }) } }}
    />
  );
  const returnActions = (r: ReturnRow) => (
    <RowActions
      actions={r.actions}
      specs={{
        agree: {
          label: t('orders.actions.agreeReturn'),
          confirm: t('orders.confirm.agree', { n: r.quantity }),
          onClick: () => fire({ url: `/order-returns/${r.documentId}/agree`, success: done }),
        },
        refuse: { label: t('orders.actions.refuseReturn'), danger: true, onClick: () => setRefusing(r.documentId) },
      }}
    />
  );

  const batchToolbar = (
    <Space style={{ marginBottom: 12 }}>
      <Popconfirm
        title={t('orders.confirm.confirmLines', { n: selected.length })}
        disabled={!selected.length}
        okText={t('orders.actions.ok')}
        cancelText={t('orders.actions.cancel')}
        onConfirm={() =>
          run({ url: '/order-lines/confirm', values: { ids: selected }, success: done })
            .then(() => setSelected([]))
            .catch(() => undefined)
        }
      >
        <Button disabled={!selected.length}>{t('orders.actions.confirmSelected')}</Button>
      </Popconfirm>
      <Button danger disabled={!selected.length} onClick={() => setRejecting(selected)}>
        {t('orders.actions.rejectSelected')}
      </Button>
      <Button onClick={() => navigate('/batch-delivery')}>{t('batchDelivery.entry')}</Button>
    </Space>
  );

  return (
    <>
      <Tabs
        activeKey={tab}
        onChange={setTab}
        destroyOnHidden
        items={[
          {
            key: 'todo',
            label: counted(t('orders.tabs.todo'), todos['order-lines']),
            children: (
              <LinesTable
                role="distributor"
                tab="todo"
                selection={{ action: 'confirm', selected, onSelect: setSelected }}
                renderActions={lineActions}
                toolbar={batchToolbar}
                emptyHint={t('panel.empty.todo')}
              />
            ),
          },
          {
            key: 'overdue',
            label: counted(t('orders.tabs.overdue'), todos['overdue-lines']),
            children: <LinesTable role="distributor" tab="all" overdue="any" renderActions={lineActions} />,
          },
          {
            key: 'rework',
            label: counted(t('orders.tabs.rework'), todos.invoices),
            children: <ReworkTable onInvoice={(d, title) => setInvoice({ d, title })} />,
          },
          {
            key: 'delivered',
            label: t('orders.tabs.delivered'),
            children: (
              <LinesTable
                role="distributor"
                tab="delivered"
                renderActions={lineActions}
                renderDeliveryActions={fillInvoice}
                emptyHint={t('panel.empty.delivered')}
              />
            ),
          },
          {
            key: 'returns',
            label: counted(t('orders.tabs.returns'), todos.returns),
            children: <ReturnsList renderActions={returnActions} emptyHint={t('panel.empty.returns')} fileName={t('orders.tabs.returns')} />,
          },
        ]}
      />
      <ReasonModal
        open={!!rejecting}
        title={t('orders.titles.reject')}
        okText={t('orders.actions.reject')}
        onClose={() => setRejecting(null)}
        onSubmit={async (reason) => {
          await run({ url: '/order-lines/reject', values: { ids: rejecting, reason }, success: done, quiet: true });
          setRejecting(null);
          setSelected([]);
        }}
      />
      <ReasonModal
        open={!!refusing}
        title={t('orders.titles.refuseReturn')}
        okText={t('orders.actions.refuseReturn')}
        onClose={() => setRefusing(null)}
        onSubmit={async (reason) => {
          await run({ url: `/order-returns/${refusing}/refuse`, values: { reason }, success: done, quiet: true });
          setRefusing(null);
        }}
      />
      <DeliverModal line={delivering} onClose={() => setDelivering(null)} onDone={() => setDelivering(null)} />
      <InvoiceModal delivery={invoice?.d ?? null} title={invoice?.title ?? ''} onClose={() => setInvoice(null)} onDone={() => setInvoice(null)} />
    </>
  );
}
