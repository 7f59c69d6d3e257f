import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { Alert, Card, Col, Empty, Progress, Row, Space, Statistic, Table, Tag, Timeline, Typography } from 'antd';
import { ApartmentOutlined, EditOutlined } from '@ant-design/icons';
import { planApi, type TaskDetail } from '../../../../common/src/contracts/plan';
import type { z } from 'zod';
import { REPORT_CADENCES, TASK_MACHINE, type ReportCadence, type TaskAction } from '../../../../common/src/plan-vocab';
import { call } from '../../api/client';
import { useI18n } from '../../i18n';
import { Actions, DeadlineBadge, DetailPage, Fields, FormModal, StatusTag, WorkflowSteps, type Action } from '../../kit';
import { RAG, TASK_STATUS, useTaskColumns } from './shared';
import { DashboardChart } from '../dashboard/DashboardChart';
import type { EChartsOption } from 'echarts';

type Detail = z.infer<typeof TaskDetail>;
const STEP_API = { deploy: planApi.deploy, report: planApi.report, requestClose: planApi.requestClose, approveClose: planApi.approveClose, returnClose: planApi.returnClose } as const;
const REPORT_COLOR: Record<string, string> = { deploy: 'blue', progress: 'blue', close_request: 'orange', closed: 'green', returned: 'red' };

/** The task's buttons: the steps the server allows (with the fields each needs), split and edit. */
function TaskActions({ task, reload }: { task: Detail; reload: () => void }) {
  const { t, pick } = useI18n();
  const [step, setStep] = useState<TaskAction | null>(null);
  const [split, setSplit] = useState(false);
  const [edit, setEdit] = useState(false);
  const def = step ? TASK_MACHINE.transitions[step] : null;
  const needs = (f: string) => !!def?.requires?.includes(f as never);
  const actions: Action[] = [
    ...task.actions.map((a) => ({ key: a, label: { zh: TASK_MACHINE.transitions[a].zh, en: TASK_MACHINE.transitions[a].en }, primary: a !== 'returnClose', danger: a === 'returnClose', onClick: () => setStep(a), testId: `task-step-${a}` })),
    { key: 'split', label: 'task.split', icon: <ApartmentOutlined />, show: task.can.split, onClick: () => setSplit(true), testId: 'task-split' },
    { key: 'edit', label: 'action.edit', icon: <EditOutlined />, show: task.can.edit, onClick: () => setEdit(true), testId: 'task-edit' },
  ];
  return (
    <>
      <Actions actions={actions} />
      {step && def && (
        <FormModal<{ note?: string; evidence?: string; progress?: number }>
          open
          testId="task-step"
          title={pick(def)}
          confirm={def.confirm ? { zh: `确定${def.zh}？`, en: `${def.en}?` } : undefined}
          danger={def.danger}
          initialValues={{ progress: step === 'report' ? task.progress : undefined }}
          fields={[
            { name: 'note', label: 'task.step.note', kind: 'textarea', required: needs('note'), max: 2000, span: 24 },
            (step === 'requestClose' || step === 'report') && { name: 'evidence', label: 'task.step.evidence', kind: 'textarea', required: needs('evidence'), max: 2000, span: 24 },
            step === 'report' && { name: 'progress', label: 'task.step.progress', kind: 'number', min: 0, max: 100, span: 8 },
          ]}
          onSubmit={(v) => call(STEP_API[step], { params: { id: task.id }, body: { ...v, version: task.version } })}
          onClose={() => setStep(null)}
          onDone={() => {
            setStep(null);
            reload();
          }}
          onReload={reload}
        />
      )}
      {split && (
        <FormModal<{ orgIds: string[]; kpiTarget?: number }>
          open
          testId="task-split-form"
          title={t('task.split')}
          fields={[
            { name: 'orgIds', label: 'task.split.orgs', kind: 'org', required: true, span: 24, props: { multiple: true } },
            !!task.kpiMetric && { name: 'kpiTarget', label: 'task.split.target', kind: 'number', min: 0, span: 12 },
          ]}
          onSubmit={(v) => call(planApi.split, { params: { id: task.id }, body: { orgIds: v.orgIds, kpiTarget: v.kpiTarget ?? null, version: task.version } })}
          onClose={() => setSplit(false)}
          onDone={() => {
            setSplit(false);
            reload();
          }}
        />
      )}
      {edit && (
        <FormModal<{ title: string; lead?: string; coOwners?: string; major: boolean; kpiTarget?: number; reportCadence?: string }>
          open
          testId="task-edit-form"
          title={t('action.edit')}
          initialValues={{ title: task.title, lead: task.lead ?? undefined, coOwners: task.coOwners ?? undefined, major: task.major, kpiTarget: task.kpiTarget ?? undefined, reportCadence: task.reportCadence ?? undefined }}
          fields={[
            { name: 'title', label: 'task.col.title', kind: 'textarea', required: true, max: 500, span: 24 },
            { name: 'lead', label: 'task.field.lead', max: 40, span: 12 },
            { name: 'coOwners', label: 'task.field.coOwners', max: 200, span: 12 },
            { name: 'major', label: 'task.field.major', kind: 'switch', span: 12 },
            !!task.kpiMetric && { name: 'kpiTarget', label: 'task.kpi.target', kind: 'number', min: 0, span: 12 },
            { name: 'reportCadence', label: 'task.field.cadence', kind: 'select', vocab: REPORT_CADENCES, span: 12 },
          ]}
          onSubmit={(v) =>
            call(planApi.updateTask, {
              params: { id: task.id },
              body: { title: v.title, lead: v.lead ?? null, coOwners: v.coOwners ?? null, profile: task.profile, major: !!v.major, kpiMetric: task.kpiMetric, kpiTarget: v.kpiTarget ?? null, kpiUnit: task.kpiUnit, kpiDue: task.kpiDue, reportCadence: v.reportCadence ?? null, version: task.version },
            })
          }
          onClose={() => setEdit(false)}
          onDone={() => {
            setEdit(false);
            reload();
          }}
          onReload={reload}
        />
      )}
    </>
  );
}

