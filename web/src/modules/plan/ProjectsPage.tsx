import { Link } from 'react-router-dom';
import { Progress, Tag } from 'antd';
import { projectApi } from '../../../../common/src/contracts/project';
import { call } from '../../api/client';
import { useAccess } from '../../app/auth-context';
import { useI18n } from '../../i18n';
import { ListPage, StatusTag, yuan } from '../../kit';
import { parseMilestones, PROJECT_STATUS } from './projects';

/** 实事项目: the year's practical projects in scope, with budget, spending, progress and overdue milestones. */
export default function ProjectsPage() {
  const { t } = useI18n();
  const access = useAccess();
  return (
    <ListPage testId="projects" endpoint={projectApi.list} rowTestId={(p) => `project-row-${p.id}`}
      exportTo={projectApi.export}
      filters={[
        { name: 'q', label: 'project.col.title' },
        { name: 'year', label: 'project.col.year', kind: 'number', min: 2000, max: 2100 },
        { name: 'status', label: 'project.col.status', kind: 'select', vocab: PROJECT_STATUS, span: 4 },
        { name: 'overdue', label: 'project.filter.overdue', kind: 'select', vocab: { true: { zh: '有逾期节点', en: 'With overdue milestones' } }, span: 4 },
      ]}
      columns={[
        { key: 'title', title: 'project.col.title', dataIndex: 'title', fixedShown: true, render: (v: string, p) => <Link to={`/plans/projects/${p.id}`} data-testid={`project-link-${p.id}`}>{v}</Link> },
        { key: 'org', title: 'project.col.org', dataIndex: 'orgName', width: 180 },
        { key: 'year', title: 'project.col.year', dataIndex: 'year', sort: 'year', width: 80 },
        { key: 'budget', title: 'project.col.budget', dataIndex: 'budgetFen', width: 130, align: 'right', render: (f: number) => yuan(f) },
        { key: 'spent', title: 'project.col.spent', dataIndex: 'spentFen', width: 130, align: 'right', render: (f: number, p) => <span style={p.overBudget ? { color: '#cf1322' } : undefined}>{yuan(f)}</span> },
        { key: 'progress', title: 'project.col.progress', dataIndex: 'progress', sort: 'progress', width: 150, render: (v: number) => <Progress percent={v} size="small" /> },
        { key: 'status', title: 'project.col.status', dataIndex: 'status', width: 100, render: (s: string) => <StatusTag vocab={PROJECT_STATUS} value={s} /> },
        { key: 'overdue', title: 'project.col.overdue', dataIndex: 'overdueMilestones', width: 110, render: (n: number) => (n ? <Tag color="red">{t('project.overdueN', { n })}</Tag> : '—') },
      ]}
      create={{
        label: 'project.new', show: access.canWritePlan, testId: 'project-new', to: (r) => `/plans/projects/${r.id}`,
        form: {
          testId: 'project-form', submitTestId: 'project-save',
          initialValues: { year: new Date().getFullYear() },
          onSubmit: (v: { orgId: string; year: number; title: string; description?: string; budgetFen: number; milestones?: string }) =>
            call(projectApi.create, { body: { orgId: v.orgId, year: v.year, title: v.title, description: v.description, budgetFen: v.budgetFen, milestones: parseMilestones(v.milestones) } }),
          fields: [
            { name: 'orgId', label: 'project.col.org', kind: 'org', required: true, span: 12 },
            { name: 'year', label: 'project.col.year', kind: 'number', min: 2000, max: 2100, required: true, span: 6 },
            { name: 'budgetFen', label: 'project.col.budget', kind: 'money', required: true, span: 6 },
            { name: 'title', label: 'project.col.title', required: true, max: 200, span: 24 },
            { name: 'description', label: 'project.field.description', kind: 'textarea', max: 2000, span: 24 },
            { name: 'milestones', label: 'project.field.milestones', kind: 'textarea', span: 24, extra: 'project.field.milestonesHint' },
          ],
        },
      }}
    />
  );
}
