import { assessment, assessmentAppeal, assessmentEntry, assessmentIndicator, type IndicatorDef, type ScoreItem } from '../modules/plan/assessment.schema.js';
import { computeDeadline } from '../../../common/src/deadlines.js';
import { APPEAL_RULE, autoScore, rankByTotal } from '../../../common/src/assessment-vocab.js';
import { KPI_METRICS } from '../../../common/src/plan-vocab.js';
import type { CalendarOverrides } from '../../../common/src/working-days.js';
import type { Executor } from '../db/client.js';
import { createRng, addDays } from './prng.js';
import { DEMO_DEFAULT_SEED, DEMO_REFERENCE_DATE, type DemoOrg } from './demo-city.js';

/**
 * Last year's assessment of the districts by the city (docs/plans.md, "Yearly assessment"):
 * self-assessed, reviewed, ranked and published 40 days before the demo date, with one appeal
 * filed in the period and answered. Deterministic: its own PRNG fork.
 */
export async function seedDemoAssessment(tx: Executor, orgs: DemoOrg[], calendar?: CalendarOverrides) {
  const rng = createRng(DEMO_DEFAULT_SEED).fork('assessment');
  const city = orgs.find((o) => o.level === 'city')!;
  const districts = orgs.filter((o) => o.parentId === city.id);
  const year = Number(DEMO_REFERENCE_DATE.slice(0, 4)) - 1;
  const publishedOn = addDays(DEMO_REFERENCE_DATE, -40);
  const appealDue = computeDeadline(publishedOn, APPEAL_RULE, calendar).due;
  const ind = (
    name: string,
    weight: number,
    kind: 'auto' | 'manual',
    metric: keyof typeof KPI_METRICS | null = null,
    target: number | null = null,
  ): IndicatorDef => ({
    id: rng.uuid(),
    name,
    weight,
    kind,
    metric,
    target,
    unit: metric ? KPI_METRICS[metric].unit : null,
    description: null,
  });
  const defs = [
    ind('职工入会率', 30, 'auto', 'member.coverage', 90),
    ind('困难职工解困脱困', 20, 'auto', 'hardship.exited', 30),
    ind('集体协商建制', 20, 'manual'),
    ind('职工之家建设', 15, 'manual'),
    ind('服务职工实事', 15, 'manual'),
  ];
  const id = rng.uuid();
  await tx.insert(assessment).values({ id, orgId: city.id, year, title: `${year}年度县区工会工作考核`, status: 'published', publishedOn, appealDue });
  await tx.insert(assessmentIndicator).values({ assessmentId: id, items: defs });
  const rows = districts.map((d) => {
    const items: ScoreItem[] = defs.map((x) => {
      const value = x.kind === 'auto' ? (x.unit === '%' ? rng.int(700, 990) / 10 : rng.int(10, 40)) : null;
      const review = x.kind === 'auto' ? autoScore(value!, x.target!, x.weight) : rng.int(Math.ceil(x.weight * 0.6), x.weight);
      const self = x.kind === 'auto' ? review : Math.min(x.weight, review + rng.int(0, 2));
      return { indicatorId: x.id, value, self, evidence: x.kind === 'manual' ? '工作总结、台账及照片' : null, review, note: null };
    });
    const sum = (k: 'self' | 'review') => Math.round(items.reduce((s, i) => s + (i[k] ?? 0), 0) * 100) / 100;
    return { id: rng.uuid(), orgId: d.id, name: d.name, items, selfTotal: sum('self'), total: sum('review') };
  });
  const ranked = rankByTotal(rows);
  await tx.insert(assessmentEntry).values(
    ranked.map((r) => ({
      id: r.id,
      assessmentId: id,
      orgId: r.orgId,
      status: 'reviewed',
      items: r.items,
      selfTotal: r.selfTotal,
      total: r.total,
      rank: r.rank,
    })),
  );
  const last = ranked[ranked.length - 1];
  if (last) {
    await tx.insert(assessmentAppeal).values({
      id: rng.uuid(),
      assessmentId: id,
      entryId: last.id,
      orgId: last.orgId,
      status: 'answered',
      filedOn: addDays(publishedOn, 2),
      reason: '“集体协商建制”一项未计入第四季度新签订的区域性集体合同，申请复核',
      answer: '经复核，第四季度合同于考核截止日后报备，按考核办法不予计入，维持原评定',
      outcome: 'dismissed',
      answeredOn: addDays(publishedOn, 5),
    });
  }
  return { entries: ranked.length };
}
