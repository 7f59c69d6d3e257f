import { and, eq, sql } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { member, membershipEvent, transfer } from './member.schema.js';
import { org } from '../org/org.schema.js';
import * as repo from './member.repo.js';
import { buildMemberRecord, idIndexOf, mobileIndexOf, type MemberFields } from './member.record.js';
import { requireOrgInScope } from '../org/org.service.js';
import { AppError, errors } from '../../platform/errors.js';
import { appendAudit, diffFields } from '../../platform/audit.js';
import { ownedScopeSql, scopeCovers, type Scope } from '../../platform/scope.js';
import { maskOrgName } from '../../../../common/src/org.js';
import { todayInChina } from '../../../../common/src/dates.js';
import { ageOn, GIG_FORMS, MEMBER_STATUS_CHANGES, statusChangeAllowed, type MemberStatusChangeKind } from '../../../../common/src/member-vocab.js';
import { parseIdNumber } from '../../../../common/src/id-number.js';
import { normaliseMobile } from '../../../../common/src/mobile.js';
import { MemberFieldsInput } from '../../../../common/src/member-input.js';
import type { Ctx } from '../../platform/context.js';
import { resource } from '../../platform/resource.js';
import { estimatePast } from '../../platform/estimate.js';
import type { Executor } from '../../db/client.js';
import type { MemberCreate, MemberListParams, MemberStatusChange, MemberUpdate } from '../../../../common/src/contracts/member.js';

type MemberRow = typeof member.$inferSelect;

/** Statuses that hold a membership: a person may hold only one across the whole database. */
export const HOLDING_STATUSES = ['active', 'retained', 'transferring'];

export function presentMemberListItem<T extends { birthDate: string }>(m: T, today = todayInChina()): Omit<T, 'birthDate'> & { age: number } {
  const { birthDate, ...rest } = m;
  return { ...rest, age: ageOn(birthDate, today) };
}

/** Members as a scoped resource (platform/resource.ts): get in scope, history. */
export const members = resource({
  table: member,
  entity: 'member',
  noun: ['会员', 'member'],
  orgColumn: member.orgId,
  idColumn: member.id,
  versionColumn: member.version,
});

/** Load a member whose union is in the caller's scope; anything else looks missing. */
export async function requireMemberInScope(c: Ctx, exec: Executor, id: string): Promise<MemberRow> {
  return members.get(c, id, { exec });
}

/** The name of the union holding someone, as much as the caller may see of it. */
export async function holdingUnionName(exec: Executor, scope: Scope | null, orgId: string): Promise<string> {
  const [o] = await exec.select({ id: org.id, path: org.path, name: org.name }).from(org).where(eq(org.id, orgId));
  if (!o) return '其他工会';
  return scope && scopeCovers(scope, o) ? o.name : maskOrgName(o.name);
}

export function heldElsewhereError(unionName: string) {
  return new AppError(
    409,
    'MEMBER_HELD_ELSEWHERE',
    `此人已是“${unionName}”的会员，一人只能有一个会籍；如工作变动请办理会员关系接转`,
    `This person is already a member of "${unionName}"; use a transfer instead`,
    { union: unionName },
  );
}

/**
 * How far a search counts its matches: beyond this the total is reported as a lower bound
 * ("共 1,000+ 条") instead of counting a whole district (135,000 members at 1M) for every page.
 * Paging on past it moves the bound along (a page at or beyond the cap counts CAP further on).
 */
export const MEMBER_COUNT_CAP = 1_000;

/**
 * One page of a search in the caller's scope, in one statement (repo.searchMemberPage). The total is
 * exact when the matches are at most the cap (or the page reaches past them); otherwise `total` is
 * the cap and `totalExact` is false.
 */
