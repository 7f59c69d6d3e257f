import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestEnv, type TestClient, type TestEnv } from '../../../test/harness.js';
import { addMember, demoOrgs, freshId, freshMobile, userAt, type DemoOrgs } from './fixtures.js';
import { joinApplicationSummary } from './join.review.js';
import { SlidingWindowLimiter } from './rate-limit.js';
import { todayInChina } from '../../../../../common/src/dates.js';
import { maskOrgName } from '../../../../../common/src/org.js';

let env: TestEnv;
let o: DemoOrgs;
let admin: TestClient;
let district: TestClient; // federation admin of D01 (subtree scope)
let chair: TestClient; // chair of the grassroots union o.g1 in D01 (own scope)
let d02: TestClient; // federation admin of D02

beforeAll(async () => {
  env = await createTestEnv();
  o = await demoOrgs(env);
  [admin, district, chair] = await Promise.all([env.login('admin'), env.login('district'), env.login('grassroots')]);
  d02 = await userAt(env, 'd02admin', o.d02.id, 'federation_admin');
});
afterAll(async () => {
  await env?.close();
});

const q = <T = Record<string, unknown>>(s: ReturnType<typeof sql>) => env.services.database.query<T>(s);

let ipSeq = 0;
/** Public calls from a fresh client address each time, so the per-IP limits stay out of the way unless a test wants them. */
function pub(method: 'GET' | 'POST', url: string, payload?: object, ip = `10.1.${Math.floor(++ipSeq / 250)}.${ipSeq % 250}`) {
  return env.app.inject({ method, url, remoteAddress: ip, ...(payload ? { payload } : {}) });
}

function application(orgId: string, idNumber: string, extra: Record<string, unknown> = {}) {
  return {
    orgId,
    employerName: '江城宏达物流有限公司',
    viaTerritorial: false,
    fields: { name: '王小燕', idNumber, mobile: freshMobile(), employmentForm: '快递员', ethnicity: '汉' },
    consent: { version: '2026-01', agreed: true },
    ...extra,
  };
}

async function apply(orgId: string, idNumber: string, extra: Record<string, unknown> = {}) {
  const res = await pub('POST', '/api/join/applications', application(orgId, idNumber, extra));
  if (res.statusCode !== 201) throw new Error(`apply: ${res.statusCode} ${res.body}`);
  const [row] = await q<{ id: string }>(sql`SELECT id FROM join_application WHERE app_no = ${res.json().appNo}`);
  return { ...(res.json() as { appNo: string; dueOn: string }), id: row!.id };
}

