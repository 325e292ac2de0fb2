/**
 * 机构管理 › 机构列表 (联采办): every organisation with type, province, credit code, logins and state;
 * filters, paging, 导出; 新增 / 编辑 bureaus, manufacturers and hospitals, 停用 / 启用, 重置密码, 批量导入.
 * The first logins' one-time passwords are shown once. All rules live on the server.
 */
import { useMemo, useState } from 'react';
import { App, Button, Card, Form, Input, Popconfirm, Select, Space, Table, Tag } from 'antd';
import { useGetLocale, useTranslate } from '@refinedev/core';
import { useTable } from '@refinedev/antd';
import { chinaDateTime, isOrgType, ORG_TYPE_LABELS, ORG_TYPES } from '@domain';
import type { QueryObject } from '../../providers/strapi-query';
import { downloadFile } from '../../components/api-helpers';
import { useApiWrite } from '../../hooks/use-api-write';
import { useProvinceOptions } from '../../hooks/use-province-options';
import { CredentialsModal } from './credentials-modal';
import { OrgFormModal } from './form-modal';
import { OrgImportModal } from './import-modal';
import { PLATFORM, type Credential, type CredentialBatch, type OrgRow } from './types';

export function OrganisationList() {
  const t = useTranslate();
  const k = useGetLocale()() === 'en-US' ? 'en' : 'zh';
  const l = (key: string, o?: Record<string, unknown>) => t(`organisation.platform.${key}`, o);
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [filters, setFilters] = useState<QueryObject>({});
  const [editing, setEditing] = useState<OrgRow | 'new' | null>(null);
  const [importing, setImporting] = useState(false);
  const [batch, setBatch] = useState<CredentialBatch | null>(null);
  const provinces = useProvinceOptions();
  const { write, fire } = useApiWrite();
  const query = useMemo(() => Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== undefined && v !== '')) as QueryObject, [filters]);
  const { tableProps, setCurrentPage } = useTable<OrgRow>({
    resource: 'organisations',
    meta: { apiPath: PLATFORM, query },
    pagination: { pageSize: 20 },
    filters: { mode: 'off' },
    syncWithLocation: false,
  });
  const typeLabel = (v: string) => (isOrgType(v) ? ORG_TYPE_LABELS[v][k] : v);
  const one = (c: Credential) => setBatch({ credentials: [c] });
  const resetLogin = async (r: OrgRow) => {
    try {
      one((await write<{ credential: Credential }>('post', `/${PLATFORM}/${r.documentId}/reset-login`)).credential);
    } catch (e) {
      message.error((e as Error)?.message ?? String(e));
    }
  };

  return (
    <Card title={l('title')}>
      <Form
        form={form}
        layout="inline"
        style={{ marginBottom: 16, rowGap: 8 }}
        onFinish={(v) => {
          setFilters(v);
          setCurrentPage(1);
        }}
      >
        <Form.Item name="name" label={l('name')}>
          <Input allowClear style={{ width: 180 }} />
        </Form.Item>
        <Form.Item name="creditCode" label={l('creditCode')}>
          <Input allowClear style={{ width: 180 }} />
        </Form.Item>
        <Form.Item name="type" label={l('type')}>
          <Select allowClear placeholder={l('all')} style={{ width: 140 }} options={ORG_TYPES.map((v) => ({ value: v, label: typeLabel(v) }))} />
        </Form.Item>
        <Form.Item name="provinceCode" label={l('province')}>
          <Select allowClear showSearch optionFilterProp="label" placeholder={l('all')} style={{ width: 140 }} options={provinces} />
        </Form.Item>
        <Form.Item name="enabled" label={l('status')}>
          <Select
            allowClear
            placeholder={l('all')}
            style={{ width: 100 }}
            options={[
              { value: 'true', label: l('enabled') },
              { value: 'false', label: l('disabled') },
            ]}
          />
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit">
            {l('search')}
          </Button>
          <Button
            onClick={() => {
              form.resetFields();
              setFilters({});
            }}
          >
            {l('reset')}
          </Button>
        </Space>
      </Form>
      <Space style={{ marginBottom: 12 }} wrap>
        <Button type="primary" onClick={() => setEditing('new')}>
          {l('create')}
        </Button>
        <Button onClick={() => downloadFile(`/api/${PLATFORM}/template`, {}, '机构批量创建模板.xlsx').catch((e) => message.error(String(e?.message ?? e)))}>
          {l('template')}
        </Button>
        <Button onClick={() => setImporting(true)}>{l('import')}</Button>
        <Button onClick={() => downloadFile(`/api/${PLATFORM}/export`, query, '机构列表.xlsx').catch((e) => message.error(String(e?.message ?? e)))}>
          {l('export')}
        </Button>
      </Space>
      <Table<OrgRow>
        {...tableProps}
        rowKey="documentId"
        size="middle"
        scroll={{ x: 'max-content' }}
        pagination={{ ...tableProps.pagination, showSizeChanger: true, showTotal: (n) => l('total', { total: n }) }}
        columns={[
          { title: l('name'), dataIndex: 'name' },
          { title: l('type'), dataIndex: 'type', render: typeLabel },
          { title: l('province'), dataIndex: 'provinceName' },
          { title: l('creditCode'), dataIndex: 'creditCode' },
          { title: l('logins'), dataIndex: 'logins' },
          { title: l('status'), dataIndex: 'enabled', render: (e: boolean) => <Tag color={e ? 'green' : 'red'}>{l(e ? 'enabled' : 'disabled')}</Tag> },
          { title: l('createdAt'), dataIndex: 'createdAt', render: (v: string | null) => chinaDateTime(v) },
          {
            title: l('actions'),
            key: 'actions',
            fixed: 'right',
            render: (_: unknown, r: OrgRow) => (
              <Space size="small">
                {r.actions.includes('edit') && (
                  <Button size="small" type="link" onClick={() => setEditing(r)}>
                    {l('edit')}
                  </Button>
                )}
                {(['disable', 'enable'] as const)
                  .filter((a) => r.actions.includes(a))
                  .map((a) => (
                    <Popconfirm
                      key={a}
                      title={l(a === 'disable' ? 'confirmDisable' : 'confirmEnable', { name: r.name })}
                      okText={t('organisation.ok')}
                      cancelText={t('organisation.cancel')}
                      onConfirm={() => fire('post', `/${PLATFORM}/${r.documentId}/${a}`, l(a))}
                    >
                      <Button size="small" type="link" danger={a === 'disable'}>
                        {l(a)}
                      </Button>
                    </Popconfirm>
                  ))}
                {r.actions.includes('resetLogin') && (
                  <Popconfirm
                    title={l('confirmReset', { name: r.name })}
                    okText={t('organisation.ok')}
                    cancelText={t('organisation.cancel')}
                    onConfirm={() => resetLogin(r)}
                  >
                    <Button size="small" type="link">
                      {l('resetLogin')}
                    </Button>
                  </Popconfirm>
                )}
              </Space>
            ),
          },
        ]}
      />
      <OrgFormModal open={editing !== null} org={editing === 'new' ? null : editing} onClose={() => setEditing(null)} onCreated={one} />
      {importing && <OrgImportModal onClose={() => setImporting(false)} onCreated={setBatch} />}
      <CredentialsModal batch={batch} onClose={() => setBatch(null)} />
    </Card>
  );
}
