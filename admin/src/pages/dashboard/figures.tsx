/** 工作台 figures (GET /api/statistics/dashboard): this month's ordered and delivered amount, 配送率, the 12-month trend. */
import { Card, Col, Row, Statistic } from 'antd';
import { useCustom, useTranslate } from '@refinedev/core';
import { formatFen, type StatRow } from '@domain';
import { AmountTrend, type MonthPoint } from '../../components/amount-trend';

interface Dashboard {
  month: StatRow & { from: string; to: string };
  trend: MonthPoint[];
}

const pct = (v: number | null | undefined) => (v === null || v === undefined ? '—' : `${(v * 100).toFixed(1)}%`);

export function DashboardFigures() {
  const t = useTranslate();
  const { result, query } = useCustom<{ data: Dashboard }>({ url: '/api/statistics/dashboard', method: 'get', errorNotification: false });
  const d = (result?.data as unknown as { data?: Dashboard } | undefined)?.data;
  const m = d?.month;
  return (
    <Card title={t('statistics.dashboard.figures')} loading={query.isLoading}>
      <Row gutter={16} style={{ marginBottom: 16 }}>
        <Col span={6}>
          <Statistic title={t('statistics.dashboard.orderedFen')} value={m ? formatFen(m.orderedFen, { grouping: true }) : '—'} />
        </Col>
        <Col span={6}>
          <Statistic title={t('statistics.dashboard.deliveredFen')} value={m ? formatFen(m.deliveredFen, { grouping: true }) : '—'} />
        </Col>
        <Col span={6}>
          <Statistic title={t('statistics.dashboard.rateByAmount')} value={pct(m?.rateByAmount)} />
        </Col>
        <Col span={6}>
          <Statistic title={t('statistics.dashboard.rateByQty')} value={pct(m?.rateByQty)} />
        </Col>
      </Row>
      <Card size="small" type="inner" title={t('statistics.dashboard.trend')}>
        <AmountTrend months={d?.trend ?? []} height={240} />
      </Card>
    </Card>
  );
}
