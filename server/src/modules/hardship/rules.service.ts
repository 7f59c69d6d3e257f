import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { aidCap } from './aid.schema.js';
import { hardshipRuleSet, subsistenceLine } from './rules.schema.js';
import { hardshipFile, type HardshipFileRow } from './hardship.schema.js';
import { org } from '../org/org.schema.js';
import {
  DEFAULT_RULE_SET,
  evaluateTier,
  ruleSetInForce,
  type HardshipParams,
  type RuleSet,
  type SubsistenceLine,
  type TierInput,
  type TierResult,
} from '../../../../common/src/hardship-tier.js';
import { DEFAULT_CAPS, type AidCap } from '../../../../common/src/hardship-caps.js';
import type { AidKind, CapRule } from '../../../../common/src/hardship-vocab.js';
import { todayInChina } from '../../../../common/src/dates.js';
import { appendAudit } from '../../platform/audit.js';
import { errors } from '../../platform/errors.js';
import { auditTrail } from '../../platform/resource.js';
import type { Ctx } from '../../platform/context.js';
import type { Executor } from '../../db/client.js';
import { inTurn } from '../../db/client.js';

/** The rule data in force: subsistence lines, dated rule sets and caps (all small tables). */
export interface RulesData {
  lines: SubsistenceLine[];
  ruleSets: RuleSet[];
  caps: AidCap[];
}

export async function loadRules(exec: Executor): Promise<RulesData> {
  const [lines, sets, caps] = await inTurn([
    exec.select().from(subsistenceLine).orderBy(asc(subsistenceLine.regionCode), asc(subsistenceLine.effectiveFrom)),
    exec.select().from(hardshipRuleSet).orderBy(asc(hardshipRuleSet.effectiveFrom)),
    exec.select().from(aidCap).orderBy(asc(aidCap.effectiveFrom)),
  ]);
  return {
    lines: lines.map((l) => ({
      id: l.id,
      regionCode: l.regionCode,
      effectiveFrom: l.effectiveFrom,
      monthlyFen: Number(l.monthlyFen),
      source: l.source,
      weak: l.weak,
    })),
    ruleSets: sets.map((s) => ({
      id: s.id,
      version: s.version,
      effectiveFrom: s.effectiveFrom,
      params: { ...DEFAULT_RULE_SET.params, ...s.params },
      source: s.source,
      weakKeys: s.weakKeys as RuleSet['weakKeys'],
    })),
    caps: caps.map((c) => ({
      id: c.id,
      kind: c.kind as AidKind | null,
      rule: c.rule as CapRule,
      amountFen: c.amountFen === null ? null : Number(c.amountFen),
      maxCount: c.maxCount,
      effectiveFrom: c.effectiveFrom,
      effectiveTo: c.effectiveTo,
      source: c.source,
      weak: c.weak,
    })),
  };
}

export function paramsOn(rules: RulesData, date: string): HardshipParams {
  return ruleSetInForce(rules.ruleSets, date).params;
}

/**
 * Seed the default rule set and caps (with their sources, weak ones marked) into an installation
 * that has none; idempotent. Subsistence lines have no national default: each locality enters its own.
 */
export async function ensureHardshipDefaults(exec: Executor): Promise<void> {
  const [{ n }] = (await exec.select({ n: sql<number>`count(*)::int` }).from(hardshipRuleSet)) as [{ n: number }];
  if (n === 0) {
    const d = DEFAULT_RULE_SET;
    await exec
      .insert(hardshipRuleSet)
      .values({ id: uuidv7(), version: d.version, effectiveFrom: d.effectiveFrom, params: d.params, source: d.source, weakKeys: d.weakKeys })
      .onConflictDoNothing();
  }
  const [{ c }] = (await exec.select({ c: sql<number>`count(*)::int` }).from(aidCap)) as [{ c: number }];
  if (c === 0) await exec.insert(aidCap).values(DEFAULT_CAPS.map((cap) => ({ id: uuidv7(), ...cap })));
  if (n === 0 || c === 0) await appendAudit(exec, { action: 'hardship.rules_defaults', detail: 'default rule set and caps seeded' });
}

/** The tier input of a stored file on a date. */
export function tierInputOf(
  f: Pick<
    HardshipFileRow,
    | 'regionCode'
    | 'annualIncomeFen'
    | 'rigidMedicalFen'
    | 'rigidSchoolingFen'
    | 'householdSize'
    | 'accidentCostFen'
    | 'disaster'
    | 'workAccident'
    | 'migrantWorker'
    | 'cityWorkSince'
  >,
  date: string,
): TierInput {
  return {
    regionCode: f.regionCode,
    evaluationDate: date,
    annualIncomeFen: Number(f.annualIncomeFen),
    rigidMedicalFen: Number(f.rigidMedicalFen),
    rigidSchoolingFen: Number(f.rigidSchoolingFen),
    householdSize: f.householdSize,
    accidentCostFen: Number(f.accidentCostFen),
    disaster: f.disaster,
    workAccident: f.workAccident,
    migrantWorker: f.migrantWorker,
    cityWorkSince: f.cityWorkSince,
  };
}

