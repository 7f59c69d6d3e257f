import { Link } from 'react-router-dom';
import { Card, Col, Row, Statistic } from 'antd';
import { honorApi } from '../../../../common/src/contracts/honor';
import { call } from '../../api/client';
import { useRequest } from '../../app/use-request';
import { useApiError } from '../../app/use-api-error';
import { useI18n } from '../../i18n';
import { yuan } from '../../kit';

/** 评选表彰与劳模工匠 on the home dashboard (GET /api/honors/dashboard), in the user's scope. */
export function HonorDashboardSection() {
  const { t } = useI18n();
  const { showError } = useApiError();
  const { data } = useRequest(() => call(honorApi.dashboard), [], showError);
  if (!data) return null;
  const running = data.calls.filter((c) => c.key !== 'decided' && c.key !== 'draft').reduce((s, c) => s + c.n, 0);
  const figures = [
    { key: 'holders', title: t('honor.dash.holders'), value: data.holders, link: '/honors/records' },
    { key: 'inHardship', title: t('honor.dash.inHardship'), value: data.holdersInHardship, link: '/honors/records?flags=inHardship' },
    { key: 'care', title: t('honor.dash.care'), value: data.careThisYear.n, link: '/honors/records' },
    { key: 'careFen', title: t('honor.dash.careFen'), value: yuan(data.careThisYear.fen), link: '/honors/records' },
    { key: 'calls', title: t('honor.dash.calls'), value: running, link: '/honors/calls' },
    { key: 'objections', title: t('honor.dash.objections'), value: data.openObjections, link: '/honors/calls?status=notice' },
  ];
  return (
    <Card title={t('honor.dash.title')} style={{ marginTop: 16 }} data-testid="dash-honor">
      <Row gutter={[16, 16]}>
        {figures.map((f) => (
          <Col xs={12} md={8} xl={4} key={f.key}>
            <Link to={f.link} data-testid={`dash-honor-${f.key}`}><Statistic title={f.title} value={f.value} /></Link>
          </Col>
        ))}
      </Row>
      {data.inNotice.length > 0 && (
        <div style={{ marginTop: 12 }}>
          {t('honor.dash.inNotice')}：{data.inNotice.map((c) => <Link key={c.id} to={`/honors/calls/${c.id}`} style={{ marginRight: 12 }}>{c.title}（{c.noticeTo}）</Link>)}
        </div>
      )}
    </Card>
  );
}
