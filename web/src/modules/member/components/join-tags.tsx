import { Tag } from 'antd';
import { useI18n, type MessageKey } from '../../../i18n';

const STATUS: Record<string, { color: string; label: MessageKey }> = {
  pending: { color: 'processing', label: 'join.status.pending' },
  approved: { color: 'success', label: 'join.status.approved' },
  rejected: { color: 'default', label: 'join.status.rejected' },
};

export function JoinStatusTag({ status }: { status: string }) {
  const { t } = useI18n();
  const s = STATUS[status];
  return (
    <Tag color={s?.color ?? 'default'} data-testid={`join-status-${status}`}>
      {s ? t(s.label) : status}
    </Tag>
  );
}

/** The 15-working-day answer deadline: red 已逾期, orange when 3 working days or fewer remain. */
export function DeadlineTag({ item }: { item: { status: string; overdue: boolean; workingDaysLeft: number | null } }) {
  const { t } = useI18n();
  if (item.status !== 'pending') return null;
  if (item.overdue) {
    return (
      <Tag color="red" data-testid="join-overdue">
        {t('join.overdue')}
      </Tag>
    );
  }
  const left = item.workingDaysLeft ?? 0;
  return (
    <Tag color={left <= 3 ? 'orange' : 'default'} data-testid="join-days-left">
      {t('join.daysLeft', { n: left })}
    </Tag>
  );
}
