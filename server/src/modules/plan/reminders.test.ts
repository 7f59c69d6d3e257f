import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestEnv, type TestClient, type TestEnv } from '../../test/harness.js';
import { runPlanReminders } from './plan.reminders.js';

/**
 * Supervision reminders and escalation in the cadres' inbox (docs/plans.md, "Reminders and
 * escalation"; docs/inbox.md): before a deadline counted in its profile's own days, around the
 * National Day holiday of 2026 (1–7 October off, the 8th a working day); once per deadline; overdue
 * to the owner and escalated to the union above, never to a sibling.
 */
let env: TestEnv;
let admin: TestClient;
let district: TestClient;
const ids: Record<string, string> = {};
const q = <T>(s: ReturnType<typeof sql>) => env.services.database.query<T>(s);

interface Note {
  id: string;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  readAt: string | null;
}
const inboxOf = async (c: TestClient, extra = '') =>
  (await c.get(`/api/inbox?pageSize=200${extra}`)).json() as { items: Note[]; total: number; unread: number };
const about = (items: Note[], taskId: string) => items.filter((n) => n.link === `/plans/tasks/${taskId}`);

beforeAll(async () => {
  env = await createTestEnv({ members: 200, hardship: 5, disputes: 5 });
  [admin, district] = await Promise.all([env.login('admin'), env.login('district')]);
  ids.city = (await admin.get('/api/auth/me')).json().user.orgId;
  ids.d01 = (await district.get('/api/auth/me')).json().user.orgId;
  ids.d02 = (await q<{ id: string }>(sql`SELECT id FROM org WHERE code = 'D02'`))[0]!.id;
  // A supervisor of the sibling district D02: escalations of D01's tasks must not reach them.
  const [role] = await q<{ id: string }>(sql`SELECT id FROM role WHERE code = 'federation_admin'`);
  const [pw] = await q<{ h: string }>(sql`SELECT password_hash AS h FROM app_user WHERE username = 'district'`);
  ids.d02User = (await q<{ id: string }>(sql`SELECT gen_random_uuid()::text AS id`))[0]!.id;
  await q(sql`INSERT INTO app_user (id, username, display_name, org_id, password_hash) VALUES (${ids.d02User}, 'd02-sup', '二区督办员', ${ids.d02}, ${pw!.h})`);
  await q(sql`INSERT INTO user_role (user_id, role_id) VALUES (${ids.d02User}, ${role!.id})`);

  const res = await admin.post('/api/plans', {
    orgId: ids.city,
    year: 2026,
    title: '督办提醒测试计划',
    tasks: [
      { title: '工作日时限的任务', orgId: ids.d01 },
      { title: '自然日时限的任务', orgId: ids.d01, profile: 'calendar' },
    ],
  });
  expect(res.statusCode, res.body).toBe(201);
  const list = (await admin.get(`/api/plan-tasks?planId=${res.json().id}`)).json();
  ids.working = list.items.find((t: { title: string }) => t.title === '工作日时限的任务').id;
  ids.calendar = list.items.find((t: { title: string }) => t.title === '自然日时限的任务').id;
  // Only the deployment is running, due on Thursday 8 October 2026, the first working day after the holiday.
  await q(sql`UPDATE plan_task SET deploy_due = '2026-10-08', report_due = NULL, close_due = '2026-12-31' WHERE id IN (${ids.working}, ${ids.calendar})`);
});
afterAll(() => env?.close());

describe('reminders before a deadline', () => {
  it('on the last working day before the holiday, the working-day task is due in one working day; the calendar-day task is 8 days away', async () => {
    await runPlanReminders(env.services, { today: '2026-09-30' });
    const inbox = await inboxOf(district);
    const working = about(inbox.items, ids.working);
    expect(working).toHaveLength(1);
    expect(working[0]).toMatchObject({ kind: 'plan.reminder', title: '督办提醒：部署将于 2026-10-08 到期', readAt: null });
    expect(working[0]!.body).toContain('工作日时限的任务');
    expect(working[0]!.body).toContain('还有 1 个工作日');
    expect(about(inbox.items, ids.calendar)).toHaveLength(0);
    // The city above is not reminded of a district's deadline that has not passed.
    expect(about((await inboxOf(admin)).items, ids.working)).toHaveLength(0);
  });

  it('writes each reminder once: a second run the same day and a run the day before the due date add nothing for it; the calendar-day task is reminded on the 7th', async () => {
    await runPlanReminders(env.services, { today: '2026-09-30' });
    await runPlanReminders(env.services, { today: '2026-10-07' });
    const inbox = await inboxOf(district);
    expect(about(inbox.items, ids.working)).toHaveLength(1);
    const cal = about(inbox.items, ids.calendar);
    expect(cal).toHaveLength(1);
    expect(cal[0]!.body).toContain('还有 1 天');
  });
});

