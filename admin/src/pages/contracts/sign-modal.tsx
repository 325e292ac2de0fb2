/** 【签订】→ CA验证: the certificate PIN, then the server signs the contract content with the organisation's key. */
import { useTranslate } from '@refinedev/core';
import { Alert, Form, Input, Modal, Typography } from 'antd';
import { Link } from 'react-router';
import { useState } from 'react';
import { useRowAction } from '../../hooks/use-row-action';

export function SignModal({ documentId, hasCertificate, onClose }: { documentId: string; hasCertificate: boolean; onClose: () => void }) {
  const t = useTranslate();
  const [form] = Form.useForm<{ pin: string }>();
  const { run, running } = useRowAction();
  const [error, setError] = useState<string | null>(null);
  const submit = async () => {
    const { pin } = await form.validateFields();
    try {
      await run({ url: `/contracts/${documentId}/sign`, values: { pin }, success: t('contracts.signDialog.done'), quiet: true });
      onClose();
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <Modal
      open
      title={t('contracts.signDialog.title')}
      okText={t('contracts.signDialog.ok')}
      cancelText={t('contracts.signDialog.cancel')}
      onOk={submit}
      okButtonProps={{ disabled: !hasCertificate, loading: running }}
      onCancel={onClose}
      destroyOnHidden
    >
      {hasCertificate ? (
        <Typography.Paragraph type="secondary">{t('contracts.signDialog.hint')}</Typography.Paragraph>
      ) : (
        <Alert
          type="warning"
          showIcon
          message={t('contracts.signDialog.noCert')}
          description={<Link to="/certificates">{t('contracts.signDialog.goApply')}</Link>}
        />
      )}
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="pin" label={t('contracts.signDialog.pin')} rules={[{ required: true, pattern: /^\d{6,12}$/, message: t('certificates.pinRule') }]}>
          <Input.Password autoFocus autoComplete="off" inputMode="numeric" maxLength={12} disabled={!hasCertificate} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 拒签 with the reason required. */
export function RefuseModal({ documentId, onClose }: { documentId: string; onClose: () => void }) {
  const t = useTranslate();
  const [form] = Form.useForm<{ reason: string }>();
  const { run, running } = useRowAction();
  const submit = async () => {
    const { reason } = await form.validateFields();
    await run({ url: `/contracts/${documentId}/refuse`, values: { reason }, success: t('contracts.refuseDialog.done') }).catch(() => undefined);
    onClose();
  };
  return (
    <Modal
      open
      title={t('contracts.refuseDialog.title')}
      okText={t('contracts.refuseDialog.ok')}
      okButtonProps={{ danger: true, loading: running }}
      cancelText={t('contracts.signDialog.cancel')}
      onOk={submit}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form form={form} layout="vertical">
        <Form.Item name="reason" label={t('contracts.refuseDialog.reason')} rules={[{ required: true, whitespace: true, max: 500 }]}>
          <Input.TextArea rows={3} maxLength={500} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
