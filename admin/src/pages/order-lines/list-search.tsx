/** The search row of a delivery or return list: keyword (server-side `q`), 查询, and 导出 of what is filtered. */
import { App, Button, Input, Space } from 'antd';
import { useGetLocale, useTranslate } from '@refinedev/core';
import { downloadFile } from '../../components/api-helpers';
import type { QueryObject } from '../../providers/strapi-query';

export function ListSearch({
  placeholder,
  onSearch,
  exportUrl,
  exportQuery,
  fileName,
}: {
  placeholder: string;
  onSearch: (q: string) => void;
  exportUrl: string;
  exportQuery: QueryObject;
  fileName: string;
}) {
  const t = useTranslate();
  const lang = useGetLocale()() === 'en-US' ? 'en-US' : 'zh-CN';
  const { message } = App.useApp();
  const exportNow = () =>
    downloadFile(exportUrl, { ...exportQuery, lang }, `${fileName}.xlsx`)
      .then(() => message.success(t('panel.exported')))
      .catch((e: Error) => message.error(e.message));
  return (
    <Space wrap style={{ marginBottom: 12 }}>
      <Input.Search
        aria-label={placeholder}
        placeholder={placeholder}
        allowClear
        enterButton={t('panel.search')}
        style={{ width: 360 }}
        onSearch={(v) => onSearch(v.trim())}
      />
      <Button onClick={exportNow}>{t('panel.export')}</Button>
    </Space>
  );
}
