import { OrgListView } from './components/OrgListView';
import { useI18n } from '../../i18n';

export default function OrgListPage() {
  const { t } = useI18n();
  return <OrgListView title={t('menu.orgList')} testIdPrefix="org-list" />;
}
