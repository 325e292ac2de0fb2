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

export function useDelegationColumns(on: DelegationRowHandlers): ColumnsType<DelegationRow> {
  const t = useTranslate();
  const en = useGetLocale()() === 'en-US';
  const levelLabel = (l: number) => DELEGATION_LEVEL_LABELS[(l === 2 ? 2 : 1) as DelegationLevel][en ? 'en' : 'zh'];
  return [
    {
      title: t('delegations.col.manufacturer'),
      dataIndex: 'manufacturerName',
      render: (v: string, r) => <CounterpartName orgId={r.manufacturerOrgId} name={v} />,
    },
    { title: t('delegations.col.delegator'), dataIndex: 'delegatorName', render: (v: string, r) => (r.level === 2 ? v : '—') },
    {
      title: t('delegations.col.distributor'),
      dataIndex: 'distributorName',
      render: (v: string, r) => <CounterpartName orgId={r.distributorOrgId} name={v} />,
    },
    { title: t('delegations.col.province'), dataIndex: 'provinceName', width: 100 },
    { title: t('delegations.col.level'), dataIndex: 'level', width: 90, render: (v: number) => levelLabel(v) },
    {
      title: t('delegations.col.productCount'),
      dataIndex: 'productCount',
      width: 90,
      render: (v: number, r) =>
        v > 0 ? (
          <Button type="link" size="small" onClick={() => on.products(r)} aria-label={`${t('delegations.col.productCount')} ${v}`}>
            {v}
          </Button>
        ) : (
          v
        ),
    },
    { title: t('delegations.col.status'), dataIndex: 'status', width: 90, render: (v: string) => <StatusTag machine="delegation" value={v} /> },
    { title: t('delegations.col.reason'), dataIndex: 'reason', ellipsis: true },
    { title: t('delegations.col.createdAt'), dataIndex: 'createdAt', width: 170, render: (v: string | null) => chinaDateTime(v) },
    { title: t('delegations.col.respondedAt'), dataIndex: 'respondedAt', width: 170, render: (v: string | null) => chinaDateTime(v) },
    {
      title: t('delegations.col.actions'),
      key: 'actions',
      fixed: 'right',
      width: 240,
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
