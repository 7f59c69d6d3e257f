import { seedDemoBenefits } from './demo-benefit.js';
import { sql } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { org } from '../modules/org/org.schema.js';
import { appUser, role, setting, userRole } from '../modules/user/user.schema.js';
import { hashPassword } from '../platform/crypto.js';
import { appendAudit } from '../platform/audit.js';
import { DEMO_REFERENCE_DATE, generateDemoCity } from './demo-city.js';
import { DEMO_MEMBER_COUNT, seedDemoMembers, type DemoMemberReport } from './demo-members.js';
import { DEMO_HARDSHIP_COUNT, seedDemoHardship } from './demo-hardship.js';
import { seedDemoContracts } from './demo-contract.js';
import { demoDisputeCount, seedDemoDisputes } from './demo-dispute.js';
import { seedDemoHonor } from './demo-honor.js';
import { seedDemoAchievement } from './demo-achievement.js';
import type { Services } from '../platform/context.js';
import { seedDemoKpiReadings, seedDemoPlans } from './demo-plans.js';
import { runPlanReminders } from '../modules/plan/plan.reminders.js';
import { seedDemoAssessment } from './demo-assessment.js';
import { seedDemoPortal } from './demo-portal.js';
import { seedDemoStations } from './demo-station.js';
import { seedDemoTraining } from './demo-training.js';
import { demoEventCount, seedDemoEvents } from './demo-events.js';
import { seedDemoMutualAid } from './demo-mutual-aid.js';

export const DEMO_PASSWORD = 'Gonghui@2026';

export const DEMO_USERS = [
  { username: 'admin', displayName: '市总工会管理员', role: 'system_admin', org: 'city', note: '市总工会管理员，全部数据' },
  { username: 'district', displayName: '区总工会管理员', role: 'federation_admin', org: 'district', note: '一个区总工会的管理员，只看本区' },
  { username: 'grassroots', displayName: '基层工会主席', role: 'grassroots_chair', org: 'grassroots', note: '该区一个基层工会的主席' },
  { username: 'worker', displayName: '职工张三', role: 'worker', org: 'grassroots', note: '普通职工账号' },
] as const;

export interface SeedDemoOptions {
  log?: (msg: string) => void;
  /** Size of the demo member registry: DEMO_MEMBER_COUNT (200,000) at first start; tests take a small one. */
  members?: number;
  /** Hardship household files (demo-hardship.ts): DEMO_HARDSHIP_COUNT (3,000) by default. */
  hardship?: number;
  /** Labour-dispute cases (demo-dispute.ts): in proportion to the members, 1,500 at the default 200,000. */
  disputes?: number;
}

/**
 * The deterministic demo city: organisations in bulk, then the four demo logins, then the member
 * registry (demo-members.ts). Only for an empty database; later domains append their own demo data here.
 */
