/**
 * 采购管理 › 订单明细 (manual 001 §3.4). Hospital: its orders, 新建订单, 收货, 查验, 退货. Distributor: tabs
 * 待配送 / 撤回修改 / 已配送 / 退货处理. Manufacturer, bureau and platform admin: read only.
 */
import { useCallback, useEffect, useState } from 'react';
import { App as AntApp, Button, Card, DatePicker, Form, Input, Popconfirm, Select, Space, Table, Tabs, Typography } from 'antd';
import type { TableProps } from 'antd';
import { useGetIdentity, useGetLocale, useTranslate } from '@refinedev/core';
import dayjs from 'dayjs';
import { DELIVERY_MODE_LABELS, formatFen, orderLineMachine, type Role } from '@domain';
import type { Me } from '../../providers/session';
import { api, download, errorText, post, type Delivery, type Line, type LineDetail, type Page, type ReturnRequest } from './api';
import { DeliverModal, DeliveriesTable, HistoryDrawer, InvoiceModal, NewOrderModal, ReasonModal, ReturnModal, StatusCell } from './forms';

export function OrderLineList() {
  const { data: me } = useGetIdentity<Me>();
  const t = useTranslate();
  if (!me) return null;
  const role = me.role;
  return (
    <Card title={t('orders.title')}>
      {role === 'hospital' ? <HospitalView /> : role === 'distributor' ? <DistributorView /> : <LinesPanel role={role} tab="all" />}
    </Card>
  );
}

/* ------------------------------------------------------------------ shared */

function useLang() {
  const locale = useGetLocale()();
  return locale === 'en-US' ? 'en-US' : 'zh-CN';
}

function useRunner(onDone: () => void) {
  const { message } = AntApp.useApp();
  const t = useTranslate();
  return useCallback(
    async (fn: () => Promise<unknown>) => {
      try {
        await fn();
        message.success(t('orders.msg.done'));
        onDone();
      } catch (e) {
        message.error(errorText(e));
      }
    },
    [message, onDone, t],
  );
}

interface Filters {
  q?: string;
  status?: string;
  hospitalOrgId?: number;
  range?: [dayjs.Dayjs, dayjs.Dayjs] | null;
}

function filterQuery(f: Filters) {
  return {
    q: f.q || undefined,
    status: f.status || undefined,
    hospitalOrgId: f.hospitalOrgId || undefined,
    from: f.range?.[0]?.format('YYYY-MM-DD'),
    to: f.range?.[1]?.format('YYYY-MM-DD'),
  };
}

function FilterBar({
  role,
  statuses,
  onSearch,
  onExport,
}: {
  role: Role;
  statuses: readonly string[];
  onSearch: (f: Filters) => void;
  onExport?: (f: Filters) => void;
}) {
  const t = useTranslate();
  const lang = useLang();
  const [form] = Form.useForm<Filters>();
  const [hospitals, setHospitals] = useState<Array<{ value: number; label: string }>>([]);
  useEffect(() => {
    if (role === 'hospital') return;
    api<{ data: Array<{ id: number; name: string }> }>('/organisations', {
      query: { filters: { type: { $eq: 'hospital' } }, pagination: { pageSize: 200 }, fields: ['name'] },
    })
      .then((r) => setHospitals(r.data.map((o) => ({ value: o.id, label: o.name }))))
      .catch(() => setHospitals([]));
  }, [role]);
  return (
    <Form form={form} layout="inline" onFinish={onSearch} style={{ marginBottom: 16, rowGap: 8 }}>
      <Form.Item name="q" label={t('orders.filters.keyword')}>
        <Input allowClear style={{ width: 200 }} />
      </Form.Item>
      {role !== 'hospital' && (
        <Form.Item name="hospitalOrgId" label={t('orders.filters.hospital')}>
          <Select allowClear showSearch optionFilterProp="label" options={hospitals} style={{ width: 200 }} />
        </Form.Item>
      )}
      <Form.Item name="status" label={t('orders.filters.status')}>
        <Select allowClear style={{ width: 140 }} options={statuses.map((s) => ({ value: s, label: orderLineMachine.label(s, lang) }))} />
      </Form.Item>
      <Form.Item name="range" label={t('orders.filters.dateRange')}>
        <DatePicker.RangePicker />
      </Form.Item>
      <Space>
        <Button type="primary" htmlType="submit">
          {t('orders.filters.search')}
        </Button>
        <Button
          onClick={() => {
            form.resetFields();
            onSearch({});
          }}
        >
          {t('orders.filters.reset')}
        </Button>
        {onExport && <Button onClick={() => onExport(form.getFieldsValue())}>{t('orders.actions.export')}</Button>}
      </Space>
    </Form>
  );
}

