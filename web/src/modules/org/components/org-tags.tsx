import { Tag } from 'antd';
import type { TermStatus } from '../../../../../common/src/org';
import { useI18n, type MessageKey } from '../../../i18n';

const TERM: Record<TermStatus, { color: string; label: MessageKey }> = {
  expired: { color: 'red', label: 'term.expired' },
  expiring: { color: 'orange', label: 'term.expiring' },
  ok: { color: 'green', label: 'term.ok' },
  unknown: { color: 'default', label: 'term.unknown' },
};

/** 换届 status: red 已到期, orange 即将到期 (within 90 days), green 正常, grey 未填写. */
export function TermTag({ status, end }: { status: TermStatus; end?: string | null }) {
  const { t } = useI18n();
  const s = TERM[status];
  return (
    <span style={{ whiteSpace: 'nowrap' }}>
      {end && <span style={{ marginRight: 6 }}>{end}</span>}
      <Tag color={s.color} data-testid={`term-tag-${status}`}>
        {t(s.label)}
      </Tag>
    </span>
  );
}

export function ActiveTag({ active }: { active: boolean }) {
  const { t } = useI18n();
  return active ? <Tag color="success">{t('common.active')}</Tag> : <Tag color="default">{t('common.inactive')}</Tag>;
}
