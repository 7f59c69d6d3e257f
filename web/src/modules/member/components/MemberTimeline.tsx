import { Empty, Timeline, Typography } from 'antd';
import type { MembershipEvent } from '../../../api/members';
import { useMemberVocab } from '../member-vocab';
import { useI18n } from '../../../i18n';

const EVENT_COLOR: Record<string, string> = {
  joined: 'green',
  rejoined: 'green',
  transferred_in: 'blue',
  transferred_out: 'blue',
  retained: 'orange',
  left: 'gray',
};

/** 会籍时间线: every membership event, newest first. */
export function MemberTimeline({ events }: { events: MembershipEvent[] }) {
  const { eventLabel } = useMemberVocab();
  const { t } = useI18n();
  if (!events.length) return <Empty description={t('common.noData')} />;
  const sorted = [...events].sort((a, b) => (a.onDate === b.onDate ? b.createdAt.localeCompare(a.createdAt) : b.onDate.localeCompare(a.onDate)));
  return (
    <div data-testid="member-timeline">
      <Timeline
        items={sorted.map((e) => ({
          key: e.id,
          color: EVENT_COLOR[e.kind] ?? 'blue',
          title: e.onDate,
          content: (
            <div data-testid={`member-event-${e.kind}`}>
              <Typography.Text strong>{eventLabel(e.kind)}</Typography.Text>
              <div>
                <Typography.Text type="secondary">{e.orgName}</Typography.Text>
              </div>
              {e.reason && <div style={{ fontSize: 13 }}>{t('member.event.reason', { reason: e.reason })}</div>}
            </div>
          ),
        }))}
      />
    </div>
  );
}
