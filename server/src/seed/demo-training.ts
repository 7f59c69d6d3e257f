/**
 * Demo training, certificates, mentoring and proposals (docs/achievement.md): courses online and
 * offline over two years with sign-ups and attendance, skill certificates of every level held by
 * about one active member in twenty, 师带徒 pairs active, completed and ended, and proposals in
 * every state with their value and reward. In proportion to the member registry (city scale at the
 * default 200,000 members); the demo grassroots union and its portal workers always have some.
 * Deterministic: one seed, dates counted from the demo reference date.
 */
import { sql } from 'drizzle-orm';
import { mentoringPair, proposal, skillCertificate, trainingCourse, trainingEnrolment } from '../modules/training/training.schema.js';
import { SECTORS } from '../../../common/src/competition-vocab.js';
import { PROPOSAL_KINDS, SKILL_LEVELS } from '../../../common/src/training-vocab.js';
import { PROPOSAL_STATUSES } from '../../../common/src/proposal-workflow.js';
import { addDays, createRng } from './prng.js';
import { DEMO_DEFAULT_SEED, DEMO_REFERENCE_DATE } from './demo-city.js';
import type { Executor } from '../db/client.js';

const REF = DEMO_REFERENCE_DATE;
const TRADES: Record<string, string[]> = {
  manufacturing: ['焊工', '钳工', '数控车工', '电工'],
  construction: ['砌筑工', '钢筋工', '架子工'],
  transport: ['快递员', '汽车驾驶员', '物流服务师'],
  energy: ['电工', '变电站运维工'],
  it: ['网络与信息安全管理员', '软件测试员'],
  services: ['中式烹调师', '家政服务员', '保育师'],
  education: ['保育师'],
  health: ['健康管理师', '养老护理员'],
  public: ['公共营养师'],
  other: ['电工'],
};
const ISSUERS = ['江城市职业技能鉴定中心', '江城市人力资源和社会保障局', '江城市技师学院', '江城机电职业技能等级认定站'];
const TITLES = ['关于优化{t}工序减少返工的建议', '{t}工装夹具改进', '降低{t}能耗的小革新', '{t}安全防护改进设计', '{t}作业流程简化建议'];

export interface DemoTrainingReport {
  courses: number;
  enrolments: number;
  certificates: number;
  pairs: number;
  proposals: number;
}

async function insertChunks<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += 1000) await insert(rows.slice(i, i + 1000));
}

