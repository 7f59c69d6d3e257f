import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import * as C from './file.contract.js';
import * as files from './file.service.js';
import * as flow from './workflow.service.js';
import { addAttachment, AttachmentBody, AttachmentRef, deleteAttachment, readAttachment, UPLOAD_BODY_LIMIT } from './attachment.service.js';
import { hardshipDashboard, HardshipFigures } from './dashboard.service.js';
import { aidRoutes } from './aid.routes.js';
import { rulesRoutes } from './rules.routes.js';
import { warningRoutes } from './warning.routes.js';
import { publicHardshipRoutes } from './public.routes.js';
import { ensureHardshipDefaults } from './rules.service.js';
import { Binary, sendFile } from './hardship.shared.js';
import { ctx } from '../../platform/guard.js';
import { IdParams, OkSchema, errorResponses } from '../../platform/contract.js';

const tags = ['困难职工帮扶 hardship'];
const Ref = C.FileRef;

/** Assistance (困难职工帮扶): household files, workflow, attachments, aid, rules, warnings, dashboard. */
export async function hardshipRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  app.addHook('onReady', async () => {
    await app.gh.db.transaction((tx) => ensureHardshipDefaults(tx));
  });

  r.get('/api/hardship/files', {
    config: { access: 'hardship.read' },
    schema: { tags, summary: '困难职工档案列表（管辖范围内）/ hardship files in scope', querystring: C.FileListQuery, response: { 200: C.FilePage, ...errorResponses } },
  }, (req) => files.listFiles(ctx(app, req), req.query));

  r.get('/api/hardship/files/:id', {
    config: { access: 'hardship.read' },
    schema: { tags, summary: '档案详情：分档计算过程、家庭成员、附件、帮扶、走访、预警 / file detail', params: IdParams, response: { 200: C.FileDetail, ...errorResponses } },
  }, (req) => files.getFileDetail(ctx(app, req), req.params.id));

  r.post('/api/hardship/files', {
    config: { access: 'hardship.write' },
    schema: { tags, summary: '建档（走访主动发现或代录申请）；困难类别按规则自动计算 / open a file; the tier is computed', body: C.FileCreateBody, response: { 201: Ref, ...errorResponses } },
  }, async (req, reply) => reply.code(201).send(await files.createFile(ctx(app, req), req.body)));

  r.put('/api/hardship/files/:id', {
    config: { access: 'hardship.write' },
    schema: { tags, summary: '修改档案（收入等变化时重新分档）/ edit; re-evaluates the tier', params: IdParams, body: C.FileUpdateBody, response: { 200: Ref, ...errorResponses } },
  }, (req) => files.updateFile(ctx(app, req), req.params.id, req.body));

  r.post('/api/hardship/files/:id/check', {
    config: { access: 'hardship.write' },
    schema: { tags, summary: '基层工会核实（通过后报上级审核）/ grassroots check', params: IdParams, body: C.DecisionBody, response: { 200: Ref, ...errorResponses } },
  }, (req) => flow.checkFile(ctx(app, req), req.params.id, req.body));

  r.post('/api/hardship/files/:id/review', {
    config: { access: 'hardship.review' },
    schema: { tags, summary: '上级工会逐级审核 / review at the next level', params: IdParams, body: C.DecisionBody, response: { 200: Ref, ...errorResponses } },
  }, (req) => flow.reviewFile(ctx(app, req), req.params.id, req.body));

  r.post('/api/hardship/files/:id/reassess', {
    config: { access: 'hardship.write' },
    schema: {
      tags, summary: '年度复核 / yearly re-assessment', params: IdParams, body: C.ReassessBody,
      response: { 200: Ref.extend({ suggestExit: z.boolean(), explanation: z.string() }), ...errorResponses },
    },
  }, (req) => flow.reassessFile(ctx(app, req), req.params.id, req.body));

  r.post('/api/hardship/files/:id/exit', {
    config: { access: 'hardship.write' },
    schema: {
      tags, summary: '解困脱困（原因与数据；进入监测期并安排回访）/ exit with reason and figures', params: IdParams, body: C.ExitBody,
      response: { 200: Ref.extend({ monitoringUntil: z.string(), plannedVisits: z.array(z.string()) }), ...errorResponses },
    },
  }, (req) => flow.exitFile(ctx(app, req), req.params.id, req.body));

  r.post('/api/hardship/files/:id/relapse', {
    config: { access: 'hardship.write' },
    schema: { tags, summary: '登记返困（重新建档）/ record a relapse', params: IdParams, body: C.RelapseBody, response: { 200: Ref, ...errorResponses } },
  }, (req) => flow.relapseFile(ctx(app, req), req.params.id, req.body));

  r.post('/api/hardship/files/:id/visits', {
    config: { access: 'hardship.write' },
    schema: { tags, summary: '登记走访（含完成计划回访）/ record a visit', params: IdParams, body: C.VisitBody, response: { 201: z.object({ id: z.string() }), ...errorResponses } },
  }, async (req, reply) => reply.code(201).send(await flow.recordVisit(ctx(app, req), req.params.id, req.body)));

  r.post('/api/hardship/files/:id/unmask', {
    config: { access: 'hardship.unmask' },
    schema: { tags, summary: '查看完整身份证号（含家庭成员，记入审计）/ reveal, audited', params: IdParams, response: { 200: C.FileUnmasked, ...errorResponses } },
  }, (req) => files.unmaskFile(ctx(app, req), req.params.id));

  r.post('/api/hardship/files/:id/attachments', {
    config: { access: 'hardship.write' },
    bodyLimit: UPLOAD_BODY_LIMIT,
    schema: { tags, summary: '上传附件（PDF/JPG/PNG，≤5MB，base64）/ attach a scan', params: IdParams, body: AttachmentBody, response: { 201: AttachmentRef, ...errorResponses } },
  }, async (req, reply) => reply.code(201).send(await addAttachment(ctx(app, req), req.params.id, req.body)));

  r.get('/api/hardship/attachments/:id', {
    config: { access: 'hardship.read' },
    schema: { tags, summary: '下载附件（记入审计）/ download a scan, audited', params: IdParams, response: { 200: Binary, ...errorResponses } },
  }, async (req, reply) => {
    const a = await readAttachment(ctx(app, req), req.params.id);
    return sendFile(reply, a.mime, a.fileName, a.data);
  });

  r.delete('/api/hardship/attachments/:id', {
    config: { access: 'hardship.write' },
    schema: { tags, summary: '删除附件 / delete a scan', params: IdParams, response: { 200: OkSchema, ...errorResponses } },
  }, async (req) => {
    await deleteAttachment(ctx(app, req), req.params.id);
    return { ok: true as const };
  });

  r.get('/api/hardship/dashboard', {
    config: { access: 'hardship.read' },
    schema: { tags, summary: '帮扶工作概况（管辖范围内）/ assistance figures in scope', response: { 200: HardshipFigures, ...errorResponses } },
  }, (req) => hardshipDashboard(ctx(app, req)));

  await app.register(aidRoutes);
  await app.register(rulesRoutes);
  await app.register(warningRoutes);
  await app.register(publicHardshipRoutes);
}
