/**
 * 配送监管: the bureau (its province) and the platform admin (all) read 配送率排行, 预警, 大额低到货 and
 * 逾期最久; a distributor reads its own monthly KPIs (我的履约).
 */
import { Card, Tabs } from 'antd';
import { useGetIdentity, useTranslate } from '@refinedev/core';
import type { Me } from '../../providers/session';
import { DeliveryLeague } from '../../components/delivery-league';
import { useUrlTab } from '../../hooks/use-url-tab';
import { AlarmsTab } from './alarms-tab';
import { KpisTable } from './kpis-table';
import { LargeOrdersTab } from './large-orders-tab';
import { OverdueTab } from './overdue-tab';

const TABS = ['league', 'alarms', 'largeOrders', 'overdue'] as const;

export function OversightPage() {
  const { data: me } = useGetIdentity<Me>();
  const t = useTranslate();
  const [tab, setTab] = useUrlTab(TABS, 'league');
  if (!me) return null;
  if (me.role === 'distributor') {
    return (
      <Card title={t('oversight.myTitle')}>
        <KpisTable own />
      </Card>
    );
  }
  return (
    <Card title={t('oversight.title')}>
      <Tabs
        activeKey={tab}
        onChange={setTab}
        destroyOnHidden
        items={[
          { key: 'league', label: t('oversight.tabs.league'), children: <DeliveryLeague /> },
          { key: 'alarms', label: t('oversight.tabs.alarms'), children: <AlarmsTab /> },
          { key: 'largeOrders', label: t('oversight.tabs.largeOrders'), children: <LargeOrdersTab /> },
          { key: 'overdue', label: t('oversight.tabs.overdue'), children: <OverdueTab /> },
        ]}
      />
    </Card>
  );
}
