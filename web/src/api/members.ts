/**
 * Member registry API (server/src/modules/member/member.contract.ts, member.routes.ts,
 * export/export.routes.ts, dashboard /api/dashboard/members). ID numbers and mobiles arrive
 * masked; only POST /api/members/:id/unmask reveals them, and the server audits it.
 */
import { api, ApiError, toQueryString, type Query } from './client';
import type { Label, Meta, Page } from './types';

/** GET /api/meta carries the member vocabularies next to the platform ones. */
export interface MemberMeta {
  employmentForms: (Label & { gig: boolean })[];
  memberStatuses: Label[];
  eventKinds: Label[];
  educationLevels: Label[];
  politicalStatuses: Label[];
  ethnicities: string[];
  consentVersion: string;
}
export type MetaWithMembers = Meta & Partial<MemberMeta>;

export type MemberStatus = 'active' | 'retained' | 'transferring' | 'left';

export interface MemberListItem {
  id: string;
  name: string;
  idMasked: string;
  mobileMasked: string | null;
  sex: string;
  age: number;
  orgId: string;
  orgName: string;
  employmentForm: string;
  migrantWorker: boolean;
  status: MemberStatus | string;
  joinDate: string;
  cardNo: string;
  version: number;
}

export interface MembershipEvent {
  id: string;
  kind: string;
  onDate: string;
  orgId: string;
  orgName: string;
  reason: string | null;
  createdAt: string;
}

export interface MemberDetail extends MemberListItem {
  idKind: string;
  ethnicity: string | null;
  education: string | null;
  politicalStatus: string | null;
  occupation: string | null;
  employerName: string | null;
  consentVersion: string | null;
  consentAt: string | null;
  consentMethod: string | null;
  createdAt: string;
  updatedAt: string;
  events: MembershipEvent[];
  openTransfer: { id: string; fromOrgId: string; toOrgId: string; createdAt: string } | null;
  can: { unmask: boolean; edit: boolean; transfer: boolean };
}

/** The search filters of GET /api/members (and of the export). `employmentForm: 'gig'` means every new-employment form. */
export interface MemberFilters {
  q?: string;
  idNumber?: string;
  mobile?: string;
  cardNo?: string;
  orgId?: string;
  employmentForm?: string;
  migrantWorker?: 'true' | 'false';
  status?: MemberStatus;
  joinFrom?: string;
  joinTo?: string;
  sex?: 'M' | 'F';
  minAge?: number;
  maxAge?: number;
}

export type MemberSort = 'joinDate' | 'name' | 'cardNo' | 'birthDate';
export interface MemberListParams extends MemberFilters {
  page?: number;
  pageSize?: number;
  sort?: MemberSort;
  order?: 'asc' | 'desc';
}

/** MemberFieldsInput (common/src/member-input.ts) as the web form sends it. */
export interface MemberFieldsInput {
  name: string;
  idNumber: string;
  mobile: string | null;
  ethnicity: string | null;
  education: string | null;
  politicalStatus: string | null;
  employmentForm: string;
  migrantWorker: boolean;
  occupation: string | null;
  employerName: string | null;
  joinDate: string;
}

export type ConsentMethod = 'online' | 'paper' | 'app';

export interface MemberCard {
  cardNo: string;
  name: string;
  orgName: string;
  joinDate: string;
  status: string;
  token: string;
  verifyUrl: string;
  qrDataUrl: string;
}

export interface CardCheck {
  valid: boolean;
  reason: string | null;
  maskedName?: string;
  unionName?: string;
  status?: string;
}

export interface MemberFigures {
  asOf: string;
  totals: { all: number; holding: number; active: number; retained: number; transferring: number; left: number };
  byUnion: { top: UnionCount[]; byChild: UnionCount[] };
  byEmploymentForm: { standard: number; gig: number; migrantWorkers: number; forms: { key: string; label: string; gig: boolean; n: number }[] };
  monthly: { month: string; joins: number; leavers: number }[];
  membershipRate: {
    overall: number | null;
    activeMembers: number;
    employees: number;
    lowest: { id: string; name: string; employees: number; active: number; rate: number }[];
  };
  withoutMembers: { count: number; first: { id: string; name: string; code: string; employees: number | null }[] };
  applications: { pending: number; overdue: number; dueSoon: number; overdueBelow: number };
}
interface UnionCount {
  id: string;
  name: string;
  members: number;
  active: number;
}

export const memberApi = {
  /** `totalExact: false`: the server stopped counting at `total`; there are more (show "N+"). */
  list: (p: MemberListParams) => api.get<Page<MemberListItem> & { totalExact: boolean }>('/api/members', { ...p }),
  get: (id: string) => api.get<MemberDetail>(`/api/members/${id}`),
  create: (orgId: string, fields: MemberFieldsInput, consent: { version: string; method: ConsentMethod }) =>
    api.post<{ id: string }>('/api/members', { orgId, fields, consent }),
  /** On an edit, `idNumber` / `mobile` left out keep the stored values. */
  update: (id: string, fields: Omit<MemberFieldsInput, 'idNumber' | 'mobile'> & { idNumber?: string; mobile?: string | null }, version: number) => api.put<{ id: string }>(`/api/members/${id}`, { fields, version }),
  changeStatus: (id: string, body: { kind: 'retained' | 'left' | 'reactivated'; onDate: string; reason?: string; version: number }) =>
    api.post<{ ok: true }>(`/api/members/${id}/status`, body),
  unmask: (id: string) => api.post<{ idNumber: string; mobile: string | null }>(`/api/members/${id}/unmask`),
  card: (id: string) => api.get<MemberCard>(`/api/members/${id}/card`),
  verifyCard: (token: string) => api.get<CardCheck>('/api/cards/verify', { token }),
  figures: () => api.get<MemberFigures>('/api/dashboard/members'),
  exportUrl: (f: MemberFilters, format: 'xlsx' | 'csv', unmask: boolean) =>
    '/api/members/export' + toQueryString({ ...(f as Query), format, unmask: unmask ? 'true' : undefined }),
};

/** The file name a Content-Disposition header names (RFC 5987 filename* first). */
function fileNameOf(res: Response, fallback: string): string {
  const cd = res.headers.get('content-disposition') ?? '';
  const star = /filename\*=UTF-8''([^;]+)/i.exec(cd);
  if (star) return decodeURIComponent(star[1]!);
  const plain = /filename="([^"]+)"/i.exec(cd);
  return plain ? decodeURIComponent(plain[1]!) : fallback;
}

/**
 * Download a file the server streams (template, error sheet, export) with the session cookie.
 * A refused request comes back as the usual JSON error and is thrown as an ApiError, instead of
 * leaving the user on a page of JSON.
 */
export async function downloadFile(url: string, fallbackName: string): Promise<string> {
  let res: Response;
  try {
    res = await fetch(url, { credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'NETWORK', '网络连接失败，请检查网络后重试', 'Network error; check the connection and try again');
  }
  if (!res.ok) {
    const b = (await res.json().catch(() => ({}))) as { code?: string; message?: string; messageEn?: string; details?: unknown };
    throw new ApiError(res.status, b.code ?? `HTTP_${res.status}`, b.message ?? `下载失败（${res.status}）`, b.messageEn ?? `Download failed (${res.status})`, b.details);
  }
  const name = fileNameOf(res, fallbackName);
  const blob = await res.blob();
  const href = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = href;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 60_000);
  return name;
}
