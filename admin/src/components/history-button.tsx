/** The 历史 link of a row: opens its history drawer. */
import { Button } from 'antd';
import { useTranslate } from '@refinedev/core';

export function HistoryButton({ onClick }: { onClick: () => void }) {
  const t = useTranslate();
  return (
    <Button type="link" size="small" style={{ paddingInline: 4 }} onClick={onClick}>
      {t('panel.history')}
    </Button>
  );
}
