import { Link } from 'react-router-dom';
import { Card, Col, Row, Statistic } from 'antd';
import { competitionApi } from '../../../../common/src/contracts/competition';
import { studioApi } from '../../../../common/src/contracts/studio';
import { call } from '../../api/client';
import { useAccess } from '../../app/auth-context';
import { useRequest } from '../../app/use-request';
import { useI18n } from '../../i18n';
import { yuan } from '../../kit';

/** 劳动和技能竞赛 and 创新工作室 on the home dashboard, in the user's scope. */
export function AchievementDashboardSection() {
  const { t } = useI18n();
  const access = useAccess();
  const comp = useRequest(() => (access.canReadCompetition ? call(competitionApi.dashboard) : Promise.resolve(null)), [access.canReadCompetition]);
  const st = useRequest(() => (access.canReadStudio ? call(studioApi.dashboard) : Promise.resolve(null)), [access.canReadStudio]);
  const c = comp.data;
  const s = st.data;
  if (!c && !s) return null;
  const cell = (key: string, title: string, value: number | string, link: string) => (
    <Col xs={12} md={8} xl={4} key={key}><Link to={link} data-testid={`dash-ach-${key}`}><Statistic title={title} value={value} /></Link></Col>
  );
  return (
    <Card title={`${t('comp.dash.title')} · ${t('studio.dash.title')}`} style={{ marginTop: 16 }} data-testid="dash-achievement">
      <Row gutter={[16, 16]}>
        {c && [
          cell('competitions', t('comp.dash.competitions'), c.competitions, '/competitions'),
          cell('participants', t('comp.participants'), c.participants, '/competitions'),
          cell('units', t('comp.units'), c.units, '/competitions'),
          cell('small', `${t('comp.small')} / ${t('comp.nonPublic')} / ${t('comp.gig')}`, `${c.smallEmployer} / ${c.nonPublic} / ${c.gig}`, '/competitions'),
        ]}
        {s && [
          cell('studios', t('studio.dash.studios'), s.studios, '/studios'),
          cell('savings', t('studio.dash.savings'), yuan(s.savingsFen), '/studios'),
        ]}
      </Row>
    </Card>
  );
}
