/**
 * The secondary fields of a row, shown in its expanded part so that the main columns and the actions
 * fit a 1366×768 screen; and the labelled 详情 / 收起 toggle that opens it (no bare "+").
 */
import { Button, Descriptions } from 'antd';
import { useTranslate } from '@refinedev/core';
import type { ReactNode } from 'react';

export interface DetailItem {
  label: ReactNode;
  value: ReactNode;
}

export function RowDetails({ items }: { items: DetailItem[] }) {
  return (
    <Descriptions size="small" column={{ xs: 1, sm: 2, md: 3 }} style={{ marginBottom: 0 }}>
      {items.map((i, n) => (
        <Descriptions.Item key={n} label={i.label}>
          {i.value === null || i.value === undefined || i.value === '' ? '—' : i.value}
        </Descriptions.Item>
      ))}
    </Descriptions>
  );
}

/** antd `expandable` rendering `details(row)` behind a labelled 详情 / 收起 link. */
export function useDetailsExpandable<T>(details: (row: T) => DetailItem[]) {
  const t = useTranslate();
  return {
    columnWidth: 64,
    expandedRowRender: (row: T) => <RowDetails items={details(row)} />,
    expandIcon: ({ expanded, onExpand, record }: { expanded: boolean; onExpand: (r: T, e: React.MouseEvent<HTMLElement>) => void; record: T }) => (
      <Button type="link" size="small" style={{ paddingInline: 0 }} aria-expanded={expanded} onClick={(e) => onExpand(record, e)}>
        {expanded ? t('panel.hide') : t('panel.details')}
      </Button>
    ),
  };
}
