/**
 * Roster import API (server/src/modules/member/import/import.contract.ts, import.routes.ts): the
 * upload is parsed in the background, previewed with per-row errors, then committed in the
 * background; the page polls the batch for progress.
 */
import { api, ApiError } from './client';
import type { Page } from './types';

export type ImportStatus = 'parsing' | 'preview' | 'committing' | 'done' | 'failed' | 'cancelled';

export interface ImportBatch {
  id: string;
  orgId: string;
  orgName: string;
  fileName: string;
  status: ImportStatus;
  total: number;
  valid: number;
  rejected: number;
  /** Predicted while in preview. */
  created: number;
  updated: number;
  unchanged: number;
  rowsDone: number;
  /** Rows per second of the running phase. */
  rate: number;
  message: string | null;
  startedAt: string;
  finishedAt: string | null;
}

export interface ImportRowError {
  /** The row number in the user's own sheet (title rows and header included). */
  row: number;
  column: string | null;
  code: string;
  message: string;
  messageEn: string;
  /** A header notice that rejects no row. */
  warning: boolean;
}

export interface ImportDetail extends ImportBatch {
  errorCount: number;
  /** The first 100. */
  errors: ImportRowError[];
}

export const RUNNING_IMPORT: readonly ImportStatus[] = ['parsing', 'committing'];

export const importApi = {
  list: (p: { page?: number; pageSize?: number; orgId?: string; status?: ImportStatus }) => api.get<Page<ImportBatch>>('/api/member-imports', { ...p }),
  get: (id: string) => api.get<ImportDetail>(`/api/member-imports/${id}`),
  commit: (id: string) => api.post<{ batchId: string }>(`/api/member-imports/${id}/commit`),
  cancel: (id: string) => api.post<{ ok: true }>(`/api/member-imports/${id}/cancel`),
  templateUrl: '/api/member-imports/template.xlsx',
  errorsUrl: (id: string) => `/api/member-imports/${id}/errors.xlsx`,

  /**
   * Upload a roster (multipart: orgId, file). The JSON client cannot send multipart, so this
   * request carries the session's CSRF token itself.
   */
  async upload(orgId: string, file: File, csrfToken: string): Promise<{ batchId: string }> {
    const form = new FormData();
    form.append('orgId', orgId); // fields before the file: the server reads the parts in order
    form.append('file', file, file.name);
    let res: Response;
    try {
      res = await fetch('/api/member-imports', { method: 'POST', body: form, credentials: 'same-origin', headers: { 'X-CSRF-Token': csrfToken, Accept: 'application/json' } });
    } catch {
      throw new ApiError(0, 'NETWORK', '网络连接失败，请检查网络后重试', 'Network error; check the connection and try again');
    }
    const body = (await res.json().catch(() => ({}))) as { batchId?: string; code?: string; message?: string; messageEn?: string; details?: unknown };
    if (!res.ok) {
      throw new ApiError(res.status, body.code ?? `HTTP_${res.status}`, body.message ?? `上传失败（${res.status}）`, body.messageEn ?? `Upload failed (${res.status})`, body.details);
    }
    return { batchId: body.batchId! };
  },
};
