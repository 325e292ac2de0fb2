/**
 * 配送关系管理 › 生产配送关系: the delegations the caller may read; a distributor sees the ones it
 * received and the ones it passed on (下级配送). Buttons and checkboxes follow the `actions` the server
 * listed per row.
 */
import { useMemo, useState } from 'react';
import { useGetIdentity, useGetLocale, useTranslate } from '@refinedev/core';
import { useTable } from '@refinedev/antd';
import { App, Button, Card, Input, Select, Space, Table, Tabs, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router';
import { delegationMachine, TODO_STATUSES } from '@domain';
import { downloadFile } from '../../components/api-helpers';
import { emptyLocale } from '../../components/empty-hint';
import { useDetailsExpandable } from '../../components/row-details';
import type { Me } from '../../providers/session';
import { useRowAction } from '../../hooks/use-row-action';
import { HistoryDrawer } from '../../components/history-drawer';
import { useDelegationColumns, useDelegationDetails } from './columns';
import { DelegationProductsDrawer } from './products-drawer';
import { SubDelegateModal } from './sub-delegate-modal';
import { RejectDelegationModal } from './reject-modal';
import type { DelegationRow } from './types';

type Box = 'incoming' | 'outgoing';

export function DelegationList() {
  const t = useTranslate();
  const lang = useGetLocale()() === 'en-US' ? 'en-US' : 'zh-CN';
  const { modal, message } = App.useApp();
  const { data: me } = useGetIdentity<Me>();
  const role = me?.role;
  const isDistributor = role === 'distributor';
  const [box, setBox] = useState<Box>('incoming');
  const [params] = useSearchParams();
  // 工作台 去处理 (?todo=1): the rows waiting for the caller, as the to-do count counts them.
  const todoStatuses = (role === 'manufacturer' ? TODO_STATUSES.manufacturerDelegations : TODO_STATUSES.distributorDelegations).join(',');
  const [status, setStatus] = useState<string | undefined>(() => (params.get('todo') ? todoStatuses : undefined));
  const [q, setQ] = useState('');
  const [selected, setSelected] = useState<string[]>([]);
  const [productsOf, setProductsOf] = useState<DelegationRow | null>(null);
  const [historyOf, setHistoryOf] = useState<DelegationRow | null>(null);
  const [subOf, setSubOf] = useState<DelegationRow | null>(null);
  const [rejecting, setRejecting] = useState<string[] | null>(null);
  const { run, running } = useRowAction();

  const query = useMemo(() => ({ ...(status ? { status } : {}), ...(q ? { q } : {}), ...(isDistributor ? { box } : {}) }), [status, q, box, isDistributor]);
  const details = useDelegationDetails();
  const expandable = useDetailsExpandable<DelegationRow>(details);
  const exportXlsx = () =>
    downloadFile('/api/delegation-list/export', query, `${t('delegations.title')}.xlsx`)
      .then(() => message.success(t('panel.exported')))
      .catch((e: Error) => message.error(e.message));
  const { tableProps, setCurrentPage } = useTable<DelegationRow>({
    resource: 'delegations',
    meta: { apiPath: 'delegation-list', query },
    pagination: { pageSize: 10 },
    sorters: { mode: 'off' },
    filters: { mode: 'off' },
    syncWithLocation: false,
    queryOptions: { enabled: !!role },
  });
  const rows = (tableProps.dataSource ?? []) as DelegationRow[];
  const selectedRows = rows.filter((r) => selected.includes(r.documentId));
  /** A batch action is offered when every ticked row lists it. */
  const batchAllows = (action: string) => selectedRows.length > 0 && selectedRows.every((r) => (r.actions as readonly string[]).includes(action));

  const restart = () => {
    setCurrentPage(1);
    setSelected([]);
  };
  const accept = (ids: string[]) =>
    modal.confirm({
      title: t('delegations.acceptConfirm', { n: ids.length }),
      okText: t('delegations.accept'),
      cancelText: t('delegations.cancel'),
      onOk: () => run({ url: '/delegations/respond', values: { action: 'accept', ids }, success: t('delegations.done') }).then(() => setSelected([])),
    });
  const withdraw = (r: DelegationRow) =>
    modal.confirm({
      title: t('delegations.withdrawConfirm'),
      okText: t('delegations.withdraw'),
      cancelText: t('delegations.cancel'),
      onOk: () => run({ url: `/delegations/${r.documentId}/withdraw`, success: t('delegations.done') }),
    });

  const columns = useDelegationColumns({
    accept,
    reject: setRejecting,
    withdraw,
    subDelegate: setSubOf,
    products: setProductsOf,
    history: setHistoryOf,
  });
  const incoming = isDistributor && box === 'incoming';

  return (
    <Card
      title={
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('delegations.title')}
        </Typography.Title>
      }
      extra={role === 'manufacturer' ? <Link to="/catalogue">{t('delegations.newDelegation')}</Link> : null}
    >
      {isDistributor && (
        <Tabs
          activeKey={box}
          onChange={(k) => {
            setBox(k as Box);
            restart();
          }}
          items={[
            { key: 'incoming', label: t('delegations.incoming') },
            { key: 'outgoing', label: t('delegations.outgoing') },
          ]}
        />
      )}
      {role === 'manufacturer' && <Typography.Paragraph type="secondary">{t('delegations.newHint')}</Typography.Paragraph>}
      <Space wrap style={{ marginBottom: 16 }}>
        <span>{t('delegations.status')}</span>
        <Select
          aria-label={t('delegations.status')}
          allowClear
          placeholder={t('delegations.all')}
          style={{ width: 140 }}
          value={status}
          onChange={(v) => {
            setStatus(v);
            restart();
          }}
          options={[
            ...(role === 'manufacturer' || isDistributor ? [{ value: todoStatuses, label: t('panel.todoFilter') }] : []),
            ...delegationMachine.stateNames.map((s) => ({ value: s, label: delegationMachine.label(s, lang) })),
          ]}
        />
        <Input.Search
          aria-label={t('panel.keyword')}
          placeholder={t('panel.delegationSearch')}
          allowClear
          enterButton={t('panel.search')}
          style={{ width: 300 }}
          onSearch={(v) => {
            setQ(v.trim());
            restart();
          }}
        />
        <Button onClick={exportXlsx}>{t('panel.export')}</Button>
        {incoming && (
          <>
            <Button type="primary" disabled={!batchAllows('accept') || running} onClick={() => accept(selected)}>
              {t('delegations.batchAccept')}
            </Button>
            <Button danger disabled={!batchAllows('reject') || running} onClick={() => setRejecting(selected)}>
              {t('delegations.batchReject')}
            </Button>
            {selected.length > 0 && <Typography.Text type="secondary">{t('delegations.selectedRows', { n: selected.length })}</Typography.Text>}
          </>
        )}
      </Space>
      <Table<DelegationRow>
        {...tableProps}
        rowKey="documentId"
        scroll={{ x: 'max-content' }}
        tableLayout="fixed"
        columns={columns}
        expandable={expandable}
        locale={emptyLocale(t('panel.empty.delegations'))}
        pagination={{ ...tableProps.pagination, showSizeChanger: true, showTotal: (n) => t('delegations.total', { n }) }}
        rowSelection={
          incoming
            ? {
                selectedRowKeys: selected,
                onChange: (keys) => setSelected(keys.map(String)),
                getCheckboxProps: (r) => ({
                  disabled: !r.actions.some((a) => a === 'accept' || a === 'reject'),
                  'aria-label': `${r.manufacturerName ?? ''} ${r.provinceName} ${r.productCount}`,
                }),
              }
            : undefined
        }
      />
      {productsOf && <DelegationProductsDrawer row={productsOf} onClose={() => setProductsOf(null)} />}
      <HistoryDrawer
        entity="delegation"
        machine="delegation"
        documentId={historyOf?.documentId}
        title={t('delegations.timeline')}
        onClose={() => setHistoryOf(null)}
      />
      {subOf && <SubDelegateModal row={subOf} onClose={() => setSubOf(null)} />}
      {rejecting && (
        <RejectDelegationModal
          ids={rejecting}
          onClose={(done) => {
            setRejecting(null);
            if (done) setSelected([]);
          }}
        />
      )}
    </Card>
  );
}
