/**
 * Membership transfers (server/src/modules/member/transfer/transfer.contract.ts,
 * transfer.routes.ts): started by the releasing union, the receiving union or the member; both
 * unions confirm.
 */
import { api } from './client';
import type { Page } from './types';

export type TransferSide = 'from' | 'to';
export type TransferStatus = 'pending' | 'completed' | 'rejected' | 'cancelled';

export interface Transfer {
  id: string;
  /** Null when the member's current union is outside the caller's scope. */
  memberId: string | null;
  memberName: string;
  idMasked: string;
  fromOrgId: string | null;
  fromUnionName: string;
  toOrgId: string | null;
  toUnionName: string;
  initiatedBy: 'from' | 'to' | 'member';
  status: TransferStatus | string;
  reason: string | null;
  closeReason: string | null;
  fromConfirmedAt: string | null;
  toConfirmedAt: string | null;
  completedOn: string | null;
  createdAt: string;
  updatedAt: string;
  awaiting: TransferSide[];
  mySides: TransferSide[];
  can: { confirm: boolean; reject: boolean; cancel: boolean };
}

export interface TransferStarted {
  id: string;
  status: string;
  memberName: string;
  fromUnionName: string;
  toUnionName: string;
  awaiting: TransferSide[];
}

export interface TransferDecision {
  id: string;
  status: string;
  awaiting: TransferSide[];
  completedOn: string | null;
}

export const transferApi = {
  list: (p: { page?: number; pageSize?: number; direction?: 'in' | 'out' | 'all'; status?: TransferStatus }) =>
    api.get<Page<Transfer>>('/api/transfers', { ...p }),
  startOutgoing: (memberId: string, toOrgId: string, reason: string) => api.post<TransferStarted>('/api/transfers', { memberId, toOrgId, reason }),
  startIncoming: (idNumber: string, toOrgId: string, reason: string) => api.post<TransferStarted>('/api/transfers/incoming', { idNumber, toOrgId, reason }),
  confirm: (id: string) => api.post<TransferDecision>(`/api/transfers/${id}/confirm`),
  reject: (id: string, reason: string) => api.post<TransferDecision>(`/api/transfers/${id}/reject`, { reason }),
  cancel: (id: string, reason?: string) => api.post<TransferDecision>(`/api/transfers/${id}/cancel`, reason ? { reason } : {}),
};
