import { and, desc, eq, inArray, or, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { mentoringPair, skillCertificate, trainingCourse, trainingEnrolment } from './training.schema.js';
import { org } from '../org/org.schema.js';
import { requireOrgInScope } from '../org/org.service.js';
import { requireMemberInScope } from '../member/member.service.js';
import { maskPersonName } from '../member/card.js';
import { resource, type Page } from '../../platform/resource.js';
import { appendAudit } from '../../platform/audit.js';
import { errors } from '../../platform/errors.js';
import { escapeLike, ownedScopeSql, underOrgSql } from '../../platform/scope.js';
import type { Ctx, Services } from '../../platform/context.js';
import type { Executor } from '../../db/client.js';
import type { z } from 'zod';
import type {
  AttendanceBody,
  CertificateInput,
  CertificateListParams,
  CourseInput,
  CourseListParams,
  MentoringInput,
  MentoringListParams,
  MentoringResultBody,
} from '../../../../common/src/contracts/training.js';

type CourseRow = typeof trainingCourse.$inferSelect;

const under = (col: AnyColumn) => (v: string) => underOrgSql(col, v);
const like = (v: string) => '%' + escapeLike(v) + '%';

export const courses = resource<typeof trainingCourse, CourseListParams>({
  table: trainingCourse,
  entity: 'training_course',
  noun: ['培训班', 'course'],
  orgColumn: trainingCourse.orgId,
  idColumn: trainingCourse.id,
  versionColumn: trainingCourse.version,
  filters: {
    q: (v) => sql`(${trainingCourse.title} ILIKE ${like(v)} OR ${trainingCourse.trade} ILIKE ${like(v)})`,
    mode: (v) => eq(trainingCourse.mode, v),
    sector: (v) => eq(trainingCourse.sector, v),
    under: under(trainingCourse.orgId),
  },
  sorts: { startsOn: trainingCourse.startsOn, title: trainingCourse.title },
  countCap: 1000,
});

export const certificates = resource<typeof skillCertificate, CertificateListParams>({
  table: skillCertificate,
  entity: 'skill_certificate',
  noun: ['职业技能证书', 'certificate'],
  orgColumn: skillCertificate.orgId,
  idColumn: skillCertificate.id,
  versionColumn: skillCertificate.version,
  filters: {
    q: (v) => sql`(${skillCertificate.name} ILIKE ${like(v)} OR ${skillCertificate.certNo} = ${v} OR ${skillCertificate.trade} ILIKE ${like(v)})`,
    level: (v) => eq(skillCertificate.level, v),
    memberId: (v) => eq(skillCertificate.memberId, v),
    sector: (v) => eq(skillCertificate.sector, v),
    under: under(skillCertificate.orgId),
  },
  sorts: { issuedOn: skillCertificate.issuedOn, name: skillCertificate.name },
  countCap: 1000,
});

export const pairs = resource<typeof mentoringPair, MentoringListParams>({
  table: mentoringPair,
  entity: 'mentoring_pair',
  noun: ['师带徒', 'mentoring pair'],
  orgColumn: mentoringPair.orgId,
  idColumn: mentoringPair.id,
  versionColumn: mentoringPair.version,
  filters: {
    q: (v) =>
      sql`(${mentoringPair.mentorName} ILIKE ${like(v)} OR ${mentoringPair.apprenticeName} ILIKE ${like(v)} OR ${mentoringPair.trade} ILIKE ${like(v)})`,
    status: (v) => eq(mentoringPair.status, v),
    under: under(mentoringPair.orgId),
  },
  sorts: { startsOn: mentoringPair.startsOn },
  countCap: 1000,
});

async function orgNames(exec: Executor, ids: string[]) {
  const u = [...new Set(ids)];
  const rows = u.length ? await exec.select({ id: org.id, name: org.name }).from(org).where(inArray(org.id, u)) : [];
  return new Map(rows.map((o) => [o.id, o.name]));
}

const audit = (c: Ctx, tx: Executor, orgId: string, action: string, entity: string, entityId: string, changes: Record<string, unknown>) =>
  appendAudit(tx, { actorId: c.actor.userId, actorName: c.actor.username, ip: c.ip, orgId, action, entity, entityId, changes });

// ── Courses ──────────────────────────────────────────────────────────────────────────────────────

const counts = {
  enrolled: sql<number>`(SELECT count(*)::int FROM training_enrolment e WHERE e.course_id = training_course.id)`,
  attended: sql<number>`(SELECT count(*)::int FROM training_enrolment e WHERE e.course_id = training_course.id AND e.status = 'attended')`,
};
const presentCourse = (r: CourseRow, names: Map<string, string>, enrolled: number, attended: number) => ({
  id: r.id,
  orgId: r.orgId,
  orgName: names.get(r.orgId) ?? '',
  title: r.title,
  mode: r.mode,
  trade: r.trade,
  sector: r.sector,
  startsOn: r.startsOn,
  endsOn: r.endsOn,
  hours: r.hours,
  capacity: r.capacity,
  place: r.place,
  enrolled,
  attended,
  version: r.version,
});

export async function listCourses(c: Ctx, q: CourseListParams) {
  const page = await courses.list(c, q, { select: { r: trainingCourse, ...counts } });
  const items = page.items as unknown as { r: CourseRow; enrolled: number; attended: number }[];
  const names = await orgNames(
    c.db,
    items.map((i) => i.r.orgId),
  );
  return { ...page, items: items.map((i) => presentCourse(i.r, names, i.enrolled, i.attended)) };
}

export async function getCourse(c: Ctx, id: string) {
  const r = await courses.get(c, id);
  const [enrolments, names] = await Promise.all([
    c.db.select().from(trainingEnrolment).where(eq(trainingEnrolment.courseId, id)).orderBy(trainingEnrolment.createdAt).limit(2000),
    orgNames(c.db, [r.orgId]),
  ]);
  return {
    ...presentCourse(r, names, enrolments.length, enrolments.filter((e) => e.status === 'attended').length),
    enrolments: enrolments.map(presentEnrolment),
    can: { edit: c.actor.permissions.has('training.write') },
  };
}

const presentEnrolment = (e: typeof trainingEnrolment.$inferSelect) => ({
  id: e.id,
  memberId: e.memberId,
  name: e.name,
  status: e.status,
  updatedAt: e.updatedAt.toISOString(),
});

export async function createCourse(c: Ctx, body: CourseInput) {
  return c.db.transaction(async (tx) => {
    const o = await requireOrgInScope(c, tx, body.orgId);
    const row = await courses.create(c, tx, { id: uuidv7(), ...body }, { action: 'training.course_create' });
    return presentCourse(row, new Map([[o.id, o.name]]), 0, 0);
  });
}

export async function updateCourse(c: Ctx, id: string, body: CourseInput & { version: number }) {
  return c.db.transaction(async (tx) => {
    const r = await courses.get(c, id, { exec: tx, lock: true });
    if (body.orgId !== r.orgId) await requireOrgInScope(c, tx, body.orgId);
    const { version, ...set } = body;
    const { after } = await courses.update(c, tx, id, version, set, { action: 'training.course_update' });
    return presentCourse(after, await orgNames(tx, [after.orgId]), 0, 0);
  });
}

/** Sign a member of the caller's scope up; a full course (capacity) and a second sign-up are 409. */
export async function enrol(c: Ctx, id: string, memberId: string) {
  return c.db.transaction(async (tx) => {
    const course = await courses.get(c, id, { exec: tx, lock: true });
    const m = await requireMemberInScope(c, tx, memberId);
    const [{ n }] = (await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(trainingEnrolment)
      .where(eq(trainingEnrolment.courseId, id))) as [{ n: number }];
    if (n >= course.capacity)
      throw errors.conflict(`培训班已满（${course.capacity}人）`, `The course is full (${course.capacity})`, { capacity: course.capacity });
    const [row] = await tx
      .insert(trainingEnrolment)
      .values({ id: uuidv7(), courseId: id, orgId: course.orgId, memberId: m.id, name: m.name })
      .onConflictDoNothing()
      .returning();
    if (!row) throw errors.conflict('该会员已报名', 'The member has already signed up', { field: 'memberId' });
    await audit(c, tx, course.orgId, 'training.enrol', 'training_course', id, { memberId: m.id });
    return presentEnrolment(row);
  });
}

export async function recordAttendance(c: Ctx, id: string, body: z.infer<typeof AttendanceBody>) {
  return c.db.transaction(async (tx) => {
    const course = await courses.get(c, id, { exec: tx, lock: true });
    let updated = 0;
    for (const m of body.marks) {
      const res = await tx
        .update(trainingEnrolment)
        .set({ status: m.status, updatedAt: new Date() })
        .where(and(eq(trainingEnrolment.id, m.enrolmentId), eq(trainingEnrolment.courseId, id)))
        .returning({ id: trainingEnrolment.id });
      updated += res.length;
    }
    if (updated < body.marks.length) throw errors.invalid('名单中有不属于该培训班的报名', 'Some sign-ups are not of this course');
    await audit(c, tx, course.orgId, 'training.attendance', 'training_course', id, { marks: body.marks });
    return { updated };
  });
}

// ── Certificates ────────────────────────────────────────────────────────────────────────────────

/** A row with its union's name: the response schema sends the fields it names, nothing else. */
const named = <R extends { orgId: string }>(r: R, names: Map<string, string>) => ({ ...r, orgName: names.get(r.orgId) ?? '' });

async function listNamed<R extends { orgId: string }>(c: Ctx, page: Page<R>) {
  const names = await orgNames(
    c.db,
    page.items.map((i) => i.orgId),
  );
  return { ...page, items: page.items.map((r) => named(r, names)) };
}

export async function listCertificates(c: Ctx, q: CertificateListParams) {
  return listNamed(c, await certificates.list(c, q));
}

export async function getCertificate(c: Ctx, id: string) {
  const r = await certificates.get(c, id);
  return named(r, await orgNames(c.db, [r.orgId]));
}

/** A platform number: ZS + the year of issue + 7 digits from the record's random bits. */
export function certificateNumber(issuedOn: string, id: string): string {
  return `ZS${issuedOn.slice(0, 4)}${String(parseInt(id.replace(/-/g, '').slice(-8), 16) % 10_000_000).padStart(7, '0')}`;
}

export async function createCertificate(c: Ctx, body: CertificateInput) {
  return c.db.transaction(async (tx) => {
    const o = await requireOrgInScope(c, tx, body.orgId);
    if (body.memberId) await requireMemberInScope(c, tx, body.memberId);
    const id = uuidv7();
    const certNo = body.certNo ?? certificateNumber(body.issuedOn, id);
    const [dup] = await tx.select({ id: skillCertificate.id }).from(skillCertificate).where(eq(skillCertificate.certNo, certNo));
    if (dup) throw errors.conflict(`证书编号 ${certNo} 已登记`, `Certificate ${certNo} is already recorded`, { field: 'certNo' });
    const row = await certificates.create(c, tx, { id, ...body, certNo }, { action: 'training.certificate_create' });
    return named(row, new Map([[o.id, o.name]]));
  });
}

/** The public check of a number: a masked name, the level, the trade and the date; nothing else. */
export async function verifyCertificate(s: Services, certNo: string) {
  const [r] = await s.db
    .select({ name: skillCertificate.name, level: skillCertificate.level, trade: skillCertificate.trade, issuedOn: skillCertificate.issuedOn })
    .from(skillCertificate)
    .where(eq(skillCertificate.certNo, certNo.toUpperCase()));
  if (!r) return { valid: false, certNo, nameMasked: null, level: null, trade: null, issuedOn: null };
  return { valid: true, certNo: certNo.toUpperCase(), nameMasked: maskPersonName(r.name), level: r.level, trade: r.trade, issuedOn: r.issuedOn };
}

// ── Mentoring ───────────────────────────────────────────────────────────────────────────────────

export async function listPairs(c: Ctx, q: MentoringListParams) {
  return listNamed(c, await pairs.list(c, q));
}

export async function createPair(c: Ctx, body: MentoringInput) {
  return c.db.transaction(async (tx) => {
    const o = await requireOrgInScope(c, tx, body.orgId);
    for (const m of [body.mentorMemberId, body.apprenticeMemberId]) if (m) await requireMemberInScope(c, tx, m);
    if (body.mentorMemberId && body.mentorMemberId === body.apprenticeMemberId)
      throw errors.invalid('师傅和徒弟不能是同一人', 'Mentor and apprentice must differ');
    const row = await pairs.create(c, tx, { id: uuidv7(), ...body }, { action: 'training.mentoring_create' });
    return named(row, new Map([[o.id, o.name]]));
  });
}

/** The result of a pair: 出师 (completed) or ended, with what was achieved; only an active pair takes one. */
export async function recordPairResult(c: Ctx, id: string, body: z.infer<typeof MentoringResultBody>) {
  return c.db.transaction(async (tx) => {
    const r = await pairs.get(c, id, { exec: tx, lock: true });
    if (r.status !== 'active') throw errors.conflict('该结对已有结果', 'The pair already has its result', { status: r.status });
    const { version, ...set } = body;
    const { after } = await pairs.update(c, tx, id, version, set, { action: 'training.mentoring_result' });
    return named(after, await orgNames(tx, [after.orgId]));
  });
}

// ── Figures ─────────────────────────────────────────────────────────────────────────────────────

const certifiedSql = (mine: SQL) => sql`
  SELECT count(*)::int AS members, count(*) FILTER (WHERE EXISTS (SELECT 1 FROM skill_certificate s WHERE s.member_id = m.id))::int AS certified
  FROM member m WHERE m.status = 'active' AND ${mine}`;

/** Members certified (a certificate linked to their record) among active members in scope, by district (区县) and by sector of the certificate. */
export async function coverage(c: Ctx) {
  const mine = ownedScopeSql(c.actor.scope, sql`m.org_id`);
  const certMine = ownedScopeSql(c.actor.scope, skillCertificate.orgId);
  const [byDistrict, bySector, byLevel, [tot]] = await Promise.all([
    rowsOf<{ id: string; name: string; members: number; certified: number }>(
      c.db,
      sql`
      SELECT d.id, d.name, count(*)::int AS members,
             count(*) FILTER (WHERE EXISTS (SELECT 1 FROM skill_certificate s WHERE s.member_id = m.id))::int AS certified
      FROM member m JOIN org o ON o.id = m.org_id JOIN org d ON d.level = 'county' AND o.path LIKE d.path || '%'
      WHERE m.status = 'active' AND ${mine}
      GROUP BY d.id, d.name ORDER BY d.name`,
    ),
    c.db
      .select({ key: skillCertificate.sector, n: sql<number>`count(DISTINCT coalesce(${skillCertificate.memberId}, ${skillCertificate.id}))::int` })
      .from(skillCertificate)
      .where(certMine)
      .groupBy(skillCertificate.sector)
      .orderBy(desc(sql`2`)),
    c.db
      .select({ key: skillCertificate.level, n: sql<number>`count(*)::int` })
      .from(skillCertificate)
      .where(certMine)
      .groupBy(skillCertificate.level),
    rowsOf<{ members: number; certified: number }>(c.db, certifiedSql(mine)),
  ]);
  return { members: tot?.members ?? 0, certified: tot?.certified ?? 0, byDistrict, bySector, byLevel };
}

/** Raw SQL rows (the figures read several tables at once). */
async function rowsOf<T>(exec: Executor, q: SQL): Promise<T[]> {
  return ((await exec.execute(q)) as unknown as { rows: T[] }).rows;
}

export async function trainingFigures(c: Ctx) {
  const [[co], [ce], [mp], cov] = await Promise.all([
    c.db
      .select({
        courses: sql<number>`count(DISTINCT ${trainingCourse.id})::int`,
        enrolments: sql<number>`count(${trainingEnrolment.id})::int`,
        attended: sql<number>`count(${trainingEnrolment.id}) FILTER (WHERE ${trainingEnrolment.status} = 'attended')::int`,
      })
      .from(trainingCourse)
      .leftJoin(trainingEnrolment, eq(trainingEnrolment.courseId, trainingCourse.id))
      .where(ownedScopeSql(c.actor.scope, trainingCourse.orgId)),
    c.db
      .select({ n: sql<number>`count(*)::int` })
      .from(skillCertificate)
      .where(ownedScopeSql(c.actor.scope, skillCertificate.orgId)),
    c.db
      .select({
        active: sql<number>`count(*) FILTER (WHERE ${mentoringPair.status} = 'active')::int`,
        completed: sql<number>`count(*) FILTER (WHERE ${mentoringPair.status} = 'completed')::int`,
      })
      .from(mentoringPair)
      .where(ownedScopeSql(c.actor.scope, mentoringPair.orgId)),
    rowsOf<{ members: number; certified: number }>(c.db, certifiedSql(ownedScopeSql(c.actor.scope, sql`m.org_id`))),
  ]);
  const [t] = cov;
  return {
    courses: co!.courses,
    enrolments: co!.enrolments,
    attended: co!.attended,
    certificates: ce!.n,
    certifiedMembers: t?.certified ?? 0,
    members: t?.members ?? 0,
    mentoringActive: mp!.active,
    mentoringCompleted: mp!.completed,
  };
}

// ── The worker's own record (portal) ──────────────────────────────────────────────────────────

export async function myTraining(s: Services, memberId: string | null) {
  if (!memberId) return { linked: false, courses: [], certificates: [], mentoring: [], hours: 0 };
  const [cs, certs, mp] = await Promise.all([
    s.db
      .select({
        id: trainingCourse.id,
        title: trainingCourse.title,
        mode: trainingCourse.mode,
        startsOn: trainingCourse.startsOn,
        hours: trainingCourse.hours,
        status: trainingEnrolment.status,
      })
      .from(trainingEnrolment)
      .innerJoin(trainingCourse, eq(trainingCourse.id, trainingEnrolment.courseId))
      .where(eq(trainingEnrolment.memberId, memberId))
      .orderBy(desc(trainingCourse.startsOn))
      .limit(100),
    s.db
      .select({
        certNo: skillCertificate.certNo,
        level: skillCertificate.level,
        trade: skillCertificate.trade,
        issuedOn: skillCertificate.issuedOn,
        issuer: skillCertificate.issuer,
      })
      .from(skillCertificate)
      .where(eq(skillCertificate.memberId, memberId))
      .orderBy(desc(skillCertificate.issuedOn))
      .limit(50),
    s.db
      .select()
      .from(mentoringPair)
      .where(or(eq(mentoringPair.mentorMemberId, memberId), eq(mentoringPair.apprenticeMemberId, memberId)))
      .orderBy(desc(mentoringPair.startsOn))
      .limit(50),
  ]);
  return {
    linked: true,
    courses: cs,
    certificates: certs,
    mentoring: mp.map((p) => {
      const mentor = p.mentorMemberId === memberId;
      return {
        role: mentor ? ('mentor' as const) : ('apprentice' as const),
        other: mentor ? p.apprenticeName : p.mentorName,
        trade: p.trade,
        startsOn: p.startsOn,
        status: p.status,
        goals: p.goals,
        result: p.result,
      };
    }),
    hours: cs.filter((x) => x.status === 'attended').reduce((n, x) => n + x.hours, 0),
  };
}
