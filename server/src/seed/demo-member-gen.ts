/**
 * The demo member registry as pure data (see demo-members.ts): who is a member of which union,
 * their membership events, completed and pending transfers, and pending join applications.
 * Deterministic: the same seed gives the same people, ID numbers, card numbers and ids.
 *
 * Members per union follow employee_count × a membership rate drawn from 60–100%, scaled to the
 * requested total; about 3% of grassroots unions have none, about 4% of members (mostly gig
 * workers) are held directly by a street/park union. About 3% are retained, 2% have left, 1% moved
 * union once (a completed transfer); about 0.05% are in a pending transfer. Pending join
 * applications number 0.15% of the members (at least 20), about 13% of them overdue.
 */
import { addWorkingDays, JOIN_REPLY_WORKING_DAYS } from '../../../common/src/working-days.js';
import { DEMO_DEFAULT_SEED, DEMO_REFERENCE_DATE, type DemoOrg } from './demo-city.js';
import { dateAfter, demoMobile, demoPerson, demoUnion, idNumberFactory, type DemoPerson, type DemoUnion } from './demo-people.js';
import { addDays, createRng, type Rng } from './prng.js';

/** The size of the demo registry at first start (the "about 200,000"). */
export const DEMO_MEMBER_COUNT = 200_000;
const EMPTY_UNION_SHARE = 0.03;
const STREET_SHARE = 0.04;
const RETAINED_YOUNG = 0.012;
const RETAINED_OLD = 0.2;
const LEFT_SHARE = 0.02;
const MOVED_SHARE = 0.01;

export interface DemoMemberOptions {
  members: number;
  seed?: number;
  /** Orgs that always get some members (the demo logins' unions), at least min(30, members / 50). */
  focus?: string[];
}

export interface DemoEvent {
  id: string;
  orgId: string;
  kind: string;
  onDate: string;
  reason: string | null;
  refId: string | null;
}
export interface DemoTransfer {
  id: string;
  memberId: string;
  fromOrgId: string;
  toOrgId: string;
  initiatedBy: 'from' | 'to' | 'member';
  reason: string;
  status: 'pending' | 'completed';
  prevStatus: string | null;
  fromConfirmed: boolean;
  toConfirmed: boolean;
  completedOn: string | null;
  createdOn: string;
}
export interface DemoMember {
  id: string;
  orgId: string;
  cardNo: string;
  status: string;
  person: DemoPerson;
  events: DemoEvent[];
  transfer: DemoTransfer | null;
}

/** Deterministic UUID v7 (RFC 9562): a millisecond stamp that grows with each id, so keys arrive in index order, and random bits from the seed. */
const HEX4 = Array.from({ length: 0x10000 }, (_, i) => i.toString(16).padStart(4, '0'));
export function uuidV7Factory(rng: Rng, startMs: number) {
  let ms = startMs;
  return (): string => {
    const t = (ms++).toString(16).padStart(12, '0');
    let r = '';
    for (let i = 0; i < 5; i++) r += HEX4[Math.floor(rng.next() * 0x10000)];
    return `${t.slice(0, 8)}-${t.slice(8, 12)}-7${r.slice(0, 3)}-${((parseInt(r[3]!, 16) & 3) | 8).toString(16)}${r.slice(4, 7)}-${r.slice(7, 19)}`;
  };
}