describe('finding the union (public)', () => {
  it('finds an active grassroots union by part of its name and by exact credit code', async () => {
    const part = [...o.g1.name].slice(0, 4).join('');
    const byName = await pub('GET', `/api/join/unions?q=${encodeURIComponent(part)}`);
    expect(byName.statusCode).toBe(200);
    expect(byName.json().map((u: { id: string }) => u.id)).toContain(o.g1.id);
    expect(byName.json().length).toBeLessThanOrEqual(20);
    const byCode = await pub('GET', `/api/join/unions?q=${o.g1b.uscc!.toLowerCase()}`);
    expect(byCode.json()[0]).toMatchObject({ id: o.g1b.id, name: o.g1b.name, level: 'grassroots' });
    expect(byCode.json()[0].districtName).toBe(o.d01.name);
    // Streets are not employers' unions; a 1-character query is refused.
    const street = await pub('GET', `/api/join/unions?q=${encodeURIComponent(o.street1.name)}`);
    expect(street.json().map((u: { id: string }) => u.id)).not.toContain(o.street1.id);
    expect((await pub('GET', `/api/join/unions?q=${encodeURIComponent('工')}`)).statusCode).toBe(400);
  });

  it('finds a platform’s union by its brand or the trade (美团, 外卖), marked as a platform so the form offers the new forms first', async () => {
    const spare = await q<{ id: string }>(
      sql`SELECT id FROM org WHERE level = 'grassroots' AND active AND path LIKE ${o.d02.path + '%'} AND id <> ${o.g2.id} ORDER BY code DESC LIMIT 2`,
    );
    const [station, franchise] = spare.map((r) => r.id) as [string, string];
    await q(sql`UPDATE org SET name = '江城恒泰外卖配送站工会委员会', employer_name = '江城恒泰外卖配送站' WHERE id = ${station}`);
    await q(sql`UPDATE org SET name = '江城众诚网络科技有限公司工会委员会', employer_name = '北京三快在线科技有限公司江城分公司' WHERE id = ${franchise}`);
    const find = async (text: string) => (await pub('GET', `/api/join/unions?q=${encodeURIComponent(text)}`)).json() as { id: string; platform: boolean }[];
    const meituan = await find('美团');
    expect(meituan.map((u) => u.id)).toEqual(expect.arrayContaining([station, franchise]));
    expect(meituan.find((u) => u.id === station)!.platform).toBe(true);
    expect(meituan.map((u) => u.id)).not.toContain(o.g1.id);
    expect((await find('外卖')).map((u) => u.id)).toContain(station);
    expect((await find('美团外卖')).map((u) => u.id)).toContain(station);
    // An ordinary employer's union is not marked as a platform.
    const byCode = await find(o.g1b.uscc!);
    expect(byCode[0]).toMatchObject({ id: o.g1b.id, platform: false });
  });

  it('lists the areas served by name: the districts with their region codes, and their street/park unions (public)', async () => {
    const res = await pub('GET', '/api/join/areas');
    expect(res.statusCode).toBe(200);
    const areas = res.json() as { id: string; parentId: string | null; level: string; name: string; areaName: string; regionCode: string | null }[];
    const d01 = areas.find((a) => a.id === o.d01.id)!;
    expect(d01).toMatchObject({ level: 'county', name: o.d01.name, areaName: o.d01.name.replace(/总工会$/, '') });
    expect(d01.areaName).not.toContain('工会');
    expect(d01.regionCode).toMatch(/^\d{6}$/);
    const street = areas.find((a) => a.id === o.street1.id)!;
    expect(street).toMatchObject({ level: 'street', areaName: o.street1.name });
    // Every street hangs below an area of the list; no grassroots union is listed.
    const ids = new Set(areas.map((a) => a.id));
    for (const a of areas.filter((x) => x.level === 'street')) expect(ids.has(a.parentId!), a.name).toBe(true);
    expect(areas.some((a) => a.id === o.g1.id)).toBe(false);
  });

  it('finds territorial (street/park) unions by name', async () => {
    const res = await pub('GET', `/api/join/territorial?q=${encodeURIComponent([...o.street1.name].slice(0, 3).join(''))}`);
    expect(res.statusCode).toBe(200);
    const ids = res.json().map((u: { id: string }) => u.id);
    expect(ids).toContain(o.street1.id);
    const levels = await q<{ level: string }>(
      sql`SELECT DISTINCT level FROM org WHERE id IN (${sql.join(
        ids.map((i: string) => sql`${i}::uuid`),
        sql`, `,
      )})`,
    );
    expect(levels.map((l) => l.level)).toEqual(['street']);
  });
});