describe('overdue and escalation', () => {
  it('the day after, the owner is told it is overdue and the union above gets the escalation; the sibling district nobody', async () => {
    const r = await runPlanReminders(env.services, { today: '2026-10-09' });
    expect(r.escalations).toBeGreaterThanOrEqual(2);
    const mine = about((await inboxOf(district)).items, ids.working);
    expect(mine.map((n) => n.kind).sort()).toEqual(['plan.overdue', 'plan.reminder']);
    expect(mine.find((n) => n.kind === 'plan.overdue')!.title).toBe('督办：部署已逾期');
    const city = about((await inboxOf(admin)).items, ids.working);
    expect(city).toHaveLength(1);
    expect(city[0]).toMatchObject({ kind: 'plan.escalation' });
    expect(city[0]!.body).toContain('时限 2026-10-08 已过');
    const sibling = await q<{ n: number }>(sql`SELECT count(*)::int AS n FROM user_notification WHERE user_id = ${ids.d02User}`);
    expect(sibling[0]!.n).toBe(0);
    // A second run the same day: nothing new.
    const again = await runPlanReminders(env.services, { today: '2026-10-09' });
    const keyed = await q<{ n: number }>(sql`SELECT count(*)::int AS n FROM user_notification WHERE link = ${`/plans/tasks/${ids.working}`}`);
    await runPlanReminders(env.services, { today: '2026-10-09' });
    const after = await q<{ n: number }>(sql`SELECT count(*)::int AS n FROM user_notification WHERE link = ${`/plans/tasks/${ids.working}`}`);
    expect(after[0]!.n).toBe(keyed[0]!.n);
    expect(again.written).toBe(0);
  });

  it('a deployed task has no deployment deadline left: nothing more about it', async () => {
    const t = (await district.get(`/api/plan-tasks/${ids.calendar}`)).json();
    expect((await district.post(`/api/plan-tasks/${t.id}/deploy`, { note: '已部署', version: t.version })).statusCode).toBe(200);
    const before = about((await inboxOf(district)).items, ids.calendar).length;
    await runPlanReminders(env.services, { today: '2026-10-20' });
    expect(about((await inboxOf(district)).items, ids.calendar)).toHaveLength(before);
  });
});

describe('the inbox', () => {
  it('pages my messages, counts the unread, marks one and then all read', async () => {
    const all = await inboxOf(district);
    expect(all.unread).toBeGreaterThanOrEqual(3);
    expect((await district.get('/api/inbox/unread')).json()).toEqual({ unread: all.unread });
    const page = (await district.get('/api/inbox?pageSize=1&page=2')).json();
    expect(page).toMatchObject({ total: all.total, page: 2, pageSize: 1 });
    expect(page.items).toHaveLength(1);
    const first = all.items[0]!;
    const read = await district.post(`/api/inbox/${first.id}/read`);
    expect(read.statusCode, read.body).toBe(200);
    expect(read.json()).toEqual({ ok: true, unread: all.unread - 1 });
    const unreadOnly = await inboxOf(district, '&unread=true');
    expect(unreadOnly.items.map((n) => n.id)).not.toContain(first.id);
    expect((await district.post('/api/inbox/read-all')).json()).toMatchObject({ ok: true, updated: all.unread - 1, unread: 0 });
    expect((await district.get('/api/inbox/unread')).json()).toEqual({ unread: 0 });
  });

  it('nobody reads or marks another user’s message: a 404, and it stays unread', async () => {
    const theirs = about((await inboxOf(admin)).items, ids.working)[0]!;
    const res = await district.post(`/api/inbox/${theirs.id}/read`);
    expect(res.statusCode).toBe(404);
    expect(res.json().message).toContain('不存在');
    expect((await inboxOf(district)).items.map((n) => n.id)).not.toContain(theirs.id);
    expect(about((await inboxOf(admin)).items, ids.working)[0]!.readAt).toBeNull();
    expect((await district.post('/api/inbox/not-an-id/read')).statusCode).toBe(400);
    expect((await env.app.inject({ method: 'GET', url: '/api/inbox' })).statusCode).toBe(401);
  });

  it('the demo cadres find the demo city’s reminders and escalations in their inbox', async () => {
    const city = await q<{ kind: string }>(sql`SELECT DISTINCT n.kind FROM user_notification n JOIN app_user u ON u.id = n.user_id WHERE u.username = 'admin'`);
    expect(city.map((r) => r.kind)).toContain('plan.escalation');
  });
});
