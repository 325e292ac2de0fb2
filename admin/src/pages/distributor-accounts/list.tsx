/**
 * 用户管理 › 配送企业管理 (manual 000 §3.2): 本省配送企业用户列表 with its filters, the row actions the
 * server listed, 账号添加 / 修改 / 编辑, 发放 one or the ticked rows, 启用 / 禁用, 重置密码, 删除, 查看,
 * 模板下载, 导入 and 导出 (both as background jobs with a progress bar). All rules live on the server; this page only asks.
 */
import { useMemo, useState } from 'react';
import { App, Button, Card, Space, Table } from 'antd';
import { useGetIdentity, useTranslate } from '@refinedev/core';
import { useSearchParams } from 'react-router';
import { chinaDateTime } from '@domain';
import { HistoryDrawer } from '../../components/history-drawer';
import { emptyLocale } from '../../components/empty-hint';
import { useDetailsExpandable } from '../../components/row-details';
import { useTable } from '@refinedev/antd';
import type { Me } from '../../providers/session';
import type { QueryObject } from '../../providers/strapi-query';
import { downloadFile } from '../../components/api-helpers';
import { JobProgress } from '../../components/job-progress';
import { useStartJob } from '../../hooks/use-start-job';
import { AccountFormModal } from './form-modal';
import { AccountViewModal } from './view-modal';
import { ImportModal } from './import-modal';
import { GeneratedOnIssueModal, InitialPasswordControl } from './initial-password';
import { AccountFilterForm } from './filter-form';
import { useAccountColumns } from './columns';
import { useAccountActions } from './use-account-actions';
import { MANAGE, type AccountFilters, type AccountRow } from './types';

export function DistributorAccountList() {
  const t = useTranslate();
  const { message } = App.useApp();
  const { data: me } = useGetIdentity<Me>();
  const role = me?.role;
  const isBureau = role === 'bureau';
  const [params] = useSearchParams();
  // 工作台 去处理 opens the list of accounts not yet issued (?issued=false).
  const [filters, setFilters] = useState<AccountFilters>(() => (params.get('issued') === 'false' ? { issued: 'false' } : {}));
  const [historyOf, setHistoryOf] = useState<AccountRow | null>(null);
  const [selected, setSelected] = useState<string[]>([]);
  const [editing, setEditing] = useState<AccountRow | 'new' | null>(null);
  const [viewing, setViewing] = useState<AccountRow | null>(null);
  const [importing, setImporting] = useState(false);
  const [generated, setGenerated] = useState<string | null>(null);
  // 导出 runs as a background job: its progress, 取消任务 and 下载文件 show under the buttons.
  const exportJob = useStartJob();

  const filterQuery = useMemo(() => {
    const q: QueryObject = {};
    for (const [k, v] of Object.entries(filters)) if (v !== undefined && v !== '') q[k] = v as string;
    return q;
  }, [filters]);
  const { tableProps, sorters, setCurrentPage } = useTable<AccountRow>({
    resource: 'distributor-accounts',
    meta: { apiPath: MANAGE, query: filterQuery },
    pagination: { pageSize: 10 },
    sorters: { initial: [{ field: 'createdAt', order: 'desc' }] },
    filters: { mode: 'off' },
    syncWithLocation: false,
  });
  const rows = (tableProps.dataSource ?? []) as AccountRow[];
  const { runAction, issueMany } = useAccountActions({ onView: setViewing, onEdit: setEditing, onDone: () => setSelected([]), onGenerated: setGenerated });
  const columns = useAccountColumns(sorters, runAction, setHistoryOf);
  const expandable = useDetailsExpandable<AccountRow>((r) => [
    { label: t('accounts.list.areas'), value: r.distributionAreas.join('、') },
    { label: t('accounts.list.provincialAccount'), value: r.provincialAccount },
    { label: t('accounts.form.creditCode'), value: r.creditCode },
    { label: t('accounts.form.legalPerson'), value: r.legalPerson },
    { label: t('accounts.form.phone'), value: r.phone },
    { label: t('accounts.view.issuedAt'), value: chinaDateTime(r.issuedAt) },
  ]);

  const download = (path: string, query: QueryObject, name: string) =>
    downloadFile(`/api/${MANAGE}${path}`, query, name).catch((e) => message.error(String(e?.message ?? e)));
  const sort = sorters[0] ? `${sorters[0].field}:${sorters[0].order}` : undefined;
  const selectedRows = rows.filter((r) => selected.includes(r.documentId));
  /** 发放账号 with nothing ticked explains itself; with rows ticked it is offered when every one lists 发放. */
  const canIssueSelected = selectedRows.length === 0 || selectedRows.every((r) => r.actions.includes('issue'));

  return (
    <Card title={isBureau ? t('accounts.list.title') : t('accounts.list.allProvinces')} extra={isBureau ? <InitialPasswordControl /> : undefined}>
      <AccountFilterForm
        initial={filters}
        onSearch={(v) => {
          setFilters(v);
          setCurrentPage(1);
        }}
      />
      <Table<AccountRow>
        {...tableProps}
        rowKey="documentId"
        size="middle"
        columns={columns}
        scroll={{ x: 'max-content' }}
        tableLayout="fixed"
        expandable={expandable}
        locale={emptyLocale(t('panel.empty.accounts'))}
        rowSelection={
          isBureau
            ? {
                selectedRowKeys: selected,
                onChange: (keys) => setSelected(keys.map(String)),
                getCheckboxProps: (r) => ({ disabled: !r.actions.includes('issue'), 'aria-label': r.username }),
              }
            : undefined
        }
        pagination={{ ...tableProps.pagination, showSizeChanger: true, showTotal: (n) => t('accounts.list.total', { total: n }) }}
      />

      <Space wrap style={{ marginTop: 16 }}>
        {isBureau && (
          <>
            <Button type="primary" onClick={() => setEditing('new')}>
              {t('accounts.list.add')}
            </Button>
            <Button onClick={() => download('/template', {}, t('accounts.list.templateFile'))}>{t('accounts.list.template')}</Button>
            <Button onClick={() => setImporting(true)}>{t('accounts.list.import')}</Button>
            <Button disabled={!canIssueSelected} onClick={() => issueMany(selected)}>
              {t('accounts.list.issueSelected')}
            </Button>
          </>
        )}
        <Button loading={exportJob.starting} onClick={() => exportJob.start(`/api/${MANAGE}/export-jobs`, { ...filterQuery, ...(sort ? { sort } : {}) })}>
          {t('accounts.list.export')}
        </Button>
      </Space>
      {exportJob.jobId && (
        <div style={{ marginTop: 12, maxWidth: 480 }}>
          <JobProgress key={exportJob.jobId} id={exportJob.jobId} />
        </div>
      )}

      {editing && <AccountFormModal record={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
      {viewing && <AccountViewModal record={viewing} onClose={() => setViewing(null)} />}
      {importing && <ImportModal onClose={() => setImporting(false)} />}
      <GeneratedOnIssueModal password={generated} onClose={() => setGenerated(null)} />
      <HistoryDrawer
        entity="distributor-account"
        machine="account"
        documentId={historyOf?.documentId}
        title={t('panel.accountHistory.title')}
        onClose={() => setHistoryOf(null)}
      />
    </Card>
  );
}
