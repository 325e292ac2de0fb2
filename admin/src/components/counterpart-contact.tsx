/**
 * A counterpart's name with its default contact 默认联系人 one click away (relationships, delegations,
 * orders): fetched when opened, from GET /api/contacts/default/:orgId (the server checks who may see it).
 */
import { useState } from 'react';
import { Button, Descriptions, Popover, Spin, Typography } from 'antd';
import { ContactsOutlined } from '@ant-design/icons';
import { useCustom, useTranslate } from '@refinedev/core';

interface Answer {
  contact: { name: string; phone: string; email: string | null; position: string | null } | null;
}

function ContactCard({ orgId }: { orgId: number }) {
  const t = useTranslate();
  const { result, query } = useCustom<{ data: Answer }>({ url: `/api/contacts/default/${orgId}`, method: 'get', errorNotification: false });
  const c = (result?.data as unknown as { data?: Answer } | undefined)?.data?.contact;
  if (query.isLoading) return <Spin size="small" />;
  if (query.error) return <Typography.Text type="secondary">{(query.error as unknown as Error).message}</Typography.Text>;
  if (!c) return <Typography.Text type="secondary">{t('organisation.contacts.none')}</Typography.Text>;
  return (
    <Descriptions column={1} size="small" style={{ maxWidth: 280 }}>
      <Descriptions.Item label={t('organisation.contacts.name')}>{c.name}</Descriptions.Item>
      <Descriptions.Item label={t('organisation.contacts.phone')}>{c.phone}</Descriptions.Item>
      {c.email && <Descriptions.Item label={t('organisation.contacts.email')}>{c.email}</Descriptions.Item>}
      {c.position && <Descriptions.Item label={t('organisation.contacts.position')}>{c.position}</Descriptions.Item>}
    </Descriptions>
  );
}

/** The name wraps (a long one must not widen a list past 1366px); the contact button follows it. */
export function CounterpartName({ orgId, name }: { orgId: number | null | undefined; name: string | null | undefined }) {
  const t = useTranslate();
  const [open, setOpen] = useState(false);
  if (!orgId) return <>{name ?? ''}</>;
  return (
    <span style={{ overflowWrap: 'anywhere' }}>
      {name}
      <Popover
        trigger="click"
        open={open}
        onOpenChange={setOpen}
        title={t('organisation.contacts.counterpart')}
        content={open ? <ContactCard orgId={orgId} /> : null}
      >
        <Button type="link" size="small" icon={<ContactsOutlined />} aria-label={`${t('organisation.contacts.counterpart')} ${name ?? ''}`} />
      </Popover>
    </span>
  );
}
