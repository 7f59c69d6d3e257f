import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { wageArrears, wageRecovery, type WageArrearsRow } from './wage-arrears.schema.js';
import { disputes, orgNames } from './dispute.repo.js';
import { org } from '../org/org.schema.js';
import { requireOrgInScope } from '../org/org.service.js';
import { escapeLike, underOrgSql } from '../../platform/scope.js';
import { resource } from '../../platform/resource.js';
import { ruleOn } from '../../platform/rules.js';
import { errors } from '../../platform/errors.js';
import { WINTER_CAMPAIGN_RULE, winterCampaign } from '../../../../common/src/dispute-rules.js';
import { todayInChina } from '../../../../common/src/dates.js';
import type { Ctx } from '../../platform/context.js';
import type { Executor } from '../../db/client.js';
import type { WageArrearsInput, WageArrearsListParams } from '../../../../common/src/contracts/wage-arrears.js';

/**
 * Wage arrears (欠薪, docs/rights.md "Wage arrears"): a case follows what an employer owes its
 * workers until it is recovered; the amount recovered is the sum of the recorded payments, and the
 * case is cleared (清欠) when nothing is outstanding. An employer with open cases is flagged.
 */

const outstanding = sql`(${wageArrears.owedFen} - ${wageArrears.recoveredFen})`;
export const arrears = resource<typeof wageArrears, WageArrearsListParams>({
  table: wageArrears,
  entity: 'wage_arrears',
  noun: ['欠薪案件', 'wage-arrears case'],
  orgColumn: wageArrears.orgId,
  idColumn: wageArrears.id,
  versionColumn: wageArrears.version,
  filters: {
    q: (v) =>
      sql`(${wageArrears.caseNo} = ${v.toUpperCase()} OR ${wageArrears.employerName} LIKE ${'%' + escapeLike(v) + '%'} OR ${wageArrears.projectName} LIKE ${'%' + escapeLike(v) + '%'})`,
    status: (v) => eq(wageArrears.status, v),
    under: (v) => underOrgSql(wageArrears.orgId, v),
    construction: () => eq(wageArrears.construction, true),
    campaign: () => eq(wageArrears.status, 'open'),
  },
  sorts: { reportedOn: wageArrears.reportedOn, outstanding },
  countCap: 1000,
});

const employerKey = (r: Pick<WageArrearsRow, 'employerUscc' | 'employerName'>) => r.employerUscc ?? `name:${r.employerName}`;

/** Open cases per employer (by credit code, else by name) in the caller's scope. */
async function employerOpen(c: Ctx, rows: WageArrearsRow[], exec: Executor = c.db): Promise<Map<string, number>> {
  if (!rows.length) return new Map();
  const keys = [...new Set(rows.map(employerKey))];
  const got = await exec
    .select({ key: sql<string>`coalesce(${wageArrears.employerUscc}, 'name:' || ${wageArrears.employerName})`, n: sql<number>`count(*)::int` })
    .from(wageArrears)
    .where(
      and(
        arrears.inScope(c),
        eq(wageArrears.status, 'open'),
        inArray(sql`coalesce(${wageArrears.employerUscc}, 'name:' || ${wageArrears.employerName})`, keys),
      ),
    )
    .groupBy(sql`1`);
  return new Map(got.map((g) => [g.key, Number(g.n)]));
}

async function present(c: Ctx, rows: WageArrearsRow[], exec: Executor = c.db) {
  const names = await orgNames(
    exec,
    rows.map((r) => r.orgId),
  );
  const open = await employerOpen(c, rows, exec);
  return rows.map((r) => ({
    id: r.id,
    caseNo: r.caseNo,
    orgId: r.orgId,
    orgName: names.get(r.orgId) ?? '',
    disputeId: r.disputeId,
    employerName: r.employerName,
    employerUscc: r.employerUscc,
    construction: r.construction,
    projectName: r.projectName,
    siteAddress: r.siteAddress,
    workersAffected: r.workersAffected,
    migrantWorkers: r.migrantWorkers,
    owedFen: Number(r.owedFen),
    recoveredFen: Number(r.recoveredFen),
    outstandingFen: Number(r.owedFen) - Number(r.recoveredFen),
    status: r.status,
    reportedOn: r.reportedOn,
    clearedOn: r.clearedOn,
    note: r.note,
    employerOpenCases: open.get(employerKey(r)) ?? 0,
    version: r.version,
  }));
}

