/**
 * Demo labour disputes (劳动争议): a mediator panel for the city and each district, and ~1,500 cases
 * over two years across the districts in every state — collective cases, wage arrears partly
 * agreed, court-delegated cases with their return dates, online applications, and open cases whose
 * mediation clock has run out. Deterministic (its own Rng fork, dates relative to
 * DEMO_REFERENCE_DATE) and bulk-inserted.
 */
import { sql } from 'drizzle-orm';
import {
  disputeCase,
  disputeParty,
  disputeSession,
  hotlineCall,
  lawyer,
  legalAidRequest,
  mediator,
  wageArrears,
  wageRecovery,
} from '../modules/dispute/dispute.schema.js';
import { DEFAULT_DISPUTE_CLOCKS, isCollective, limitationAt, mediationDue } from '../../../common/src/dispute-rules.js';
import {
  DISPUTE_TYPES,
  HOTLINE_RESULTS,
  LEGAL_AID_CHANNELS,
  LEGAL_AID_KINDS,
  LEGAL_AID_OUTCOMES,
  MEDIATOR_KINDS,
  REFER_TO,
  type DisputeType,
} from '../../../common/src/dispute-vocab.js';
import { computeDeadline } from '../../../common/src/deadlines.js';
import { usccCheckChar } from '../../../common/src/uscc.js';
import { maskMobile } from '../../../common/src/mobile.js';
import { addDays, createRng } from './prng.js';
import { DEMO_DEFAULT_SEED, DEMO_REFERENCE_DATE, randomPersonName } from './demo-city.js';
import { jsonInsert } from './demo-hardship.js';
import type { KeyRing } from '../platform/crypto.js';
import type { Executor } from '../db/client.js';

export const DEMO_DISPUTE_COUNT = 1500;
const REF = DEMO_REFERENCE_DATE;
const TYPE_WEIGHTS: [DisputeType, number][] = [
  ['wage_arrears', 40],
  ['termination', 18],
  ['social_insurance', 12],
  ['work_injury', 10],
  ['overtime', 10],
  ['labour_relation', 7],
  ['other', 3],
];
const EMPLOYERS = [
  '江城宏达建筑工程有限公司',
  '江城顺丰速运有限公司',
  '江城美味餐饮管理有限公司',
  '江城安居物业服务有限公司',
  '江城鑫源电子科技有限公司',
  '江城惠民超市有限公司',
  '江城远航物流有限公司',
  '江城康乐家政服务有限公司',
  '江城金石机械制造有限公司',
  '江城新城房地产经纪有限公司',
];
const PLATFORMS = ['某外卖平台江城站', '某网约车平台', '某同城货运平台', '某即时配送平台'];
const FACTS: Record<DisputeType, string> = {
  wage_arrears: '申请人在被申请人处工作，被申请人拖欠工资至今未付。',
  termination: '被申请人未提前通知即解除劳动合同，未支付经济补偿。',
  social_insurance: '被申请人未依法为申请人缴纳社会保险费。',
  work_injury: '申请人在工作中受伤，已认定工伤，被申请人未支付工伤待遇。',
  overtime: '申请人长期加班，被申请人未支付加班费。',
  labour_relation: '申请人通过平台接单配送，请求确认与被申请人存在劳动关系。',
  other: '双方因年休假工资发生争议。',
};

export interface DemoDisputeReport {
  cases: number;
  mediators: number;
  lawyers: number;
  legalAid: number;
  calls: number;
  arrears: number;
  ms: number;
}

/** A valid credit code made from a number (for the demo employers). */
function demoUscc(n: number): string {
  const first17 = '91439900' + String(100000000 + n).slice(-9);
  return first17 + usccCheckChar(first17)!;
}

