import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestEnv, type TestClient, type TestEnv } from '../../test/harness.js';
import { addMember, demoOrgs, freshId, freshMobile, userAt, type DemoOrgs } from '../member/join/fixtures.js';
import { addDays, todayInChina } from '../../../../common/src/dates.js';

let env: TestEnv;
let o: DemoOrgs;
let admin: TestClient;
let chair: TestClient;
const today = todayInChina();

beforeAll(async () => {
  env = await createTestEnv({ members: 300, hardship: 10, disputes: 10 });
  o = await demoOrgs(env);
  admin = await env.login('admin');
  chair = await userAt(env, 'event_chair_g2', o.g2.id, 'grassroots_chair');
});
afterAll(async () => {
  await env?.close();
});

let ipSeq = 0;
/** A worker's phone: keeps the worker cookie, comes from one address. */
function phone() {
  let cookie = '';
  const ip = `10.8.${Math.floor(++ipSeq / 250)}.${ipSeq % 250}`;
  return async (method: 'GET' | 'POST', url: string, payload?: object) => {
    const res = await env.app.inject({
      method,
      url,
      remoteAddress: ip,
      headers: cookie ? { cookie } : {},
      ...(method === 'POST' ? { payload: payload ?? {} } : {}),
    });
    const set = res.cookies.find((c) => c.name === 'gh_wsid');
    if (set) cookie = `gh_wsid=${set.value}`;
    return res;
  };
}

/** A signed-in worker; linked to a new member of `orgId` when given. */
async function worker(orgId?: string, name = '宋佳怡') {
  const p = phone();
  const mobile = freshMobile();
  expect((await p('POST', '/api/portal/code', { mobile })).statusCode).toBe(200);
  const box = (await admin.get(`/api/system/sms-outbox?mobile=${mobile}`)).json();
  const code = /(\d{6})/.exec(box.items[0].body as string)![1]!;
  expect((await p('POST', '/api/portal/session', { mobile, code })).statusCode).toBe(200);
  if (orgId) {
    const idNumber = freshId('F');
    await addMember(admin, orgId, idNumber, { name });
    expect((await p('POST', '/api/portal/link', { name, idNumber })).statusCode).toBe(200);
  }
  return p;
}

