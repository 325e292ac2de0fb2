/**
 * 合同详情: the contract, each party's signature as the server verified it (signer, certificate serial,
 * time), 执行进度, and the downloads: 合同下载 (PDF), the signed content, each .p7s and the CA certificate.
 */
import { useState } from 'react';
import { useCustom, useGetIdentity, useTranslate } from '@refinedev/core';
import { Alert, App, Button, Card, Descriptions, Space, Spin, Table, Tag, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { chinaDateTime, CONTRACT_PARTY_LABELS, formatFen, type ContractRow } from '@domain';
import type { Me } from '../../providers/session';
import { downloadFile } from '../../components/api-helpers';
import { HistoryDrawer } from '../../components/history-drawer';
import { RowActions } from '../../components/row-actions';
import { StatusTag } from '../../components/status-tag';
import { useCertificate } from '../../hooks/use-certificate';
import { PartyTags } from './columns';
import { RefuseModal, SignModal } from './sign-modal';

interface SignatureCheck {
  party: 'hospital' | 'manufacturer' | 'distributor';
  valid: boolean;
  reason: string | null;
  signer: string | null;
  certSerial: string | null;
  signingTime: string | null;
}
type Detail = ContractRow & { signatures: SignatureCheck[] };

export function ContractShow() {
  const t = useTranslate();
  const { message } = App.useApp();
  const { id = '' } = useParams();
  const { data: me } = useGetIdentity<Me>();
  const [dialog, setDialog] = useState<'sign' | 'refuse' | 'history' | null>(null);
  const { certificate } = useCertificate(!!me?.role && ['hospital', 'manufacturer', 'distributor'].includes(me.role));
  const { result, query } = useCustom<{ data: Detail }>({ url: `/api/contracts/${id}/detail`, method: 'get', errorNotification: false });
  const c = (result?.data as unknown as { data?: Detail } | undefined)?.data;
  if (query.isLoading) return <Spin />;
  if (!c) return <Alert type="error" showIcon message={(query.error as Error | null)?.message ?? t('contracts.show.title')} />;
  const download = (path: string, name: string) => downloadFile(path, {}, name).catch((e: Error) => message.error(e.message));
  const refused = c.refusedParty ? `${CONTRACT_PARTY_LABELS[c.refusedParty].zh}：${c.refuseReason ?? ''}` : null;

  return (
    <Card
      title={
        <Space>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t('contracts.show.title')} {c.code}
          </Typography.Title>
          <StatusTag machine="contract" value={c.status} />
        </Space>
      }
      extra={<Link to="/contracts">{t('contracts.show.back')}</Link>}
    >
      <Space wrap style={{ marginBottom: 16 }}>
        <RowActions
          actions={c.actions}
          specs={{
            sign: { label: t('contracts.sign'), onClick: () => setDialog('sign') },
            refuse: { label: t('contracts.refuse'), danger: true, onClick: () => setDialog('refuse') },
          }}
        />
        <Button type="primary" onClick={() => download(`/api/contracts/${c.documentId}/pdf`, `三方合同-${c.code}.pdf`)}>
          {t('contracts.show.pdf')}
        </Button>
        <Button onClick={() => download(`/api/contracts/${c.documentId}/content`, 'content.bin')}>{t('contracts.show.content')}</Button>
        <Button onClick={() => download('/api/pki/ca.pem', 'ca.pem')}>{t('contracts.show.caPem')}</Button>
        <Button onClick={() => setDialog('history')}>{t('contracts.history')}</Button>
      </Space>
      <Descriptions bordered size="small" column={2} title={t('contracts.show.basic')}>
        <Descriptions.Item label={t('contracts.col.hospital')}>{c.hospitalName}</Descriptions.Item>
        <Descriptions.Item label={t('contracts.col.manufacturer')}>{c.manufacturerName}</Descriptions.Item>
        <Descriptions.Item label={t('contracts.col.distributor')}>{c.distributorName}</Descriptions.Item>
        <Descriptions.Item
          label={t('contracts.col.product')}
        >{`${c.productName ?? ''}（${c.productCode ?? ''}）${[c.spec, c.model].filter(Boolean).join(' ')}`}</Descriptions.Item>
        <Descriptions.Item label={t('contracts.col.quantity')}>{`${c.quantity} ${c.unit ?? ''}`}</Descriptions.Item>
        <Descriptions.Item label={t('contracts.col.price')}>{formatFen(c.priceFen)}</Descriptions.Item>
        <Descriptions.Item label={t('contracts.col.amount')}>{formatFen(c.amountFen)}</Descriptions.Item>
        <Descriptions.Item label={t('contracts.col.period')}>{`${c.startDate} ~ ${c.endDate}`}</Descriptions.Item>
        <Descriptions.Item label={t('contracts.col.progress')}>{`${c.orderedQuantity} / ${c.quantity}`}</Descriptions.Item>
        <Descriptions.Item label={t('contracts.col.parties')}>
          <PartyTags row={c} />
        </Descriptions.Item>
        <Descriptions.Item label={t('contracts.show.hash')} span={2}>
          <Typography.Text code copyable>
            {c.contentHash}
          </Typography.Text>
        </Descriptions.Item>
        {refused && (
          <Descriptions.Item label={t('contracts.show.refused')} span={2}>
            {refused}
          </Descriptions.Item>
        )}
      </Descriptions>
      <Typography.Title level={5} style={{ marginTop: 24 }}>
        {t('contracts.show.signatures')}
      </Typography.Title>
      <Table<ContractRow['parties'][number]>
        rowKey="party"
        size="small"
        pagination={false}
        dataSource={c.parties}
        columns={[
          {
            title: t('contracts.col.parties'),
            dataIndex: 'party',
            render: (p: SignatureCheck['party'], r) => `${CONTRACT_PARTY_LABELS[p].zh} ${r.orgName ?? ''}`,
          },
          {
            title: t('contracts.col.status'),
            key: 'verified',
            render: (_: unknown, r) => {
              const s = c.signatures.find((x) => x.party === r.party);
              if (!s) return <Tag>{t('contracts.show.notSigned')}</Tag>;
              return s.valid ? (
                <Tag color="green">{t('contracts.show.verified')}</Tag>
              ) : (
                <Tag color="red">{`${t('contracts.show.invalid')}：${s.reason ?? ''}`}</Tag>
              );
            },
          },
          { title: t('contracts.show.signer'), key: 'signer', render: (_: unknown, r) => c.signatures.find((x) => x.party === r.party)?.signer ?? '' },
          { title: t('contracts.show.serial'), key: 'serial', render: (_: unknown, r) => c.signatures.find((x) => x.party === r.party)?.certSerial ?? '' },
          {
            title: t('contracts.show.time'),
            key: 'time',
            render: (_: unknown, r) => chinaDateTime(c.signatures.find((x) => x.party === r.party)?.signingTime ?? r.signedAt),
          },
          {
            title: t('contracts.show.p7s'),
            key: 'p7s',
            render: (_: unknown, r) =>
              r.signed ? (
                <Button type="link" size="small" onClick={() => download(`/api/contracts/${c.documentId}/signatures/${r.party}.p7s`, `${r.party}.p7s`)}>
                  {`${r.party}.p7s`}
                </Button>
              ) : null,
          },
        ]}
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
        {t('contracts.show.verifyHint')}
      </Typography.Paragraph>
      {dialog === 'sign' && <SignModal documentId={c.documentId} hasCertificate={!!certificate && !certificate.locked} onClose={() => setDialog(null)} />}
      {dialog === 'refuse' && <RefuseModal documentId={c.documentId} onClose={() => setDialog(null)} />}
      <HistoryDrawer
        entity="contract"
        machine="contract"
        documentId={dialog === 'history' ? c.documentId : null}
        title={t('contracts.timeline')}
        onClose={() => setDialog(null)}
      />
    </Card>
  );
}
