/** 新增联系人 / 编辑联系人: name and phone required, email and position optional; the server checks each. */
import { useState } from 'react';
import { Alert, Form, Input, Modal } from 'antd';
import { useTranslate } from '@refinedev/core';
import { useApiWrite } from '../../hooks/use-api-write';
import type { ContactRow } from './types';

export function ContactFormModal({ open, contact, onClose }: { open: boolean; contact: ContactRow | null; onClose: () => void }) {
  const t = useTranslate();
  const [form] = Form.useForm();
  const [error, setError] = useState<string | null>(null);
  const { write, saving } = useApiWrite();
  const label = (k: string) => t(`organisation.contacts.${k}`);

  const submit = async () => {
    const values = await form.validateFields();
    setError(null);
    try {
      if (contact) await write('put', `/contacts/mine/${contact.documentId}`, values, label('saved'));
      else await write('post', '/contacts/mine', values, label('saved'));
      onClose();
    } catch (e) {
      setError((e as Error)?.message ?? String(e));
    }
  };

  return (
    <Modal
      open={open}
      title={contact ? label('editTitle') : label('add')}
      onOk={submit}
      onCancel={onClose}
      okText={t('organisation.ok')}
      cancelText={t('organisation.cancel')}
      confirmLoading={saving}
      destroyOnHidden
      // The values are the Form's initialValues (cleared on destroy): set after the opening animation they
      // would overwrite what the user has already typed.
      afterOpenChange={(visible) => visible && setError(null)}
    >
      {error && <Alert type="error" showIcon role="alert" message={error} style={{ marginBottom: 12 }} />}
      <Form
        form={form}
        name="contact-form"
        layout="vertical"
        preserve={false}
        clearOnDestroy
        initialValues={contact ?? { name: '', phone: '', email: '', position: '' }}
      >
        <Form.Item
          name="name"
          label={label('name')}
          rules={[{ required: true, whitespace: true, message: t('organisation.required', { field: label('name') }) }]}
        >
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item
          name="phone"
          label={label('phone')}
          rules={[{ required: true, whitespace: true, message: t('organisation.required', { field: label('phone') }) }]}
        >
          <Input maxLength={30} />
        </Form.Item>
        <Form.Item name="email" label={label('email')}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="position" label={label('position')}>
          <Input maxLength={50} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