/** Lines of one tab, server-paged with filters; `actions` renders a row's buttons; `expand` its deliveries. */
function LinesPanel({
  role,
  tab,
  actions,
  toolbar,
  selectable,
  version = 0,
  deliveryActions,
  onSelect,
  selected,
}: {
  role: Role;
  tab: 'todo' | 'delivered' | 'all';
  actions?: (l: Line) => React.ReactNode;
  toolbar?: React.ReactNode;
  selectable?: boolean;
  selected?: string[];
  onSelect?: (ids: string[]) => void;
  version?: number;
  deliveryActions?: (d: Delivery, line: LineDetail) => React.ReactNode;
}) {
  const t = useTranslate();
  const lang = useLang();
  const { message } = AntApp.useApp();
  const [filters, setFilters] = useState<Filters>({});
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [data, setData] = useState<Page<Line> | null>(null);
  const [loading, setLoading] = useState(false);
  const [history, setHistory] = useState<string | null>(null);
  const [details, setDetails] = useState<Record<string, LineDetail>>({});
  const [expanded, setExpanded] = useState<string[]>([]);

  const query = useCallback(() => ({ tab, ...filterQuery(filters), pagination: { page, pageSize }, sort: 'orderedAt:desc' }), [tab, filters, page, pageSize]);
  useEffect(() => {
    setLoading(true);
    api<Page<Line>>('/order-lines/search', { query: query() })
      .then(setData)
      .catch((e) => message.error(errorText(e)))
      .finally(() => setLoading(false));
  }, [query, version, message]);
  useEffect(() => {
    for (const id of expanded) api<{ data: LineDetail }>(`/order-lines/${id}/detail`).then((r) => setDetails((d) => ({ ...d, [id]: r.data })));
  }, [expanded, version]);

  const statuses =
    tab === 'todo' ? ['pending', 'confirmed', 'delivering'] : tab === 'delivered' ? ['delivering', 'delivered', 'terminated'] : orderLineMachine.stateNames;
  const columns: TableProps<Line>['columns'] = [
    { title: t('orders.cols.orderCode'), render: (_, l) => `${l.orderCode}-${l.lineNo}`, width: 200 },
    ...(role !== 'hospital' ? [{ title: t('orders.cols.hospital'), dataIndex: 'hospitalName' }] : []),
    ...(role !== 'distributor' ? [{ title: t('orders.cols.distributor'), dataIndex: 'distributorName' }] : []),
    {
      title: t('orders.cols.product'),
      render: (_, l) => (
        <span>
          {l.productName}
          <br />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {l.productCode} {l.spec}
          </Typography.Text>
        </span>
      ),
    },
    { title: t('orders.cols.quantity'), dataIndex: 'quantity', width: 90 },
    { title: t('orders.cols.unitPrice'), render: (_, l) => formatFen(l.unitPriceFen), width: 110 },
    { title: t('orders.cols.amount'), render: (_, l) => formatFen(l.amountFen), width: 120 },
    {
      title: t('orders.cols.status'),
      render: (_, l) => <StatusCell machine="orderLine" value={l.status} note={l.status === 'rejected' || l.status === 'terminated' ? l.reason : null} />,
      width: 130,
    },
    {
      title: t('orders.cols.mode'),
      render: (_, l) => (l.deliveryMode ? DELIVERY_MODE_LABELS[l.deliveryMode][lang === 'en-US' ? 'en' : 'zh'] : '—'),
      width: 110,
    },
    {
      title: `${t('orders.cols.delivered')}/${t('orders.cols.received')}/${t('orders.cols.returned')}`,
      render: (_, l) => `${l.deliveredQty}/${l.receivedQty}/${l.returnedQty}`,
      width: 130,
    },
    { title: t('orders.cols.orderedAt'), render: (_, l) => (l.orderedAt ? dayjs(l.orderedAt).format('YYYY-MM-DD HH:mm') : ''), width: 150 },
    {
      title: t('orders.cols.actions'),
      render: (_, l) => (
        <Space wrap size={4}>
          {actions?.(l)}
          <Button size="small" type="link" onClick={() => setHistory(l.documentId)}>
            {t('orders.actions.history')}
          </Button>
        </Space>
      ),
    },
  ];
  const total = data?.meta.pagination.total ?? 0;
  return (
    <>
      <FilterBar
        role={role}
        statuses={statuses}
        onSearch={(f) => {
          setFilters(f);
          setPage(1);
        }}
        onExport={(f) =>
          download('/order-lines/export', { tab, ...filterQuery(f), lang }, `${t('orders.title')}.xlsx`)
            .then(() => message.success(t('orders.msg.exported')))
            .catch((e) => message.error(errorText(e)))
        }
      />
      {toolbar}
      <Table<Line>
        rowKey="documentId"
        size="middle"
        loading={loading}
        dataSource={data?.data ?? []}
        columns={columns}
        scroll={{ x: 1300 }}
        rowSelection={
          selectable
            ? {
                selectedRowKeys: selected ?? [],
                onChange: (keys) => onSelect?.(keys as string[]),
                getCheckboxProps: (l) => ({ disabled: l.status !== 'pending' }),
              }
            : undefined
        }
        expandable={{
          expandedRowKeys: expanded,
          onExpandedRowsChange: (keys) => setExpanded(keys as string[]),
          expandIcon: ({ expanded: open, onExpand, record, expandable }) =>
            expandable ? (
              <Button size="small" type="text" aria-expanded={open} aria-label={t('orders.actions.details')} onClick={(e) => onExpand(record, e)}>
                {open ? '−' : '+'}
              </Button>
            ) : null,
          rowExpandable: (l) =>
            l.deliveryCount > 0 ||
            l.deliveredQty > 0 ||
            l.status === 'delivered' ||
            l.status === 'terminated' ||
            l.returnedQty > 0 ||
            l.status === 'delivering',
          expandedRowRender: (l) => {
            const d = details[l.documentId];
            if (!d) return <Typography.Text type="secondary">…</Typography.Text>;
            return (
              <Space direction="vertical" style={{ width: '100%' }}>
                <DeliveriesTable rows={d.deliveries} extra={deliveryActions ? (x) => deliveryActions(x, d) : undefined} />
                {d.returns.length > 0 && <ReturnsTable rows={d.returns} />}
              </Space>
            );
          },
        }}
        pagination={{
          current: page,
          pageSize,
          total,
          showSizeChanger: true,
          showTotal: (n) => (data?.meta.pagination.totalCapped ? t('orders.msg.totalCapped', { n }) : `${n}`),
          onChange: (p, s) => {
            setPage(p);
            setPageSize(s);
          },
        }}
      />
      <HistoryDrawer documentId={history} onClose={() => setHistory(null)} />
    </>
  );
}

