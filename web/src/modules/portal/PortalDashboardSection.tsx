import { Link } from 'react-router-dom';
import { Card, Col, Row, Statistic } from 'antd';
import { portalApi } from '../../../../common/src/contracts/portal';
import { call } from '../../api/client';
import { useRequest } from '../../app/use-request';
import { useApiError } from '../../app/use-api-error';
import { useI18n } from '../../i18n';

/** 职工服务 on the home dashboard (GET /api/dashboard/portal), in the user's scope. */
export function PortalDashboardSection() {
  const { t } = useI18n();
  const { showError } = useApiError();
  const { data } = useRequest(() => call(portalApi.figures), [], showError);
  if (!data) return null;
  const figures = [
    { key: 'linked', title: t('portalReview.dash.linked'), value: data.linked, link: '/members' },
    { key: 'signedIn', title: t('portalReview.dash.signedIn'), value: data.signedIn30d, link: '/members' },
    { key: 'open', title: t('portalReview.dash.open'), value: data.openRequests, link: '/members/change-requests?status=pending' },
  ];
  return (
    <Card title={t('portalReview.dash.title')} style={{ marginTop: 16 }} data-testid="dash-portal">
      <Row gutter={[16, 16]}>
        {figures.map((f) => (
          <Col xs={12} md={8} key={f.key}>
            <Link to={f.link} data-testid={`dash-portal-${f.key}`}><Statistic title={f.title} value={f.value} /></Link>
          </Col>
        ))}
      </Row>
    </Card>
  );
}
