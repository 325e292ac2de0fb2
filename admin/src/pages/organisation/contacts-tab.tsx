/** 联系人信息 (manual 001 §3.6): 新增 / 编辑 / 删除 / 设置默认; exactly one default, kept by the server. */
import { useState } from 'react';
import { Button, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useCustom, useTranslate } from '@refinedev/core';
import { useApiWrite } from '../../hooks/use-api-write';
import { ContactFormModal } from './contact-form-modal';
import type { ContactRow } from './types';

export function ContactsTab() {
  const t = useTranslate();
  const label = (k: string, o?: Record<string, unknown>) => t(`organisation.contacts.${k}`, o);
  const { result, query } = useCustom<{ data: ContactRow[] }>({ url: '/api/contacts/mine', method: 'get', errorNotification: false });
  const rows = (result?.data as unknown as { data?: ContactRow[] } | undefined)?.data ?? [];
  const [editing, setEditing] = useState<ContactRow | null | undefined>(undefined);
  const { fire } = useApiWrite();

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space>
        <Button type="primary" onClick={() => setEditing(null)}>
          {label('add')}
        </Button>
        <Typography.Text type="secondary">{label('note')}</Typography.Text>
      </Space>
      <Table<ContactRow>
        rowKey="documentId"
        size="small"
        loading={query.isLoading}
        dataSource={rows}
        pagination={false}
        locale={{ emptyText: label('empty') }}
        columns={[
          { title: label('name'), dataIndex: 'name' },
          { title: label('phone'), dataIndex: 'phone' },
          { title: label('email'), dataIndex: 'email' },
          { title: label('position'), dataIndex: 'position' },
          { title: label('isDefault'), dataIndex: 'isDefault', render: (d: boolean) => (d ? <Tag color="green">{label('default')}</Tag> : null) },
          {
            title: label('actions'),
            key: 'actions',
            render: (_: unknown, r: ContactRow) => (
              <Space size="small" wrap>
                {r.actions.includes('edit') && (
                  <Button size="small" type="link" onClick={() => setEditing(r)}>
                    {label('edit')}
                  </Button>
                )}
                {r.actions.includes('setDefault') && (
                  <Button size="small" type="link" onClick={() => fire('post', `/contacts/mine/${r.documentId}/default`, label('defaultSet'))}>
                    {label('setDefault')}
                  </Button>
                )}
                {r.actions.includes('delete') && (
                  <Popconfirm
                    title={label('confirmDelete', { name: r.name })}
                    okText={t('organisation.ok')}
                    cancelText={t('organisation.cancel')}
                    onConfirm={() => fire('delete', `/contacts/mine/${r.documentId}`, label('deleted'))}
                  >
                    <Button size="small" type="link" danger>
                      {label('delete')}
                    </Button>
                  </Popconfirm>
                )}
              </Space>
            ),
          },
        ]}
      />
      <ContactFormModal open={editing !== undefined} contact={editing ?? null} onClose={() => setEditing(undefined)} />
    </Space>
  );
}
