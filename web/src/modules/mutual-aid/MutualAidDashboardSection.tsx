import { Link } from 'react-router-dom';
import { Card, Col, Row, Statistic } from 'antd';
import { mutualAidApi } from '../../../../common/src/contracts/mutual-aid';
import { call } from '../../api/client';
import { useRequest } from '../../app/use-request';
import { useApiError } from '../../app/use-api-error';
import { useI18n } from '../../i18n';
import { yuan } from '../../kit';

/** Where each figure leads: cover to the plans and their enrolments, claims to the claims. */
const LINKS: Record<string, string> = { enrolled: '/mutual-aid/plans', rate: '/mutual-aid/plans', paid: '/mutual-aid/claims?status=paid', pending: '/mutual-aid/claims?status=submitted' };

/** 职工互助保障 on the home dashboard (GET /api/mutual-aid/dashboard): enrolment and claims paid, in the user's scope. */
export function MutualAidDashboardSection() {
  const { t } = useI18n();
  const { showError } = useApiError();
  const { data } = useRequest(() => call(mutualAidApi.dashboard), [], showError);
  if (!data) return null;
  const pending = data.claims.find((c) => c.status === 'submitted')?.n ?? 0;
  const figures = [
    { key: 'enrolled', title: t('mutualAid.dash.enrolled'), value: data.enrolled },
    { key: 'rate', title: t('mutualAid.dash.rate'), value: data.members ? `${((data.enrolled / data.members) * 100).toFixed(1)}%` : '—' },
    { key: 'paid', title: t('mutualAid.dash.paid'), value: `${yuan(data.paidFen)}（${data.paidCount}）` },
    { key: 'pending', title: t('mutualAid.dash.pending'), value: pending },
  ];
  return (
    <Card title={t('mutualAid.dash.title')} style={{ marginTop: 16 }} data-testid="dash-mutual-aid" extra={<Link to="/mutual-aid/plans" data-testid="dash-mutual-aid-plans">{t('mutualAid.dash.plans')}</Link>}>
      <Row gutter={[16, 16]}>
        {figures.map((f) => (
          <Col xs={12} md={6} key={f.key}>
            <Link to={LINKS[f.key]} data-testid={`dash-mutual-aid-${f.key}`}><Statistic title={f.title} value={f.value} /></Link>
          </Col>
        ))}
      </Row>
    </Card>
  );
}
