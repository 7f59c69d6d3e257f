import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { Card, Progress, Table, Tag } from 'antd';
import { DollarOutlined, EditOutlined } from '@ant-design/icons';
import type { z } from 'zod';
import { projectApi, type ProjectDetail } from '../../../../common/src/contracts/project';
import { call } from '../../api/client';
import { useAccess } from '../../app/auth-context';
import { useI18n } from '../../i18n';
import { Actions, DetailPage, Fields, FormModal, StatusTag, todayInChina, yuan } from '../../kit';
import { parseMilestones, PROJECT_STATUS } from './projects';

type Detail = z.infer<typeof ProjectDetail>;

/** Record spending and update progress, milestones and status; the server refuses spending past the budget without a reason. */
function ProjectActions({ p, reload }: { p: Detail; reload: () => void }) {
  const { t } = useI18n();
  const access = useAccess();
  const [open, setOpen] = useState<'spend' | 'edit' | null>(null);
  const done = () => {
    setOpen(null);
    reload();
  };
  return (
    <>
      <Actions actions={[
        { key: 'spend', label: 'project.spend', icon: <DollarOutlined />, primary: true, show: access.canWritePlan, onClick: () => setOpen('spend'), testId: 'project-spend' },
        { key: 'edit', label: 'action.edit', icon: <EditOutlined />, show: access.canWritePlan, onClick: () => setOpen('edit'), testId: 'project-edit' },
      ]} />
      {open === 'spend' && (
        <FormModal<{ spentOn: string; amountFen: number; note: string; overBudgetReason?: string }>
          open testId="project-spend-form" submitTestId="project-spend-save" title={t('project.spend')}
          intro={t('project.spend.intro', { budget: yuan(p.budgetFen), spent: yuan(p.spentFen) })}
          initialValues={{ spentOn: todayInChina() }}
          fields={[
            { name: 'spentOn', label: 'project.spend.on', kind: 'date', required: true, span: 12 },
            { name: 'amountFen', label: 'project.spend.amount', kind: 'money', required: true, span: 12 },
            { name: 'note', label: 'project.spend.note', required: true, max: 200, span: 24 },
            { name: 'overBudgetReason', label: 'project.spend.reason', kind: 'textarea', max: 500, span: 24, extra: 'project.spend.reasonHint' },
          ]}
          onSubmit={(v) => call(projectApi.spend, { params: { id: p.id }, body: { ...v, version: p.version } })}
          onClose={() => setOpen(null)} onDone={done} onReload={reload}
        />
      )}
      {open === 'edit' && (
        <FormModal<{ title: string; progress: number; status: Detail['status']; budgetFen: number; milestones?: string }>
          open testId="project-edit-form" submitTestId="project-edit-save" title={t('action.edit')}
          initialValues={{ title: p.title, progress: p.progress, status: p.status, budgetFen: p.budgetFen, milestones: p.milestones.map((m) => `${m.due} ${m.title}${m.doneOn ? ` ✓${m.doneOn}` : ''}`).join('\n') }}
          fields={[
            { name: 'title', label: 'project.col.title', required: true, max: 200, span: 24 },
            { name: 'budgetFen', label: 'project.col.budget', kind: 'money', required: true, span: 8 },
            { name: 'progress', label: 'project.col.progress', kind: 'number', min: 0, max: 100, span: 8 },
            { name: 'status', label: 'project.col.status', kind: 'select', vocab: PROJECT_STATUS, span: 8 },
            { name: 'milestones', label: 'project.field.milestones', kind: 'textarea', span: 24, extra: 'project.field.milestonesDoneHint' },
          ]}
          onSubmit={(v) =>
            call(projectApi.update, {
              params: { id: p.id },
              body: {
                title: v.title, progress: v.progress, status: v.status as never, budgetFen: v.budgetFen, version: p.version,
                milestones: parseMilestones(v.milestones).map((m) => {
                  const d = /\s*✓(\d{4}-\d{2}-\d{2})$/.exec(m.title);
                  return d ? { due: m.due, title: m.title.slice(0, d.index).trim(), doneOn: d[1]! } : m;
                }),
              },
            })
          }
          onClose={() => setOpen(null)} onDone={done} onReload={reload}
        />
      )}
    </>
  );
}

/** One practical project: owner, budget and spending, progress, milestones (calendar due dates, overdue flagged), spending records. */
export default function ProjectDetailPage() {
  const { id } = useParams();
  const { t } = useI18n();
  return (
    <DetailPage<Detail> testId="project-detail" get={projectApi.get} title={(p) => p.title}
      tags={(p) => (
        <>
          <StatusTag vocab={PROJECT_STATUS} value={p.status} />
          {p.overBudget && <Tag color="red" data-testid="project-over-budget">{t('project.overBudget')}</Tag>}
        </>
      )}
      actions={(p, reload) => <ProjectActions p={p} reload={reload} />}
      history={{ endpoint: projectApi.history, id: id! }}
      body={(p) => (
        <>
          <Card size="small" style={{ marginBottom: 16 }}>
            <Fields column={4} items={[
              { label: 'project.col.org', value: p.orgName },
              { label: 'project.col.year', value: p.year },
              { label: 'project.col.budget', value: yuan(p.budgetFen) },
              { label: 'project.col.spent', value: yuan(p.spentFen), testId: 'project-spent' },
              { label: 'project.col.progress', value: <Progress percent={p.progress} size="small" style={{ width: 160 }} /> },
              { label: 'project.field.description', value: p.description ?? '—', span: 3 },
            ]} />
          </Card>
          <Card size="small" title={t('project.field.milestones')} style={{ marginBottom: 16 }}>
            <Table size="small" rowKey={(m) => `${m.due}-${m.title}`} pagination={false} dataSource={p.milestones} data-testid="project-milestones"
              columns={[
                { key: 'title', title: t('project.milestone.title'), dataIndex: 'title' },
                { key: 'due', title: t('project.milestone.due'), dataIndex: 'due', width: 140 },
                { key: 'state', title: t('project.col.status'), width: 160, render: (_: unknown, m) => (m.doneOn ? <Tag color="green">{t('project.milestone.done', { date: m.doneOn })}</Tag> : m.overdue ? <Tag color="red">{t('project.milestone.overdue')}</Tag> : <Tag>{t('project.milestone.open')}</Tag>) },
              ]} />
          </Card>
          <Card size="small" title={t('project.spends')}>
            <Table size="small" rowKey="id" pagination={false} dataSource={p.spends} data-testid="project-spends"
              columns={[
                { key: 'on', title: t('project.spend.on'), dataIndex: 'spentOn', width: 120 },
                { key: 'amount', title: t('project.spend.amount'), dataIndex: 'amountFen', width: 140, align: 'right', render: (f: number) => yuan(f) },
                { key: 'note', title: t('project.spend.note'), dataIndex: 'note' },
                { key: 'reason', title: t('project.spend.reason'), dataIndex: 'overBudgetReason', render: (r: string | null) => r ?? '—' },
                { key: 'actor', title: t('project.spend.actor'), dataIndex: 'actorName', width: 120 },
              ]} />
          </Card>
        </>
      )}
    />
  );
}
