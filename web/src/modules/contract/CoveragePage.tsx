import { useSearchParams } from 'react-router-dom';
import { Alert, Button, Card, Space } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { contractApi } from '../../../../common/src/contracts/contract';
import { call, urlOf } from '../../api/client';
import { useRequest } from '../../app/use-request';
import { useApiError } from '../../app/use-api-error';
import { useI18n } from '../../i18n';
import { PageHeader } from '../../kit';
import { CoverageTable } from './CoverageTable';

/** 建制率与覆盖: the caller's area and each child, drilled down from city to district to street (the area is in the URL). */
export default function CoveragePage() {
  const { t } = useI18n();
  const { showError } = useApiError();
  const [sp, setSp] = useSearchParams();
  const under = sp.get('under') ?? undefined;
  const { data, loading } = useRequest(() => call(contractApi.coverage, { query: under ? { under } : {} }), [under], showError);
  return (
    <div data-testid="coverage-page">
      <PageHeader crumbs={[{ title: t('menu.contract') }, { title: t('menu.contractCoverage') }]} title={t('coverage.title')} extra={<Space>
        {under && <Button onClick={() => window.history.back()} data-testid="coverage-up">{t('coverage.up')}</Button>}
        <Button icon={<DownloadOutlined />} href={urlOf(contractApi.coverageSheet, { query: under ? { under } : {} })} data-testid="coverage-export">{t('kit.list.export')}</Button>
      </Space>} />
      <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('coverage.note')} />
      <Card size="small">
        <CoverageTable loading={loading} total={data?.total} children={data?.children ?? []} onDrill={(r) => setSp(new URLSearchParams({ under: r.orgId }))} />
      </Card>
    </div>
  );
}
