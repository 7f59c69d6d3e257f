/**
 * Demo honours (docs/achievement.md): about 300 model workers, craftsmen and medal holders with care
 * records, many of them demo members; one city call in every state — drafting, taking nominations,
 * under review, in public notice (open from the reference date, with an objection), decided — and a
 * district call whose notice has ended with its nominees cleared, ready to approve. Deterministic
 * (its own PRNG fork, dates relative to DEMO_REFERENCE_DATE), inserted in bulk.
 */
import { sql } from 'drizzle-orm';
import { honorCall, honorCare, honorNomination, honorObjection, honorRecord } from '../modules/honor/honor.schema.js';
import { CLEARANCE_AGENCIES, HONOR_CALL_RULE, HONOR_KIND_LABELS, noticePeriod, type Floor, type HonorKind } from '../../../common/src/honor-rules.js';
import { addDays, createRng } from './prng.js';
import { DEMO_DEFAULT_SEED, DEMO_REFERENCE_DATE, randomPersonName } from './demo-city.js';
import type { Executor } from '../db/client.js';

export const DEMO_HOLDER_COUNT = 300;
const REF = DEMO_REFERENCE_DATE;
const YEAR = Number(REF.slice(0, 4));
const DEEDS = [
  '扎根生产一线二十余年，主持技术革新{n}项，年创效益数百万元，带出徒弟三十余名。',
  '坚守岗位、勇挑重担，带领班组连续多年安全生产无事故，多项指标居全市同行业前列。',
  '刻苦钻研操作技能，在全市职业技能竞赛中获第一名，获评高级技师，牵头成立创新工作室。',
  '疫情和汛期冲锋在前，保障城市运行，带领团队完成重点工程建设任务，获得群众广泛好评。',
  '长期从事快递配送工作，风雨无阻，服务零投诉，热心公益，带动新就业形态劳动者入会。',
];
const POSTS = ['钳工班长', '高级技师', '车间主任', '技术员', '快递员', '网约车驾驶员', '教师', '研究员', '焊工', '电工'];
const KIND_WEIGHTS: [HonorKind, number][] = [
  ['model_worker', 50],
  ['labor_medal', 25],
  ['craftsman', 15],
  ['advanced_worker', 10],
];
const LEVEL_WEIGHTS: [string, number][] = [
  ['city', 55],
  ['county', 25],
  ['province', 15],
  ['national', 5],
];
const LEVEL_ZH: Record<string, string> = { city: '市', county: '区', province: '省', national: '全国' };

export interface DemoHonorReport {
  holders: number;
  care: number;
  calls: number;
  nominations: number;
}

