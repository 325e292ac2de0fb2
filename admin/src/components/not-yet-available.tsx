import { Button, Result } from 'antd';
import { useGo, useTranslate } from '@refinedev/core';

/** Honest placeholder for a page whose feature is not built yet. `pageKey` is the dictionary key of its name. */
export function NotYetAvailable({ pageKey }: { pageKey: string }) {
  const t = useTranslate();
  const go = useGo();
  const page = t(pageKey);
  return (
    <Result
      status="info"
      title={t('notYetAvailable.title')}
      subTitle={t('notYetAvailable.subTitle', { page })}
      extra={
        <Button type="primary" onClick={() => go({ to: '/' })}>
          {t('notYetAvailable.backHome')}
        </Button>
      }
    />
  );
}
