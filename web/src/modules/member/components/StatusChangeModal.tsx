import { App } from 'antd';
import { memberApi, type MemberDetailT } from '../../../../../common/src/contracts/member';
import { MEMBER_STATUS_CHANGES, type MemberStatusChangeKind } from '../../../../../common/src/member-vocab';
import { call } from '../../../api/client';
import { useI18n, type MessageKey } from '../../../i18n';
import { FormModal, todayInChina, useText } from '../../../kit';
import { STATUS_CHANGES } from '../vocab';

const HINT: Record<MemberStatusChangeKind, MessageKey> = {
  retained: 'member.status.retainHint',
  left: 'member.status.leaveHint',
  reactivated: 'member.status.reactivateHint',
};

/** 保留会籍 / 退会 / 恢复: one membership event with its date and, where the change asks for one, its reason. */
export function StatusChangeModal({ member, kind, onClose, onDone }: { member: MemberDetailT; kind: MemberStatusChangeKind | null; onClose: () => void; onDone: () => void }) {
  const { t } = useI18n();
  const text = useText();
  const { message } = App.useApp();
  return (
    <FormModal<{ onDate: string; reason?: string }>
      open={!!kind}
      testId="member-status"
      title={kind ? `${text(STATUS_CHANGES[kind])} · ${member.name}` : ''}
      okText="action.confirm"
      danger={kind === 'left'}
      initialValues={{ onDate: todayInChina() }}
      onClose={onClose}
      onReload={onDone}
      onSubmit={async (v) => {
        await call(memberApi.changeStatus, { params: { id: member.id }, body: { kind: kind!, onDate: v.onDate, reason: v.reason, version: member.version } });
        void message.success(t('member.status.done'));
        onDone();
      }}
      fields={[
        { name: 'onDate', label: 'member.status.onDate', kind: 'date', noFuture: true, required: 'member.status.onDateRule', extra: kind ? HINT[kind] : undefined, testId: 'member-status-date' },
        {
          name: 'reason', label: 'member.status.reason', kind: 'textarea', max: 200, testId: 'member-status-reason',
          required: kind && MEMBER_STATUS_CHANGES[kind].reason ? 'member.status.reasonRule' : false, placeholder: kind === 'retained' ? 'member.status.retainPlaceholder' : undefined,
        },
      ]}
    />
  );
}
