/**
 * The choices of the delegation forms and filters: distributor organisations (numeric ids, as the
 * delegation endpoints take them) and provinces (2-digit codes), read through Refine's `useList`.
 */
import { useList } from '@refinedev/core';

export interface DelegationOption {
  value: number | string;
  label: string;
}

export function useDelegationOptions(): { distributors: DelegationOption[]; provinces: DelegationOption[] } {
  const { result: orgs } = useList<{ numericId: number; name: string }>({
    resource: 'organisations',
    filters: [{ field: 'type', operator: 'eq', value: 'distributor' }],
    sorters: [{ field: 'name', order: 'asc' }],
    pagination: { currentPage: 1, pageSize: 200 },
    meta: { fields: ['name'] },
    errorNotification: false,
  });
  const { result: regions } = useList<{ code: string; name: string }>({
    resource: 'regions',
    filters: [{ field: 'level', operator: 'eq', value: 'province' }],
    sorters: [{ field: 'code', order: 'asc' }],
    pagination: { currentPage: 1, pageSize: 100 },
    meta: { fields: ['code', 'name'] },
    errorNotification: false,
  });
  return {
    distributors: (orgs?.data ?? []).map((o) => ({ value: o.numericId, label: o.name })),
    provinces: (regions?.data ?? []).map((r) => ({ value: r.code.slice(0, 2), label: r.name })),
  };
}
