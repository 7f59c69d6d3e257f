/**
 * Demo assistance data (困难职工帮扶): ~3,000 household files across the demo city in every state,
 * with household members, aid history against budgets, a Spring Festival campaign, exits with
 * follow-up visits, relapses, and live warnings from one run of the real scan. Deterministic (seeded
 * Rng, dates relative to DEMO_REFERENCE_DATE) and bulk-inserted, so first start stays fast.
 * Files are linked to demo members where the member registry has them (a deterministic sample).
 */
import { getTableColumns, getTableName, sql, type SQL, type Table } from 'drizzle-orm';
import { aidBudget, aidCampaign, aidRecord } from '../modules/hardship/aid.schema.js';
import { hardshipEvent, hardshipFile, hardshipHouseholdMember, hardshipVisit } from '../modules/hardship/hardship.schema.js';
import { subsistenceLine } from '../modules/hardship/rules.schema.js';
import { ensureHardshipDefaults, loadRules } from '../modules/hardship/rules.service.js';
import { scanWarnings } from '../modules/hardship/warning.scan.js';
import { addMonths, evaluateTier, lineInForce, type TierInput } from '../../../common/src/hardship-tier.js';
import { CAUSES, EXIT_REASONS, type Cause } from '../../../common/src/hardship-vocab.js';
import { computeIdCheck, maskIdNumber } from '../../../common/src/id-number.js';
import { maskMobile } from '../../../common/src/mobile.js';
import { appendAudit } from '../platform/audit.js';
import { addDays, createRng, type Rng } from './prng.js';
import { DEMO_DEFAULT_SEED, DEMO_REFERENCE_DATE, randomPersonName } from './demo-city.js';
import type { KeyRing } from '../platform/crypto.js';
import type { Executor } from '../db/client.js';

export const DEMO_HARDSHIP_COUNT = 3000;
const REF = DEMO_REFERENCE_DATE;
const LINE_SOURCE = '演示数据：江城市民政局城乡最低生活保障标准公告（虚构，仅供演示）';
export const DEMO_LINES = [
  { regionCode: '439900', effectiveFrom: '2024-01-01', monthlyFen: 76_000 },
  { regionCode: '439900', effectiveFrom: '2025-01-01', monthlyFen: 80_000 },
  { regionCode: '439900', effectiveFrom: '2026-07-01', monthlyFen: 85_000 },
  { regionCode: '439921', effectiveFrom: '2024-01-01', monthlyFen: 64_000 },
  { regionCode: '439921', effectiveFrom: '2025-07-01', monthlyFen: 68_000 },
];
const ILLNESSES = ['肺癌', '尿毒症', '白血病', '脑梗', '乳腺癌', '冠心病', '肝硬化', '骨折'];
const BIRTH_AREAS = ['439902', '439903', '439904', '439905', '439906', '439907', '439908', '439921', '412721', '511623', '430524', '362426', '522121'];
const CAUSE_WEIGHTS: [Cause, number][] = [
  ['illness', 30],
  ['disability', 12],
  ['schooling', 12],
  ['unemployment', 14],
  ['low_income', 12],
  ['single_parent', 6],
  ['disaster', 4],
  ['work_injury', 5],
  ['accident', 3],
  ['other', 2],
];

export interface DemoHardshipReport {
  files: number;
  household: number;
  aid: number;
  visits: number;
  warnings: number;
  ms: number;
}

type Row<T extends { $inferInsert: unknown }> = T['$inferInsert'];

function idFactory() {
  const used = new Set<string>();
  return (rng: Rng, birth: string, sex: 'M' | 'F') => {
    for (;;) {
      const seq = sex === 'M' ? rng.int(0, 499) * 2 + 1 : rng.int(1, 499) * 2;
      const first17 = rng.pick(BIRTH_AREAS) + birth.replaceAll('-', '') + String(seq).padStart(3, '0');
      if (used.has(first17)) continue;
      used.add(first17);
      return first17 + computeIdCheck(first17);
    }
  };
}