export async function seedDemoDisputes(tx: Executor, keys: KeyRing, opts: { count?: number; seed?: number } = {}): Promise<DemoDisputeReport> {
  const started = Date.now();
  const count = opts.count ?? DEMO_DISPUTE_COUNT;
  const rng = createRng(opts.seed ?? DEMO_DEFAULT_SEED).fork('dispute');
  const q = async <T>(s: ReturnType<typeof sql>) => ((await tx.execute(s)) as unknown as { rows: T[] }).rows;
  const [city] = await q<{ id: string }>(sql`SELECT id FROM org WHERE parent_id IS NULL ORDER BY code LIMIT 1`);
  const districts = await q<{ id: string; path: string }>(sql`SELECT id, path FROM org WHERE level = 'county' ORDER BY code`);
  const streets = await q<{ id: string; path: string }>(sql`SELECT id, path FROM org WHERE level = 'street' ORDER BY code`);
  if (!city || !districts.length) return { cases: 0, mediators: 0, lawyers: 0, legalAid: 0, calls: 0, arrears: 0, ms: 0 };

  // The panels: the city's and each district's (union, HR bureau, court-appointed, lawyer).
  const mediators: (typeof mediator.$inferInsert)[] = [];
  const panelOf = new Map<string, string[]>();
  for (const o of [city, ...districts]) {
    const ids: string[] = [];
    for (const [i, kind] of [...MEDIATOR_KINDS, 'union', 'hr_bureau'].entries()) {
      const id = rng.uuid();
      ids.push(id);
      mediators.push({
        id,
        orgId: o.id,
        name: randomPersonName(rng),
        kind,
        specialties: i % 3 === 0 ? [] : rng.shuffle(DISPUTE_TYPES).slice(0, 3),
        capacity: rng.int(8, 20),
        isDemo: true,
      });
    }
    panelOf.set(o.id, ids);
  }
  await tx.insert(mediator).values(mediators);

  const cases: (typeof disputeCase.$inferInsert)[] = [];
  const parties: (typeof disputeParty.$inferInsert)[] = [];
  const sessions: (typeof disputeSession.$inferInsert)[] = [];
  const start = addDays(REF, -730);
  for (let i = 0; i < count; i++) {
    const district = districts[i % districts.length]!;
    const localStreets = streets.filter((s) => s.path.startsWith(district.path));
    const holder = rng.chance(0.2) && localStreets.length ? rng.pick(localStreets).id : district.id;
    const type = rng.weighted(TYPE_WEIGHTS);
    // Every 25th case is recent; every 41st was received 16–40 days ago and is still open: its clock has run out.
    const late = i % 41 === 3;
    const receivedOn = i % 25 === 0 ? addDays(REF, -rng.int(0, 12)) : late ? addDays(REF, -rng.int(16, 40)) : rng.date(start, REF);
    const age = Math.round((Date.parse(REF) - Date.parse(receivedOn)) / 86_400_000);
    const channel = rng.weighted([
      ['walk_in', 40],
      ['hotline', 20],
      ['online', 20],
      ['court_delegated', 12],
      ['arbitration_referral', 8],
    ] as const);
    const workers = rng.chance(0.08) ? rng.int(10, 60) : rng.chance(0.15) ? rng.int(2, 9) : 1;
    const gig = type === 'labour_relation' || rng.chance(0.08);
    const claimed = workers * rng.int(3_000, 40_000) * 100;
    const knewOn = rng.chance(0.9) ? addDays(receivedOn, -rng.int(5, age > 400 ? 300 : 420)) : null;
    const ongoing = type === 'wage_arrears' && rng.chance(0.4);
    const limitation = limitationAt({ knewOn, type, employmentOngoing: ongoing }, receivedOn);
    const due = mediationDue(receivedOn);
    // Concluded unless recent; a few recent ones stay open past their day (overdue clocks).
    const open = late || age <= 20 || (age <= 60 && rng.chance(0.15));
    const status = open
      ? rng.chance(0.3)
        ? 'received'
        : 'mediating'
      : rng.weighted([
          ['closed', 55],
          ['agreed', 10],
          ['failed', 25],
          ['rejected', 10],
        ] as const);
    const panel = panelOf.get(holder) ?? panelOf.get(district.id)!;
    const mediatorId = status === 'received' || status === 'rejected' ? null : rng.pick(panel);
    const agreed = status === 'agreed' || (status === 'closed' && rng.chance(0.75));
    const agreedOn = agreed ? min(addDays(receivedOn, rng.int(3, 15)), REF) : null;
    const failed = status === 'failed' || (status === 'closed' && !agreed);
    const employerNo = rng.int(0, EMPLOYERS.length - 1);
    const id = rng.uuid();
    const applicants = Array.from({ length: Math.min(workers, workers >= 10 ? 3 : workers) }, (_, k) => ({
      id: rng.uuid(),
      name: randomPersonName(rng),
      mobile: '13' + String(rng.int(100000000, 999999999)),
      representative: workers >= 10,
      seq: k + 1,
    }));
    cases.push({
      id,
      caseNo: 'TJ' + receivedOn.slice(0, 4) + String(900000 + i).padStart(6, '0'),
      orgId: holder,
      channel,
      type,
      status,
      receivedOn,
      knewOn,
      employmentOngoing: ongoing,
      limitationState: limitation.state,
      limitationDue: limitation.due,
      mediationDue: due,
      courtCaseNo: channel === 'court_delegated' ? `（${receivedOn.slice(0, 4)}）江0${(i % 8) + 1}民诉前调${1000 + i}号` : null,
      courtReturnOn: channel === 'court_delegated' ? addDays(receivedOn, 30) : null,
      referralNo: channel === 'arbitration_referral' ? `江劳人仲移〔${receivedOn.slice(0, 4)}〕${100 + i}号` : null,
      employerName: EMPLOYERS[employerNo]!,
      employerUscc: demoUscc(employerNo),
      platformName: gig ? rng.pick(PLATFORMS) : null,
      workerCount: workers,
      collective: isCollective(workers),
      firstApplicant: applicants[0]!.name,
      amountClaimedFen: claimed,
      facts: FACTS[type],
      outcomeSought: '请求被申请人支付相应款项。',
      mobileIndexes: applicants.map((a) => keys.blindIndex(a.mobile, 'mobile')),
      mediatorId,
      assignedOn: mediatorId ? min(addDays(receivedOn, 1), REF) : null,
      agreementTerms: agreedOn ? '被申请人分期支付申请人款项，双方再无其他争议。' : null,
      agreementAmountFen: agreedOn ? Math.round((claimed * rng.int(50, 100)) / 100) : null,
      agreedOn,
      confirmationDue:
        status === 'agreed' && agreedOn ? computeDeadline(agreedOn, { n: DEFAULT_DISPUTE_CLOCKS.confirmationDays, unit: 'calendar_days' }).due : null,
      failReason: failed ? '被申请人拒绝调解方案。' : null,
      advice: failed ? '可在时效内向劳动人事争议仲裁委员会申请仲裁。' : null,
      rejectReason: status === 'rejected' ? '不属于劳动争议调解受理范围。' : null,
      referTo: status === 'rejected' ? rng.pick(REFER_TO) : null,
      closedOn: status === 'closed' || status === 'rejected' ? min(addDays(receivedOn, rng.int(5, 30)), REF) : null,
      isDemo: true,
    });
    for (const a of applicants) {
      parties.push({
        id: a.id,
        disputeId: id,
        orgId: holder,
        seq: a.seq,
        name: a.name,
        mobileCipher: keys.encrypt(a.mobile),
        mobileMasked: maskMobile(a.mobile),
        representative: a.representative,
      });
    }
    if (mediatorId && status !== 'received') {
      for (let k = 0, n = rng.int(1, 3); k < n; k++) {
        sessions.push({
          id: rng.uuid(),
          disputeId: id,
          orgId: holder,
          heldOn: min(addDays(receivedOn, 2 + k * 4), REF),
          attendees: '双方当事人',
          notes: '调解员听取双方陈述，释明法律规定。',
          mediatorId,
        });
      }
    }
  }
  for (let i = 0; i < cases.length; i += 500) await tx.execute(jsonInsert(disputeCase, cases.slice(i, i + 500)));
  for (let i = 0; i < parties.length; i += 1000) await tx.execute(jsonInsert(disputeParty, parties.slice(i, i + 1000)));
  for (let i = 0; i < sessions.length; i += 1000) await tx.execute(jsonInsert(disputeSession, sessions.slice(i, i + 1000)));
  // Later cases are numbered after the demo ones.
  await tx.execute(sql`SELECT setval('dispute_case_seq', ${900000 + count})`);
  const arrears = await seedDemoArrears(tx, rng.fork('arrears'), cases);
  const aid = await seedDemoLegalAid(tx, keys, rng.fork('legal-aid'), [city, ...districts], Math.round(count / 5));
  return { cases: cases.length, mediators: mediators.length, ...aid, arrears, ms: Date.now() - started };
}