export async function listArrears(c: Ctx, q: WageArrearsListParams) {
  const query = q.campaign ? { ...q, sort: 'outstanding' as const, order: 'desc' as const } : q;
  const [page, totals, rule] = await Promise.all([
    arrears.list(c, query),
    c.db
      .select({
        owed: sql<number>`coalesce(sum(${wageArrears.owedFen}), 0)::bigint`,
        recovered: sql<number>`coalesce(sum(${wageArrears.recoveredFen}), 0)::bigint`,
        workers: sql<number>`coalesce(sum(${wageArrears.workersAffected}), 0)::int`,
      })
      .from(wageArrears)
      .where(arrears.where(c, query)),
    ruleOn(c, WINTER_CAMPAIGN_RULE, todayInChina()),
  ]);
  const t = totals[0]!;
  return {
    ...page,
    items: await present(c, page.items),
    totals: { owedFen: Number(t.owed), recoveredFen: Number(t.recovered), workers: Number(t.workers) },
    campaign: winterCampaign(todayInChina(), rule),
  };
}

export async function getArrears(c: Ctx, id: string) {
  const r = await arrears.get(c, id);
  const recoveries = await c.db
    .select()
    .from(wageRecovery)
    .where(eq(wageRecovery.arrearsId, id))
    .orderBy(asc(wageRecovery.paidOn), asc(wageRecovery.createdAt));
  return { ...(await present(c, [r]))[0]!, recoveries: recoveries.map((p) => ({ id: p.id, paidOn: p.paidOn, amountFen: Number(p.amountFen), note: p.note })) };
}

export async function createArrears(c: Ctx, input: WageArrearsInput) {
  const reportedOn = input.reportedOn ?? todayInChina();
  if (reportedOn > todayInChina()) throw errors.invalid('登记日期不能晚于今天', 'The date is in the future');
  if (input.migrantWorkers > input.workersAffected) throw errors.invalid('农民工人数不能多于涉及人数', 'More migrant workers than workers affected');
  return c.db.transaction(async (tx) => {
    await requireOrgInScope(c, tx, input.orgId);
    if (input.disputeId) await disputes.get(c, input.disputeId, { exec: tx });
    const res = (await tx.execute(sql`SELECT nextval('wage_arrears_seq')::bigint AS n`)) as unknown as { rows: { n: number | string }[] };
    const caseNo = 'QX' + reportedOn.slice(0, 4) + String(res.rows[0]!.n).padStart(6, '0');
    const row = await arrears.create(
      c,
      tx,
      { id: uuidv7(), caseNo, ...input, reportedOn, status: 'open', createdBy: c.actor.userId },
      { action: 'wage_arrears.create' },
    );
    return (await present(c, [row], tx))[0]!;
  });
}

