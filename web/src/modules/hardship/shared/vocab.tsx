/**
 * Hardship vocabulary for the web pages: the same code lists and zh/en labels the server uses
 * (common/src/hardship-vocab.ts), as select options and coloured tags, plus money in fen shown as
 * yuan. Every hardship page takes its labels from here so a code reads the same everywhere.
 */
import { Tag } from 'antd';
import * as V from '../../../../../common/src/hardship-vocab';
import { useI18n } from '../../../i18n';

type Label = { zh: string; en: string };
export { V };

/** Options for an antd Select from a code list and its labels. */
export function useOptions() {
  const { pick } = useI18n();
  return <K extends string>(codes: readonly K[], labels: Record<K, Label>) => codes.map((c) => ({ value: c, label: pick(labels[c]) }));
}

/** A label for a code from one of the vocabularies; unknown codes show as themselves. */
export function useLabel() {
  const { pick } = useI18n();
  return <K extends string>(labels: Record<K, Label>, code: string | null | undefined) =>
    code == null ? '' : pick((labels as Record<string, Label>)[code], code);
}

export const TIER_COLOR: Record<string, string> = { deep: 'red', relative: 'orange', accident: 'purple' };
export const STATUS_COLOR: Record<string, string> = { applied: 'blue', reviewing: 'processing', filed: 'green', exited: 'default', rejected: 'default' };
export const LEVEL_COLOR: Record<string, string> = { red: 'red', orange: 'orange', yellow: 'gold' };

export function TierTag({ tier }: { tier: string | null | undefined }) {
  const label = useLabel();
  const { t } = useI18n();
  if (!tier) return <Tag data-testid="tier-none">{t('hardship.tier.none')}</Tag>;
  return (
    <Tag color={TIER_COLOR[tier] ?? 'default'} data-testid={`tier-${tier}`}>
      {label(V.TIER_LABELS, tier)}
    </Tag>
  );
}

export function FileStatusTag({ status }: { status: string }) {
  const label = useLabel();
  return (
    <Tag color={STATUS_COLOR[status] ?? 'default'} data-testid={`file-status-${status}`}>
      {label(V.FILE_STATUS_LABELS, status)}
    </Tag>
  );
}

export function WarningLevelTag({ level }: { level: string }) {
  const label = useLabel();
  return (
    <Tag color={LEVEL_COLOR[level] ?? 'default'} data-testid={`warning-level-${level}`}>
      {label(V.WARNING_LEVEL_LABELS, level)}
    </Tag>
  );
}

/** Money is stored in fen (integers); people read yuan with two decimals and thousands separators. */
export function yuan(fen: number | null | undefined): string {
  if (fen == null) return '—';
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  return `${sign}¥${Math.floor(abs / 100).toLocaleString('zh-CN')}.${String(abs % 100).padStart(2, '0')}`;
}

/** A yuan amount typed into a form (InputNumber, two decimals) as integer fen. */
export function toFen(yuanValue: number): number {
  return Math.round(yuanValue * 100);
}
