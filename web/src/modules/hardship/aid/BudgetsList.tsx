import { useState } from 'react';
import { App, Button, Progress, Space, Statistic, Tooltip, Typography } from 'antd';
import { EditOutlined, HistoryOutlined, PlusOutlined } from '@ant-design/icons';
import { hardshipAidApi, type BudgetItem } from '../../../../../common/src/contracts/hardship-aid';
import { call } from '../../../api/client';
import { useAccess } from '../../../app/auth-context';
import { useI18n } from '../../../i18n';
import { testId } from '../../../app/test-id';
import { FormModal, ListPage, yuan } from '../../../kit';
import { HistoryDrawer } from '../../../kit';

/** Share of the allocation spent at which a budget shows red (nearly used up). */
const NEARLY_SPENT = 0.9;
const spentShare = (b: BudgetItem) => (b.allocatedFen > 0 ? b.spentFen / b.allocatedFen : 1);

type Target = { mode: 'create' } | { mode: 'edit'; budget: BudgetItem };

/** 资金预算: allocation, spent and remaining per union, year and budget line, with the totals of the filter; created and adjusted with budget.manage. */
export function BudgetsList() {
  const { t } = useI18n();
  const access = useAccess();
  const [target, setTarget] = useState<Target | null>(null);
  const [history, setHistory] = useState<BudgetItem | null>(null);
  const [tick, setTick] = useState(0);
  return (
    <>
      <ListPage testId="hs-budget" endpoint={hardshipAidApi.budgets}
        embedded
        keep={['tab']}
        reloadKey={tick}
        rowTestId={(b) => `hs-budget-row-${b.id}`}
        empty="hsAid.budget.empty"
        scrollX={1100}
        filters={[
          { name: 'year', label: 'hsAid.filter.year', kind: 'number', min: 2000, max: 2100, span: 4 },
          { name: 'under', label: 'hsAid.budget.under', kind: 'org' },
          { name: 'q', label: 'hsAid.budget.q', max: 40 },
        ]}
        toolbar={access.canManageBudget && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setTarget({ mode: 'create' })} data-testid="hs-budget-new">
            {t('hsAid.budget.new')}
          </Button>
        )}
        extra={(p) => p && (
          <Space size={32} wrap style={{ marginBottom: 16 }} data-testid="hs-budget-totals">
            <Statistic title={t('hsAid.budget.totalAllocated')} value={yuan(p.totals.allocatedFen)} styles={{ content: { fontSize: 18 } }} />
            <Statistic title={t('hsAid.budget.totalSpent')} value={yuan(p.totals.spentFen)} styles={{ content: { fontSize: 18 } }} />
            <Statistic title={t('hsAid.budget.totalRemaining')} value={yuan(p.totals.remainingFen)} styles={{ content: { fontSize: 18 } }} />
          </Space>
        )}
        columns={[
          { key: 'orgName', title: 'hsAid.budget.org', dataIndex: 'orgName', ellipsis: true, fixedShown: true },
          { key: 'year', title: 'hsAid.budget.year', dataIndex: 'year', width: 80 },
          { key: 'line', title: 'hsAid.budget.line', dataIndex: 'line', width: 140, ellipsis: true },
          { key: 'allocatedFen', title: 'hsAid.budget.allocated', dataIndex: 'allocatedFen', width: 140, align: 'right', render: (f: number) => yuan(f) },
          { key: 'spentFen', title: 'hsAid.budget.spent', dataIndex: 'spentFen', width: 140, align: 'right', render: (f: number) => yuan(f) },
          {
            key: 'remainingFen', title: 'hsAid.budget.remaining', dataIndex: 'remainingFen', width: 230,
            render: (f: number, b) => {
              const share = spentShare(b);
              const red = share >= NEARLY_SPENT;
              return (
                <div data-testid={`hs-budget-remaining-${b.id}`} data-nearly-spent={String(red)}>
                  <Typography.Text type={red ? 'danger' : undefined} strong={red}>{yuan(f)}</Typography.Text>
                  <Tooltip title={t('hsAid.budget.spentShare', { p: (share * 100).toFixed(1) })}>
                    <Progress percent={Math.min(100, Math.round(share * 1000) / 10)} size="small" status={red ? 'exception' : 'normal'} format={(n) => `${n}%`} />
                  </Tooltip>
                </div>
              );
            },
          },
          { key: 'note', title: 'hsAid.budget.note', dataIndex: 'note', ellipsis: true },
          {
            key: 'actions', title: 'common.actions', width: 120, fixedShown: true,
            render: (_: unknown, b) => (
              <Space size={0}>
                {access.canManageBudget && (
                  <Button type="link" size="small" icon={<EditOutlined />} onClick={() => setTarget({ mode: 'edit', budget: b })} {...testId(`hs-budget-edit-${b.id}`)}>
                    {t('hsAid.budget.adjust')}
                  </Button>
                )}
                <Tooltip title={t('kit.detail.history')}>
                  <Button type="link" size="small" icon={<HistoryOutlined />} onClick={() => setHistory(b)} aria-label={t('kit.detail.history')} {...testId(`hs-budget-history-${b.id}`)} />
                </Tooltip>
              </Space>
            ),
          },
        ]}
      />
      <BudgetFormModal target={target} onClose={() => setTarget(null)} onSaved={() => { setTarget(null); setTick((n) => n + 1); }} />
      <HistoryDrawer endpoint={hardshipAidApi.budgetHistory} target={history} title={history ? `${history.orgName} · ${history.year} · ${history.line}` : ''} onClose={() => setHistory(null)} />
    </>
  );
}

