/** 申请退货 (hospital): a quantity up to what was received and not yet returned or asked for, and a reason. */
import { Form, Input, InputNumber, Typography } from 'antd';
import { useTranslate } from '@refinedev/core';
import { REASON_MAX_LENGTH, remainingQuantity } from '@domain';
import { useRowAction } from '../../hooks/use-row-action';
import { FormModal } from './form-modal';
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
    <FormModal open={!!line} title={`${t('orders.titles.return')}：${line?.productName ?? ''}`} onClose={onClose} onOk={submit} saving={saving} error={error}>
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
    </FormModal>
  );
}
