/**
 * Demo competitions and innovation studios (docs/achievement.md): two years of labour and skills
 * contests across sectors (city, district and sector level, one national contest with a winner who
 * may go outside the quota), with entries from units of every kind; 40 studios, most in one of 3
 * alliances, led by holders of the registry, with results and yearly evaluations. Deterministic.
 */
import { sql } from 'drizzle-orm';
import { competition, competitionEntry } from '../modules/competition/competition.schema.js';
import { studio, studioAlliance, studioEvaluation, studioResult } from '../modules/studio/studio.schema.js';
import { SECTORS, SECTOR_LABELS } from '../../../common/src/competition-vocab.js';
import { addDays, createRng } from './prng.js';
import { DEMO_DEFAULT_SEED, DEMO_REFERENCE_DATE, randomPersonName } from './demo-city.js';
import type { Executor } from '../db/client.js';

const REF = DEMO_REFERENCE_DATE;
const YEAR = Number(REF.slice(0, 4));
const EVENTS: Record<string, string[]> = {
  manufacturing: ['焊工', '钳工', '数控车工'],
  construction: ['砌筑工', '钢筋工'],
  transport: ['快递员', '货车驾驶员'],
  energy: ['电工', '变电运维'],
  it: ['网络安全', '软件测试'],
  services: ['餐厅服务', '家政服务'],
  education: ['教学能手'],
  health: ['护理技能'],
  public: ['公文写作'],
  other: ['综合技能'],
};

