/**
 * 证书管理: the organisation's signing certificate — 证书申领 (choose a PIN of 6–12 digits), 修改PIN, the
 * lock after 10 wrong PINs — and, for a bureau (its province) or the platform, the organisations'
 * certificates with 重新签发.
 */
import { useState } from 'react';
import { useGetIdentity, useTranslate } from '@refinedev/core';
import { Alert, App, Button, Card, Checkbox, Descriptions, Form, Input, Modal, Space, Table, Tag, Typography } from 'antd';
import { chinaDateTime, ORG_TYPE_LABELS, isOrgType } from '@domain';
import type { Me } from '../../providers/session';
import { downloadFile } from '../../components/api-helpers';
import { RowActions } from '../../components/row-actions';
import { useCertificate, type CertificateView } from '../../hooks/use-certificate';
import { usePageQuery } from '../../hooks/use-page-query';
import { useRowAction } from '../../hooks/use-row-action';

const PIN_RULE = /^\d{6,12}$/;

function PinModal({ mode, onClose }: { mode: 'apply' | 'change'; onClose: () => void }) {
  const t = useTranslate();
  const [form] = Form.useForm();
  const { run, running } = useRowAction();
  const [error, setError] = useState<string | null>(null);
  const submit = async () => {
    const v = await form.validateFields();
    try {
      if (mode === 'apply')
        await run({ url: '/pki/certificate/apply', values: { pin: v.pin, pinConfirm: v.pinConfirm }, success: t('certificates.applied'), quiet: true });
      else
        await run({
          url: '/pki/certificate/change-pin',
          values: { oldPin: v.oldPin, newPin: v.pin, pinConfirm: v.pinConfirm },
          success: t('certificates.changed'),
          quiet: true,
        });
      onClose();
    } catch (e) {
      setError((e as Error).message);
    }
  };
  const pinRules = [{ required: true, pattern: PIN_RULE, message: t('certificates.pinRule') }];
  return (
    <Modal
      open
      title={t(mode === 'apply' ? 'certificates.apply' : 'certificates.changePin')}
      onOk={submit}
      okButtonProps={{ loading: running }}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('certificates.pinRule')}</Typography.Paragraph>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical">
        {mode === 'change' && (
          <Form.Item name="oldPin" label={t('certificates.oldPin')} rules={pinRules}>
            <Input.Password autoComplete="off" maxLength={12} />
          </Form.Item>
        )}
        <Form.Item name="pin" label={t(mode === 'apply' ? 'certificates.pin' : 'certificates.newPin')} rules={pinRules}>
          <Input.Password autoComplete="off" maxLength={12} />
        </Form.Item>
        <Form.Item
          name="pinConfirm"
          label={t('certificates.pinConfirm')}
          dependencies={['pin']}
          rules={[
            { required: true },
            ({ getFieldValue }) => ({
              validator: (_, v) => (v === getFieldValue('pin') ? Promise.resolve() : Promise.reject(new Error(t('certificates.pinMismatch')))),
            }),
          ]}
        >
          <Input.Password autoComplete="off" maxLength={12} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function MyCertificate({ certificate }: { certificate: CertificateView | null }) {
  const t = useTranslate();
  const [mode, setMode] = useState<'apply' | 'change' | null>(null);
  return (
    <>
      {certificate ? (
        <>
          {certificate.locked && <Alert type="error" showIcon message={t('certificates.lockedHint')} style={{ marginBottom: 12 }} />}
          <Descriptions bordered size="small" column={1}>
            <Descriptions.Item label={t('certificates.subject')}>{certificate.subject}</Descriptions.Item>
            <Descriptions.Item label={t('certificates.serial')}>{certificate.serial}</Descriptions.Item>
            <Descriptions.Item
              label={t('certificates.validity')}
            >{`${chinaDateTime(certificate.validFrom)} ~ ${chinaDateTime(certificate.validTo)}`}</Descriptions.Item>
            <Descriptions.Item label={t('certificates.algorithm')}>ECDSA P-256 / SHA-256</Descriptions.Item>
            <Descriptions.Item label={t('certificates.state')}>
              {certificate.locked ? <Tag color="red">{t('certificates.locked')}</Tag> : <Tag color="green">{t('certificates.ok')}</Tag>}
            </Descriptions.Item>
            <Descriptions.Item label={t('certificates.attemptsLeft')}>{certificate.attemptsLeft}</Descriptions.Item>
          </Descriptions>
          {!certificate.locked && (
            <Button style={{ marginTop: 12 }} onClick={() => setMode('change')}>
              {t('certificates.changePin')}
            </Button>
          )}
        </>
      ) : (
        <Space direction="vertical">
          <Typography.Text>{t('certificates.none')}</Typography.Text>
          <Button type="primary" onClick={() => setMode('apply')}>
            {t('certificates.apply')}
          </Button>
        </Space>
      )}
      {mode && <PinModal mode={mode} onClose={() => setMode(null)} />}
    </>
  );
}

interface OrgCertRow {
  orgDocumentId: string;
  orgName: string;
  orgType: string;
  creditCode: string | null;
  certificate: CertificateView | null;
  actions: string[];
}

function OrgCertificates() {
  const t = useTranslate();
  const { modal } = App.useApp();
  const { run } = useRowAction();
  const [q, setQ] = useState<string | undefined>();
  const [locked, setLocked] = useState(false);
  const { rows, pagination, loading } = usePageQuery<OrgCertRow>(
    '/api/pki/certificates',
    { ...(q ? { q } : {}), ...(locked ? { locked: true } : {}) },
    { pageSize: 10 },
  );
  const reissue = (r: OrgCertRow) =>
    modal.confirm({
      title: t('certificates.reissue'),
      content: t('certificates.reissueConfirm'),
      onOk: () => run({ url: `/pki/certificates/${r.orgDocumentId}/reissue`, success: t('certificates.reissued') }),
    });
  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search
          aria-label={t('certificates.search')}
          placeholder={t('certificates.search')}
          allowClear
          onSearch={(v) => setQ(v || undefined)}
          style={{ width: 260 }}
        />
        <Checkbox checked={locked} onChange={(e) => setLocked(e.target.checked)}>
          {t('certificates.onlyLocked')}
        </Checkbox>
      </Space>
      <Table<OrgCertRow>
        rowKey="orgDocumentId"
        loading={loading}
        dataSource={rows}
        pagination={pagination}
        columns={[
          { title: t('certificates.org'), dataIndex: 'orgName' },
          { title: t('certificates.orgType'), dataIndex: 'orgType', render: (v: string) => (isOrgType(v) ? ORG_TYPE_LABELS[v].zh : v) },
          { title: t('certificates.creditCode'), dataIndex: 'creditCode' },
          { title: t('certificates.serial'), key: 'serial', render: (_: unknown, r) => r.certificate?.serial ?? t('certificates.noCert') },
          {
            title: t('certificates.state'),
            key: 'state',
            render: (_: unknown, r) =>
              r.certificate ? r.certificate.locked ? <Tag color="red">{t('certificates.locked')}</Tag> : <Tag color="green">{t('certificates.ok')}</Tag> : null,
          },
          {
            title: '',
            key: 'actions',
            render: (_: unknown, r) => <RowActions actions={r.actions} specs={{ reissue: { label: t('certificates.reissue'), onClick: () => reissue(r) } }} />,
          },
        ]}
      />
    </>
  );
}

export function CertificatePage() {
  const t = useTranslate();
  const { message } = App.useApp();
  const { data: me } = useGetIdentity<Me>();
  const signer = !!me?.role && ['hospital', 'manufacturer', 'distributor'].includes(me.role);
  const { certificate, loading } = useCertificate(signer);
  return (
    <Card
      title={
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('certificates.title')}
        </Typography.Title>
      }
      extra={
        <Button onClick={() => downloadFile('/api/pki/ca.pem', {}, 'ca.pem').catch((e: Error) => message.error(e.message))}>{t('certificates.caPem')}</Button>
      }
      loading={signer && loading}
    >
      {signer ? <MyCertificate certificate={certificate} /> : <OrgCertificates />}
    </Card>
  );
}
