/**
 * A server-paged list of a purpose-written endpoint (`{ data, meta: { pagination } }`, see
 * `Page<T>` in the domain) through Refine's `useCustom` on the data provider: the page and page size
 * live here, a new `query` goes back to page 1, and `pagination` plugs straight into an antd Table.
 * Every action through `useRowAction` invalidates it.
 */
import { useCustom, useTranslate } from '@refinedev/core';
import type { TablePaginationConfig } from 'antd';
import { useState } from 'react';
import type { Page } from '@domain';
import type { QueryObject } from '../providers/strapi-query';

/** The meta of a page; `totalCapped` when the server stopped counting. */
export type PageMeta = Page<unknown>['meta'] & { pagination: { totalCapped?: boolean } } & Record<string, unknown>;

export interface PageQueryOptions {
  pageSize?: number;
  enabled?: boolean;
}

export function usePageQuery<T>(url: string, query: QueryObject, { pageSize: initialSize = 20, enabled = true }: PageQueryOptions = {}) {
  const t = useTranslate();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(initialSize);
  const key = JSON.stringify(query);
  const [lastKey, setLastKey] = useState(key);
  if (key !== lastKey) {
    setLastKey(key);
    setPage(1);
  }
  const { query: q, result } = useCustom<Page<T>>({
    url,
    method: 'get',
    config: { query: { ...query, pagination: { page, pageSize } } },
    queryOptions: { enabled },
  });
  const body = result?.data as unknown as (Omit<Page<T>, 'meta'> & { meta: PageMeta }) | undefined;
  const total = body?.meta?.pagination?.total ?? 0;
  const capped = !!body?.meta?.pagination?.totalCapped;
  const pagination: TablePaginationConfig = {
    current: page,
    pageSize,
    total,
    showSizeChanger: true,
    showTotal: (n) => (capped ? t('table.totalCapped', { n }) : t('table.total', { n })),
    onChange: (p, s) => {
      setPage(s === pageSize ? p : 1);
      setPageSize(s);
    },
  };
  return {
    rows: body?.data ?? [],
    total,
    meta: body?.meta,
    loading: q.isLoading || q.isFetching,
    error: q.error,
    refetch: () => q.refetch(),
    pagination,
  };
}
