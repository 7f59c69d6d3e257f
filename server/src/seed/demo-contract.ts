/**
 * Demo collective contracts and workers' congresses (docs/contracts.md): contracts for about 60% of
 * the unionised employers of the demo city — single-employer ones for the larger employers, regional
 * ones run by a street union for small employers of one street, sector ones run by a district
 * federation for one trade — some wage-specific, some expiring within 90 days, some expired, and
 * bargaining under way in every state; congresses with sessions and delegates' proposals in every
 * state for the employers of 100 workers and more; open-management disclosures. Deterministic
 * (its own Rng fork, dates relative to DEMO_REFERENCE_DATE), bulk-inserted.
 */
import { sql } from 'drizzle-orm';
import {
  bargaining,
  bargainingParty,
  bargainingRound,
  congress,
  congressDelegate,
  congressProposal,
  congressSession,
  congressTerm,
  disclosure,
  negotiator,
} from '../modules/contract/contract.schema.js';
import { CLAUSE_LIBRARY } from '../../../common/src/contract-clauses.js';
import { CONTRACT_EMPLOYER_KINDS, DISCLOSURE_CHANNELS } from '../../../common/src/contract-vocab.js';
import { bargainingRuleOn, congressForm, congressRuleOn, contractExpiresOn } from '../../../common/src/congress-rules.js';
import { computeDeadline } from '../../../common/src/deadlines.js';
import { addDays, createRng, type Rng } from './prng.js';
import { DEMO_DEFAULT_SEED, DEMO_REFERENCE_DATE, randomPersonName } from './demo-city.js';
import type { Executor } from '../db/client.js';

const REF = DEMO_REFERENCE_DATE;

export interface DemoContractReport {
  contracts: number;
  covered: number;
  employers: number;
  congresses: number;
  proposals: number;
  disclosures: number;
}

interface Employer {
  id: string;
  path: string;
  parent_id: string;
  name: string;
  employer_name: string | null;
  kind: string;
  employee_count: number;
  industry: string | null;
  district_id: string;
}

type B = typeof bargaining.$inferInsert;

async function insertAll<T>(tx: Executor, table: Parameters<Executor['insert']>[0], rows: T[]) {
  for (let i = 0; i < rows.length; i += 500) await tx.insert(table).values(rows.slice(i, i + 500) as never);
}

const rule = bargainingRuleOn(REF);
const cRule = congressRuleOn(REF);
const due = (start: string, n: number) => computeDeadline(start, { n, unit: 'calendar_days' }).due;

function clausesFor(rng: Rng, kind: string) {
  const cats =
    kind === 'wage'
      ? ['wages']
      : kind === 'women'
        ? ['women']
        : kind === 'safety'
          ? ['safety']
          : ['wages', 'hours', 'safety', 'women', 'training', 'welfare', 'other'];
  return CLAUSE_LIBRARY.filter((c) => cats.includes(c.category) && (kind !== 'general' || rng.chance(0.8))).map((c) => ({
    category: c.category,
    title: c.title,
    text: c.text.replaceAll('＿＿', String(rng.int(3, 12))),
  }));
}

