/**
 * What is left of the hand-written hardship client: the aid calls the aid form and the file page's
 * receipt link still use, until the aid routes have their contract (the file routes have theirs in
 * common/src/contracts/hardship-files.ts and are called with call()).
 */
import { api } from './client';
import type { BudgetItem } from '../../../common/src/contracts/hardship-aid';
import { MAX_ATTACHMENT_BYTES, UPLOAD_MIME_TYPES } from '../../../common/src/contracts/hardship-files';

export type { FileDetail } from '../../../common/src/contracts/hardship-files';
export { fileToBase64 } from '../kit';

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

export type Budget = BudgetItem;

export const MAX_UPLOAD_BYTES = MAX_ATTACHMENT_BYTES;
export const UPLOAD_TYPES: string[] = [...UPLOAD_MIME_TYPES];

const enc = encodeURIComponent;

export const hardshipFileApi = {
  recordAid: (fileId: string, body: AidInput) => api.post<{ id: string; budgetRemainingFen: number; hasReceipt: boolean }>(`/api/hardship/files/${enc(fileId)}/aid`, body),
  receiptUrl: (aidId: string) => `/api/hardship/aid/${enc(aidId)}/receipt`,
  /** Budgets that may pay a household of `orgId` (its union's own and those above), for one year. */
  budgets: (year: number, forOrgId?: string) => api.get<Budget[]>('/api/hardship/budgets', { year, forOrgId }),
};
