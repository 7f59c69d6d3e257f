import crypto from 'node:crypto';
import { and, asc, desc, eq, ilike, inArray, sql, type SQL } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import QRCode from 'qrcode';
import { eventPhoto, eventSignup, unionEvent } from './event.schema.js';
import { org } from '../org/org.schema.js';
import { member } from '../member/member.schema.js';
import { requireOrgInScope } from '../org/org.service.js';
import { maskPersonName } from '../member/card.js';
import { decodeUpload } from '../hardship/attachment.service.js';
import { notifyWorker } from '../portal/notify.js';
import type { WorkerAccount } from '../portal/portal.service.js';
import { resource } from '../../platform/resource.js';
import { appendAudit } from '../../platform/audit.js';
import { AppError, errors } from '../../platform/errors.js';
import { escapeLike, ownedScopeSql, pathIds, scopeCovers, underOrgSql } from '../../platform/scope.js';
import { todayInChina } from '../../../../common/src/dates.js';
import { eventPhase, EVENT_KIND_LABELS, type EventKind } from '../../../../common/src/event-vocab.js';
import type { Ctx, Services } from '../../platform/context.js';
import type { Executor } from '../../db/client.js';
import type { EventInput, EventListParams } from '../../../../common/src/contracts/event.js';

type Row = typeof unionEvent.$inferSelect;
type SignupRowT = typeof eventSignup.$inferSelect;

const under = (v: string) => underOrgSql(unionEvent.orgId, v);

/** An event is seen and run in its organiser's scope (docs/events.md). */
export const events = resource<typeof unionEvent, EventListParams>({
  table: unionEvent,
  entity: 'union_event',
  noun: ['活动', 'event'],
  orgColumn: unionEvent.orgId,
  idColumn: unionEvent.id,
  versionColumn: unionEvent.version,
  filters: {
    q: (v) => ilike(unionEvent.title, `%${escapeLike(v)}%`),
    kind: (v) => eq(unionEvent.kind, v),
    under,
    month: (v) => sql`${unionEvent.startsOn} >= ${v + '-01'}::date AND ${unionEvent.startsOn} < (${v + '-01'}::date + interval '1 month')`,
  },
  sorts: { startsOn: unionEvent.startsOn, title: unionEvent.title },
  countCap: 1000,
});

/** An event's sign-up counts, read from event_tally (kept exact by triggers on event_signup; no row: none). */
const counts = {
  confirmed: sql<number>`coalesce((SELECT t.confirmed FROM event_tally t WHERE t.event_id = union_event.id), 0)`,
  waitlisted: sql<number>`coalesce((SELECT t.waitlisted FROM event_tally t WHERE t.event_id = union_event.id), 0)`,
  attended: sql<number>`coalesce((SELECT t.attended FROM event_tally t WHERE t.event_id = union_event.id), 0)`,
};
type Counts = { confirmed: number; waitlisted: number; attended: number };

function present(r: Row, orgName: string, n: Counts, today = todayInChina()) {
  return {
    id: r.id,
    orgId: r.orgId,
    orgName,
    title: r.title,
    kind: r.kind,
    audience: r.audience,
    place: r.place,
    capacity: r.capacity,
    signupFrom: r.signupFrom,
    signupUntil: r.signupUntil,
    startsOn: r.startsOn,
    endsOn: r.endsOn,
    phase: eventPhase(r, today),
    confirmed: n.confirmed,
    waitlisted: n.waitlisted,
    attended: n.attended,
    version: r.version,
  };
}

export async function listEvents(c: Ctx, q: EventListParams) {
  return events.list(c, q, {
    select: { r: unionEvent, orgName: sql<string>`(SELECT o.name FROM org o WHERE o.id = union_event.org_id)`, ...counts },
    map: (x) => {
      const y = x as unknown as { r: Row; orgName: string } & Counts;
      return present(y.r, y.orgName, y);
    },
  });
}

