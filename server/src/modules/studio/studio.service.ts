import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { studio, studioAlliance, studioEvaluation, studioResult } from './studio.schema.js';
import { org } from '../org/org.schema.js';
import { requireOrgInScope } from '../org/org.service.js';
import { resource } from '../../platform/resource.js';
import { appendAudit } from '../../platform/audit.js';
import { errors } from '../../platform/errors.js';
import { escapeLike, inScopeOrAboveSql, ownedScopeSql, underOrgSql } from '../../platform/scope.js';
import { todayInChina } from '../../../../common/src/dates.js';
import type { Ctx } from '../../platform/context.js';
import type { Executor } from '../../db/client.js';
import type { StudioInput, StudioListParams } from '../../../../common/src/contracts/studio.js';
import type { z } from 'zod';
import type { AllianceBody, EvaluationBody, ResultBody } from '../../../../common/src/contracts/studio.js';

type Row = typeof studio.$inferSelect;

export const studios = resource<typeof studio, StudioListParams>({
  table: studio,
  entity: 'studio',
  noun: ['创新工作室', 'studio'],
  orgColumn: studio.orgId,
  idColumn: studio.id,
  versionColumn: studio.version,
  filters: {
    q: (v) => sql`(${studio.name} ILIKE ${'%' + escapeLike(v) + '%'} OR ${studio.leaderName} ILIKE ${'%' + escapeLike(v) + '%'})`,
    kind: (v) => eq(studio.kind, v),
    sector: (v) => eq(studio.sector, v),
    allianceId: (v) => eq(studio.allianceId, v),
    under: (v) => underOrgSql(studio.orgId, v),
  },
  sorts: { name: studio.name, foundedOn: studio.foundedOn },
  countCap: 1000,
});

const agg = {
  results: sql<number>`(SELECT count(*)::int FROM studio_result r WHERE r.studio_id = studio.id)`,
  savings: sql<number>`(SELECT coalesce(sum(r.savings_fen), 0)::bigint FROM studio_result r WHERE r.studio_id = studio.id)`,
};

async function names(exec: Executor, rows: Row[]) {
  const orgIds = [...new Set(rows.map((r) => r.orgId))];
  const allianceIds = [...new Set(rows.map((r) => r.allianceId).filter((x): x is string => !!x))];
  const [orgs, alliances] = await Promise.all([
    orgIds.length ? exec.select({ id: org.id, name: org.name }).from(org).where(inArray(org.id, orgIds)) : [],
    allianceIds.length
      ? exec.select({ id: studioAlliance.id, name: studioAlliance.name }).from(studioAlliance).where(inArray(studioAlliance.id, allianceIds))
      : [],
  ]);
  return { org: new Map(orgs.map((o) => [o.id, o.name])), alliance: new Map(alliances.map((a) => [a.id, a.name])) };
}

const present = (r: Row, n: Awaited<ReturnType<typeof names>>, results: number, savings: number) => ({
  id: r.id,
  orgId: r.orgId,
  orgName: n.org.get(r.orgId) ?? '',
  name: r.name,
  kind: r.kind,
  level: r.level,
  sector: r.sector,
  leaderName: r.leaderName,
  leaderRecordId: r.leaderRecordId,
  memberCount: r.members.length,
  allianceId: r.allianceId,
  allianceName: r.allianceId ? (n.alliance.get(r.allianceId) ?? null) : null,
  foundedOn: r.foundedOn,
  results,
  savingsFen: Number(savings),
  version: r.version,
});

export async function listStudios(c: Ctx, q: StudioListParams) {
  const page = await studios.list(c, q, { select: { r: studio, ...agg } });
  const items = page.items as unknown as { r: Row; results: number; savings: number }[];
  const n = await names(
    c.db,
    items.map((i) => i.r),
  );
  return { ...page, items: items.map((i) => present(i.r, n, i.results, i.savings)) };
}

export async function getStudio(c: Ctx, id: string) {
  const r = await studios.get(c, id);
  const [results, evaluations, n] = await Promise.all([
    c.db.select().from(studioResult).where(eq(studioResult.studioId, id)).orderBy(desc(studioResult.onDate)),
    c.db.select().from(studioEvaluation).where(eq(studioEvaluation.studioId, id)).orderBy(desc(studioEvaluation.year)),
    names(c.db, [r]),
  ]);
  return {
    ...present(
      r,
      n,
      results.length,
      results.reduce((s, x) => s + x.savingsFen, 0),
    ),
    members: r.members,
    results: results.map((x) => ({ id: x.id, kind: x.kind, title: x.title, onDate: x.onDate, savingsFen: x.savingsFen, note: x.note })),
    evaluations: evaluations.map((x) => ({ id: x.id, year: x.year, grade: x.grade, fundingFen: x.fundingFen, note: x.note })),
    can: { edit: c.actor.permissions.has('studio.write') },
  };
}

/** An alliance the caller may put a studio into: one of their scope or of a union above them. */
async function requireAlliance(c: Ctx, exec: Executor, id: string | null) {
  if (!id) return;
  const [a] = await exec
    .select()
    .from(studioAlliance)
    .where(and(eq(studioAlliance.id, id), inScopeOrAboveSql(c.actor.scope, c.actor.orgPath, studioAlliance.orgId)));
  if (!a) throw errors.notFound('工作室联盟', 'alliance');
}

