import { Tag } from 'antd';
import { useI18n } from '../i18n';
import type { Vocab } from './text';

/** A code of a vocabulary as a coloured tag (status, tier, level …); unknown codes show as themselves. */
export function StatusTag({ vocab, value, testId, empty }: { vocab: Vocab; value: string | null | undefined; testId?: string; empty?: string }) {
  const { pick } = useI18n();
  if (value == null) return empty ? <Tag data-testid={testId ? `${testId}-none` : undefined}>{empty}</Tag> : null;
  const v = vocab[value];
  return (
    <Tag color={v?.color ?? 'default'} data-testid={testId ? `${testId}-${value}` : undefined}>
      {pick(v, value)}
    </Tag>
  );
}
