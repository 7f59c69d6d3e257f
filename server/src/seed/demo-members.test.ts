import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestEnv, TEST_DEMO_MEMBERS, type TestEnv } from '../test/harness.js';
import { generateDemoCity, DEMO_REFERENCE_DATE } from './demo-city.js';
import { allocateMembers, generateDemoApplications, generateDemoMembers } from './demo-member-gen.js';
import { seedDemoMembers } from './demo-members.js';
import { CITY_AREA_CODES, idNumberFactory } from './demo-people.js';
import { createRng } from './prng.js';
import { parseIdNumber } from '../../../common/src/id-number.js';
import { normaliseMobile } from '../../../common/src/mobile.js';
import { deriveMemberStatus, EMPLOYMENT_FORMS, type MembershipEventKind } from '../../../common/src/member-vocab.js';

const orgs = generateDemoCity();
const orgById = new Map(orgs.map((o) => [o.id, o]));
const FORMS = new Set<string>(EMPLOYMENT_FORMS);
const take = <T>(it: Iterable<T>, n: number): T[] => {
  const out: T[] = [];
  for (const x of it) {
    out.push(x);
    if (out.length >= n) break;
  }
  return out;
};

describe('demo members (pure)', () => {
  const N = 20_000;
  const members = [...generateDemoMembers(orgs, { members: N })];

  it('is deterministic: two runs give the same people, ID numbers and ids', () => {
    const again = take(generateDemoMembers(orgs, { members: N }), 200);
    expect(again.map((m) => m.person.idNumber)).toEqual(members.slice(0, 200).map((m) => m.person.idNumber));
    expect(again.map((m) => m.id)).toEqual(members.slice(0, 200).map((m) => m.id));
    const other = take(generateDemoMembers(orgs, { members: N, seed: 7 }), 5);
    expect(other.map((m) => m.person.idNumber)).not.toEqual(members.slice(0, 5).map((m) => m.person.idNumber));
  });

  it('has exactly the requested number, unique valid ID numbers, card numbers and ids', () => {
    expect(members).toHaveLength(N);
    expect(new Set(members.map((m) => m.person.idNumber)).size).toBe(N);
    expect(new Set(members.map((m) => m.cardNo)).size).toBe(N);
    expect(new Set(members.map((m) => m.id)).size).toBe(N);
    expect(members.map((m) => m.id)).toEqual([...members.map((m) => m.id)].sort()); // UUID v7, in insertion order
    const bad: string[] = [];
    for (const m of members) {
      const p = m.person;
      const id = parseIdNumber(p.idNumber, DEMO_REFERENCE_DATE);
      const ok =
        id.ok &&
        id.birthDate === p.birthDate &&
        id.sex === p.sex &&
        p.birthDate >= '1960-01-01' &&
        p.birthDate <= '2006-12-31' &&
        p.joinDate >= '2000-01-01' &&
        p.joinDate <= DEMO_REFERENCE_DATE &&
        p.joinDate > p.birthDate &&
        (p.mobile === null || normaliseMobile(p.mobile).ok) &&
        FORMS.has(p.employmentForm);
      if (!ok) bad.push(JSON.stringify(p));
    }
    expect(bad).toEqual([]);
  });

  it('takes area codes from the union’s district, and from elsewhere for migrant workers', () => {
    const local = members.filter((m) => !m.person.migrantWorker && m.person.idNumber.startsWith(orgById.get(m.orgId)!.regionCode!));
    expect(local.length / members.length).toBeGreaterThan(0.6);
    const migrants = members.filter((m) => m.person.migrantWorker);
    expect(migrants.length / N).toBeGreaterThan(0.08);
    expect(migrants.every((m) => !CITY_AREA_CODES.includes(m.person.idNumber.slice(0, 6)))).toBe(true);
  });

  it('has a realistic mix: ~80% standard employees, gig workers concentrated in joint and street unions, mostly active', () => {
    const gig = members.filter((m) => m.person.employmentForm !== 'standard');
    expect(gig.length / N).toBeGreaterThan(0.12);
    expect(gig.length / N).toBeLessThan(0.3);
    const kindOf = (m: (typeof members)[number]) => orgById.get(m.orgId)!;
    const gigShare = (pred: (o: ReturnType<typeof kindOf>) => boolean) => {
      const xs = members.filter((m) => pred(kindOf(m)));
      return xs.filter((m) => m.person.employmentForm !== 'standard').length / xs.length;
    };
    expect(gigShare((o) => o.level === 'street')).toBeGreaterThan(0.7);
    expect(gigShare((o) => o.kind === 'joint')).toBeGreaterThan(0.3);
    expect(gigShare((o) => o.kind === 'enterprise')).toBeLessThan(0.1);
    expect(members.filter((m) => m.person.ethnicity === '汉族').length / N).toBeGreaterThan(0.85);
    const share = (s: string) => members.filter((m) => m.status === s).length / N;
    expect(share('active')).toBeGreaterThan(0.9);
    expect(share('retained')).toBeGreaterThan(0.015);
    expect(share('retained')).toBeLessThan(0.05);
    expect(share('left')).toBeGreaterThan(0.01);
    expect(share('left')).toBeLessThan(0.03);
  });

  it('derives each status from its events', () => {
    const bad = members.filter((m) => {
      const status = deriveMemberStatus(
        m.events.map((e) => ({ kind: e.kind as MembershipEventKind, onDate: e.onDate })),
        m.transfer?.status === 'pending',
      );
      return status !== m.status || m.events[0]!.kind !== 'joined' || m.events.at(-1)!.orgId !== m.orgId;
    });
    expect(bad).toEqual([]);
  });

  it('allocates by employee count, leaves ~3% of grassroots unions empty and gives the street unions ~4%', () => {
    const counts = allocateMembers(createRng(1), orgs, 200_000);
    const total = [...counts.values()].reduce((a, b) => a + b, 0);
    expect(total).toBe(200_000);
    const grassroots = orgs.filter((o) => o.level === 'grassroots');
    const empty = grassroots.filter((o) => !counts.get(o.id)).length / grassroots.length;
    expect(empty).toBeGreaterThan(0.02);
    expect(empty).toBeLessThan(0.05);
    const street = orgs.filter((o) => o.level === 'street').reduce((a, o) => a + (counts.get(o.id) ?? 0), 0);
    expect(street / total).toBeCloseTo(0.04, 2);
  });

  it('has pending applications, some overdue, from people who are not members', () => {
    const nextId = idNumberFactory();
    const ms = [...generateDemoMembers(orgs, { members: 3000 }, nextId)];
    const apps = generateDemoApplications(orgs, { members: 3000 }, nextId);
    const memberIds = new Set(ms.map((m) => m.person.idNumber));
    expect(apps.length).toBeGreaterThanOrEqual(20);
    expect(apps.some((a) => memberIds.has(a.person.idNumber))).toBe(false);
    const overdue = apps.filter((a) => a.dueOn < DEMO_REFERENCE_DATE);
    expect(overdue.length).toBeGreaterThan(0);
    expect(overdue.length).toBeLessThan(apps.length / 4);
    expect(apps.every((a) => /^RH\d{14}$/.test(a.appNo) && a.person.mobile)).toBe(true);
  });
});

