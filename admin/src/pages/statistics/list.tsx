/** 统计查询 (manual 001 §3.5): 按产品查询 / 按配送企业 / 按医疗机构, each within the caller's scope. */
import { Card, Tabs } from 'antd';
import { useGetIdentity, useTranslate } from '@refinedev/core';
import { STAT_VIEWS } from '@domain';
import type { Me } from '../../providers/session';
import { useUrlTab } from '../../hooks/use-url-tab';
import { StatViewTable } from './stat-view';

export function StatisticsPage() {
  const t = useTranslate();
  const { data: me } = useGetIdentity<Me>();
  const [tab, setTab] = useUrlTab(STAT_VIEWS, 'by-product');
  if (!me) return null;
  return (
    <Card title={t('statistics.title')}>
      <Tabs
        activeKey={tab}
        onChange={setTab}
        destroyOnHidden
        items={STAT_VIEWS.map((v) => ({ key: v, label: t(`statistics.tabs.${v}`), children: <StatViewTable view={v} role={me.role} /> }))}
      />
    </Card>
  );
}
