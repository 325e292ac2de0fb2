/** 查看: every field of an account. */
import { Descriptions, Modal, Tag } from 'antd';
import { useGetLocale, useTranslate } from '@refinedev/core';
import { ACCOUNT_ENABLED_LABELS, ACCOUNT_FIELD_LABELS, chinaDateTime, YES_NO_LABELS } from '@domain';
import type { AccountRow } from './types';

export function AccountViewModal({ record: r, onClose }: { record: AccountRow; onClose: () => void }) {
  const t = useTranslate();
  const k = useGetLocale()() === 'en-US' ? 'en' : 'zh';
  const st = r.enabled ? ACCOUNT_ENABLED_LABELS.enabled : ACCOUNT_ENABLED_LABELS.disabled;
  return (
    <Modal open title={t('accounts.view.title')} footer={null} onCancel={onClose} width={640}>
      <Descriptions column={1} bordered size="small">
        <Descriptions.Item label={t('accounts.list.username')}>{r.username}</Descriptions.Item>
        <Descriptions.Item label={ACCOUNT_FIELD_LABELS.provincialAccount[k]}>{r.provincialAccount}</Descriptions.Item>
        <Descriptions.Item label={ACCOUNT_FIELD_LABELS.companyName[k]}>{r.companyName}</Descriptions.Item>
        <Descriptions.Item label={ACCOUNT_FIELD_LABELS.creditCode[k]}>{r.creditCode}</Descriptions.Item>
        <Descriptions.Item label={ACCOUNT_FIELD_LABELS.legalPerson[k]}>{r.legalPerson}</Descriptions.Item>
        <Descriptions.Item label={ACCOUNT_FIELD_LABELS.authorisedPerson[k]}>{r.authorisedPerson}</Descriptions.Item>
        <Descriptions.Item label={ACCOUNT_FIELD_LABELS.phone[k]}>{r.phone}</Descriptions.Item>
        <Descriptions.Item label={t('accounts.list.areas')}>{r.distributionAreas.join(', ')}</Descriptions.Item>
        <Descriptions.Item label={t('accounts.list.status')}>
          <Tag color={st.color}>{st[k]}</Tag>
        </Descriptions.Item>
        <Descriptions.Item label={t('accounts.list.issued')}>{(r.issued ? YES_NO_LABELS.yes : YES_NO_LABELS.no)[k]}</Descriptions.Item>
        <Descriptions.Item label={t('accounts.view.issuedAt')}>{chinaDateTime(r.issuedAt)}</Descriptions.Item>
        <Descriptions.Item label={t('accounts.list.loggedIn')}>{(r.loggedIn ? YES_NO_LABELS.yes : YES_NO_LABELS.no)[k]}</Descriptions.Item>
        <Descriptions.Item label={t('accounts.list.lastLoginAt')}>{chinaDateTime(r.lastLoginAt)}</Descriptions.Item>
        <Descriptions.Item label={t('accounts.view.createdAt')}>{chinaDateTime(r.createdAt)}</Descriptions.Item>
      </Descriptions>
    </Modal>
  );
}
