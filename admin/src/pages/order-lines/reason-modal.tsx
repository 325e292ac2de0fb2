/** The one reason prompt of the order workflow (拒绝, 查验不通过, 拒绝退货): a required reason, the server's refusal shown in place. */
import { Alert, Form, Input, Modal } from 'antd';
import { useTranslate } from '@refinedev/core';
import { REASON_MAX_LENGTH } from '@domain';
import { useModalForm } from './modal-form';

export function ReasonModal({
  open,
  title,
  okText,
  onClose,
  onSubmit,
}: {
  open: boolean;
  title: string;
  okText?: string;
  onClose: () => void;
  onSubmit: (reason: string) => Promise<void>;
}) {
  const t = useTranslate();
  const { form, saving, error, run } = useModalForm(open);
  const submit = () => run((v) => onSubmit(v.reason));
  return (
    <Modal
      open={open}
      title={title}
      onCancel={onClose}
      onOk={submit}
      okText={okText ?? t('orders.actions.ok')}
      cancelText={t('orders.actions.cancel')}
      confirmLoading={saving}
      destroyOnHidden
    >
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} role="alert" />}
      <Form form={form} layout="vertical">
        <Form.Item name="reason" label={t('orders.form.reason')} rules={[{ required: true, whitespace: true, message: t('orders.form.reasonRequired') }]}>
          <Input.TextArea rows={3} maxLength={REASON_MAX_LENGTH} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
