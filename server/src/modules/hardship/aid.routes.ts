import type { FastifyInstance } from 'fastify';
import { hardshipAidApi } from '../../../../common/src/contracts/hardship-aid.js';
import * as aid from './aid.service.js';
import * as campaign from './campaign.service.js';
import { budgets, campaigns } from './aid.repo.js';
import { rosterPdf, rosterXlsx } from './roster.js';
import { actorOf, auditOf, sendFile } from './hardship.shared.js';
import { appendAudit } from '../../platform/audit.js';
import { mount } from '../../platform/mount.js';

const extOf = (mime: string) => (mime === 'application/pdf' ? 'pdf' : mime === 'image/png' ? 'png' : 'jpg');

/** Aid records with their receipts, budgets, campaigns and their signature rosters. */
export async function aidRoutes(app: FastifyInstance) {
  mount(app, hardshipAidApi, {
    record: (c, { params, body }) => aid.recordAid(c, params.id, body),
    list: (c, { query }) => aid.listAid(c, query),
    attachReceipt: (c, { params, body }) => aid.attachReceipt(c, params.id, body),
    receipt: async (c, { params }, _req, reply) => {
      const rc = await aid.readReceipt(c, params.id);
      return sendFile(reply, rc.mime, `receipt-${params.id}.${extOf(rc.mime)}`, rc.data);
    },
    budgets: (c, { query }) => aid.listBudgets(c, query),
    createBudget: (c, { body }) => aid.createBudget(c, body),
    updateBudget: (c, { params, body }) => aid.updateBudget(c, params.id, body),
    budgetHistory: (c, { params }) => budgets.history(c, params.id),
    campaigns: (c, { query }) => campaign.listCampaigns(c, query),
    previewCampaign: (c, { body }) => campaign.previewCampaign(c, body),
    createCampaign: (c, { body }) => campaign.createCampaign(c, body),
    campaignHistory: (c, { params }) => campaigns.history(c, params.id),
    roster: async (c, { params, query }, _req, reply) => {
      const data = await campaign.campaignRoster(c, params.id);
      const roster = {
        campaign: { ...data.campaign, amountFen: Number(data.campaign.amountFen), totalFen: Number(data.campaign.totalFen) },
        lines: data.lines,
      };
      const bytes = query.format === 'pdf' ? await rosterPdf(roster) : await rosterXlsx(roster);
      await c.db.transaction((tx) =>
        appendAudit(
          tx,
          auditOf(actorOf(c), data.campaign.orgId, 'hardship.roster_export', params.id, {
            entity: 'aid_campaign',
            changes: { format: query.format, rows: data.lines.length },
          }),
        ),
      );
      const mime = query.format === 'pdf' ? 'application/pdf' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
      return sendFile(reply, mime, `${data.campaign.name}签收名册.${query.format}`, bytes);
    },
  });
}
