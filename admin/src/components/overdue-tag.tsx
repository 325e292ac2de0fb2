import { Tag } from 'antd';
import { useGetLocale } from '@refinedev/core';
import { OVERDUE_LABELS, type OverdueKind } from '@domain';

/** 逾期未确认 / 逾期未配送 (computed by the server at read, `row.overdue`) as a red Tag; nothing when not overdue. */
export function OverdueTag({ value }: { value: OverdueKind | null | undefined }) {
  const en = useGetLocale()() === 'en-US';
  if (!value) return null;
  return <Tag color="red">{OVERDUE_LABELS[value][en ? 'en' : 'zh']}</Tag>;
}