/** Members per union: employees × a 60–100% rate, scaled to the total (largest remainder), street unions taking STREET_SHARE. */
export function allocateMembers(rng: Rng, orgs: readonly DemoOrg[], total: number, focus: readonly string[] = []): Map<string, number> {
  const grassroots = orgs.filter((o) => o.level === 'grassroots');
  const streets = orgs.filter((o) => o.level === 'street');
  const candidates = grassroots.filter((o) => !focus.includes(o.id));
  const empty = new Set(
    rng
      .shuffle(candidates)
      .slice(0, Math.round(grassroots.length * EMPTY_UNION_SHARE))
      .map((o) => o.id),
  );
  const weights = new Map<string, number>();
  for (const g of grassroots) weights.set(g.id, empty.has(g.id) ? 0 : (g.employeeCount ?? 0) * (0.6 + 0.4 * rng.next()));
  const gSum = [...weights.values()].reduce((a, b) => a + b, 0);
  const streetPart = (gSum * STREET_SHARE) / (1 - STREET_SHARE) / Math.max(1, streets.length);
  for (const s of streets) weights.set(s.id, streetPart * (0.5 + rng.next()));

  const out = new Map<string, number>();
  const floor = Math.min(30, Math.floor(total / 50));
  let left = total;
  for (const id of focus) {
    out.set(id, floor);
    left -= floor;
  }
  const wSum = [...weights.values()].reduce((a, b) => a + b, 0);
  const shares = [...weights].map(([id, w]) => ({ id, exact: (Math.max(0, left) * w) / wSum }));
  for (const s of shares) out.set(s.id, (out.get(s.id) ?? 0) + Math.floor(s.exact));
  let rest = total - [...out.values()].reduce((a, b) => a + b, 0);
  shares.sort((a, b) => b.exact - Math.floor(b.exact) - (a.exact - Math.floor(a.exact)) || (a.id < b.id ? -1 : 1));
  for (let i = 0; rest > 0 && shares.length; i = (i + 1) % shares.length, rest--) out.set(shares[i]!.id, out.get(shares[i]!.id)! + 1);
  return out;
}

const RETAIN_REASONS = ['退休', '失业', '待业'];
const LEAVE_REASONS = ['个人申请退会', '调离本市', '出国定居', '连续六个月未缴纳会费'];
const TRANSFER_REASONS = ['工作调动', '换工作单位', '单位改制', '入职新单位'];

/**
 * Every demo member with their events, union by union, in a fixed order. Pure and streaming (a
 * generator): the caller encrypts and inserts them in batches, so memory stays flat.
 */
export function* generateDemoMembers(orgs: readonly DemoOrg[], opts: DemoMemberOptions, nextId = idNumberFactory()): Generator<DemoMember> {
  const root = createRng(opts.seed ?? DEMO_DEFAULT_SEED).fork('members');
  const counts = allocateMembers(root.fork('allocation'), orgs, opts.members, opts.focus);
  const rng = root.fork('people');
  const memberId = uuidV7Factory(root.fork('member-ids'), Date.UTC(2026, 0, 1));
  const eventId = uuidV7Factory(root.fork('event-ids'), Date.UTC(2026, 0, 2));
  const transferId = uuidV7Factory(root.fork('transfer-ids'), Date.UTC(2026, 0, 3));
  const grassroots = orgs.filter((o) => o.level === 'grassroots' && (counts.get(o.id) ?? 0) > 0);
  const pendingTarget = Math.max(10, Math.round(opts.members * 0.0005));
  let pendingLeft = pendingTarget;
  let card = 0;
  // Born 58 or more years before the reference date: near or past retirement, often retained.
  const retireAge = String(Number(DEMO_REFERENCE_DATE.slice(0, 4)) - 58) + DEMO_REFERENCE_DATE.slice(4);

  for (const o of orgs) {
    const n = counts.get(o.id) ?? 0;
    if (!n) continue;
    const u: DemoUnion = demoUnion(o);
    for (let k = 0; k < n; k++) {
      const person = demoPerson(rng, u, nextId);
      const id = memberId();
      const ev = (orgId: string, kind: string, onDate: string, reason: string | null = null, refId: string | null = null): DemoEvent => ({
        id: eventId(),
        orgId,
        kind,
        onDate,
        reason,
        refId,
      });
      const events: DemoEvent[] = [];
      let status = 'active';
      let transfer: DemoTransfer | null = null;
      const r = rng.next();
      const retainChance = person.birthDate <= retireAge ? RETAINED_OLD : RETAINED_YOUNG;
      if (r < retainChance) {
        status = 'retained';
        events.push(
          ev(o.id, 'joined', person.joinDate),
          ev(o.id, 'retained', dateAfter(rng, person.joinDate, 30), person.birthDate <= retireAge ? '退休' : rng.pick(RETAIN_REASONS)),
        );
      } else if (r < retainChance + LEFT_SHARE) {
        status = 'left';
        events.push(ev(o.id, 'joined', person.joinDate), ev(o.id, 'left', dateAfter(rng, person.joinDate, 30), rng.pick(LEAVE_REASONS)));
      } else if (r < retainChance + LEFT_SHARE + MOVED_SHARE && o.level === 'grassroots' && grassroots.length > 1) {
        // Joined elsewhere, moved here with the job: a completed transfer with its two events.
        const from = rng.pick(grassroots);
        const on = dateAfter(rng, person.joinDate, 60);
        if (from.id !== o.id && on > person.joinDate) {
          const tid = transferId();
          const reason = rng.pick(TRANSFER_REASONS);
          transfer = {
            id: tid,
            memberId: id,
            fromOrgId: from.id,
            toOrgId: o.id,
            initiatedBy: rng.pick(['from', 'to', 'member'] as const),
            reason,
            status: 'completed',
            prevStatus: 'active',
            fromConfirmed: true,
            toConfirmed: true,
            completedOn: on,
            createdOn: addDays(on, -rng.int(1, 10)),
          };
          events.push(ev(from.id, 'joined', person.joinDate), ev(from.id, 'transferred_out', on, reason, tid), ev(o.id, 'transferred_in', on, reason, tid));
        } else events.push(ev(o.id, 'joined', person.joinDate));
      } else {
        events.push(ev(o.id, 'joined', person.joinDate));
        if (pendingLeft > 0 && grassroots.length > 1 && rng.chance((pendingTarget * 1.2) / opts.members)) {
          const to = rng.pick(grassroots);
          if (to.id !== o.id) {
            pendingLeft--;
            status = 'transferring';
            const initiatedBy = rng.pick(['from', 'to', 'member'] as const);
            transfer = {
              id: transferId(),
              memberId: id,
              fromOrgId: o.id,
              toOrgId: to.id,
              initiatedBy,
              reason: rng.pick(TRANSFER_REASONS),
              status: 'pending',
              prevStatus: 'active',
              fromConfirmed: initiatedBy === 'from' || (initiatedBy === 'member' && rng.chance(0.3)),
              toConfirmed: initiatedBy === 'to',
              completedOn: null,
              createdOn: addDays(DEMO_REFERENCE_DATE, -rng.int(0, 20)),
            };
          }
        }
      }
      yield { id, orgId: o.id, cardNo: 'GH' + String(++card).padStart(10, '0'), status, person, events, transfer };
    }
  }
}

