import { Button, Result } from 'antd';
import { useGo, useTranslate } from '@refinedev/core';

/** 403: shown instead of a page the caller's role may not open. */
export function Forbidden() {
  const t = useTranslate();
  const go = useGo();
  return (
    <Result
      status="403"
      title={t('forbidden.title')}
      subTitle={t('forbidden.subTitle')}
      extra={
        <Button type="primary" onClick={() => go({ to: '/' })}>
          {t('forbidden.backHome')}
        </Button>
      }
    />
  );
}
