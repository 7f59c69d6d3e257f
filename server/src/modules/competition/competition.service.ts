import { and, asc, desc, eq, ilike, sql } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { competition, competitionEntry } from './competition.schema.js';
import { org } from '../org/org.schema.js';
import { requireOrgInScope } from '../org/org.service.js';
import { orgCovered } from '../honor/honor.repo.js';
import { resource } from '../../platform/resource.js';
import { appendAudit } from '../../platform/audit.js';
import { errors } from '../../platform/errors.js';
import { escapeLike, inScopeOrAboveSql, pathIds } from '../../platform/scope.js';
import { ruleOn } from '../../platform/rules.js';
import { HONOR_OUTSIDE_QUOTA_RULE } from '../../../../common/src/honor-rules.js';
import { todayInChina } from '../../../../common/src/dates.js';
import type { Ctx } from '../../platform/context.js';
import type { Executor } from '../../db/client.js';
import type { CompetitionInput, CompetitionListParams, EntryInput } from '../../../../common/src/contracts/competition.js';

type Row = typeof competition.$inferSelect;
type EntryRow = typeof competitionEntry.$inferSelect;

/** A contest is seen by its organiser's scope and by the unions below the organiser (they take part); edited in the organiser's scope. */
export const competitions = resource<typeof competition, CompetitionListParams>({
  table: competition,
  entity: 'competition',
  noun: ['竞赛', 'competition'],
  orgColumn: competition.orgId,
  idColumn: competition.id,
  versionColumn: competition.version,
  visible: async (c, row, exec) => pathIds(c.actor.orgPath).includes(row.orgId) || (await orgCovered(c, exec, row.orgId)),
});

const counts = {
  participants: sql<number>`(SELECT count(*)::int FROM competition_entry e WHERE e.competition_id = competition.id)`,
  units: sql<number>`(SELECT count(DISTINCT e.unit_name)::int FROM competition_entry e WHERE e.competition_id = competition.id)`,
};
const present = (r: Row, orgName: string, participants: number, units: number) => ({
  id: r.id,
  orgId: r.orgId,
  orgName,
  name: r.name,
  kind: r.kind,
  level: r.level,
  sector: r.sector,
  startsOn: r.startsOn,
  endsOn: r.endsOn,
  participants,
  units,
  version: r.version,
});

