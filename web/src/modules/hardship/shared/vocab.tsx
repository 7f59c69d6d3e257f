/**
 * Hardship vocabularies for the kit (StatusTag, select fields): the code lists and zh/en labels of
 * common/src/hardship-vocab.ts with their tag colours; the file statuses are the workflow's states
 * (common/src/hardship-workflow.ts).
 */
import * as V from '../../../../../common/src/hardship-vocab';
import { FILE_FLOW } from '../../../../../common/src/hardship-workflow';
import { useI18n } from '../../../i18n';
import { StatusTag, vocabOf, type Vocab } from '../../../kit';

export { V };
export { yuan, toFen } from '../../../kit';

export const TIER_COLOR: Record<string, string> = { deep: 'red', relative: 'orange', accident: 'purple' };
export const LEVEL_COLOR: Record<string, string> = { red: 'red', orange: 'orange', yellow: 'gold' };

export const TIERS = vocabOf(V.TIERS, V.TIER_LABELS, TIER_COLOR);
export const FILE_STATUSES: Vocab = FILE_FLOW.states;
export const WARNING_LEVELS = vocabOf(V.WARNING_LEVELS, V.WARNING_LEVEL_LABELS, LEVEL_COLOR);
export const CAUSES = vocabOf(V.CAUSES, V.CAUSE_LABELS);
export const HEALTH = vocabOf(V.HEALTH_STATUSES, V.HEALTH_LABELS);
export const DISABILITY = vocabOf(V.DISABILITY_GRADES, V.DISABILITY_LABELS);
export const EMPLOYMENT = vocabOf(V.EMPLOYMENT_STATUSES, V.EMPLOYMENT_STATUS_LABELS);
export const HOUSING = vocabOf(V.HOUSING_KINDS, V.HOUSING_LABELS);
export const MARITAL = vocabOf(V.MARITAL_STATUSES, V.MARITAL_LABELS);
export const HUKOU = vocabOf(V.HUKOU_TYPES, V.HUKOU_LABELS);
export const RELATIONSHIPS = vocabOf(V.RELATIONSHIPS, V.RELATIONSHIP_LABELS);
export const ORIGINS = vocabOf(V.FILE_ORIGINS, V.FILE_ORIGIN_LABELS);
export const EXIT_REASONS = vocabOf(V.EXIT_REASONS, V.EXIT_REASON_LABELS);
export const VISIT_KINDS = vocabOf(V.VISIT_KINDS, V.VISIT_KIND_LABELS);
export const ATTACHMENT_KINDS = vocabOf(V.ATTACHMENT_KINDS, V.ATTACHMENT_LABELS);
export const AID_KINDS = vocabOf(V.AID_KINDS, V.AID_KIND_LABELS);
export const WARNING_RULES = vocabOf(V.WARNING_RULES, V.WARNING_RULE_LABELS);

/** A household's tier (`tier-<code>`, or `tier-none` when it is not in hardship). */
export function TierTag({ tier }: { tier: string | null | undefined }) {
  const { t } = useI18n();
  return <StatusTag vocab={TIERS} value={tier ?? null} testId="tier" empty={t('hardship.tier.none')} />;
}

// The helpers below are kept for the aid, campaign, rule and warning pages until they use the kit
// (StatusTag, select fields with a `vocab`) themselves.
type Label = { zh: string; en: string };

/** Options for an antd Select from a code list and its labels. */
export function useOptions() {
  const { pick } = useI18n();
  return <K extends string>(codes: readonly K[], labels: Record<K, Label>) => codes.map((c) => ({ value: c, label: pick(labels[c]) }));
}

/** A label for a code from one of the vocabularies; unknown codes show as themselves. */
export function useLabel() {
  const { pick } = useI18n();
  return <K extends string>(labels: Record<K, Label>, code: string | null | undefined) => (code == null ? '' : pick((labels as Record<string, Label>)[code], code));
}

export function FileStatusTag({ status }: { status: string }) {
  return <StatusTag vocab={FILE_STATUSES} value={status} testId="file-status" />;
}

export function WarningLevelTag({ level }: { level: string }) {
  return <StatusTag vocab={WARNING_LEVELS} value={level} testId="warning-level" />;
}
