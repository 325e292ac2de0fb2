/**
 * 采购管理 › 订单明细 (manual 001 §3.4). The role chooses the view: the hospital orders, receives,
 * checks invoices and asks for returns; the distributor works through 待配送 / 撤回修改 / 已配送 /
 * 退货处理; manufacturer, bureau and platform admin read every line they may see. Buttons come from
 * each row's `actions` (decided by the server).
 */
import { Card } from 'antd';
import { useGetIdentity, useTranslate } from '@refinedev/core';
import type { Me } from '../../providers/session';
import { DistributorView } from './distributor-view';
import { HospitalView } from './hospital-view';
import { LinesTable } from './lines-table';

export function OrderLineList() {
  const { data: me } = useGetIdentity<Me>();
  const t = useTranslate();
  if (!me) return null;
  const role = me.role;
  return (
    <Card title={t('orders.title')}>
      {role === 'hospital' ? (
        <HospitalView />
      ) : role === 'distributor' ? (
        <DistributorView />
      ) : (
        <LinesTable role={role} tab="all" emptyHint={t('panel.empty.orderLines')} />
      )}
    </Card>
  );
}
