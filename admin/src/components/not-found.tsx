import { Button, Result } from 'antd';
import { useGo, useTranslate } from '@refinedev/core';

/** 404 inside the layout. */
export function NotFound() {
  const t = useTranslate();
  const go = useGo();
  return (
    <Result
      status="404"
      title={t('notFound.title')}
      subTitle={t('notFound.subTitle')}
      extra={
        <Button type="primary" onClick={() => go({ to: '/' })}>
          {t('notFound.backHome')}
        </Button>
      }
    />
  );
}