function ReturnsTable({ rows, actions }: { rows: ReturnRequest[]; actions?: (r: ReturnRequest) => React.ReactNode }) {
  const t = useTranslate();
  const withLine = rows.some((r) => r.orderCode);
  return (
    <Table<ReturnRequest>
      size="small"
      rowKey="documentId"
      pagination={false}
      dataSource={rows}
      columns={[
        ...(withLine
          ? [
              { title: t('orders.cols.orderCode'), render: (_: unknown, r: ReturnRequest) => `${r.orderCode}-${r.lineNo}` },
              { title: t('orders.cols.product'), dataIndex: 'productName' },
              { title: t('orders.cols.hospital'), dataIndex: 'hospitalName' },
            ]
          : []),
        { title: t('orders.cols.returnQty'), dataIndex: 'quantity', width: 90 },
        { title: t('orders.cols.returnReason'), dataIndex: 'reason' },
        { title: t('orders.cols.requestedAt'), render: (_: unknown, r: ReturnRequest) => (r.createdAt ? dayjs(r.createdAt).format('YYYY-MM-DD HH:mm') : '') },
        { title: t('orders.cols.answer'), render: (_: unknown, r: ReturnRequest) => <StatusCell machine="return" value={r.status} note={r.refuseReason} /> },
        ...(actions ? [{ title: t('orders.cols.actions'), render: (_: unknown, r: ReturnRequest) => actions(r) }] : []),
      ]}
    />
  );
}

