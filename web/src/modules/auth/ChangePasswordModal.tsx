import { App, Modal } from 'antd';
import { ChangePasswordForm } from './ChangePasswordForm';
import { useI18n } from '../../i18n';

export function ChangePasswordModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  return (
    <Modal open={open} title={t('user.changePassword')} footer={null} onCancel={onClose} destroyOnHidden width={440} modalRender={(node) => <div data-testid="change-password-modal">{node}</div>}>
      <ChangePasswordForm
        onDone={() => {
          void message.success(t('password.changed'));
          onClose();
        }}
      />
    </Modal>
  );
}
