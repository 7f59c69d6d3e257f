import { Link } from 'react-router-dom';
import { Card, Col, Row, Statistic } from 'antd';
import { trainingApi } from '../../../../common/src/contracts/training';
import { proposalApi } from '../../../../common/src/contracts/proposal';
import { call } from '../../api/client';
import { useAccess } from '../../app/auth-context';
import { useRequest } from '../../app/use-request';
import { useI18n } from '../../i18n';
import { yuan } from '../../kit';

/** 技能培训 and 合理化建议 on the home dashboard, in the user's scope. */
export function TrainingDashboardSection() {
  const { t } = useI18n();
  const access = useAccess();
  const tr = useRequest(() => (access.canReadTraining ? call(trainingApi.dashboard) : Promise.resolve(null)), [access.canReadTraining]);
  const pr = useRequest(() => (access.canReadProposal ? call(proposalApi.figures) : Promise.resolve(null)), [access.canReadProposal]);
  const a = tr.data;
  const p = pr.data;
  if (!a && !p) return null;
  const cell = (key: string, title: string, value: number | string, link: string) => (
    <Col xs={12} md={8} xl={4} key={key}><Link to={link} data-testid={`dash-training-${key}`}><Statistic title={title} value={value} /></Link></Col>
  );
  const rate = a && a.members ? `${((a.certifiedMembers / a.members) * 100).toFixed(1)}%` : '—';
  return (
    <Card title={t('training.dash.title')} style={{ marginTop: 16 }} data-testid="dash-training">
      <Row gutter={[16, 16]}>
        {a && [
          cell('courses', t('training.dash.courses'), a.courses, '/training/courses'),
          cell('attended', t('training.dash.attended'), a.attended, '/training/courses'),
          cell('certificates', t('training.dash.certificates'), a.certificates, '/training/certificates'),
          cell('coverage', t('training.coverage.rate'), rate, '/training/certificates'),
          cell('mentoring', t('training.dash.mentoring'), a.mentoringActive, '/training/mentoring'),
        ]}
        {p && [cell('proposals', t('training.dash.proposals'), p.total, '/proposals'), cell('value', t('training.dash.value'), yuan(p.valueFen), '/proposals')]}
      </Row>
    </Card>
  );
}