export async function listMembers(c: Ctx, p: MemberListParams, countCap = MEMBER_COUNT_CAP) {
  const search = searchOf(c, p);
  const offset = (p.page - 1) * p.pageSize;
  const end = offset + p.pageSize;
  const cap = end < countCap ? countCap : end + countCap;
  let collect = cap + 1;
  const term = search.q?.replace(/\s+/g, '');
  if (term && [...term].length === 1) {
    const plan = await oneCharPlan(c, term);
    search.oneCharVia = plan.via;
    // A character expected a little above the cap in this scope: collecting all its hits (one pass
    // over the scope, or its GIN rows) is cheaper than walking the sort order across the city for
    // a page of these sparse rows.
    if (plan.via === 'grams' || plan.expected <= 3 * cap) collect = Math.max(collect, 3 * cap + 1);
  }
  const where = repo.memberSearchWhere(c.actor.scope, search);
  const { hits, rows } = await repo.searchMemberPage(c.database, where, p.sort, p.order, offset, p.pageSize, cap, collect);
  const today = todayInChina();
  const totalEstimate = hits <= cap ? undefined : await estimatePast(c.db, sql`SELECT 1 FROM member WHERE ${where}`, cap);
  return {
    items: rows.map((r) => presentMemberListItem(r, today)),
    total: Math.min(hits, cap),
    totalExact: hits <= cap,
    totalEstimate,
    page: p.page,
    pageSize: p.pageSize,
  };
}

/** Statistics of the name grams (how often each common character occurs), read at most every 10 minutes. */
const GRAM_STATS_MS = 10 * 60_000;
interface GramStats {
  at: number;
  rows: number;
  freq: Map<string, number>;
  floor: number | null;
}
const gramStats = new WeakMap<object, GramStats>();
const scopeSizes = new WeakMap<object, Map<string, { at: number; n: number }>>();

/** Read the statistics anew on the next search (a large import has just analysed the table). */
export function forgetGramStats(database: object): void {
  gramStats.delete(database);
  scopeSizes.delete(database);
}

async function loadGramStats(c: Ctx): Promise<GramStats> {
  const hit = gramStats.get(c.database);
  if (hit && Date.now() - hit.at < GRAM_STATS_MS) return hit;
  // most_common_elem_freqs: one frequency per element, then the minimum, maximum and null-element
  // frequency (PostgreSQL's array statistics); an element not listed is rarer than the minimum.
  const [r] = await c.database.query<{ rows: number; elems: string[] | null; freqs: number[] | null }>(sql`
    SELECT greatest(c.reltuples, 0)::float8 AS rows, s.most_common_elems::text::text[] AS elems, s.most_common_elem_freqs::float8[] AS freqs
    FROM pg_class c LEFT JOIN pg_stats s ON s.schemaname = current_schema() AND s.tablename = 'member' AND s.attname = 'name_grams'
    WHERE c.oid = 'member'::regclass`);
  const freq = new Map<string, number>();
  const elems = r?.elems ?? [];
  const freqs = r?.freqs ?? [];
  elems.forEach((e, i) => freq.set(e, freqs[i] ?? 0));
  const stats: GramStats = { at: Date.now(), rows: r?.rows ?? 0, freq, floor: elems.length ? (freqs[elems.length] ?? null) : null };
  gramStats.set(c.database, stats);
  return stats;
}

/** Members in the caller's scope (from the counters), read at most every 10 minutes per scope. */
async function scopeSize(c: Ctx): Promise<number> {
  let m = scopeSizes.get(c.database);
  if (!m) scopeSizes.set(c.database, (m = new Map()));
  const key = JSON.stringify(c.actor.scope);
  const hit = m.get(key);
  if (hit && Date.now() - hit.at < GRAM_STATS_MS) return hit.n;
  const [r] = await c.database.query<{ n: number }>(
    sql`SELECT coalesce(sum(t.n), 0)::float8 AS n FROM member_org_tally t WHERE ${ownedScopeSql(c.actor.scope, sql`t.org_id`)}`,
  );
  if (m.size > 1000) m.clear();
  m.set(key, { at: Date.now(), n: r?.n ?? 0 });
  return r?.n ?? 0;
}

/**
 * How to match one character (repo.MemberSearch.oneCharVia), by the cheaper expected work, and how
 * many hits to expect in the caller's scope:
 * `grams` visits every row holding it city-wide (its frequency × the table's rows, a table row each,
 * ~20 × the cost of an index entry); `scan` reads the scope's index entries until the count cap is
 * reached (cap ÷ frequency) or the scope ends. Without statistics (a table never analysed), `scan`.
 * Measured at 1M members in a district of 135,000: a surname in 0.4 % of names takes 15 ms by grams
 * and 38 ms by scan; one in 3.7 %, 58 ms by grams and 11 ms by scan.
 */