export async function seedDemoAchievement(tx: Executor, opts: { seed?: number; competitions?: number; studios?: number } = {}) {
  const rng = createRng(opts.seed ?? DEMO_DEFAULT_SEED).fork('achievement');
  const q = async <T>(s: ReturnType<typeof sql>) => ((await tx.execute(s)) as unknown as { rows: T[] }).rows;
  const [city] = await q<{ id: string }>(sql`SELECT id FROM org WHERE parent_id IS NULL ORDER BY code LIMIT 1`);
  const districts = await q<{ id: string; name: string }>(sql`SELECT id, name FROM org WHERE level = 'county' ORDER BY code`);
  const unions = await q<{ id: string; name: string; employee_count: number | null; kind: string | null }>(
    sql`SELECT id, name, employee_count, kind FROM org WHERE level = 'grassroots' AND active ORDER BY code`,
  );
  if (!city || !unions.length) return { competitions: 0, entries: 0, studios: 0, results: 0 };
  const comps: (typeof competition.$inferInsert)[] = [];
  const entries: (typeof competitionEntry.$inferInsert)[] = [];
  const n = opts.competitions ?? 24;
  for (let i = 0; i < n; i++) {
    const sector = SECTORS[i % SECTORS.length]!;
    const year = i % 2 === 0 ? YEAR : YEAR - 1;
    const level = i === 0 ? 'national' : i % 3 === 0 ? 'sector' : i % 3 === 1 ? 'city' : 'county';
    const org = level === 'county' ? rng.pick(districts) : city;
    const startsOn = `${year}-${String(rng.int(3, 8)).padStart(2, '0')}-01`;
    const id = rng.uuid();
    const kind = i % 2 === 0 ? 'skills' : 'labour';
    comps.push({
      id,
      orgId: org.id,
      name: `${year}年${level === 'national' ? '全国职工职业技能大赛（江城赛区）' : `江城${SECTOR_LABELS[sector].zh}${kind === 'skills' ? '职业技能竞赛' : '“建功十四五”劳动竞赛'}`}`,
      kind,
      level,
      sector,
      startsOn,
      endsOn: addDays(startsOn, rng.int(30, 150)),
      rules: '按竞赛方案评分，满分100分。',
      isDemo: true,
    });
    for (const event of EVENTS[sector] ?? ['综合技能']) {
      const k = rng.int(8, 20);
      for (let j = 0; j < k; j++) {
        const u = rng.pick(unions);
        const score = rng.int(6000, 9900);
        entries.push({
          id: rng.uuid(),
          competitionId: id,
          orgId: org.id,
          event,
          unitName: u.name.replace(/工会.*$/, '') || u.name,
          unitOrgId: u.id,
          teamName: rng.chance(0.3) ? `${event}班组` : null,
          personName: randomPersonName(rng),
          smallEmployer: (u.employee_count ?? 100) < 50,
          nonPublic: u.kind !== 'public_institution' && rng.chance(0.6),
          gig: sector === 'transport' && rng.chance(0.5),
          scoreCenti: score,
          winner: false,
          award: null,
        });
      }
    }
  }
  // The top three of each event win.
  const byEvent = new Map<string, (typeof competitionEntry.$inferInsert)[]>();
  for (const e of entries) byEvent.set(e.competitionId + e.event, [...(byEvent.get(e.competitionId + e.event) ?? []), e]);
  for (const list of byEvent.values()) {
    list
      .sort((a, b) => b.scoreCenti! - a.scoreCenti!)
      .slice(0, 3)
      .forEach((e, i) => {
        e.winner = true;
        e.award = ['一等奖', '二等奖', '三等奖'][i]!;
      });
  }
  await tx.insert(competition).values(comps);
  for (let i = 0; i < entries.length; i += 500) await tx.insert(competitionEntry).values(entries.slice(i, i + 500));

  const alliances = [
    { id: rng.uuid(), orgId: city.id, name: '江城市劳模和工匠人才创新工作室联盟', kind: 'cross_sector', foundedOn: `${YEAR - 4}-05-01`, isDemo: true },
    { id: rng.uuid(), orgId: city.id, name: '江城市智能制造创新工作室联盟', kind: 'cross_employer', foundedOn: `${YEAR - 3}-09-01`, isDemo: true },
    {
      id: rng.uuid(),
      orgId: districts[0]!.id,
      name: `${districts[0]!.name.replace('总工会', '')}跨区域工匠创新联盟`,
      kind: 'cross_region',
      foundedOn: `${YEAR - 2}-03-15`,
      isDemo: true,
    },
  ];
  await tx.insert(studioAlliance).values(alliances);
  const leaders = await q<{ id: string; name: string; org_id: string; kind: string }>(
    sql`SELECT id, name, org_id, kind FROM honor_record WHERE kind IN ('model_worker', 'craftsman') ORDER BY id LIMIT 60`,
  );
  const studios: (typeof studio.$inferInsert)[] = [];
  const results: (typeof studioResult.$inferInsert)[] = [];
  const evals: (typeof studioEvaluation.$inferInsert)[] = [];
  for (let i = 0; i < (opts.studios ?? 40); i++) {
    const leader = leaders[i % Math.max(1, leaders.length)];
    const orgId = leader?.org_id ?? rng.pick(unions).id;
    const sector = rng.pick(SECTORS);
    const id = rng.uuid();
    const leaderName = leader?.name ?? randomPersonName(rng);
    studios.push({
      id,
      orgId,
      name: `${leaderName}${leader?.kind === 'craftsman' ? '工匠人才' : '劳模'}创新工作室`,
      kind: leader?.kind === 'craftsman' ? 'craftsman' : 'model_worker',
      level: rng.pick(['city', 'city', 'county', 'province']),
      sector,
      leaderName,
      leaderRecordId: leader?.id ?? null,
      members: Array.from({ length: rng.int(3, 8) }, () => ({ name: randomPersonName(rng), post: rng.pick(['技师', '技术员', '班组长', '工程师']) })),
      allianceId: i < 36 ? alliances[i % 3]!.id : null,
      foundedOn: `${rng.int(YEAR - 8, YEAR - 1)}-${String(rng.int(1, 12)).padStart(2, '0')}-01`,
      isDemo: true,
    });
    for (let k = rng.int(1, 5); k > 0; k--) {
      const kind = rng.pick(['patent', 'process', 'saving', 'award', 'exchange'] as const);
      results.push({
        id: rng.uuid(),
        studioId: id,
        orgId,
        kind,
        title: {
          patent: '实用新型专利：一种快速定位夹具',
          process: '焊接工艺参数优化',
          saving: '余料回收再利用',
          award: '市职工技术创新成果一等奖',
          exchange: '跨企业观摩交流活动',
        }[kind],
        onDate: rng.date(addDays(REF, -700), REF),
        savingsFen: kind === 'saving' || kind === 'process' ? rng.int(5, 300) * 1_000_000 : 0,
        note: null,
      });
    }
    for (const y of [YEAR - 1, YEAR]) {
      if (rng.chance(0.8))
        evals.push({
          id: rng.uuid(),
          studioId: id,
          orgId,
          year: y,
          grade: rng.weighted([
            ['excellent', 2],
            ['good', 5],
            ['pass', 3],
          ] as const),
          fundingFen: rng.int(2, 10) * 1_000_000,
          note: null,
        });
    }
  }
  await tx.insert(studio).values(studios);
  if (results.length) await tx.insert(studioResult).values(results);
  if (evals.length) await tx.insert(studioEvaluation).values(evals);
  return { competitions: comps.length, entries: entries.length, studios: studios.length, results: results.length };
}
