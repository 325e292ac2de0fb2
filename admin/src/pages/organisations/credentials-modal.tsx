/** The first logins just made: username and one-time password, shown once; a batch also as a downloadable sheet. */
import { Alert, Button, Modal, Table, Typography } from 'antd';
import { useTranslate } from '@refinedev/core';
import { saveBlob } from '../../components/api-helpers';
import { base64Blob, type Credential, type CredentialBatch } from './types';

export function CredentialsModal({ batch, onClose }: { batch: CredentialBatch | null; onClose: () => void }) {
  const t = useTranslate();
  const l = (k: string) => t(`organisation.platform.${k}`);
  return (
    <Modal
      open={!!batch}
      title={l('credentialsTitle')}
      onOk={onClose}
      onCancel={onClose}
      cancelButtonProps={{ style: { display: 'none' } }}
      width={720}
      destroyOnHidden
    >
      <Alert type="warning" showIcon message={l('credentialsNote')} style={{ marginBottom: 12 }} />
      {batch?.file && (
        <Button style={{ marginBottom: 12 }} onClick={() => saveBlob(base64Blob(batch.file!), batch.fileName ?? 'credentials.xlsx')}>
          {l('downloadCredentials')}
        </Button>
      )}
      <Table<Credential>
        size="small"
        rowKey="username"
        pagination={{ pageSize: 10 }}
        dataSource={batch?.credentials ?? []}
        columns={[
          { title: l('name'), dataIndex: 'organisation' },
          { title: l('username'), dataIndex: 'username', render: (v: string) => <Typography.Text copyable>{v}</Typography.Text> },
          {
            title: t('organisation.operators.passwordTitle'),
            dataIndex: 'password',
            render: (v: string) => (
              <Typography.Text code copyable data-testid="credential-password">
                {v}
              </Typography.Text>
            ),
          },
        ]}
      />
    </Modal>
  );
}
