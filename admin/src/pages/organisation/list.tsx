/** 机构管理: 企业信息, 联系人信息 and, for the organisation's administrator login, 经办人. */
import { Tabs } from 'antd';
import { useGetIdentity, useTranslate } from '@refinedev/core';
import type { Me } from '../../providers/session';
import { ContactsTab } from './contacts-tab';
import { InfoTab } from './info-tab';
import { OperatorsTab } from './operators-tab';

export function OrganisationPage() {
  const t = useTranslate();
  const { data: me } = useGetIdentity<Me>();
  const items = [
    { key: 'info', label: t('organisation.tabs.info'), children: <InfoTab /> },
    { key: 'contacts', label: t('organisation.tabs.contacts'), children: <ContactsTab /> },
    ...(me && !me.operator ? [{ key: 'operators', label: t('organisation.tabs.operators'), children: <OperatorsTab /> }] : []),
  ];
  return <Tabs items={items} destroyOnHidden />;
}
