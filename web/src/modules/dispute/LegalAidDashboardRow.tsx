import { Card, Col, Row, Statistic, Table } from 'antd';
import { legalAidApi } from '../../../../common/src/contracts/legal-aid';
import { call } from '../../api/client';
import { useRequest } from '../../app/use-request';
import { useI18n } from '../../i18n';
import { useVocab } from '../../kit';
import { LEGAL_AID_KIND } from './vocab';

/** The legal-aid figures under the dispute section of the dashboard (GET /api/legal-aid/dashboard): requests, hours, satisfaction, calls, each lawyer's open requests. */
export function LegalAidDashboardRow() {
  const { t } = useI18n();
  const { label } = useVocab();
  const { data } = useRequest(() => call(legalAidApi.dashboard), []);
  if (!data) return null;
  const stats = [
    { key: 'open', title: t('legalAid.dash.open'), value: data.open },
    { key: 'closed', title: t('legalAid.dash.closed'), value: data.closed },
    { key: 'hours', title: t('legalAid.dash.hours'), value: data.hours },
    { key: 'satisfaction', title: t('legalAid.dash.satisfaction'), value: data.satisfaction ?? '—' },
    { key: 'calls', title: t('legalAid.dash.calls'), value: data.callsThisMonth },
  ];
  return (
    <Row gutter={[16, 16]} style={{ marginTop: 16 }} data-testid="legal-aid-dashboard">
      <Col xs={24} lg={16}>
        <Card size="small" title={t('legalAid.dash.title')}>
          <Row gutter={[16, 16]}>
            {stats.map((s) => (
              <Col key={s.key} xs={12} md={8} xl={4}>
                <Statistic title={s.title} value={s.value} groupSeparator="," />
              </Col>
            ))}
            <Col xs={24} xl={4}>
              {data.byKind.map((k) => <div key={k.key} style={{ fontSize: 12 }}>{label(LEGAL_AID_KIND, k.key)}：{k.n}</div>)}
            </Col>
          </Row>
        </Card>
      </Col>
      <Col xs={24} lg={8}>
        <Card size="small" title={t('legalAid.dash.lawyers')}>
          <Table size="small" rowKey="id" pagination={false} dataSource={data.lawyers.slice(0, 6)} columns={[
            { key: 'name', title: t('mediator.field.name'), dataIndex: 'name' },
            { key: 'firm', title: t('lawyer.field.firm'), dataIndex: 'firm', ellipsis: true },
            { key: 'open', title: t('mediator.col.open'), dataIndex: 'open', align: 'right' },
          ]} />
        </Card>
      </Col>
    </Row>
  );
}