export async function seedDemoTraining(
  tx: Executor,
  opts: { seed?: number; scale?: number; basis?: number; focusOrgId?: string } = {},
): Promise<DemoTrainingReport> {
  const rng = createRng(opts.seed ?? DEMO_DEFAULT_SEED).fork('training');
  const scale = opts.scale ?? 1;
  const q = async <T>(s: ReturnType<typeof sql>) => ((await tx.execute(s)) as unknown as { rows: T[] }).rows;
  const [{ n: active } = { n: 0 }] = await q<{ n: number }>(sql`SELECT count(*)::int AS n FROM member WHERE status = 'active'`);
  if (!active) return { courses: 0, enrolments: 0, certificates: 0, pairs: 0, proposals: 0 };
  const unions = await q<{ id: string; industry: string | null }>(sql`SELECT id, industry FROM org WHERE level = 'grassroots' AND active ORDER BY code`);
  const districts = await q<{ id: string }>(sql`SELECT id FROM org WHERE level = 'county' ORDER BY code`);
  // A deterministic sample of active members (ids are deterministic): about one in twenty, all of the focus union's.
  // Volumes follow `basis` active members (default: those on the registry) times `scale`: the bench asks for 10× the demo's.
  const basis = (opts.basis ?? active) * scale;
  const wanted = Math.max(50, Math.round(basis / 20));
  const sample = await q<{ id: string; name: string; org_id: string }>(sql`
    SELECT id, name, org_id FROM member WHERE status = 'active' AND ${opts.focusOrgId ? sql`org_id <> ${opts.focusOrgId}` : sql`true`}
    ORDER BY md5(id::text) LIMIT ${wanted}`);
  const focus = opts.focusOrgId
    ? await q<{ id: string; name: string; org_id: string }>(
        sql`SELECT id, name, org_id FROM member WHERE status = 'active' AND org_id = ${opts.focusOrgId} ORDER BY card_no LIMIT 40`,
      )
    : [];
  const people = [...focus, ...sample];
  const sectorOf = (i: number) => SECTORS[i % SECTORS.length]!;

  // Courses: one per ~500 active members, at district and grassroots level, two years back and some ahead.
  const nCourses = Math.max(12, Math.round(basis / 500));
  const courses: (typeof trainingCourse.$inferInsert)[] = [];
  for (let i = 0; i < nCourses; i++) {
    const sector = sectorOf(i);
    const trade = rng.pick(TRADES[sector]!);
    const startsOn = addDays(REF, rng.int(-720, 60));
    const org = i % 4 === 0 && districts.length ? rng.pick(districts).id : i % 7 === 0 && opts.focusOrgId ? opts.focusOrgId : rng.pick(unions).id;
    const online = rng.chance(0.4);
    courses.push({
      id: rng.uuid(),
      orgId: org,
      title: `${trade}${rng.pick(['技能提升培训班', '等级认定考前培训', '岗位练兵', '安全技能培训'])}`,
      mode: online ? 'online' : 'offline',
      trade,
      sector,
      startsOn,
      endsOn: addDays(startsOn, rng.int(1, 30)),
      hours: rng.pick([8, 16, 24, 40, 80]),
      capacity: rng.pick([30, 50, 100]),
      place: online ? '江城职工学堂（线上）' : rng.pick(['市职工服务中心', '区工人文化宫', '企业实训车间']),
      isDemo: true,
    });
  }
  const enrolments: (typeof trainingEnrolment.$inferInsert)[] = [];
  let pi = 0;
  for (const c of courses) {
    const n = Math.min(c.capacity!, rng.int(8, 25));
    const over = c.endsOn! < REF;
    const seen = new Set<string>();
    for (let k = 0; k < n; k++) {
      const p = people[pi++ % people.length]!;
      if (seen.has(p.id)) continue;
      seen.add(p.id);
      enrolments.push({
        id: rng.uuid(),
        courseId: c.id!,
        orgId: c.orgId!,
        memberId: p.id,
        name: p.name,
        status: over ? (rng.chance(0.88) ? 'attended' : 'absent') : 'enrolled',
      });
    }
  }

  // Certificates: most sampled members hold one, a few two (a higher level later); every level.
  const certificates: (typeof skillCertificate.$inferInsert)[] = [];
  let serial = 0;
  for (const [i, p] of people.entries()) {
    if (!rng.chance(0.8) && i >= focus.length / 2) continue;
    const sector = sectorOf(rng.int(0, 9));
    const trade = rng.pick(TRADES[sector]!);
    const levelIdx = rng.weighted(SKILL_LEVELS.map((l, j) => [j, [30, 30, 22, 12, 6][j]!] as const));
    const issuedOn = addDays(REF, -rng.int(30, 3000));
    const first = { orgId: p.org_id, memberId: p.id, name: p.name, trade, sector, issuer: rng.pick(ISSUERS), isDemo: true };
    certificates.push({
      ...first,
      id: rng.uuid(),
      level: SKILL_LEVELS[levelIdx]!,
      issuedOn,
      certNo: `ZS${issuedOn.slice(0, 4)}${String(++serial).padStart(7, '0')}`,
    });
    if (levelIdx < 4 && rng.chance(0.12)) {
      const later = addDays(issuedOn, rng.int(200, 900));
      if (later <= REF)
        certificates.push({
          ...first,
          id: rng.uuid(),
          level: SKILL_LEVELS[levelIdx + 1]!,
          issuedOn: later,
          certNo: `ZS${later.slice(0, 4)}${String(++serial).padStart(7, '0')}`,
        });
    }
  }

  // 师带徒: one pair per ~20 sampled people; active, completed (出师, with a level) or ended.
  const pairs: (typeof mentoringPair.$inferInsert)[] = [];
  for (let i = 0; i + 1 < people.length && pairs.length < Math.max(10, people.length / 20); i += 20) {
    const mentor = people[i]!;
    const apprentice = people[i + 1]!;
    const startsOn = addDays(REF, -rng.int(30, 900));
    const endsOn = addDays(startsOn, 365);
    const status = endsOn < REF ? (rng.chance(0.85) ? 'completed' : 'ended') : 'active';
    const trade = rng.pick(TRADES[sectorOf(i)]!);
    pairs.push({
      id: rng.uuid(),
      orgId: apprentice.org_id,
      mentorName: mentor.name,
      mentorMemberId: mentor.id,
      apprenticeName: apprentice.name,
      apprenticeMemberId: apprentice.id,
      trade,
      startsOn,
      endsOn,
      goals: `一年内掌握${trade}核心操作，取得${rng.pick(['中级工', '高级工'])}证书，独立顶岗。`,
      status,
      result: status === 'completed' ? `按期出师，独立顶岗，取得${trade}证书。` : status === 'ended' ? '徒弟调岗，结对终止。' : null,
      apprenticeLevel: status === 'completed' ? rng.pick(['intermediate', 'senior'] as const) : null,
      isDemo: true,
    });
  }

  // Proposals in every state, a third of them from the portal's workers' union when there is one.
  const nProps = Math.max(PROPOSAL_STATUSES.length * 4, Math.round(basis / 70));
  const proposals: (typeof proposal.$inferInsert)[] = [];
  for (let i = 0; i < nProps; i++) {
    const p = i < 20 && focus.length ? focus[i % focus.length]! : people[(i * 7) % people.length]!;
    const status = PROPOSAL_STATUSES[i % PROPOSAL_STATUSES.length]!;
    const submittedOn = addDays(REF, -rng.int(status === 'submitted' ? 0 : 20, status === 'submitted' ? 15 : 700));
    const implemented = status === 'implemented';
    const t = rng.pick(Object.values(TRADES).flat());
    const valueFen = implemented ? rng.int(2_000, 800_000) * 100 : 0;
    proposals.push({
      id: rng.uuid(),
      proposalNo: `JY${submittedOn.slice(0, 4)}D${String(i + 1).padStart(7, '0')}`,
      orgId: p.org_id,
      proposerName: p.name,
      memberId: p.id,
      kind: PROPOSAL_KINDS[i % PROPOSAL_KINDS.length]!,
      title: rng.pick(TITLES).replace('{t}', t),
      content: `现状：${t}作业中存在重复搬运、等待和返工。建议：调整工位布局，增加定位工装，统一作业指导书。`,
      expected: '预计每年减少返工工时约200小时。',
      status,
      submittedOn,
      opinion:
        status === 'submitted' || status === 'evaluating' ? null : status === 'rejected' ? '与现行工艺标准冲突，暂不采纳。' : '经评估切实可行，予以采纳。',
      implementedOn: implemented ? addDays(submittedOn, rng.int(10, 15)) : null,
      valueFen,
      rewardFen: implemented ? Math.round((valueFen * 0.03) / 100) * 100 : 0,
      isDemo: true,
    });
  }

  await insertChunks(courses, (c) => tx.insert(trainingCourse).values(c));
  await insertChunks(enrolments, (c) => tx.insert(trainingEnrolment).values(c));
  await insertChunks(certificates, (c) => tx.insert(skillCertificate).values(c));
  await insertChunks(pairs, (c) => tx.insert(mentoringPair).values(c));
  await insertChunks(proposals, (c) => tx.insert(proposal).values(c));
  // The demo portal's workers see their own proposals as submitted on the portal.
  await tx.execute(sql`UPDATE proposal p SET worker_account_id = w.id FROM worker_account w WHERE w.member_id = p.member_id AND p.is_demo`);
  return { courses: courses.length, enrolments: enrolments.length, certificates: certificates.length, pairs: pairs.length, proposals: proposals.length };
}
