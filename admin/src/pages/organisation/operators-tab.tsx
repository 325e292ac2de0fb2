/** 经办人 (manual 001 §1.2): the administrator login adds, edits, enables / disables operators and resets their passwords. */
import { useState } from 'react';
import { Button, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useCustom, useTranslate } from '@refinedev/core';
import { chinaDateTime } from '@domain';
import { useApiWrite } from '../../hooks/use-api-write';
import { OneTimePasswordModal, type OneTimeCredential } from '../../components/one-time-password-modal';
import { OperatorFormModal } from './operator-form-modal';
import type { OperatorRow } from './types';

export function OperatorsTab() {
  const t = useTranslate();
  const label = (k: string, o?: Record<string, unknown>) => t(`organisation.operators.${k}`, o);
  const { result, query } = useCustom<{ data: OperatorRow[] }>({ url: '/api/organisations/mine/operators', method: 'get', errorNotification: false });
  const rows = (result?.data as unknown as { data?: OperatorRow[] } | undefined)?.data ?? [];
  const [editing, setEditing] = useState<OperatorRow | null | undefined>(undefined);
  const [credential, setCredential] = useState<OneTimeCredential | null>(null);
  const { write, fire } = useApiWrite();
  const base = '/organisations/mine/operators';

  const reset = async (r: OperatorRow) => {
    try {
      const res = await write<OneTimeCredential>('post', `${base}/${r.id}/reset-password`);
      setCredential({ username: res.username, password: res.password });
    } catch {
      /* the refusal is shown by the list's reload */
    }
  };

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space>
        <Button type="primary" onClick={() => setEditing(null)}>
          {label('add')}
        </Button>
        <Typography.Text type="secondary">{label('note')}</Typography.Text>
      </Space>
      <Table<OperatorRow>
        rowKey="id"
        size="small"
        loading={query.isLoading}
        dataSource={rows}
        pagination={false}
        columns={[
          { title: label('username'), dataIndex: 'username' },
          { title: label('name'), dataIndex: 'name' },
          { title: label('phone'), dataIndex: 'phone' },
          { title: label('status'), dataIndex: 'enabled', render: (e: boolean) => <Tag color={e ? 'green' : 'red'}>{label(e ? 'enabled' : 'disabled')}</Tag> },
          { title: label('lastLoginAt'), dataIndex: 'lastLoginAt', render: (v: string | null) => (v ? chinaDateTime(v) : '') },
          {
            title: label('actions'),
            key: 'actions',
            render: (_: unknown, r: OperatorRow) => (
              <Space size="small" wrap>
                {r.actions.includes('edit') && (
                  <Button size="small" type="link" onClick={() => setEditing(r)}>
                    {label('edit')}
                  </Button>
                )}
                {(['disable', 'enable'] as const)
                  .filter((a) => r.actions.includes(a))
                  .map((a) => (
                    <Popconfirm
                      key={a}
                      title={label(a === 'disable' ? 'confirmDisable' : 'confirmEnable', { username: r.username })}
                      okText={t('organisation.ok')}
                      cancelText={t('organisation.cancel')}
                      onConfirm={() => fire('post', `${base}/${r.id}/${a}`, label(a))}
                    >
                      <Button size="small" type="link" danger={a === 'disable'}>
                        {label(a)}
                      </Button>
                    </Popconfirm>
                  ))}
                {r.actions.includes('resetPassword') && (
                  <Popconfirm
                    title={label('confirmReset', { username: r.username })}
                    okText={t('organisation.ok')}
                    cancelText={t('organisation.cancel')}
                    onConfirm={() => reset(r)}
                  >
                    <Button size="small" type="link">
                      {label('resetPassword')}
                    </Button>
                  </Popconfirm>
                )}
              </Space>
            ),
          },
        ]}
      />
      <OperatorFormModal open={editing !== undefined} operator={editing ?? null} onClose={() => setEditing(undefined)} onCreated={setCredential} />
      <OneTimePasswordModal credential={credential} onClose={() => setCredential(null)} />
    </Space>
  );
}