export async function listCompetitions(c: Ctx, q: CompetitionListParams) {
  const where = and(
    inScopeOrAboveSql(c.actor.scope, c.actor.orgPath, competition.orgId),
    q.q ? ilike(competition.name, `%${escapeLike(q.q)}%`) : undefined,
    q.kind ? eq(competition.kind, q.kind) : undefined,
    q.level ? eq(competition.level, q.level) : undefined,
    q.sector ? eq(competition.sector, q.sector) : undefined,
    q.year ? sql`extract(year FROM ${competition.startsOn}) = ${q.year}` : undefined,
  );
  const col = q.sort === 'name' ? competition.name : competition.startsOn;
  const [rows, total] = await Promise.all([
    c.db
      .select({ r: competition, orgName: org.name, ...counts })
      .from(competition)
      .innerJoin(org, eq(org.id, competition.orgId))
      .where(where)
      .orderBy(q.order === 'asc' ? asc(col) : desc(col), desc(competition.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    c.db
      .select({ n: sql<number>`count(*)::int` })
      .from(competition)
      .where(where),
  ]);
  return { items: rows.map((x) => present(x.r, x.orgName, x.participants, x.units)), total: total[0]!.n, totalExact: true, page: q.page, pageSize: q.pageSize };
}

/** Ranks per event by score, highest first; equal scores share a rank; no score, no rank. */
export function rankEntries(entries: EntryRow[]): Map<string, number | null> {
  const out = new Map<string, number | null>();
  for (const e of entries) {
    out.set(
      e.id,
      e.scoreCenti === null ? null : entries.filter((o) => o.event === e.event && o.scoreCenti !== null && o.scoreCenti > e.scoreCenti!).length + 1,
    );
  }
  return out;
}

async function canEdit(c: Ctx, exec: Executor, r: Row) {
  return c.actor.permissions.has('competition.write') && (await orgCovered(c, exec, r.orgId));
}

export async function getCompetition(c: Ctx, id: string) {
  const r = await competitions.get(c, id);
  const entries = await c.db
    .select()
    .from(competitionEntry)
    .where(eq(competitionEntry.competitionId, id))
    .orderBy(asc(competitionEntry.event), desc(competitionEntry.scoreCenti));
  const ranks = rankEntries(entries);
  const rule = await ruleOn(c, HONOR_OUTSIDE_QUOTA_RULE, todayInChina());
  const [o] = await c.db.select({ name: org.name }).from(org).where(eq(org.id, r.orgId));
  const units = new Set(entries.map((e) => e.unitName));
  return {
    ...present(r, o?.name ?? '', entries.length, units.size),
    rules: r.rules,
    entries: entries.map((e) => {
      const rank = ranks.get(e.id) ?? null;
      return {
        id: e.id,
        event: e.event,
        unitName: e.unitName,
        unitOrgId: e.unitOrgId,
        teamName: e.teamName,
        personName: e.personName,
        memberId: e.memberId,
        smallEmployer: e.smallEmployer,
        nonPublic: e.nonPublic,
        gig: e.gig,
        score: e.scoreCenti === null ? null : e.scoreCenti / 100,
        rank,
        winner: e.winner,
        award: e.award,
        outsideQuota: e.winner && rule.competitionLevels.includes(r.level) && rank !== null && rank <= rule.maxRank,
      };
    }),
    figures: {
      participants: entries.length,
      units: units.size,
      teams: new Set(entries.filter((e) => e.teamName).map((e) => e.unitName + e.teamName)).size,
      events: new Set(entries.map((e) => e.event)).size,
      winners: entries.filter((e) => e.winner).length,
      smallEmployer: entries.filter((e) => e.smallEmployer).length,
      nonPublic: entries.filter((e) => e.nonPublic).length,
      gig: entries.filter((e) => e.gig).length,
    },
    can: { edit: await canEdit(c, c.db, r) },
  };
}

export async function createCompetition(c: Ctx, body: CompetitionInput) {
  return c.db.transaction(async (tx) => {
    const o = await requireOrgInScope(c, tx, body.orgId);
    const row = await competitions.create(c, tx, { id: uuidv7(), ...body }, { action: 'competition.create' });
    return present(row, o.name, 0, 0);
  });
}

export async function updateCompetition(c: Ctx, id: string, body: CompetitionInput & { version: number }) {
  return c.db.transaction(async (tx) => {
    const r = await competitions.get(c, id, { exec: tx, lock: true });
    if (!(await canEdit(c, tx, r))) throw errors.forbidden('竞赛由主办工会维护');
    if (body.orgId !== r.orgId) throw errors.invalid('不能更换主办工会', 'The organiser cannot change');
    const { version, ...set } = body;
    const { after } = await competitions.update(c, tx, id, version, set, { action: 'competition.update' });
    const [o] = await tx.select({ name: org.name }).from(org).where(eq(org.id, r.orgId));
    return present(after, o?.name ?? '', 0, 0);
  });
}

const entryValues = (b: EntryInput) => ({
  event: b.event,
  unitName: b.unitName,
  unitOrgId: b.unitOrgId,
  teamName: b.teamName,
  personName: b.personName,
  memberId: b.memberId,
  smallEmployer: b.smallEmployer,
  nonPublic: b.nonPublic,
  gig: b.gig,
  scoreCenti: b.score === null ? null : Math.round(b.score * 100),
  winner: b.winner,
  award: b.award,
});

export async function addEntry(c: Ctx, id: string, body: EntryInput) {
  return c.db.transaction(async (tx) => {
    const r = await competitions.get(c, id, { exec: tx });
    if (!(await canEdit(c, tx, r))) throw errors.forbidden('成绩由主办工会登记');
    const entryId = uuidv7();
    await tx.insert(competitionEntry).values({ id: entryId, competitionId: id, orgId: r.orgId, ...entryValues(body) });
    await appendAudit(tx, {
      actorId: c.actor.userId,
      actorName: c.actor.username,
      ip: c.ip,
      orgId: r.orgId,
      action: 'competition.entry_add',
      entity: 'competition',
      entityId: id,
      changes: { entryId, ...entryValues(body) },
    });
    return { id: entryId };
  });
}

export async function updateEntry(c: Ctx, entryId: string, body: EntryInput) {
  return c.db.transaction(async (tx) => {
    const [e] = await tx.select().from(competitionEntry).where(eq(competitionEntry.id, entryId));
    if (!e) throw errors.notFound('参赛记录', 'entry');
    const r = await competitions.get(c, e.competitionId, { exec: tx }).catch(() => {
      throw errors.notFound('参赛记录', 'entry');
    });
    if (!(await canEdit(c, tx, r))) throw errors.notFound('参赛记录', 'entry');
    await tx.update(competitionEntry).set(entryValues(body)).where(eq(competitionEntry.id, entryId));
    await appendAudit(tx, {
      actorId: c.actor.userId,
      actorName: c.actor.username,
      ip: c.ip,
      orgId: r.orgId,
      action: 'competition.entry_update',
      entity: 'competition',
      entityId: r.id,
      changes: { entryId, ...entryValues(body) },
    });
    return { id: entryId };
  });
}

/** Figures of the contests the caller's unions organise (their scope): participants, units, and the small, non-public and gig employers among them. */
export async function competitionFigures(c: Ctx) {
  const mine = competitions.inScope(c);
  const [byLevel, bySector, [f]] = await Promise.all([
    c.db
      .select({ key: competition.level, n: sql<number>`count(*)::int` })
      .from(competition)
      .where(mine)
      .groupBy(competition.level),
    c.db
      .select({ key: competition.sector, n: sql<number>`count(*)::int` })
      .from(competition)
      .where(mine)
      .groupBy(competition.sector),
    c.db
      .select({
        participants: sql<number>`count(*)::int`,
        units: sql<number>`count(DISTINCT ${competitionEntry.unitName})::int`,
        smallEmployer: sql<number>`count(*) FILTER (WHERE ${competitionEntry.smallEmployer})::int`,
        nonPublic: sql<number>`count(*) FILTER (WHERE ${competitionEntry.nonPublic})::int`,
        gig: sql<number>`count(*) FILTER (WHERE ${competitionEntry.gig})::int`,
        winners: sql<number>`count(*) FILTER (WHERE ${competitionEntry.winner})::int`,
      })
      .from(competitionEntry)
      .innerJoin(competition, eq(competition.id, competitionEntry.competitionId))
      .where(mine),
  ]);
  return { competitions: byLevel.reduce((s, x) => s + x.n, 0), byLevel, bySector, ...f! };
}
