import { Link } from 'react-router-dom';
import { assessmentApi } from '../../../../common/src/contracts/assessment';
import { ListPage, StatusTag } from '../../kit';
import { ENTRY_STATUS } from './assessments';

/** 本单位考核: the entries of the unions in scope (a union self-assesses and appeals from here). */
export default function AssessmentEntriesPage() {
  return (
    <ListPage testId="assessment-entries" endpoint={assessmentApi.entries} rowTestId={(e) => `assessment-entry-row-${e.id}`}
      filters={[{ name: 'year', label: 'assessment.col.year', kind: 'number', min: 2000, max: 2100 }]}
      columns={[
        { key: 'title', title: 'assessment.col.title', dataIndex: 'assessmentTitle', fixedShown: true, render: (v: string, e) => <Link to={`/plans/assessment-entries/${e.id}`} data-testid={`assessment-entry-link-${e.id}`}>{v}</Link> },
        { key: 'org', title: 'assessment.col.assessed', dataIndex: 'orgName', width: 200 },
        { key: 'status', title: 'assessment.col.status', dataIndex: 'status', width: 120, render: (s: string) => <StatusTag vocab={ENTRY_STATUS} value={s} /> },
        { key: 'self', title: 'assessment.col.selfTotal', dataIndex: 'selfTotal', width: 100, align: 'right', render: (n: number | null) => n ?? '—' },
        { key: 'total', title: 'assessment.col.total', dataIndex: 'total', width: 100, align: 'right', render: (n: number | null) => n ?? '—' },
        { key: 'rank', title: 'assessment.col.rank', dataIndex: 'rank', width: 80, align: 'right', render: (n: number | null) => n ?? '—' },
      ]}
    />
  );
}
