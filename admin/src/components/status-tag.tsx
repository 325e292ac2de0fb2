import { Tag } from 'antd';
import { useGetLocale } from '@refinedev/core';
import { stateColor, stateLabel, type MachineName } from '@domain';
import { isLang } from '../providers/i18n-provider';

/**
 * Any status enum of a domain state machine as an antd Tag: the machine's label in the current
 * language and its colour. `<StatusTag machine="orderLine" value="pending" />`
 */
export function StatusTag({ machine, value }: { machine: MachineName; value: string | null | undefined }) {
  const locale = useGetLocale()();
  if (value === null || value === undefined || value === '') return null;
  return <Tag color={stateColor(machine, value)}>{stateLabel(machine, value, isLang(locale) ? locale : 'zh-CN')}</Tag>;
}
