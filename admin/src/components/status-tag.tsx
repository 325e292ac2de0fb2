import { Space, Tag, Typography } from 'antd';
import { useGetLocale } from '@refinedev/core';
import type { ReactNode } from 'react';
import { stateColor, stateLabel, type MachineName } from '@domain';
import { isLang } from '../providers/i18n-provider';

/**
 * Any status enum of a domain state machine as an antd Tag: the machine's label in the current
 * language and its colour, with an optional note (a reason) below it.
 * `<StatusTag machine="orderLine" value={row.status} note={row.reason} />`
 */
export function StatusTag({ machine, value, note }: { machine: MachineName; value: string | null | undefined; note?: ReactNode }) {
  const locale = useGetLocale()();
  if (value === null || value === undefined || value === '') return null;
  const tag = <Tag color={stateColor(machine, value)}>{stateLabel(machine, value, isLang(locale) ? locale : 'zh-CN')}</Tag>;
  if (!note) return tag;
  return (
    <Space direction="vertical" size={0}>
      {tag}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {note}
      </Typography.Text>
    </Space>
  );
}
