/**
 * Monitoring warnings (监测预警, docs/hardship.md): raised by the scheduled scan or on demand, each
 * cause once; due within the working days its level allows; closed only with the action taken.
 */
import { z } from 'zod';
import { WARNING_LEVELS, WARNING_RULES } from '../hardship-vocab.js';
import { endpoints, flag, HistoryEntrySchema, IdParams, OkSchema, PageQuery, pageOf } from './kit.js';

export const WARNING_STATUSES = ['open', 'closed', 'all'] as const;

export const WarningListQuery = z.strictObject({
  ...PageQuery,
  status: z.enum(WARNING_STATUSES).default('open'),
  level: z.enum(WARNING_LEVELS).optional(),
  rule: z.enum(WARNING_RULES).optional(),
  overdue: flag,
  fileId: z.uuid().optional(),
  /** A union and the unions below it (the responsible union's subtree). */
  under: z.uuid().optional(),
});
export const WarningItem = z.object({
  id: z.string(),
  rule: z.string(),
  level: z.string(),
  fileId: z.string().nullable(),
  fileNo: z.string().nullable(),
  name: z.string().nullable(),
  orgId: z.string(),
  orgName: z.string(),
  explanation: z.string(),
  figures: z.record(z.string(), z.unknown()),
  raisedOn: z.string(),
  dueOn: z.string(),
  overdue: z.boolean(),
  status: z.string(),
  actionTaken: z.string().nullable(),
  closedAt: z.string().nullable(),
  closedByName: z.string().nullable(),
  /** The due date reaches a year whose holiday arrangement is not entered yet: recomputed when it is (docs/rules.md, "Deadlines"). */
  provisional: z.boolean(),
});
export const WarningPage = pageOf(WarningItem);
export const CloseBody = z.strictObject({ action: z.string().trim().min(4, '请写明采取的措施（至少4个字）/ describe the action taken').max(1000) });
export const ScanResult = z.object({ raised: z.number(), byRule: z.record(z.string(), z.number()), reevaluated: z.number(), ms: z.number() });

export const hardshipWarningsApi = endpoints('监测预警 warning', {
  list: {
    method: 'GET',
    path: '/api/hardship/warnings',
    access: 'hardship.read',
    summary: '监测预警（管辖范围内，按等级和期限排序）/ warnings in scope',
    query: WarningListQuery,
    response: WarningPage,
  },
  scan: {
    method: 'POST',
    path: '/api/hardship/warnings/scan',
    access: 'warning.handle',
    summary: '立即运行预警检查（本人管辖范围）/ run the warning scan now',
    response: ScanResult,
  },
  close: {
    method: 'POST',
    path: '/api/hardship/warnings/:id/close',
    access: 'warning.handle',
    summary: '处置销号（须写明采取的措施）/ close with the action taken',
    params: IdParams,
    body: CloseBody,
    response: OkSchema,
  },
  history: {
    method: 'GET',
    path: '/api/hardship/warnings/:id/history',
    access: 'hardship.read',
    summary: '预警的记录（审计）/ the warning’s history',
    params: IdParams,
    response: z.array(HistoryEntrySchema),
  },
});

export type WarningListParams = z.infer<typeof WarningListQuery>;
export type WarningItem = z.infer<typeof WarningItem>;
export type ScanResult = z.infer<typeof ScanResult>;