export function tierColumns(r: TierResult) {
  return { tier: r.tier, tierSnapshot: r, tierEvaluatedOn: r.evaluatedOn, perCapitaMonthlyFen: r.perCapitaMonthlyFen };
}

/** SQL for the subsistence line in force for the file aliased `f` on a date (most specific region, latest start). */
export function lineLateralSql(date: string) {
  return sql`LATERAL (
    SELECT sl.id, sl.monthly_fen, sl.effective_from, sl.region_code FROM subsistence_line sl
    WHERE sl.region_code IN (f.region_code, left(f.region_code, 4) || '00', left(f.region_code, 2) || '0000') AND sl.effective_from <= ${date}::date
    ORDER BY (sl.region_code = f.region_code) DESC, (sl.region_code = left(f.region_code, 4) || '00') DESC, sl.effective_from DESC
    LIMIT 1) l`;
}

/**
 * Re-evaluate live files whose stored computation is stale: the line in force (or the rule set)
 * differs from the one it used. Found with one set-based query; recomputed with the pure rules.
 */
export async function reevaluateStale(exec: Executor, date = todayInChina(), rules?: RulesData): Promise<number> {
  const data = rules ?? (await loadRules(exec));
  const version = ruleSetInForce(data.ruleSets, date).version;
  const res = (await exec.execute(sql`
    SELECT f.id FROM hardship_file f LEFT JOIN ${lineLateralSql(date)} ON true
    WHERE f.status IN ('applied', 'reviewing', 'filed', 'exited')
      AND ((f.tier_snapshot -> 'line' ->> 'id') IS DISTINCT FROM l.id::text OR (f.tier_snapshot ->> 'ruleVersion') IS DISTINCT FROM ${version})`)) as unknown as {
    rows: { id: string }[];
  };
  const ids = res.rows.map((r) => r.id);
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await exec
      .select()
      .from(hardshipFile)
      .where(inArray(hardshipFile.id, ids.slice(i, i + 500)));
    for (const f of rows) {
      const r = evaluateTier(tierInputOf(f, date), data.lines, data.ruleSets);
      await exec.update(hardshipFile).set(tierColumns(r)).where(eq(hardshipFile.id, f.id));
    }
  }
  return ids.length;
}

/** Rule data is installation-wide: only an administrator whose scope covers the root may change it. */
export async function requireRuleAdmin(c: Ctx, exec: Executor) {
  const scope = c.actor.scope;
  if (scope.all) return;
  const roots = await exec.select({ path: org.path }).from(org).where(isNull(org.parentId));
  if (!roots.length || !roots.every((r) => scope.subtreePaths.some((p) => r.path.startsWith(p)))) {
    throw errors.forbidden('维护全市统一的低保标准和帮扶规则（须为顶层组织的管理员）');
  }
}

const audit = (c: Ctx) => ({ actorId: c.actor.userId, actorName: c.actor.username, ip: c.ip, orgId: c.actor.orgId });

export async function addLine(c: Ctx, input: { regionCode: string; effectiveFrom: string; monthlyFen: number; source: string; weak: boolean }) {
  return c.db.transaction(async (tx) => {
    await requireRuleAdmin(c, tx);
    const [dup] = await tx
      .select({ id: subsistenceLine.id })
      .from(subsistenceLine)
      .where(and(eq(subsistenceLine.regionCode, input.regionCode), eq(subsistenceLine.effectiveFrom, input.effectiveFrom)));
    if (dup) throw errors.conflict('该地区在该日期已有低保标准，请修改原记录', 'A line for this region and date exists; edit it instead');
    const id = uuidv7();
    await tx.insert(subsistenceLine).values({ id, ...input });
    await appendAudit(tx, { ...audit(c), action: 'hardship.line_add', entity: 'subsistence_line', entityId: id, changes: input });
    const reevaluated = await reevaluateStale(tx);
    return { id, reevaluated };
  });
}

export async function updateLine(c: Ctx, id: string, input: { monthlyFen: number; source: string; weak: boolean; version: number }) {
  return c.db.transaction(async (tx) => {
    await requireRuleAdmin(c, tx);
    const [before] = await tx.select().from(subsistenceLine).where(eq(subsistenceLine.id, id));
    if (!before) throw errors.notFound('低保标准', 'subsistence line');
    const { version, ...set } = input;
    const [after] = await tx
      .update(subsistenceLine)
      .set({ ...set, version: version + 1, updatedAt: new Date() })
      .where(and(eq(subsistenceLine.id, id), eq(subsistenceLine.version, version)))
      .returning();
    if (!after) throw errors.versionConflict();
    await appendAudit(tx, {
      ...audit(c),
      action: 'hardship.line_update',
      entity: 'subsistence_line',
      entityId: id,
      changes: { monthlyFen: { from: Number(before.monthlyFen), to: input.monthlyFen }, source: input.source, weak: input.weak },
    });
    // The stored snapshots name the line by id, so force a refresh of the files that used it.
    await tx.execute(
      sql`UPDATE hardship_file SET tier_snapshot = jsonb_set(tier_snapshot, '{line,id}', '"stale"') WHERE tier_snapshot -> 'line' ->> 'id' = ${id}`,
    );
    const reevaluated = await reevaluateStale(tx);
    return { id, reevaluated };
  });
}

