/**
 * Hardship aid, budgets, campaigns and rule data (server/src/modules/hardship/aid.routes.ts,
 * aid.contract.ts, rules.routes.ts). Money is integer fen both ways; the pages show yuan.
 */
import { api, toQueryString } from './client';
import { downloadFile } from './members';
import type { Page } from './types';
import type { AidKind, CapRule, Cause, FileStatus, Tier } from '../../../common/src/hardship-vocab';
import type { HardshipParams } from '../../../common/src/hardship-tier';

export interface AidItem {
  id: string;
  fileId: string;
  fileNo: string;
  name: string;
  orgId: string;
  orgName: string;
  kind: AidKind | string;
  amountFen: number;
  paidOn: string;
  payer: string;
  recipientName: string;
  causeKey: string | null;
  budgetId: string;
  campaignId: string | null;
  hasReceipt: boolean;
}

/** GET /api/hardship/aid filters (the server filters by year, kind, area, campaign, paid-on range, budget and household). */
export interface AidListParams {
  page?: number;
  pageSize?: number;
  year?: number;
  kind?: AidKind;
  under?: string;
  campaignId?: string;
  /** Paid-on range, YYYY-MM-DD, both ends included (the server refuses from > to). */
  from?: string;
  to?: string;
  budgetId?: string;
  /** Part of the household's name, or its file number. */
  q?: string;
}
/** A page of aid records; `totalFen` is the sum over every record matching the filter, not just this page. */
export interface AidPage extends Page<AidItem> {
  totalFen: number;
}

export interface BudgetItem {
  id: string;
  orgId: string;
  orgName: string;
  year: number;
  line: string;
  allocatedFen: number;
  spentFen: number;
  remainingFen: number;
  note: string | null;
  version: number;
}
export interface BudgetCreateInput {
  orgId: string;
  year: number;
  line: string;
  allocatedFen: number;
  note: string | null;
}
export interface BudgetUpdateInput {
  allocatedFen: number;
  note: string | null;
  version: number;
}

export interface CampaignCriteria {
  tiers: Tier[];
  causes: Cause[];
  underOrgId: string | null;
  statuses: FileStatus[];
}
export interface CampaignInput {
  name: string;
  kind: AidKind;
  amountFen: number;
  paidOn: string;
  budgetId: string;
  criteria: CampaignCriteria;
}
export interface CampaignPreview {
  households: number;
  totalFen: number;
  budgetRemainingFen: number;
  skipped: { fileId: string; fileNo: string; reason: string }[];
}
export interface CampaignItem {
  id: string;
  orgId: string;
  orgName: string;
  name: string;
  kind: AidKind | string;
  amountFen: number;
  paidOn: string;
  budgetId: string;
  households: number;
  totalFen: number;
  skippedCount: number;
  createdAt: string;
}

export interface SubsistenceLineItem {
  id: string;
  regionCode: string;
  effectiveFrom: string;
  monthlyFen: number;
  source: string;
  weak: boolean;
  version: number;
}
export type ParamKey = keyof HardshipParams;
export interface RuleSetItem {
  id: string;
  version: string;
  effectiveFrom: string;
  params: Partial<HardshipParams> & Record<string, unknown>;
  source: string;
  weakKeys: string[];
}
export interface CapItem {
  id: string;
  kind: AidKind | null;
  rule: CapRule;
  amountFen: number | null;
  maxCount: number | null;
  effectiveFrom: string;
  effectiveTo: string | null;
  source: string;
  weak: boolean;
  version: number;
}
export interface RulesOverview {
  today: string;
  ruleSetInForce: { version: string; effectiveFrom: string };
  lines: SubsistenceLineItem[];
  ruleSets: RuleSetItem[];
  caps: CapItem[];
}
export interface LineInput {
  regionCode: string;
  effectiveFrom: string;
  monthlyFen: number;
  source: string;
  weak: boolean;
}
export interface RuleSetInput {
  version: string;
  effectiveFrom: string;
  params: HardshipParams;
  source: string;
  weakKeys: ParamKey[];
}
export interface CapInput {
  kind: AidKind | null;
  rule: CapRule;
  amountFen: number | null;
  maxCount: number | null;
  effectiveFrom: string;
  effectiveTo: string | null;
  source: string;
  weak: boolean;
}
/** What a rule change answers: the new or changed id and how many files were re-evaluated. */
export interface RuleChanged {
  id: string;
  reevaluated?: number;
}

export const aidApi = {
  list: (p: AidListParams, signal?: AbortSignal) => api.get<AidPage>('/api/hardship/aid', { ...p }, signal),
  /** The receipt opens in the browser (same-origin cookie); reading it is audited by the server. */
  receiptUrl: (id: string) => `/api/hardship/aid/${id}/receipt`,
  downloadReceipt: (id: string) => downloadFile(`/api/hardship/aid/${id}/receipt`, `receipt-${id}`),

  budgets: (year?: number) => api.get<BudgetItem[]>('/api/hardship/budgets', { year }),
  createBudget: (input: BudgetCreateInput) => api.post<BudgetItem>('/api/hardship/budgets', input),
  updateBudget: (id: string, input: BudgetUpdateInput) => api.put<BudgetItem>(`/api/hardship/budgets/${id}`, input),

  campaigns: () => api.get<CampaignItem[]>('/api/hardship/campaigns'),
  previewCampaign: (input: CampaignInput) => api.post<CampaignPreview>('/api/hardship/campaigns/preview', input),
  createCampaign: (input: CampaignInput) => api.post<CampaignPreview & { id: string }>('/api/hardship/campaigns', input),
  /** The signature roster (签收名册); a PDF without a CJK font on the server answers 503 PDF_FONT_MISSING. */
  downloadRoster: (id: string, format: 'xlsx' | 'pdf', fallbackName: string) =>
    downloadFile(`/api/hardship/campaigns/${id}/roster${toQueryString({ format })}`, fallbackName),
};

export const rulesApi = {
  overview: () => api.get<RulesOverview>('/api/hardship/rules'),
  addLine: (input: LineInput) => api.post<RuleChanged>('/api/hardship/rules/lines', input),
  updateLine: (id: string, input: Omit<LineInput, 'regionCode' | 'effectiveFrom'> & { version: number }) =>
    api.put<RuleChanged>(`/api/hardship/rules/lines/${id}`, input),
  addRuleSet: (input: RuleSetInput) => api.post<RuleChanged>('/api/hardship/rules/sets', input),
  addCap: (input: CapInput) => api.post<RuleChanged>('/api/hardship/rules/caps', input),
  updateCap: (id: string, input: CapInput & { version: number }) => api.put<RuleChanged>(`/api/hardship/rules/caps/${id}`, input),
};
