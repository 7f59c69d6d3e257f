import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { sql } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { createTestEnv, type TestClient, type TestEnv } from '../test/harness.js';
import { demoOrgs, freshId, freshMobile, type DemoOrgs } from '../modules/member/join/fixtures.js';
import { trackDeadline } from './deadline-track.js';
import { hasDeadlineOwner } from './deadline-recompute.js';
import { declaredMachines } from '../../../common/src/workflow.js';

/**
 * Entering a year of the holiday calendar recounts every open deadline counted in working days (and
 * every period moved off a rest day), each change audited (docs/rules.md, "Deadlines"). The dates
 * below are worked out by hand on the 2027 calendar: 1 January 2027 is a Friday.
 */

let env: TestEnv;
let o: DemoOrgs;
let admin: TestClient;
let district: TestClient;

/** Every day from `a` to `b`. */
function days(a: string, b: string): string[] {
  const out: string[] = [];
  for (let t = Date.parse(`${a}T00:00:00Z`); t <= Date.parse(`${b}T00:00:00Z`); t += 86_400_000) out.push(new Date(t).toISOString().slice(0, 10));
  return out;
}

/** A 2027 arrangement as the State Council might publish it: 元旦 1–3 January, 春节 5–11 February (make-up Saturday 20 February), 清明 3–5 April, 劳动节 1–5 May, 端午 9 June, 中秋 15 September, 国庆 1–7 October (make-up Saturday 9 October). */
const Y2027 = {
  holidays: [
    ...days('2027-01-01', '2027-01-03'),
    ...days('2027-02-05', '2027-02-11'),
    ...days('2027-04-03', '2027-04-05'),
    ...days('2027-05-01', '2027-05-05'),
    '2027-06-09',
    '2027-09-15',
    ...days('2027-10-01', '2027-10-07'),
  ],
  workdays: ['2027-02-20', '2027-10-09'],
};

const q = <T = Record<string, unknown>>(s: ReturnType<typeof sql>) => env.services.database.query<T>(s);
let ip = 0;
const pub = (url: string, payload: object) => env.app.inject({ method: 'POST', url, payload, remoteAddress: `10.9.0.${++ip}` });

async function apply(): Promise<{ id: string; dueOn: string; provisional: boolean }> {
  const res = await pub('/api/join/applications', {
    orgId: o.g1.id,
    employerName: '江城宏达物流有限公司',
    viaTerritorial: false,
    fields: { name: '李冬梅', idNumber: freshId('F', '19920304'), mobile: freshMobile(), employmentForm: '快递员', ethnicity: '汉' },
    consent: { version: '2026-01', agreed: true },
  });
  expect(res.statusCode, res.body).toBe(201);
  const [row] = await q<{ id: string }>(sql`SELECT id FROM join_application WHERE app_no = ${res.json().appNo}`);
  return { id: row!.id, dueOn: res.json().dueOn, provisional: res.json().provisional };
}

const recomputed = (entityId: string) =>
  q<{ from: string; to: string; actor: string }>(
    sql`SELECT changes->'dueOn'->>'from' AS from, changes->'dueOn'->>'to' AS to, actor_name AS actor FROM audit_log WHERE action = 'deadline.recomputed' AND entity_id = ${entityId} ORDER BY seq`,
  );

let applied: { id: string; dueOn: string; provisional: boolean };
let savedEarlier: { id: string };
let warningId: string;
let fileId: string;