let seq = 0;
async function newEvent(by: TestClient, over: Record<string, unknown> = {}) {
  const res = await by.post('/api/events', {
    orgId: o.g2.id,
    title: `职工趣味运动会${++seq}`,
    kind: 'sports',
    audience: 'all_workers',
    capacity: 2,
    signupFrom: addDays(today, -3),
    signupUntil: addDays(today, 3),
    startsOn: addDays(today, 5),
    endsOn: addDays(today, 5),
    ...over,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; version: number };
}

describe('events: capacity and the waitlist', () => {
  it('confirms up to capacity, then waitlists; a cancellation moves the first on the waitlist up and tells them in the inbox', async () => {
    const e = await newEvent(chair, { capacity: 2 });
    const [a, b, c, d] = [await worker(), await worker(), await worker(), await worker()];
    const sa = (await a('POST', `/api/portal/events/${e.id}/signup`)).json();
    const sb = (await b('POST', `/api/portal/events/${e.id}/signup`)).json();
    const sc = (await c('POST', `/api/portal/events/${e.id}/signup`)).json();
    const sd = (await d('POST', `/api/portal/events/${e.id}/signup`)).json();
    expect([sa.status, sb.status, sc.status, sd.status]).toEqual(['confirmed', 'confirmed', 'waitlisted', 'waitlisted']);
    expect([sc.waitlistPlace, sd.waitlistPlace]).toEqual([1, 2]);
    expect(sa.token).toMatch(/^[A-Za-z0-9_-]{16}$/);
    expect(sa.qrDataUrl).toMatch(/^data:image\/png;base64,/);
    expect(sc.token).toBeNull();
    // Twice is refused.
    const again = await a('POST', `/api/portal/events/${e.id}/signup`);
    expect(again.statusCode).toBe(409);

    const cancelled = await b('POST', `/api/portal/events/${e.id}/cancel`);
    expect(cancelled.statusCode).toBe(200);
    expect(cancelled.json().status).toBe('cancelled');
    const mineC = (await c('GET', '/api/portal/events/mine')).json();
    expect(mineC[0]).toMatchObject({ eventId: e.id, status: 'confirmed', waitlistPlace: null });
    expect(mineC[0].token).toBeTruthy();
    const mineD = (await d('GET', '/api/portal/events/mine')).json();
    expect(mineD[0]).toMatchObject({ status: 'waitlisted', waitlistPlace: 1 });
    const inbox = (await c('GET', '/api/portal/notifications')).json();
    expect(inbox.items[0].title).toContain('候补成功');
    const detail = (await chair.get(`/api/events/${e.id}`)).json();
    expect(detail).toMatchObject({ confirmed: 2, waitlisted: 1, attended: 0, capacity: 2 });
    const list = (await chair.get(`/api/events/${e.id}/signups?status=waitlisted`)).json();
    expect(list.items.map((x: { waitlistPlace: number }) => x.waitlistPlace)).toEqual([1]);

    // Raising the capacity moves the waitlist up too.
    const full = (await chair.get(`/api/events/${e.id}`)).json();
    const { id: _id, orgName: _n, phase: _p, confirmed: _c, waitlisted: _w, attended: _a, attendanceRate: _r, photos: _ph, can: _can, ...rest } = full;
    const up = await chair.put(`/api/events/${e.id}`, { ...rest, capacity: 3 });
    expect(up.statusCode, up.body).toBe(200);
    expect(up.json()).toMatchObject({ confirmed: 3, waitlisted: 0 });
    expect((await d('GET', '/api/portal/events/mine')).json()[0].status).toBe('confirmed');
  });

  it('one sign-up at a time: concurrent sign-ups for the last place give one confirmed and the rest waitlisted', async () => {
    const e = await newEvent(chair, { capacity: 1 });
    const phones = await Promise.all([worker(), worker(), worker()]);
    const res = await Promise.all(phones.map((p) => p('POST', `/api/portal/events/${e.id}/signup`)));
    expect(res.map((r) => r.json().status).sort()).toEqual(['confirmed', 'waitlisted', 'waitlisted']);
  });
});

describe('events: check-in by QR, once per person', () => {
  it('checks in a confirmed attendee once; a second scan, a waitlisted person and a stranger code are refused', async () => {
    const e = await newEvent(chair, { capacity: 1, startsOn: today, endsOn: addDays(today, 1), signupUntil: today });
    const a = await worker(o.g2.id, '郑雨桐');
    const b = await worker();
    const sa = (await a('POST', `/api/portal/events/${e.id}/signup`)).json();
    const sb = (await b('POST', `/api/portal/events/${e.id}/signup`)).json();
    expect(sb.status).toBe('waitlisted');
    const ok = await chair.post(`/api/events/${e.id}/checkin`, { token: sa.token });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().name).toBe('郑*桐');
    const twice = await chair.post(`/api/events/${e.id}/checkin`, { token: sa.token });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().code).toBe('ALREADY_CHECKED_IN');
    expect(twice.json().message).toContain('只能签到一次');
    expect(twice.json().messageEn).toContain('once per person');
    // The waitlisted person's row has a token in the database, but it does not check in.
    const [row] = await env.services.database.query<{ token: string }>(sql`SELECT token FROM event_signup WHERE event_id = ${e.id} AND status = 'waitlisted'`);
    const wl = await chair.post(`/api/events/${e.id}/checkin`, { token: row!.token });
    expect(wl.statusCode).toBe(409);
    expect(wl.json().code).toBe('NOT_CONFIRMED');
    expect((await chair.post(`/api/events/${e.id}/checkin`, { token: 'abcdefghijklmnop' })).statusCode).toBe(404);
    expect((await chair.post(`/api/events/${e.id}/checkin`, { token: '<x>' })).statusCode).toBe(400);
    const mine = (await a('GET', '/api/portal/events/mine')).json();
    expect(mine[0]).toMatchObject({ eventId: e.id, attended: true, token: null });
    const d = (await chair.get(`/api/events/${e.id}`)).json();
    expect(d).toMatchObject({ confirmed: 1, attended: 1, attendanceRate: 100 });
    const audit = await env.services.database.query<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'event.check_in' AND entity_id = ${e.id}`,
    );
    expect(audit[0]!.n).toBe(1);
  });

  it('refuses check-in before the event starts', async () => {
    const e = await newEvent(chair);
    const a = await worker();
    const sa = (await a('POST', `/api/portal/events/${e.id}/signup`)).json();
    const res = await chair.post(`/api/events/${e.id}/checkin`, { token: sa.token });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('EVENT_NOT_STARTED');
  });

  it('stores photos (JPEG/PNG by content) and serves them in scope', async () => {
    const e = await newEvent(chair);
    const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex').toString('base64');
    const res = await chair.post(`/api/events/${e.id}/photos`, { fileName: '合影.png', data: PNG });
    expect(res.statusCode, res.body).toBe(201);
    const bad = await chair.post(`/api/events/${e.id}/photos`, { fileName: 'x.png', data: Buffer.from('hello').toString('base64') });
    expect(bad.statusCode).toBe(415);
    const got = await chair.get(`/api/events/photos/${res.json().id}`);
    expect(got.statusCode).toBe(200);
    expect(got.headers['content-type']).toContain('image/png');
    expect((await chair.get(`/api/events/${e.id}`)).json().photos).toHaveLength(1);
  });
});

describe('events: audience and window', () => {
  it('refuses sign-up outside the window and outside the audience, with zh and en messages', async () => {
    const later = await newEvent(chair, { signupFrom: addDays(today, 1) });
    const p = await worker();
    const notOpen = await p('POST', `/api/portal/events/${later.id}/signup`);
    expect(notOpen.statusCode).toBe(400);
    expect(notOpen.json()).toMatchObject({ code: 'SIGNUP_NOT_OPEN' });
    expect(notOpen.json().message).toContain('报名尚未开始');
    expect(notOpen.json().messageEn).toContain('Sign-up opens');
    const closed = await newEvent(chair, { signupFrom: addDays(today, -5), signupUntil: addDays(today, -1) });
    const late = await p('POST', `/api/portal/events/${closed.id}/signup`);
    expect(late.statusCode).toBe(400);
    expect(late.json().code).toBe('SIGNUP_CLOSED');

    const membersOnly = await newEvent(chair, { audience: 'members', kind: 'matchmaking' });
    // Not linked: told to link first.
    const unlinked = await p('POST', `/api/portal/events/${membersOnly.id}/signup`);
    expect(unlinked.statusCode).toBe(403);
    expect(unlinked.json().code).toBe('NOT_LINKED');
    // A member of another district: refused, and the event is not offered.
    const other = await worker(o.g1.id, '冯晓光');
    const refused = await other('POST', `/api/portal/events/${membersOnly.id}/signup`);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('NOT_IN_AUDIENCE');
    expect(refused.json().messageEn).toContain('members of the organising union');
    const offered = (await other('GET', '/api/portal/events?pageSize=100')).json();
    expect(offered.items.map((x: { id: string }) => x.id)).not.toContain(membersOnly.id);
    // A member of the organiser's union: accepted, and offered.
    const own = await worker(o.g2.id, '冯晓明');
    expect((await own('GET', '/api/portal/events?pageSize=100')).json().items.map((x: { id: string }) => x.id)).toContain(membersOnly.id);
    expect((await own('POST', `/api/portal/events/${membersOnly.id}/signup`)).json().status).toBe('confirmed');
  });

  it('bad input gets a 4xx in zh and en, never a 500', async () => {
    const res = await chair.post('/api/events', {
      orgId: o.g2.id,
      title: '',
      kind: 'party',
      audience: 'members',
      capacity: 0,
      signupFrom: today,
      signupUntil: today,
      startsOn: today,
      endsOn: today,
    });
    expect(res.statusCode).toBe(400);
    const body = JSON.stringify(res.json());
    expect(body).toContain('请填写活动名称');
    expect(body).toContain('名额至少为1');
    const order = await chair.post('/api/events', {
      orgId: o.g2.id,
      title: '读书会',
      kind: 'culture',
      audience: 'members',
      capacity: 10,
      signupFrom: today,
      signupUntil: addDays(today, 9),
      startsOn: addDays(today, 5),
      endsOn: addDays(today, 4),
    });
    expect(order.statusCode).toBe(400);
    expect(JSON.stringify(order.json())).toContain('结束日期不能早于开始日期');
    expect((await phone()('POST', `/api/portal/events/${(await newEvent(chair)).id}/signup`)).statusCode).toBe(401);
  });
});

describe('events: scope and figures', () => {
  it('a union sees and runs only its own scope; another district gets 404', async () => {
    const e = await newEvent(admin, { orgId: o.g2.id });
    const district = await env.login('district');
    expect((await district.get(`/api/events/${e.id}`)).statusCode).toBe(404);
    expect((await district.post(`/api/events/${e.id}/checkin`, { token: 'abcdefghijkl' })).statusCode).toBe(404);
    const wrongOrg = await district.post('/api/events', {
      orgId: o.g2.id,
      title: 'x',
      kind: 'culture',
      audience: 'members',
      capacity: 5,
      signupFrom: today,
      signupUntil: today,
      startsOn: today,
      endsOn: today,
    });
    expect(wrongOrg.statusCode).toBe(404);
    const listed = (await district.get('/api/events?pageSize=100')).json();
    expect(listed.items.every((x: { orgId: string }) => x.orgId !== o.g2.id)).toBe(true);
  });

  it('counts by district and month on the dashboard', async () => {
    const e = await newEvent(chair, { capacity: 5 });
    await (
      await worker()
    )('POST', `/api/portal/events/${e.id}/signup`);
    const f = (await admin.get('/api/events/dashboard')).json();
    expect(f.events).toBeGreaterThan(0);
    expect(f.byMonth).toHaveLength(15);
    const d02 = f.byDistrict.find((x: { key: string }) => x.key === o.d02.id);
    expect(d02.events).toBeGreaterThan(0);
    expect(f.byDistrict.reduce((n: number, x: { events: number }) => n + x.events, 0)).toBe(f.events);
    const month = f.byMonth.find((x: { key: string }) => x.key === addDays(today, 5).slice(0, 7));
    expect(month.signups).toBeGreaterThan(0);
    const g = (await chair.get('/api/events/dashboard')).json();
    expect(g.byDistrict.map((x: { key: string }) => x.key)).toEqual([o.d02.id]);
  });
});

describe('events: audit', () => {
  it('every write leaves its audit entry', async () => {
    const before = await env.services.database.query<{ seq: number }>(sql`SELECT coalesce(max(seq), 0)::int AS seq FROM audit_log`);
    const e = await newEvent(chair, { capacity: 1, startsOn: today, endsOn: today, signupUntil: today });
    const full = (await chair.get(`/api/events/${e.id}`)).json();
    expect(
      (
        await chair.put(`/api/events/${e.id}`, {
          orgId: full.orgId,
          title: full.title + '（改）',
          kind: full.kind,
          audience: full.audience,
          capacity: 1,
          signupFrom: full.signupFrom,
          signupUntil: full.signupUntil,
          startsOn: full.startsOn,
          endsOn: full.endsOn,
          version: full.version,
        })
      ).statusCode,
    ).toBe(200);
    const [a, b] = [await worker(), await worker()];
    await a('POST', `/api/portal/events/${e.id}/signup`);
    await b('POST', `/api/portal/events/${e.id}/signup`);
    // The event is under way: cancelling is refused.
    expect((await a('POST', `/api/portal/events/${e.id}/cancel`)).json().code).toBe('EVENT_STARTED');
    const token = (await a('GET', '/api/portal/events/mine')).json()[0].token as string;
    expect((await chair.post(`/api/events/${e.id}/checkin`, { token })).statusCode).toBe(200);
    const later = await newEvent(chair, { capacity: 1 });
    await a('POST', `/api/portal/events/${later.id}/signup`);
    await b('POST', `/api/portal/events/${later.id}/signup`);
    await a('POST', `/api/portal/events/${later.id}/cancel`);
    const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex').toString('base64');
    expect((await chair.post(`/api/events/${e.id}/photos`, { fileName: 'a.png', data: PNG })).statusCode).toBe(201);
    const actions = await env.services.database.query<{ action: string }>(
      sql`SELECT DISTINCT action FROM audit_log WHERE seq > ${before[0]!.seq} AND action LIKE 'event.%'`,
    );
    expect(actions.map((x) => x.action).sort()).toEqual([
      'event.cancel_signup',
      'event.check_in',
      'event.create',
      'event.photo_add',
      'event.promote',
      'event.signup',
      'event.update',
    ]);
  });
});

describe('event_tally (the sign-up counters behind the dashboard and the list) stays exact through every kind of sign-up write', () => {
  const q = <T>(s: ReturnType<typeof sql>) => env.services.database.query<T>(s);

  /** Every counter equals a direct count over event_signup, and nothing else is in the table. */
  async function expectTallyExact(when: string) {
    const diff = await q(sql`
      WITH a AS (
        SELECT event_id, count(*) FILTER (WHERE status = 'confirmed')::int AS confirmed, count(*) FILTER (WHERE status = 'waitlisted')::int AS waitlisted,
               count(*) FILTER (WHERE checked_in_at IS NOT NULL)::int AS attended
        FROM event_signup GROUP BY 1
        HAVING count(*) FILTER (WHERE status IN ('confirmed', 'waitlisted') OR checked_in_at IS NOT NULL) > 0),
           b AS (SELECT event_id, confirmed, waitlisted, attended FROM event_tally)
      (SELECT 'missing' AS d, * FROM (SELECT * FROM a EXCEPT ALL SELECT * FROM b) x) UNION ALL (SELECT 'extra', * FROM (SELECT * FROM b EXCEPT ALL SELECT * FROM a) y)`);
    expect(diff, when).toEqual([]);
  }

  /** The dashboard's totals (from the counters) equal a plain count over the sign-ups of the events it covers. */
  async function expectDashboardExact(when: string) {
    const f = (await admin.get('/api/events/dashboard')).json();
    const months = f.byMonth.map((m: { key: string }) => m.key as string);
    const from = `${months[0]}-01`;
    const until = `${months[months.length - 1]}-01`;
    const [plain] = await q<{ events: number; c: number; w: number; a: number }>(sql`
      SELECT count(DISTINCT e.id)::int AS events, count(s.id) FILTER (WHERE s.status = 'confirmed')::int AS c,
             count(s.id) FILTER (WHERE s.status = 'waitlisted')::int AS w, count(s.id) FILTER (WHERE s.checked_in_at IS NOT NULL)::int AS a
      FROM union_event e LEFT JOIN event_signup s ON s.event_id = e.id
      WHERE e.starts_on >= ${from}::date AND e.starts_on < (${until}::date + interval '1 month')`);
    expect({ events: f.events, signups: f.signups, waitlisted: f.waitlisted, attended: f.attended }, when).toEqual({
      events: plain!.events,
      signups: plain!.c,
      waitlisted: plain!.w,
      attended: plain!.a,
    });
    const list = (await admin.get('/api/events?pageSize=100')).json();
    for (const e of list.items as { id: string; confirmed: number; waitlisted: number; attended: number }[]) {
      const d = (await admin.get(`/api/events/${e.id}`)).json();
      expect({ confirmed: e.confirmed, waitlisted: e.waitlisted, attended: e.attended }, `${when}: list row of ${e.id}`).toEqual({
        confirmed: d.confirmed,
        waitlisted: d.waitlisted,
        attended: d.attended,
      });
    }
  }

  async function check(when: string) {
    await expectTallyExact(when);
    await expectDashboardExact(when);
  }

  it('starts exact (the seed and the sign-ups above went through the triggers), and stays so through sign-up, waitlist, cancel, promotion, check-in and direct writes', async () => {
    const [n] = await q<{ n: number }>(sql`SELECT count(*)::int AS n FROM event_tally`);
    expect(n!.n).toBeGreaterThan(0);
    await check('at the start');

    const e = await newEvent(chair, { capacity: 1, startsOn: today, endsOn: addDays(today, 1), signupUntil: today });
    const [a, b, c] = [await worker(), await worker(), await worker()];
    await a('POST', `/api/portal/events/${e.id}/signup`);
    await b('POST', `/api/portal/events/${e.id}/signup`);
    await c('POST', `/api/portal/events/${e.id}/signup`);
    await check('after a confirmed sign-up and two on the waitlist');
    const token = (await a('GET', '/api/portal/events/mine')).json()[0].token as string;
    expect((await chair.post(`/api/events/${e.id}/checkin`, { token })).statusCode).toBe(200);
    await check('after a check-in');

    const later = await newEvent(chair, { capacity: 1 });
    await a('POST', `/api/portal/events/${later.id}/signup`);
    await b('POST', `/api/portal/events/${later.id}/signup`);
    await a('POST', `/api/portal/events/${later.id}/cancel`);
    await check('after a cancellation that moved the waitlist up');

    // Writes outside the services: several rows in one statement, a move between events, deletes, truncate.
    await q(sql`UPDATE event_signup SET status = 'cancelled', cancelled_at = now() WHERE event_id = ${e.id} AND status = 'waitlisted'`);
    await check('after a bulk update');
    await q(
      sql`UPDATE event_signup SET event_id = ${later.id} WHERE event_id = ${e.id} AND account_id NOT IN (SELECT account_id FROM event_signup WHERE event_id = ${later.id})`,
    );
    await check('after moving sign-ups to another event');
    await q(sql`DELETE FROM event_signup WHERE event_id = ${later.id}`);
    await check('after a delete');
    await q(sql`TRUNCATE event_signup`);
    const [left] = await q<{ n: number }>(sql`SELECT count(*)::int AS n FROM event_tally`);
    expect(left!.n).toBe(0);
    await check('after truncate');
  });
});
