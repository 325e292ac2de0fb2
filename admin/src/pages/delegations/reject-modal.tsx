/** 拒绝委托: the reason is required and is shown to the delegator. */
import { useTranslate } from '@refinedev/core';
import { Form, Input, Modal } from 'antd';
import { useRowAction } from '../../hooks/use-row-action';

export function RejectDelegationModal({ ids, onClose }: { ids: string[]; onClose: (done: boolean) => void }) {
  const t = useTranslate();
  const { run, running } = useRowAction();
  const [form] = Form.useForm<{ reason: string }>();

  const submit = async () => {
    const { reason } = await form.validateFields();
    try {
      await run({ url: '/delegations/respond', values: { action: 'reject', ids, reason }, success: t('delegations.done') });
      onClose(true);
    } catch {
      // the hook showed the server's message; the dialog stays open
    }
  };

  return (
    <Modal
      open
      title={t('delegations.rejectTitle')}
      okText={t('delegations.reject')}
      okButtonProps={{ danger: true }}
      cancelText={t('delegations.cancel')}
      confirmLoading={running}
      onOk={submit}
      onCancel={() => onClose(false)}
      destroyOnHidden
    >
      <Form form={form} layout="vertical">
        <Form.Item
          name="reason"
          label={t('delegations.reason')}
          extra={t('delegations.reasonHint')}
          rules={[{ required: true, whitespace: true, message: t('delegations.reasonRequired') }, { max: 500 }]}
        >
          <Input.TextArea rows={3} maxLength={500} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
