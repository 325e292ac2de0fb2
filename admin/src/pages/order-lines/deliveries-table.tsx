/** The deliveries (配送批次) of a line: batch, dates, invoice and both statuses; the buttons come from each row's actions. */
import { Table } from 'antd';
import { useTranslate } from '@refinedev/core';
import type { ReactNode } from 'react';
import { StatusTag } from '../../components/status-tag';
import type { DeliveryRow } from './types';

export const invoiceText = (d: Pick<DeliveryRow, 'invoiceCode' | 'invoiceNo'>) =>
  d.invoiceNo ? `${d.invoiceCode ? `${d.invoiceCode} ` : ''}${d.invoiceNo}` : '—';

export function DeliveriesTable({ rows, renderActions }: { rows: DeliveryRow[]; renderActions?: (d: DeliveryRow) => ReactNode }) {
  const t = useTranslate();
  return (
    <Table<DeliveryRow>
      size="small"
      rowKey="documentId"
      pagination={false}
      dataSource={rows}
      columns={[
        { title: t('orders.cols.seq'), dataIndex: 'seq', width: 60 },
        { title: t('orders.cols.quantity'), dataIndex: 'quantity', width: 80 },
        { title: t('orders.cols.batchNo'), dataIndex: 'batchNo' },
        { title: t('orders.cols.productionDate'), dataIndex: 'productionDate' },
        { title: t('orders.cols.expiryDate'), dataIndex: 'expiryDate' },
        { title: t('orders.cols.invoice'), render: (_, d) => invoiceText(d) },
        { title: t('orders.cols.invoiceStatus'), render: (_, d) => <StatusTag machine="invoice" value={d.invoiceStatus} note={d.invoiceReason} /> },
        { title: t('orders.cols.deliveryStatus'), render: (_, d) => <StatusTag machine="delivery" value={d.status} /> },
        ...(renderActions ? [{ title: t('orders.cols.actions'), render: (_: unknown, d: DeliveryRow) => renderActions(d) }] : []),
      ]}
    />
  );
}
