/** Ordered vs delivered amount per month (统计查询 and the 工作台), a two-line chart. */
import { Line } from '@ant-design/charts';
import { useTranslate } from '@refinedev/core';

export interface MonthPoint {
  month: string;
  orderedFen: number;
  deliveredFen: number;
}

const yuan = (fen: number) => Math.round(fen) / 100;

/** Ordered vs delivered amount per month as a two-line chart's rows. */
export function monthRows(months: MonthPoint[], t: (k: string) => string) {
  return months.flatMap((m) => [
    { month: m.month, type: t('statistics.charts.ordered'), value: yuan(m.orderedFen) },
    { month: m.month, type: t('statistics.charts.delivered'), value: yuan(m.deliveredFen) },
  ]);
}

export function AmountTrend({ months, height = 220 }: { months: MonthPoint[]; height?: number }) {
  const t = useTranslate();
  return <Line data={monthRows(months, t)} xField="month" yField="value" colorField="type" height={height} axis={{ y: { title: false } }} />;
}
