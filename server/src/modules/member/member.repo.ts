import { and, asc, eq, gte, lte, sql, type SQL } from 'drizzle-orm';
import { member, membershipEvent } from './member.schema.js';
import { org } from '../org/org.schema.js';
import { escapeLike, ownedScopeSql, type Scope, underOrgSql } from '../../platform/scope.js';
import { queryGrams } from './member.record.js';
import type { Executor } from '../../db/client.js';

export interface MemberSearch {
  q?: string;
  /**
   * How a one-character term is matched: `scan` tests the name on the scope index entries (cheap
   * when the character is common or the scope small), `grams` takes the rows holding it from the
   * GIN index on name grams (cheap when the character is rare). Default: `scan` inside a scope,
   * `grams` city-wide. The service chooses from the column's statistics (oneCharPlan).
   */
  oneCharVia?: 'scan' | 'grams';
  idIndex?: string;
  mobileIndex?: string;
  cardNo?: string;
  under?: string;
  employmentForms?: string[];
  status?: string;
  joinFrom?: string;
  joinTo?: string;
  sex?: 'M' | 'F';
  bornFrom?: string;
  bornTo?: string;
  migrantWorker?: boolean;
  consentStatus?: 'given' | 'to_collect';
}

/** The WHERE clause of a member search: the data scope first, then the user's filters. */
export function memberSearchWhere(scope: Scope, s: MemberSearch): SQL {
  const where: SQL[] = [ownedScopeSql(scope, member.orgId)];
  if (s.q) {
    const grams = queryGrams(s.q);
    const term = s.q.replace(/\s+/g, '');
    const like = sql`${member.name} LIKE ${'%' + escapeLike(term) + '%'}`;
    if ([...term].length === 1 && (s.oneCharVia ?? (scope.all ? 'grams' : 'scan')) === 'scan') {
      // A common character (a frequent surname) is in a few percent of all names: the GIN index
      // would hand over tens of thousands of rows across the city to visit one by one. Testing the
      // name on the scope index's entries (it includes the name) stops at the count cap instead.
      where.push(like);
    } else {
      // Containment on the GIN index narrows to candidates; LIKE keeps only real substrings.
      where.push(
        sql`${member.nameGrams} @> ARRAY[${sql.join(
          grams.map((g) => sql`${g}`),
          sql`, `,
        )}]::text[]`,
      );
      // Two characters are one gram, so containment is exact; longer terms need LIKE, also when their
      // grams repeat (鑫鑫鑫鑫 has the one gram 鑫鑫, which 周鑫鑫 contains).
      if ([...term].length > 2) where.push(like);
    }
  }
  if (s.idIndex) where.push(eq(member.idIndex, s.idIndex));
  if (s.mobileIndex) where.push(eq(member.mobileIndex, s.mobileIndex));
  if (s.cardNo) where.push(eq(member.cardNo, s.cardNo));
  if (s.under) where.push(underOrgSql(member.orgId, s.under));
  if (s.employmentForms?.length)
    where.push(
      sql`${member.employmentForm} IN (${sql.join(
        s.employmentForms.map((f) => sql`${f}`),
        sql`, `,
      )})`,
    );
  if (s.status) where.push(eq(member.status, s.status));
  if (s.joinFrom) where.push(gte(member.joinDate, s.joinFrom));
  if (s.joinTo) where.push(lte(member.joinDate, s.joinTo));
  if (s.sex) where.push(eq(member.sex, s.sex));
  if (s.bornFrom) where.push(gte(member.birthDate, s.bornFrom));
  if (s.bornTo) where.push(lte(member.birthDate, s.bornTo));
  if (s.migrantWorker !== undefined) where.push(eq(member.migrantWorker, s.migrantWorker));
  // The literal (not a parameter) lets the planner use the partial index member_consent_to_collect_idx.
  if (s.consentStatus) where.push(s.consentStatus === 'to_collect' ? sql`${member.consentStatus} = 'to_collect'` : sql`${member.consentStatus} = 'given'`);
  return and(...where)!;
}

const SORTS = { joinDate: member.joinDate, name: member.name, cardNo: member.cardNo, birthDate: member.birthDate } as const;
export type MemberSort = keyof typeof SORTS;

