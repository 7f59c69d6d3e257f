/**
 * Hardship household files API (困难职工档案, server/src/modules/hardship/file.contract.ts,
 * hardship.routes.ts, aid.contract.ts, attachment.service.ts). Money is integer fen; ID numbers
 * and mobiles arrive masked and only POST …/unmask reveals them (audited by the server).
 */
import { api, ApiError } from './client';
import type { Page } from './types';

export type FileStatus = 'applied' | 'reviewing' | 'filed' | 'exited' | 'rejected';
export type TierCode = 'deep' | 'relative' | 'accident';

/** GET /api/hardship/files query (FileListQuery). */
export interface FileListParams {
  page?: number;
  pageSize?: number;
  q?: string;
  idNumber?: string;
  status?: FileStatus;
  tier?: TierCode;
  cause?: string;
  /** Only files whose union lies under this org (a district, street or union). */
  under?: string;
  reviewOverdue?: 'true';
  monitoring?: 'true';
  sort?: 'appliedOn' | 'name' | 'nextReviewDue' | 'perCapita';
  order?: 'asc' | 'desc';
}

export interface FileListItem {
  id: string;
  fileNo: string;
  name: string;
  idMasked: string;
  sex: string;
  orgId: string;
  orgName: string;
  status: FileStatus | string;
  tier: TierCode | string | null;
  mainCause: string;
  householdSize: number;
  perCapitaMonthlyFen: number | null;
  appliedOn: string;
  filedOn: string | null;
  nextReviewDue: string | null;
  reviewOverdue: boolean;
  exitOn: string | null;
  monitoringUntil: string | null;
  relapseCount: number;
  migrantWorker: boolean;
  version: number;
}

