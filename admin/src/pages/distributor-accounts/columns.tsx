/** The columns of 本省配送企业用户列表; the buttons are the row's `actions`. */
import { useGetLocale, useTranslate } from '@refinedev/core';
import { getDefaultSortOrder } from '@refinedev/antd';
import type { CrudSort } from '@refinedev/core';
import { Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { ACCOUNT_ENABLED_LABELS, accountActionLabel, chinaDateTime, YES_NO_LABELS, type AccountAction } from '@domain';
import { RowActions } from '../../components/row-actions';
import { HistoryButton } from '../../components/history-button';
import type { AccountRow } from './types';

const DANGER: ReadonlySet<string> = new Set(['delete', 'disable']);

export function useAccountColumns(
  sorters: CrudSort[],
  run: (r: AccountRow, a: AccountAction) => void,
  onHistory: (r: AccountRow) => void,
): ColumnsType<AccountRow> {
  const t = useTranslate();
  const lang = useGetLocale()() === 'en-US' ? 'en-US' : 'zh-CN';
  const k = lang === 'en-US' ? 'en' : 'zh';
  const yesNo = (v: boolean) => (v ? YES_NO_LABELS.yes : YES_NO_LABELS.no)[k];
  const sortable = (key: string) => ({ key, dataIndex: key, sorter: true, sortOrder: getDefaultSortOrder(key, sorters) ?? null });

  return [
    {
      title: t('accounts.list.actions'),
      key: 'actions',
      // The manual puts 操作 first; fixed there, it stays on screen whatever the width.
      fixed: 'left',
      width: 190,
      render: (_, r) => {
        const actions = r.actions;
        const specs = Object.fromEntries(actions.map((a) => [a, { label: accountActionLabel(a, r, lang), danger: DANGER.has(a), onClick: () => run(r, a) }]));
        return <RowActions actions={actions} specs={specs} extra={<HistoryButton onClick={() => onHistory(r)} />} />;
      },
    },
    { title: t('accounts.list.username'), ...sortable('username'), width: 160 },
    { title: t('accounts.list.companyName'), ...sortable('companyName'), width: 160 },
    {
      title: t('accounts.list.status'),
      width: 70,
      key: 'enabled',
      render: (_, r) => {
        const l = r.enabled ? ACCOUNT_ENABLED_LABELS.enabled : ACCOUNT_ENABLED_LABELS.disabled;
        return <Tag color={l.color}>{l[k]}</Tag>;
      },
    },
    { title: t('accounts.list.issued'), key: 'issued', width: 85, render: (_, r) => yesNo(r.issued) },
    { title: t('accounts.list.loggedIn'), key: 'loggedIn', width: 85, render: (_, r) => yesNo(r.loggedIn) },
    { title: t('accounts.list.lastLoginAt'), ...sortable('lastLoginAt'), width: 160, render: (v: string | null) => chinaDateTime(v) },
  ];
}