export interface MemberPageRow {
  id: string;
  name: string;
  idMasked: string;
  mobileMasked: string | null;
  sex: string;
  birthDate: string;
  orgId: string;
  orgName: string;
  employmentForm: string;
  migrantWorker: boolean;
  status: string;
  joinDate: string;
  cardNo: string;
  version: number;
}

/**
 * One page of a search and its capped count, in **one statement** (one round trip):
 * `hits` takes at most `collect` (default `cap + 1`) matches in whatever order is cheapest (the
 * scope index for a broad search, the blind or gram index for a narrow one) with their sort key.
 * When there are fewer, they are every match: the page is sorted from them. Otherwise the page walks the
 * sort order (`member_join_date_idx` for the default) — a one-time filter on the hit count decides,
 * so only one of the two page branches runs.
 */
export async function searchMemberPage(
  exec: { query: <T>(q: SQL) => Promise<T[]> },
  where: SQL,
  sort: MemberSort,
  order: 'asc' | 'desc',
  offset: number,
  limit: number,
  cap: number,
  collect = cap + 1,
): Promise<{ hits: number; rows: MemberPageRow[] }> {
  const key = sql.raw(SORTS[sort].name);
  const dir = sql.raw(order === 'desc' ? 'DESC' : 'ASC');
  const [r] = await exec.query<{ hits: number; rows: MemberPageRow[] | null }>(sql`
    WITH hits AS MATERIALIZED (SELECT member.id, member.${key} AS k FROM member WHERE ${where} LIMIT ${collect}),
    n AS (SELECT count(*)::int AS c FROM hits),
    page AS (
      (SELECT h.id, h.k FROM hits h WHERE (SELECT c FROM n) < ${collect} ORDER BY h.k ${dir}, h.id LIMIT ${limit} OFFSET ${offset})
      UNION ALL
      (SELECT member.id, member.${key} FROM member WHERE (SELECT c FROM n) >= ${collect} AND ${where} ORDER BY member.${key} ${dir}, member.id LIMIT ${limit} OFFSET ${offset}))
    SELECT (SELECT c FROM n) AS hits, (
      SELECT json_agg(json_build_object(
        'id', m.id, 'name', m.name, 'idMasked', m.id_masked, 'mobileMasked', m.mobile_masked, 'sex', m.sex, 'birthDate', m.birth_date,
        'orgId', m.org_id, 'orgName', o.name, 'employmentForm', m.employment_form, 'migrantWorker', m.migrant_worker, 'status', m.status,
        'joinDate', m.join_date, 'cardNo', m.card_no, 'version', m.version) ORDER BY p.k ${dir}, p.id)
      FROM page p JOIN member m ON m.id = p.id JOIN org o ON o.id = m.org_id) AS rows`);
  return { hits: r!.hits, rows: r!.rows ?? [] };
}

export async function countMembers(exec: Executor, where: SQL): Promise<number> {
  const [r] = await exec
    .select({ n: sql<number>`count(*)::int` })
    .from(member)
    .where(where);
  return r?.n ?? 0;
}

export async function getMember(exec: Executor, id: string) {
  const [m] = await exec.select().from(member).where(eq(member.id, id));
  return m;
}

export async function getMemberByIdIndex(exec: Executor, idIndex: string) {
  const [m] = await exec.select().from(member).where(eq(member.idIndex, idIndex));
  return m;
}

export async function memberEvents(exec: Executor, memberId: string) {
  return exec
    .select({
      id: membershipEvent.id,
      kind: membershipEvent.kind,
      onDate: membershipEvent.onDate,
      orgId: membershipEvent.orgId,
      orgName: org.name,
      reason: membershipEvent.reason,
      createdAt: membershipEvent.createdAt,
    })
    .from(membershipEvent)
    .innerJoin(org, eq(org.id, membershipEvent.orgId))
    .where(eq(membershipEvent.memberId, memberId))
    .orderBy(asc(membershipEvent.onDate), asc(membershipEvent.createdAt), asc(membershipEvent.id));
}

export async function nextCardNo(exec: Executor): Promise<string> {
  const rows = (await exec.execute(sql`SELECT nextval('member_card_seq')::bigint AS n`)) as unknown as { rows: { n: number | string }[] };
  return 'GH' + String(rows.rows[0]!.n).padStart(10, '0');
}
