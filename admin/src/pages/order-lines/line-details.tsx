/** The expanded part of an order line: its deliveries and return requests (`GET /api/order-lines/:id/detail`). */
import { Space, Typography } from 'antd';
import { useCustom } from '@refinedev/core';
import type { ReactNode } from 'react';
import { DeliveriesTable } from './deliveries-table';
import { ReturnsTable } from './returns-table';
import type { DeliveryRow, OrderLineDetail } from './types';

export function LineDetails({ documentId, renderDeliveryActions }: { documentId: string; renderDeliveryActions?: (d: DeliveryRow) => ReactNode }) {
  const { result } = useCustom<{ data: OrderLineDetail }>({ url: `/api/order-lines/${documentId}/detail`, method: 'get' });
  const detail = (result?.data as unknown as { data?: OrderLineDetail } | undefined)?.data;
  if (!detail) return <Typography.Text type="secondary">…</Typography.Text>;
  return (
    // antd pulls a table nested in an expanded row 12px into the cell above and below (flush when it
    // is alone): the gap between the two tables makes up for both pulls.
    <Space direction="vertical" size={36} style={{ width: '100%' }}>
      <DeliveriesTable rows={detail.deliveries} renderActions={renderDeliveryActions} />
      {detail.returns.length > 0 && <ReturnsTable rows={detail.returns} />}
    </Space>
  );
}
