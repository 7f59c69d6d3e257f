/** The audit log (审计日志): entries in the caller's scope, and the hash chain's check. */
import { z } from 'zod';
import { cappedPageOf, endpoints, isoDate, PageQuery } from './kit.js';

export const AUDIT_RESULTS = ['ok', 'denied', 'failed'] as const;

export const AuditQuery = z.strictObject({
  ...PageQuery,
  actor: z.string().trim().max(64).optional(),
  /** An action code, or the start of one (`org.` for every organisation action). */
  action: z.string().trim().max(64).optional(),
  entity: z.string().trim().max(32).optional(),
  entityId: z.string().trim().max(64).optional(),
  result: z.enum(AUDIT_RESULTS).optional(),
  /** Entries of this organisation and those below it. */
  under: z.uuid().optional(),
  /** China-local days, both included. */
  from: isoDate.optional(),
  to: isoDate.optional(),
});

export const AuditEntrySchema = z.object({
  seq: z.number(),
  at: z.string(),
  actorName: z.string().nullable(),
  orgId: z.string().nullable(),
  orgName: z.string().nullable(),
  action: z.string(),
  entity: z.string().nullable(),
  entityId: z.string().nullable(),
  /** The record's name where the entry concerns an organisation, an account or a role. */
  entityName: z.string().nullable(),
  changes: z.unknown(),
  ip: z.string().nullable(),
  result: z.string(),
  detail: z.string().nullable(),
});

/** The chain checked from the archive anchor, and against every signed checkpoint (docs/operations.md, "Audit log"). */
export const AuditVerifySchema = z.object({
  ok: z.boolean(),
  checked: z.number(),
  firstBroken: z.object({ seq: z.number(), reason: z.string() }).optional(),
  checkpoint: z.object({ seq: z.number(), at: z.string() }).optional(),
  archivedUpTo: z.number().optional(),
});

export const auditApi = endpoints('审计 audit', {
  list: {
    method: 'GET',
    path: '/api/audit',
    access: 'audit.read',
    summary: '审计日志（本人管辖范围）/ audit entries in scope',
    query: AuditQuery,
    response: cappedPageOf(AuditEntrySchema),
  },
  verify: {
    method: 'GET',
    path: '/api/audit/verify',
    access: 'audit.read',
    summary: '校验审计日志哈希链 / verify the hash chain',
    response: AuditVerifySchema,
  },
});

export type AuditEntry = z.infer<typeof AuditEntrySchema>;
export type AuditListParams = z.infer<typeof AuditQuery>;
