/** 新增经办人 (name, phone, username; answered with a one-time password) / 编辑经办人 (name, phone). */
import { useState } from 'react';
import { Alert, Form, Input, Modal } from 'antd';
import { useTranslate } from '@refinedev/core';
import { useApiWrite } from '../../hooks/use-api-write';
import type { OneTimeCredential } from '../../components/one-time-password-modal';
import type { OperatorRow } from './types';

interface Props {
  open: boolean;
  operator: OperatorRow | null;
  onClose: () => void;
  onCreated: (c: OneTimeCredential) => void;
}

export function OperatorFormModal({ open, operator, onClose, onCreated }: Props) {
  const t = useTranslate();
  const [form] = Form.useForm();
  const [error, setError] = useState<string | null>(null);
  const { write, saving } = useApiWrite();
  const label = (k: string) => t(`organisation.operators.${k}`);
  const required = (k: string) => [{ required: true, whitespace: true, message: t('organisation.required', { field: label(k) }) }];

  const submit = async () => {
    const values = await form.validateFields();
    setError(null);
    try {
      if (operator) await write('put', `/organisations/mine/operators/${operator.id}`, values, label('saved'));
      else {
        const created = await write<OneTimeCredential>('post', '/organisations/mine/operators', values, label('saved'));
        onCreated({ username: created.username, password: created.password });
      }
      onClose();
    } catch (e) {
      setError((e as Error)?.message ?? String(e));
    }
  };

  return (
    <Modal
      open={open}
      title={operator ? label('editTitle') : label('add')}
      onOk={submit}
      onCancel={onClose}
      okText={t('organisation.ok')}
      cancelText={t('organisation.cancel')}
      confirmLoading={saving}
      destroyOnHidden
      afterOpenChange={(visible) => visible && setError(null)}
    >
      {error && <Alert type="error" showIcon role="alert" message={error} style={{ marginBottom: 12 }} />}
      <Form
        form={form}
        name="operator-form"
        layout="vertical"
        preserve={false}
        clearOnDestroy
        initialValues={operator ? { name: operator.name, phone: operator.phone } : { name: '', phone: '', username: '' }}
      >
        <Form.Item name="name" label={label('name')} rules={required('name')}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="phone" label={label('phone')} rules={required('phone')}>
          <Input maxLength={30} />
        </Form.Item>
        {!operator && (
          <Form.Item name="username" label={label('username')} extra={label('usernameHint')} rules={required('username')}>
            <Input maxLength={32} autoComplete="off" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
