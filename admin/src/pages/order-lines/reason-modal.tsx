/** The one reason prompt of the order workflow (拒绝, 查验不通过, 拒绝退货): a required reason, the server's refusal shown in place. */
import { Form, Input } from 'antd';
import { useTranslate } from '@refinedev/core';
import { REASON_MAX_LENGTH } from '@domain';
import { FormModal } from './form-modal';
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
    <FormModal open={open} title={title} onClose={onClose} onOk={submit} saving={saving} error={error} okText={okText}>
      <Form form={form} layout="vertical">
        <Form.Item name="reason" label={t('orders.form.reason')} rules={[{ required: true, whitespace: true, message: t('orders.form.reasonRequired') }]}>
          <Input.TextArea rows={3} maxLength={REASON_MAX_LENGTH} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
