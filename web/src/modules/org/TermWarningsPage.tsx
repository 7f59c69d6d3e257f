import { Alert } from 'antd';
import { OrgListView } from './components/OrgListView';
import type { OrgListParams } from '../../api/types';
import { useI18n } from '../../i18n';

// Stable objects: the list view memoises on them.
const FIXED: OrgListParams = { termStatus: 'due' };
const DEFAULTS: OrgListParams = { sort: 'termEnd', order: 'asc' };

/** 换届提醒: every body whose committee term has ended or ends within 90 days, soonest first. */
export default function TermWarningsPage() {
  const { t } = useI18n();
  return (
    <>
      <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={t('org.warnings.note')} data-testid="org-warnings-note" />
      <OrgListView title={t('menu.orgWarnings')} testIdPrefix="org-warnings" fixed={FIXED} defaults={DEFAULTS} hideFilters={['termStatus']} />
    </>
  );
}
