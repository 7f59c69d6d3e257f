import { and, asc, desc, eq, sql, type SQL } from 'drizzle-orm';
import { aidRecord } from './aid.schema.js';
import { hardshipAttachment, hardshipEvent, hardshipFile, hardshipHouseholdMember, hardshipVisit } from './hardship.schema.js';
import { hardshipWarning } from './warning.schema.js';
import { org } from '../org/org.schema.js';
import { escapeLike, ownedScopeSql, type Scope } from '../../platform/scope.js';
import type { Executor } from '../../db/client.js';
import { inTurn } from '../../db/client.js';
import type { FileListParams } from './file.contract.js';

export interface FileSearch extends Omit<FileListParams, 'idNumber' | 'page' | 'pageSize' | 'sort' | 'order'> {
  idIndex?: string;
}

/** The WHERE of a file search: the data scope first, then the filters. */
export function fileWhere(scope: Scope, s: FileSearch, today: string): SQL {
  const w: SQL[] = [ownedScopeSql(scope, hardshipFile.orgId)];
  if (s.q) w.push(sql`(${hardshipFile.name} LIKE ${'%' + escapeLike(s.q) + '%'} OR ${hardshipFile.fileNo} = ${s.q.toUpperCase()})`);
  if (s.idIndex) w.push(eq(hardshipFile.idIndex, s.idIndex));
  if (s.status) w.push(eq(hardshipFile.status, s.status));
  if (s.tier) w.push(eq(hardshipFile.tier, s.tier));
  if (s.cause) w.push(sql`(${hardshipFile.mainCause} = ${s.cause} OR ${s.cause} = ANY(${hardshipFile.otherCauses}))`);
  if (s.under) w.push(sql`${hardshipFile.orgId} IN (SELECT o.id FROM org o WHERE o.path LIKE (SELECT u.path || '%' FROM org u WHERE u.id = ${s.under}))`);
  if (s.reviewOverdue) w.push(sql`${hardshipFile.status} = 'filed' AND ${hardshipFile.nextReviewDue} < ${today}`);
  if (s.monitoring) w.push(sql`${hardshipFile.status} = 'exited' AND ${hardshipFile.monitoringUntil} >= ${today}`);
  return and(...w)!;
}

const SORTS = { appliedOn: hardshipFile.appliedOn, name: hardshipFile.name, nextReviewDue: hardshipFile.nextReviewDue, perCapita: hardshipFile.perCapitaMonthlyFen };

export async function findFiles(exec: Executor, where: SQL, p: FileListParams) {
  const col = SORTS[p.sort];
  const [items, [{ total }]] = await inTurn([
    exec
      .select({ f: hardshipFile, orgName: org.name })
      .from(hardshipFile)
      .innerJoin(org, eq(org.id, hardshipFile.orgId))
      .where(where)
      .orderBy(p.order === 'desc' ? sql`${col} DESC NULLS LAST` : sql`${col} ASC NULLS LAST`, asc(hardshipFile.id))
      .limit(p.pageSize)
      .offset((p.page - 1) * p.pageSize),
    exec.select({ total: sql<number>`count(*)::int` }).from(hardshipFile).where(where) as unknown as Promise<[{ total: number }]>,
  ]);
  return { items: items.map((r) => ({ ...r.f, orgName: r.orgName })), total };
}

/** Everything hanging off one file, for its detail page. */
export async function fileParts(exec: Executor, fileId: string) {
  const [household, attachments, events, visits, aid, warnings] = await inTurn([
    exec.select().from(hardshipHouseholdMember).where(eq(hardshipHouseholdMember.fileId, fileId)).orderBy(asc(hardshipHouseholdMember.createdAt), asc(hardshipHouseholdMember.id)),
    exec
      .select({ id: hardshipAttachment.id, kind: hardshipAttachment.kind, fileName: hardshipAttachment.fileName, mime: hardshipAttachment.mime, size: hardshipAttachment.size, createdAt: hardshipAttachment.createdAt })
      .from(hardshipAttachment).where(eq(hardshipAttachment.fileId, fileId)).orderBy(asc(hardshipAttachment.createdAt)),
    exec
      .select({ id: hardshipEvent.id, kind: hardshipEvent.kind, onDate: hardshipEvent.onDate, level: hardshipEvent.level, actorOrgId: hardshipEvent.actorOrgId, actorOrgName: org.name, actorOrgPath: org.path, note: hardshipEvent.note })
      .from(hardshipEvent).leftJoin(org, eq(org.id, hardshipEvent.actorOrgId)).where(eq(hardshipEvent.fileId, fileId))
      .orderBy(asc(hardshipEvent.onDate), asc(hardshipEvent.createdAt), asc(hardshipEvent.id)),
    exec.select().from(hardshipVisit).where(eq(hardshipVisit.fileId, fileId)).orderBy(sql`coalesce(${hardshipVisit.visitedOn}, ${hardshipVisit.dueOn})`, asc(hardshipVisit.id)),
    exec
      .select({ id: aidRecord.id, kind: aidRecord.kind, amountFen: aidRecord.amountFen, paidOn: aidRecord.paidOn, payer: aidRecord.payer, recipientName: aidRecord.recipientName, causeKey: aidRecord.causeKey, hasReceipt: sql<boolean>`${aidRecord.receiptKind} IS NOT NULL` })
      .from(aidRecord).where(eq(aidRecord.fileId, fileId)).orderBy(desc(aidRecord.paidOn), desc(aidRecord.createdAt)),
    exec
      .select({ id: hardshipWarning.id, rule: hardshipWarning.rule, level: hardshipWarning.level, explanation: hardshipWarning.explanation, dueOn: hardshipWarning.dueOn })
      .from(hardshipWarning).where(and(eq(hardshipWarning.fileId, fileId), eq(hardshipWarning.status, 'open'))).orderBy(asc(hardshipWarning.dueOn)),
  ]);
  return { household, attachments, events, visits, aid, warnings };
}
