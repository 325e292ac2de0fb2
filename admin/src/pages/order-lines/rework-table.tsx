/** 撤回修改 (distributor): deliveries whose invoice is missing or failed; 撤回 and 修改 as the server allows. */
import { Table } from 'antd';
import { useTranslate } from '@refinedev/core';
import { RowActions } from '../../components/row-actions';
import { StatusTag } from '../../components/status-tag';
import { usePageQuery } from '../../hooks/use-page-query';
import { useRowAction } from '../../hooks/use-row-action';
import { invoiceText } from './deliveries-table';
import type { DeliveryRow } from './types';

/** 修改 covers 补填 here: a row offering both shows one button. */
const reworkActions = (actions: readonly string[] | undefined) => (actions?.includes('modify') ? actions.filter((a) => a !== 'fill') : actions);

export function ReworkTable({ onInvoice }: { onInvoice: (d: DeliveryRow, title: string) => void }) {
  const t = useTranslate();
  const { fire } = useRowAction();
  const { rows, loading, pagination } = usePageQuery<DeliveryRow>('/api/order-deliveries', { rework: 1 });
  return (
    <Table<DeliveryRow>
      rowKey="documentId"
      loading={loading}
      dataSource={rows}
      scroll={{ x: 1100 }}
      pagination={pagination}
      columns={[
        { title: t('orders.cols.orderCode'), render: (_, d) => `${d.orderCode}-${d.lineNo}` },
        { title: t('orders.cols.hospital'), dataIndex: 'hospitalName' },
        { title: t('orders.cols.product'), dataIndex: 'productName' },
        { title: t('orders.cols.seq'), dataIndex: 'seq' },
        { title: t('orders.cols.quantity'), dataIndex: 'quantity' },
        { title: t('orders.cols.batchNo'), dataIndex: 'batchNo' },
        { title: t('orders.cols.invoice'), render: (_, d) => invoiceText(d) },
        { title: t('orders.cols.invoiceStatus'), render: (_, d) => <StatusTag machine="invoice" value={d.invoiceStatus} note={d.invoiceReason} /> },
        { title: t('orders.cols.deliveryStatus'), render: (_, d) => <StatusTag machine="delivery" value={d.status} /> },
        {
          title: t('orders.cols.actions'),
          render: (_, d) => (
            <RowActions
              actions={reworkActions(d.actions)}
              specs={{
                withdraw: {
                  label: t('orders.actions.withdraw'),
                  confirm: t('orders.confirm.withdraw'),
                  onClick: () => fire({ url: `/order-deliveries/${d.documentId}/withdraw`, success: t('orders.msg.done') }),
                },
                modify: { label: t('orders.actions.modify'), onClick: () => onInvoice(d, t('orders.actions.modify')) },
                fill: { label: t('orders.actions.fillInvoice'), onClick: () => onInvoice(d, t('orders.actions.fillInvoice')) },
              }}
            />
          ),
        },
      ]}
    />
  );
}
