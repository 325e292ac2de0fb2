import { useEffect, useState } from 'react';
import { getJson } from '../../components/api-helpers';

interface Option {
  value: number | string;
  label: string;
}

/** Distributor organisations (numeric ids) and provinces (2-digit codes) for the delegation forms. */
export function useDelegationOptions() {
  const [distributors, setDistributors] = useState<Option[]>([]);
  const [provinces, setProvinces] = useState<Option[]>([]);
  useEffect(() => {
    let live = true;
    void getJson<{ data: Array<{ id: number; name: string }> }>('/api/organisations', {
      filters: { type: { $eq: 'distributor' } },
      fields: ['name'],
      pagination: { page: 1, pageSize: 200 },
      sort: ['name:asc'],
    }).then((b) => live && setDistributors(b.data.map((o) => ({ value: o.id, label: o.name }))));
    void getJson<{ data: Array<{ code: string; name: string }> }>('/api/regions', {
      filters: { level: { $eq: 'province' } },
      fields: ['code', 'name'],
      pagination: { page: 1, pageSize: 100 },
      sort: ['code:asc'],
    }).then((b) => live && setProvinces(b.data.map((r) => ({ value: r.code.slice(0, 2), label: r.name }))));
    return () => {
      live = false;
    };
  }, []);
  return { distributors, provinces };
}
