import { useSearchParams } from 'react-router-dom';
import { Tabs, Typography } from 'antd';
import { useI18n } from '../../../i18n';
import { AidRecordsTab } from './components/AidRecordsTab';
import { BudgetsTab } from './components/BudgetsTab';

/** 帮扶救助与资金: the aid records in scope, and the budgets they are paid from. The tab lives in the URL. */
export default function AidPage() {
  const { t } = useI18n();
  const [sp, setSp] = useSearchParams();
  const tab = sp.get('tab') === 'budgets' ? 'budgets' : 'records';
  // Budgets open on the current year (totals across years mean little); "all" shows every year.
  const rawYear = sp.get('budgetYear');
  const budgetYear = rawYear === 'all' ? undefined : Number(rawYear) || new Date().getFullYear();

  return (
    <div data-testid="hs-aid-page">
      <div className="gh-page-header">
        <Typography.Title level={4}>{t('menu.hardshipAid')}</Typography.Title>
      </div>
      <Tabs
        activeKey={tab}
        onChange={(k) => setSp(k === 'budgets' ? { tab: 'budgets' } : {})}
        destroyOnHidden
        items={[
          { key: 'records', label: <span data-testid="hs-aid-tab-records">{t('hsAid.tab.records')}</span>, children: <AidRecordsTab /> },
          {
            key: 'budgets',
            label: <span data-testid="hs-aid-tab-budgets">{t('hsAid.tab.budgets')}</span>,
            children: (
              <BudgetsTab
                year={budgetYear}
                onYear={(y) => {
                  const next = new URLSearchParams(sp);
                  next.set('budgetYear', y ? String(y) : 'all');
                  setSp(next);
                }}
              />
            ),
          },
        ]}
      />
    </div>
  );
}
