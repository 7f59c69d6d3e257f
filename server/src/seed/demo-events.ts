/**
 * Demo union events (docs/events.md): about 1,200 events from a year before the demo date to four
 * months after it, organised by the city, district and grassroots unions, with sign-ups (members of
 * the organiser's subtree), waitlists where full, cancellations, and check-ins for the events held.
 * The demo worker accounts have events of their own (attended, coming, waitlisted). Deterministic:
 * its own PRNG fork, dates from the demo reference date.
 */
import { sql } from 'drizzle-orm';
import { eventSignup, unionEvent } from '../modules/event/event.schema.js';
import { maskPersonName } from '../modules/member/card.js';
import { EVENT_KINDS, type EventKind } from '../../../common/src/event-vocab.js';
import { addDays, createRng, type Rng } from './prng.js';
import { DEMO_DEFAULT_SEED, DEMO_REFERENCE_DATE } from './demo-city.js';
import type { Executor } from '../db/client.js';

const TITLES: Record<EventKind, string[]> = {
  culture: ['职工读书分享会', '“劳动者之歌”合唱比赛', '职工书画摄影展', '非遗手作体验课', '职工电影专场', '迎新春文艺汇演'],
  sports: ['职工趣味运动会', '职工篮球联赛', '健步走活动', '羽毛球友谊赛', '职工登山比赛', '广播体操比赛'],
  matchmaking: ['“缘来是你”青年职工联谊会', '单身青年职工户外交友', '青年职工读书交友会', '七夕青年联谊活动'],
  training: ['新就业形态劳动者安全培训', '劳动法律知识讲座', '职工技能提升培训班', '心理健康讲座', '急救知识培训', '工会干部业务培训'],
  recuperation: ['劳模疗休养（滨海）', '一线职工疗休养（山区）', '先进职工疗休养', '职工健康疗养'],
};
const PLACES = ['职工文化宫', '工人体育场', '职工服务中心', '区职工之家', '市劳模疗休养基地', '企业会议室', '城市公园', '职工书屋'];

interface Person {
  id: string;
  name: string;
  orgId: string;
  path: string;
}

/** A 16-character check-in token from the demo stream (URL-safe base64 alphabet). */
function token(rng: Rng): string {
  const abc = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  let s = '';
  for (let i = 0; i < 16; i++) s += abc[rng.int(0, 63)];
  return s;
}

const at = (date: string, minutes: number) => new Date(new Date(`${date}T09:00:00+08:00`).getTime() + minutes * 60_000);

/** Events in proportion to the members: 1,200 at the demo's 200,000, 60 at least (the tests' small cities). */
export function demoEventCount(members: number): number {
  return Math.max(60, Math.min(1200, Math.round(members * 0.006)));
}