export async function oneCharPlan(c: Ctx, ch: string): Promise<{ via: 'scan' | 'grams'; expected: number }> {
  const st = await loadGramStats(c);
  if (st.floor === null || st.rows <= 0) return { via: 'scan', expected: Infinity };
  const f = st.freq.get(ch) ?? st.floor;
  const size = c.actor.scope.all ? st.rows : await scopeSize(c);
  const gramsCost = 20 * f * st.rows;
  const scanCost = Math.min(size, (MEMBER_COUNT_CAP + 1) / Math.max(f, 1e-9));
  return { via: gramsCost < scanCost ? 'grams' : 'scan', expected: f * size };
}

/** Translate API filters into the repository's search, hashing exact identifiers into blind indexes. */
export function searchOf(c: Pick<Ctx, 'keys'>, p: MemberListParams): repo.MemberSearch {
  const today = todayInChina();
  const s: repo.MemberSearch = { q: p.q, cardNo: p.cardNo, under: p.orgId, status: p.status, joinFrom: p.joinFrom, joinTo: p.joinTo, sex: p.sex };
  if (p.idNumber) {
    const r = parseIdNumber(p.idNumber);
    s.idIndex = idIndexOf(c.keys, r.ok ? r.value : p.idNumber.trim().toUpperCase());
  }
  if (p.mobile) {
    const r = normaliseMobile(p.mobile);
    s.mobileIndex = mobileIndexOf(c.keys, r.ok ? r.value : p.mobile.trim());
  }
  if (p.employmentForm === 'gig') s.employmentForms = [...GIG_FORMS];
  else if (p.employmentForm) s.employmentForms = [p.employmentForm];
  if (p.migrantWorker) s.migrantWorker = p.migrantWorker === 'true';
  if (p.consentStatus) s.consentStatus = p.consentStatus;
  if (p.minAge !== undefined) s.bornTo = shiftYears(today, -p.minAge);
  if (p.maxAge !== undefined) s.bornFrom = shiftYears(today, -(p.maxAge + 1), 1);
  return s;
}

function shiftYears(iso: string, years: number, plusDays = 0): string {
  const d = new Date(iso + 'T00:00:00Z');
  d.setUTCFullYear(d.getUTCFullYear() + years);
  d.setUTCDate(d.getUTCDate() + plusDays);
  return d.toISOString().slice(0, 10);
}

export async function getMemberDetail(c: Ctx, id: string) {
  const m = await requireMemberInScope(c, c.db, id);
  const events = await repo.memberEvents(c.db, id);
  const [o] = await c.db.select({ name: org.name }).from(org).where(eq(org.id, m.orgId));
  const openTransfers = await c.db
    .select()
    .from(transfer)
    .where(and(eq(transfer.memberId, id), eq(transfer.status, 'pending')));
  const write = c.actor.permissions.has('member.write');
  // A transfer under way holds every other change of the membership until it ends.
  const change = (k: MemberStatusChangeKind) => write && !openTransfers.length && statusChangeAllowed(k, m.status);
  return {
    id: m.id,
    name: m.name,
    idMasked: m.idMasked,
    idKind: m.idKind,
    mobileMasked: m.mobileMasked,
    sex: m.sex,
    age: ageOn(m.birthDate, todayInChina()),
    ethnicity: m.ethnicity,
    education: m.education,
    politicalStatus: m.politicalStatus,
    employmentForm: m.employmentForm,
    employmentFormText: m.employmentFormText,
    migrantWorker: m.migrantWorker,
    occupation: m.occupation,
    employerName: m.employerName,
    orgId: m.orgId,
    orgName: o?.name ?? '',
    joinDate: m.joinDate,
    cardNo: m.cardNo,
    status: m.status,
    consentVersion: m.consentVersion,
    consentAt: m.consentAt?.toISOString() ?? null,
    consentMethod: m.consentMethod,
    legalBasis: m.legalBasis,
    consentStatus: m.consentStatus,
    version: m.version,
    createdAt: m.createdAt.toISOString(),
    updatedAt: m.updatedAt.toISOString(),
    events: events.map((e) => ({ ...e, createdAt: e.createdAt.toISOString() })),
    openTransfer: openTransfers[0]
      ? {
          id: openTransfers[0].id,
          fromOrgId: openTransfers[0].fromOrgId,
          toOrgId: openTransfers[0].toOrgId,
          createdAt: openTransfers[0].createdAt.toISOString(),
        }
      : null,
    can: {
      unmask: c.actor.permissions.has('member.unmask'),
      edit: write,
      transfer: c.actor.permissions.has('member.transfer'),
      retained: change('retained'),
      left: change('left'),
      reactivated: change('reactivated'),
    },
  };
}

