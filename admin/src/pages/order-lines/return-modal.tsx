/** 申请退货 (hospital): a quantity up to what was received and not yet returned or asked for, and a reason. */
import { Alert, Form, Input, InputNumber, Modal, Typography } from 'antd';
import { useTranslate } from '@refinedev/core';
import { REASON_MAX_LENGTH, remainingQuantity } from '@domain';
import { useRowAction } from '../../hooks/use-row-action';
import { useModalForm } from './modal-form';
import type { OrderLineRow } from './types';

export function ReturnModal({ line, onClose, onDone }: { line: OrderLineRow | null; onClose: () => void; onDone: () => void }) {
  const t = useTranslate();
  const { run: act } = useRowAction();
  const { form, saving, error, run } = useModalForm(line);
  const returnable = line ? remainingQuantity(line.receivedQty, line.returnedQty + line.returnPendingQty) : 0;
  const submit = () =>
    run(async (v) => {
      if (!line) return;
      await act({
        url: `/order-lines/${line.documentId}/returns`,
        values: { quantity: v.quantity, reason: v.reason },
        success: t('orders.msg.done'),
        quiet: true,
      });
      onDone();
    });
  return (
    <Modal
      open={!!line}
      title={`${t('orders.titles.return')}：${line?.productName ?? ''}`}
      onCancel={onClose}
      onOk={submit}
      okText={t('orders.actions.ok')}
      cancelText={t('orders.actions.cancel')}
      confirmLoading={saving}
      destroyOnHidden
    >
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} role="alert" />}
      <Typography.Paragraph type="secondary">{t('orders.form.returnable', { n: returnable })}</Typography.Paragraph>
      <Form form={form} layout="vertical">
        <Form.Item
          name="quantity"
          label={t('orders.form.returnQty')}
          rules={[{ required: true, message: t('orders.form.required', { field: t('orders.form.returnQty') }) }]}
        >
          <InputNumber min={1} precision={0} />
        </Form.Item>
        <Form.Item name="reason" label={t('orders.form.reason')} rules={[{ required: true, whitespace: true, message: t('orders.form.reasonRequired') }]}>
          <Input.TextArea rows={3} maxLength={REASON_MAX_LENGTH} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