describe('applying (public)', () => {
  describe('the answer is due 15 working days after submission, on the official calendar (hand-counted)', () => {
    afterEach(() => {
      vi.useRealTimers();
    });
    // Each expected date is counted by hand on the State Council's holiday notices, make-up days included.
    it.each([
      // Thu 2025-09-25: 9-26, 9-28 (Sunday make-up), 9-29, 9-30, National Day 10-1…10-8 off, 10-9, 10-10,
      // 10-11 (Saturday make-up), 10-13…10-17, 10-20, 10-21, 10-22 = 15.
      ['2025-09-25', '2025-10-22'],
      // Tue 2026-02-10: 2-11, 2-12, 2-13, 2-14 (Saturday make-up), Spring Festival 2-15…2-23 off, 2-24…2-27,
      // 2-28 (Saturday make-up), 3-2…3-6, 3-9 = 15.
      ['2026-02-10', '2026-03-09'],
      // Fri 2026-09-18: 9-20 (Sunday make-up), 9-21…9-24, Mid-Autumn 9-25…9-27 off, 9-28…9-30, National Day
      // 10-1…10-7 off, 10-8, 10-9, 10-10 (Saturday make-up), 10-12…10-15 = 15.
      ['2026-09-18', '2026-10-15'],
      // Fri 2026-12-04: 12-7…12-11, 12-14…12-18, 12-21…12-25 = 15 (an ordinary stretch of weeks).
      ['2026-12-04', '2026-12-25'],
    ])('submitted on %s: due on %s', async (submitted, due) => {
      vi.useFakeTimers({ toFake: ['Date'] });
      vi.setSystemTime(new Date(`${submitted}T10:00:00+08:00`));
      const res = await pub('POST', '/api/join/applications', application(o.g1.id, freshId('M', '19900101')));
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json()).toMatchObject({ submittedOn: submitted, dueOn: due });
      const [row] = await q<{ due_on: string }>(sql`SELECT due_on::text FROM join_application WHERE app_no = ${res.json().appNo}`);
      expect(row!.due_on).toBe(due);
    });
  });

  it('stores the application encrypted, pending, due in 15 working days on the official calendar', async () => {
    const idNumber = freshId('F', '19950615');
    const body = application(o.g1.id, idNumber);
    const res = await pub('POST', '/api/join/applications', body);
    expect(res.statusCode).toBe(201);
    const out = res.json();
    const today = todayInChina();
    expect(out.appNo).toMatch(new RegExp(`^RH${today.replaceAll('-', '')}\\d{6}$`));
    expect(out).toMatchObject({ unionName: o.g1.name, submittedOn: today });
    const [row] = await q<Record<string, unknown>>(sql`SELECT * FROM join_application WHERE app_no = ${out.appNo}`);
    expect(row).toMatchObject({
      status: 'pending',
      org_id: o.g1.id,
      name: '王小燕',
      id_masked: idNumber.slice(0, 6) + '********' + idNumber.slice(-4),
      consent_version: '2026-01',
    });
    const stored = JSON.stringify(row);
    expect(stored).not.toContain(idNumber);
    expect(stored).not.toContain(body.fields.mobile);
    expect(row!.payload).toMatchObject({ sex: 'F', birthDate: '1995-06-15', ethnicity: '汉族', employmentForm: 'courier' });
    expect(Object.keys(row!.payload as object)).not.toContain('idNumber');
    expect(Object.keys(row!.payload as object)).not.toContain('mobile');
    const [audit] = await q<{ n: number }>(sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'join.apply' AND entity_id = ${row!.id as string}`);
    expect(audit!.n).toBe(1);
  });

  it('refuses an applicant under 16 (劳动法 Art. 15) and an age over 100 as a typing error, on the ID number, storing nothing', async () => {
    for (const [born, code] of [
      ['20150301', '未满16周岁'],
      ['19200301', '超过100岁'],
    ] as const) {
      const idNumber = freshId('M', born);
      const res = await pub('POST', '/api/join/applications', application(o.g1.id, idNumber));
      expect(res.statusCode, born).toBe(400);
      expect(res.json().details.fields).toEqual([expect.objectContaining({ path: 'body.fields.idNumber', message: expect.stringContaining(code) })]);
      const [n] = await q<{ n: number }>(
        sql`SELECT count(*)::int AS n FROM join_application WHERE id_masked = ${idNumber.slice(0, 6) + '********' + idNumber.slice(-4)}`,
      );
      expect(n!.n).toBe(0);
    }
  });

  it('has no default employment form: left out or 未填, the application is refused on that field', async () => {
    for (const employmentForm of [undefined, '', 'unknown']) {
      const body = application(o.g1.id, freshId());
      const res = await pub('POST', '/api/join/applications', { ...body, fields: { ...body.fields, employmentForm } });
      expect(res.statusCode, String(employmentForm)).toBe(400);
      expect(res.json().details.fields).toEqual([
        expect.objectContaining({ path: 'body.fields.employmentForm', message: expect.stringContaining('请选择用工形式') }),
      ]);
    }
  });

  it('refuses a second pending application for the same ID, giving only the due date', async () => {
    const idNumber = freshId();
    const first = await apply(o.g1.id, idNumber);
    const again = await pub('POST', '/api/join/applications', application(o.g2.id, idNumber));
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'JOIN_PENDING_EXISTS', details: { dueOn: first.dueOn } });
    expect(again.body).not.toContain(first.appNo);
  });

  it('lets only one of two simultaneous submissions for the same person through', async () => {
    const idNumber = freshId();
    const res = await Promise.all([0, 1, 2].map(() => pub('POST', '/api/join/applications', application(o.g1.id, idNumber))));
    expect(res.map((r) => r.statusCode).sort()).toEqual([201, 409, 409]);
    expect(res.filter((r) => r.statusCode === 409).every((r) => r.json().code === 'JOIN_PENDING_EXISTS')).toBe(true);
  });

  it('refuses someone who is a member anywhere, naming the holding union masked', async () => {
    const idNumber = freshId();
    await addMember(admin, o.g2.id, idNumber);
    const res = await pub('POST', '/api/join/applications', application(o.g1.id, idNumber));
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('MEMBER_HELD_ELSEWHERE');
    expect(res.json().message).toContain(maskOrgName(o.g2.name));
    expect(res.body).not.toContain(o.g2.name);
  });

  it('checks consent, mobile, the union and the territorial choice', async () => {
    const bad = async (body: object) => (await pub('POST', '/api/join/applications', body)).statusCode;
    expect(await bad(application(o.g1.id, freshId(), { consent: { version: '2020-01', agreed: true } }))).toBe(400);
    expect(await bad(application(o.g1.id, freshId(), { consent: { version: '2026-01', agreed: false } }))).toBe(400);
    expect(await bad({ ...application(o.g1.id, freshId()), fields: { name: '王小燕', idNumber: freshId() } })).toBe(400); // no mobile
    expect(await bad(application(o.g1.id, freshId(), { viaTerritorial: true }))).toBe(400); // a grassroots union is not territorial
    expect(await bad(application(o.street1.id, freshId()))).toBe(400);
    expect(await bad(application(o.d01.id, freshId()))).toBe(400); // a federation takes no members
    expect(await bad(application(o.g1.id, '439910199001010000'))).toBe(400); // bad checksum
    expect(await bad(application(o.g1.id, freshId(), { employerUscc: o.g1b.uscc!.slice(0, 17) + (o.g1b.uscc!.endsWith('0') ? '1' : '0') }))).toBe(400);
    const territorial = await pub(
      'POST',
      '/api/join/applications',
      application(o.street1.id, freshId(), { viaTerritorial: true, employerUscc: ` ${o.g1b.uscc!.toLowerCase()} ` }),
    );
    expect(territorial.statusCode).toBe(201);
    const [row] = await q<{ employer_uscc: string; via_territorial: boolean }>(
      sql`SELECT employer_uscc, via_territorial FROM join_application WHERE app_no = ${territorial.json().appNo}`,
    );
    expect(row).toEqual({ employer_uscc: o.g1b.uscc, via_territorial: true });
  });

  it('counts applications per ID per day, and attempts per IP', async () => {
    const idNumber = freshId();
    for (let i = 0; i < 5; i++) {
      const a = await apply(o.g1.id, idNumber);
      expect((await admin.post(`/api/join/applications/${a.id}/reject`, { reason: '测试驳回' })).statusCode).toBe(200);
    }
    const sixth = await pub('POST', '/api/join/applications', application(o.g1.id, idNumber));
    expect(sixth.statusCode).toBe(429);
    expect(sixth.json().code).toBe('RATE_LIMITED');
    // Per IP: every attempt counts, malformed ones too.
    const codes: number[] = [];
    for (let i = 0; i < 21; i++) codes.push((await pub('POST', '/api/join/applications', { junk: true }, '10.200.0.1')).statusCode);
    expect(codes.slice(0, 20).every((c) => c === 400)).toBe(true);
    expect(codes[20]).toBe(429);
  });

  it('the in-memory limiter slides its window and forgets old keys', () => {
    let now = 0;
    const l = new SlidingWindowLimiter({ b: { limit: 2, windowMs: 1000 } }, 3, () => now);
    expect([l.hit('b', 'x'), l.hit('b', 'x'), l.hit('b', 'x')]).toEqual([true, true, false]);
    now = 1001;
    expect(l.hit('b', 'x')).toBe(true);
    for (const k of ['a', 'c', 'd', 'e']) l.hit('b', k);
    expect(l.size).toBeLessThanOrEqual(3);
  });
});

describe('looking up the outcome (public)', () => {
  it('answers only when both the application number and the ID number match, with one message otherwise', async () => {
    const idNumber = freshId();
    const a = await apply(o.g1.id, idNumber);
    const ok = await pub('GET', `/api/join/applications/status?appNo=${a.appNo}&idNumber=${idNumber.toLowerCase()}`);
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ appNo: a.appNo, status: 'pending', unionName: o.g1.name, dueOn: a.dueOn, decidedAt: null, cardNo: null });
    const wrongId = await pub('GET', `/api/join/applications/status?appNo=${a.appNo}&idNumber=${freshId()}`);
    const wrongNo = await pub('GET', `/api/join/applications/status?appNo=RH20000101000000&idNumber=${idNumber}`);
    const junkId = await pub('GET', `/api/join/applications/status?appNo=${a.appNo}&idNumber=12345`);
    for (const r of [wrongId, wrongNo, junkId]) {
      expect(r.statusCode).toBe(404);
      expect(r.body).toBe(wrongNo.body);
    }
  });
});

describe('reviewing (join.review, scoped)', () => {
  it('lists applications in scope only; the summary counts pending, overdue and due soon', async () => {
    const mine = await apply(o.g1.id, freshId());
    const other = await apply(o.g2.id, freshId());
    const ids = async (c: TestClient, url = '/api/join/applications?status=pending&pageSize=200') =>
      (await c.get(url)).json().items.map((i: { id: string }) => i.id);
    expect(await ids(chair)).toContain(mine.id);
    expect(await ids(chair)).not.toContain(other.id);
    expect(await ids(district)).toContain(mine.id);
    expect(await ids(district)).not.toContain(other.id);
    expect(await ids(d02)).toContain(other.id);
    expect(await ids(d02)).not.toContain(mine.id);
    expect(await ids(admin)).toEqual(expect.arrayContaining([mine.id, other.id]));
    const item = (await chair.get('/api/join/applications?q=王小&pageSize=200')).json().items.find((i: { id: string }) => i.id === mine.id);
    expect(item).toMatchObject({ overdue: false, workingDaysLeft: 15, orgName: o.g1.name, name: '王小燕' });
    expect(item.idMasked).toMatch(/^\d{6}\*{8}[\dX]{4}$/);
    // The summary of D01 counts exactly the pending applications of the D01 subtree.
    const [expected] = await q<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM join_application a JOIN org g ON g.id = a.org_id WHERE a.status = 'pending' AND g.path LIKE ${o.d01.path + '%'}`,
    );
    const summary = (await district.get('/api/join/applications/summary')).json();
    expect(summary.pending).toBe(expected!.n);
  });

  it('flags an overdue application to its union and to the district above', async () => {
    const a = await apply(o.g1.id, freshId());
    await q(sql`UPDATE join_application SET submitted_on = '2026-01-05', due_on = '2026-01-26' WHERE id = ${a.id}`);
    for (const c of [chair, district]) {
      const list = (await c.get('/api/join/applications?overdue=true&pageSize=200')).json();
      const item = list.items.find((i: { id: string }) => i.id === a.id);
      expect(item).toMatchObject({ overdue: true, status: 'pending' });
      expect(item.workingDaysLeft).toBeLessThan(0);
      expect(list.items.every((i: { overdue: boolean }) => i.overdue)).toBe(true);
    }
    const chairSummary = (await chair.get('/api/join/applications/summary')).json();
    const districtSummary = (await district.get('/api/join/applications/summary')).json();
    expect(chairSummary.overdue).toBeGreaterThanOrEqual(1);
    expect(chairSummary.overdueBelow).toBe(0); // its own union's
    expect(districtSummary.overdueBelow).toBeGreaterThanOrEqual(1); // a subordinate union missed the deadline
    const [d02Overdue] = await q<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM join_application a JOIN org g ON g.id = a.org_id WHERE a.status = 'pending' AND a.due_on < ${todayInChina()} AND g.path LIKE ${o.d02.path + '%'}`,
    );
    expect((await d02.get('/api/join/applications/summary')).json().overdue).toBe(d02Overdue!.n);
  });

  it('approves: creates the member with a card and a joined event, once', async () => {
    const idNumber = freshId('F', '19880808');
    const a = await apply(o.g1.id, idNumber);
    const detail = await chair.get(`/api/join/applications/${a.id}`);
    expect(detail.statusCode).toBe(200);
    expect(detail.json()).toMatchObject({ status: 'pending', sex: 'F', birthDate: '1988-08-08', employmentForm: 'courier', memberId: null });
    expect(detail.body).not.toContain(idNumber);
    const res = await chair.post(`/api/join/applications/${a.id}/approve`, {});
    expect(res.statusCode).toBe(200);
    const { memberId, cardNo } = res.json();
    expect(cardNo).toMatch(/^GH\d{10}$/);
    const m = (await chair.get(`/api/members/${memberId}`)).json();
    expect(m).toMatchObject({
      orgId: o.g1.id,
      status: 'active',
      cardNo,
      joinDate: todayInChina(),
      consentVersion: '2026-01',
      consentMethod: 'online',
      employerName: '江城宏达物流有限公司',
    });
    expect(m.events.map((e: { kind: string }) => e.kind)).toEqual(['joined']);
    const [ev] = await q<{ ref_id: string }>(sql`SELECT ref_id FROM membership_event WHERE member_id = ${memberId}`);
    expect(ev!.ref_id).toBe(a.id);
    const unmasked = (await admin.post(`/api/members/${memberId}/unmask`)).json();
    expect(unmasked.idNumber).toBe(idNumber);
    const status = (await pub('GET', `/api/join/applications/status?appNo=${a.appNo}&idNumber=${idNumber}`)).json();
    expect(status).toMatchObject({ status: 'approved', cardNo });
    expect(status.decidedAt).not.toBeNull();
    expect((await chair.post(`/api/join/applications/${a.id}/approve`, {})).json().code).toBe('JOIN_NOT_PENDING');
    expect((await chair.post(`/api/join/applications/${a.id}/reject`, { reason: '重复处理' })).statusCode).toBe(409);
    const audits = await q<{ action: string }>(sql`SELECT action FROM audit_log WHERE entity_id = ${a.id} OR entity_id = ${memberId} ORDER BY seq`);
    expect(audits.map((x) => x.action)).toEqual(['join.apply', 'member.create', 'join.approve', 'member.unmask']);
    // The application's history: its own audit entries, newest first, for the union in scope only.
    const history = await chair.get(`/api/join/applications/${a.id}/history`);
    expect(history.statusCode).toBe(200);
    expect(history.json().map((e: { action: string }) => e.action)).toEqual(['join.approve', 'join.apply']);
    expect((await d02.get(`/api/join/applications/${a.id}/history`)).statusCode).toBe(404);
  });

  it('rejects with a reason the applicant can read', async () => {
    const idNumber = freshId();
    const a = await apply(o.g1.id, idNumber);
    expect((await chair.post(`/api/join/applications/${a.id}/reject`, { reason: '否' })).statusCode).toBe(400);
    expect((await chair.post(`/api/join/applications/${a.id}/reject`, {})).statusCode).toBe(400);
    const res = await chair.post(`/api/join/applications/${a.id}/reject`, { reason: '经核实不在本单位工作，请向工作地工会申请' });
    expect(res.statusCode).toBe(200);
    const status = (await pub('GET', `/api/join/applications/status?appNo=${a.appNo}&idNumber=${idNumber}`)).json();
    expect(status).toMatchObject({ status: 'rejected', rejectReason: '经核实不在本单位工作，请向工作地工会申请', cardNo: null });
    const [audit] = await q<{ detail: string }>(sql`SELECT detail FROM audit_log WHERE action = 'join.reject' AND entity_id = ${a.id}`);
    expect(audit!.detail).toContain('经核实');
  });

  it('refuses to approve someone who meanwhile became a member elsewhere; the application stays pending', async () => {
    const idNumber = freshId();
    const a = await apply(o.g1.id, idNumber);
    await addMember(admin, o.g2.id, idNumber);
    const res = await chair.post(`/api/join/applications/${a.id}/approve`, {});
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('MEMBER_HELD_ELSEWHERE');
    expect(res.json().message).toContain(maskOrgName(o.g2.name)); // outside the chair's scope
    const [row] = await q<{ status: string; member_id: string | null }>(sql`SELECT status, member_id FROM join_application WHERE id = ${a.id}`);
    expect(row).toEqual({ status: 'pending', member_id: null });
  });

  it('a district user cannot see or decide applications of another district (404), nor count them', async () => {
    const a = await apply(o.g2.id, freshId());
    for (const r of [
      await district.get(`/api/join/applications/${a.id}`),
      await district.post(`/api/join/applications/${a.id}/approve`, {}),
      await district.post(`/api/join/applications/${a.id}/reject`, { reason: '越权驳回' }),
      await chair.get(`/api/join/applications/${a.id}`),
    ]) {
      expect(r.statusCode).toBe(404);
    }
    const all = (await district.get('/api/join/applications?pageSize=200')).json();
    expect(all.items.map((i: { id: string }) => i.id)).not.toContain(a.id);
    const inD01 = new Set((await q<{ id: string }>(sql`SELECT id FROM org WHERE path LIKE ${o.d01.path + '%'}`)).map((r) => r.id));
    expect(all.items.every((i: { orgId: string }) => inD01.has(i.orgId))).toBe(true);
    const [row] = await q<{ status: string }>(sql`SELECT status FROM join_application WHERE id = ${a.id}`);
    expect(row!.status).toBe('pending');
    // The D02 admin can.
    expect((await d02.post(`/api/join/applications/${a.id}/approve`, {})).statusCode).toBe(200);
  });

  it('joinApplicationSummary(ctx) is the figure the dashboard shows', async () => {
    const s = env.services;
    const all = await joinApplicationSummary({ ...s, ip: '127.0.0.1', actor: { orgId: o.d01.id, scope: { all: true } } as never });
    const [n] = await q<{ n: number }>(sql`SELECT count(*)::int AS n FROM join_application WHERE status = 'pending'`);
    expect(all.pending).toBe(n!.n);
    expect(all.overdue).toBeGreaterThanOrEqual(1);
  });
});
