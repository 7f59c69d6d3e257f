import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { closeWarning, CloseBody, listWarnings, scanNow, ScanResultSchema, WarningListQuery, WarningPage } from './warning.service.js';
import { ctx } from '../../platform/guard.js';
import { IdParams, OkSchema, errorResponses } from '../../platform/contract.js';

const tags = ['监测预警 warning'];

export async function warningRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/hardship/warnings', {
    config: { access: 'hardship.read' },
    schema: { tags, summary: '监测预警（管辖范围内，按等级和期限排序）/ warnings in scope', querystring: WarningListQuery, response: { 200: WarningPage, ...errorResponses } },
  }, (req) => listWarnings(ctx(app, req), req.query));

  r.post('/api/hardship/warnings/scan', {
    config: { access: 'warning.handle' },
    schema: { tags, summary: '立即运行预警检查（本人管辖范围）/ run the warning scan now', response: { 200: ScanResultSchema, ...errorResponses } },
  }, (req) => scanNow(ctx(app, req)));

  r.post('/api/hardship/warnings/:id/close', {
    config: { access: 'warning.handle' },
    schema: { tags, summary: '处置销号（须写明采取的措施）/ close with the action taken', params: IdParams, body: CloseBody, response: { 200: OkSchema, ...errorResponses } },
  }, (req) => closeWarning(ctx(app, req), req.params.id, req.body.action));
}
