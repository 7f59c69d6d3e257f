import { useEffect, useState } from 'react';
import { App, DatePicker, Form, Input, Modal } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { memberApi, type MemberDetail } from '../../../api/members';
import { useApiError } from '../../../app/use-api-error';
import { useI18n, type MessageKey } from '../../../i18n';
import { testId } from '../../../app/test-id';

export type StatusChangeKind = 'retained' | 'left' | 'reactivated';

/** Which changes each status allows (server: member.service.ts STATUS_TRANSITIONS). */
export const STATUS_ACTIONS: Record<string, StatusChangeKind[]> = {
  active: ['retained', 'left'],
  retained: ['reactivated', 'left'],
};

export const STATUS_ACTION_LABEL: Record<StatusChangeKind, MessageKey> = {
  retained: 'member.status.retain',
  left: 'member.status.leave',
  reactivated: 'member.status.reactivate',
};

const HINT: Record<StatusChangeKind, MessageKey> = {
  retained: 'member.status.retainHint',
  left: 'member.status.leaveHint',
  reactivated: 'member.status.reactivateHint',
};

/** 保留会籍 / 退会 / 恢复: one membership event with its date and reason. */
export function StatusChangeModal({ member, kind, onClose, onDone }: { member: MemberDetail; kind: StatusChangeKind | null; onClose: () => void; onDone: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { showError } = useApiError();
  const [form] = Form.useForm<{ onDate: Dayjs; reason?: string }>();
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (kind) {
      form.resetFields();
      form.setFieldsValue({ onDate: dayjs() });
    }
  }, [kind, form]);

  const submit = async () => {
    let v: { onDate: Dayjs; reason?: string };
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    setSaving(true);
    try {
      await memberApi.changeStatus(member.id, { kind: kind!, onDate: v.onDate.format('YYYY-MM-DD'), reason: v.reason?.trim() || undefined, version: member.version });
      void message.success(t('member.status.done'));
      onDone();
    } catch (e) {
      showError(e, { form, reload: onDone });
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={!!kind}
      title={kind ? `${t(STATUS_ACTION_LABEL[kind])} · ${member.name}` : ''}
      onCancel={onClose}
      onOk={submit}
      okText={t('action.confirm')}
      okButtonProps={{ loading: saving, danger: kind === 'left', ...testId('member-status-submit') }}
      cancelText={t('action.cancel')}
      forceRender
      modalRender={(node) => <div data-testid="member-status-modal">{node}</div>}
    >
      {kind && <p>{t(HINT[kind])}</p>}
      <Form form={form} layout="vertical" name="member-status">
        <Form.Item name="onDate" label={t('member.status.onDate')} rules={[{ required: true, message: t('member.status.onDateRule') }]}>
          <DatePicker style={{ width: '100%' }} format="YYYY-MM-DD" disabledDate={(d) => d.isAfter(dayjs(), 'day')} data-testid="member-status-date" />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('member.status.reason')}
          rules={[
            { required: kind !== 'reactivated', whitespace: true, message: t('member.status.reasonRule') },
            { max: 200, message: t('member.rule.max', { n: 200 }) },
          ]}
        >
          <Input.TextArea rows={3} maxLength={200} showCount placeholder={kind === 'retained' ? t('member.status.retainPlaceholder') : undefined} data-testid="member-status-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
