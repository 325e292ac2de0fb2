/** The columns of 生产配送关系; the action buttons are the ones the server listed for the row. */
import { useGetLocale, useTranslate } from '@refinedev/core';
import { Button } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { chinaDateTime, DELEGATION_LEVEL_LABELS, type DelegationLevel } from '@domain';
import { StatusTag } from '../../components/status-tag';
import { RowActions } from '../../components/row-actions';
import type { DelegationRow } from './types';
import { CounterpartName } from '../../components/counterpart-contact';

export interface DelegationRowHandlers {
  accept: (ids: string[]) => void;
  reject: (ids: string[]) => void;
  withdraw: (row: DelegationRow) => void;
  subDelegate: (row: DelegationRow) => void;
  products: (row: DelegationRow) => void;
  history: (row: DelegationRow) => void;
}

/** The fields of a delegation shown in its 详情 row. */
export function useDelegationDetails() {
  const t = useTranslate();
  const en = useGetLocale()() === 'en-US';
  return (r: DelegationRow) => [
    { label: t('delegations.col.delegator'), value: r.level === 2 ? r.delegatorName : null },
    { label: t('delegations.col.level'), value: DELEGATION_LEVEL_LABELS[(r.level === 2 ? 2 : 1) as DelegationLevel][en ? 'en' : 'zh'] },
    { label: t('delegations.col.reason'), value: r.reason },
    { label: t('delegations.col.respondedAt'), value: chinaDateTime(r.respondedAt) },
  ];
}

export function useDelegationColumns(on: DelegationRowHandlers): ColumnsType<DelegationRow> {
  const t = useTranslate();
  // Widths fit a 1366×768 screen; 委托方, 级别, 理由 and 处理时间 are in the row's 详情.
  return [
    {
      title: t('delegations.col.manufacturer'),
      dataIndex: 'manufacturerName',
      width: 152,
      render: (v: string, r) => <CounterpartName orgId={r.manufacturerOrgId} name={v} />,
    },
    {
      title: t('delegations.col.distributor'),
      dataIndex: 'distributorName',
      width: 152,
      render: (v: string, r) => <CounterpartName orgId={r.distributorOrgId} name={v} />,
    },
    { title: t('delegations.col.province'), dataIndex: 'provinceName', width: 88 },
    {
      title: t('delegations.col.productCount'),
      dataIndex: 'productCount',
      width: 88,
      render: (v: number, r) =>
        v > 0 ? (
          <Button type="link" size="small" onClick={() => on.products(r)} aria-label={`${t('delegations.col.productCount')} ${v}`}>
            {v}
          </Button>
        ) : (
          v
        ),
    },
    {
      title: t('delegations.col.status'),
      dataIndex: 'status',
      width: 110,
      render: (v: string, r) => <StatusTag machine="delegation" value={v} note={r.reason} />,
    },
    { title: t('delegations.col.createdAt'), dataIndex: 'createdAt', width: 165, render: (v: string | null) => chinaDateTime(v) },
    {
      title: t('delegations.col.actions'),
      key: 'actions',
      fixed: 'right',
      width: 190,
      render: (_: unknown, r) => (
        <RowActions
          actions={r.actions}
          specs={{
            accept: { label: t('delegations.accept'), onClick: () => on.accept([r.documentId]) },
            reject: { label: t('delegations.reject'), danger: true, onClick: () => on.reject([r.documentId]) },
            subDelegate: { label: t('delegations.subDelegate'), onClick: () => on.subDelegate(r) },
            withdraw: { label: t('delegations.withdraw'), onClick: () => on.withdraw(r) },
          }}
          extra={
            <Button type="link" size="small" style={{ paddingInline: 4 }} onClick={() => on.history(r)}>
              {t('delegations.history')}
            </Button>
          }
        />
      ),
    },
  ];
}
