import { Tag, Tooltip } from 'antd';
import { inForceOn } from '../../../../../../common/src/hardship-caps';
import { useI18n } from '../../../../i18n';
import type { FieldSpec } from '../../../../kit';

/** The two fields every rule record carries: where it comes from, and whether that source is weak (a local practice or a guess). */
export function sourceFields(t: (k: 'hsAid.rules.sourceRequired') => string): FieldSpec[] {
  return [
    { name: 'source', label: 'hsAid.rules.source', kind: 'textarea', required: 'hsAid.rules.sourceRequired', max: 500, span: 24, placeholder: 'hsAid.rules.sourcePlaceholder', rules: [{ min: 2, message: t('hsAid.rules.sourceRequired') }] },
    { name: 'weak', label: 'hsAid.rules.weakLabel', kind: 'checkbox', span: 24, extra: 'hsAid.rules.weakHint' },
  ];
}

export function WeakTag() {
  const { t } = useI18n();
  return (
    <Tooltip title={t('hsAid.rules.weakHint')}>
      <Tag color="orange">{t('hsAid.rules.weakTag')}</Tag>
    </Tooltip>
  );
}

/** In force today, not yet, or ended (a dated rule record). */
export function PeriodTag({ from, to, today }: { from: string; to?: string | null; today: string }) {
  const { t } = useI18n();
  if (from > today) return <Tag color="blue">{t('hsAid.rules.upcoming')}</Tag>;
  if (!inForceOn(from, to, today)) return <Tag>{t('hsAid.cap.ended')}</Tag>;
  return <Tag color="green">{t('hsAid.rules.inForce')}</Tag>;
}