export async function addRuleSet(c: Ctx, input: { version: string; effectiveFrom: string; params: HardshipParams; source: string; weakKeys: string[] }) {
  return c.db.transaction(async (tx) => {
    await requireRuleAdmin(c, tx);
    const [dup] = await tx
      .select({ id: hardshipRuleSet.id })
      .from(hardshipRuleSet)
      .where(sql`${hardshipRuleSet.version} = ${input.version} OR ${hardshipRuleSet.effectiveFrom} = ${input.effectiveFrom}`);
    if (dup) throw errors.conflict('规则版本号或生效日期已存在', 'That rule version or effective date exists already');
    const id = uuidv7();
    await tx.insert(hardshipRuleSet).values({ id, ...input });
    await appendAudit(tx, {
      ...audit(c),
      action: 'hardship.rule_set_add',
      entity: 'hardship_rule_set',
      entityId: id,
      changes: input as unknown as Record<string, unknown>,
    });
    const reevaluated = await reevaluateStale(tx);
    return { id, reevaluated };
  });
}

type CapInput = {
  kind: AidKind | null;
  rule: CapRule;
  amountFen: number | null;
  maxCount: number | null;
  effectiveFrom: string;
  effectiveTo: string | null;
  source: string;
  weak: boolean;
};

function checkCapShape(i: CapInput) {
  if (i.rule === 'same_cause_per_year' ? !i.maxCount : i.amountFen === null) {
    throw errors.invalid(
      i.rule === 'same_cause_per_year' ? '请填写每年次数上限' : '请填写金额上限',
      i.rule === 'same_cause_per_year' ? 'maxCount is required' : 'amountFen is required',
    );
  }
  if (i.effectiveTo && i.effectiveTo < i.effectiveFrom) throw errors.invalid('失效日期早于生效日期', 'effectiveTo is before effectiveFrom');
}

export async function addCap(c: Ctx, input: CapInput) {
  checkCapShape(input);
  return c.db.transaction(async (tx) => {
    await requireRuleAdmin(c, tx);
    const id = uuidv7();
    await tx.insert(aidCap).values({ id, ...input });
    await appendAudit(tx, { ...audit(c), action: 'hardship.cap_add', entity: 'aid_cap', entityId: id, changes: input });
    return { id };
  });
}

export async function updateCap(c: Ctx, id: string, input: CapInput & { version: number }) {
  checkCapShape(input);
  return c.db.transaction(async (tx) => {
    await requireRuleAdmin(c, tx);
    const [before] = await tx.select().from(aidCap).where(eq(aidCap.id, id));
    if (!before) throw errors.notFound('帮扶标准', 'cap');
    const { version, ...set } = input;
    const [after] = await tx
      .update(aidCap)
      .set({ ...set, version: version + 1, updatedAt: new Date() })
      .where(and(eq(aidCap.id, id), eq(aidCap.version, version)))
      .returning();
    if (!after) throw errors.versionConflict();
    await appendAudit(tx, { ...audit(c), action: 'hardship.cap_update', entity: 'aid_cap', entityId: id, changes: set });
    return { id };
  });
}

/** The history of a subsistence line or a cap, for those who maintain the rule data. */
export async function ruleHistory(c: Ctx, entity: 'subsistence_line' | 'aid_cap', id: string) {
  await requireRuleAdmin(c, c.db);
  const table = entity === 'subsistence_line' ? subsistenceLine : aidCap;
  const [row] = await c.db.select({ id: table.id }).from(table).where(eq(table.id, id));
  if (!row) throw errors.notFound(entity === 'subsistence_line' ? '低保标准' : '帮扶标准', entity === 'subsistence_line' ? 'subsistence line' : 'cap');
  return auditTrail(c.db, entity, id);
}

/** Everything an administrator (or the help text) needs: the tables, and what is in force today. */
export async function rulesOverview(c: Pick<Ctx, 'db'>) {
  const rules = await loadRules(c.db);
  const today = todayInChina();
  const versions = await c.db.select({ id: subsistenceLine.id, version: subsistenceLine.version }).from(subsistenceLine);
  const capVersions = await c.db.select({ id: aidCap.id, version: aidCap.version }).from(aidCap);
  const vOf = new Map([...versions, ...capVersions].map((v) => [v.id, v.version]));
  const inForce = ruleSetInForce(rules.ruleSets, today);
  return {
    today,
    ruleSetInForce: { version: inForce.version, effectiveFrom: inForce.effectiveFrom },
    lines: rules.lines.map((l) => ({ ...l, id: l.id!, version: vOf.get(l.id!) ?? 1 })),
    ruleSets: rules.ruleSets.map((s) => ({
      id: s.id!,
      version: s.version,
      effectiveFrom: s.effectiveFrom,
      params: { ...s.params } as Record<string, unknown>,
      source: s.source,
      weakKeys: s.weakKeys as string[],
    })),
    caps: rules.caps.map((k) => ({ ...k, id: k.id!, version: vOf.get(k.id!) ?? 1 })),
  };
}
