/** The columns of 三方合同; the buttons are the actions the server listed for the row. */
import { useTranslate } from '@refinedev/core';
import { Button, Progress, Space, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link } from 'react-router';
import { executionPercent, formatFen, type ContractRow } from '@domain';
import { StatusTag } from '../../components/status-tag';
import { RowActions } from '../../components/row-actions';
import type { DetailItem } from '../../components/row-details';

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

/** The secondary fields of a contract row, in its 详情 part (the main columns and the actions fit 1366×768). */
export function useContractDetails(): (r: ContractRow) => DetailItem[] {
  const t = useTranslate();
  return (r) => [
    { label: t('contracts.col.manufacturer'), value: r.manufacturerName },
    { label: t('contracts.col.quantity'), value: r.quantity },
    { label: t('contracts.col.amount'), value: formatFen(r.amountFen) },
    { label: t('contracts.col.period'), value: `${r.startDate} ~ ${r.endDate}` },
    {
      label: t('contracts.col.progress'),
      value: (
        <Progress
          size="small"
          style={{ width: 160 }}
          percent={Math.min(100, executionPercent(r.orderedQuantity, r.quantity))}
          format={() => `${r.orderedQuantity}/${r.quantity}`}
        />
      ),
    },
  ];
}

/**
 * The columns' widths with the 详情 column (64): the table is laid out on these (fixed layout), never on
 * its contents, so a wider font cannot push it past the 1068px a 1366px screen leaves it.
 */
export const CONTRACT_TABLE_WIDTH = 64 + 176 + 3 * 120 + 150 + 84 + 200;

export function useContractColumns(on: ContractRowHandlers): ColumnsType<ContractRow> {
  const t = useTranslate();
  return [
    {
      title: t('contracts.col.code'),
      dataIndex: 'code',
      width: 176,
      ellipsis: true,
      render: (v: string, r) => <Link to={`/contracts/show/${r.documentId}`}>{v}</Link>,
    },
    { title: t('contracts.col.product'), dataIndex: 'productName', width: 120, ellipsis: true },
    { title: t('contracts.col.hospital'), dataIndex: 'hospitalName', width: 120, ellipsis: true },
    { title: t('contracts.col.distributor'), dataIndex: 'distributorName', width: 120, ellipsis: true },
    { title: t('contracts.col.parties'), key: 'parties', width: 150, render: (_: unknown, r) => <PartyTags row={r} /> },
    { title: t('contracts.col.status'), dataIndex: 'status', width: 84, render: (v: string) => <StatusTag machine="contract" value={v} /> },
    {
      title: t('contracts.col.actions'),
      key: 'actions',
      fixed: 'right',
      width: 200,
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
