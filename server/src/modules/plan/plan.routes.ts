import type { FastifyInstance } from 'fastify';
import ExcelJS from 'exceljs';
import { planApi } from '../../../../common/src/contracts/plan.js';
import { KPI_METRICS, RAG_LABELS, TASK_MACHINE } from '../../../../common/src/plan-vocab.js';
import { mount } from '../../platform/mount.js';
import { appendAuditStandalone } from '../../platform/audit.js';
import { sendFile } from '../hardship/hardship.shared.js';
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
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('任务台账');
      ws.columns = [
        { header: '序号', width: 6 },
        { header: '计划', width: 24 },
        { header: '任务', width: 60 },
        { header: '责任单位', width: 28 },
        { header: '牵头人', width: 10 },
        { header: '状态', width: 10 },
        { header: '督办', width: 8 },
        { header: '部署时限', width: 12 },
        { header: '首次反馈时限', width: 12 },
        { header: '办结时限', width: 12 },
        { header: '进度%', width: 8 },
        { header: '最近报告', width: 12 },
      ];
      page.items.forEach((t, i) =>
        ws.addRow([
          i + 1,
          t.planTitle,
          t.title,
          t.orgName,
          t.lead ?? '',
          TASK_MACHINE.states[t.status as keyof typeof TASK_MACHINE.states]?.zh ?? t.status,
          RAG_LABELS[t.rag].zh,
          t.deployDue ?? '',
          t.reportDue ?? '',
          t.closeDue ?? '',
          t.progress,
          t.lastReportOn ?? '',
        ]),
      );
      ws.getRow(1).font = { bold: true };
      const bytes = Buffer.from(await wb.xlsx.writeBuffer());
      await appendAuditStandalone(c.db, {
        actorId: c.actor.userId,
        actorName: c.actor.username,
        ip: c.ip,
        orgId: c.actor.orgId,
        action: 'plan.ledger.export',
        entity: 'plan_task',
        entityId: query.planId ?? '-',
        changes: { rows: page.items.length, filters: query },
        detail: null,
      });
      return sendFile(reply, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', '任务台账.xlsx', bytes);
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
