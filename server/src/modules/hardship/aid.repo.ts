import { eq, sql } from 'drizzle-orm';
import { aidBudget, aidCampaign, aidRecord } from './aid.schema.js';
import { hardshipFile } from './hardship.schema.js';
import { escapeLike, underOrgSql } from '../../platform/scope.js';
import { resource } from '../../platform/resource.js';
import type { AidListParams, BudgetListParams, CampaignListParams } from '../../../../common/src/contracts/hardship-aid.js';

/** Rows of `table` whose union lies under the org `id` (a union and the unions below it). */
const underOrg = underOrgSql;
const inYear = (col: unknown, year: number) => sql`${col} >= ${year + '-01-01'} AND ${col} <= ${year + '-12-31'}`;

/**
 * Aid records as a scoped resource (server/src/platform/resource.ts): `org_id` is the household's
 * union. Their audit entries belong to the household's file (entity hardship_file), so a payment
 * shows in the file's history.
 */
export const aidRecords = resource<typeof aidRecord, AidListParams>({
  table: aidRecord,
  entity: 'hardship_file',
  noun: ['帮扶记录', 'aid record'],
  orgColumn: aidRecord.orgId,
  idColumn: aidRecord.id,
  filters: {
    year: (v) => inYear(aidRecord.paidOn, v),
    kind: (v) => eq(aidRecord.kind, v),
    campaignId: (v) => eq(aidRecord.campaignId, v),
    fileId: (v) => eq(aidRecord.fileId, v),
    under: (v) => underOrg(aidRecord.orgId, v),
    from: (v) => sql`${aidRecord.paidOn} >= ${v}`,
    to: (v) => sql`${aidRecord.paidOn} <= ${v}`,
    budgetId: (v) => eq(aidRecord.budgetId, v),
    proof: (v) => eq(aidRecord.proofStatus, v),
    payerOrgId: (v) => eq(aidRecord.payerOrgId, v),
    q: (v) =>
      sql`${aidRecord.fileId} IN (SELECT ${hardshipFile.id} FROM ${hardshipFile} WHERE ${hardshipFile.name} LIKE ${'%' + escapeLike(v) + '%'} OR ${hardshipFile.fileNo} = ${v.toUpperCase()})`,
  },
});

/** Budgets (帮扶资金预算) of the unions in scope; a budget is held and used only inside its union's subtree (docs/architecture.md, invariant 12). */
export const budgets = resource<typeof aidBudget, BudgetListParams>({
  table: aidBudget,
  entity: 'aid_budget',
  noun: ['资金预算', 'budget'],
  orgColumn: aidBudget.orgId,
  idColumn: aidBudget.id,
  versionColumn: aidBudget.version,
  filters: {
    id: (v) => eq(aidBudget.id, v),
    year: (v) => eq(aidBudget.year, v),
    // The budgets a household of that union may be paid from (lockBudget's rule): its union's own fund or one above it.
    forOrgId: (v) => sql`(SELECT u.path FROM org u WHERE u.id = ${v}) LIKE (SELECT b.path FROM org b WHERE b.id = ${aidBudget.orgId}) || '%'`,
    under: (v) => underOrg(aidBudget.orgId, v),
    q: (v) => {
      const like = '%' + escapeLike(v) + '%';
      return sql`(${aidBudget.line} LIKE ${like} OR ${aidBudget.orgId} IN (SELECT o.id FROM org o WHERE o.name LIKE ${like}))`;
    },
  },
});

/** Campaigns (送温暖活动), owned by the budget's union. */
export const campaigns = resource<typeof aidCampaign, CampaignListParams>({
  table: aidCampaign,
  entity: 'aid_campaign',
  noun: ['送温暖活动', 'campaign'],
  orgColumn: aidCampaign.orgId,
  idColumn: aidCampaign.id,
  filters: {
    year: (v) => inYear(aidCampaign.paidOn, v),
    kind: (v) => eq(aidCampaign.kind, v),
  },
  sorts: { paidOn: aidCampaign.paidOn },
});