async function countsOf(exec: Executor, eventId: string): Promise<Counts> {
  const [n] = await exec
    .select({
      confirmed: sql<number>`count(*) FILTER (WHERE ${eventSignup.status} = 'confirmed')::int`,
      waitlisted: sql<number>`count(*) FILTER (WHERE ${eventSignup.status} = 'waitlisted')::int`,
      attended: sql<number>`count(*) FILTER (WHERE ${eventSignup.checkedInAt} IS NOT NULL)::int`,
    })
    .from(eventSignup)
    .where(eq(eventSignup.eventId, eventId));
  return n!;
}

async function orgName(exec: Executor, id: string) {
  const [o] = await exec.select({ name: org.name }).from(org).where(eq(org.id, id));
  return o?.name ?? '';
}

export async function getEvent(c: Ctx, id: string) {
  const r = await events.get(c, id);
  const n = await countsOf(c.db, id);
  const photos = await c.db
    .select({ id: eventPhoto.id, fileName: eventPhoto.fileName, mime: eventPhoto.mime, size: eventPhoto.size, createdAt: eventPhoto.createdAt })
    .from(eventPhoto)
    .where(eq(eventPhoto.eventId, id))
    .orderBy(asc(eventPhoto.createdAt));
  const write = c.actor.permissions.has('event.write');
  const phase = eventPhase(r, todayInChina());
  return {
    ...present(r, await orgName(c.db, r.orgId), n),
    description: r.description,
    attendanceRate: n.confirmed ? Math.round((n.attended / n.confirmed) * 1000) / 10 : null,
    photos: photos.map((p) => ({ ...p, createdAt: p.createdAt.toISOString() })),
    can: { edit: write, checkIn: write && phase === 'ongoing' },
  };
}

export async function createEvent(c: Ctx, body: EventInput) {
  return c.db.transaction(async (tx) => {
    const o = await requireOrgInScope(c, tx, body.orgId);
    const r = await events.create(
      c,
      tx,
      { id: uuidv7(), ...body, place: body.place ?? null, description: body.description ?? null },
      { action: 'event.create' },
    );
    return present(r, o.name, { confirmed: 0, waitlisted: 0, attended: 0 });
  });
}

export async function updateEvent(c: Ctx, id: string, body: EventInput & { version: number }) {
  return c.db.transaction(async (tx) => {
    const before = await events.get(c, id, { exec: tx, lock: true });
    // The organiser stays a union of the caller's scope; moving an event to another union is not an edit.
    if (body.orgId !== before.orgId) throw errors.invalid('主办工会不能修改', 'The organising union cannot be changed');
    const { version, ...set } = body;
    const { after } = await events.update(
      c,
      tx,
      id,
      version,
      { ...set, place: set.place ?? null, description: set.description ?? null, updatedAt: new Date() },
      { action: 'event.update' },
    );
    // More places: the waitlist moves up in its order.
    if (after.capacity > before.capacity) await promote(tx, after, `admin:${c.actor.username}`);
    return present(after, await orgName(tx, after.orgId), await countsOf(tx, id));
  });
}