function usePaged<T>(path: string, query: Record<string, unknown>, version: number) {
  const { message } = AntApp.useApp();
  const [page, setPage] = useState(1);
  const [data, setData] = useState<Page<T> | null>(null);
  const [loading, setLoading] = useState(false);
  const key = JSON.stringify(query);
  useEffect(() => {
    setLoading(true);
    api<Page<T>>(path, { query: { ...JSON.parse(key), pagination: { page, pageSize: 20 } } })
      .then(setData)
      .catch((e) => message.error(errorText(e)))
      .finally(() => setLoading(false));
  }, [path, key, page, version, message]);
  return { data, loading, page, setPage };
}

/* ------------------------------------------------------------------ hospital */

function HospitalView() {
  const t = useTranslate();
  const { message } = AntApp.useApp();
  const [version, setVersion] = useState(0);
  const bump = useCallback(() => setVersion((v) => v + 1), []);
  const run = useRunner(bump);
  const [creating, setCreating] = useState(false);
  const [returning, setReturning] = useState<Line | null>(null);
  const [failing, setFailing] = useState<string | null>(null);
  const returns = usePaged<ReturnRequest>('/order-returns', {}, version);
  return (
    <>
      <Tabs
        items={[
          {
            key: 'lines',
            label: t('orders.tabs.lines'),
            children: (
              <LinesPanel
                role="hospital"
                tab="all"
                version={version}
                toolbar={
                  <Space style={{ marginBottom: 12 }}>
                    <Button type="primary" onClick={() => setCreating(true)}>
                      {t('orders.actions.newOrder')}
                    </Button>
                  </Space>
                }
                actions={(l) =>
                  l.receivedQty - l.returnedQty - l.returnPendingQty > 0 ? (
                    <Button size="small" onClick={() => setReturning(l)}>
                      {t('orders.actions.return')}
                    </Button>
                  ) : null
                }
                deliveryActions={(d) => (
                  <Space size={4} wrap>
                    {d.status === 'shipped' && (
                      <Popconfirm
                        title={t('orders.confirm.receive')}
                        okText={t('orders.actions.ok')}
                        cancelText={t('orders.actions.cancel')}
                        onConfirm={() => run(() => post(`/order-deliveries/${d.documentId}/receive`))}
                      >
                        <Button size="small" type="primary">
                          {t('orders.actions.receive')}
                        </Button>
                      </Popconfirm>
                    )}
                    {d.invoiceStatus === 'pending' && d.status !== 'withdrawn' && (
                      <>
                        <Button size="small" onClick={() => run(() => post(`/order-deliveries/${d.documentId}/check`, { result: 'pass' }))}>
                          {t('orders.actions.pass')}
                        </Button>
                        <Button size="small" danger onClick={() => setFailing(d.documentId)}>
                          {t('orders.actions.fail')}
                        </Button>
                      </>
                    )}
                  </Space>
                )}
              />
            ),
          },
          {
            key: 'returns',
            label: t('orders.tabs.myReturns'),
            children: <ReturnsTable rows={returns.data?.data ?? []} />,
          },
        ]}
      />
      <NewOrderModal
        open={creating}
        onClose={() => setCreating(false)}
        onDone={(code) => {
          setCreating(false);
          message.success(t('orders.msg.ordered', { code }));
          bump();
        }}
      />
      <ReturnModal
        line={returning}
        onClose={() => setReturning(null)}
        onDone={() => {
          setReturning(null);
          message.success(t('orders.msg.done'));
          bump();
        }}
      />
      <ReasonModal
        open={!!failing}
        title={t('orders.titles.check')}
        okText={t('orders.actions.fail')}
        onClose={() => setFailing(null)}
        onSubmit={async (reason) => {
          await post(`/order-deliveries/${failing}/check`, { result: 'fail', reason });
          setFailing(null);
          message.success(t('orders.msg.done'));
          bump();
        }}
      />
    </>
  );
}

