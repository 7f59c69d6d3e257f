import { useSearchParams } from 'react-router-dom';
import { Card, Empty, Progress, Result, Skeleton, Tag, Typography } from 'antd';
import { projectApi } from '../../../../common/src/contracts/project';
import { call } from '../../api/client';
import { useRequest } from '../../app/use-request';
import { useI18n } from '../../i18n';
import { StatusTag, yuan } from '../../kit';
import { PublicShell } from '../join/PublicShell';
import { PROJECT_STATUS } from './projects';

/** 实事项目进展公示 (no sign-in): a federation's projects of a year and their progress; no personal data (docs/plans.md). */
export default function PublicProjectsPage() {
  const [params] = useSearchParams();
  const { t } = useI18n();
  // Without a federation or a year in the link: the top federation's projects of this year.
  const orgId = params.get('orgId') || undefined;
  const year = params.get('year') ? Number(params.get('year')) : undefined;
  const { data, loading, error } = useRequest(() => call(projectApi.publicList, { query: { orgId, year } }), [orgId, year]);
  return (
    <PublicShell title={data ? t('project.public.title', { federation: data.federation, year: data.year }) : t('menu.projects')} testId="public-projects">
      {loading && !data && <Skeleton active />}
      {!!error && !data && <Result status="404" title={t('project.public.empty')} />}
      {data && !data.projects.length && <Empty description={t('project.public.empty')} />}
      {data?.projects.map((p, i) => (
        <Card key={i} size="small" style={{ marginBottom: 8 }} data-testid={`public-project-${i}`}>
          <Typography.Text strong style={{ fontSize: 16 }}>{p.title}</Typography.Text> <StatusTag vocab={PROJECT_STATUS} value={p.status} />
          <div><Typography.Text type="secondary">{p.orgName} · {t('project.public.budget')} {yuan(p.budgetFen)}</Typography.Text></div>
          <Progress percent={p.progress} size="small" />
          <div>{p.milestones.map((m) => <Tag key={`${m.due}-${m.title}`} color={m.done ? 'green' : undefined}>{m.due} {m.title}</Tag>)}</div>
        </Card>
      ))}
    </PublicShell>
  );
}