export async function seedDemoContracts(tx: Executor, opts: { seed?: number } = {}): Promise<DemoContractReport> {
  const rng = createRng(opts.seed ?? DEMO_DEFAULT_SEED).fork('contract');
  const q = async <T>(s: ReturnType<typeof sql>) => ((await tx.execute(s)) as unknown as { rows: T[] }).rows;
  const kinds = sql.join(
    CONTRACT_EMPLOYER_KINDS.map((k) => sql`${k}`),
    sql`, `,
  );
  const employers = await q<Employer>(sql`
    SELECT g.id, g.path, g.parent_id, g.name, g.employer_name, g.kind, coalesce(g.employee_count, 0)::int AS employee_count, g.industry, d.id AS district_id
    FROM org g JOIN org d ON d.level = 'county' AND g.path LIKE d.path || '%'
    WHERE g.level = 'grassroots' AND g.active AND g.kind IN (${kinds}) ORDER BY g.code`);
  const institutions = await q<Employer>(
    sql`SELECT g.id, g.path, g.parent_id, g.name, g.employer_name, g.kind, coalesce(g.employee_count, 0)::int AS employee_count, g.industry, '' AS district_id FROM org g WHERE g.level = 'grassroots' AND g.active AND g.kind = 'public_institution' ORDER BY g.code`,
  );
  const names = new Map((await q<{ id: string; name: string }>(sql`SELECT id, name FROM org WHERE level IN ('county', 'street')`)).map((o) => [o.id, o.name]));
  if (!employers.length) return { contracts: 0, covered: 0, employers: 0, congresses: 0, proposals: 0, disclosures: 0 };

  const contracts: B[] = [];
  const parties: (typeof bargainingParty.$inferInsert)[] = [];
  const seats: (typeof negotiator.$inferInsert)[] = [];
  const rounds: (typeof bargainingRound.$inferInsert)[] = [];
  const covered = new Set<string>();

  /** One bargaining in `state`, with everything its state implies. */
  const add = (owner: string, scope: 'single' | 'regional' | 'sector', kind: string, title: string, members: Employer[], state: string) => {
    const id = rng.uuid();
    const workforce = members.reduce((s, m) => s + m.employee_count, 0);
    const term =
      kind === 'wage'
        ? 1
        : rng.weighted([
            [1, 1],
            [2, 2],
            [3, 5],
          ] as const);
    // An effective contract took effect some time within its term (or, expiring, near its end).
    let effectiveOn: string | null = null;
    if (state === 'effective' || state === 'expiring' || state === 'expired') {
      const termDays = term * 365;
      const back = state === 'expiring' ? termDays - rng.int(5, 85) : state === 'expired' ? termDays + rng.int(10, 400) : rng.int(20, termDays - 100);
      effectiveOn = addDays(REF, -back);
    }
    const requestOn = effectiveOn
      ? addDays(effectiveOn, -rng.int(70, 120))
      : addDays(
          REF,
          -(
            {
              requested: rng.int(2, 30),
              refused: rng.int(40, 200),
              negotiating: rng.int(25, 60),
              draft: rng.int(40, 80),
              adopted: rng.int(50, 90),
              signed: rng.int(55, 70),
              filed: rng.int(60, 90),
              objected: rng.int(70, 120),
            } as Record<string, number>
          )[state]!,
        );
    const step = (n: number) => addDays(requestOn, n);
    const answeredOn = state === 'requested' ? null : step(rng.int(5, 19));
    const row: B = {
      id,
      orgId: owner,
      scope,
      kind,
      title,
      initiatedBy: rng.chance(0.85) ? 'union' : 'employer',
      requestOn,
      status: state === 'expiring' ? 'effective' : state,
      answerDue: state === 'requested' ? due(requestOn, rule.answerDays) : null,
      answeredOn,
      answer: answeredOn
        ? state === 'refused'
          ? '企业书面回复：经营困难，暂不同意开展协商。'
          : '企业书面回复：同意开展集体协商，并确定企业方协商代表。'
        : null,
      draft: [],
      termYears: null,
      isDemo: true,
    };
    for (const m of members) parties.push({ bargainingId: id, orgId: m.id, workforce: m.employee_count });
    if (state !== 'requested' && state !== 'refused') {
      const per = rng.int(3, 5);
      for (const side of ['union', 'employer'] as const)
        for (let i = 0; i < per; i++)
          seats.push({
            id: rng.uuid(),
            bargainingId: id,
            side,
            name: randomPersonName(rng),
            chief: i === 0,
            chosenBy: side === 'union' ? '职工代表大会民主推选' : null,
          });
      const n = state === 'negotiating' ? rng.int(0, 2) : rng.int(1, 3);
      for (let i = 1; i <= n; i++)
        rounds.push({
          id: rng.uuid(),
          bargainingId: id,
          no: i,
          heldOn: step(20 + i * 7),
          minutes: `第${i}次协商会议：双方就${kind === 'wage' ? '年度工资调整幅度' : '合同主要条款'}交换意见。`,
          agreed: i > 1 ? '工作时间、休息休假条款达成一致' : null,
          open: i < n ? '年度工资增幅待下次协商' : null,
        });
    }
    const past = ['draft', 'adopted', 'signed', 'filed', 'objected', 'effective', 'expiring', 'expired'];
    if (past.includes(state)) {
      row.draft = clausesFor(rng, kind);
      row.termYears = term;
    }
    if (['adopted', 'signed', 'filed', 'effective', 'expiring', 'expired'].includes(state)) {
      const delegates = congressForm(workforce, cRule).kind === 'assembly' ? workforce : Math.max(30, Math.round(workforce / 25));
      const present = Math.ceil((delegates * 2) / 3) + rng.int(0, Math.floor(delegates / 4));
      const yes = Math.min(present, Math.floor(delegates / 2) + 1 + rng.int(0, Math.floor(present / 3)));
      row.vote = {
        body: delegates === workforce ? 'assembly' : 'congress',
        delegates,
        present,
        for: yes,
        against: Math.floor((present - yes) / 2),
        abstain: present - yes - Math.floor((present - yes) / 2),
        heldOn: step(50),
      };
    }
    if (['signed', 'filed', 'effective', 'expiring', 'expired'].includes(state)) row.signedOn = step(55);
    if (state === 'signed') row.filingDue = due(row.signedOn!, rule.filingDays);
    if (['filed', 'effective', 'expiring', 'expired'].includes(state)) {
      row.filedOn = step(58);
      row.filedWith = '市人力资源和社会保障局';
    }
    if (state === 'filed') row.reviewDue = due(row.filedOn!, rule.reviewDays);
    if (state === 'objected') row.objection = '工资支付条款低于本市最低工资标准，请重新协商后报送。';
    if (effectiveOn) {
      row.effectiveOn = effectiveOn;
      row.expiresOn = contractExpiresOn(effectiveOn, term);
      if (rng.chance(0.85)) {
        row.publishedOn = addDays(effectiveOn, rng.int(1, 10));
        row.publishedVia = rng.pick(['厂务公开栏张贴', '职工大会宣读', '企业内网公布', '印发职工人手一册']);
      }
      if (state === 'effective' || state === 'expiring') for (const m of members) covered.add(m.id);
    }
    contracts.push(row);
    return row;
  };

  // Regional contracts: in about a third of the streets, the small employers of the street.
  const byStreet = new Map<string, Employer[]>();
  for (const e of employers) byStreet.set(e.parent_id, [...(byStreet.get(e.parent_id) ?? []), e]);
  const inRegional = new Set<string>();
  for (const [street, list] of byStreet) {
    const small = list.filter((e) => e.employee_count < 100);
    if (small.length < 3 || !rng.chance(0.35)) continue;
    const members = rng.shuffle(small).slice(0, rng.int(3, Math.min(10, small.length)));
    members.forEach((m) => inRegional.add(m.id));
    add(
      street,
      'regional',
      rng.chance(0.5) ? 'wage' : 'general',
      `${names.get(street) ?? ''}区域性${rng.chance(0.5) ? '工资专项' : ''}集体合同`,
      members,
      rng.weighted([
        ['effective', 8],
        ['expiring', 1],
        ['expired', 1],
      ] as const),
    );
  }
  // Sector contracts: per district, the employers of one trade.
  const byDistrict = new Map<string, Employer[]>();
  for (const e of employers) byDistrict.set(e.district_id, [...(byDistrict.get(e.district_id) ?? []), e]);
  for (const [district, list] of byDistrict) {
    const trades = [...new Set(list.map((e) => e.industry).filter((x): x is string => !!x))];
    if (!trades.length) continue;
    const trade = rng.pick(trades);
    const members = list.filter((e) => e.industry === trade && !inRegional.has(e.id)).slice(0, 8);
    if (members.length < 2) continue;
    members.forEach((m) => inRegional.add(m.id));
    add(district, 'sector', 'wage', `${names.get(district) ?? ''}${trade}行业工资专项集体合同`, members, 'effective');
  }
  // Single-employer contracts: most larger employers, fewer small ones; bargaining under way in every state.
  for (const e of employers) {
    if (inRegional.has(e.id)) continue;
    const p = e.employee_count >= 1000 ? 0.93 : e.employee_count >= 100 ? 0.82 : 0.5;
    if (!rng.chance(p)) continue;
    const state = rng.weighted([
      ['effective', 74],
      ['expiring', 8],
      ['expired', 8],
      ['requested', 2],
      ['refused', 1],
      ['negotiating', 3],
      ['draft', 2],
      ['adopted', 1],
      ['signed', 1.5],
      ['filed', 2],
      ['objected', 1],
    ] as const);
    const name = e.employer_name ?? e.name.replace(/工会(委员会)?$/, '');
    const kind = rng.weighted([
      ['general', 6],
      ['wage', 3],
      ['women', 1],
    ] as const);
    add(e.id, 'single', kind, `${name}${kind === 'wage' ? '工资专项集体合同' : kind === 'women' ? '女职工权益保护专项集体合同' : '集体合同'}`, [e], state);
    // Some employers also have a wage agreement beside the general contract.
    if (kind === 'general' && e.employee_count >= 300 && rng.chance(0.3))
      add(
        e.id,
        'single',
        'wage',
        `${name}${REF.slice(0, 4)}年度工资专项集体合同`,
        [e],
        rng.weighted([
          ['effective', 4],
          ['negotiating', 1],
        ] as const),
      );
  }

  // Workers' congresses of the employers of 100 workers and more (and the institutions): sessions, delegates, proposals.
  const congressRows: (typeof congress.$inferInsert)[] = [];
  const sessions: (typeof congressSession.$inferInsert)[] = [];
  const props: (typeof congressProposal.$inferInsert)[] = [];
  const year = Number(REF.slice(0, 4));
  const departments = ['人力资源部', '行政部', '财务部', '安全环保部', '生产部', '后勤保障部'];
  const topics = [
    '提高夜班津贴标准',
    '改善职工食堂伙食',
    '增设职工停车位',
    '完善高温作业防护',
    '开展女职工健康体检',
    '建立技能人才晋升通道',
    '增加职工文体活动场所',
    '规范加班审批',
  ];
  for (const e of [...employers, ...institutions]) {
    const form = congressForm(e.employee_count, cRule);
    if (form.kind !== 'congress' || !rng.chance(0.85)) continue;
    const id = rng.uuid();
    const delegates = form.minDelegates + rng.int(0, Math.round(form.minDelegates / 3));
    const women = Math.round((delegates * rng.int(25, 55)) / 100);
    const wellMade = rng.chance(0.9);
    const termYears = rng.chance(0.6) ? 5 : 3;
    const termStart = addDays(REF, -rng.int(30, termYears * 365 - 30));
    congressRows.push({
      id,
      orgId: e.id,
      workforce: e.employee_count,
      womenInWorkforce: Math.round(e.employee_count * (women / delegates)),
      form: 'congress',
      termYears,
      termStart,
      electedOn: termStart,
      delegates,
      frontLine: wellMade ? Math.ceil(delegates * 0.55) : Math.floor(delegates * 0.45),
      managers: Math.floor(delegates * 0.15),
      women,
      isDemo: true,
    });
    const heldThisYear = rng.chance(0.8);
    const years = heldThisYear ? [year - 1, year] : [year - 1];
    for (const y of years) {
      const heldOn = y === year ? addDays(REF, -rng.int(10, 300)) : `${y}-0${rng.int(1, 9)}-${String(rng.int(10, 28))}`;
      const present = Math.ceil((delegates * 2) / 3) + rng.int(0, Math.floor(delegates / 4));
      const item = (kind: string, title: string) => {
        const yes = Math.floor(delegates / 2) + 1 + rng.int(0, Math.max(0, present - Math.floor(delegates / 2) - 1));
        return { kind, title, for: Math.min(yes, present), against: Math.max(0, present - yes), abstain: 0, passed: true };
      };
      sessions.push({
        id: rng.uuid(),
        congressId: id,
        orgId: e.id,
        heldOn,
        delegates,
        present,
        items: [item('report', '行政工作报告'), item('wage_plan', `${y}年度工资调整方案`), item('welfare', '职工福利费使用方案')],
        resolutions: '会议审议通过行政工作报告、年度工资调整方案和职工福利费使用方案。',
      });
    }
    if (heldThisYear) {
      const n = rng.int(1, 4);
      for (let i = 1; i <= n; i++) {
        const status = rng.weighted([
          ['registered', 2],
          ['assigned', 3],
          ['answered', 2],
          ['closed', 5],
          ['rejected', 1],
        ] as const);
        // Most assigned proposals are within their month to answer; some have run past it.
        const registeredOn = addDays(REF, -(status === 'assigned' ? rng.int(5, 45) : rng.int(5, 200)));
        const assigned = status !== 'registered' && status !== 'rejected';
        const answerDue = assigned ? addDays(registeredOn, 30) : null;
        props.push({
          id: rng.uuid(),
          congressId: id,
          orgId: e.id,
          no: `${year}-${String(i).padStart(3, '0')}`,
          title: rng.pick(topics),
          delegate: randomPersonName(rng),
          content: '建议企业研究落实，并在下次职代会上报告办理情况。',
          department: assigned ? rng.pick(departments) : null,
          status,
          answerDue: status === 'assigned' || status === 'answered' || status === 'closed' ? answerDue : null,
          answer:
            status === 'answered' || status === 'closed'
              ? '已纳入本年度工作计划，分步落实。'
              : status === 'rejected'
                ? '属个人诉求，不作为提案立案，已转相关部门处理。'
                : null,
          answeredOn: status === 'answered' || status === 'closed' ? addDays(registeredOn, rng.int(7, 28)) : null,
          registeredOn,
          isDemo: true,
        });
      }
    }
  }
  // The current term's election record and roster for the larger employers (1,000 workers and more),
  // matching the counts of the congress (a separate stream, so the rest of the demo stays the same).
  const rosterRng = createRng(opts.seed ?? DEMO_DEFAULT_SEED).fork('congress-roster');
  const terms: (typeof congressTerm.$inferInsert)[] = [];
  const roster: (typeof congressDelegate.$inferInsert)[] = [];
  for (const k of congressRows) {
    if (k.workforce < 1000) continue;
    const termId = rosterRng.uuid();
    const technical = Math.floor((k.delegates - k.frontLine - k.managers) / 2);
    const electorate = k.workforce - rosterRng.int(0, Math.floor(k.workforce / 50));
    terms.push({
      id: termId,
      congressId: k.id,
      orgId: k.orgId,
      no: rosterRng.int(1, 6),
      termYears: k.termYears,
      termStart: k.termStart,
      electedOn: k.electedOn ?? k.termStart,
      method: rosterRng.chance(0.7) ? 'direct' : 'indirect',
      workforce: k.workforce,
      womenInWorkforce: k.womenInWorkforce,
      electorate,
      voted: electorate - rosterRng.int(0, Math.floor(electorate / 10)),
      delegates: k.delegates,
      frontLine: k.frontLine,
      managers: k.managers,
      technical,
      women: k.women,
      isDemo: true,
    });
    for (let i = 0; i < k.delegates; i++) {
      const category =
        i < k.frontLine ? 'front_line' : i < k.frontLine + k.managers ? 'manager' : i < k.frontLine + k.managers + technical ? 'technical' : 'other';
      // Exactly `women` female seats, spread over the categories.
      const female = (i * k.women) % k.delegates < k.women;
      roster.push({
        id: rosterRng.uuid(),
        congressId: k.id,
        termId,
        orgId: k.orgId,
        name: randomPersonName(rosterRng, female ? 'F' : 'M'),
        category,
        gender: female ? 'female' : 'male',
        department: rosterRng.pick(departments),
        isDemo: true,
      });
    }
  }
  // Open management: most employers disclosed something this year.
  const disclosures: (typeof disclosure.$inferInsert)[] = [];
  const subjects = ['年度经营状况', '职工工资调整情况', '社会保险缴纳情况', '劳动安全卫生情况', '职工福利费使用情况', '集体合同履行情况'];
  for (const e of employers) {
    if (!rng.chance(0.7)) continue;
    for (let i = rng.int(1, 3); i > 0; i--) {
      disclosures.push({
        id: rng.uuid(),
        orgId: e.id,
        disclosedOn: addDays(REF, -rng.int(1, 330)),
        channel: rng.pick(DISCLOSURE_CHANNELS),
        subject: rng.pick(subjects),
        content: '按规定向全体职工公开，接受职工监督。',
        feedback: rng.chance(0.3) ? '职工建议增加公开频次。' : null,
        isDemo: true,
      });
    }
  }

  await insertAll(tx, bargaining, contracts);
  await insertAll(tx, bargainingParty, parties);
  await insertAll(tx, negotiator, seats);
  await insertAll(tx, bargainingRound, rounds);
  await insertAll(tx, congress, congressRows);
  await insertAll(tx, congressSession, sessions);
  await insertAll(tx, congressProposal, props);
  await insertAll(tx, congressTerm, terms);
  await insertAll(tx, congressDelegate, roster);
  await insertAll(tx, disclosure, disclosures);
  return {
    contracts: contracts.length,
    covered: covered.size,
    employers: employers.length,
    congresses: congressRows.length,
    proposals: props.length,
    disclosures: disclosures.length,
  };
}
