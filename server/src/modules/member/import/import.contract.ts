import { z } from 'zod';
import { PageQuery, pageOf } from '../../../platform/contract.js';

export const IMPORT_STATUSES = ['parsing', 'preview', 'committing', 'done', 'failed', 'cancelled'] as const;

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

export type ImportListParams = z.infer<typeof ImportListQuery>;
