/** The columns of 医院配送关系; which ones a role sees is navigation, the buttons are the row's `actions`. */
import { useGetLocale, useTranslate } from '@refinedev/core';
import { Space, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { chinaDate, chinaDateTime, relationshipMachine, type RelationshipTransition, type Role } from '@domain';
import { StatusTag } from '../../components/status-tag';
import { RowActions, type RowActionSpec } from '../../components/row-actions';
import type { RelationshipRow } from './types';
import { CounterpartName } from '../../components/counterpart-contact';

const DANGER: ReadonlySet<string> = new Set(['reject', 'refuseRevoke', 'requestRevoke']);
const time = (v: string | number | null) => chinaDateTime(v) || '—';

export function useRelationshipColumns(role: Role | undefined, start: (action: RelationshipTransition, ids: string[]) => void): ColumnsType<RelationshipRow> {
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

  const columns: ColumnsType<RelationshipRow> = [];
  if (!isHospital) {
    columns.push(
      {
        title: t('relationships.hospital'),
        dataIndex: 'hospitalName',
        key: 'hospital',
        render: (v: string, r) => <CounterpartName orgId={r.hospitalOrgId} name={v} />,
      },
      { title: t('relationships.region'), dataIndex: 'hospitalRegionName', key: 'region', render: (v: string | null) => v ?? '—' },
    );
  }
  if (!isDistributor) {
    columns.push(
      {
        title: t('relationships.distributor'),
        dataIndex: 'distributorName',
        key: 'distributor',
        render: (v: string, r) => <CounterpartName orgId={r.distributorOrgId} name={v} />,
      },
      { title: t('relationships.areas'), key: 'areas', render: (_, r) => r.distributorAreas.map((a) => a.name).join('、') || '—' },
    );
  }
  columns.push({ title: t('relationships.status'), key: 'status', render: (_, r) => <StatusTag machine="relationship" value={r.status} /> });
  if (isHospital) {
    columns.push({
      title: t('relationships.orderable'),
      key: 'orderable',
      render: (_, r) => (r.orderable ? <Tag color="green">{t('relationships.yes')}</Tag> : <Tag>{t('relationships.no')}</Tag>),
    });
  }
  columns.push(
    { title: t('relationships.requestedAt'), key: 'requestedAt', render: (_, r) => time(r.requestedAt) },
    { title: t('relationships.respondedAt'), key: 'respondedAt', render: (_, r) => time(r.respondedAt) },
    { title: t('relationships.revokeRequestedAt'), key: 'revokeRequestedAt', render: (_, r) => time(r.revokeRequestedAt) },
    {
      title: t('relationships.endsAt'),
      key: 'endsAt',
      render: (_, r) =>
        r.terminationEndsAt ? (
          <Space size={4}>
            <span>{chinaDate(new Date(r.terminationEndsAt))}</span>
            {r.daysLeft !== null && <Tag color="volcano">{t('relationships.daysLeftValue', { days: r.daysLeft })}</Tag>}
          </Space>
        ) : (
          '—'
        ),
    },
    { title: t('relationships.reason'), key: 'reason', render: (_, r) => [r.reason, r.revokeReason].filter(Boolean).join('；') || '—' },
  );
  if (isHospital || isDistributor) {
    columns.push({
      title: t('relationships.actions'),
      key: 'actions',
      fixed: 'right',
      render: (_, r) => <RowActions actions={r.actions} specs={specs(r)} />,
    });
  }
  return columns;
}
