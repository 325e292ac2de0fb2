/**
 * The buttons of one row, one per action the server says the caller may take now (`row.actions`),
 * in the order given. The page supplies the label and the handler of each action it knows; an action
 * it has no handler for is not shown. No status checks here: the server decided.
 */
import { Button, Popconfirm, Space } from 'antd';
import { useTranslate } from '@refinedev/core';
import type { ReactNode } from 'react';

export interface RowActionSpec {
  label: ReactNode;
  onClick: () => void;
  danger?: boolean;
  /** Asked before `onClick` runs (a Popconfirm with 确定 / 取消). */
  confirm?: ReactNode;
}

export function RowActions({
  actions,
  specs,
  extra,
}: {
  actions: readonly string[] | undefined;
  specs: Partial<Record<string, RowActionSpec>>;
  extra?: ReactNode;
}) {
  const t = useTranslate();
  const shown = (actions ?? []).filter((a) => specs[a]);
  return (
    <Space size={4} wrap>
      {shown.map((a) => {
        const s = specs[a]!;
        const button = (
          <Button key={a} type="link" size="small" danger={s.danger} onClick={s.confirm ? undefined : s.onClick} style={{ paddingInline: 4 }}>
            {s.label}
          </Button>
        );
        return s.confirm ? (
          <Popconfirm key={a} title={s.confirm} okText={t('buttons.confirm')} cancelText={t('buttons.cancel')} onConfirm={s.onClick}>
            {button}
          </Popconfirm>
        ) : (
          button
        );
      })}
      {extra}
    </Space>
  );
}