beforeAll(async () => {
  // Friday 18 December 2026, in China.
  vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-12-18T02:00:00Z') });
  env = await createTestEnv();
  o = await demoOrgs(env);
  [admin, district] = await Promise.all([env.login('admin'), env.login('district')]);
  applied = await apply();
  // An application saved before the statutory holidays were known: counted Monday to Friday only.
  savedEarlier = await apply();
  await q(sql`UPDATE join_application SET due_on = '2027-01-08' WHERE id = ${savedEarlier.id}`);
  // A warning raised on Friday 29 January 2027, to be answered in 10 working days: 1–4, 9–12, 15 and 16
  // February on the statutory holidays alone (5 and 8 February are 春节).
  const [file] = await q<{ id: string; org_id: string }>(sql`SELECT id, org_id FROM hardship_file WHERE org_id = ${o.g1.id} ORDER BY id LIMIT 1`);
  const [anyFile] = file ? [file] : await q<{ id: string; org_id: string }>(sql`SELECT id, org_id FROM hardship_file ORDER BY id LIMIT 1`);
  fileId = anyFile!.id;
  warningId = uuidv7();
  await q(sql`INSERT INTO hardship_warning (id, dedup_key, rule, level, file_id, org_id, explanation, figures, raised_on, due_on)
    VALUES (${warningId}, ${'test:' + warningId}, 'income_drop', 'orange', ${fileId}, ${anyFile!.org_id}, '收入骤降', '{}'::jsonb, '2027-01-29', '2027-02-16')`);
  // A period of 15 calendar days a workflow step started on Sunday 24 January 2027: it ends on Monday
  // 8 February, 春节 by law, so it moves to Tuesday 9 February.
  await trackDeadline(env.services.db, {
    entity: 'hardship_file',
    entityId: fileId,
    field: 'nextReviewDue',
    startOn: '2027-01-24',
    rule: { n: 15, unit: 'calendar_days' },
    due: '2027-02-09',
    provisional: true,
  });
  await q(sql`UPDATE hardship_file SET next_review_due = '2027-02-09' WHERE id = ${fileId}`);
});
afterAll(async () => {
  vi.useRealTimers();
  await env?.close();
});

describe('an application of 18 December 2026 before 2027 is entered', () => {
  it('is due on Monday 11 January 2027 — 21–25 and 28–31 December, 4–8 and 11 January, 1 January being 元旦 — and says the date is provisional', async () => {
    // The applicant is told so too.
    expect(applied).toMatchObject({ dueOn: '2027-01-11', provisional: true });
    const detail = (await district.get(`/api/join/applications/${applied.id}`)).json();
    expect(detail).toMatchObject({ dueOn: '2027-01-11', provisional: true, workingDaysLeft: 15 });
    const listed = (await district.get('/api/join/applications?status=pending&pageSize=200')).json().items.find((a: { id: string }) => a.id === applied.id);
    expect(listed).toMatchObject({ dueOn: '2027-01-11', provisional: true });
    const w = (await admin.get(`/api/hardship/warnings?pageSize=200&fileId=${fileId}`)).json().items.find((x: { id: string }) => x.id === warningId);
    expect(w).toMatchObject({ dueOn: '2027-02-16', provisional: true });
  });
});

