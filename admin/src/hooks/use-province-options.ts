/** The provinces (2-digit codes) as select options, through Refine's `useList` on `regions`. */
import { useList } from '@refinedev/core';

export function useProvinceOptions(): Array<{ value: string; label: string }> {
  const { result } = useList<{ id: string; code: string; name: string }>({
    resource: 'regions',
    filters: [{ field: 'level', operator: 'eq', value: 'province' }],
    sorters: [{ field: 'code', order: 'asc' }],
    pagination: { currentPage: 1, pageSize: 100 },
    meta: { fields: ['code', 'name'] },
    errorNotification: false,
  });
  return (result?.data ?? []).map((r) => ({ value: r.code.slice(0, 2), label: r.name }));
}
