/** The reason of a relationship transition: required for 拒绝委托 / 拒绝撤销, optional for 撤销申请. */
import { useGetLocale, useTranslate } from '@refinedev/core';
import { Form, Input, Modal } from 'antd';
import { relationshipMachine, type RelationshipTransition } from '@domain';

export interface ReasonRequest {
  action: RelationshipTransition;
  ids: string[];
}

export function RelationshipReasonModal({
  request,
  busy,
  onSubmit,
  onClose,
}: {
  request: ReasonRequest;
  busy: boolean;
  onSubmit: (reason: string | undefined) => Promise<boolean>;
  onClose: () => void;
}) {
  const t = useTranslate();
  const lang = useGetLocale()() === 'en-US' ? 'en-US' : 'zh-CN';
  const [form] = Form.useForm<{ reason?: string }>();
  const required = relationshipMachine.requiresReason(request.action);

  const submit = async () => {
    const { reason } = await form.validateFields();
    if (await onSubmit(reason?.trim() || undefined)) onClose();
  };

  return (
    <Modal
      open
      title={relationshipMachine.actionLabel(request.action, lang)}
      onCancel={onClose}
      onOk={submit}
      okText={t('relationships.confirm')}
      cancelText={t('relationships.cancel')}
      confirmLoading={busy}
      destroyOnHidden
    >
      <Form form={form} layout="vertical">
        <Form.Item
          name="reason"
          label={required ? t('relationships.reasonLabel') : t('relationships.reasonOptional')}
          rules={required ? [{ required: true, whitespace: true, message: t('relationships.reasonRequired') }, { max: 500 }] : [{ max: 500 }]}
        >
          <Input.TextArea rows={3} maxLength={500} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