export async function seedDemo(s: Services, options: SeedDemoOptions | ((msg: string) => void) = {}): Promise<void> {
  const opts = typeof options === 'function' ? { log: options } : options;
  const log = opts.log ?? (() => undefined);
  const started = Date.now();
  const orgs = generateDemoCity();
  let members: DemoMemberReport | undefined;
  await s.db.transaction(async (tx) => {
    for (let i = 0; i < orgs.length; i += 500) {
      await tx.insert(org).values(orgs.slice(i, i + 500).map((o) => ({ ...o, isDemo: true })));
    }
    const city = orgs.find((o) => o.level === 'city')!;
    const district = orgs.find((o) => o.level === 'county')!;
    const grassroots = orgs.find((o) => o.level === 'grassroots' && o.path.startsWith(district.path))!;
    const orgFor = { city, district, grassroots } as const;
    const roles = new Map((await tx.select({ id: role.id, code: role.code }).from(role)).map((r) => [r.code, r.id]));
    for (const u of DEMO_USERS) {
      const id = uuidv7();
      await tx.insert(appUser).values({
        id,
        username: u.username,
        displayName: u.displayName,
        orgId: orgFor[u.org].id,
        passwordHash: await hashPassword(DEMO_PASSWORD),
        isDemo: true,
        mustChangePassword: false,
      });
      await tx.insert(userRole).values({ userId: id, roleId: roles.get(u.role)! });
    }
    members = await seedDemoMembers(tx, s, orgs, { members: opts.members ?? DEMO_MEMBER_COUNT, focus: [grassroots.id] });
    const hardship = await seedDemoHardship(tx, s.keys, { count: opts.hardship ?? DEMO_HARDSHIP_COUNT });
    log(
      `困难职工帮扶演示数据 / hardship demo: ${hardship.files} 户, ${hardship.aid} 条帮扶, ${hardship.warnings} 条预警, ${(hardship.ms / 1000).toFixed(1)} s`,
    );
    const plans = await seedDemoPlans(tx, orgs, await s.settings.calendar(tx));
    log(`重点工作演示数据 / work-plan demo: ${plans.tasks} 项任务, ${plans.reports} 条进展报告`);
    // The day's supervision reminders and escalations, as the hourly job writes them: the demo cadres' bells show them.
    const kpiTasks = await seedDemoKpiReadings(tx, s, DEMO_REFERENCE_DATE);
    log(`重点工作指标曲线 / KPI lines: ${kpiTasks} 项任务`);
    const reminded = await runPlanReminders(s, { today: DEMO_REFERENCE_DATE, exec: tx });
    log(
      `督办提醒 / supervision reminders: ${reminded.reminders} 项临期, ${reminded.overdue} 项逾期, ${reminded.escalations} 项升级督办, ${reminded.written} 条消息`,
    );
    const assessed = await seedDemoAssessment(tx, orgs, await s.settings.calendar(tx));
    log(`年度考核演示数据 / assessment demo: 上年度考核 ${assessed.entries} 个单位（已公布，1件申诉）`);
    const contracts = await seedDemoContracts(tx);
    log(
      `集体合同演示数据 / contract demo: ${contracts.contracts} 份协商与合同, 建制 ${contracts.covered}/${contracts.employers} 家, ${contracts.congresses} 个职代会, ${contracts.proposals} 件提案, ${contracts.disclosures} 条厂务公开`,
    );
    const disputes = await seedDemoDisputes(tx, s.keys, { count: opts.disputes ?? demoDisputeCount(opts.members ?? DEMO_MEMBER_COUNT) });
    log(
      `维权服务演示数据 / rights demo: ${disputes.cases} 件争议, ${disputes.mediators} 名调解员, ${disputes.legalAid} 件法律援助, ${disputes.lawyers} 名律师, ${disputes.calls} 次来电, ${disputes.arrears} 件欠薪, ${disputes.records?.instalments ?? 0} 期履行计划 (${disputes.records?.breached ?? 0} 件未履行), ${disputes.records?.milestones ?? 0} 个仲裁节点, ${(disputes.ms / 1000).toFixed(1)} s`,
    );
    const honor = await seedDemoHonor(tx, { focusOrgId: grassroots.id });
    log(`评选表彰演示数据 / honours demo: ${honor.holders} 名劳模工匠, ${honor.care} 条关爱, ${honor.calls} 次评选, ${honor.nominations} 名推荐人选`);
    const ach = await seedDemoAchievement(tx);
    log(
      `竞赛与创新工作室演示数据 / competitions and studios demo: ${ach.competitions} 项竞赛, ${ach.entries} 名参赛, ${ach.studios} 个工作室, ${ach.results} 项成果`,
    );
    const portal = await seedDemoPortal(tx, s.keys, grassroots.id);
    log(`职工服务演示数据 / worker portal demo: ${portal.accounts} 个职工账号（手机号 13800000001 起）, ${portal.changes} 条信息变更申请`);
    const mutual = await seedDemoMutualAid(tx, orgs);
    log(`职工互助保障演示数据 / mutual-aid demo: ${mutual.plans} 个计划, ${mutual.enrolments}/${mutual.members} 名会员参保, ${mutual.claims} 件互助金申请`);
    const benefits = await seedDemoBenefits(tx, s.keys);
    log(
      `普惠服务演示数据 / benefits demo: ${benefits.merchants} 家商户, ${benefits.offers} 项优惠, ${benefits.accounts} 个职工账号, ${benefits.claims} 张优惠券 (${benefits.redeemed} 张已核销), ${benefits.quotas} 条疗休养名额`,
    );
    const stationDemo = await seedDemoStations(tx);
    log(`服务站点演示数据 / stations demo: ${stationDemo.stations} 个站点, ${stationDemo.inspections} 次检查, ${stationDemo.visits} 次到访`);
    const training = await seedDemoTraining(tx, { focusOrgId: grassroots.id });
    log(
      `技能培训与合理化建议演示数据 / training and proposals demo: ${training.courses} 个培训班, ${training.enrolments} 人次报名, ${training.certificates} 张证书, ${training.pairs} 对师带徒, ${training.proposals} 条合理化建议`,
    );
    const ev = await seedDemoEvents(tx, { events: demoEventCount(opts.members ?? DEMO_MEMBER_COUNT) });
    log(`工会活动演示数据 / events demo: ${ev.events} 场活动, ${ev.signups} 人次报名, ${ev.checkIns} 人次签到`);
    await tx
      .insert(setting)
      .values({ key: 'demo', value: { seededAt: new Date().toISOString(), referenceDate: DEMO_REFERENCE_DATE, orgs: orgs.length, members: members.members } });
    await appendAudit(tx, { action: 'system.seed_demo', detail: `${orgs.length} orgs, ${DEMO_USERS.length} users, ${members.members} members` });
  });
  // Fresh statistics for everything just loaded: without them the planner guesses (a district's
  // member list served 113 req/s at 50 connections before ANALYZE, 347 after, on 200k members).
  const analyzed = Date.now();
  await s.db.execute(sql`ANALYZE`);
  log(`统计信息已更新 / statistics analysed: ${((Date.now() - analyzed) / 1000).toFixed(1)} s`);
  const m = members!;
  log(
    `演示数据已生成 / demo data seeded: ${orgs.length} 个组织, ${m.members} 名会员 (${m.events} 条会籍记录, ${m.applications} 份入会申请, ` +
      `${m.pendingTransfers} 件待办接转), 会员 ${(m.ms / 1000).toFixed(1)} s (${m.mode}), 共 / total ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
}

export async function hasDemoData(s: Services): Promise<boolean> {
  const rows = await s.database.query<{ n: number }>(sql`SELECT count(*)::int AS n FROM setting WHERE key = 'demo'`);
  return rows[0]!.n > 0;
}
