import { and, desc, eq, sql } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { honorCall, honorCare, honorNomination, honorObjection, honorRecord } from './honor.schema.js';
import { member } from '../member/member.schema.js';
import { inHardshipSql, orgCovered, orgsById, records } from './honor.repo.js';
import { requireOrgInScope } from '../org/org.service.js';
import { todayInChina } from '../../../../common/src/dates.js';
import { appendAudit } from '../../platform/audit.js';
import { errors } from '../../platform/errors.js';
import { inScopeOrAboveSql, ownedScopeSql } from '../../platform/scope.js';
import type { Ctx } from '../../platform/context.js';
import type { RecordListParams } from '../../../../common/src/contracts/honor.js';
import type { z } from 'zod';
import type { RecordBody } from '../../../../common/src/contracts/honor.js';

type RecordRow = typeof honorRecord.$inferSelect;
const careCount = sql<number>`(SELECT count(*)::int FROM honor_care hc WHERE hc.record_id = ${honorRecord.id})`;

const present = (r: RecordRow, orgName: string, inHardship: boolean, care: number) => ({
  id: r.id,
  orgId: r.orgId,
  orgName,
  memberId: r.memberId,
  kind: r.kind,
  level: r.level,
  title: r.title,
  year: r.year,
  name: r.name,
  employer: r.employer,
  post: r.post,
  certificateNo: r.certificateNo,
  awardedOn: r.awardedOn,
  inHardship,
  careCount: care,
  version: r.version,
});

export async function listRecords(c: Ctx, q: RecordListParams) {
  const page = await records.list(c, q, { select: { r: honorRecord, inHardship: inHardshipSql, care: careCount } });
  const items = page.items as unknown as { r: RecordRow; inHardship: boolean; care: number }[];
  const names = await orgsById(
    c.db,
    items.map((i) => i.r.orgId),
  );
  return { ...page, items: items.map((i) => present(i.r, names.get(i.r.orgId)?.name ?? '', i.inHardship, i.care)) };
}

export async function getRecord(c: Ctx, id: string) {
  const r = await records.get(c, id);
  const [flags] = await c.db.select({ inHardship: inHardshipSql }).from(honorRecord).where(eq(honorRecord.id, id));
  const care = await c.db.select().from(honorCare).where(eq(honorCare.recordId, id)).orderBy(desc(honorCare.onDate));
  const names = await orgsById(c.db, [r.orgId]);
  return {
    ...present(r, names.get(r.orgId)?.name ?? '', !!flags?.inHardship, care.length),
    callId: r.callId,
    nominationId: r.nominationId,
    care: care.map((x) => ({ id: x.id, kind: x.kind, on: x.onDate, amountFen: x.amountFen, note: x.note, byName: x.byName })),
    can: { care: c.actor.permissions.has('honor.write') },
  };
}

export async function createRecord(c: Ctx, body: z.infer<typeof RecordBody>) {
  return c.db.transaction(async (tx) => {
    const o = await requireOrgInScope(c, tx, body.orgId);
    if (body.memberId) {
      const [m] = await tx.select({ orgId: member.orgId }).from(member).where(eq(member.id, body.memberId));
      if (!m || !(await orgCovered(c, tx, m.orgId))) throw errors.notFound('会员', 'member');
    }
    if (body.certificateNo) {
      const [dup] = await tx.select({ id: honorRecord.id }).from(honorRecord).where(eq(honorRecord.certificateNo, body.certificateNo));
      if (dup) throw errors.conflict(`证书编号 ${body.certificateNo} 已登记`, 'The certificate number is already registered', { field: 'certificateNo' });
    }
    const row = await records.create(c, tx, { id: uuidv7(), ...body }, { action: 'honor.record_create' });
    return present(row, o.name, false, 0);
  });
}

export async function addCare(c: Ctx, id: string, body: { kind: string; on: string; amountFen: number; note: string | null }) {
  return c.db.transaction(async (tx) => {
    const r = await records.get(c, id, { exec: tx });
    const row = {
      id: uuidv7(),
      recordId: r.id,
      orgId: r.orgId,
      kind: body.kind,
      onDate: body.on,
      amountFen: body.amountFen,
      note: body.note,
      byName: c.actor.displayName,
    };
    await tx.insert(honorCare).values(row);
    await appendAudit(tx, {
      actorId: c.actor.userId,
      actorName: c.actor.username,
      ip: c.ip,
      orgId: r.orgId,
      action: 'honor.care_add',
      entity: 'honor_record',
      entityId: r.id,
      changes: { kind: body.kind, on: body.on, amountFen: body.amountFen },
    });
    return { id: row.id };
  });
}

/** Figures in the caller's scope: calls (their own and those reaching them), nominations, holders, care this year, open objections. */
export async function honorFigures(c: Ctx) {
  const year = todayInChina().slice(0, 4);
  const callsIn = inScopeOrAboveSql(c.actor.scope, c.actor.orgPath, honorCall.orgId);
  const q = <T>(s: ReturnType<typeof sql>) => c.db.execute(s) as unknown as Promise<{ rows: T[] }>;
  const [callsBy, nomsBy, holders, byKind, hardship, care, objs, inNotice] = await Promise.all([
    c.db
      .select({ key: honorCall.status, n: sql<number>`count(*)::int` })
      .from(honorCall)
      .where(callsIn)
      .groupBy(honorCall.status),
    c.db
      .select({ key: honorNomination.status, n: sql<number>`count(*)::int` })
      .from(honorNomination)
      .where(ownedScopeSql(c.actor.scope, honorNomination.orgId))
      .groupBy(honorNomination.status),
    c.db
      .select({ n: sql<number>`count(DISTINCT coalesce(${honorRecord.memberId}::text, ${honorRecord.name} || ${honorRecord.orgId}::text))::int` })
      .from(honorRecord)
      .where(records.inScope(c)),
    c.db
      .select({ key: honorRecord.kind, n: sql<number>`count(*)::int` })
      .from(honorRecord)
      .where(records.inScope(c))
      .groupBy(honorRecord.kind),
    c.db
      .select({ n: sql<number>`count(*)::int` })
      .from(honorRecord)
      .where(and(records.inScope(c), inHardshipSql)),
    c.db
      .select({ n: sql<number>`count(*)::int`, fen: sql<number>`coalesce(sum(${honorCare.amountFen}), 0)::bigint` })
      .from(honorCare)
      .where(and(ownedScopeSql(c.actor.scope, honorCare.orgId), sql`${honorCare.onDate} >= ${year + '-01-01'}`)),
    c.db
      .select({ n: sql<number>`count(*)::int` })
      .from(honorObjection)
      .where(and(ownedScopeSql(c.actor.scope, honorObjection.orgId), sql`${honorObjection.status} <> 'answered'`)),
    c.db
      .select({ id: honorCall.id, title: honorCall.title, noticeTo: honorCall.noticeTo })
      .from(honorCall)
      .where(and(callsIn, eq(honorCall.status, 'notice')))
      .limit(10),
  ]);
  void q;
  return {
    calls: callsBy,
    nominations: nomsBy,
    holders: holders[0]!.n,
    holdersByKind: byKind,
    holdersInHardship: hardship[0]!.n,
    careThisYear: { n: care[0]!.n, fen: Number(care[0]!.fen) },
    openObjections: objs[0]!.n,
    inNotice,
  };
}
