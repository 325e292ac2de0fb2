/**
 * 用户管理 › 配送企业管理 (manual 000 §3.2): 本省配送企业用户列表 with its filters, row actions by state
 * (from @domain accountActions), 账号添加 / 修改 / 编辑, 发放 one or the ticked rows, 启用 / 禁用,
 * 重置密码, 删除, 查看, 模板下载, 导入 and 导出. All rules live on the server; this page only asks.
 */
import { useCallback, useEffect, useState } from 'react';
import { App, Button, Card, Form, Input, Select, Space, Table, Tag, Typography } from 'antd';
import type { TablePaginationConfig } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { SorterResult, SortOrder } from 'antd/es/table/interface';
import { useGetIdentity, useGetLocale, useTranslate } from '@refinedev/core';
import { ACCOUNT_ENABLED_LABELS, accountActionLabel, YES_NO_LABELS, type AccountAction } from '@domain';
import { apiFetch, isHttpError } from '../../providers/http-client';
import { encodeQuery, type QueryObject } from '../../providers/strapi-query';
import { getToken, type Me } from '../../providers/session';
import { isLang } from '../../providers/i18n-provider';
import { AccountFormModal } from './form-modal';
import { AccountViewModal } from './view-modal';
import { ImportModal } from './import-modal';
import { downloadFile } from '../../components/api-helpers';
import { formatDateTime } from './util';

export const MANAGE = '/api/distributor-accounts/manage';

export interface AccountRecord {
  documentId: string;
  username: string;
  provincialAccount: string;
  companyName: string;
  creditCode: string;
  legalPerson: string;
  authorisedPerson: string;
  phone: string;
  provinceCode: string;
  issued: boolean;
  issuedAt: string | null;
  enabled: boolean;
  loggedIn: boolean;
  lastLoginAt: string | null;
  createdAt: string | null;
  distributionAreas: string[];
  actions: AccountAction[];
}

interface Filters {
  username?: string;
  companyName?: string;
  provincialAccount?: string;
  enabled?: string;
  issued?: string;
  loggedIn?: string;
}

