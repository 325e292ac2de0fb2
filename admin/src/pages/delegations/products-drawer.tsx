/** 产品数量 → the products of one delegation, paged. */
import { useTranslate } from '@refinedev/core';
import { useTable } from '@refinedev/antd';
import { Drawer, Table } from 'antd';
import { Link } from 'react-router';
import { formatFen } from '@domain';
import type { DelegatedProductRow, DelegationRow } from './types';

export function DelegationProductsDrawer({ row, onClose }: { row: DelegationRow; onClose: () => void }) {
  const t = useTranslate();
  const { tableProps } = useTable<DelegatedProductRow>({
    resource: 'delegation-products',
    meta: { apiPath: `delegations/${row.documentId}/products` },
    pagination: { pageSize: 20 },
    sorters: { mode: 'off' },
    filters: { mode: 'off' },
    syncWithLocation: false,
  });
  return (
    <Drawer open width={880} title={`${t('delegations.products')} — ${row.manufacturerName ?? ''} · ${row.provinceName}`} onClose={onClose}>
      <Table<DelegatedProductRow>
        {...tableProps}
        rowKey="documentId"
        size="small"
        pagination={{ ...tableProps.pagination, showTotal: (n) => t('delegations.total', { n }) }}
        columns={[
          { title: t('catalogue.col.code'), dataIndex: 'code' },
          { title: t('catalogue.col.name'), dataIndex: 'name', render: (v, r) => <Link to={`/catalogue/show/${r.documentId}`}>{v}</Link> },
          { title: t('catalogue.col.registrationNo'), dataIndex: 'registrationNo' },
          { title: t('catalogue.col.specModel'), key: 'sm', render: (_, r) => [r.spec, r.model].filter(Boolean).join(' / ') },
          { title: t('catalogue.col.unit'), dataIndex: 'unit' },
          { title: t('catalogue.col.price'), dataIndex: 'priceFen', align: 'right', render: (v: number | null) => (v === null ? '' : formatFen(v)) },
        ]}
      />
    </Drawer>
  );
}
