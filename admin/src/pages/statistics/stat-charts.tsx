/** The charts above a 统计查询 table (GET /api/statistics/series): monthly amounts, top 10, 配送率 distribution. */
import { Card, Col, Row } from 'antd';
import { Bar, Column } from '@ant-design/charts';
import { AmountTrend } from '../../components/amount-trend';
import { useCustom, useTranslate } from '@refinedev/core';
import type { StatView } from '@domain';
import type { QueryObject } from '../../providers/strapi-query';
import type { MonthPoint } from '../../components/amount-trend';

interface Series {
  months: MonthPoint[];
  top: Array<{ key: number; name: string; orderedFen: number; deliveredFen: number }>;
  rateBuckets: Array<{ key: string; label: string; count: number }>;
}

const yuan = (fen: number) => Math.round(fen) / 100;

export function StatCharts({ view, query }: { view: StatView; query: QueryObject }) {
  const t = useTranslate();
  const { result, query: q } = useCustom<{ data: Series }>({
    url: '/api/statistics/series',
    method: 'get',
    config: { query: { ...query, view } },
    errorNotification: false,
  });
  const s = (result?.data as unknown as { data?: Series } | undefined)?.data;
  const top = (s?.top ?? []).map((r) => ({ name: r.name, value: yuan(r.orderedFen) }));
  const buckets = (s?.rateBuckets ?? []).map((b) => ({ bucket: b.label, count: b.count }));
  return (
    <Row gutter={16} style={{ marginBottom: 16 }}>
      <Col span={10}>
        <Card size="small" title={t('statistics.charts.months')} loading={q.isLoading}>
          <AmountTrend months={s?.months ?? []} />
        </Card>
      </Col>
      <Col span={8}>
        <Card size="small" title={t('statistics.charts.top')} loading={q.isLoading}>
          <Bar data={top} xField="name" yField="value" height={220} axis={{ x: { labelFormatter: (v: string) => (v.length > 8 ? `${v.slice(0, 8)}…` : v) } }} />
        </Card>
      </Col>
      <Col span={6}>
        <Card size="small" title={t('statistics.charts.buckets')} loading={q.isLoading}>
          <Column data={buckets} xField="bucket" yField="count" height={220} />
        </Card>
      </Col>
    </Row>
  );
}