const min = (a: string, b: string) => (a < b ? a : b);

const FIRMS = ['江城正义律师事务所', '江城明理律师事务所', '江城公信律师事务所', '江城衡平律师事务所'];
const CALL_TOPICS = [...DISPUTE_TYPES, 'consultation'] as const;

/** A lawyer panel per federation, legal-aid requests in every state, and the 12351 calls of the last 60 days. */
async function seedDemoLegalAid(tx: Executor, keys: KeyRing, rng: ReturnType<typeof createRng>, unions: { id: string }[], count: number) {
  const lawyers: (typeof lawyer.$inferInsert)[] = [];
  const panelOf = new Map<string, string[]>();
  for (const o of unions) {
    const ids: string[] = [];
    for (let k = 0; k < 4; k++) {
      const id = rng.uuid();
      ids.push(id);
      // The first lawyer of each panel once acted for one of the demo employers: the conflict check refuses them for it.
      lawyers.push({
        id,
        orgId: o.id,
        name: randomPersonName(rng),
        firm: rng.pick(FIRMS),
        specialties: k % 2 ? rng.shuffle(DISPUTE_TYPES).slice(0, 3) : [],
        capacity: rng.int(4, 10),
        conflictUsccs: k === 0 ? [demoUscc(k)] : [],
        isDemo: true,
      });
    }
    panelOf.set(o.id, ids);
  }
  await tx.insert(lawyer).values(lawyers);
  const requests: (typeof legalAidRequest.$inferInsert)[] = [];
  for (let i = 0; i < count; i++) {
    const o = unions[1 + (i % (unions.length - 1))] ?? unions[0]!;
    const requestedOn = rng.date(addDays(REF, -365), REF);
    const age = Math.round((Date.parse(REF) - Date.parse(requestedOn)) / 86_400_000);
    const status =
      age < 10
        ? rng.weighted([
            ['requested', 1],
            ['assigned', 2],
          ] as const)
        : rng.weighted([
            ['closed', 8],
            ['declined', 1],
            ['assigned', 1],
          ] as const);
    const lawyerId = status === 'assigned' || status === 'closed' ? rng.pick(panelOf.get(o.id)!.slice(1)) : null;
    const mobile = '13' + String(rng.int(100000000, 999999999));
    const employerNo = rng.int(0, EMPLOYERS.length - 1);
    requests.push({
      id: rng.uuid(),
      requestNo: 'FY' + requestedOn.slice(0, 4) + String(900000 + i).padStart(6, '0'),
      orgId: o.id,
      channel: rng.pick(LEGAL_AID_CHANNELS),
      kind: rng.pick(LEGAL_AID_KINDS),
      type: rng.weighted(TYPE_WEIGHTS),
      status,
      requestedOn,
      applicantName: randomPersonName(rng),
      mobileCipher: keys.encrypt(mobile),
      mobileMasked: maskMobile(mobile),
      employerName: EMPLOYERS[employerNo]!,
      employerUscc: demoUscc(employerNo),
      summary: '咨询如何维护自身劳动权益。',
      lawyerId,
      assignedOn: lawyerId ? min(addDays(requestedOn, 2), REF) : null,
      minutes: status === 'closed' ? rng.int(1, 40) * 30 : null,
      outcomeKind: status === 'closed' ? rng.pick(LEGAL_AID_OUTCOMES) : null,
      outcome: status === 'closed' ? '律师提供法律意见并代理完成。' : null,
      satisfaction:
        status === 'closed'
          ? rng.weighted([
              [5, 6],
              [4, 3],
              [3, 1],
            ] as const)
          : null,
      declineReason: status === 'declined' ? '不符合法律援助条件。' : null,
      closedOn: status === 'closed' || status === 'declined' ? min(addDays(requestedOn, rng.int(5, 60)), REF) : null,
      isDemo: true,
    });
  }
  for (let i = 0; i < requests.length; i += 500) await tx.execute(jsonInsert(legalAidRequest, requests.slice(i, i + 500)));
  await tx.execute(sql`SELECT setval('legal_aid_seq', ${900000 + count})`);
  const calls: (typeof hotlineCall.$inferInsert)[] = [];
  for (let i = 0; i < count * 2; i++) {
    const day = addDays(REF, -rng.int(0, 60));
    calls.push({
      id: rng.uuid(),
      orgId: unions[i % unions.length]!.id,
      calledAt: new Date(`${day}T${String(rng.int(8, 17)).padStart(2, '0')}:${String(rng.int(0, 59)).padStart(2, '0')}:00+08:00`),
      callerName: rng.chance(0.7) ? randomPersonName(rng) : null,
      topic: rng.pick(CALL_TOPICS),
      summary: '来电咨询劳动权益问题。',
      result: rng.weighted(HOTLINE_RESULTS.map((r, k) => [r, [6, 1, 2, 1][k]!] as const)),
      isDemo: true,
    });
  }
  for (let i = 0; i < calls.length; i += 500) await tx.insert(hotlineCall).values(calls.slice(i, i + 500));
  return { lawyers: lawyers.length, legalAid: requests.length, calls: calls.length };
}

