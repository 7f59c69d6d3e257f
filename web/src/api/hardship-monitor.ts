/**
 * Hardship monitoring (监测预警), the assistance dashboard and the public self-check / online
 * application (server/src/modules/hardship/warning.service.ts, dashboard.service.ts,
 * public.routes.ts, public.service.ts). Money is integer fen.
 */
import { api } from './client';
import type { Page } from './types';
import type { WarningLevel, WarningRule } from '../../../common/src/hardship-vocab';

// ---------- warnings ----------

export interface WarningListParams {
  status?: 'open' | 'closed' | 'all';
  level?: WarningLevel;
  rule?: WarningRule;
  overdue?: 'true';
  fileId?: string;
  /** A union and the unions below it. */
  under?: string;
  page?: number;
  pageSize?: number;
}

export interface WarningItem {
  id: string;
  rule: string;
  level: string;
  fileId: string | null;
  fileNo: string | null;
  name: string | null;
  orgId: string;
  orgName: string;
  explanation: string;
  figures: Record<string, unknown>;
  raisedOn: string;
  dueOn: string;
  overdue: boolean;
  status: 'open' | 'closed' | string;
  actionTaken: string | null;
  closedAt: string | null;
  /** Who closed it (servers before this field was added leave it out). */
  closedByName?: string | null;
}

export interface ScanResult {
  raised: number;
  byRule: Record<string, number>;
  reevaluated: number;
  ms: number;
}

// ---------- dashboard ----------

export interface KeyCount {
  key: string | null;
  n: number;
}

export interface HardshipFigures {
  year: number;
  byStatus: KeyCount[];
  byTier: KeyCount[];
  byCause: KeyCount[];
  byArea: { id: string; name: string; filed: number; deep: number; relative: number; accident: number; monitoring: number; openWarnings: number }[];
  aid: { paidFen: number; count: number; households: number; byKind: { key: string; fen: number; n: number }[] };
  budget: { allocatedFen: number; spentFen: number; remainingFen: number };
  byMonth: { month: string; exits: number; relapses: number; filed: number }[];
  warnings: { open: number; overdue: number; byLevel: KeyCount[]; byRule: KeyCount[] };
  reviewOverdue: number;
  monitoring: number;
}

// ---------- public: self-check and online application ----------

/** The household figures (TierFiguresInput) plus household size and an optional 6-digit region code. */
export interface SelfCheckInput {
  householdSize: number;
  annualIncomeFen: number;
  rigidMedicalFen?: number;
  rigidSchoolingFen?: number;
  accidentCostFen?: number;
  disaster?: boolean;
  workAccident?: boolean;
  migrantWorker?: boolean;
  /** YYYY-MM-DD: start of work in the city (migrant workers). */
  cityWorkSince?: string | null;
  regionCode?: string;
}

/** The tier computation (server file.contract.ts TierSnapshot). */
export interface TierResult {
  tier: string | null;
  status: 'ok' | 'no_line' | 'migrant_too_recent' | 'invalid' | string;
  evaluatedOn: string;
  ruleVersion: string;
  ruleSetEffectiveFrom: string;
  line: { id: string | null; regionCode: string; effectiveFrom: string; monthlyFen: number; source: string; weak: boolean } | null;
  netAnnualFen: number;
  householdSize: number;
  perCapitaMonthlyFen: number;
  ratioPermille: number | null;
  accident: { disaster: boolean; workAccident: boolean; costFen: number; costSharePermille: number | null; costRuleMet: boolean; met: boolean };
  migrant: { applies: boolean; monthsInCity: number | null; required: number; ok: boolean };
  explanation: string;
}

export interface Step {
  zh: string;
  en: string;
}

export interface SelfCheckResult {
  result: TierResult;
  nextSteps: Step[];
  stored: false;
}

export interface HouseholdMemberInput {
  name: string;
  relationship: string;
  idNumber?: string | null;
  health: string;
  employmentStatus: string;
  annualIncomeFen?: number;
}

/** HardshipFieldsInput (common/src/hardship-input.ts). */
export interface ApplyFields {
  name: string;
  address?: string | null;
  employerName?: string | null;
  health: string;
  disability?: string;
  employmentStatus: string;
  housing?: string | null;
  industry?: string | null;
  maritalStatus?: string | null;
  hukouType: string;
  singleParent?: boolean;
  zeroEmployment?: boolean;
  monthlyIncomeFen?: number;
  annualIncomeFen: number;
  rigidMedicalFen?: number;
  rigidSchoolingFen?: number;
  accidentCostFen?: number;
  disaster?: boolean;
  disasterOn?: string | null;
  workAccident?: boolean;
  migrantWorker?: boolean;
  cityWorkSince?: string | null;
  mainCause: string;
  otherCauses?: string[];
  regionCode?: string | null;
  household?: HouseholdMemberInput[];
}

export interface ApplyInput {
  orgId: string;
  idNumber: string;
  mobile: string;
  fields: ApplyFields;
  consent: { version: string; accepted: true };
}

export interface ApplyResult {
  fileNo: string;
  status: string;
  tier: string | null;
  explanation: string;
  nextSteps: Step[];
}

export interface HardshipLabel {
  code: string;
  zh: string;
  en: string;
}

/** GET /api/hardship/meta: the vocabularies of the forms and the current consent version. */
export type HardshipMeta = Record<string, HardshipLabel[] | string> & { consentVersion: string };

export const hardshipMonitorApi = {
  warnings: (p: WarningListParams) => api.get<Page<WarningItem>>('/api/hardship/warnings', { ...p }),
  scan: () => api.post<ScanResult>('/api/hardship/warnings/scan'),
  close: (id: string, action: string) => api.post<{ ok: true }>(`/api/hardship/warnings/${id}/close`, { action }),
  dashboard: () => api.get<HardshipFigures>('/api/hardship/dashboard'),
  selfCheck: (input: SelfCheckInput) => api.post<SelfCheckResult>('/api/hardship/self-check', input, { quiet401: true }),
  apply: (input: ApplyInput) => api.post<ApplyResult>('/api/hardship/apply', input, { quiet401: true }),
  meta: () => api.get<HardshipMeta>('/api/hardship/meta'),
};
