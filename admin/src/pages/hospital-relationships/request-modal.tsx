/** 委托配送申请: the hospital picks a distributor of its province; ones it cannot ask again are greyed out. */
import { useCustom, useGetLocale, useTranslate } from '@refinedev/core';
import { Form, Modal, Select, Typography } from 'antd';
import { stateLabel } from '@domain';
import { useRowAction } from '../../hooks/use-row-action';
import { isHttpError } from '../../providers/http-client';
import type { RelationshipCandidate } from './types';

export function RelationshipRequestModal({ onClose }: { onClose: () => void }) {
  const t = useTranslate();
  const lang = useGetLocale()() === 'en-US' ? 'en-US' : 'zh-CN';
  const [form] = Form.useForm<{ distributorOrgId?: number }>();
  const { run, running } = useRowAction();
  const { result, query } = useCustom<{ data: RelationshipCandidate[] }>({
    url: '/api/hospital-relationships/candidates',
    method: 'get',
    errorNotification: false,
  });
  const candidates = (result?.data as { data?: RelationshipCandidate[] } | undefined)?.data ?? [];

  const submit = async () => {
    const values = await form.validateFields();
    try {
      await run({ url: '/hospital-relationships/request', values: { distributorOrgId: values.distributorOrgId }, success: t('relationships.requested') });
      onClose();
    } catch (e) {
      form.setFields([{ name: 'distributorOrgId', errors: [isHttpError(e) ? e.message : t('relationships.failed')] }]);
    }
  };

  return (
    <Modal
      title={t('relationships.requestTitle')}
      open
      onCancel={onClose}
      onOk={submit}
      okText={t('relationships.submit')}
      cancelText={t('relationships.cancel')}
      confirmLoading={running}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('relationships.requestHint')}</Typography.Paragraph>
      <Form form={form} layout="vertical">
        <Form.Item name="distributorOrgId" label={t('relationships.distributor')} rules={[{ required: true, message: t('relationships.distributorRequired') }]}>
          <Select
            showSearch
            loading={query.isFetching}
            placeholder={t('relationships.distributorPlaceholder')}
            optionFilterProp="label"
            options={candidates.map((c) => ({
              value: c.id,
              label: c.name,
              disabled: !c.canRequest,
              areas: c.areas.map((a) => a.name).join('、'),
              current: c.currentStatus,
            }))}
            optionRender={(o) => {
              const data = o.data as { areas?: string; current?: string | null };
              return (
                <div>
                  <div>{o.label}</div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('relationships.areas')}：{data.areas || '—'}
                    {data.current ? ` · ${t('relationships.alreadyStatus', { status: stateLabel('relationship', data.current, lang) })}` : ''}
                  </Typography.Text>
                </div>
              );
            }}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