export async function seedDemoEvents(tx: Executor, opts: { seed?: number; events?: number; ref?: string; peoplePerEvent?: number } = {}) {
  const rng = createRng(opts.seed ?? DEMO_DEFAULT_SEED).fork('events');
  const ref = opts.ref ?? DEMO_REFERENCE_DATE;
  const q = async <T>(s: ReturnType<typeof sql>) => ((await tx.execute(s)) as unknown as { rows: T[] }).rows;
  const orgs = await q<{ id: string; path: string; level: string }>(
    sql`SELECT id, path, level FROM org WHERE active AND level IN ('city', 'county', 'grassroots') ORDER BY code`,
  );
  const city = orgs.find((o) => o.level === 'city');
  const districts = orgs.filter((o) => o.level === 'county');
  const unions = orgs.filter((o) => o.level === 'grassroots');
  if (!city || !unions.length) return { events: 0, signups: 0, checkIns: 0 };
  const people = await q<Person>(
    sql`SELECT m.id, m.name, m.org_id AS "orgId", o.path FROM member m JOIN org o ON o.id = m.org_id WHERE m.status = 'active' ORDER BY m.card_no LIMIT 30000`,
  );
  const byOrg = new Map<string, Person[]>();
  const byDistrict = new Map<string, Person[]>();
  for (const p of people) {
    (byOrg.get(p.orgId) ?? byOrg.set(p.orgId, []).get(p.orgId)!).push(p);
    const d = p.path.split('/').filter(Boolean)[1];
    if (d) (byDistrict.get(d) ?? byDistrict.set(d, []).get(d)!).push(p);
  }
  const unionsWithPeople = unions.filter((u) => (byOrg.get(u.id)?.length ?? 0) >= 5);
  const n = opts.events ?? 1200;
  const evRows: (typeof unionEvent.$inferInsert)[] = [];
  const sRows: (typeof eventSignup.$inferInsert)[] = [];
  let checkIns = 0;
  for (let i = 0; i < n; i++) {
    const r = rng.next();
    const organiser = r < 0.05 ? city : r < 0.3 ? rng.pick(districts) : rng.pick(unionsWithPeople.length ? unionsWithPeople : unions);
    const pool = organiser.level === 'city' ? people : organiser.level === 'county' ? (byDistrict.get(organiser.id) ?? []) : (byOrg.get(organiser.id) ?? []);
    const kind = rng.weighted(EVENT_KINDS.map((k) => [k, k === 'recuperation' ? 1 : k === 'matchmaking' ? 1.5 : 3] as const));
    const startsOn = addDays(ref, rng.int(-365, 120));
    const endsOn = kind === 'recuperation' ? addDays(startsOn, rng.int(4, 6)) : kind === 'training' && rng.chance(0.3) ? addDays(startsOn, 1) : startsOn;
    const signupUntil = addDays(startsOn, -rng.int(1, 5));
    const signupFrom = addDays(signupUntil, -rng.int(7, 21));
    const base = organiser.level === 'city' ? rng.int(80, 300) : organiser.level === 'county' ? rng.int(40, 150) : rng.int(10, 50);
    const capacity = kind === 'recuperation' ? Math.min(base, rng.int(15, 40)) : base;
    const id = rng.uuid();
    evRows.push({
      id,
      orgId: organiser.id,
      title: `${startsOn.slice(0, 4)}年${rng.pick(TITLES[kind])}`,
      kind,
      audience: kind === 'matchmaking' || rng.chance(0.15) ? 'all_workers' : 'members',
      place: rng.pick(PLACES),
      description: kind === 'recuperation' ? '按疗休养名额分配，报名经所在工会确认。' : null,
      capacity,
      signupFrom,
      signupUntil,
      startsOn,
      endsOn,
      isDemo: true,
    });
    // Sign-ups so far: all of them once the window closed, part of them while it is open, none before.
    const windowDays = Math.max(1, Math.round((Date.parse(signupUntil) - Date.parse(signupFrom)) / 86_400_000));
    const share = ref > signupUntil ? 1 : ref < signupFrom ? 0 : (Date.parse(ref) - Date.parse(signupFrom)) / 86_400_000 / windowDays;
    const want = Math.min(pool.length, Math.round(capacity * (0.4 + rng.next() * 0.9) * share), opts.peoplePerEvent ?? 1e9);
    const chosen = new Set<number>();
    while (chosen.size < want) chosen.add(rng.int(0, pool.length - 1));
    let confirmed = 0;
    const held = ref >= startsOn;
    for (const [k, idx] of [...chosen].entries()) {
      const p = pool[idx]!;
      const cancelled = !held && rng.chance(0.04);
      const status = cancelled ? 'cancelled' : confirmed < capacity ? 'confirmed' : 'waitlisted';
      if (status === 'confirmed') confirmed++;
      const queuedAt = at(signupFrom, k * 7 + rng.int(0, 6));
      const checkedIn = status === 'confirmed' && held && rng.chance(0.86);
      if (checkedIn) checkIns++;
      sRows.push({
        id: rng.uuid(),
        eventId: id,
        orgId: organiser.id,
        memberId: p.id,
        displayName: maskPersonName(p.name),
        personOrgId: p.orgId,
        status,
        queuedAt,
        token: token(rng),
        checkedInAt: checkedIn ? at(startsOn, rng.int(-30, 20)) : null,
        cancelledAt: cancelled ? at(signupFrom, k * 7 + 60) : null,
        createdAt: queuedAt,
      });
    }
  }
  // The demo worker accounts: an event attended, one coming (confirmed), one full where they wait.
  const accounts = await q<{ id: string; memberId: string; name: string; orgId: string; path: string; mobileMasked: string }>(
    sql`SELECT a.id, a.member_id AS "memberId", m.name, m.org_id AS "orgId", o.path, a.mobile_masked AS "mobileMasked"
        FROM worker_account a JOIN member m ON m.id = a.member_id JOIN org o ON o.id = m.org_id ORDER BY a.id`,
  );
  for (const [k, a] of accounts.entries()) {
    const plan = [
      { d: -20, status: 'confirmed', attended: true, capacity: 30, title: '职工趣味运动会' },
      { d: 10, status: 'confirmed', attended: false, capacity: 40, title: '劳动法律知识讲座' },
      { d: 14, status: 'waitlisted', attended: false, capacity: 1, title: '一线职工疗休养（山区）' },
    ] as const;
    for (const [j, e] of plan.entries()) {
      const id = rng.uuid();
      const startsOn = addDays(ref, e.d + k);
      const kind: EventKind = j === 0 ? 'sports' : j === 1 ? 'training' : 'recuperation';
      evRows.push({
        id,
        orgId: a.orgId,
        title: `${e.title}（${a.name.slice(0, 1)}师傅所在工会）`,
        kind,
        audience: 'members',
        place: rng.pick(PLACES),
        description: null,
        capacity: e.capacity,
        signupFrom: addDays(startsOn, -20),
        signupUntil: addDays(startsOn, -1),
        startsOn,
        endsOn: kind === 'recuperation' ? addDays(startsOn, 4) : startsOn,
        isDemo: true,
      });
      if (e.status === 'waitlisted') {
        // Someone else holds the one place.
        const other = (byOrg.get(a.orgId) ?? []).find((p) => p.id !== a.memberId && !accounts.some((x) => x.memberId === p.id));
        if (other)
          sRows.push({
            id: rng.uuid(),
            eventId: id,
            orgId: a.orgId,
            memberId: other.id,
            displayName: maskPersonName(other.name),
            personOrgId: other.orgId,
            status: 'confirmed',
            queuedAt: at(addDays(startsOn, -20), 1),
            token: token(rng),
            createdAt: at(addDays(startsOn, -20), 1),
          });
      }
      sRows.push({
        id: rng.uuid(),
        eventId: id,
        orgId: a.orgId,
        accountId: a.id,
        memberId: a.memberId,
        displayName: maskPersonName(a.name),
        personOrgId: a.orgId,
        status: e.status === 'waitlisted' && !(byOrg.get(a.orgId) ?? []).length ? 'confirmed' : e.status,
        queuedAt: at(addDays(startsOn, -19), 5),
        token: token(rng),
        checkedInAt: e.attended ? at(startsOn, -5) : null,
        createdAt: at(addDays(startsOn, -19), 5),
      });
      if (e.attended) checkIns++;
    }
  }
  for (let i = 0; i < evRows.length; i += 1000) await tx.insert(unionEvent).values(evRows.slice(i, i + 1000));
  for (let i = 0; i < sRows.length; i += 2000) await tx.insert(eventSignup).values(sRows.slice(i, i + 2000));
  return { events: evRows.length, signups: sRows.length, checkIns };
}
