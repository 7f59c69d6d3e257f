import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import * as C from './aid.contract.js';
import * as aid from './aid.service.js';
import * as campaigns from './campaign.service.js';
import { rosterPdf, rosterXlsx } from './roster.js';
import { UPLOAD_BODY_LIMIT } from './attachment.service.js';
import { actorOf, auditOf, Binary, sendFile } from './hardship.shared.js';
import { appendAudit } from '../../platform/audit.js';
import { ctx } from '../../platform/guard.js';
import { IdParams, OkSchema, errorResponses } from '../../platform/contract.js';

const tags = ['帮扶救助与资金 aid'];

export async function aidRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post('/api/hardship/files/:id/aid', {
    config: { access: 'aid.write' },
    bodyLimit: UPLOAD_BODY_LIMIT,
    schema: {
      tags, summary: '登记帮扶（先核对帮扶标准上限和预算余额；实名签收）/ record aid (caps and budget checked first)',
      params: IdParams, body: C.AidBody, response: { 201: C.AidResult, ...errorResponses },
    },
  }, async (req, reply) => reply.code(201).send(await aid.recordAid(ctx(app, req), req.params.id, req.body)));

  r.get('/api/hardship/aid', {
    config: { access: 'hardship.read' },
    schema: { tags, summary: '帮扶记录（管辖范围内）/ aid records in scope', querystring: C.AidListQuery, response: { 200: C.AidPage, ...errorResponses } },
  }, (req) => aid.listAid(ctx(app, req), req.query));

  r.post('/api/hardship/aid/:id/receipt', {
    config: { access: 'aid.write' },
    bodyLimit: UPLOAD_BODY_LIMIT,
    schema: { tags, summary: '补交签收凭证（上传或屏幕签名 PNG）/ attach the signed receipt', params: IdParams, body: C.ReceiptInput, response: { 200: OkSchema, ...errorResponses } },
  }, (req) => aid.attachReceipt(ctx(app, req), req.params.id, req.body));

  r.get('/api/hardship/aid/:id/receipt', {
    config: { access: 'hardship.read' },
    schema: { tags, summary: '查看签收凭证（记入审计）/ the receipt, audited', params: IdParams, response: { 200: Binary, ...errorResponses } },
  }, async (req, reply) => {
    const rc = await aid.readReceipt(ctx(app, req), req.params.id);
    return sendFile(reply, rc.mime, `receipt-${req.params.id}.${rc.mime === 'application/pdf' ? 'pdf' : rc.mime === 'image/png' ? 'png' : 'jpg'}`, rc.data);
  });

  r.get('/api/hardship/budgets', {
    config: { access: 'hardship.read' },
    schema: { tags, summary: '帮扶资金预算（预算、已支出、余额）/ budgets with spent and remaining', querystring: C.BudgetQuery, response: { 200: z.array(C.BudgetItem), ...errorResponses } },
  }, (req) => aid.listBudgets(ctx(app, req), req.query.year, req.query.forOrgId));

  r.post('/api/hardship/budgets', {
    config: { access: 'budget.manage' },
    schema: { tags, summary: '新建年度预算 / allocate a budget', body: C.BudgetBody, response: { 201: C.BudgetItem, ...errorResponses } },
  }, async (req, reply) => reply.code(201).send(await aid.createBudget(ctx(app, req), req.body)));

  r.put('/api/hardship/budgets/:id', {
    config: { access: 'budget.manage' },
    schema: { tags, summary: '调整预算 / change the allocation', params: IdParams, body: C.BudgetUpdateBody, response: { 200: C.BudgetItem, ...errorResponses } },
  }, (req) => aid.updateBudget(ctx(app, req), req.params.id, req.body));

  r.get('/api/hardship/campaigns', {
    config: { access: 'hardship.read' },
    schema: { tags, summary: '送温暖等集中帮扶活动 / campaigns', response: { 200: z.array(C.CampaignItem), ...errorResponses } },
  }, (req) => campaigns.listCampaigns(ctx(app, req)));

  r.post('/api/hardship/campaigns/preview', {
    config: { access: 'aid.write' },
    schema: { tags, summary: '预览：符合条件的户数、金额、因超标准跳过的家庭 / preview a campaign', body: C.CampaignPreviewBody, response: { 200: C.CampaignPreview, ...errorResponses } },
  }, (req) => campaigns.previewCampaign(ctx(app, req), req.body));

  r.post('/api/hardship/campaigns', {
    config: { access: 'aid.write' },
    schema: {
      tags, summary: '一次生成集中帮扶记录（按类别、原因、区域选户）/ run a campaign', body: C.CampaignBody,
      response: { 201: C.CampaignPreview.extend({ id: z.string() }), ...errorResponses },
    },
  }, async (req, reply) => reply.code(201).send(await campaigns.createCampaign(ctx(app, req), req.body)));

  r.get('/api/hardship/campaigns/:id/roster', {
    config: { access: 'hardship.read' },
    schema: { tags, summary: '签收名册（xlsx 或 PDF，记入审计）/ signature roster', params: IdParams, querystring: C.RosterQuery, response: { 200: Binary, ...errorResponses } },
  }, async (req, reply) => {
    const c = ctx(app, req);
    const data = await campaigns.campaignRoster(c, req.params.id);
    const roster = { campaign: { ...data.campaign, amountFen: Number(data.campaign.amountFen), totalFen: Number(data.campaign.totalFen) }, lines: data.lines };
    const bytes = req.query.format === 'pdf' ? await rosterPdf(roster) : await rosterXlsx(roster);
    await c.db.transaction((tx) => appendAudit(tx, auditOf(actorOf(c), data.campaign.orgId, 'hardship.roster_export', req.params.id, { entity: 'aid_campaign', changes: { format: req.query.format, rows: data.lines.length } })));
    const name = `${data.campaign.name}签收名册.${req.query.format}`;
    return sendFile(reply, req.query.format === 'pdf' ? 'application/pdf' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', name, bytes);
  });
}
