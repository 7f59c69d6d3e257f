import { Alert, App } from 'antd';
import { portalApi } from '../../../../common/src/contracts/portal';
import { call } from '../../api/client';
import { useI18n } from '../../i18n';
import { FormModal } from '../../kit';

/** The union unlinks a worker account from a member record (POST /api/members/:id/portal-unlink), with a reason; audited. */
export function PortalUnlinkModal({ memberId, onClose }: { memberId: string | null; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  return (
    <FormModal<{ reason: string }>
      open={!!memberId}
      title={t('portalReview.unlink')}
      testId="member-portal-unlink-form"
      intro={<Alert type="warning" showIcon title={t('portalReview.unlinkHint')} style={{ marginBottom: 12 }} />}
      fields={[{ name: 'reason', label: 'portalReview.reason', kind: 'textarea', required: true, max: 200 }]}
      onClose={onClose}
      onSubmit={(v) => call(portalApi.adminUnlink, { params: { id: memberId! }, body: { reason: v.reason } })}
      onDone={() => { void message.success(t('portalReview.unlinked')); onClose(); }}
    />
  );
}
