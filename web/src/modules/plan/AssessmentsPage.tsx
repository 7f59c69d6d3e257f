import { Link } from 'react-router-dom';
import { Tag } from 'antd';
import { assessmentApi } from '../../../../common/src/contracts/assessment';
import { call } from '../../api/client';
import { useAccess } from '../../app/auth-context';
import { useI18n } from '../../i18n';
import { ListPage, StatusTag } from '../../kit';
import { ASSESSMENT_STATUS, parseIndicators } from './assessments';

/** 年度考核: the assessments of subordinate unions run in scope; a new scheme's weights must add up to 100. */
export default function AssessmentsPage() {
  const access = useAccess();
  const example = useI18n().t('assessment.field.indicatorsExample');
  return (
    <ListPage testId="assessments" endpoint={assessmentApi.list} rowTestId={(a) => `assessment-row-${a.id}`}
      filters={[
        { name: 'q', label: 'assessment.col.title' },
        { name: 'year', label: 'assessment.col.year', kind: 'number', min: 2000, max: 2100 },
      ]}
      columns={[
        { key: 'title', title: 'assessment.col.title', dataIndex: 'title', fixedShown: true, render: (v: string, a) => <Link to={`/plans/assessments/${a.id}`} data-testid={`assessment-link-${a.id}`}>{v}</Link> },
        { key: 'org', title: 'assessment.col.org', dataIndex: 'orgName', width: 180 },
        { key: 'year', title: 'assessment.col.year', dataIndex: 'year', width: 80 },
        { key: 'status', title: 'assessment.col.status', dataIndex: 'status', width: 120, render: (s: string) => <StatusTag vocab={ASSESSMENT_STATUS} value={s} /> },
        { key: 'submitted', title: 'assessment.col.submitted', dataIndex: 'submitted', width: 110, render: (n: number, a) => `${n}/${a.entries}` },
        { key: 'appealDue', title: 'assessment.col.appealDue', dataIndex: 'appealDue', width: 120, render: (d: string | null) => d ?? '—' },
        { key: 'appeals', title: 'assessment.col.openAppeals', dataIndex: 'openAppeals', width: 100, render: (n: number) => (n ? <Tag color="orange">{n}</Tag> : '—') },
      ]}
      create={{
        label: 'assessment.new', show: access.canWritePlan, testId: 'assessment-new', to: (r) => `/plans/assessments/${r.id}`,
        form: {
          testId: 'assessment-form', submitTestId: 'assessment-save',
          initialValues: { year: new Date().getFullYear() - 1, indicators: example },
          onSubmit: (v: { orgId: string; year: number; title: string; indicators?: string }) =>
            call(assessmentApi.create, { body: { orgId: v.orgId, year: v.year, title: v.title, indicators: parseIndicators(v.indicators) } }),
          fields: [
            { name: 'orgId', label: 'assessment.col.org', kind: 'org', required: true, span: 12 },
            { name: 'year', label: 'assessment.col.year', kind: 'number', min: 2000, max: 2100, required: true, span: 6 },
            { name: 'title', label: 'assessment.col.title', required: true, max: 200, span: 24 },
            { name: 'indicators', label: 'assessment.field.indicators', kind: 'textarea', required: true, span: 24, extra: 'assessment.field.indicatorsHint' },
          ],
        },
      }}
    />
  );
}
