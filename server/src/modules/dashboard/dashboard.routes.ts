import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { dashboardApi } from '../../../../common/src/contracts/dashboard.js';
import { ctx } from '../../platform/guard.js';
import { mount } from '../../platform/mount.js';
import { errorResponses } from '../../platform/contract.js';
import { orgFigures } from './org-figures.js';
import { MemberFigures, memberFigures } from '../member/member-figures.js';

const tags = ['首页 dashboard'];

export async function dashboardRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/dashboard/members', {
    config: { access: 'dashboard.read' },
    schema: { tags, summary: '会员概况（本人管辖范围）/ member figures in scope', response: { 200: MemberFigures, ...errorResponses } },
  }, (req) => memberFigures(ctx(app, req)));
  mount(app, dashboardApi, { orgs: (c) => orgFigures(c) });
}
