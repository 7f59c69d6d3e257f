/**
 * Roster import (名册导入): a spreadsheet is uploaded, parsed in the background, previewed with its
 * rejected rows, then committed in the background, all or nothing (docs/architecture.md, invariant 10).
 */
import { z } from 'zod';
import { endpoints, FileBody, HistoryEntrySchema, IdParams, OkSchema, PageQuery, pageOf } from './kit.js';

export const IMPORT_STATUSES = ['parsing', 'preview', 'committing', 'done', 'failed', 'cancelled'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];
export const IMPORT_STATUS_LABELS: Record<ImportStatus, { zh: string; en: string }> = {
  parsing: { zh: '解析中', en: 'Checking' },
  preview: { zh: '待确认', en: 'To confirm' },
  committing: { zh: '导入中', en: 'Importing' },
  done: { zh: '已完成', en: 'Done' },
  failed: { zh: '失败', en: 'Failed' },
  cancelled: { zh: '已取消', en: 'Cancelled' },
};
/** The phases that run in the background: the page keeps reading the batch while one runs. */
export const RUNNING_IMPORT: readonly ImportStatus[] = ['parsing', 'committing'];

export const ImportErrorSchema = z.object({
  row: z.number().int().describe('用户表格中的行号（含标题行和表头行）/ row number in the user’s sheet'),
  column: z.string().nullable().describe('用户表格中的列标题 / the user’s column header'),
  code: z.string(),
  message: z.string(),
  messageEn: z.string(),
  warning: z.boolean().describe('表头提示，不影响导入 / a header notice, no row rejected'),
});

export const ImportBatchSchema = z.object({
  id: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  fileName: z.string(),
  status: z.enum(IMPORT_STATUSES),
  total: z.number().int(),
  valid: z.number().int(),
  rejected: z.number().int(),
  created: z.number().int().describe('预览时为预计值 / predicted while in preview'),
  updated: z.number().int(),
  unchanged: z.number().int(),
  rowsDone: z.number().int(),
  rate: z.number().describe('每秒处理行数 / rows per second of the running phase'),
  message: z.string().nullable(),
  restartable: z.boolean().describe('中断的批次可用服务器上保存的同一文件重新开始 / an interrupted batch can start again from its stored file'),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
});

export const ImportDetailSchema = ImportBatchSchema.extend({
  errorCount: z.number().int(),
  errors: z.array(ImportErrorSchema).describe('前100条 / the first 100'),
});

export const ImportListQuery = z.strictObject({
  ...PageQuery,
  orgId: z.uuid().optional(),
  status: z.enum(IMPORT_STATUSES).optional(),
});
export const ImportPage = pageOf(ImportBatchSchema);
export const ImportAccepted = z.object({ batchId: z.string() });

export const importApi = endpoints('会员名册导入 member import', {
  // Declared before /:id, so "template.xlsx" is never taken for a batch id.
  template: {
    method: 'GET',
    path: '/api/member-imports/template.xlsx',
    access: 'member.import',
    summary: '下载导入模板 / download the import template',
    response: FileBody('xlsx'),
    file: true,
  },
  upload: {
    method: 'POST',
    path: '/api/member-imports',
    access: 'member.import',
    summary: '上传名册（multipart：orgId、file），后台解析 / upload a roster; parsed in the background',
    multipart: true,
    response: ImportAccepted,
    status: 202,
  },
  list: {
    method: 'GET',
    path: '/api/member-imports',
    access: 'member.import',
    summary: '导入批次列表（管辖范围内）/ import batches in scope',
    query: ImportListQuery,
    response: ImportPage,
  },
  get: {
    method: 'GET',
    path: '/api/member-imports/:id',
    access: 'member.import',
    summary: '批次状态、进度、计数和前100条错误 / status, progress, counts, first errors',
    params: IdParams,
    response: ImportDetailSchema,
  },
  history: {
    method: 'GET',
    path: '/api/member-imports/:id/history',
    access: 'member.import',
    summary: '批次的操作记录（审计）/ the batch’s history',
    params: IdParams,
    response: z.array(HistoryEntrySchema),
  },
  errors: {
    method: 'GET',
    path: '/api/member-imports/:id/errors.xlsx',
    access: 'member.import',
    summary: '下载全部错误（原表行号，身份证号脱敏）/ all errors as xlsx',
    params: IdParams,
    response: FileBody('xlsx'),
    file: true,
  },
  commit: {
    method: 'POST',
    path: '/api/member-imports/:id/commit',
    access: 'member.import',
    summary: '确认导入（后台事务，全部成功或全部不写入）/ commit in the background, all or nothing',
    params: IdParams,
    response: ImportAccepted,
    status: 202,
  },
  restart: {
    method: 'POST',
    path: '/api/member-imports/:id/restart',
    access: 'member.import',
    summary: '用已保存的同一文件重新开始中断的批次 / start an interrupted batch again from its stored file',
    params: IdParams,
    response: ImportAccepted,
    status: 202,
  },
  cancel: {
    method: 'POST',
    path: '/api/member-imports/:id/cancel',
    access: 'member.import',
    summary: '取消批次 / cancel a batch',
    params: IdParams,
    response: OkSchema,
  },
});

export type ImportBatch = z.infer<typeof ImportBatchSchema>;
export type ImportDetail = z.infer<typeof ImportDetailSchema>;
export type ImportRowError = z.infer<typeof ImportErrorSchema>;
export type ImportListParams = z.infer<typeof ImportListQuery>;
