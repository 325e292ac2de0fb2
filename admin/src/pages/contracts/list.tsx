/**
 * 三方合同: the contracts of the caller (the parties their own, the bureau its province, read only) with
 * filters, the signing state of each party, export and history; 约定采购量 beside them. 【签订】 opens
 * the CA验证 PIN dialog; the buttons are the `actions` the server listed per row.
 */
import { useMemo, useState } from 'react';
import { useGetIdentity, useGetLocale, useTranslate } from '@refinedev/core';
import { App, Button, Card, Checkbox, DatePicker, Input, Select, Space, Table, Tabs, Typography } from 'antd';
import { contractMachine, type ContractRow } from '@domain';
import type { Me } from '../../providers/session';
import { downloadFile } from '../../components/api-helpers';
import { HistoryDrawer } from '../../components/history-drawer';
import { usePageQuery } from '../../hooks/use-page-query';
import { useCertificate } from '../../hooks/use-certificate';
import { CONTRACT_TABLE_WIDTH, useContractColumns, useContractDetails } from './columns';
import { useDetailsExpandable } from '../../components/row-details';
import { RefuseModal, SignModal } from './sign-modal';
import { VolumesTab } from './volumes-tab';

interface Filters {
  status?: string;
  product?: string;
  counterpart?: string;
  from?: string;
  to?: string;
  awaitingMe?: boolean;
}

const SIGNERS = ['hospital', 'manufacturer', 'distributor'];

export function ContractList() {
  const t = useTranslate();
  const lang = useGetLocale()() === 'en-US' ? 'en-US' : 'zh-CN';
  const { message } = App.useApp();
  const { data: me } = useGetIdentity<Me>();
  const role = me?.role;
  const [tab, setTab] = useState('contracts');
  const [filters, setFilters] = useState<Filters>({});
  const [draft, setDraft] = useState<Filters>({});
  const [signing, setSigning] = useState<ContractRow | null>(null);
  const [refusing, setRefusing] = useState<ContractRow | null>(null);
  const [historyOf, setHistoryOf] = useState<ContractRow | null>(null);
  const { certificate } = useCertificate(!!role && SIGNERS.includes(role));
  const query = useMemo(() => Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== undefined && v !== '' && v !== false)), [filters]);
  const { rows, pagination, loading } = usePageQuery<ContractRow>('/api/contracts/search', query, { pageSize: 10, enabled: !!role });
  const columns = useContractColumns({ sign: setSigning, refuse: setRefusing, history: setHistoryOf });
  const expandable = useDetailsExpandable<ContractRow>(useContractDetails());
  const exportXlsx = () => downloadFile('/api/contracts/export', query, `${t('contracts.title')}.xlsx`).catch((e: Error) => message.error(e.message));

  const contracts = (
    <>
      <Space wrap style={{ marginBottom: 16 }}>
        <Select
          aria-label={t('contracts.filter.status')}
          allowClear
          placeholder={t('contracts.filter.status')}
          style={{ width: 130 }}
          value={draft.status}
          onChange={(v) => setDraft({ ...draft, status: v })}
          options={contractMachine.stateNames.map((s) => ({ value: s, label: contractMachine.label(s, lang) }))}
        />
        <Input
          aria-label={t('contracts.filter.product')}
          placeholder={t('contracts.filter.product')}
          style={{ width: 160 }}
          value={draft.product}
          onChange={(e) => setDraft({ ...draft, product: e.target.value })}
        />
        <Input
          aria-label={t('contracts.filter.counterpart')}
          placeholder={t('contracts.filter.counterpart')}
          style={{ width: 160 }}
          value={draft.counterpart}
          onChange={(e) => setDraft({ ...draft, counterpart: e.target.value })}
        />
        <DatePicker.RangePicker
          aria-label={t('contracts.filter.period')}
          onChange={(v) => setDraft({ ...draft, from: v?.[0]?.format('YYYY-MM-DD'), to: v?.[1]?.format('YYYY-MM-DD') })}
        />
        {role && SIGNERS.includes(role) && (
          <Checkbox checked={!!draft.awaitingMe} onChange={(e) => setDraft({ ...draft, awaitingMe: e.target.checked })}>
            {t('contracts.filter.awaitingMe')}
          </Checkbox>
        )}
        <Button type="primary" onClick={() => setFilters(draft)}>
          {t('contracts.filter.search')}
        </Button>
        <Button
          onClick={() => {
            setDraft({});
            setFilters({});
          }}
        >
          {t('contracts.filter.reset')}
        </Button>
        <Button onClick={exportXlsx}>{t('contracts.filter.export')}</Button>
      </Space>
      <Table<ContractRow>
        rowKey="documentId"
        loading={loading}
        dataSource={rows}
        pagination={pagination}
        columns={columns}
        expandable={expandable}
        tableLayout="fixed"
        scroll={{ x: CONTRACT_TABLE_WIDTH }}
      />
    </>
  );

  return (
    <Card
      title={
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('contracts.title')}
        </Typography.Title>
      }
    >
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          { key: 'contracts', label: t('contracts.tabs.contracts'), children: contracts },
          ...(role === 'distributor' ? [] : [{ key: 'volumes', label: t('contracts.tabs.volumes'), children: <VolumesTab role={role} /> }]),
        ]}
      />
      {signing && <SignModal documentId={signing.documentId} hasCertificate={!!certificate && !certificate.locked} onClose={() => setSigning(null)} />}
      {refusing && <RefuseModal documentId={refusing.documentId} onClose={() => setRefusing(null)} />}
      <HistoryDrawer
        entity="contract"
        machine="contract"
        documentId={historyOf?.documentId}
        title={t('contracts.timeline')}
        onClose={() => setHistoryOf(null)}
      />
    </Card>
  );
}