/* ------------------------------------------------------------------ distributor */

function DistributorView() {
  const t = useTranslate();
  const { message } = AntApp.useApp();
  const [version, setVersion] = useState(0);
  const bump = useCallback(() => setVersion((v) => v + 1), []);
  const run = useRunner(bump);
  const [selected, setSelected] = useState<string[]>([]);
  const [rejecting, setRejecting] = useState<string[] | null>(null);
  const [delivering, setDelivering] = useState<Line | null>(null);
  const [invoice, setInvoice] = useState<{ d: Delivery; title: string } | null>(null);
  const [refusing, setRefusing] = useState<string | null>(null);
  const rework = usePaged<Delivery>('/order-deliveries', { rework: 1 }, version);
  const returns = usePaged<ReturnRequest>('/order-returns', {}, version);
  const done = () => {
    message.success(t('orders.msg.done'));
    bump();
  };

  const lineActions = (l: Line) => (
    <>
      {orderLineMachine.can('confirm', l.status) && (
        <Button size="small" type="primary" onClick={() => run(() => post('/order-lines/confirm', { ids: [l.documentId] }))}>
          {t('orders.actions.confirm')}
        </Button>
      )}
      {orderLineMachine.can('reject', l.status) && (
        <Button size="small" danger onClick={() => setRejecting([l.documentId])}>
          {t('orders.actions.reject')}
        </Button>
      )}
      {(l.status === 'confirmed' || l.status === 'delivering') && (
        <Button size="small" type="primary" onClick={() => setDelivering(l)}>
          {l.deliveredQty > 0 ? t('orders.actions.continueDeliver') : t('orders.actions.deliver')}
        </Button>
      )}
      {orderLineMachine.can('terminate', l.status) && (
        <Popconfirm
          title={t('orders.confirm.terminate')}
          okText={t('orders.actions.ok')}
          cancelText={t('orders.actions.cancel')}
          onConfirm={() => run(() => post(`/order-lines/${l.documentId}/terminate`))}
        >
          <Button size="small">{t('orders.actions.terminate')}</Button>
        </Popconfirm>
      )}
    </>
  );

  return (
    <>
      <Tabs
        destroyOnHidden
        items={[
          {
            key: 'todo',
            label: t('orders.tabs.todo'),
            children: (
              <LinesPanel
                role="distributor"
                tab="todo"
                version={version}
                selectable
                selected={selected}
                onSelect={setSelected}
                actions={lineActions}
                toolbar={
                  <Space style={{ marginBottom: 12 }}>
                    <Popconfirm
                      title={t('orders.confirm.confirmLines', { n: selected.length })}
                      disabled={!selected.length}
                      okText={t('orders.actions.ok')}
                      cancelText={t('orders.actions.cancel')}
                      onConfirm={() =>
                        run(async () => {
                          await post('/order-lines/confirm', { ids: selected });
                          setSelected([]);
                        })
                      }
                    >
                      <Button disabled={!selected.length}>{t('orders.actions.confirmSelected')}</Button>
                    </Popconfirm>
                    <Button danger disabled={!selected.length} onClick={() => setRejecting(selected)}>
                      {t('orders.actions.rejectSelected')}
                    </Button>
                  </Space>
                }
              />
            ),
          },
          {
            key: 'rework',
            label: t('orders.tabs.rework'),
            children: (
              <Table<Delivery>
                rowKey="documentId"
                loading={rework.loading}
                dataSource={rework.data?.data ?? []}
                scroll={{ x: 1100 }}
                pagination={{ current: rework.page, pageSize: 20, total: rework.data?.meta.pagination.total ?? 0, onChange: rework.setPage }}
                columns={[
                  { title: t('orders.cols.orderCode'), render: (_, d) => `${d.orderCode}-${d.lineNo}` },
                  { title: t('orders.cols.hospital'), dataIndex: 'hospitalName' },
                  { title: t('orders.cols.product'), dataIndex: 'productName' },
                  { title: t('orders.cols.seq'), dataIndex: 'seq' },
                  { title: t('orders.cols.quantity'), dataIndex: 'quantity' },
                  { title: t('orders.cols.batchNo'), dataIndex: 'batchNo' },
                  { title: t('orders.cols.invoice'), render: (_, d) => (d.invoiceNo ? `${d.invoiceCode ? `${d.invoiceCode} ` : ''}${d.invoiceNo}` : '—') },
                  { title: t('orders.cols.invoiceStatus'), render: (_, d) => <StatusCell machine="invoice" value={d.invoiceStatus} note={d.invoiceReason} /> },
                  { title: t('orders.cols.deliveryStatus'), render: (_, d) => <StatusCell machine="delivery" value={d.status} /> },
                  {
                    title: t('orders.cols.actions'),
                    render: (_, d) => (
                      <Space size={4}>
                        {d.status === 'shipped' && (
                          <Popconfirm
                            title={t('orders.confirm.withdraw')}
                            okText={t('orders.actions.ok')}
                            cancelText={t('orders.actions.cancel')}
                            onConfirm={() => run(() => post(`/order-deliveries/${d.documentId}/withdraw`))}
                          >
                            <Button size="small">{t('orders.actions.withdraw')}</Button>
                          </Popconfirm>
                        )}
                        <Button size="small" type="primary" onClick={() => setInvoice({ d, title: t('orders.actions.modify') })}>
                          {t('orders.actions.modify')}
                        </Button>
                      </Space>
                    ),
                  },
                ]}
              />
            ),
          },
          {
            key: 'delivered',
            label: t('orders.tabs.delivered'),
            children: (
              <LinesPanel
                role="distributor"
                tab="delivered"
                version={version}
                actions={lineActions}
                deliveryActions={(d) =>
                  d.invoiceStatus === 'missing' && d.status !== 'withdrawn' ? (
                    <Button size="small" onClick={() => setInvoice({ d, title: t('orders.actions.fillInvoice') })}>
                      {t('orders.actions.fillInvoice')}
                    </Button>
                  ) : null
                }
              />
            ),
          },
          {
            key: 'returns',
            label: t('orders.tabs.returns'),
            children: (
              <ReturnsTable
                rows={returns.data?.data ?? []}
                actions={(r) =>
                  r.status === 'pending' ? (
                    <Space size={4}>
                      <Popconfirm
                        title={t('orders.confirm.agree', { n: r.quantity })}
                        okText={t('orders.actions.ok')}
                        cancelText={t('orders.actions.cancel')}
                        onConfirm={() => run(() => post(`/order-returns/${r.documentId}/agree`))}
                      >
                        <Button size="small" type="primary">
                          {t('orders.actions.agreeReturn')}
                        </Button>
                      </Popconfirm>
                      <Button size="small" danger onClick={() => setRefusing(r.documentId)}>
                        {t('orders.actions.refuseReturn')}
                      </Button>
                    </Space>
                  ) : null
                }
              />
            ),
          },
        ]}
      />
      <ReasonModal
        open={!!rejecting}
        title={t('orders.titles.reject')}
        okText={t('orders.actions.reject')}
        onClose={() => setRejecting(null)}
        onSubmit={async (reason) => {
          await post('/order-lines/reject', { ids: rejecting, reason });
          setRejecting(null);
          setSelected([]);
          done();
        }}
      />
      <ReasonModal
        open={!!refusing}
        title={t('orders.titles.refuseReturn')}
        okText={t('orders.actions.refuseReturn')}
        onClose={() => setRefusing(null)}
        onSubmit={async (reason) => {
          await post(`/order-returns/${refusing}/refuse`, { reason });
          setRefusing(null);
          done();
        }}
      />
      <DeliverModal
        line={delivering}
        onClose={() => setDelivering(null)}
        onDone={() => {
          setDelivering(null);
          done();
        }}
      />
      <InvoiceModal
        delivery={invoice?.d ?? null}
        title={invoice?.title ?? ''}
        onClose={() => setInvoice(null)}
        onDone={() => {
          setInvoice(null);
          done();
        }}
      />
    </>
  );
}