export async function listSignups(c: Ctx, id: string, q: { page: number; pageSize: number; status?: string }) {
  await events.get(c, id);
  const where = and(
    eq(eventSignup.eventId, id),
    q.status === 'attended' ? sql`${eventSignup.checkedInAt} IS NOT NULL` : q.status ? eq(eventSignup.status, q.status) : undefined,
  );
  const [rows, total, queue] = await Promise.all([
    c.db
      .select({ s: eventSignup, orgName: org.name })
      .from(eventSignup)
      .leftJoin(org, eq(org.id, eventSignup.personOrgId))
      .where(where)
      .orderBy(sql`CASE ${eventSignup.status} WHEN 'confirmed' THEN 0 WHEN 'waitlisted' THEN 1 ELSE 2 END`, asc(eventSignup.queuedAt), asc(eventSignup.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    c.db
      .select({ n: sql<number>`count(*)::int` })
      .from(eventSignup)
      .where(where),
    c.db
      .select({ id: eventSignup.id })
      .from(eventSignup)
      .where(and(eq(eventSignup.eventId, id), eq(eventSignup.status, 'waitlisted')))
      .orderBy(asc(eventSignup.queuedAt), asc(eventSignup.id)),
  ]);
  const place = new Map(queue.map((x, i) => [x.id, i + 1]));
  return {
    items: rows.map(({ s, orgName: on }) => ({
      id: s.id,
      name: s.displayName,
      orgName: on,
      status: s.status,
      waitlistPlace: place.get(s.id) ?? null,
      checkedInAt: s.checkedInAt?.toISOString() ?? null,
      createdAt: s.createdAt.toISOString(),
    })),
    total: total[0]!.n,
    page: q.page,
    pageSize: q.pageSize,
  };
}

/**
 * Check-in by the attendee's QR token, once per person: only on the event's days, only a confirmed
 * sign-up of this event; a second scan is refused with the time of the first.
 */
export async function checkIn(c: Ctx, id: string, token: string) {
  return c.db.transaction(async (tx) => {
    const e = await events.get(c, id, { exec: tx });
    const today = todayInChina();
    if (today < e.startsOn)
      throw new AppError(400, 'EVENT_NOT_STARTED', `活动尚未开始（${e.startsOn} 开始），不能签到`, `The event starts on ${e.startsOn}: no check-in yet`);
    if (today > e.endsOn)
      throw new AppError(400, 'EVENT_FINISHED', `活动已于 ${e.endsOn} 结束，不能签到`, `The event ended on ${e.endsOn}: check-in is closed`);
    const [s] = await tx
      .select()
      .from(eventSignup)
      .where(and(eq(eventSignup.eventId, id), eq(eventSignup.token, token)));
    if (!s) throw new AppError(404, 'NOT_FOUND', '签到码不属于本活动的报名', 'This code is not a sign-up of this event');
    if (s.status !== 'confirmed')
      throw new AppError(
        409,
        'NOT_CONFIRMED',
        s.status === 'waitlisted' ? '此人仍在候补，未获得名额' : '此人已取消报名',
        s.status === 'waitlisted' ? 'This person is still on the waitlist' : 'This sign-up was cancelled',
      );
    const done = await tx
      .update(eventSignup)
      .set({ checkedInAt: new Date(), checkedInBy: c.actor.userId })
      .where(and(eq(eventSignup.id, s.id), sql`${eventSignup.checkedInAt} IS NULL`))
      .returning();
    if (!done.length) {
      const at = s.checkedInAt ?? (await tx.select({ at: eventSignup.checkedInAt }).from(eventSignup).where(eq(eventSignup.id, s.id)))[0]?.at;
      throw new AppError(
        409,
        'ALREADY_CHECKED_IN',
        `${s.displayName} 已签到（${fmt(at)}），每人只能签到一次`,
        `${s.displayName} already checked in (${fmt(at)}): once per person`,
      );
    }
    await appendAudit(tx, {
      actorId: c.actor.userId,
      actorName: c.actor.username,
      orgId: e.orgId,
      action: 'event.check_in',
      entity: 'union_event',
      entityId: e.id,
      changes: { signupId: s.id },
    });
    return { id: s.id, name: s.displayName, checkedInAt: done[0]!.checkedInAt!.toISOString() };
  });
}

const fmt = (d: Date | null | undefined) =>
  d ? new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', dateStyle: 'short', timeStyle: 'short' }).format(d) : '';

export async function addPhoto(c: Ctx, id: string, input: { fileName: string; data: string }) {
  return c.db.transaction(async (tx) => {
    const e = await events.get(c, id, { exec: tx });
    const { bytes, mime } = decodeUpload(input.data, ['image/jpeg', 'image/png']);
    const pid = uuidv7();
    const sha256 = crypto.createHash('sha256').update(bytes).digest('hex');
    const [p] = await tx
      .insert(eventPhoto)
      .values({ id: pid, eventId: id, orgId: e.orgId, fileName: input.fileName, mime, size: bytes.length, sha256, data: bytes, uploadedBy: c.actor.userId })
      .returning();
    await appendAudit(tx, {
      actorId: c.actor.userId,
      actorName: c.actor.username,
      orgId: e.orgId,
      action: 'event.photo_add',
      entity: 'union_event',
      entityId: id,
      changes: { photoId: pid, fileName: input.fileName, mime, size: bytes.length, sha256 },
    });
    return { id: pid, fileName: p!.fileName, mime, size: p!.size, createdAt: p!.createdAt.toISOString() };
  });
}

export async function readPhoto(c: Ctx, id: string) {
  const [row] = await c.db.select({ p: eventPhoto, path: org.path }).from(eventPhoto).innerJoin(org, eq(org.id, eventPhoto.orgId)).where(eq(eventPhoto.id, id));
  if (!row || !scopeCovers(c.actor.scope, { id: row.p.orgId, path: row.path })) throw errors.notFound('照片', 'photo');
  return row.p;
}

/** Move the first of the waitlist up while there are places (in queue order); each is told in the portal inbox. */
async function promote(tx: Executor, e: Row, actorName: string) {
  const { confirmed } = await countsOf(tx, e.id);
  const free = e.capacity - confirmed;
  if (free <= 0) return [];
  const next = await tx
    .select()
    .from(eventSignup)
    .where(and(eq(eventSignup.eventId, e.id), eq(eventSignup.status, 'waitlisted')))
    .orderBy(asc(eventSignup.queuedAt), asc(eventSignup.id))
    .limit(free);
  for (const s of next) {
    await tx.update(eventSignup).set({ status: 'confirmed' }).where(eq(eventSignup.id, s.id));
    if (s.accountId)
      await notifyWorker(tx, {
        accountId: s.accountId,
        title: '候补成功：已获得活动名额',
        body: `您报名的“${e.title}”（${e.startsOn}）有名额空出，您已由候补转为正式报名。请按时参加，签到时出示“我的活动”中的签到码。`,
        link: '/m/events',
      });
    await appendAudit(tx, {
      actorName,
      orgId: e.orgId,
      action: 'event.promote',
      entity: 'event_signup',
      entityId: s.id,
      changes: { eventId: e.id, from: 'waitlisted', to: 'confirmed' },
    });
  }
  return next;
}

/** The dashboard: the last 12 months and the next 3, in the caller's scope; counts by kind, district and month. */
export async function eventFigures(c: Ctx) {
  const today = todayInChina();
  // The current month and the 11 before it, and the 3 after it (start dates, China time).
  const until = monthAfter(monthAfter(monthAfter(monthAfter(today.slice(0, 7))))) + '-01';
  const fromMonth = monthAfter(`${Number(today.slice(0, 4)) - 1}-${today.slice(5, 7)}`);
  const start = fromMonth + '-01';
  // The sign-up counts come from event_tally (kept exact by triggers on event_signup, migration
  // 0032), one row per event with any: no pass over the sign-ups themselves.
  const res = (await c.db.execute(sql`
    SELECT split_part(o.path, '/', 3) AS d, to_char(union_event.starts_on, 'YYYY-MM') AS m, union_event.kind, (union_event.starts_on <= ${today}::date) AS held,
           count(*)::int AS events, coalesce(sum(t.confirmed), 0)::int AS c, coalesce(sum(t.waitlisted), 0)::int AS w, coalesce(sum(t.attended), 0)::int AS a
    FROM union_event JOIN org o ON o.id = union_event.org_id LEFT JOIN event_tally t ON t.event_id = union_event.id
    WHERE ${ownedScopeSql(c.actor.scope, unionEvent.orgId)} AND union_event.starts_on >= ${start}::date AND union_event.starts_on < ${until}::date
    GROUP BY 1, 2, 3, 4`)) as unknown as { rows: { d: string; m: string; kind: string; held: boolean; events: number; c: number; w: number; a: number }[] };
  const rows = res.rows;
  const districtIds = [...new Set(rows.map((r) => r.d).filter(Boolean))];
  const names = new Map(
    districtIds.length
      ? (await c.db.select({ id: org.id, name: org.name }).from(org).where(inArray(org.id, districtIds))).map((o) => [o.id as string, o.name])
      : [],
  );
  const add = (
    m: Map<string, { key: string; name: string; events: number; signups: number; attended: number }>,
    key: string,
    name: string,
    r: (typeof rows)[number],
  ) => {
    const x = m.get(key) ?? { key, name, events: 0, signups: 0, attended: 0 };
    x.events += Number(r.events);
    x.signups += Number(r.c);
    x.attended += Number(r.a);
    m.set(key, x);
  };
  const byD = new Map<string, { key: string; name: string; events: number; signups: number; attended: number }>();
  const byM = new Map<string, { key: string; name: string; events: number; signups: number; attended: number }>();
  for (let m = fromMonth; m < until.slice(0, 7); m = monthAfter(m)) byM.set(m, { key: m, name: m, events: 0, signups: 0, attended: 0 });
  const byKind = new Map<string, number>();
  let events = 0,
    held = 0,
    signups = 0,
    waitlisted = 0,
    attended = 0,
    heldConfirmed = 0;
  for (const r of rows) {
    add(byD, r.d || 'city', r.d ? (names.get(r.d) ?? r.d) : '市级', r);
    add(byM, r.m, r.m, r);
    byKind.set(r.kind, (byKind.get(r.kind) ?? 0) + Number(r.events));
    events += Number(r.events);
    signups += Number(r.c);
    waitlisted += Number(r.w);
    attended += Number(r.a);
    if (r.held) {
      held += Number(r.events);
      heldConfirmed += Number(r.c);
    }
  }
  return {
    events,
    held,
    upcoming: events - held,
    signups,
    waitlisted,
    attended,
    attendanceRate: heldConfirmed ? Math.round((attended / heldConfirmed) * 1000) / 10 : null,
    byKind: [...byKind].map(([key, n]) => ({ key, n })).sort((a, b) => b.n - a.n),
    byDistrict: [...byD.values()].sort((a, b) => b.events - a.events),
    byMonth: [...byM.values()].sort((a, b) => a.key.localeCompare(b.key)),
  };
}

function monthAfter(ym: string): string {
  const [y, m] = ym.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

// ——— The worker's side (portal) ———

/** The worker's member record (linked accounts): id, name, org and its path. */
async function workerMember(exec: Executor, account: WorkerAccount) {
  if (!account.memberId) return null;
  const [m] = await exec
    .select({ id: member.id, name: member.name, status: member.status, orgId: member.orgId, path: org.path })
    .from(member)
    .innerJoin(org, eq(org.id, member.orgId))
    .where(eq(member.id, account.memberId));
  return m ?? null;
}

/** Who may sign up for an event: anyone with an account for `all_workers`; an active member of the organiser's subtree for `members`. */
function audienceSql(m: { path: string; status: string } | null): SQL {
  const mine = m && m.status === 'active' ? pathIds(m.path) : [];
  return mine.length ? sql`(${unionEvent.audience} = 'all_workers' OR ${inArray(unionEvent.orgId, mine)})` : sql`${unionEvent.audience} = 'all_workers'`;
}

export async function openEvents(s: Services, account: WorkerAccount, q: { page: number; pageSize: number; kind?: string }) {
  const today = todayInChina();
  const m = await workerMember(s.db, account);
  const where = and(audienceSql(m), sql`${unionEvent.endsOn} >= ${today}::date`, q.kind ? eq(unionEvent.kind, q.kind) : undefined);
  const [rows, total] = await Promise.all([
    s.db
      .select({
        r: unionEvent,
        orgName: org.name,
        confirmed: counts.confirmed,
        waitlisted: counts.waitlisted,
        mine: sql<
          string | null
        >`(SELECT s.status FROM event_signup s WHERE s.event_id = union_event.id AND s.account_id = ${account.id} AND s.status <> 'cancelled')`,
      })
      .from(unionEvent)
      .innerJoin(org, eq(org.id, unionEvent.orgId))
      .where(where)
      .orderBy(asc(unionEvent.startsOn), asc(unionEvent.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    s.db
      .select({ n: sql<number>`count(*)::int` })
      .from(unionEvent)
      .where(where),
  ]);
  return {
    items: rows.map((x) => ({
      id: x.r.id,
      title: x.r.title,
      kind: x.r.kind,
      orgName: x.orgName,
      place: x.r.place,
      description: x.r.description,
      startsOn: x.r.startsOn,
      endsOn: x.r.endsOn,
      signupFrom: x.r.signupFrom,
      signupUntil: x.r.signupUntil,
      phase: eventPhase(x.r, today),
      canSignUp: x.r.signupFrom <= today && today <= x.r.signupUntil,
      capacity: x.r.capacity,
      placesLeft: Math.max(0, x.r.capacity - x.confirmed),
      waitlisted: x.waitlisted,
      mine: (x.mine as 'confirmed' | 'waitlisted' | null) ?? null,
    })),
    total: total[0]!.n,
    page: q.page,
    pageSize: q.pageSize,
  };
}

/** My events (我的活动): my sign-ups, newest event first, with the check-in QR while it can be used. */
export async function myEvents(s: Services, account: WorkerAccount, only?: string) {
  const today = todayInChina();
  const rows = await s.db
    .select({ s: eventSignup, e: unionEvent, orgName: org.name })
    .from(eventSignup)
    .innerJoin(unionEvent, eq(unionEvent.id, eventSignup.eventId))
    .innerJoin(org, eq(org.id, unionEvent.orgId))
    .where(and(eq(eventSignup.accountId, account.id), only ? eq(eventSignup.eventId, only) : undefined))
    .orderBy(desc(unionEvent.startsOn), desc(eventSignup.id))
    .limit(50);
  const out = [];
  for (const x of rows) out.push(await mine(s.db, x.s, x.e, x.orgName, today));
  return out;
}

async function mine(exec: Executor, sg: SignupRowT, e: Row, orgNameOf: string, today: string) {
  let waitlistPlace: number | null = null;
  if (sg.status === 'waitlisted') {
    const [n] = await exec
      .select({ n: sql<number>`count(*)::int` })
      .from(eventSignup)
      .where(
        and(
          eq(eventSignup.eventId, e.id),
          eq(eventSignup.status, 'waitlisted'),
          sql`(${eventSignup.queuedAt}, ${eventSignup.id}) <= (${sg.queuedAt.toISOString()}::timestamptz, ${sg.id}::uuid)`,
        ),
      );
    waitlistPlace = n!.n;
  }
  const phase = eventPhase(e, today);
  const usable = sg.status === 'confirmed' && !sg.checkedInAt && phase !== 'finished';
  return {
    signupId: sg.id,
    eventId: e.id,
    title: e.title,
    kind: e.kind,
    orgName: orgNameOf,
    place: e.place,
    startsOn: e.startsOn,
    endsOn: e.endsOn,
    phase,
    status: sg.status as 'confirmed' | 'waitlisted' | 'cancelled',
    waitlistPlace,
    attended: !!sg.checkedInAt,
    checkedInAt: sg.checkedInAt?.toISOString() ?? null,
    token: usable ? sg.token : null,
    qrDataUrl: usable ? await QRCode.toDataURL(sg.token, { margin: 1, width: 240, errorCorrectionLevel: 'M' }) : null,
  };
}

/** Lock the event (sign-ups of one event are decided one at a time) or 404 when the worker may not see it. */
async function lockEvent(tx: Executor, id: string) {
  const [e] = await tx.select().from(unionEvent).where(eq(unionEvent.id, id)).for('update');
  if (!e) throw errors.notFound('活动', 'event');
  return e;
}

const kindLabel = (k: string) => EVENT_KIND_LABELS[k as EventKind]?.zh ?? k;

/**
 * Sign up: inside the window (China dates, both days included), inside the audience; confirmed while
 * places are left, else on the waitlist in order of sign-up. Signing up again after cancelling joins
 * the end of the queue.
 */
export async function signUp(s: Services, account: WorkerAccount, id: string, ip: string) {
  return s.db.transaction(async (tx) => {
    const e = await lockEvent(tx, id);
    const m = await workerMember(tx, account);
    const today = todayInChina();
    const allowed = e.audience === 'all_workers' || (m && m.status === 'active' && pathIds(m.path).includes(e.orgId));
    if (!allowed) {
      if (e.audience === 'members' && !m)
        throw new AppError(403, 'NOT_LINKED', '本活动限会员报名，请先在“我的”中关联会员档案', 'Members only: link your member record first');
      throw new AppError(
        403,
        'NOT_IN_AUDIENCE',
        '本活动仅限主办工会及其下级工会的会员报名',
        'This event is open only to members of the organising union and the unions below it',
      );
    }
    if (today < e.signupFrom) throw new AppError(400, 'SIGNUP_NOT_OPEN', `报名尚未开始（${e.signupFrom} 开始）`, `Sign-up opens on ${e.signupFrom}`);
    if (today > e.signupUntil) throw new AppError(400, 'SIGNUP_CLOSED', `报名已于 ${e.signupUntil} 截止`, `Sign-up closed on ${e.signupUntil}`);
    const [existing] = await tx
      .select()
      .from(eventSignup)
      .where(and(eq(eventSignup.eventId, id), eq(eventSignup.accountId, account.id)));
    if (existing && existing.status !== 'cancelled') throw errors.conflict('您已报名本活动', 'You have already signed up for this event');
    const { confirmed } = await countsOf(tx, id);
    const status = confirmed < e.capacity ? 'confirmed' : 'waitlisted';
    const values = {
      status,
      queuedAt: new Date(),
      token: crypto.randomBytes(12).toString('base64url'),
      checkedInAt: null,
      cancelledAt: null,
      memberId: m?.id ?? null,
      personOrgId: m?.orgId ?? null,
      displayName: m ? maskPersonName(m.name) : account.mobileMasked,
    };
    let row: SignupRowT;
    if (existing) [row] = (await tx.update(eventSignup).set(values).where(eq(eventSignup.id, existing.id)).returning()) as [SignupRowT];
    else
      [row] = (await tx
        .insert(eventSignup)
        .values({ id: uuidv7(), eventId: id, orgId: e.orgId, accountId: account.id, ...values })
        .returning()) as [SignupRowT];
    await appendAudit(tx, {
      actorName: 'worker:' + account.mobileMasked,
      orgId: e.orgId,
      action: 'event.signup',
      entity: 'event_signup',
      entityId: row.id,
      ip,
      changes: { eventId: id, status },
    });
    if (status === 'waitlisted')
      await notifyWorker(tx, {
        accountId: account.id,
        title: `已进入候补：${e.title}`,
        body: `“${e.title}”（${kindLabel(e.kind)}，${e.startsOn}）名额已满，您已进入候补。有人取消时按报名先后递补，届时会通知您。`,
        link: '/m/events',
      });
    return mine(tx, row, e, await orgName(tx, e.orgId), today);
  });
}

/** Cancel my sign-up before the event starts; a confirmed place goes to the first on the waitlist, who is told in the inbox. */
export async function cancelSignup(s: Services, account: WorkerAccount, id: string, ip: string) {
  return s.db.transaction(async (tx) => {
    const e = await lockEvent(tx, id);
    const [sg] = await tx
      .select()
      .from(eventSignup)
      .where(and(eq(eventSignup.eventId, id), eq(eventSignup.accountId, account.id)));
    if (!sg || sg.status === 'cancelled') throw errors.notFound('报名', 'sign-up');
    const today = todayInChina();
    if (today >= e.startsOn)
      throw new AppError(400, 'EVENT_STARTED', '活动已开始，不能取消报名', 'The event has started: the sign-up can no longer be cancelled');
    const [row] = (await tx.update(eventSignup).set({ status: 'cancelled', cancelledAt: new Date() }).where(eq(eventSignup.id, sg.id)).returning()) as [
      SignupRowT,
    ];
    await appendAudit(tx, {
      actorName: 'worker:' + account.mobileMasked,
      orgId: e.orgId,
      action: 'event.cancel_signup',
      entity: 'event_signup',
      entityId: sg.id,
      ip,
      changes: { eventId: id, from: sg.status, to: 'cancelled' },
    });
    if (sg.status === 'confirmed') await promote(tx, e, 'worker:' + account.mobileMasked);
    return mine(tx, row, e, await orgName(tx, e.orgId), today);
  });
}