/** The stored tier computation (common/src/hardship-tier.ts TierResult). */
export interface TierSnapshot {
  tier: string | null;
  status: string;
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

export interface HouseholdMember {
  id: string;
  name: string;
  relationship: string;
  idMasked: string | null;
  birthDate: string | null;
  health: string;
  employmentStatus: string;
  annualIncomeFen: number;
}

export interface FileAttachment {
  id: string;
  kind: string;
  fileName: string;
  mime: string;
  size: number;
  createdAt: string;
}
export interface FileEvent {
  id: string;
  kind: string;
  onDate: string;
  level: number | null;
  actorOrgName: string | null;
  note: string | null;
}
export interface FileVisit {
  id: string;
  kind: string;
  dueOn: string | null;
  visitedOn: string | null;
  visitor: string | null;
  findings: string | null;
  overdue: boolean;
}
export interface FileAid {
  id: string;
  kind: string;
  amountFen: number;
  paidOn: string;
  payer: string;
  recipientName: string;
  causeKey: string | null;
  hasReceipt: boolean;
}

export interface FileDetail extends FileListItem {
  memberId: string | null;
  birthDate: string;
  mobileMasked: string | null;
  regionCode: string;
  address: string | null;
  employerName: string | null;
  cityWorkSince: string | null;
  health: string;
  disability: string;
  employmentStatus: string;
  housing: string | null;
  industry: string | null;
  maritalStatus: string | null;
  hukouType: string;
  singleParent: boolean;
  zeroEmployment: boolean;
  monthlyIncomeFen: number;
  annualIncomeFen: number;
  rigidMedicalFen: number;
  rigidSchoolingFen: number;
  accidentCostFen: number;
  disaster: boolean;
  disasterOn: string | null;
  workAccident: boolean;
  seriousIllnessSince: string | null;
  jobLostOn: string | null;
  otherCauses: string[];
  origin: string;
  tierSnapshot: TierSnapshot | null;
  reviewLevelsRequired: number;
  reviewLevelsDone: number;
  exitReason: string | null;
  exitNote: string | null;
  exitSnapshot: TierSnapshot | null;
  lastRelapseOn: string | null;
  rejectReason: string | null;
  createdAt: string;
  updatedAt: string;
  household: HouseholdMember[];
  attachments: FileAttachment[];
  events: FileEvent[];
  visits: FileVisit[];
  aid: FileAid[];
  openWarnings: { id: string; rule: string; level: string; explanation: string; dueOn: string }[];
  nextReviewLevelOrg: { id: string; name: string; level: number } | null;
  can: { edit: boolean; check: boolean; review: boolean; reassess: boolean; exit: boolean; relapse: boolean; unmask: boolean; aid: boolean };
}

export interface FileUnmasked {
  idNumber: string;
  mobile: string | null;
  household: { id: string; name: string; idNumber: string | null }[];
}

export interface FileRef {
  id: string;
  fileNo: string;
  status: string;
  tier: string | null;
  version: number;
}

/** One household member as the form sends it (HouseholdMemberInput); `id` keeps a stored member and its ID number when none is sent. */
export interface HouseholdMemberInput {
  id?: string;
  name: string;
  relationship: string;
  idNumber?: string | null;
  health: string;
  employmentStatus: string;
  annualIncomeFen: number;
}

/** HardshipFieldsInput (common/src/hardship-input.ts): the archive form without the worker's identifiers. */
export interface HardshipFieldsInput {
  name: string;
  address: string | null;
  employerName: string | null;
  health: string;
  disability: string;
  employmentStatus: string;
  housing: string | null;
  industry: string | null;
  maritalStatus: string | null;
  hukouType: string;
  singleParent: boolean;
  zeroEmployment: boolean;
  monthlyIncomeFen: number;
  annualIncomeFen: number;
  rigidMedicalFen: number;
  rigidSchoolingFen: number;
  accidentCostFen: number;
  disaster: boolean;
  disasterOn: string | null;
  workAccident: boolean;
  migrantWorker: boolean;
  cityWorkSince: string | null;
  mainCause: string;
  otherCauses: string[];
  regionCode: string | null;
  household: HouseholdMemberInput[];
}

export interface FileCreateInput {
  orgId: string;
  memberId?: string | null;
  origin?: 'application' | 'discovery';
  idNumber: string;
  mobile: string | null;
  fields: HardshipFieldsInput;
  visit?: { visitedOn: string; visitor: string; findings: string } | null;
}

export interface FileUpdateInput {
  /** Left out: the stored ID number stays. */
  idNumber?: string;
  /** Left out: the stored mobile stays; null clears it. */
  mobile?: string | null;
  fields: HardshipFieldsInput;
  version: number;
}

export type ExitReason = 'income_up' | 'employment' | 'recovered' | 'schooling_done' | 'moved_away' | 'deceased' | 'other';
export interface ExitInput {
  reason: ExitReason | string;
  note?: string | null;
  annualIncomeFen?: number;
  rigidMedicalFen?: number;
  rigidSchoolingFen?: number;
}

export interface VisitInput {
  kind: string;
  visitedOn: string;
  visitor: string;
  findings: string;
  plannedVisitId?: string;
}

export interface ReceiptInput {
  kind: 'upload' | 'signature';
  /** base64 or a data: URL. */
  data: string;
}

export interface AidInput {
  kind: string;
  amountFen: number;
  paidOn: string;
  budgetId: string;
  payer?: string | null;
  recipientName: string;
  recipientRelation?: 'self' | 'spouse' | 'child' | 'parent' | 'other';
  causeKey?: string | null;
  note?: string | null;
  receipt?: ReceiptInput;
}

export interface AidItem {
  id: string;
  fileId: string;
  fileNo: string;
  name: string;
  orgId: string;
  orgName: string;
  kind: string;
  amountFen: number;
  paidOn: string;
  payer: string;
  recipientName: string;
  causeKey: string | null;
  budgetId: string;
  budgetLine?: string | null;
  campaignId: string | null;
  hasReceipt: boolean;
}

export interface Budget {
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

/** Uploads: PDF/JPG/PNG up to 5 MB (the server checks the type by the file's first bytes). */
export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;
export const UPLOAD_TYPES = ['application/pdf', 'image/jpeg', 'image/png'];

const enc = encodeURIComponent;

export const hardshipFileApi = {
  list: (p: FileListParams) => api.get<Page<FileListItem>>('/api/hardship/files', { ...p }),
  get: (id: string) => api.get<FileDetail>(`/api/hardship/files/${enc(id)}`),
  create: (body: FileCreateInput) => api.post<FileRef>('/api/hardship/files', body),
  update: (id: string, body: FileUpdateInput) => api.put<FileRef>(`/api/hardship/files/${enc(id)}`, body),
  check: (id: string, approve: boolean, note: string | null) => api.post<FileRef>(`/api/hardship/files/${enc(id)}/check`, { approve, note }),
  review: (id: string, approve: boolean, note: string | null) => api.post<FileRef>(`/api/hardship/files/${enc(id)}/review`, { approve, note }),
  reassess: (id: string, note: string | null) => api.post<FileRef & { suggestExit: boolean; explanation: string }>(`/api/hardship/files/${enc(id)}/reassess`, { note }),
  exit: (id: string, body: ExitInput) => api.post<FileRef & { monitoringUntil: string; plannedVisits: string[] }>(`/api/hardship/files/${enc(id)}/exit`, body),
  relapse: (id: string, note: string) => api.post<FileRef>(`/api/hardship/files/${enc(id)}/relapse`, { note }),
  visit: (id: string, body: VisitInput) => api.post<{ id: string }>(`/api/hardship/files/${enc(id)}/visits`, body),
  unmask: (id: string) => api.post<FileUnmasked>(`/api/hardship/files/${enc(id)}/unmask`),
  attach: (id: string, body: { kind: string; fileName: string; data: string }) =>
    api.post<{ id: string; kind: string; fileName: string; mime: string; size: number; sha256: string }>(`/api/hardship/files/${enc(id)}/attachments`, body),
  attachmentUrl: (attachmentId: string) => `/api/hardship/attachments/${enc(attachmentId)}`,
  deleteAttachment: (attachmentId: string) => api.del<{ ok: true }>(`/api/hardship/attachments/${enc(attachmentId)}`),
  recordAid: (fileId: string, body: AidInput) => api.post<{ id: string; budgetRemainingFen: number; hasReceipt: boolean }>(`/api/hardship/files/${enc(fileId)}/aid`, body),
  /** One household's aid, with the budget line of each payment. */
  aidOfFile: (fileId: string, page = 1, pageSize = 100) => api.get<Page<AidItem>>('/api/hardship/aid', { fileId, page, pageSize }),
  receiptUrl: (aidId: string) => `/api/hardship/aid/${enc(aidId)}/receipt`,
  /** Budgets that may pay a household of `orgId` (its union's own and those above), for one year. */
  budgets: (year: number, forOrgId?: string) => api.get<Budget[]>('/api/hardship/budgets', { year, forOrgId }),
};

/** Read a picked file as base64 (no data: prefix). */
export function fileToBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => {
      const s = String(r.result ?? '');
      resolve(s.slice(s.indexOf(',') + 1));
    };
    r.onerror = () => reject(new ApiError(0, 'READ_FAILED', '读取文件失败', 'Could not read the file'));
    r.readAsDataURL(file);
  });
}
