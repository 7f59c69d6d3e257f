import { and, asc, eq, inArray, isNotNull } from 'drizzle-orm';
import { DEMO_WORKER_MOBILES } from './demo-portal.js';
import { member } from '../modules/member/member.schema.js';
import { workerAccount } from '../modules/portal/portal.schema.js';
import { mutualAidClaim, mutualAidEnrolment, mutualAidPlan } from '../modules/mutual-aid/mutual-aid.schema.js';
import {
  coverEnd,
  coverStart,
  mutualAidRuleOn,
  MUTUAL_AID_BENEFITS,
  MUTUAL_AID_KIND_LABELS,
  type MutualAidKind,
} from '../../../common/src/mutual-aid-rules.js';
import type { Executor } from '../db/client.js';
import { addDays, createRng } from './prng.js';
import { DEMO_DEFAULT_SEED, DEMO_REFERENCE_DATE, type DemoOrg } from './demo-city.js';

/** Share of active members the demo enrols (docs/mutual-aid.md "Demo"). */
export const DEMO_MUTUAL_AID_SHARE = 0.3;
const FEES: Record<MutualAidKind, { fee: number; max: number }> = {
  accident: { fee: 3000, max: 5_000_000 },
  women_illness: { fee: 5000, max: 1_000_000 },
  serious_illness: { fee: 12000, max: 3_000_000 },
};
const STATES = ['submitted', 'approved', 'paid', 'rejected'] as const;

/**
 * The city federation's three plans, each running on the demo date; about 30% of active members
 * enrolled by their unions; claims in every state (the demo workers' members among them, so the
 * portal's 我的 shows a cover and claims). Deterministic: its own PRNG fork, dates from the demo date.
 */
export async function seedDemoMutualAid(tx: Executor, orgs: DemoOrg[], opts: { share?: number; fork?: string } = {}) {
  const share = opts.share ?? DEMO_MUTUAL_AID_SHARE;
  const rng = createRng(DEMO_DEFAULT_SEED).fork(opts.fork ?? 'mutual-aid');
  const today = DEMO_REFERENCE_DATE;
  const year = Number(today.slice(0, 4));
  const city = orgs.find((o) => o.level === 'city')!;
  const plans = (['accident', 'women_illness', 'serious_illness'] as const).map((kind, i) => {
    const startsOn = `${year - i}-01-01`;
    return {
      id: rng.uuid(),
      orgId: city.id,
      kind,
      name: `${year - i}年度${MUTUAL_AID_KIND_LABELS[kind].zh}计划`,
      feeFen: FEES[kind].fee,
      maxPayoutFen: FEES[kind].max,
      startsOn,
      coverYears: mutualAidRuleOn(startsOn).coverYears[kind],
      isDemo: true,
    };
  });
  await tx.insert(mutualAidPlan).values(plans);
  // A second seeding (the bench's, on top of the demo) adds plans of its own; members already enrolled keep their enrolment.
  // The demo workers of demo-portal.ts (fixed ids), not every portal account another seeder adds.
  const demoWorkers = DEMO_WORKER_MOBILES.map((_, i) => `00000000-0000-4000-8000-0000000a000${i + 1}`);
  const linked = new Set(
    (
      await tx
        .select({ id: workerAccount.memberId })
        .from(workerAccount)
        .where(and(inArray(workerAccount.id, demoWorkers), isNotNull(workerAccount.memberId)))
    ).map((r) => r.id!),
  );
  const members = await tx
    .select({ id: member.id, orgId: member.orgId, sex: member.sex })
    .from(member)
    .where(eq(member.status, 'active'))
    .orderBy(asc(member.id));
  const enrolments: (typeof mutualAidEnrolment.$inferInsert)[] = [];
  const claims: (typeof mutualAidClaim.$inferInsert)[] = [];
  let seq = 0;
  for (const m of members) {
    const isLinked = linked.has(m.id);
    if (!isLinked && !rng.chance(share)) continue;
    const kind: MutualAidKind = isLinked
      ? 'accident'
      : rng.weighted([
          ['accident', 6],
          ['serious_illness', 3],
          [m.sex === 'F' ? 'women_illness' : 'accident', 1],
        ] as const);
    const p = plans.find((x) => x.kind === kind)!;
    // Most pay before the unified start date; some later, covered from the first of the next month.
    const paidOn = rng.chance(0.85) ? addDays(p.startsOn, -rng.int(3, 40)) : addDays(p.startsOn, rng.int(0, 60));
    const from = coverStart(p.startsOn, paidOn);
    const to = coverEnd(from, p.coverYears);
    const e = { id: rng.uuid(), planId: p.id, orgId: m.orgId, memberId: m.id, paidOn, feeFen: p.feeFen, coverFrom: from, coverTo: to, isDemo: true };
    enrolments.push(e);
    if (from > today || (!isLinked && !rng.chance(0.04))) continue;
    for (let i = 0; i < (isLinked ? STATES.length : 1); i++) {
      const status = isLinked
        ? STATES[i]!
        : rng.weighted([
            ['submitted', 3],
            ['approved', 2],
            ['paid', 6],
            ['rejected', 1],
          ] as const);
      const last = to < today ? to : today;
      const eventOn = rng.date(from, last);
      const benefit = rng.pick(MUTUAL_AID_BENEFITS[kind].filter((b) => b !== 'disability' && b !== 'death'));
      const amountFen = rng.int(20, 800) * 100 * (kind === 'accident' ? 1 : 10);
      const approvedFen = status === 'approved' || status === 'paid' ? Math.round(amountFen * (rng.int(70, 100) / 100)) : null;
      claims.push({
        id: rng.uuid(),
        claimNo: `HZ${eventOn.replace(/-/g, '')}-Y${String(++seq).padStart(5, '0')}`,
        enrolmentId: e.id,
        planId: p.id,
        orgId: m.orgId,
        memberId: m.id,
        status,
        benefit,
        eventOn,
        assessedOn: null,
        amountFen,
        approvedFen,
        description: kind === 'accident' ? '工作中意外受伤，门诊及住院治疗' : '经三级医院确诊，住院治疗',
        filedBy: isLinked || rng.chance(0.2) ? 'worker' : 'union',
        reason: status === 'rejected' ? '事故不属于保障责任范围' : null,
        paidOn: status === 'paid' ? (addDays(eventOn, 30) < today ? addDays(eventOn, 30) : today) : null,
        isDemo: true,
      });
    }
  }
  for (let i = 0; i < enrolments.length; i += 2000)
    await tx
      .insert(mutualAidEnrolment)
      .values(enrolments.slice(i, i + 2000))
      .onConflictDoNothing();
  for (let i = 0; i < claims.length; i += 1000) await tx.insert(mutualAidClaim).values(claims.slice(i, i + 1000));
  return { plans: plans.length, enrolments: enrolments.length, members: members.length, claims: claims.length };
}
