/** 批量处理 (distributor): a transition is offered when every ticked row lists it. */
import { useTranslate } from '@refinedev/core';
import { Button, Space, Typography } from 'antd';
import type { RelationshipTransition } from '@domain';
import { BATCH_ACTIONS } from './types';

const DANGER: ReadonlySet<string> = new Set(['reject', 'refuseRevoke']);

export function RelationshipBulkToolbar({
  count,
  allows,
  busy,
  start,
}: {
  count: number;
  allows: (action: string) => boolean;
  busy: boolean;
  start: (action: RelationshipTransition) => void;
}) {
  const t = useTranslate();
  return (
    <div role="toolbar" aria-label={t('relationships.bulk')} style={{ marginBottom: 12 }}>
      <Space wrap>
        <Typography.Text type="secondary">{count ? t('relationships.selected', { count }) : t('relationships.selectHint')}</Typography.Text>
        {BATCH_ACTIONS.map((a, i) => (
          <Button key={a} type={i === 0 ? 'primary' : 'default'} danger={DANGER.has(a)} disabled={!allows(a) || busy} onClick={() => start(a)}>
            {t(`relationships.${a}`)}
          </Button>
        ))}
      </Space>
    </div>
  );
}