describe('entering 2027', () => {
  let res: Awaited<ReturnType<TestClient['put']>>;
  beforeAll(async () => {
    res = await admin.put('/api/settings/calendar/years/2027', Y2027);
  });

  it('saves the year and says how many open deadlines it counted again', () => {
    expect(res.statusCode, res.body).toBe(200);
    const out = res.json();
    expect(out.year).toMatchObject({ year: 2027, source: 'override', provisional: false, workdays: ['2027-02-20', '2027-10-09'] });
    expect(out.year.holidays).toEqual(Y2027.holidays);
    const byEntity = Object.fromEntries(out.recomputed.map((r: { entity: string; changed: number }) => [r.entity, r.changed]));
    expect(byEntity.join_application).toBeGreaterThanOrEqual(1);
    expect(byEntity.hardship_warning).toBeGreaterThanOrEqual(1);
    expect(byEntity.hardship_file).toBe(1);
  });

  it('keeps 11 January for the application counted on the statutory holidays, no longer provisional, and changes nothing it need not audit', async () => {
    const detail = (await district.get(`/api/join/applications/${applied.id}`)).json();
    expect(detail).toMatchObject({ dueOn: '2027-01-11', provisional: false });
    expect(await recomputed(applied.id)).toEqual([]);
  });

  it('moves the application saved on weekdays only from 8 to 11 January, audited as the administrator', async () => {
    const detail = (await district.get(`/api/join/applications/${savedEarlier.id}`)).json();
    expect(detail).toMatchObject({ dueOn: '2027-01-11', provisional: false });
    expect(await recomputed(savedEarlier.id)).toEqual([{ from: '2027-01-08', to: '2027-01-11', actor: 'admin' }]);
  });

  it('moves the warning from 16 to 19 February: 春节 is 5–11 February, so 1–4, 12, 15–19 February are its 10 working days', async () => {
    const w = (await admin.get(`/api/hardship/warnings?pageSize=200&fileId=${fileId}`)).json().items.find((x: { id: string }) => x.id === warningId);
    expect(w).toMatchObject({ dueOn: '2027-02-19', provisional: false });
    expect(await recomputed(warningId)).toEqual([{ from: '2027-02-16', to: '2027-02-19', actor: 'admin' }]);
  });

  it('moves a workflow period off the holidays to Friday 12 February, on the record itself and in the tracked deadline', async () => {
    const [file] = await q<{ due: string }>(sql`SELECT next_review_due::text AS due FROM hardship_file WHERE id = ${fileId}`);
    expect(file!.due).toBe('2027-02-12');
    const [tracked] = await q<{ due: string; provisional: boolean }>(
      sql`SELECT due_on::text AS due, provisional FROM tracked_deadline WHERE entity = 'hardship_file' AND entity_id = ${fileId}`,
    );
    expect(tracked).toEqual({ due: '2027-02-12', provisional: false });
    const [entry] = await q<{ org_id: string; from: string; to: string }>(
      sql`SELECT org_id, changes->'dueOn'->>'from' AS from, changes->'dueOn'->>'to' AS to FROM audit_log WHERE action = 'deadline.recomputed' AND entity = 'hardship_file' AND entity_id = ${fileId}`,
    );
    const [owner] = await q<{ org_id: string }>(sql`SELECT org_id FROM hardship_file WHERE id = ${fileId}`);
    expect(entry).toEqual({ org_id: owner!.org_id, from: '2027-02-09', to: '2027-02-12' });
  });

  it('a correction (4 January made a bridging day off) moves the application again to 12 January', async () => {
    const corrected = await admin.put('/api/settings/calendar/years/2027', { ...Y2027, holidays: [...Y2027.holidays, '2027-01-04'] });
    expect(corrected.statusCode, corrected.body).toBe(200);
    // 4 January off: 5–8 January are the 10th–13th working days, 11 January the 14th, 12 January the 15th.
    for (const id of [applied.id, savedEarlier.id])
      expect((await district.get(`/api/join/applications/${id}`)).json()).toMatchObject({ dueOn: '2027-01-12', provisional: false });
    expect(await recomputed(applied.id)).toEqual([{ from: '2027-01-11', to: '2027-01-12', actor: 'admin' }]);
    // The warning's February is unchanged.
    expect(await recomputed(warningId)).toHaveLength(1);
  });
});

describe('modules on the workflow helper', () => {
  it('register where their recomputed dates go: every machine of the app whose steps start a deadline', () => {
    const starting = declaredMachines()
      .filter((m) => Object.values(m.transitions).some((t) => t.starts))
      .map((m) => m.entity);
    expect(starting).toContain('hardship_file');
    expect(
      starting.filter((e) => !hasDeadlineOwner(e)),
      'register the table with registerDeadlineOwner in a <domain>.deadlines.ts imported from modules/index.ts',
    ).toEqual([]);
  });

  it('every entity with open tracked deadlines has its owner registered', async () => {
    const entities = await q<{ entity: string }>(sql`SELECT DISTINCT entity FROM tracked_deadline WHERE closed_at IS NULL`);
    expect(entities.length).toBeGreaterThan(0);
    for (const { entity } of entities) expect(hasDeadlineOwner(entity), entity).toBe(true);
  });
});
