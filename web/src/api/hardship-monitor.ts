/**
 * What is left of the hand-written hardship monitoring client: the assistance dashboard section
 * (web/src/modules/hardship/monitor/HardshipDashboardSection.tsx) still reads its figures and its
 * open warnings here. The warnings have their contract (common/src/contracts/hardship-warnings.ts);
 * remove this file once that section calls them with call().
 */
import { api, call } from './client';
import { hardshipWarningsApi, type WarningListParams } from '../../../common/src/contracts/hardship-warnings';

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

export const hardshipMonitorApi = {
  warnings: (p: Partial<WarningListParams>) => call(hardshipWarningsApi.list, { query: p }),
  dashboard: () => api.get<HardshipFigures>('/api/hardship/dashboard'),
};
