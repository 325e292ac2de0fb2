import { useEffect, useMemo, useState } from 'react';
import { useGetIdentity, useTranslate } from '@refinedev/core';
import { App, Button, Card, Checkbox, Drawer, Form, Input, Modal, Popconfirm, Select, Space, Table, Tabs, Timeline, Typography } from 'antd';
import { Link } from 'react-router';
import { DELEGATION_LEVEL_LABELS, delegationMachine, describeHistoryEntry, type DelegationAction, type DelegationLevel } from '@domain';
import type { Me } from '../../providers/session';
import { isHttpError } from '../../providers/http-client';
import { StatusTag } from '../../components/status-tag';
import { chinaDateTime, getJson, postJson, usePaged, yuan } from '../../components/api-helpers';
import { useDelegationOptions } from './options';

export interface DelegationRow {
  id: number;
  documentId: string;
  level: number;
  status: string;
  provinceCode: string;
  provinceName: string;
  manufacturerOrgId: number;
  manufacturerName: string | null;
  delegatorOrgId: number;
  delegatorName: string | null;
  distributorOrgId: number;
  distributorName: string | null;
  productCount: number;
  reason: string | null;
  createdAt: string | null;
  respondedAt: string | null;
  parentDocumentId: string | null;
  actions: DelegationAction[];
}

interface ProductRow {
  documentId: string;
  code: string;
  name: string;
  registrationNo: string;
  spec: string | null;
  model: string | null;
  unit: string | null;
  priceFen: number | null;
  manufacturerName: string | null;
}

const errorText = (e: unknown) => (isHttpError(e) ? e.message : String(e));

/** 产品数量 → the products of one delegation. */
function ProductsDrawer({ row, onClose }: { row: DelegationRow; onClose: () => void }) {
  const t = useTranslate();
  const [page, setPage] = useState(1);
  const { rows, total, loading } = usePaged<ProductRow>(`/api/delegations/${row.documentId}/products`, {}, page, 20);
  return (
    <Drawer open width={880} title={`${t('delegations.products')} — ${row.manufacturerName ?? ''} · ${row.provinceName}`} onClose={onClose}>
      <Table<ProductRow>
        rowKey="documentId"
        size="small"
        loading={loading}
        dataSource={rows}
        pagination={{ current: page, pageSize: 20, total, onChange: setPage, showTotal: (n) => `共 ${n} 条` }}
        columns={[
          { title: t('catalogue.col.code'), dataIndex: 'code' },
          { title: t('catalogue.col.name'), dataIndex: 'name', render: (v, r) => <Link to={`/catalogue/show/${r.documentId}`}>{v}</Link> },
          { title: t('catalogue.col.registrationNo'), dataIndex: 'registrationNo' },
          { title: t('catalogue.col.specModel'), key: 'sm', render: (_, r) => [r.spec, r.model].filter(Boolean).join(' / ') },
          { title: t('catalogue.col.unit'), dataIndex: 'unit' },
          { title: t('catalogue.col.price'), dataIndex: 'priceFen', align: 'right', render: (v) => yuan(v) },
        ]}
      />
    </Drawer>
  );
}

