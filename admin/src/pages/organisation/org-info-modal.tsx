/** 编辑企业信息: legal representative, authorised person, phone, address (name and credit code stay as issued). */
import { useState } from 'react';
import { Alert, Form, Input, Modal, Typography } from 'antd';
import { useTranslate } from '@refinedev/core';
import { useApiWrite } from '../../hooks/use-api-write';

interface Info {
  legalPerson: string | null;
  authorisedPerson: string | null;
  phone: string | null;
  address: string | null;
}

export function OrgInfoModal({ open, initial, onClose }: { open: boolean; initial: Info; onClose: () => void }) {
  const t = useTranslate();
  const [form] = Form.useForm();
  const [error, setError] = useState<string | null>(null);
  const { write, saving } = useApiWrite();
  const submit = async () => {
    const values = await form.validateFields();
    setError(null);
    try {
      await write('put', '/organisations/mine', values, t('organisation.info.saved'));
      onClose();
    } catch (e) {
      setError((e as Error)?.message ?? String(e));
    }
  };
  return (
    <Modal
      open={open}
      title={t('organisation.info.edit')}
      onOk={submit}
      onCancel={onClose}
      okText={t('organisation.ok')}
      cancelText={t('organisation.cancel')}
      confirmLoading={saving}
      destroyOnHidden
      afterOpenChange={(v) => v && setError(null)}
    >
      <Typography.Paragraph type="secondary">{t('organisation.info.fixed')}</Typography.Paragraph>
      {error && <Alert type="error" showIcon role="alert" message={error} style={{ marginBottom: 12 }} />}
      <Form
        form={form}
        name="org-info-form"
        layout="vertical"
        preserve={false}
        clearOnDestroy
        initialValues={{
          legalPerson: initial.legalPerson ?? '',
          authorisedPerson: initial.authorisedPerson ?? '',
          phone: initial.phone ?? '',
          address: initial.address ?? '',
        }}
      >
        <Form.Item name="legalPerson" label={t('accounts.org.legalPerson')}>
          <Input maxLength={64} />
        </Form.Item>
        <Form.Item name="authorisedPerson" label={t('accounts.org.authorisedPerson')}>
          <Input maxLength={64} />
        </Form.Item>
        <Form.Item
          name="phone"
          label={t('accounts.org.phone')}
          rules={[{ required: true, whitespace: true, message: t('organisation.required', { field: t('accounts.org.phone') }) }]}
        >
          <Input maxLength={32} />
        </Form.Item>
        <Form.Item name="address" label={t('accounts.org.address')}>
          <Input maxLength={300} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
