/** Shows a one-time password once (operators, first logins): the holder must change it at first login. */
import { Alert, Descriptions, Modal, Typography } from 'antd';
import { useTranslate } from '@refinedev/core';

export interface OneTimeCredential {
  username: string;
  password: string;
}

export function OneTimePasswordModal({ credential, onClose }: { credential: OneTimeCredential | null; onClose: () => void }) {
  const t = useTranslate();
  return (
    <Modal
      open={!!credential}
      title={t('organisation.operators.passwordTitle')}
      onOk={onClose}
      onCancel={onClose}
      cancelButtonProps={{ style: { display: 'none' } }}
      destroyOnHidden
    >
      <Alert type="warning" showIcon message={t('organisation.operators.passwordNote')} style={{ marginBottom: 12 }} />
      {credential && (
        <Descriptions column={1} bordered size="small">
          <Descriptions.Item label={t('organisation.operators.username')}>
            <Typography.Text copyable data-testid="credential-username">
              {credential.username}
            </Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label={t('organisation.operators.passwordTitle')}>
            <Typography.Text copyable code data-testid="credential-password">
              {credential.password}
            </Typography.Text>
          </Descriptions.Item>
        </Descriptions>
      )}
    </Modal>
  );
}
