/** The filters of 本省配送企业用户列表: 查询 applies them, 重置 clears them. */
import { useGetLocale, useTranslate } from '@refinedev/core';
import { Button, Form, Input, Select, Space } from 'antd';
import { ACCOUNT_ENABLED_LABELS, YES_NO_LABELS } from '@domain';
import type { AccountFilters } from './types';

export function AccountFilterForm({ onSearch, initial = {} }: { onSearch: (filters: AccountFilters) => void; initial?: AccountFilters }) {
  const t = useTranslate();
  const k = useGetLocale()() === 'en-US' ? 'en' : 'zh';
  const [form] = Form.useForm<AccountFilters>();
  const yesNoOptions = (yes: string, no: string) => [
    { value: '', label: t('accounts.list.all') },
    { value: 'true', label: yes },
    { value: 'false', label: no },
  ];
  return (
    <Form<AccountFilters>
      form={form}
      name="accountFilters"
      layout="inline"
      style={{ marginBottom: 16, rowGap: 8 }}
      initialValues={{ enabled: '', issued: '', loggedIn: '', ...initial }}
      onFinish={onSearch}
    >
      <Form.Item label={t('accounts.list.username')} name="username">
        <Input allowClear maxLength={50} />
      </Form.Item>
      <Form.Item label={t('accounts.list.companyName')} name="companyName">
        <Input allowClear maxLength={100} />
      </Form.Item>
      <Form.Item label={t('accounts.list.provincialAccount')} name="provincialAccount">
        <Input allowClear maxLength={20} />
      </Form.Item>
      <Form.Item label={t('accounts.list.status')} name="enabled">
        <Select style={{ width: 110 }} options={yesNoOptions(ACCOUNT_ENABLED_LABELS.enabled[k], ACCOUNT_ENABLED_LABELS.disabled[k])} />
      </Form.Item>
      <Form.Item label={t('accounts.list.issued')} name="issued">
        <Select style={{ width: 110 }} options={yesNoOptions(YES_NO_LABELS.yes[k], YES_NO_LABELS.no[k])} />
      </Form.Item>
      <Form.Item label={t('accounts.list.loggedIn')} name="loggedIn">
        <Select style={{ width: 110 }} options={yesNoOptions(YES_NO_LABELS.yes[k], YES_NO_LABELS.no[k])} />
      </Form.Item>
      <Form.Item>
        <Space>
          <Button type="primary" htmlType="submit">
            {t('accounts.list.search')}
          </Button>
          <Button
            onClick={() => {
              form.resetFields();
              onSearch({});
            }}
          >
            {t('accounts.list.reset')}
          </Button>
        </Space>
      </Form.Item>
    </Form>
  );
}
