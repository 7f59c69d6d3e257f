import { Progress, Table, Typography } from 'antd';
import type { z } from 'zod';
import type { CoverageRow } from '../../../../common/src/contracts/contract';
import { useI18n } from '../../i18n';

type Row = z.infer<typeof CoverageRow>;

/** Coverage rows (建制率, workers covered, expiring) with a drill-down on each child. */
export function CoverageTable({ total, children, onDrill, loading, testId = 'coverage-table' }: { total?: Row; children: Row[]; onDrill?: (r: Row) => void; loading?: boolean; testId?: string }) {
  const { t } = useI18n();
  const rows = total ? [{ ...total, isTotal: true }, ...children.map((c) => ({ ...c, isTotal: false }))] : [];
  return (
    <Table size="small" rowKey="orgId" loading={loading} pagination={false} dataSource={rows} data-testid={testId} scroll={{ x: 760 }}
      onRow={(r) => ({ 'data-testid': `coverage-row-${r.orgId}` } as never)}
      columns={[
        { title: t('coverage.area'), dataIndex: 'name', render: (n: string, r) => (r.isTotal ? <Typography.Text strong>{n}</Typography.Text> : onDrill ? <Typography.Link onClick={() => onDrill(r)} data-testid={`coverage-drill-${r.orgId}`}>{n}</Typography.Link> : n) },
        { title: t('coverage.employers'), dataIndex: 'employers', align: 'right', width: 110 },
        { title: t('coverage.covered'), dataIndex: 'covered', align: 'right', width: 130, render: (n: number, r) => <span data-testid={r.isTotal ? 'coverage-total-covered' : undefined}>{n}</span> },
        { title: t('coverage.rate'), dataIndex: 'rate', width: 180, render: (v: number | null, r) => (v === null ? '—' : <span data-testid={r.isTotal ? 'coverage-total-rate' : undefined}><Progress percent={v} size="small" format={(p) => `${p?.toFixed(1)}%`} /></span>) },
        { title: t('coverage.workers'), dataIndex: 'workers', align: 'right', width: 110, render: (n: number) => n.toLocaleString() },
        { title: t('coverage.workersCovered'), dataIndex: 'workersCovered', align: 'right', width: 110, render: (n: number, r) => <span data-testid={r.isTotal ? 'coverage-total-workers' : undefined}>{n.toLocaleString()}</span> },
        { title: t('coverage.expiring'), dataIndex: 'expiring', align: 'right', width: 110 },
      ]}
    />
  );
}
