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
  const budgetYear = sp.get('budgetYear') ? Number(sp.get('budgetYear')) || undefined : undefined;

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
                  if (y) next.set('budgetYear', String(y));
                  else next.delete('budgetYear');
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
