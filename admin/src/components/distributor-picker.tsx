/**
 * 配送企业 of a delegation: the distributors whose account the province's bureau issued, searched on the
 * server as one types (`GET /api/delegations/distributor-options`, no cap), each shown with its 配送区域.
 */
import { useEffect, useState } from 'react';
import { useCustom, useTranslate } from '@refinedev/core';
import { Select, Typography } from 'antd';
import type { Page } from '@domain';

interface DistributorOption {
  id: number;
  name: string;
  username: string;
  areas: string[];
}

export function DistributorPicker({
  provinceCode,
  exclude,
  value,
  onChange,
  id,
}: {
  provinceCode: string | undefined;
  exclude?: number;
  value?: number;
  onChange?: (v: number | undefined) => void;
  id?: string;
}) {
  const t = useTranslate();
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setQ(typed.trim()), 250);
    return () => clearTimeout(timer);
  }, [typed]);
  const { result, query } = useCustom<Page<DistributorOption>>({
    url: '/api/delegations/distributor-options',
    method: 'get',
    config: { query: { provinceCode, ...(q ? { q } : {}), pagination: { page: 1, pageSize: 50 } } },
    queryOptions: { enabled: !!provinceCode },
    errorNotification: false,
  });
  const rows = ((result?.data as unknown as Page<DistributorOption> | undefined)?.data ?? []).filter((o) => o.id !== exclude);
  return (
    <Select
      id={id}
      showSearch
      allowClear
      filterOption={false}
      onSearch={setTyped}
      loading={query.isFetching}
      disabled={!provinceCode}
      placeholder={t('panel.distributorSearch')}
      notFoundContent={query.isFetching ? undefined : t('panel.noDistributors')}
      value={value}
      onChange={(v) => onChange?.(v)}
      optionLabelProp="label"
      options={rows.map((o) => ({
        value: o.id,
        label: o.name,
        title: o.areas.join('、'),
        children: null,
        data: o,
      }))}
      optionRender={(opt) => {
        const o = (opt.data as { data: DistributorOption }).data;
        return (
          <div>
            <div>{o.name}</div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }} ellipsis>
              {t('panel.areas')}：{o.areas.length ? o.areas.join('、') : '—'}
            </Typography.Text>
          </div>
        );
      }}
    />
  );
}
