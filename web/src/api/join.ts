/**
 * Online joining (server/src/modules/member/join/join.contract.ts, join.routes.ts): the public
 * look-ups, application and status check, and the union's review of applications.
 */
import { api } from './client';
import type { Page } from './types';

export interface UnionHit {
  id: string;
  name: string;
  kind: string | null;
  level: string;
  streetName: string | null;
  districtName: string | null;
}

export interface TerritorialHit {
  id: string;
  name: string;
  districtName: string | null;
}

export interface JoinApplyInput {
  orgId: string;
  employerName: string;
  employerUscc?: string;
  viaTerritorial: boolean;
  fields: {
    name: string;
    idNumber: string;
    mobile: string;
    ethnicity: string | null;
    education: string | null;
    politicalStatus: string | null;
    employmentForm: string;
    migrantWorker: boolean;
    occupation: string | null;
    employerName: string | null;
  };
  consent: { version: string; agreed: true };
}

export interface JoinApplyResult {
  appNo: string;
  unionName: string;
  submittedOn: string;
  dueOn: string;
}

export type JoinStatus = 'pending' | 'approved' | 'rejected';

export interface JoinStatusResult {
  appNo: string;
  status: JoinStatus | string;
  unionName: string;
  submittedOn: string;
  dueOn: string;
  decidedAt: string | null;
  rejectReason: string | null;
  cardNo: string | null;
}

export interface JoinListItem {
  id: string;
  appNo: string;
  name: string;
  idMasked: string;
  mobileMasked: string | null;
  orgId: string;
  orgName: string;
  employerName: string | null;
  viaTerritorial: boolean;
  status: JoinStatus | string;
  submittedOn: string;
  dueOn: string;
  decidedAt: string | null;
  overdue: boolean;
  workingDaysLeft: number | null;
}

export interface JoinDetail extends JoinListItem {
  sex: string;
  birthDate: string;
  idKind: string;
  employerUscc: string | null;
  ethnicity: string | null;
  education: string | null;
  politicalStatus: string | null;
  employmentForm: string;
  migrantWorker: boolean;
  occupation: string | null;
  consentVersion: string;
  consentAt: string;
  rejectReason: string | null;
  memberId: string | null;
  cardNo: string | null;
}

export interface JoinSummary {
  pending: number;
  overdue: number;
  dueSoon: number;
  overdueBelow: number;
}

export interface JoinListParams {
  page?: number;
  pageSize?: number;
  status?: JoinStatus;
  overdue?: 'true' | 'false';
  q?: string;
  orgId?: string;
}

export interface JoinDecision {
  id: string;
  status: string;
  memberId: string | null;
  cardNo: string | null;
}

export const joinApi = {
  findUnions: (q: string) => api.get<UnionHit[]>('/api/join/unions', { q }),
  findTerritorial: (q: string) => api.get<TerritorialHit[]>('/api/join/territorial', { q }),
  apply: (input: JoinApplyInput) => api.post<JoinApplyResult>('/api/join/applications', input, { quiet401: true }),
  status: (appNo: string, idNumber: string) => api.get<JoinStatusResult>('/api/join/applications/status', { appNo, idNumber }),

  list: (p: JoinListParams) => api.get<Page<JoinListItem>>('/api/join/applications', { ...p }),
  summary: () => api.get<JoinSummary>('/api/join/applications/summary'),
  get: (id: string) => api.get<JoinDetail>(`/api/join/applications/${id}`),
  approve: (id: string, joinDate?: string) => api.post<JoinDecision>(`/api/join/applications/${id}/approve`, joinDate ? { joinDate } : {}),
  reject: (id: string, reason: string) => api.post<JoinDecision>(`/api/join/applications/${id}/reject`, { reason }),
};