/** 新建 / 调整预算: the allocation may not fall below what is already spent (the server checks as well). */
function BudgetFormModal({ target, onClose, onSaved }: { target: Target | null; onClose: () => void; onSaved: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const editing = target?.mode === 'edit' ? target.budget : null;
  const save = async (v: { orgId: string; year: number; line: string; allocatedFen: number; note?: string | null }) => {
    if (editing) await call(hardshipAidApi.updateBudget, { params: { id: editing.id }, body: { allocatedFen: v.allocatedFen, note: v.note, version: editing.version } });
    else await call(hardshipAidApi.createBudget, { body: v });
    void message.success(t('common.saved'));
    onSaved();
  };
  return (
    <FormModal
      open={!!target}
      testId="hs-budget-form"
      modalTestId="hs-budget-modal"
      submitTestId="hs-budget-save"
      title={editing ? t('hsAid.budget.editTitle', { name: `${editing.orgName} ${editing.year} ${editing.line}` }) : t('hsAid.budget.newTitle')}
      initialValues={editing ? { allocatedFen: editing.allocatedFen, note: editing.note } : { year: new Date().getFullYear(), line: '帮扶资金' }}
      onClose={onClose}
      onReload={onSaved}
      onSubmit={save}
      fields={[
        !editing && { name: 'orgId', label: 'hsAid.budget.org', kind: 'org', required: 'hsAid.budget.orgRequired' },
        !editing && { name: 'year', label: 'hsAid.budget.year', kind: 'number', min: 2000, max: 2100, required: 'hsAid.budget.yearRequired' },
        !editing && { name: 'line', label: 'hsAid.budget.line', required: 'hsAid.budget.lineRequired', max: 40, extra: 'hsAid.budget.lineHint' },
        editing && { name: 'spent', kind: 'custom', input: <Typography.Text type="secondary">{t('hsAid.budget.spentNow', { spent: yuan(editing.spentFen), allocated: yuan(editing.allocatedFen) })}</Typography.Text> },
        {
          name: 'allocatedFen', label: 'hsAid.budget.allocatedYuan', kind: 'money', required: 'hsAid.budget.amountRequired',
          rules: [{ validator: (_, v: number | null) => (v == null || v > 0 ? (editing && v != null && v < editing.spentFen ? Promise.reject(new Error(t('hsAid.budget.belowSpent', { spent: yuan(editing.spentFen) }))) : Promise.resolve()) : Promise.reject(new Error(t('hsAid.budget.amountPositive')))) }],
        },
        { name: 'note', label: 'hsAid.budget.note', kind: 'textarea', max: 200 },
      ]}
    />
  );
}