/** One task: its workflow, deadlines in the days its profile counts, the live KPI, reports, and the unions it was split to. */
/** The smallest of 1, 2, 2.5, 5 × 10ⁿ at or above x: an axis top whose ticks read well. */
const niceCeil = (x: number) => {
  if (x <= 0) return 1;
  const p = 10 ** Math.floor(Math.log10(x));
  return [1, 2, 2.5, 5, 10].map((m) => m * p).find((v) => v >= x)!;
};

/** The KPI's daily readings as a line, with the target as a dashed line (recorded by the daily job; the last point is now). */
function KpiLine({ kpi }: { kpi: NonNullable<Detail['kpi']> }) {
  const { t } = useI18n();
  if (kpi.history.length < 2) return null;
  const option: EChartsOption = {
    grid: { left: 48, right: 16, top: 24, bottom: 28 },
    tooltip: { trigger: 'axis', valueFormatter: (v) => `${String(v)} ${kpi.unit}` },
    xAxis: { type: 'category', data: kpi.history.map((h) => h.on.slice(5)), boundaryGap: false },
    // The axis reaches the target, so that the dashed line is drawn however far the value is from it.
    yAxis: { type: 'value', min: 0, max: (v: { max: number }) => niceCeil(Math.max(v.max, kpi.target ?? 0) * 1.05) },
    series: [
      {
        type: 'line',
        name: t('task.kpi.value'),
        data: kpi.history.map((h) => h.value),
        smooth: true,
        symbolSize: 6,
        areaStyle: { opacity: 0.08 },
        ...(kpi.target !== null ? { markLine: { symbol: 'none', lineStyle: { type: 'dashed', color: '#fa541c' }, label: { formatter: `${t('task.kpi.target')} ${kpi.target}` }, data: [{ yAxis: kpi.target }] } } : {}),
      },
    ],
  };
  return <DashboardChart option={option} loading={false} height={200} testId="task-kpi-line" />;
}