export function DistributorAccountList() {
  const t = useTranslate();
  const locale = useGetLocale()();
  const lang = isLang(locale) ? locale : 'zh-CN';
  const { message, modal } = App.useApp();
  const { data: me } = useGetIdentity<Me>();
  const isBureau = me?.role === 'bureau';
  const [form] = Form.useForm<Filters>();
  const [filters, setFilters] = useState<Filters>({});
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(10);
  const [sort, setSort] = useState('createdAt:desc');
  const [rows, setRows] = useState<AccountRecord[]>([]);
  const [total, setTotal] = useState(0);
  const [loading, setLoading] = useState(false);
  const [selected, setSelected] = useState<string[]>([]);
  const [editing, setEditing] = useState<AccountRecord | 'new' | null>(null);
  const [viewing, setViewing] = useState<AccountRecord | null>(null);
  const [importing, setImporting] = useState(false);
  const [reload, setReload] = useState(0);

  const query = useCallback(
    (extra: QueryObject = {}): QueryObject => {
      const q: QueryObject = { sort, ...extra };
      for (const [k, v] of Object.entries(filters)) if (v !== undefined && v !== '') q[k] = v;
      return q;
    },
    [filters, sort],
  );

  useEffect(() => {
    let live = true;
    setLoading(true);
    apiFetch<{ data: AccountRecord[]; meta: { pagination: { total: number } } }>(MANAGE, {
      token: getToken(),
      query: encodeQuery(query({ pagination: { page, pageSize } })),
    })
      .then((body) => {
        if (!live) return;
        setRows(body.data);
        setTotal(body.meta.pagination.total);
      })
      .catch((err) => live && message.error(isHttpError(err) ? err.message : String(err)))
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [query, page, pageSize, reload, message]);

  const refresh = () => setReload((n) => n + 1);

  const act = async (path: string, method: 'POST' | 'DELETE', body: unknown, done: string) => {
    try {
      await apiFetch(path, { method, token: getToken(), body });
      message.success(done);
      setSelected([]);
      refresh();
    } catch (err) {
      message.error(isHttpError(err) ? err.message : String(err));
    }
  };

  const confirm = (content: string, onOk: () => Promise<void>) =>
    modal.confirm({ title: content, okText: t('accounts.confirm.ok'), cancelText: t('accounts.confirm.cancel'), onOk });

  const runAction = (r: AccountRecord, a: AccountAction) => {
    const u = { username: r.username };
    switch (a) {
      case 'view':
        return setViewing(r);
      case 'edit':
        return setEditing(r);
      case 'issue':
        return confirm(t('accounts.confirm.issue', u), () =>
          act(`${MANAGE}/issue`, 'POST', { documentIds: [r.documentId] }, t('accounts.done.issued', { count: 1 })),
        );
      case 'delete':
        return confirm(t('accounts.confirm.delete', u), () => act(`${MANAGE}/${r.documentId}`, 'DELETE', undefined, t('accounts.done.deleted')));
      case 'enable':
        return confirm(t('accounts.confirm.enable', u), () => act(`${MANAGE}/${r.documentId}/enable`, 'POST', {}, t('accounts.done.enabled')));
      case 'disable':
        return confirm(t('accounts.confirm.disable', u), () => act(`${MANAGE}/${r.documentId}/disable`, 'POST', {}, t('accounts.done.disabled')));
      case 'resetPassword':
        return confirm(t('accounts.confirm.resetPassword', u), () =>
          act(`${MANAGE}/${r.documentId}/reset-password`, 'POST', {}, t('accounts.done.resetPassword')),
        );
    }
  };

  const issueSelected = () => {
    if (selected.length === 0) {
      message.warning(t('accounts.list.selectFirst'));
      return;
    }
    confirm(t('accounts.confirm.issueMany', { count: selected.length }), () =>
      act(`${MANAGE}/issue`, 'POST', { documentIds: selected }, t('accounts.done.issued', { count: selected.length })),
    );
  };

  const yesNo = (v: boolean) => (v ? YES_NO_LABELS.yes : YES_NO_LABELS.no)[lang === 'en-US' ? 'en' : 'zh'];
  const sortOrder = (key: string): SortOrder => (sort.startsWith(`${key}:`) ? (sort.endsWith(':asc') ? 'ascend' : 'descend') : null);

  const columns: ColumnsType<AccountRecord> = [
    {
      title: t('accounts.list.actions'),
      key: 'actions',
      render: (_: unknown, r: AccountRecord) => (
        <Space size={0} wrap>
          {r.actions
            .filter((a) => isBureau || a === 'view')
            .map((a) => (
              <Button key={a} type="link" size="small" danger={a === 'delete' || a === 'disable'} onClick={() => runAction(r, a)}>
                {accountActionLabel(a, r, lang)}
              </Button>
            ))}
        </Space>
      ),
    },
    { title: t('accounts.list.username'), dataIndex: 'username', key: 'username', sorter: true, sortOrder: sortOrder('username') },
    {
      title: t('accounts.list.provincialAccount'),
      dataIndex: 'provincialAccount',
      key: 'provincialAccount',
      sorter: true,
      sortOrder: sortOrder('provincialAccount'),
    },
    { title: t('accounts.list.companyName'), dataIndex: 'companyName', key: 'companyName', sorter: true, sortOrder: sortOrder('companyName') },
    {
      title: t('accounts.list.areas'),
      key: 'areas',
      render: (_: unknown, r: AccountRecord) => (
        <Typography.Paragraph style={{ margin: 0, maxWidth: 280 }} ellipsis={{ rows: 2, tooltip: r.distributionAreas.join(', ') }}>
          {r.distributionAreas.join(', ')}
        </Typography.Paragraph>
      ),
    },
    {
      title: t('accounts.list.status'),
      key: 'enabled',
      render: (_: unknown, r: AccountRecord) => {
        const l = r.enabled ? ACCOUNT_ENABLED_LABELS.enabled : ACCOUNT_ENABLED_LABELS.disabled;
        return <Tag color={l.color}>{lang === 'en-US' ? l.en : l.zh}</Tag>;
      },
    },
    { title: t('accounts.list.issued'), key: 'issued', render: (_: unknown, r: AccountRecord) => yesNo(r.issued) },
    { title: t('accounts.list.loggedIn'), key: 'loggedIn', render: (_: unknown, r: AccountRecord) => yesNo(r.loggedIn) },
    {
      title: t('accounts.list.lastLoginAt'),
      dataIndex: 'lastLoginAt',
      key: 'lastLoginAt',
      sorter: true,
      sortOrder: sortOrder('lastLoginAt'),
      render: (v: string | null) => formatDateTime(v),
    },
  ];

  const yesNoOptions = (yes: string, no: string) => [
    { value: '', label: t('accounts.list.all') },
    { value: 'true', label: yes },
    { value: 'false', label: no },
  ];
  const zhOrEn = (l: { zh: string; en: string }) => (lang === 'en-US' ? l.en : l.zh);

  return (
    <Card title={isBureau ? t('accounts.list.title') : t('accounts.list.allProvinces')}>
      <Form<Filters>
        form={form}
        name="accountFilters"
        layout="inline"
        style={{ marginBottom: 16, rowGap: 8 }}
        initialValues={{ enabled: '', issued: '', loggedIn: '' }}
        onFinish={(v) => {
          setFilters(v);
          setPage(1);
        }}
      >
        <Form.Item label={t('accounts.list.username')} name="username">
          <Input allowClear maxLength={50} />
        </Form.Item>
        <Form.Item label={t('accounts.list.companyName')} name="companyName">
          <Input allowClear maxLength={100} />
        </Form.Item>
        <Form.Item label={t('accounts.list.provincialAccount')} name="provincialAccount">
          <Input allowClear maxLength={20} />
        </Form.Item>
        <Form.Item label={t('accounts.list.status')} name="enabled">
          <Select style={{ width: 110 }} options={yesNoOptions(zhOrEn(ACCOUNT_ENABLED_LABELS.enabled), zhOrEn(ACCOUNT_ENABLED_LABELS.disabled))} />
        </Form.Item>
        <Form.Item label={t('accounts.list.issued')} name="issued">
          <Select style={{ width: 110 }} options={yesNoOptions(zhOrEn(YES_NO_LABELS.yes), zhOrEn(YES_NO_LABELS.no))} />
        </Form.Item>
        <Form.Item label={t('accounts.list.loggedIn')} name="loggedIn">
          <Select style={{ width: 110 }} options={yesNoOptions(zhOrEn(YES_NO_LABELS.yes), zhOrEn(YES_NO_LABELS.no))} />
        </Form.Item>
        <Form.Item>
          <Space>
            <Button type="primary" htmlType="submit">
              {t('accounts.list.search')}
            </Button>
            <Button
              onClick={() => {
                form.resetFields();
                setFilters({});
                setPage(1);
              }}
            >
              {t('accounts.list.reset')}
            </Button>
          </Space>
        </Form.Item>
      </Form>

      <Table<AccountRecord>
        rowKey="documentId"
        size="middle"
        loading={loading}
        dataSource={rows}
        columns={columns}
        scroll={{ x: 'max-content' }}
        rowSelection={
          isBureau
            ? {
                selectedRowKeys: selected,
                onChange: (keys) => setSelected(keys.map(String)),
                getCheckboxProps: (r) => ({ disabled: r.issued, 'aria-label': r.username }),
              }
            : undefined
        }
        pagination={{ current: page, pageSize, total, showSizeChanger: true, showTotal: (n) => t('accounts.list.total', { total: n }) }}
        onChange={(p: TablePaginationConfig, _f, s) => {
          const one = (Array.isArray(s) ? s[0] : s) as SorterResult<AccountRecord> | undefined;
          const key = one?.columnKey ? String(one.columnKey) : undefined;
          setSort(key && one?.order ? `${key}:${one.order === 'ascend' ? 'asc' : 'desc'}` : 'createdAt:desc');
          if (p.pageSize && p.pageSize !== pageSize) {
            setPageSize(p.pageSize);
            setPage(1);
          } else setPage(p.current ?? 1);
        }}
      />

      <Space wrap style={{ marginTop: 16 }}>
        {isBureau && (
          <>
            <Button type="primary" onClick={() => setEditing('new')}>
              {t('accounts.list.add')}
            </Button>
            <Button onClick={() => downloadFile(`${MANAGE}/template`, {}, '配送企业账号导入模板.xlsx').catch((e) => message.error(String(e?.message ?? e)))}>
              {t('accounts.list.template')}
            </Button>
            <Button onClick={() => setImporting(true)}>{t('accounts.list.import')}</Button>
            <Button onClick={issueSelected}>{t('accounts.list.issueSelected')}</Button>
          </>
        )}
        <Button onClick={() => downloadFile(`${MANAGE}/export`, query(), '本省配送企业用户列表.xlsx').catch((e) => message.error(String(e?.message ?? e)))}>
          {t('accounts.list.export')}
        </Button>
      </Space>

      {editing && (
        <AccountFormModal
          record={editing === 'new' ? null : editing}
          onClose={(saved) => {
            setEditing(null);
            if (saved) refresh();
          }}
        />
      )}
      {viewing && <AccountViewModal record={viewing} onClose={() => setViewing(null)} />}
      {importing && (
        <ImportModal
          onClose={(created) => {
            setImporting(false);
            if (created) refresh();
          }}
        />
      )}
    </Card>
  );
}
