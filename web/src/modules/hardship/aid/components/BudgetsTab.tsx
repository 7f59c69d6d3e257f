import { useMemo, useState } from 'react';
import { Button, Card, InputNumber, Progress, Space, Statistic, Table, Tooltip, Typography } from 'antd';
import type { TableProps } from 'antd';
import { EditOutlined, PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { aidApi, type BudgetItem } from '../../../../api/hardship-aid';
import { useRequest } from '../../../../app/use-request';
import { useApiError } from '../../../../app/use-api-error';
import { useAccess } from '../../../../app/auth-context';
import { useI18n } from '../../../../i18n';
import { testId } from '../../../../app/test-id';
import { yuan } from '../../shared/vocab';
import { BudgetFormModal, type BudgetFormTarget } from './BudgetFormModal';

/** Share of the allocation spent at which a budget shows red (nearly used up). */
const NEARLY_SPENT = 0.9;

export function spentShare(b: Pick<BudgetItem, 'allocatedFen' | 'spentFen'>): number {
  return b.allocatedFen > 0 ? b.spentFen / b.allocatedFen : 1;
}

/** 资金预算: allocation, spent and remaining per union, year and budget line; create and adjust with budget.manage. */
export function BudgetsTab({ year, onYear }: { year: number | undefined; onYear: (y: number | undefined) => void }) {
  const { t } = useI18n();
  const access = useAccess();
  const { showError } = useApiError();
  const { data, loading, reload } = useRequest(() => aidApi.budgets(year), [year], showError);
  const [target, setTarget] = useState<BudgetFormTarget | null>(null);

  const totals = useMemo(
    () => (data ?? []).reduce((s, b) => ({ allocated: s.allocated + b.allocatedFen, spent: s.spent + b.spentFen, remaining: s.remaining + b.remainingFen }), { allocated: 0, spent: 0, remaining: 0 }),
    [data],
  );

  const columns: TableProps<BudgetItem>['columns'] = [
    { title: t('hsAid.budget.org'), dataIndex: 'orgName', key: 'orgName', ellipsis: true },
    { title: t('hsAid.budget.year'), dataIndex: 'year', key: 'year', width: 80 },
    { title: t('hsAid.budget.line'), dataIndex: 'line', key: 'line', width: 140, ellipsis: true },
    { title: t('hsAid.budget.allocated'), dataIndex: 'allocatedFen', key: 'allocatedFen', width: 140, align: 'right', render: (f: number) => yuan(f) },
    { title: t('hsAid.budget.spent'), dataIndex: 'spentFen', key: 'spentFen', width: 140, align: 'right', render: (f: number) => yuan(f) },
    {
      title: t('hsAid.budget.remaining'),
      dataIndex: 'remainingFen',
      key: 'remainingFen',
      width: 230,
      render: (f: number, b) => {
        const share = spentShare(b);
        const red = share >= NEARLY_SPENT;
        return (
          <div data-testid={`hs-budget-remaining-${b.id}`} data-nearly-spent={red ? 'true' : 'false'}>
            <Typography.Text type={red ? 'danger' : undefined} strong={red}>
              {yuan(f)}
            </Typography.Text>
            <Tooltip title={t('hsAid.budget.spentShare', { p: (share * 100).toFixed(1) })}>
              <Progress percent={Math.min(100, Math.round(share * 1000) / 10)} size="small" status={red ? 'exception' : 'normal'} strokeColor={red ? '#cf1322' : undefined} format={(p) => `${p}%`} />
            </Tooltip>
          </div>
        );
      },
    },
    { title: t('hsAid.budget.note'), dataIndex: 'note', key: 'note', ellipsis: true, render: (n: string | null) => n ?? '—' },
    ...(access.canManageBudget
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            width: 90,
            render: (_: unknown, b: BudgetItem) => (
              <Button type="link" size="small" icon={<EditOutlined />} onClick={() => setTarget({ mode: 'edit', budget: b })} {...testId(`hs-budget-edit-${b.id}`)}>
                {t('hsAid.budget.adjust')}
              </Button>
            ),
          },
        ]
      : []),
  ];

  return (
    <Card>
      <div className="gh-page-header" style={{ flexWrap: 'wrap' }}>
        <Space wrap>
          <InputNumber
            placeholder={t('hsAid.filter.year')}
            min={2000}
            max={2100}
            precision={0}
            value={year}
            onChange={(v) => onYear(v ?? undefined)}
            style={{ width: 120 }}
            data-testid="hs-budget-filter-year"
          />
          <Button icon={<ReloadOutlined />} onClick={reload}>
            {t('action.refresh')}
          </Button>
        </Space>
        <Space size={32} wrap>
          <Statistic title={t('hsAid.budget.totalAllocated')} value={yuan(totals.allocated)} styles={{ content: { fontSize: 18 } }} />
          <Statistic title={t('hsAid.budget.totalSpent')} value={yuan(totals.spent)} styles={{ content: { fontSize: 18 } }} />
          <Statistic title={t('hsAid.budget.totalRemaining')} value={yuan(totals.remaining)} styles={{ content: { fontSize: 18 } }} />
          {access.canManageBudget && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setTarget({ mode: 'create', year: year ?? new Date().getFullYear() })} data-testid="hs-budget-new">
              {t('hsAid.budget.new')}
            </Button>
          )}
        </Space>
      </div>
      <Table<BudgetItem>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={data}
        loading={loading}
        data-testid="hs-budget-table"
        scroll={{ x: 1100 }}
        onRow={(b) => testId(`hs-budget-row-${b.id}`)}
        locale={{ emptyText: t('hsAid.budget.empty') }}
        pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: (n) => t('common.total', { n }) }}
      />
      <BudgetFormModal
        target={target}
        onClose={() => setTarget(null)}
        onSaved={() => {
          setTarget(null);
          reload();
        }}
      />
    </Card>
  );
}