describe('demo members in the database', () => {
  let env: TestEnv;
  beforeAll(async () => {
    env = await createTestEnv();
  });
  afterAll(async () => {
    await env?.close();
  });
  const q = <T = Record<string, unknown>>(s: ReturnType<typeof sql>) => env.services.database.query<T>(s);

  it('stores the generated people, encrypted, with valid ID numbers and the blind indexes the search uses', async () => {
    const rows = await q<{ id_cipher: string; id_index: string; mobile_cipher: string | null; card_no: string; status: string }>(
      sql`SELECT id_cipher, id_index, mobile_cipher, card_no, status FROM member WHERE is_demo ORDER BY id`,
    );
    expect(rows).toHaveLength(TEST_DEMO_MEMBERS);
    const keys = env.services.keys;
    const ids = rows.map((r) => keys.decrypt(r.id_cipher));
    const gen = take(generateDemoMembers(orgs, { members: TEST_DEMO_MEMBERS, focus: [await chairOrg()] }), 50);
    expect(ids.slice(0, 50)).toEqual(gen.map((m) => m.person.idNumber));
    const bad = rows.filter(
      (r, i) =>
        !parseIdNumber(ids[i]!).ok || r.id_index !== keys.blindIndex(ids[i]!, 'id') || (r.mobile_cipher && !normaliseMobile(keys.decrypt(r.mobile_cipher)).ok),
    );
    expect(bad).toEqual([]);
    const search = await (await env.login('admin')).get(`/api/members?idNumber=${ids[7]}`);
    expect(search.json().items.map((m: { cardNo: string }) => m.cardNo)).toEqual([rows[7]!.card_no]);
  });

  async function chairOrg(): Promise<string> {
    return (await q<{ org_id: string }>(sql`SELECT org_id FROM app_user WHERE username = 'grassroots'`))[0]!.org_id;
  }

  it('keeps events, transfers, applications and the card sequence consistent', async () => {
    const [c] = await q<Record<string, number>>(sql`
      SELECT (SELECT count(*) FROM membership_event WHERE kind = 'joined')::int AS joined,
             (SELECT count(*) FROM member m WHERE m.status = 'transferring')::int AS transferring,
             (SELECT count(*) FROM transfer t JOIN member m ON m.id = t.member_id WHERE t.status = 'pending' AND m.status = 'transferring' AND m.org_id = t.from_org_id)::int AS pending_ok,
             (SELECT count(*) FROM transfer WHERE status = 'pending')::int AS pending,
             (SELECT count(*) FROM transfer t JOIN member m ON m.id = t.member_id WHERE t.status = 'completed' AND m.org_id = t.to_org_id)::int AS completed_ok,
             (SELECT count(*) FROM transfer WHERE status = 'completed')::int AS completed,
             (SELECT count(*) FROM join_application WHERE status = 'pending')::int AS apps,
             (SELECT count(*) FROM member WHERE org_id = (SELECT org_id FROM app_user WHERE username = 'grassroots'))::int AS chair_members`);
    expect(c).toMatchObject({ joined: TEST_DEMO_MEMBERS, pending_ok: c!.pending, completed_ok: c!.completed, transferring: c!.pending });
    expect(c!.pending).toBeGreaterThan(0);
    expect(c!.apps).toBeGreaterThanOrEqual(20);
    expect(c!.chair_members).toBeGreaterThanOrEqual(30);
    const [next] = await q<{ n: number }>(sql`SELECT nextval('member_card_seq')::int AS n`);
    expect(next!.n).toBe(TEST_DEMO_MEMBERS + 1);
    // The indexes dropped for the bulk load are back.
    const idx = await q<{ indexname: string }>(sql`SELECT indexname FROM pg_indexes WHERE tablename = 'member'`);
    expect(idx.map((i) => i.indexname)).toEqual(
      expect.arrayContaining(['member_id_index_uq', 'member_card_no_uq', 'member_name_grams_idx', 'member_org_status_idx']),
    );
  });

  it('gives the same rows from the worker thread as inline', async () => {
    const bare = await createTestEnv({ seed: false });
    try {
      const report = await bare.services.db.transaction((tx) => seedDemoMembers(tx, bare.services, orgs, { members: 1200, worker: true }));
      expect(report.mode).toBe('worker');
      expect(report.members).toBe(1200);
      const rows = await bare.services.database.query<{ id_cipher: string }>(sql`SELECT id_cipher FROM member ORDER BY id LIMIT 30`);
      const gen = take(generateDemoMembers(orgs, { members: 1200 }), 30);
      expect(rows.map((r) => bare.services.keys.decrypt(r.id_cipher))).toEqual(gen.map((m) => m.person.idNumber));
    } finally {
      await bare.close();
    }
  });
});

describe('after seeding', () => {
  it('has planner statistics for the tables it filled (ANALYZE ran)', async () => {
    const { createTestEnv } = await import('../test/harness.js');
    const { sql } = await import('drizzle-orm');
    const env = await createTestEnv({ members: 300, hardship: 20, fresh: true });
    try {
      const rows = await env.services.database.query<{ relname: string; analyzed: boolean }>(sql`
        SELECT relname, (last_analyze IS NOT NULL OR last_autoanalyze IS NOT NULL) AS analyzed FROM pg_stat_user_tables WHERE relname IN ('member', 'org', 'hardship_file', 'membership_event')`);
      expect(rows.length).toBe(4);
      for (const r of rows) expect(r.analyzed, r.relname).toBe(true);
    } finally {
      await env.close();
    }
  });
});
