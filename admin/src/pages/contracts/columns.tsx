/** The columns of 三方合同; the buttons are the actions the server listed for the row. */
import { useTranslate } from '@refinedev/core';
import { Button, Progress, Space, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link } from 'react-router';
import { executionPercent, formatFen, type ContractRow } from '@domain';
import { StatusTag } from '../../components/status-tag';
import { RowActions } from '../../components/row-actions';

export interface ContractRowHandlers {
  sign: (row: ContractRow) => void;
  refuse: (row: ContractRow) => void;
  history: (row: ContractRow) => void;
}

/** 甲乙丙 each with 已签 / 未签. */
export function PartyTags({ row }: { row: ContractRow }) {
  const t = useTranslate();
  return (
    <Space size={2} wrap>
      {row.parties.map((p) => (
        <Tag key={p.party} color={p.signed ? 'green' : 'default'}>
          {t(`contracts.party.${p.party}`)}
          {p.signed ? t('contracts.party.signed') : t('contracts.party.unsigned')}
        </Tag>
      ))}
    </Space>
  );
}

export function useContractColumns(on: ContractRowHandlers): ColumnsType<ContractRow> {
  const t = useTranslate();
  return [
    { title: t('contracts.col.code'), dataIndex: 'code', width: 170, render: (v: string, r) => <Link to={`/contracts/show/${r.documentId}`}>{v}</Link> },
    { title: t('contracts.col.product'), dataIndex: 'productName', width: 180, ellipsis: true },
    { title: t('contracts.col.hospital'), dataIndex: 'hospitalName', width: 160, ellipsis: true },
    { title: t('contracts.col.manufacturer'), dataIndex: 'manufacturerName', width: 160, ellipsis: true },
    { title: t('contracts.col.distributor'), dataIndex: 'distributorName', width: 160, ellipsis: true },
    { title: t('contracts.col.quantity'), dataIndex: 'quantity', width: 100 },
    { title: t('contracts.col.amount'), dataIndex: 'amountFen', width: 120, render: (v: number) => formatFen(v) },
    { title: t('contracts.col.period'), key: 'period', width: 190, render: (_: unknown, r) => `${r.startDate} ~ ${r.endDate}` },
    {
      title: t('contracts.col.progress'),
      key: 'progress',
      width: 140,
      render: (_: unknown, r) => (
        <Progress size="small" percent={Math.min(100, executionPercent(r.orderedQuantity, r.quantity))} format={() => `${r.orderedQuantity}/${r.quantity}`} />
      ),
    },
    { title: t('contracts.col.parties'), key: 'parties', width: 200, render: (_: unknown, r) => <PartyTags row={r} /> },
    { title: t('contracts.col.status'), dataIndex: 'status', width: 90, render: (v: string) => <StatusTag machine="contract" value={v} /> },
    {
      title: t('contracts.col.actions'),
      key: 'actions',
      fixed: 'right',
      width: 210,
      render: (_: unknown, r) => (
        <RowActions
          actions={r.actions}
          specs={{
            sign: { label: t('contracts.sign'), onClick: () => on.sign(r) },
            refuse: { label: t('contracts.refuse'), danger: true, onClick: () => on.refuse(r) },
          }}
          extra={
            <>
              <Link to={`/contracts/show/${r.documentId}`}>{t('contracts.detail')}</Link>
              <Button type="link" size="small" onClick={() => on.history(r)}>
                {t('contracts.history')}
              </Button>
            </>
          }
        />
      ),
    },
  ];
}
