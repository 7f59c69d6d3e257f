import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { aidBudget, aidRecord } from './aid.schema.js';
import { hardshipAttachment, hardshipEvent, hardshipFile, hardshipHouseholdMember, hardshipVisit } from './hardship.schema.js';
import { hardshipWarning } from './warning.schema.js';
import { org } from '../org/org.schema.js';
import { idIndexOfPerson } from './file.record.js';
import { escapeLike, underOrgSql } from '../../platform/scope.js';
import { resource } from '../../platform/resource.js';
import { parseIdNumber } from '../../../../common/src/id-number.js';
import { todayInChina } from '../../../../common/src/dates.js';
import type { FileListParams } from '../../../../common/src/contracts/hardship-files.js';
import type { Executor } from '../../db/client.js';
import { inTurn } from '../../db/client.js';

/**
 * The files as a scoped resource (server/src/platform/resource.ts): the caller's scope in every
 * list and count, 404 outside it, the record's history from the audit log.
 */
export const files = resource<typeof hardshipFile, FileListParams>({
  table: hardshipFile,
  entity: 'hardship_file',
  noun: ['困难职工档案', 'hardship file'],
  orgColumn: hardshipFile.orgId,
  idColumn: hardshipFile.id,
  versionColumn: hardshipFile.version,
  filters: {
    q: (v) => sql`(${hardshipFile.name} LIKE ${'%' + escapeLike(v) + '%'} OR ${hardshipFile.fileNo} = ${v.toUpperCase()})`,
    // Exact look-up by the blind index of the ID number (as typed when it does not parse).
    idNumber: (v, c) => {
      const r = parseIdNumber(v);
      return eq(hardshipFile.idIndex, idIndexOfPerson(c.keys, r.ok ? r.value : v.trim().toUpperCase()));
    },
    status: (v) => eq(hardshipFile.status, v),
    tier: (v) => eq(hardshipFile.tier, v),
    cause: (v) => sql`(${hardshipFile.mainCause} = ${v} OR ${v} = ANY(${hardshipFile.otherCauses}))`,
    under: (v) => underOrgSql(hardshipFile.orgId, v),
    reviewOverdue: () => sql`${hardshipFile.status} = 'filed' AND ${hardshipFile.nextReviewDue} < ${todayInChina()}`,
    monitoring: () => sql`${hardshipFile.status} = 'exited' AND ${hardshipFile.monitoringUntil} >= ${todayInChina()}`,
  },
  sorts: { appliedOn: hardshipFile.appliedOn, name: hardshipFile.name, nextReviewDue: hardshipFile.nextReviewDue, perCapita: hardshipFile.perCapitaMonthlyFen },
});

/** Names of the unions of a page of files. */
export async function orgNames(exec: Executor, ids: string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const rows = await exec
    .select({ id: org.id, name: org.name })
    .from(org)
    .where(inArray(org.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Everything hanging off one file, for its detail page. */
export async function fileParts(exec: Executor, fileId: string) {
  const [household, attachments, events, visits, aid, warnings] = await inTurn([
    exec
      .select()
      .from(hardshipHouseholdMember)
      .where(eq(hardshipHouseholdMember.fileId, fileId))
      .orderBy(asc(hardshipHouseholdMember.createdAt), asc(hardshipHouseholdMember.id)),
    exec
      .select({
        id: hardshipAttachment.id,
        kind: hardshipAttachment.kind,
        fileName: hardshipAttachment.fileName,
        mime: hardshipAttachment.mime,
        size: hardshipAttachment.size,
        createdAt: hardshipAttachment.createdAt,
      })
      .from(hardshipAttachment)
      .where(eq(hardshipAttachment.fileId, fileId))
      .orderBy(asc(hardshipAttachment.createdAt)),
    exec
      .select({
        id: hardshipEvent.id,
        kind: hardshipEvent.kind,
        onDate: hardshipEvent.onDate,
        level: hardshipEvent.level,
        actorOrgId: hardshipEvent.actorOrgId,
        actorOrgName: org.name,
        actorOrgPath: org.path,
        note: hardshipEvent.note,
      })
      .from(hardshipEvent)
      .leftJoin(org, eq(org.id, hardshipEvent.actorOrgId))
      .where(eq(hardshipEvent.fileId, fileId))
      .orderBy(asc(hardshipEvent.onDate), asc(hardshipEvent.createdAt), asc(hardshipEvent.id)),
    exec
      .select()
      .from(hardshipVisit)
      .where(eq(hardshipVisit.fileId, fileId))
      .orderBy(sql`coalesce(${hardshipVisit.visitedOn}, ${hardshipVisit.dueOn})`, asc(hardshipVisit.id)),
    exec
      .select({
        id: aidRecord.id,
        kind: aidRecord.kind,
        amountFen: aidRecord.amountFen,
        paidOn: aidRecord.paidOn,
        payer: aidRecord.payer,
        recipientName: aidRecord.recipientName,
        causeKey: aidRecord.causeKey,
        hasReceipt: sql<boolean>`${aidRecord.receiptKind} IS NOT NULL`,
        budgetLine: aidBudget.line,
        method: aidRecord.method,
        recipientKind: aidRecord.recipientKind,
        recipientRelation: aidRecord.recipientRelation,
        proxyReason: aidRecord.proxyReason,
        proofStatus: aidRecord.proofStatus,
      })
      .from(aidRecord)
      .leftJoin(aidBudget, eq(aidBudget.id, aidRecord.budgetId))
      .where(eq(aidRecord.fileId, fileId))
      .orderBy(desc(aidRecord.paidOn), desc(aidRecord.createdAt)),
    exec
      .select({
        id: hardshipWarning.id,
        rule: hardshipWarning.rule,
        level: hardshipWarning.level,
        explanation: hardshipWarning.explanation,
        dueOn: hardshipWarning.dueOn,
      })
      .from(hardshipWarning)
      .where(and(eq(hardshipWarning.fileId, fileId), eq(hardshipWarning.status, 'open')))
      .orderBy(asc(hardshipWarning.dueOn)),
  ]);
  return { household, attachments, events, visits, aid, warnings };
}
