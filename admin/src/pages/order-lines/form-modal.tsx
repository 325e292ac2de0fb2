/** The shell of every order-workflow form modal: 确定 / 取消, the saving spinner, a server refusal above the form. */
import type { ReactNode } from 'react';
import { Alert, Modal } from 'antd';
import { useTranslate } from '@refinedev/core';

interface FormModalProps {
  open: boolean;
  title: ReactNode;
  onClose: () => void;
  onOk: () => void;
  saving: boolean;
  error: string | null;
  okText?: string;
  width?: number;
  children: ReactNode;
}

export function FormModal({ open, title, onClose, onOk, saving, error, okText, width, children }: FormModalProps) {
  const t = useTranslate();
  return (
    <Modal
      open={open}
      title={title}
      onCancel={onClose}
      onOk={onOk}
      okText={okText ?? t('orders.actions.ok')}
      cancelText={t('orders.actions.cancel')}
      confirmLoading={saving}
      destroyOnHidden
      width={width}
    >
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} role="alert" />}
      {children}
    </Modal>
  );
}
