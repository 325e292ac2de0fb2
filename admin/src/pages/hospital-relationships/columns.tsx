/** The columns of 医院配送关系; which ones a role sees is navigation, the buttons are the row's `actions`. */
import { useGetLocale, useTranslate } from '@refinedev/core';
import { Space, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { chinaDate, chinaDateTime, relationshipMachine, type RelationshipTransition, type Role } from '@domain';
import { StatusTag } from '../../components/status-tag';
import { RowActions, type RowActionSpec } from '../../components/row-actions';
import { HistoryButton } from '../../components/history-button';
import type { RelationshipRow } from './types';
import { CounterpartName } from '../../components/counterpart-contact';

const DANGER: ReadonlySet<string> = new Set(['reject', 'refuseRevoke', 'requestRevoke']);
const time = (v: string | number | null) => chinaDateTime(v) || '—';

export function useRelationshipColumns(
  role: Role | undefined,
  start: (action: RelationshipTransition, ids: string[]) => void,
  onHistory: (r: RelationshipRow) => void,
): ColumnsType<RelationshipRow> {
  const t = useTranslate();
  const lang = useGetLocale()() === 'en-US' ? 'en-US' : 'zh-CN';
  const isHospital = role === 'hospital';
  const isDistributor = role === 'distributor';

  const specs = (r: RelationshipRow): Partial<Record<string, RowActionSpec>> =>
    Object.fromEntries(
      relationshipMachine.transitionNames.map((a) => [
        a,
        { label: relationshipMachine.actionLabel(a, lang), danger: DANGER.has(a), onClick: () => start(a, [r.documentId]) },
      ]),
    );

  const secondary = (text: string) => (
    <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: 0 }} ellipsis={{ rows: 2, tooltip: text }}>
      {text}
    </Typography.Paragraph>
  );
  // Widths fit a 1366×768 screen; the other dates and the full reasons are in the row's 详情.
  const columns: ColumnsType<RelationshipRow> = [];
  if (!isHospital) {
    columns.push({
      title: t('relationships.hospital'),
      key: 'hospital',
      width: 180,
      render: (_, r) => (
        <>
          <div>
            <CounterpartName orgId={r.hospitalOrgId} name={r.hospitalName} />
          </div>
          {secondary(r.hospitalRegionName ?? '—')}
        </>
      ),
    });
  }
  if (!isDistributor) {
    columns.push({
      title: t('relationships.distributor'),
      key: 'distributor',
      width: 200,
      render: (_, r) => (
        <>
          <div>
            <CounterpartName orgId={r.distributorOrgId} name={r.distributorName} />
          </div>
          {secondary(r.distributorAreas.map((a) => a.name).join('、') || '—')}
        </>
      ),
    });
  }
  columns.push({
    title: t('relationships.status'),
    key: 'status',
    width: 130,
    render: (_, r) => <StatusTag machine="relationship" value={r.status} note={[r.reason, r.revokeReason].filter(Boolean).join('；') || undefined} />,
  });
  if (isHospital) {
    columns.push({
      title: t('relationships.orderable'),
      key: 'orderable',
      width: 90,
      render: (_, r) => (r.orderable ? <Tag color="green">{t('relationships.yes')}</Tag> : <Tag>{t('relationships.no')}</Tag>),
    });
  }
  columns.push(
    { title: t('relationships.requestedAt'), key: 'requestedAt', width: 165, render: (_, r) => time(r.requestedAt) },
    {
      title: t('relationships.endsAt'),
      key: 'endsAt',
      width: 170,
      render: (_, r) =>
        r.terminationEndsAt ? (
          <Space size={4} wrap>
            <span>{chinaDate(new Date(r.terminationEndsAt))}</span>
            {r.daysLeft !== null && <Tag color="volcano">{t('relationships.daysLeftValue', { days: r.daysLeft })}</Tag>}
          </Space>
        ) : (
          '—'
        ),
    },
    {
      title: t('relationships.actions'),
      key: 'actions',
      fixed: 'right',
      width: isHospital || isDistributor ? 190 : 80,
      render: (_, r) => (
        <RowActions actions={isHospital || isDistributor ? r.actions : []} specs={specs(r)} extra={<HistoryButton onClick={() => onHistory(r)} />} />
      ),
    },
  );
  return columns;
}

/** The fields of a relationship shown in its 详情 row. */
export function useRelationshipDetails() {
  const t = useTranslate();
  return (r: RelationshipRow) => [
    { label: t('relationships.region'), value: r.hospitalRegionName },
    { label: t('relationships.areas'), value: r.distributorAreas.map((a) => a.name).join('、') },
    { label: t('relationships.respondedAt'), value: chinaDateTime(r.respondedAt) },
    { label: t('relationships.revokeRequestedAt'), value: chinaDateTime(r.revokeRequestedAt) },
    { label: t('relationships.reason'), value: [r.reason, r.revokeReason].filter(Boolean).join('；') },
  ];
}
