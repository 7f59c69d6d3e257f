import { useSearchParams } from 'react-router-dom';
import { Tabs } from 'antd';
import { useI18n } from '../../../i18n';
import { PageHeader } from '../../../kit';
import { AidRecordsList } from './AidRecordsList';
import { BudgetsList } from './BudgetsList';

/** 帮扶救助与资金: the aid records in scope, and the budgets they are paid from. The tab lives in the URL. */
export default function AidPage() {
  const { t } = useI18n();
  const [sp, setSp] = useSearchParams();
  const tab = sp.get('tab') === 'budgets' ? 'budgets' : 'records';
  return (
    <div data-testid="hs-aid-page">
      <PageHeader title={t('menu.hardshipAid')} crumbs={[{ title: t('menu.hardship') }, { title: t('menu.hardshipAid') }]} />
      <Tabs
        activeKey={tab}
        // Budgets open on this year's (totals across years mean little); clearing the year shows every year.
        onChange={(k) => setSp(k === 'budgets' ? { tab: 'budgets', year: String(new Date().getFullYear()) } : {})}
        destroyOnHidden
        items={[
          { key: 'records', label: <span data-testid="hs-aid-tab-records">{t('hsAid.tab.records')}</span>, children: <AidRecordsList /> },
          { key: 'budgets', label: <span data-testid="hs-aid-tab-budgets">{t('hsAid.tab.budgets')}</span>, children: <BudgetsList /> },
        ]}
      />
    </div>
  );
}