/** 下级配送: the same province, all or some products, to one other distributor. */
function SubDelegateModal({ row, onClose }: { row: DelegationRow; onClose: (done: boolean) => void }) {
  const t = useTranslate();
  const { message } = App.useApp();
  const { distributors } = useDelegationOptions();
  const [form] = Form.useForm<{ distributorOrgId: number; productIds: string[] }>();
  const [busy, setBusy] = useState(false);
  const { rows } = usePaged<ProductRow>(`/api/delegations/${row.documentId}/products`, {}, 1, 1000);
  const allIds = rows.map((r) => r.documentId).join(',');
  useEffect(() => {
    if (allIds) form.setFieldValue('productIds', allIds.split(','));
  }, [allIds, form]);
  const submit = async () => {
    const v = await form.validateFields();
    setBusy(true);
    try {
      await postJson(`/api/delegations/${row.documentId}/sub-delegate`, v);
      message.success(t('delegations.created'));
      onClose(true);
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      title={t('delegations.subTitle')}
      okText={t('delegations.submit')}
      cancelText={t('delegations.cancel')}
      confirmLoading={busy}
      onOk={submit}
      onCancel={() => onClose(false)}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('delegations.subHint')}</Typography.Paragraph>
      <Typography.Paragraph>
        {t('delegations.col.province')}：{row.provinceName}
      </Typography.Paragraph>
      <Form form={form} layout="vertical">
        <Form.Item name="distributorOrgId" label={t('delegations.distributor')} rules={[{ required: true, message: t('delegations.distributorRequired') }]}>
          <Select showSearch optionFilterProp="label" options={distributors.filter((d) => d.value !== row.distributorOrgId)} />
        </Form.Item>
        <Form.Item
          name="productIds"
          label={t('delegations.subProducts')}
          rules={[{ required: true, type: 'array', min: 1, message: t('delegations.subProductsRequired') }]}
        >
          <Checkbox.Group
            style={{ display: 'flex', flexDirection: 'column', gap: 4, maxHeight: 260, overflow: 'auto' }}
            options={rows.map((r) => ({ value: r.documentId, label: `${r.code} ${r.name}` }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 状态历史 of one delegation. */
function HistoryDrawer({ row, onClose }: { row: DelegationRow; onClose: () => void }) {
  const t = useTranslate();
  const [items, setItems] = useState<Array<{
    action: string;
    fromState: string | null;
    toState: string | null;
    reason: string | null;
    actorName: string;
    at: string;
  }> | null>(null);
  useEffect(() => {
    let live = true;
    void getJson<{ data: typeof items }>(`/api/history/delegation/${row.documentId}`).then(
      (b) => live && setItems(b.data ?? []),
      () => live && setItems([]),
    );
    return () => {
      live = false;
    };
  }, [row.documentId]);
  return (
    <Drawer open title={t('delegations.timeline')} onClose={onClose}>
      <Timeline
        items={(items ?? []).map((h) => ({
          children: (
            <>
              <div>
                {chinaDateTime(h.at)} {h.actorName}
              </div>
              <div>{describeHistoryEntry({ action: h.action, from: h.fromState, to: h.toState, reason: h.reason }, delegationMachine)}</div>
            </>
          ),
        }))}
      />
    </Drawer>
  );
}

/** 配送关系管理 › 生产配送关系. */
export function DelegationList() {
  const t = useTranslate();
  const { message, modal } = App.useApp();
  const { data: me } = useGetIdentity<Me>();
  const role = me?.role;
  const isDistributor = role === 'distributor';
  const [box, setBox] = useState<'incoming' | 'outgoing'>('incoming');
  const [status, setStatus] = useState<string | undefined>();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(10);
  const [selected, setSelected] = useState<string[]>([]);
  const [productsOf, setProductsOf] = useState<DelegationRow | null>(null);
  const [historyOf, setHistoryOf] = useState<DelegationRow | null>(null);
  const [subOf, setSubOf] = useState<DelegationRow | null>(null);
  const [rejecting, setRejecting] = useState<string[] | null>(null);
  const [reasonForm] = Form.useForm<{ reason: string }>();
  const [busy, setBusy] = useState(false);

  const query = useMemo(() => ({ ...(status ? { status } : {}), ...(isDistributor ? { box } : {}) }), [status, box, isDistributor]);
  const { rows, total, loading, refetch } = usePaged<DelegationRow>('/api/delegation-list', query, page, pageSize, !!role);

  const act = async (fn: () => Promise<unknown>) => {
    setBusy(true);
    try {
      await fn();
      message.success(t('delegations.done'));
      setSelected([]);
      await refetch();
      return true;
    } catch (e) {
      message.error(errorText(e));
      await refetch();
      return false;
    } finally {
      setBusy(false);
    }
  };
  const accept = (ids: string[]) =>
    modal.confirm({
      title: t('delegations.acceptConfirm', { n: ids.length }),
      okText: t('delegations.accept'),
      cancelText: t('delegations.cancel'),
      onOk: () => act(() => postJson('/api/delegations/respond', { action: 'accept', ids })),
    });
  const submitReject = async () => {
    const { reason } = await reasonForm.validateFields();
    const ok = await act(() => postJson('/api/delegations/respond', { action: 'reject', ids: rejecting, reason }));
    if (ok) {
      setRejecting(null);
      reasonForm.resetFields();
    }
  };

  const incoming = isDistributor && box === 'incoming';
  const levelLabel = (l: number) => DELEGATION_LEVEL_LABELS[(l === 2 ? 2 : 1) as DelegationLevel].zh;

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
            setBox(k as 'incoming' | 'outgoing');
            setPage(1);
            setSelected([]);
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
            setPage(1);
            setSelected([]);
          }}
          options={delegationMachine.stateNames.map((s) => ({ value: s, label: delegationMachine.label(s) }))}
        />
        {incoming && (
          <>
            <Button type="primary" disabled={!selected.length || busy} onClick={() => accept(selected)}>
              {t('delegations.batchAccept')}
            </Button>
            <Button danger disabled={!selected.length || busy} onClick={() => setRejecting(selected)}>
              {t('delegations.batchReject')}
            </Button>
            {selected.length > 0 && <Typography.Text type="secondary">{t('delegations.selectedRows', { n: selected.length })}</Typography.Text>}
          </>
        )}
      </Space>
      <Table<DelegationRow>
        rowKey="documentId"
        loading={loading}
        dataSource={rows}
        scroll={{ x: 1200 }}
        rowSelection={
          incoming
            ? {
                selectedRowKeys: selected,
                onChange: (keys) => setSelected(keys as string[]),
                getCheckboxProps: (r) => ({
                  disabled: !r.actions.includes('accept'),
                  'aria-label': `${r.manufacturerName ?? ''} ${r.provinceName} ${r.productCount}`,
                }),
              }
            : undefined
        }
        pagination={{
          current: page,
          pageSize,
          total,
          showSizeChanger: true,
          showTotal: (n) => `共 ${n} 条`,
          onChange: (p, s) => {
            setPage(p);
            setPageSize(s);
          },
        }}
        columns={[
          { title: t('delegations.col.manufacturer'), dataIndex: 'manufacturerName' },
          { title: t('delegations.col.delegator'), dataIndex: 'delegatorName', render: (v: string, r: DelegationRow) => (r.level === 2 ? v : '—') },
          { title: t('delegations.col.distributor'), dataIndex: 'distributorName' },
          { title: t('delegations.col.province'), dataIndex: 'provinceName', width: 100 },
          { title: t('delegations.col.level'), dataIndex: 'level', width: 90, render: (v: number) => levelLabel(v) },
          {
            title: t('delegations.col.productCount'),
            dataIndex: 'productCount',
            width: 90,
            render: (v: number, r: DelegationRow) =>
              v > 0 ? (
                <Button type="link" size="small" onClick={() => setProductsOf(r)} aria-label={`${t('delegations.col.productCount')} ${v}`}>
                  {v}
                </Button>
              ) : (
                v
              ),
          },
          { title: t('delegations.col.status'), dataIndex: 'status', width: 90, render: (v: string) => <StatusTag machine="delegation" value={v} /> },
          { title: t('delegations.col.reason'), dataIndex: 'reason', ellipsis: true },
          { title: t('delegations.col.createdAt'), dataIndex: 'createdAt', width: 150, render: (v: string) => chinaDateTime(v) },
          { title: t('delegations.col.respondedAt'), dataIndex: 'respondedAt', width: 150, render: (v: string) => chinaDateTime(v) },
          {
            title: t('delegations.col.actions'),
            key: 'actions',
            fixed: 'right',
            width: 240,
            render: (_: unknown, r: DelegationRow) => (
              <Space size={0} wrap>
                {r.actions.includes('accept') && (
                  <Button type="link" size="small" onClick={() => accept([r.documentId])}>
                    {t('delegations.accept')}
                  </Button>
                )}
                {r.actions.includes('reject') && (
                  <Button type="link" size="small" danger onClick={() => setRejecting([r.documentId])}>
                    {t('delegations.reject')}
                  </Button>
                )}
                {r.actions.includes('subDelegate') && (
                  <Button type="link" size="small" onClick={() => setSubOf(r)}>
                    {t('delegations.subDelegate')}
                  </Button>
                )}
                {r.actions.includes('withdraw') && (
                  <Popconfirm
                    title={t('delegations.withdrawConfirm')}
                    okText={t('delegations.withdraw')}
                    cancelText={t('delegations.cancel')}
                    onConfirm={() => act(() => postJson(`/api/delegations/${r.documentId}/withdraw`, {}))}
                  >
                    <Button type="link" size="small">
                      {t('delegations.withdraw')}
                    </Button>
                  </Popconfirm>
                )}
                <Button type="link" size="small" onClick={() => setHistoryOf(r)}>
                  {t('delegations.history')}
                </Button>
              </Space>
            ),
          },
        ]}
      />
      {productsOf && <ProductsDrawer row={productsOf} onClose={() => setProductsOf(null)} />}
      {historyOf && <HistoryDrawer row={historyOf} onClose={() => setHistoryOf(null)} />}
      {subOf && (
        <SubDelegateModal
          row={subOf}
          onClose={(done) => {
            setSubOf(null);
            if (done) void refetch();
          }}
        />
      )}
      <Modal
        open={rejecting !== null}
        title={t('delegations.rejectTitle')}
        okText={t('delegations.reject')}
        okButtonProps={{ danger: true }}
        cancelText={t('delegations.cancel')}
        confirmLoading={busy}
        onOk={submitReject}
        onCancel={() => {
          setRejecting(null);
          reasonForm.resetFields();
        }}
      >
        <Form form={reasonForm} layout="vertical">
          <Form.Item
            name="reason"
            label={t('delegations.reason')}
            extra={t('delegations.reasonHint')}
            rules={[{ required: true, whitespace: true, message: t('delegations.reasonRequired') }, { max: 500 }]}
          >
            <Input.TextArea rows={3} maxLength={500} showCount />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
