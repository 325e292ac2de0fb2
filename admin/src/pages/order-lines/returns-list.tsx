/** The caller's return requests (退货处理 / 退货申请), server-paged, searched and exported on the server. */
import { useState, type ReactNode } from 'react';
import { useTranslate } from '@refinedev/core';
import { usePageQuery } from '../../hooks/use-page-query';
import { ListSearch } from './list-search';
import { ReturnsTable } from './returns-table';
import type { ReturnRow } from './types';

export function ReturnsList({ renderActions, emptyHint, fileName }: { renderActions?: (r: ReturnRow) => ReactNode; emptyHint: string; fileName: string }) {
  const t = useTranslate();
  const [q, setQ] = useState('');
  const query = q ? { q } : {};
  const { rows, loading, pagination } = usePageQuery<ReturnRow>('/api/order-returns', query);
  return (
    <>
      <ListSearch placeholder={t('orders.filters.keyword')} onSearch={setQ} exportUrl="/api/order-returns/export" exportQuery={query} fileName={fileName} />
      <ReturnsTable withLine rows={rows} loading={loading} pagination={pagination} renderActions={renderActions} emptyHint={emptyHint} />
    </>
  );
}
