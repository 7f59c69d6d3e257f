import { Alert, Modal, Typography } from 'antd';
import { useI18n } from '../../../i18n';
import { testId } from '../../../app/test-id';

/** The generated temporary password, shown exactly once; the user must change it at first sign-in. */
export function TempPasswordModal({ value, onClose }: { value: { password: string; username: string } | null; onClose: () => void }) {
  const { t } = useI18n();
  return (
    <Modal
      open={!!value}
      title={t('user.tempPassword.title')}
      onOk={onClose}
      onCancel={onClose}
      okText={t('user.tempPassword.done')}
      cancelButtonProps={{ style: { display: 'none' } }}
      okButtonProps={testId('temp-password-close')}
      mask={{ closable: false }}
      modalRender={(node) => <div data-testid="temp-password-modal">{node}</div>}
    >
      {value && (
        <>
          <Alert type="warning" showIcon title={t('user.tempPassword.once')} style={{ marginBottom: 16 }} />
          <Typography.Paragraph>{t('user.tempPassword.for', { username: value.username })}</Typography.Paragraph>
          <Typography.Paragraph copyable={{ text: value.password }} style={{ fontSize: 20, fontFamily: 'monospace', textAlign: 'center' }}>
            <span data-testid="temp-password-value">{value.password}</span>
          </Typography.Paragraph>
        </>
      )}
    </Modal>
  );
}
