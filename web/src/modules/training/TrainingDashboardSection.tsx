import { Link } from 'react-router-dom';
import { Card, Col, Row, Statistic } from 'antd';
import { trainingApi } from '../../../../common/src/contracts/training';
import { proposalApi } from '../../../../common/src/contracts/proposal';
import { call } from '../../api/client';
import { useAccess } from '../../app/auth-context';
import { useRequest } from '../../app/use-request';
import { useI18n, type MessageKey } from '../../i18n';
import { yuan } from '../../kit';

/** 技能培训 and 合理化建议 on the home dashboard, in the user's scope. */
export function TrainingDashboardSection() {
  const { t } = useI18n();
  const access = useAccess();
  const { data } = useRequest(
    () => Promise.all([access.canReadTraining ? call(trainingApi.dashboard) : null, access.canReadProposal ? call(proposalApi.figures) : null]),
    [access.canReadTraining, access.canReadProposal],
  );
  const [a, p] = data ?? [null, null];
  if (!a && !p) return null;
  // [test id, label, value, page]
  const cells: (readonly [string, MessageKey, number | string, string])[] = [
    ...(a
      ? ([
          ['courses', 'training.dash.courses', a.courses, '/training/courses'],
          ['attended', 'training.dash.attended', a.attended, '/training/courses'],
          ['certificates', 'training.dash.certificates', a.certificates, '/training/certificates'],
          ['coverage', 'training.coverage.rate', a.members ? `${((a.certifiedMembers / a.members) * 100).toFixed(1)}%` : '—', '/training/certificates'],
          ['mentoring', 'training.dash.mentoring', a.mentoringActive, '/training/mentoring'],
        ] as const)
      : []),
    ...(p ? ([['proposals', 'training.dash.proposals', p.total, '/proposals'], ['value', 'training.dash.value', yuan(p.valueFen), '/proposals']] as const) : []),
  ];
  return (
    <Card title={t('training.dash.title')} style={{ marginTop: 16 }} data-testid="dash-training">
      <Row gutter={[16, 16]}>
        {cells.map(([key, title, value, link]) => (
          <Col xs={12} md={8} xl={4} key={key}><Link to={link} data-testid={`dash-training-${key}`}><Statistic title={t(title)} value={value} /></Link></Col>
        ))}
      </Row>
    </Card>
  );
}
