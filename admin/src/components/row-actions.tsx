/**
 * The buttons of one row, one per action the server says the caller may take now (`row.actions`),
 * in the order given. The page supplies the label and the handler of each action it knows; an action
 * it has no handler for is not shown. No status checks here: the server decided.
 */
import { Button, Space } from 'antd';
import type { ReactNode } from 'react';

export interface RowActionSpec {
  label: ReactNode;
  onClick: () => void;
  danger?: boolean;
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
  const shown = (actions ?? []).filter((a) => specs[a]);
  return (
    <Space size={4} wrap>
      {shown.map((a) => {
        const s = specs[a]!;
        return (
          <Button key={a} type="link" size="small" danger={s.danger} onClick={s.onClick} style={{ paddingInline: 4 }}>
            {s.label}
          </Button>
        );
      })}
      {extra}
    </Space>
  );
}
