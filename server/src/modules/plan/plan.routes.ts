import type { FastifyInstance } from 'fastify';
import { planApi } from '../../../../common/src/contracts/plan.js';
import { KPI_METRICS, RAG_LABELS, REPORT_CADENCES, TASK_MACHINE, type ReportCadence } from '../../../../common/src/plan-vocab.js';
import { mount } from '../../platform/mount.js';
import { sendSheet } from './xlsx.js';
import * as svc from './plan.service.js';

export async function planRoutes(app: FastifyInstance) {
  mount(app, planApi, {
    extract: (_c, { body }) => svc.extract(body),
    metrics: async () => Object.entries(KPI_METRICS).map(([key, m]) => ({ key, zh: m.zh, en: m.en, unit: m.unit, module: m.module })),
    list: (c, { query }) => svc.listPlans(c, query),
    get: (c, { params }) => svc.getPlan(c, params.id),
    history: (c, { params }) => svc.plans.history(c, params.id),
    create: (c, { body }) => svc.createPlan(c, body),
    tasks: (c, { query }) => svc.listTasks(c, query),
    ledger: async (c, { query }, _req, reply) => {
      const page = await svc.listTasks(c, { ...query, page: 1, pageSize: 1000 });
      return sendSheet(c, reply, {
        fileName: '任务台账.xlsx',
        sheet: '任务台账',
        columns: [
          ['序号', 6],
          ['计划', 24],
          ['任务', 60],
          ['责任单位', 28],
          ['牵头人', 10],
          ['状态', 10],
          ['督办', 8],
          ['部署时限', 12],
          ['首次反馈时限', 12],
          ['办结时限', 12],
          ['进度%', 8],
          ['最近报告', 12],
          ['报告周期', 8],
          ['下次报告', 12],
        ],
        rows: page.items.map((t, i) => [
          i + 1,
          t.planTitle,
          t.title,
          t.orgName,
          t.lead,
          TASK_MACHINE.states[t.status as keyof typeof TASK_MACHINE.states]?.zh ?? t.status,
          RAG_LABELS[t.rag].zh,
          t.deployDue,
          t.reportDue,
          t.closeDue,
          t.progress,
          t.lastReportOn,
          t.reportCadence ? (REPORT_CADENCES[t.reportCadence as ReportCadence]?.zh ?? t.reportCadence) : null,
          t.nextReportDue,
        ]),
        audit: { action: 'plan.ledger.export', entity: 'plan_task', entityId: query.planId ?? '-', changes: { filters: query } },
      });
    },
    board: (c, { query }) => svc.board(c, query.planId),
    task: (c, { params }) => svc.getTask(c, params.id),
    taskHistory: (c, { params }) => svc.tasks.history(c, params.id),
    updateTask: (c, { params, body }) => svc.updateTask(c, params.id, body),
    split: (c, { params, body }) => svc.splitTask(c, params.id, body),
    deploy: (c, { params, body }) => svc.taskStep(c, params.id, 'deploy', body),
    report: (c, { params, body }) => svc.taskStep(c, params.id, 'report', body),
    requestClose: (c, { params, body }) => svc.taskStep(c, params.id, 'requestClose', body),
    approveClose: (c, { params, body }) => svc.taskStep(c, params.id, 'approveClose', body),
    returnClose: (c, { params, body }) => svc.taskStep(c, params.id, 'returnClose', body),
  });
}
