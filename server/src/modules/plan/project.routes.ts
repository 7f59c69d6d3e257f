import type { FastifyInstance } from 'fastify';
import { PROJECT_STATUS_LABELS, projectApi } from '../../../../common/src/contracts/project.js';
import { sendSheet } from './xlsx.js';
import { mount } from '../../platform/mount.js';
import * as svc from './project.service.js';

export async function projectRoutes(app: FastifyInstance) {
  mount(app, projectApi, {
    list: (c, { query }) => svc.listProjects(c, query),
    export: async (c, { query }, _req, reply) => {
      const page = await svc.listProjects(c, { ...query, page: 1, pageSize: 1000 });
      const yuan = (fen: number) => Math.round(fen) / 100;
      return sendSheet(c, reply, {
        fileName: '实事项目清单.xlsx',
        sheet: '实事项目',
        columns: [
          ['序号', 6],
          ['年度', 8],
          ['项目', 40],
          ['责任单位', 28],
          ['预算（元）', 14],
          ['已支出（元）', 14],
          ['超预算', 8],
          ['进度%', 8],
          ['状态', 10],
          ['逾期节点', 10],
          ['节点', 60],
        ],
        rows: page.items.map((p, i) => [
          i + 1,
          p.year,
          p.title,
          p.orgName,
          yuan(p.budgetFen),
          yuan(p.spentFen),
          p.overBudget ? '是' : '否',
          p.progress,
          PROJECT_STATUS_LABELS[p.status as keyof typeof PROJECT_STATUS_LABELS]?.zh ?? p.status,
          p.overdueMilestones,
          p.milestones.map((m) => `${m.due} ${m.title}${m.doneOn ? '（已完成）' : m.overdue ? '（逾期）' : ''}`).join('；'),
        ]),
        audit: { action: 'project.export', entity: 'project', entityId: '-', changes: { filters: query } },
      });
    },
    get: (c, { params }) => svc.getProject(c, params.id),
    history: (c, { params }) => svc.projects.history(c, params.id),
    create: (c, { body }) => svc.createProject(c, body),
    update: (c, { params, body }) => svc.updateProject(c, params.id, body),
    spend: (c, { params, body }) => svc.recordSpend(c, params.id, body),
    publicList: (c, { query }) => svc.publicProjects(c, query),
  });
}