export async function seedDemoHonor(tx: Executor, opts: { seed?: number; holders?: number; focusOrgId?: string } = {}): Promise<DemoHonorReport> {
  const rng = createRng(opts.seed ?? DEMO_DEFAULT_SEED).fork('honor');
  const q = async <T>(s: ReturnType<typeof sql>) => ((await tx.execute(s)) as unknown as { rows: T[] }).rows;
  const [city] = await q<{ id: string; path: string }>(sql`SELECT id, path FROM org WHERE parent_id IS NULL ORDER BY code LIMIT 1`);
  const districts = await q<{ id: string; path: string; name: string }>(sql`SELECT id, path, name FROM org WHERE level = 'county' ORDER BY code`);
  if (!city || !districts.length) return { holders: 0, care: 0, calls: 0, nominations: 0 };
  const count = opts.holders ?? DEMO_HOLDER_COUNT;
  const members = await q<{ id: string; org_id: string; name: string; employer_name: string | null; org_name: string }>(sql`
    SELECT m.id, m.org_id, m.name, m.employer_name, o.name AS org_name FROM member m JOIN org o ON o.id = m.org_id ORDER BY m.id LIMIT ${count * 4}`);
  const unions = await q<{ id: string; name: string; path: string }>(sql`SELECT id, name, path FROM org WHERE level = 'grassroots' AND active ORDER BY code`);

  // The registry: holders, most of them demo members, with care records.
  const records: (typeof honorRecord.$inferInsert)[] = [];
  const care: (typeof honorCare.$inferInsert)[] = [];
  for (let i = 0; i < count; i++) {
    const m = members.length && rng.chance(0.8) ? members[(i * 4 + rng.int(0, 3)) % members.length]! : null;
    const u = m ? { id: m.org_id, name: m.org_name } : rng.pick(unions);
    const kind = rng.weighted(KIND_WEIGHTS);
    const level = rng.weighted(LEVEL_WEIGHTS);
    const year = rng.int(YEAR - 15, YEAR - 1);
    const id = rng.uuid();
    records.push({
      id,
      orgId: u.id,
      memberId: m?.id ?? null,
      kind,
      level,
      title: `${LEVEL_ZH[level]}${HONOR_KIND_LABELS[kind].zh}`,
      year,
      name: m?.name ?? randomPersonName(rng),
      employer: m?.employer_name ?? u.name.replace(/工会.*$/, ''),
      post: rng.pick(POSTS),
      certificateNo: `RY${year}D${String(i + 1).padStart(5, '0')}`,
      awardedOn: `${year}-04-${String(rng.int(20, 29)).padStart(2, '0')}`,
      isDemo: true,
    });
    for (let k = rng.int(0, 3); k > 0; k--) {
      const kindOf = rng.pick(['allowance', 'checkup', 'recuperation', 'visit'] as const);
      care.push({
        id: rng.uuid(),
        recordId: id,
        orgId: u.id,
        kind: kindOf,
        onDate: rng.date(addDays(REF, -720), REF),
        amountFen: kindOf === 'allowance' ? rng.int(5, 30) * 10_000 : kindOf === 'visit' ? rng.int(2, 10) * 10_000 : 0,
        note: null,
        byName: '演示数据',
      });
    }
  }
  for (let i = 0; i < records.length; i += 500) await tx.insert(honorRecord).values(records.slice(i, i + 500));
  for (let i = 0; i < care.length; i += 500) await tx.insert(honorCare).values(care.slice(i, i + 500));

  // Calls of the city in every state, each district holding a quota; one district call ready to approve.
  const floors = HONOR_CALL_RULE.defaults.at(-1)!.value.floors as Floor[];
  const source = HONOR_CALL_RULE.defaults.at(-1)!.source;
  const focusPath = opts.focusOrgId ? unions.find((u) => u.id === opts.focusOrgId)?.path : undefined;
  const focusDistrict = districts.find((d) => focusPath?.startsWith(d.path)) ?? districts[0]!;
  const quotas = districts.map((d) => ({ orgId: d.id, kind: 'model_worker' as HonorKind, n: 6 }));
  const calls: (typeof honorCall.$inferInsert)[] = [];
  const noms: (typeof honorNomination.$inferInsert)[] = [];
  const objections: (typeof honorObjection.$inferInsert)[] = [];
  const cleared = CLEARANCE_AGENCIES.map((agency) => ({ agency, result: 'clear', on: addDays(REF, -3), note: null }));
  const pending = CLEARANCE_AGENCIES.map((agency) => ({ agency, result: 'pending', on: null, note: null }));
  const open = noticePeriod(REF, { n: 5, unit: 'working_days' });
  const ended = noticePeriod(addDays(REF, -20), { n: 5, unit: 'working_days' });
  const states: { status: string; title: string; year: number; nomStatus: string; notice?: { from: string; to: string }; orgId?: string; q?: typeof quotas }[] =
    [
      { status: 'draft', title: `${YEAR + 1}年江城市五一劳动奖章评选`, year: YEAR + 1, nomStatus: '' },
      { status: 'nominating', title: `${YEAR}年江城市劳动模范评选`, year: YEAR, nomStatus: 'nominated' },
      { status: 'reviewing', title: `${YEAR}年江城市工人先锋号评选`, year: YEAR, nomStatus: 'submitted' },
      { status: 'notice', title: `${YEAR}年江城市五一劳动奖章评选`, year: YEAR, nomStatus: 'recommended', notice: open },
      {
        status: 'decided',
        title: `${YEAR - 1}年江城市劳动模范评选`,
        year: YEAR - 1,
        nomStatus: 'approved',
        notice: { from: `${YEAR - 1}-04-10`, to: `${YEAR - 1}-04-16` },
      },
      {
        status: 'notice',
        title: `${YEAR}年${focusDistrict.name}先进工作者评选`,
        year: YEAR,
        nomStatus: 'recommended',
        notice: ended,
        orgId: focusDistrict.id,
        q: [],
      },
    ];
  for (const s of states) {
    const callId = rng.uuid();
    const callOrg = s.orgId ?? city.id;
    const kind: HonorKind = s.title.includes('奖章')
      ? 'labor_medal'
      : s.title.includes('先锋号')
        ? 'pioneer'
        : s.title.includes('先进工作者')
          ? 'advanced_worker'
          : 'model_worker';
    const streetUnits = unions.filter((u) => u.path.startsWith(focusDistrict.path));
    const quotaHolders = s.q ? [unions.find((u) => u.id === opts.focusOrgId) ?? streetUnits[0]!] : districts;
    calls.push({
      id: callId,
      orgId: callOrg,
      title: s.title,
      year: s.year,
      kinds: [kind],
      status: s.status,
      nominationDeadline: addDays(REF, s.status === 'nominating' ? 20 : -30),
      noticeFrom: s.notice?.from ?? null,
      noticeTo: s.notice?.to ?? null,
      noticeDays: 5,
      noticeUnit: 'working_days',
      floors,
      floorSource: source,
      quotas: s.q ? quotaHolders.map((u) => ({ orgId: u.id, kind, n: 3 })) : quotas.map((x) => ({ ...x, kind })),
      note: '演示数据',
      isDemo: true,
    });
    if (!s.nomStatus) continue;
    for (const [di, d] of quotaHolders.entries()) {
      const inDistrict = s.q ? [d] : unions.filter((u) => u.path.startsWith(d.path));
      const n = s.q ? 2 : 3;
      for (let k = 0; k < n; k++) {
        const unit =
          s.q && opts.focusOrgId
            ? { id: opts.focusOrgId }
            : k === 0 && d.id === focusDistrict.id && opts.focusOrgId
              ? { id: opts.focusOrgId }
              : rng.pick(inDistrict);
        const m = members.find((x) => x.org_id === unit.id && !noms.some((y) => y.memberId === x.id)) ?? null;
        const occupation = (['industrial_worker', 'industrial_worker', 'frontline_tech', 'teacher_researcher'] as const)[(k + di) % 4]!;
        const nomId = rng.uuid();
        noms.push({
          id: nomId,
          callId,
          orgId: unit.id,
          quotaOrgId: d.id,
          kind,
          name: m?.name ?? randomPersonName(rng),
          memberId: m?.id ?? null,
          employer: m?.employer_name ?? '江城演示单位',
          post: rng.pick(POSTS),
          occupation,
          migrantWorker: rng.chance(0.2),
          nonPublic: rng.chance(0.5),
          team: kind === 'pioneer',
          gigWorker: rng.chance(0.1),
          woman: rng.chance(0.4),
          frontline: occupation !== 'teacher_researcher',
          deeds: rng.pick(DEEDS).replace('{n}', String(rng.int(3, 20))),
          recommendation: { method: 'congress', on: addDays(REF, -40), votesFor: rng.int(60, 90), votesTotal: 95, note: null },
          status: s.nomStatus,
          clearance: ['recommended', 'approved'].includes(s.nomStatus) ? cleared : pending,
          isDemo: true,
        });
        if (s.status === 'notice' && !s.q && di === 0 && k === 0) {
          objections.push({
            id: rng.uuid(),
            callId,
            nominationId: nomId,
            orgId: callOrg,
            receiptNo: `YY${YEAR}D00001`,
            content: '反映该同志申报材料中的技术革新成果署名存在争议，请组织核实。',
            contactMasked: '139****21',
            status: 'registered',
          });
        }
        if (s.nomStatus === 'approved') {
          const recId = rng.uuid();
          noms[noms.length - 1]!.recordId = recId;
          await tx.insert(honorRecord).values({
            id: recId,
            orgId: unit.id,
            memberId: m?.id ?? null,
            callId,
            nominationId: nomId,
            kind,
            level: 'city',
            title: `市${HONOR_KIND_LABELS[kind].zh}`,
            year: s.year,
            name: noms[noms.length - 1]!.name,
            employer: noms[noms.length - 1]!.employer,
            post: noms[noms.length - 1]!.post,
            certificateNo: `RY${s.year}C${String(noms.length).padStart(5, '0')}`,
            awardedOn: `${s.year}-04-28`,
            isDemo: true,
          });
        }
      }
    }
  }
  await tx.insert(honorCall).values(calls);
  for (let i = 0; i < noms.length; i += 500) await tx.insert(honorNomination).values(noms.slice(i, i + 500));
  if (objections.length) await tx.insert(honorObjection).values(objections);
  await tx.execute(sql`SELECT setval('honor_objection_seq', 1)`);
  return { holders: count, care: care.length, calls: calls.length, nominations: noms.length };
}
