/** Return requests (退货): of one line, or the caller's list with their lines; the buttons come from each row's actions. */
import { Table, type TablePaginationConfig } from 'antd';
import { useTranslate } from '@refinedev/core';
import type { ReactNode } from 'react';
import { chinaDateTime } from '@domain';
import { StatusTag } from '../../components/status-tag';
import type { ReturnRow } from './types';

export function ReturnsTable({
  rows,
  renderActions,
  loading,
  pagination = false,
}: {
  rows: ReturnRow[];
  renderActions?: (r: ReturnRow) => ReactNode;
  loading?: boolean;
  pagination?: TablePaginationConfig | false;
}) {
  const t = useTranslate();
  const withLine = rows.some((r) => r.orderCode);
  return (
    <Table<ReturnRow>
      size="small"
      rowKey="documentId"
      loading={loading}
      pagination={pagination}
      dataSource={rows}
      columns={[
        ...(withLine
          ? [
              { title: t('orders.cols.orderCode'), render: (_: unknown, r: ReturnRow) => `${r.orderCode}-${r.lineNo}` },
              { title: t('orders.cols.product'), dataIndex: 'productName' },
              { title: t('orders.cols.hospital'), dataIndex: 'hospitalName' },
            ]
          : []),
        { title: t('orders.cols.returnQty'), dataIndex: 'quantity', width: 90 },
        { title: t('orders.cols.returnReason'), dataIndex: 'reason' },
        { title: t('orders.cols.requestedAt'), render: (_: unknown, r: ReturnRow) => chinaDateTime(r.createdAt) },
        { title: t('orders.cols.answer'), render: (_: unknown, r: ReturnRow) => <StatusTag machine="return" value={r.status} note={r.refuseReason} /> },
        ...(renderActions ? [{ title: t('orders.cols.actions'), render: (_: unknown, r: ReturnRow) => renderActions(r) }] : []),
      ]}
    />
  );
}
