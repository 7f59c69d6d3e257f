import { Empty, Skeleton } from 'antd';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import type { EChartsOption } from 'echarts';
import { echarts } from './echarts';
import { useI18n } from '../../i18n';

/**
 * One chart of a dashboard section: a skeleton until the figures arrive, then the chart (redrawn
 * when the language changes), or a note when there is nothing to draw. For every section of the
 * dashboard, whichever module it belongs to.
 */
export function DashboardChart({ option, loading, empty, onClick, height = 320, testId }: {
  option: EChartsOption | null;
  loading: boolean;
  empty?: string;
  onClick?: (p: { dataIndex: number }) => void;
  height?: number;
  testId?: string;
}) {
  const { t, lang } = useI18n();
  if (loading) return <Skeleton active />;
  if (!option) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty ?? t('common.noData')} />;
  return (
    <div data-testid={testId}>
      <ReactEChartsCore echarts={echarts} option={option} style={{ height }} notMerge key={lang} onEvents={onClick ? { click: onClick } : undefined} />
    </div>
  );
}