export default function TaskDetailPage() {
  const { id } = useParams();
  const { t, pick } = useI18n();
  const columns = useTaskColumns();
  return (
    <DetailPage<Detail> testId="task-detail" get={planApi.task}
      rootProps={(x) => ({ 'data-task-status': x.status })}
      crumbs={(x) => [{ title: t('menu.planTasks'), path: '/plans/tasks' }, ...(x ? [{ title: x.planTitle, path: `/plans/${x.planId}` }] : [])]}
      title={(x) => <Typography.Paragraph ellipsis={{ rows: 2, tooltip: x.title }} style={{ marginBottom: 0, maxWidth: 900 }}>{x.title}</Typography.Paragraph>}
      tags={(x) => (
        <Space size={4}>
          <StatusTag vocab={TASK_STATUS} value={x.status} testId="task-status" />
          <Tag color={RAG[x.rag].color} data-testid="task-rag">{pick(RAG[x.rag])}</Tag>
        </Space>
      )}
      actions={(x, reload) => <TaskActions task={x} reload={reload} />}
      alerts={(x) => x.escalatedTo && <Alert type="error" showIcon style={{ marginBottom: 16 }} title={t('task.field.escalated', { org: x.escalatedTo })} data-testid="task-escalated" />}
      history={{ endpoint: planApi.taskHistory, id: id! }}
      body={(x) => (
        <>
          <Card size="small" style={{ marginBottom: 16 }}>
            <WorkflowSteps machine={TASK_MACHINE} status={x.status} testId="task-steps" />
          </Card>
          <Row gutter={16}>
            <Col xs={24} lg={14}>
              <Card size="small" style={{ marginBottom: 16 }}>
                <Fields
                  items={[
                    { label: 'task.field.plan', value: <Link to={`/plans/${x.planId}`}>{x.planTitle}</Link> },
                    { label: 'task.field.section', value: x.section ?? '—' },
                    { label: 'task.col.owner', value: x.orgName },
                    { label: 'task.field.lead', value: x.lead ?? '—' },
                    { label: 'task.field.coOwners', value: x.coOwners ?? '—' },
                    { label: 'task.field.profile', value: `${x.profile}${x.major ? ` · ${t('task.field.major')}` : ''}` },
                    { label: 'task.field.assignedOn', value: x.assignedOn },
                    { label: 'task.field.deployDue', value: <DeadlineBadge due={x.deployDue} provisional={x.provisional} testId="task-deploy-due" /> },
                    { label: 'task.field.reportDue', value: <DeadlineBadge due={x.reportDue} provisional={x.provisional} /> },
                    { label: 'task.field.cadence', value: x.reportCadence ? `${pick(REPORT_CADENCES[x.reportCadence as ReportCadence])} · ${t('task.field.nextReport')} ${x.nextReportDue ?? '—'}` : '—', testId: 'task-cadence' },
                    { label: 'task.field.closeDue', value: <DeadlineBadge due={x.closeDue} provisional={x.provisional} /> },
                    { label: 'task.col.progress', value: <Progress percent={x.progress} size="small" style={{ width: 180 }} />, testId: 'task-progress' },
                    { label: 'task.field.modules', value: x.modules.length ? x.modules.map((m) => <Tag key={m}>{m}</Tag>) : '—' },
                  ]}
                />
              </Card>
            </Col>
            <Col xs={24} lg={10}>
              <Card size="small" title={t('task.kpi')} style={{ marginBottom: 16 }} data-testid="task-kpi">
                {x.kpi ? (
                  <Row gutter={16}>
                    <Col span={12}><Statistic title={`${pick(x.kpi)} · ${t('task.kpi.value')}`} value={x.kpi.value} suffix={x.kpi.unit} /></Col>
                    <Col span={12}><Statistic title={t('task.kpi.target')} value={x.kpi.target ?? '—'} suffix={x.kpi.target ? x.kpi.unit : undefined} /></Col>
                    {x.kpi.progress !== null && <Col span={24}><Progress percent={x.kpi.progress} /></Col>}
                    <Col span={24}><KpiLine kpi={x.kpi} /></Col>
                  </Row>
                ) : (
                  <Typography.Text type="secondary">{t('task.kpi.none')}</Typography.Text>
                )}
              </Card>
              <Card size="small" title={t('task.reports')} style={{ marginBottom: 16 }} data-testid="task-reports">
                {x.reports.length ? (
                  <Timeline
                    items={x.reports.map((r) => ({
                      color: REPORT_COLOR[r.kind] ?? 'gray',
                      content: (
                        <>
                          <Typography.Text strong>{r.reportedOn}</Typography.Text> {r.actorName} {r.progress !== null && <Tag>{r.progress}%</Tag>}
                          <div>{r.note}</div>
                          {r.evidence && <Typography.Text type="secondary">{t('task.step.evidence')}：{r.evidence}</Typography.Text>}
                        </>
                      ),
                    }))}
                  />
                ) : (
                  <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('task.reports.empty')} />
                )}
              </Card>
            </Col>
          </Row>
          {x.childTasks.length > 0 && (
            <Card size="small" title={t('task.children')} data-testid="task-children">
              <Table size="small" rowKey="id" pagination={false} dataSource={x.childTasks} columns={columns.filter((c) => c.key !== 'title').map((c) => ({ ...c, title: t(c.title as never) })) as never} />
            </Card>
          )}
        </>
      )}
    />
  );
}