const PROJECTS = ['滨江花园二期', '江城地铁5号线某标段', '城南安置房项目', '高新区标准厂房', '江城体育中心改造'];

/** Wage-arrears cases from a third of the wage disputes (and as many again without one): construction projects, partly recovered amounts, some cleared. */
async function seedDemoArrears(tx: Executor, rng: ReturnType<typeof createRng>, cases: (typeof disputeCase.$inferInsert)[]) {
  const rows: (typeof wageArrears.$inferInsert)[] = [];
  const pays: (typeof wageRecovery.$inferInsert)[] = [];
  const wage = cases.filter((c) => c.type === 'wage_arrears');
  wage.forEach((c, i) => {
    if (i % 3 !== 0) return;
    const construction = rng.chance(0.5);
    const workers = Math.max(c.workerCount ?? 1, construction ? rng.int(5, 40) : 1);
    const owed = Math.max(c.amountClaimedFen ?? 0, workers * rng.int(3000, 12000) * 100);
    const reportedOn = c.receivedOn!;
    const share = rng.weighted([
      [0, 3],
      [30, 2],
      [60, 2],
      [100, 3],
    ] as const);
    const id = rng.uuid();
    let recovered = 0;
    if (share > 0) {
      const parts = share === 100 ? 2 : 1;
      for (let k = 0; k < parts; k++) {
        const amount = k === parts - 1 ? Math.round((owed * share) / 100) - recovered : Math.round((owed * share) / 200);
        const paidOn = min(addDays(reportedOn, 10 + k * 15), REF);
        pays.push({ id: rng.uuid(), arrearsId: id, orgId: c.orgId!, paidOn, amountFen: amount, note: '用人单位支付' });
        recovered += amount;
      }
    }
    rows.push({
      id,
      caseNo: 'QX' + reportedOn.slice(0, 4) + String(900000 + rows.length).padStart(6, '0'),
      orgId: c.orgId!,
      disputeId: rng.chance(0.5) ? c.id! : null,
      employerName: c.employerName!,
      employerUscc: c.employerUscc ?? null,
      construction,
      projectName: construction ? rng.pick(PROJECTS) : null,
      siteAddress: construction ? '江城市某区施工现场' : null,
      workersAffected: workers,
      migrantWorkers: construction ? workers : Math.floor(workers / 2),
      owedFen: owed,
      recoveredFen: recovered,
      status: recovered >= owed ? 'cleared' : 'open',
      reportedOn,
      clearedOn: recovered >= owed ? min(addDays(reportedOn, 25), REF) : null,
      isDemo: true,
    });
  });
  for (let i = 0; i < rows.length; i += 500) await tx.execute(jsonInsert(wageArrears, rows.slice(i, i + 500)));
  for (let i = 0; i < pays.length; i += 500) await tx.execute(jsonInsert(wageRecovery, pays.slice(i, i + 500)));
  await tx.execute(sql`SELECT setval('wage_arrears_seq', ${900000 + rows.length + 1})`);
  return rows.length;
}