export async function createStudio(c: Ctx, body: StudioInput) {
  return c.db.transaction(async (tx) => {
    await requireOrgInScope(c, tx, body.orgId);
    await requireAlliance(c, tx, body.allianceId);
    const row = await studios.create(c, tx, { id: uuidv7(), ...body }, { action: 'studio.create' });
    return present(row, await names(tx, [row]), 0, 0);
  });
}

export async function updateStudio(c: Ctx, id: string, body: StudioInput & { version: number }) {
  return c.db.transaction(async (tx) => {
    const r = await studios.get(c, id, { exec: tx, lock: true });
    if (body.orgId !== r.orgId) await requireOrgInScope(c, tx, body.orgId);
    await requireAlliance(c, tx, body.allianceId);
    const { version, ...set } = body;
    const { after } = await studios.update(c, tx, id, version, set, { action: 'studio.update' });
    return present(after, await names(tx, [after]), 0, 0);
  });
}

export async function addResult(c: Ctx, id: string, body: z.infer<typeof ResultBody>) {
  return c.db.transaction(async (tx) => {
    const r = await studios.get(c, id, { exec: tx });
    const rid = uuidv7();
    await tx.insert(studioResult).values({ id: rid, studioId: id, orgId: r.orgId, ...body });
    await appendAudit(tx, {
      actorId: c.actor.userId,
      actorName: c.actor.username,
      ip: c.ip,
      orgId: r.orgId,
      action: 'studio.result_add',
      entity: 'studio',
      entityId: id,
      changes: { resultId: rid, ...body },
    });
    return { id: rid };
  });
}

export async function evaluate(c: Ctx, id: string, body: z.infer<typeof EvaluationBody>) {
  return c.db.transaction(async (tx) => {
    const r = await studios.get(c, id, { exec: tx });
    const eid = uuidv7();
    const inserted = await tx
      .insert(studioEvaluation)
      .values({ id: eid, studioId: id, orgId: r.orgId, ...body })
      .onConflictDoNothing()
      .returning({ id: studioEvaluation.id });
    if (!inserted.length) throw errors.conflict(`${body.year}年度已有评估`, `The studio already has an evaluation for ${body.year}`, { field: 'year' });
    await appendAudit(tx, {
      actorId: c.actor.userId,
      actorName: c.actor.username,
      ip: c.ip,
      orgId: r.orgId,
      action: 'studio.evaluate',
      entity: 'studio',
      entityId: id,
      changes: { ...body },
    });
    return { id: eid };
  });
}

export async function listAlliances(c: Ctx) {
  const rows = await c.db
    .select({ a: studioAlliance, orgName: org.name, studios: sql<number>`(SELECT count(*)::int FROM studio s WHERE s.alliance_id = studio_alliance.id)` })
    .from(studioAlliance)
    .innerJoin(org, eq(org.id, studioAlliance.orgId))
    .where(inScopeOrAboveSql(c.actor.scope, c.actor.orgPath, studioAlliance.orgId))
    .orderBy(asc(studioAlliance.name))
    .limit(500);
  return rows.map((r) => ({ id: r.a.id, orgId: r.a.orgId, orgName: r.orgName, name: r.a.name, kind: r.a.kind, foundedOn: r.a.foundedOn, studios: r.studios }));
}

export async function createAlliance(c: Ctx, body: z.infer<typeof AllianceBody>) {
  return c.db.transaction(async (tx) => {
    const o = await requireOrgInScope(c, tx, body.orgId);
    const id = uuidv7();
    await tx.insert(studioAlliance).values({ id, ...body });
    await appendAudit(tx, {
      actorId: c.actor.userId,
      actorName: c.actor.username,
      ip: c.ip,
      orgId: o.id,
      action: 'studio.alliance_create',
      entity: 'studio_alliance',
      entityId: id,
      changes: { ...body },
    });
    return { id, orgId: o.id, orgName: o.name, name: body.name, kind: body.kind, foundedOn: body.foundedOn, studios: 0 };
  });
}

export async function studioFigures(c: Ctx) {
  const mine = studios.inScope(c);
  const year = Number(todayInChina().slice(0, 4));
  const [byKind, [al], results, [sv], [fund]] = await Promise.all([
    c.db
      .select({ key: studio.kind, n: sql<number>`count(*)::int` })
      .from(studio)
      .where(mine)
      .groupBy(studio.kind),
    c.db
      .select({ alliances: sql<number>`count(DISTINCT ${studio.allianceId})::int`, inAlliance: sql<number>`count(${studio.allianceId})::int` })
      .from(studio)
      .where(mine),
    c.db
      .select({ key: studioResult.kind, n: sql<number>`count(*)::int` })
      .from(studioResult)
      .where(ownedScopeSql(c.actor.scope, studioResult.orgId))
      .groupBy(studioResult.kind),
    c.db
      .select({ fen: sql<number>`coalesce(sum(${studioResult.savingsFen}), 0)::bigint` })
      .from(studioResult)
      .where(ownedScopeSql(c.actor.scope, studioResult.orgId)),
    c.db
      .select({ fen: sql<number>`coalesce(sum(${studioEvaluation.fundingFen}), 0)::bigint` })
      .from(studioEvaluation)
      .where(and(ownedScopeSql(c.actor.scope, studioEvaluation.orgId), eq(studioEvaluation.year, year))),
  ]);
  return {
    studios: byKind.reduce((s, x) => s + x.n, 0),
    byKind,
    alliances: al!.alliances,
    inAlliance: al!.inAlliance,
    results,
    savingsFen: Number(sv!.fen),
    fundingThisYearFen: Number(fund!.fen),
  };
}