/** One INSERT … SELECT FROM jsonb_populate_recordset($1) per batch: a single parameter, fast on both engines. */
export function jsonInsert<T extends Table>(table: T, rows: T['$inferInsert'][]): SQL {
  const cols = Object.entries(getTableColumns(table)).filter(([k]) => rows.some((r) => (r as Record<string, unknown>)[k] !== undefined));
  const data = rows.map((r) => Object.fromEntries(cols.map(([k, c]) => [c.name, (r as Record<string, unknown>)[k] ?? null])));
  const names = sql.raw(cols.map(([, c]) => `"${c.name}"`).join(', '));
  return sql`INSERT INTO ${sql.raw(`"${getTableName(table)}"`)} (${names}) SELECT ${names} FROM jsonb_populate_recordset(NULL::${sql.raw(`"${getTableName(table)}"`)}, ${JSON.stringify(data)}::jsonb)`;
}

const min = (a: string, b: string) => (a < b ? a : b);

export async function seedDemoHardship(tx: Executor, keys: KeyRing, opts: { count?: number; seed?: number } = {}): Promise<DemoHardshipReport> {
  const started = Date.now();
  const count = opts.count ?? DEMO_HARDSHIP_COUNT;
  const rng = createRng(opts.seed ?? DEMO_DEFAULT_SEED).fork('hardship');
  await ensureHardshipDefaults(tx);
  await tx
    .insert(subsistenceLine)
    .values(DEMO_LINES.map((l) => ({ id: rng.uuid(), ...l, source: LINE_SOURCE, weak: false })))
    .onConflictDoNothing();
  const rules = await loadRules(tx);
  const q = async <T>(s: ReturnType<typeof sql>) => ((await tx.execute(s)) as unknown as { rows: T[] }).rows;

  const unions = await q<{ id: string; path: string; region_code: string | null }>(
    sql`SELECT id, path, region_code FROM org WHERE level = 'grassroots' AND active ORDER BY code`,
  );
  const districts = await q<{ id: string; path: string }>(sql`SELECT id, path FROM org WHERE level = 'county' ORDER BY code`);
  const [city] = await q<{ id: string; region_code: string | null }>(sql`SELECT id, region_code FROM org WHERE parent_id IS NULL ORDER BY code LIMIT 1`);
  if (!unions.length || !city) return { files: 0, household: 0, aid: 0, visits: 0, warnings: 0, ms: 0 };
  const regionOf = new Map(unions.map((u) => [u.id, u.region_code ?? city.region_code ?? '439900']));
  const districtOf = (path: string) => districts.find((d) => path.startsWith(d.path));
  const pathOf = new Map(unions.map((u) => [u.id, u.path]));

  // Budgets: every district and the city, 2023–2026; the city also has a 送温暖 line for the campaign (and, below,
  // each grassroots union holding files a 2026 fund of its own).
  const budgets: Row<typeof aidBudget>[] = [];
  const budgetId = new Map<string, string>();
  for (const y of [2023, 2024, 2025, 2026]) {
    for (const o of [...districts, { id: city.id }]) {
      const id = rng.uuid();
      budgetId.set(`${o.id}:${y}`, id);
      budgets.push({ id, orgId: o.id, year: y, line: '帮扶资金', allocatedFen: o.id === city.id ? 300_000_000 : 60_000_000, note: '演示预算' });
    }
  }
  const festivalBudget = rng.uuid();
  budgets.push({ id: festivalBudget, orgId: city.id, year: 2026, line: '送温暖专项', allocatedFen: 150_000_000, note: '2026年春节送温暖' });

  // Members to link (a deterministic stride sample of the registry, if there is one).
  const [{ n: memberCount }] = await q<{ n: number }>(sql`SELECT count(*)::int AS n FROM member WHERE status <> 'transferring'`);
  const stride = Math.max(1, Math.floor(memberCount / Math.max(1, Math.round(count * 0.6))));
  const linked = memberCount
    ? await q<{
        id: string;
        org_id: string;
        name: string;
        id_cipher: string;
        id_index: string;
        id_masked: string;
        sex: string;
        birth_date: string;
        migrant_worker: boolean;
        status: string;
      }>(sql`
        SELECT id, org_id, name, id_cipher, id_index, id_masked, sex, birth_date::text AS birth_date, migrant_worker, status FROM (
          SELECT m.*, row_number() OVER (ORDER BY m.card_no) AS rn FROM member m WHERE m.status <> 'transferring') x
        WHERE rn % ${stride} = 0 AND org_id IN (SELECT id FROM org WHERE level = 'grassroots') ORDER BY rn LIMIT ${Math.round(count * 0.6)}`)
    : [];

  const linkedIdx = new Set(linked.map((m) => m.id_index));
  const files: Row<typeof hardshipFile>[] = [];
  const household: Row<typeof hardshipHouseholdMember>[] = [];
  const events: Row<typeof hardshipEvent>[] = [];
  const visits: Row<typeof hardshipVisit>[] = [];
  const aid: Row<typeof aidRecord>[] = [];
  // A stream of its own, so the proof and recipient choices do not shift the rest of the demo data.
  const proofRng = rng.fork('aid-proof');
  /** Who received a payment: mostly the head; some proxies (代领) with the relation and the reason. */
  const recipientOf = (head: string) =>
    proofRng.chance(0.08)
      ? {
          recipientKind: 'proxy',
          recipientName: proofRng.pick(['张桂兰', '李建国', '王秀英', '刘志强']),
          recipientRelation: proofRng.pick(['邻居', '侄子', '社区网格员', '同事']),
          proxyReason: proofRng.pick(['户主住院治疗，无法到场', '户主行动不便', '户主外出务工']),
        }
      : { recipientKind: 'head', recipientName: head, recipientRelation: 'self', proxyReason: null };
  const nextId = idFactory();
  const ev = (f: { id: string; orgId: string }, kind: string, onDate: string, extra: Partial<Row<typeof hardshipEvent>> = {}) =>
    events.push({ id: rng.uuid(), fileId: f.id, orgId: f.orgId, kind, onDate, ...extra });

  for (let i = 0; i < count; i++) {
    const m = linked[i];
    const orgId = m?.org_id ?? rng.pick(unions).id;
    const regionCode = regionOf.get(orgId) ?? '439900';
    const sex = (m?.sex as 'M' | 'F') ?? (rng.chance(0.5) ? 'M' : 'F');
    const birth = m?.birth_date ?? rng.date('1966-01-01', '1998-12-31');
    let idNumber: string | null = null;
    // A generated person must not be a linked member by chance (one live file per person).
    while (!m && (idNumber === null || linkedIdx.has(keys.blindIndex(idNumber, 'id')))) idNumber = nextId(rng, birth, sex);
    const status = rng.weighted([
      ['filed', 58],
      ['exited', 24],
      ['applied', 6],
      ['reviewing', 6],
      ['rejected', 6],
    ] as const);
    const mainCause = rng.weighted(CAUSE_WEIGHTS);
    const size = rng.weighted([
      [1, 10],
      [2, 20],
      [3, 35],
      [4, 25],
      [5, 10],
    ] as const);
    const recent = status === 'applied' || status === 'reviewing';
    const appliedOn = recent ? addDays(REF, -rng.int(1, 40)) : rng.date('2023-01-05', addDays(REF, -60));
    const filedOn = recent || status === 'rejected' ? null : min(addDays(appliedOn, rng.int(10, 40)), addDays(REF, -30));
    const line = lineInForce(rules.lines, regionCode, REF)!.monthlyFen;
    const tierTarget = rng.weighted([
      ['deep', 35],
      ['relative', 50],
      ['accident', 15],
    ] as const);
    const exited = status === 'exited';
    const nearLine = rng.chance(exited ? 0.06 : 0.12);
    const ratio = exited
      ? nearLine
        ? 1.02 + rng.next() * 0.15
        : 2.1 + rng.next()
      : tierTarget === 'deep'
        ? 0.3 + rng.next() * 0.65
        : tierTarget === 'relative'
          ? nearLine
            ? 1.01 + rng.next() * 0.17
            : 1.25 + rng.next() * 0.7
          : 2.2 + rng.next() * 1.5;
    const perCapita = Math.round(line * ratio);
    const rigidMedicalFen = mainCause === 'illness' || mainCause === 'disability' ? rng.int(5, 400) * 10_000 : rng.chance(0.2) ? rng.int(1, 30) * 10_000 : 0;
    const rigidSchoolingFen = mainCause === 'schooling' ? rng.int(5, 150) * 10_000 : 0;
    const annualIncomeFen = perCapita * 12 * size + rigidMedicalFen + rigidSchoolingFen;
    const accident = !exited && tierTarget === 'accident';
    const disaster = accident && (mainCause === 'disaster' || rng.chance(0.3));
    const workAccident = accident && !disaster && (mainCause === 'work_injury' || rng.chance(0.5));
    const accidentCostFen = accident && !disaster && !workAccident ? Math.round(annualIncomeFen * (0.85 + rng.next() * 0.5)) : 0;
    const migrantWorker = m?.migrant_worker ?? rng.chance(0.2);
    const cityWorkSince = migrantWorker ? rng.date('2010-01-01', addDays(appliedOn, -400)) : null;
    const input: TierInput = {
      regionCode,
      evaluationDate: REF,
      annualIncomeFen,
      rigidMedicalFen,
      rigidSchoolingFen,
      householdSize: size,
      accidentCostFen,
      disaster,
      workAccident,
      migrantWorker,
      cityWorkSince,
    };
    const tier = evaluateTier(input, rules.lines, rules.ruleSets);
    const id = rng.uuid();
    const f = { id, orgId };
    const filedStatus = status === 'filed';
    // New facts after filing: what the monitoring rules look for.
    const since = (p: number) => ((filedStatus || exited) && rng.chance(p) ? addDays(REF, -rng.int(1, 90)) : null);
    const seriousIllnessSince = since(0.04);
    const jobLostOn = since(0.03);
    const disasterOn = disaster ? addDays(appliedOn, -rng.int(1, 30)) : since(0.02);
    let nextReviewDue: string | null = null;
    let exitOn: string | null = null;
    let monitoringUntil: string | null = null;
    let relapseCount = 0;
    let lastRelapseOn: string | null = null;
    const origin = rng.chance(0.6) ? 'application' : 'discovery';
    ev(f, origin === 'application' ? 'applied' : 'opened', appliedOn);
    let reviewedOnce = false;
    if (status !== 'applied' && !(status === 'rejected' && rng.chance(0.5))) ev(f, 'checked', addDays(appliedOn, rng.int(2, 8)), { level: 0 });
    if (status === 'reviewing' && rng.chance(0.5)) {
      ev(f, 'reviewed', addDays(appliedOn, 10), { level: 1 });
      reviewedOnce = true;
    }
    if (status === 'rejected') ev(f, 'rejected', addDays(appliedOn, 12), { note: '经入户核实，家庭收入超过认定标准' });
    if (filedOn) {
      ev(f, 'reviewed', addDays(filedOn, -3), { level: 1 });
      ev(f, 'reviewed', filedOn, { level: 2 });
      ev(f, 'filed', filedOn, { data: { tier: tier.tier } });
      let due = addMonths(filedOn, 12);
      const end = exited ? addDays(REF, -rng.int(60, 700)) : REF;
      while (due <= end) {
        ev(f, 'reassessed', addDays(due, -rng.int(1, 20)));
        due = addMonths(due, 12);
      }
      if (filedStatus && rng.chance(0.07) && due > addMonths(filedOn, 12)) {
        events.pop(); // the latest re-assessment was missed: overdue
        due = addMonths(due, -12);
      }
      nextReviewDue = filedStatus ? due : null;
      if (exited) {
        exitOn = end > filedOn ? end : addDays(filedOn, 30);
        monitoringUntil = addMonths(exitOn, 12);
        ev(f, 'exited', exitOn, { data: { reason: rng.pick(EXIT_REASONS) } });
        for (let k = 1; addMonths(exitOn, 3 * k) <= monitoringUntil; k++) {
          const dueOn = addMonths(exitOn, 3 * k);
          const done = dueOn <= REF && rng.chance(0.92);
          visits.push({
            id: rng.uuid(),
            fileId: id,
            orgId,
            kind: 'follow_up',
            dueOn,
            visitedOn: done ? addDays(dueOn, -rng.int(0, 10)) : null,
            visitor: done ? randomPersonName(rng) : null,
            findings: done ? '家庭生活稳定，收入来源正常' : null,
          });
        }
      } else if (filedStatus && rng.chance(0.06)) {
        relapseCount = 1;
        lastRelapseOn = rng.chance(0.3) ? addDays(REF, -rng.int(1, 45)) : min(addDays(filedOn, rng.int(200, 500)), addDays(REF, -50));
        ev(f, 'exited', addDays(lastRelapseOn, -rng.int(90, 200)), { data: { reason: 'income_up' } });
        ev(f, 'relapsed', lastRelapseOn, { note: '家庭成员患病，收入下降' });
      }
    }
    const married = size > 1 && rng.chance(0.8);
    for (let k = 1; k < size; k++) {
      const rel =
        k === 1 && married
          ? 'spouse'
          : rng.weighted([
              ['child', 70],
              ['parent', 25],
              ['other', 5],
            ] as const);
      const hb =
        rel === 'child' ? rng.date('2005-01-01', '2020-12-31') : rel === 'parent' ? rng.date('1940-01-01', '1962-12-31') : rng.date('1966-01-01', '1998-12-31');
      const hsex = rng.chance(0.5) ? 'M' : 'F';
      const hid = rng.chance(0.75) ? nextId(rng, hb, hsex) : null;
      household.push({
        id: rng.uuid(),
        fileId: id,
        orgId,
        name: randomPersonName(rng, hsex),
        relationship: rel,
        idCipher: hid ? keys.encrypt(hid) : null,
        idIndex: hid ? keys.blindIndex(hid, 'id') : null,
        idMasked: hid ? maskIdNumber(hid) : null,
        birthDate: hb,
        health: rng.weighted([
          ['healthy', 70],
          ['chronic_illness', 20],
          ['serious_illness', 5],
          ['disabled', 5],
        ] as const),
        employmentStatus: rel === 'child' ? 'student' : rel === 'parent' ? 'retired' : rng.pick(['employed', 'flexible', 'unemployed'] as const),
        annualIncomeFen: rel === 'spouse' ? Math.round(perCapita * 12 * 0.8) : 0,
      });
    }
    const mobile = `1${rng.pick(['38', '39', '58', '86', '37'])}${String(rng.int(0, 99_999_999)).padStart(8, '0')}`;
    files.push({
      id,
      fileNo: `KN${appliedOn.slice(0, 4)}${String(i + 1).padStart(6, '0')}`,
      orgId,
      memberId: m?.id ?? null,
      name: m?.name ?? randomPersonName(rng, sex),
      idCipher: m?.id_cipher ?? keys.encrypt(idNumber!),
      idIndex: m?.id_index ?? keys.blindIndex(idNumber!, 'id'),
      idMasked: m?.id_masked ?? maskIdNumber(idNumber!),
      sex,
      birthDate: birth,
      mobileCipher: keys.encrypt(mobile),
      mobileMasked: maskMobile(mobile),
      regionCode,
      address: null,
      employerName: null,
      migrantWorker,
      cityWorkSince,
      health: seriousIllnessSince || mainCause === 'illness' ? 'serious_illness' : mainCause === 'disability' ? 'disabled' : 'healthy',
      disability: mainCause === 'disability' ? rng.pick(['grade2', 'grade3', 'grade4']) : 'none',
      employmentStatus: jobLostOn || mainCause === 'unemployment' ? 'unemployed' : rng.pick(['employed', 'flexible']),
      housing: rng.pick(['own', 'rented', 'public_rental']),
      industry: null,
      maritalStatus: married ? 'married' : rng.pick(['single', 'divorced', 'widowed']),
      hukouType: migrantWorker ? 'rural' : 'urban',
      singleParent: mainCause === 'single_parent',
      zeroEmployment: mainCause === 'unemployment' && rng.chance(0.3),
      monthlyIncomeFen: Math.round(perCapita * 0.6),
      annualIncomeFen,
      rigidMedicalFen,
      rigidSchoolingFen,
      accidentCostFen,
      disaster: disaster || !!disasterOn,
      disasterOn,
      workAccident,
      seriousIllnessSince,
      jobLostOn,
      mainCause,
      otherCauses: rng.chance(0.3) ? [rng.pick(CAUSES.filter((c) => c !== mainCause))] : [],
      householdSize: size,
      status,
      origin,
      tier: tier.tier,
      tierSnapshot: tier,
      tierEvaluatedOn: REF,
      perCapitaMonthlyFen: tier.perCapitaMonthlyFen,
      reviewLevelsRequired: 2,
      reviewLevelsDone: filedOn ? 2 : reviewedOnce ? 1 : 0,
      appliedOn,
      filedOn,
      nextReviewDue,
      exitOn,
      exitReason: exited ? 'income_up' : null,
      exitSnapshot: exited ? tier : null,
      monitoringUntil,
      relapseCount,
      lastRelapseOn,
      rejectReason: status === 'rejected' ? '经入户核实，家庭收入超过认定标准' : null,
      consentVersion: '2026-01',
      isDemo: true,
    });
    // Aid history between filing and now (or exit), within the default caps.
    if (filedOn) {
      const last = exitOn ?? REF;
      const medicalYears = new Set<string>();
      for (let k = rng.int(1, 4); k > 0; k--) {
        const paidOn = rng.date(filedOn, last);
        const kind = rng.weighted([
          ['living', 45],
          ['medical', mainCause === 'illness' ? 30 : 5],
          ['education', mainCause === 'schooling' ? 30 : 3],
          ['employment', 10],
          ['legal', 3],
        ] as const);
        if (kind === 'medical' && medicalYears.has(paidOn.slice(0, 4))) continue;
        if (kind === 'medical') medicalYears.add(paidOn.slice(0, 4));
        const d = districtOf(pathOf.get(orgId)!)!;
        const signed = rng.chance(0.9);
        // Transfers carry the bank record; cash without a signature is 待补签领 (common/src/hardship-proof.ts).
        const method = proofRng.chance(0.25) ? 'transfer' : 'cash';
        const receiptKind = !signed ? null : method === 'transfer' ? 'bank_record' : 'signature';
        aid.push({
          id: rng.uuid(),
          fileId: id,
          orgId,
          kind,
          method,
          amountFen: kind === 'living' ? rng.int(5, 20) * 10_000 : kind === 'medical' ? rng.int(10, 50) * 10_000 : rng.int(5, 30) * 10_000,
          paidOn,
          budgetId: budgetId.get(`${d.id}:${paidOn.slice(0, 4)}`)!,
          payerOrgId: d.id,
          payer: '区总工会帮扶中心',
          ...recipientOf(files[files.length - 1]!.name),
          causeKey: kind === 'medical' ? rng.pick(ILLNESSES) : null,
          receiptKind,
          receiptMime: null,
          receiptData: null,
          proofStatus: receiptKind ? 'complete' : 'pending',
        });
      }
    }
  }

  // The 2026 Spring Festival campaign: 500 yuan for every deep household filed by then.
  const campaignId = rng.uuid();
  const paidOn = '2026-01-20';
  const payees = files.filter((f) => f.tier === 'deep' && f.filedOn && f.filedOn <= paidOn && (f.status === 'filed' || (f.exitOn ?? '') > paidOn));
  for (const f of payees) {
    // Goods handed over against the signed roster; a few households never signed (待补签领).
    const signed = !proofRng.chance(0.06);
    aid.push({
      id: rng.uuid(),
      fileId: f.id!,
      orgId: f.orgId,
      kind: 'festival',
      method: 'goods',
      amountFen: 50_000,
      paidOn,
      budgetId: festivalBudget,
      payerOrgId: city.id,
      payer: '江城市总工会（2026年春节送温暖）',
      ...recipientOf(f.name),
      causeKey: '2026年春节送温暖',
      campaignId,
      receiptKind: signed ? 'signed_roster' : null,
      proofStatus: signed ? 'complete' : 'pending',
    });
  }

  // Every grassroots union holding files also has its own 2026 fund, so its chair (scope: own union) can record aid.
  // A fork of its own, so these ids do not shift the rest of the demo data drawn from `rng`.
  const unionRng = rng.fork('union-budgets');
  for (const orgId of new Set(files.map((f) => f.orgId))) {
    budgets.push({ id: unionRng.uuid(), orgId, year: 2026, line: '帮扶资金', allocatedFen: 2_000_000, note: '演示预算（基层工会自有帮扶资金）' });
  }

  const batch = async <T extends Table>(table: T, rows: T['$inferInsert'][]) => {
    for (let i = 0; i < rows.length; i += 2000) await tx.execute(jsonInsert(table, rows.slice(i, i + 2000)));
  };
  await batch(aidBudget, budgets);
  await batch(hardshipFile, files);
  await batch(hardshipHouseholdMember, household);
  await batch(hardshipEvent, events);
  await batch(hardshipVisit, visits);
  await tx.insert(aidCampaign).values({
    id: campaignId,
    orgId: city.id,
    name: '2026年春节送温暖',
    kind: 'festival',
    method: 'goods',
    amountFen: 50_000,
    paidOn,
    budgetId: festivalBudget,
    criteria: { tiers: ['deep'], causes: [], underOrgId: null, statuses: ['filed'] },
    households: payees.length,
    totalFen: payees.length * 50_000,
    skipped: [],
  });
  await batch(aidRecord, aid);
  await tx.execute(sql`UPDATE aid_budget b SET spent_fen = s.fen, allocated_fen = greatest(b.allocated_fen, ceil(s.fen * 1.25 / 1000000.0) * 1000000)
    FROM (SELECT budget_id, sum(amount_fen) AS fen FROM aid_record GROUP BY budget_id) s WHERE s.budget_id = b.id`);
  await tx.execute(sql`SELECT setval('hardship_file_seq', ${count + 1})`);

  // Live warnings from the real scan on the reference date; a quarter of them already handled.
  const scan = await scanWarnings(tx, { today: REF, rules });
  await tx.execute(sql`UPDATE hardship_warning SET status = 'closed', closed_at = now(), action_taken = '已入户走访核实情况，落实临时救助并纳入重点关注'
    WHERE id IN (SELECT id FROM hardship_warning ORDER BY md5(dedup_key) LIMIT ${Math.floor(scan.raised / 4)})`);
  const report = { files: files.length, household: household.length, aid: aid.length, visits: visits.length, warnings: scan.raised, ms: Date.now() - started };
  await appendAudit(tx, { action: 'system.seed_demo_hardship', detail: `${report.files} files, ${report.aid} aid records, ${report.warnings} warnings` });
  return report;
}