async function requireGrassrootsInScope(c: Ctx, exec: Executor, orgId: string) {
  const o = await requireOrgInScope(c, exec, orgId);
  if (o.level !== 'grassroots' && o.level !== 'street')
    throw errors.invalid('会员只能登记在基层工会或乡镇（街道）、园区工会', 'Members belong to a grassroots or street/park union');
  if (!o.active) throw errors.invalid('该工会已停用', 'That union is deactivated');
  return o;
}

/**
 * Register a person as a member. One person, one record: someone who left is re-registered
 * (event `rejoined`); someone who holds a membership anywhere is refused with the holding union.
 */
export async function createMember(c: Ctx, input: MemberCreate, opts: { refId?: string; exec?: Executor } = {}) {
  const run = async (tx: Executor) => {
    const target = await requireGrassrootsInScope(c, tx, input.orgId);
    const rec = buildMemberRecord(c.keys, input.fields);
    const existing = await repo.getMemberByIdIndex(tx, rec.idIndex);
    const consent = { consentVersion: input.consent.version, consentAt: new Date(), consentMethod: input.consent.method };
    if (existing && HOLDING_STATUSES.includes(existing.status)) {
      if (existing.orgId === target.id)
        throw errors.conflict('此人已是本工会会员，请直接修改其信息', 'Already a member of this union; edit the record instead', { memberId: existing.id });
      throw heldElsewhereError(await holdingUnionName(tx, c.actor.scope, existing.orgId));
    }
    let id: string;
    let kind: 'joined' | 'rejoined';
    if (existing) {
      id = existing.id;
      kind = 'rejoined';
      await tx
        .update(member)
        .set({ ...rec, ...consent, orgId: target.id, status: 'active', version: existing.version + 1, updatedAt: new Date() })
        .where(eq(member.id, id));
    } else {
      id = uuidv7();
      kind = 'joined';
      const cardNo = await repo.nextCardNo(tx);
      await tx.insert(member).values({ id, ...rec, ...consent, orgId: target.id, cardNo, status: 'active' });
    }
    await tx
      .insert(membershipEvent)
      .values({ id: uuidv7(), memberId: id, orgId: target.id, kind, onDate: input.fields.joinDate, refId: opts.refId ?? null, actorId: c.actor.userId });
    await appendAudit(tx, {
      actorId: c.actor.userId,
      actorName: c.actor.username,
      ip: c.ip,
      orgId: target.id,
      action: kind === 'joined' ? 'member.create' : 'member.rejoin',
      entity: 'member',
      entityId: id,
      changes: {
        name: input.fields.name,
        orgId: target.id,
        employmentForm: input.fields.employmentForm,
        idNumber: '[encrypted]',
        mobile: input.fields.mobile ? '[encrypted]' : null,
      },
    });
    return id;
  };
  const id = opts.exec ? await run(opts.exec) : await c.db.transaction(run);
  return id;
}

export async function updateMember(c: Ctx, id: string, input: MemberUpdate) {
  return c.db.transaction(async (tx) => {
    const before = await requireMemberInScope(c, tx, id);
    if (before.version !== input.version) throw errors.versionConflict();
    const rec = buildMemberRecord(c.keys, mergeStoredIdentifiers(c, before, input.fields));
    if (rec.idIndex !== before.idIndex) {
      const other = await repo.getMemberByIdIndex(tx, rec.idIndex);
      if (other) throw errors.conflict('该身份证号已属于另一条会员记录', 'That ID number belongs to another member record');
    }
    const [after] = await tx
      .update(member)
      .set({ ...rec, version: before.version + 1, updatedAt: new Date() })
      .where(and(eq(member.id, id), eq(member.version, input.version)))
      .returning();
    if (!after) throw errors.versionConflict();
    const changed = diffFields(
      { ...pickPlain(before), idNumber: before.idIndex, mobile: before.mobileIndex },
      { ...pickPlain(after), idNumber: rec.idIndex, mobile: rec.mobileIndex },
    );
    // Encrypted fields: record that they changed, never their values.
    if (changed.idNumber) changed.idNumber = '[changed]';
    if ('mobile' in changed) changed.mobile = '[changed]';
    await appendAudit(tx, {
      actorId: c.actor.userId,
      actorName: c.actor.username,
      ip: c.ip,
      orgId: before.orgId,
      action: 'member.update',
      entity: 'member',
      entityId: id,
      changes: changed,
    });
    return id;
  });
}