/** A payment recovered: it may not exceed what is outstanding; when nothing remains, the case is cleared. */
export async function recordRecovery(c: Ctx, id: string, input: { paidOn: string; amountFen: number; note: string | null }) {
  if (input.paidOn > todayInChina()) throw errors.invalid('追回日期不能晚于今天', 'The payment date is in the future');
  return c.db.transaction(async (tx) => {
    const r = await arrears.get(c, id, { exec: tx, lock: true });
    const left = Number(r.owedFen) - Number(r.recoveredFen);
    if (r.status !== 'open') throw errors.conflict('该欠薪案件已清欠', 'This case is already cleared');
    if (input.amountFen > left)
      throw errors.invalid(`追回金额超过尚欠金额（尚欠 ${(left / 100).toFixed(2)} 元）`, `More than the outstanding ${(left / 100).toFixed(2)} yuan`);
    await tx
      .insert(wageRecovery)
      .values({ id: uuidv7(), arrearsId: id, orgId: r.orgId, paidOn: input.paidOn, amountFen: input.amountFen, note: input.note, createdBy: c.actor.userId });
    const recovered = Number(r.recoveredFen) + input.amountFen;
    const cleared = recovered >= Number(r.owedFen);
    const { after } = await arrears.update(
      c,
      tx,
      id,
      undefined,
      { recoveredFen: recovered, ...(cleared ? { status: 'cleared', clearedOn: input.paidOn } : {}) },
      {
        action: cleared ? 'wage_arrears.cleared' : 'wage_arrears.recovery',
        changes: { amountFen: input.amountFen, paidOn: input.paidOn, recoveredFen: recovered },
      },
    );
    return (await present(c, [after], tx))[0]!;
  });
}

/** The board: per child organisation of the caller's own, open and cleared cases, workers, owed, recovered and outstanding; the employers with the most outstanding. */
export async function arrearsBoard(c: Ctx) {
  const scope = arrears.inScope(c);
  const kids = await c.db.select({ id: org.id, name: org.name, path: org.path }).from(org).where(eq(org.parentId, c.actor.orgId)).orderBy(asc(org.path));
  const [areas, flagged] = await Promise.all([
    kids.length
      ? (c.db.execute(sql`
          SELECT k.id, count(*) FILTER (WHERE wage_arrears.status = 'open')::int AS open, count(*) FILTER (WHERE wage_arrears.status = 'cleared')::int AS cleared,
                 coalesce(sum(wage_arrears.workers_affected) FILTER (WHERE wage_arrears.status = 'open'), 0)::int AS workers,
                 coalesce(sum(wage_arrears.owed_fen), 0)::bigint AS owed, coalesce(sum(wage_arrears.recovered_fen), 0)::bigint AS recovered
          FROM org k JOIN org o ON o.path LIKE k.path || '%' JOIN wage_arrears ON wage_arrears.org_id = o.id
          WHERE k.id IN (${sql.join(
            kids.map((k) => sql`${k.id}::uuid`),
            sql`, `,
          )}) AND ${scope}
          GROUP BY k.id`) as unknown as Promise<{ rows: { id: string; open: number; cleared: number; workers: number; owed: string; recovered: string }[] }>)
      : Promise.resolve({ rows: [] }),
    c.db
      .select({
        employerName: sql<string>`min(${wageArrears.employerName})`,
        employerUscc: wageArrears.employerUscc,
        openCases: sql<number>`count(*)::int`,
        outstandingFen: sql<number>`sum(${outstanding})::bigint`,
      })
      .from(wageArrears)
      .where(and(scope, eq(wageArrears.status, 'open')))
      .groupBy(wageArrears.employerUscc, sql`CASE WHEN ${wageArrears.employerUscc} IS NULL THEN ${wageArrears.employerName} END`)
      .orderBy(sql`sum(${outstanding}) DESC`)
      .limit(10),
  ]);
  const by = new Map(areas.rows.map((a) => [a.id, a]));
  return {
    areas: kids.map((k) => {
      const a = by.get(k.id);
      const owed = Number(a?.owed ?? 0);
      const recovered = Number(a?.recovered ?? 0);
      return {
        id: k.id,
        name: k.name,
        open: Number(a?.open ?? 0),
        cleared: Number(a?.cleared ?? 0),
        workers: Number(a?.workers ?? 0),
        owedFen: owed,
        recoveredFen: recovered,
        outstandingFen: owed - recovered,
      };
    }),
    flaggedEmployers: flagged.map((f) => ({
      employerName: f.employerName,
      employerUscc: f.employerUscc,
      openCases: Number(f.openCases),
      outstandingFen: Number(f.outstandingFen),
    })),
  };
}
