/**
 * The provinces of the delegation form (2-digit codes), read through Refine's `useList`. The
 * distributors are searched on the server by components/distributor-picker.tsx.
 */
import { useList } from '@refinedev/core';

export interface DelegationOption {
  value: number | string;
  label: string;
}

export function useDelegationOptions(): { provinces: DelegationOption[] } {
  const { result: regions } = useList<{ code: string; name: string }>({
    resource: 'regions',
    filters: [{ field: 'level', operator: 'eq', value: 'province' }],
    sorters: [{ field: 'code', order: 'asc' }],
    pagination: { currentPage: 1, pageSize: 100 },
    meta: { fields: ['code', 'name'] },
    errorNotification: false,
  });
  return {
    provinces: (regions?.data ?? []).map((r) => ({ value: r.code.slice(0, 2), label: r.name })),
  };
}