/**
 * An edit may leave the ID number and mobile out (whoever may not unmask never sees them): keep
 * the stored values, then check the whole record as a new one would be.
 */
function mergeStoredIdentifiers(c: Ctx, before: MemberRow, patch: MemberUpdate['fields']): MemberFields {
  const merged = {
    ...patch,
    // An edit that leaves the form out keeps the one on record rather than making it 未填.
    employmentForm: patch.employmentForm ?? before.employmentForm,
    idNumber: patch.idNumber ?? c.keys.decrypt(before.idCipher),
    mobile: patch.mobile === undefined ? (before.mobileCipher ? c.keys.decrypt(before.mobileCipher) : null) : patch.mobile,
  };
  const parsed = MemberFieldsInput.safeParse(merged);
  if (parsed.success) return parsed.data;
  const fields = parsed.error.issues.map((i) => {
    const [zh, en] = i.message.split(' / ');
    return { path: ['body', 'fields', ...i.path.map(String)].join('.'), message: zh!, messageEn: en ?? zh! };
  });
  throw new AppError(
    400,
    'VALIDATION_FAILED',
    `输入有误：${fields[0]!.path} ${fields[0]!.message}`,
    `Invalid input: ${fields[0]!.path} ${fields[0]!.messageEn}`,
    { fields },
  );
}

function pickPlain(m: MemberRow) {
  return {
    name: m.name,
    ethnicity: m.ethnicity,
    education: m.education,
    politicalStatus: m.politicalStatus,
    employmentForm: m.employmentForm,
    migrantWorker: m.migrantWorker,
    occupation: m.occupation,
    employerName: m.employerName,
    joinDate: m.joinDate,
  };
}

/** Reveal the full ID number and mobile: needs member.unmask and is always audited. */
export async function unmaskMember(c: Ctx, id: string) {
  const m = await requireMemberInScope(c, c.db, id);
  await c.db.transaction((tx) =>
    appendAudit(tx, {
      actorId: c.actor.userId,
      actorName: c.actor.username,
      ip: c.ip,
      orgId: m.orgId,
      action: 'member.unmask',
      entity: 'member',
      entityId: id,
      detail: 'revealed ID number and mobile',
    }),
  );
  return { idNumber: c.keys.decrypt(m.idCipher), mobile: m.mobileCipher ? c.keys.decrypt(m.mobileCipher) : null };
}

/** Retain (retired/unemployed), leave, or return from retained: an event, and the status follows it. */
export async function changeMemberStatus(c: Ctx, id: string, input: MemberStatusChange) {
  return c.db.transaction(async (tx) => {
    const m = await requireMemberInScope(c, tx, id);
    if (m.version !== input.version) throw errors.versionConflict();
    const t = MEMBER_STATUS_CHANGES[input.kind];
    if (!statusChangeAllowed(input.kind, m.status))
      throw new AppError(409, 'INVALID_STATUS_CHANGE', `当前状态不能办理“${t.zh}”`, `This change is not possible in the member's current status`);
    if (input.onDate > todayInChina()) throw errors.invalid('日期不能晚于今天', 'The date cannot be in the future');
    await tx.insert(membershipEvent).values({
      id: uuidv7(),
      memberId: id,
      orgId: m.orgId,
      kind: input.kind === 'reactivated' ? 'rejoined' : input.kind,
      onDate: input.onDate,
      reason: input.reason ?? null,
      actorId: c.actor.userId,
    });
    await tx
      .update(member)
      .set({ status: t.to, version: m.version + 1, updatedAt: new Date() })
      .where(eq(member.id, id));
    await appendAudit(tx, {
      actorId: c.actor.userId,
      actorName: c.actor.username,
      ip: c.ip,
      orgId: m.orgId,
      action: `member.${input.kind}`,
      entity: 'member',
      entityId: id,
      changes: { status: { from: m.status, to: t.to } },
      detail: input.reason ?? null,
    });
  });
}