export interface DemoApplication {
  id: string;
  appNo: string;
  orgId: string;
  person: DemoPerson;
  submittedOn: string;
  dueOn: string;
  viaTerritorial: boolean;
}

/** Pending online join applications (入会申请), most within the 15-working-day answer period and about 13% overdue; applicants are not members. */
export function generateDemoApplications(orgs: readonly DemoOrg[], opts: DemoMemberOptions, nextId = idNumberFactory()): DemoApplication[] {
  const rng = createRng(opts.seed ?? DEMO_DEFAULT_SEED).fork('join-applications');
  const newId = uuidV7Factory(rng.fork('ids'), Date.UTC(2026, 0, 4));
  const n = Math.max(20, Math.round(opts.members * 0.0015));
  const overdue = Math.max(3, Math.round(n * 0.133));
  const streets = orgs.filter((o) => o.level === 'street');
  const joint = orgs.filter((o) => o.level === 'grassroots' && (o.kind === 'joint' || o.kind === 'industry' || o.kind === 'regional'));
  const others = orgs.filter((o) => o.level === 'grassroots' && o.kind !== 'joint');
  const out: DemoApplication[] = [];
  for (let i = 0; i < n; i++) {
    const o = rng.weighted([
      [streets, 40],
      [joint, 40],
      [others, 20],
    ] as const);
    const org = rng.pick(o);
    const late = i < overdue;
    let submittedOn = '';
    let dueOn = '';
    for (let tries = 0; tries < 50; tries++) {
      submittedOn = addDays(DEMO_REFERENCE_DATE, late ? -rng.int(24, 60) : -rng.int(0, 20));
      dueOn = addWorkingDays(submittedOn, JOIN_REPLY_WORKING_DAYS);
      if (late ? dueOn < DEMO_REFERENCE_DATE : dueOn >= DEMO_REFERENCE_DATE) break;
    }
    const p = demoPerson(rng, { ...demoUnion(org), gigShare: 0.7 }, nextId);
    const person = { ...p, mobile: p.mobile ?? demoMobile(rng) }; // the join form requires a mobile
    const appNo = 'RH' + submittedOn.replaceAll('-', '') + String(rng.int(0, 999_999)).padStart(6, '0');
    out.push({ id: newId(), appNo, orgId: org.id, person, submittedOn, dueOn, viaTerritorial: org.level === 'street' });
  }
  return out;
}
