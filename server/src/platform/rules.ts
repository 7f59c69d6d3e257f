import { asc, eq } from 'drizzle-orm';
import { RULES, versionOn, type RuleDef, type RuleVersion } from '../../../common/src/rules.js';
import { ruleVersion } from './rules.schema.js';
import { appendAudit } from './audit.js';
import { AppError, errors } from './errors.js';
import type { Ctx, Services } from './context.js';
import type { Executor } from '../db/client.js';

/**
 * Dated rules on the server: the code's defaults with the versions an administrator entered; the
 * one in force on a day is the latest started. Versions are read every 30 s at most per process.
 */
type Stored = RuleVersion<unknown> & { weak: string[]; origin: 'default' | 'entered'; enteredBy: string | null };
const cache = new Map<string, { at: number; versions: Stored[] }>();

async function versionsOf(exec: Executor, def: RuleDef): Promise<Stored[]> {
  const hit = cache.get(def.key);
  if (hit && Date.now() - hit.at < 30_000) return hit.versions;
  const rows = await exec.select().from(ruleVersion).where(eq(ruleVersion.key, def.key)).orderBy(asc(ruleVersion.effectiveFrom));
  const entered = rows.map((r) => ({
    effectiveFrom: r.effectiveFrom,
    value: r.value,
    source: r.source,
    weak: r.weak,
    origin: 'entered' as const,
    enteredBy: r.createdByName,
  }));
  const defaults = def.defaults
    .filter((d) => !entered.some((e) => e.effectiveFrom === d.effectiveFrom))
    .map((d) => ({ ...d, weak: d.weak ?? [], origin: 'default' as const, enteredBy: null }));
  const versions = [...defaults, ...entered].sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom));
  cache.set(def.key, { at: Date.now(), versions });
  return versions;
}

/** A rule's versions (defaults and entered), oldest first, for a message that cites the source. */
export async function ruleVersions<T>(s: Pick<Services, 'db'>, def: RuleDef<T>): Promise<(RuleVersion<T> & { weak: string[] })[]> {
  return (await versionsOf(s.db, def as RuleDef)) as (RuleVersion<T> & { weak: string[] })[];
}

/** The value of a rule in force on `date`. */
export async function ruleOn<T>(s: Pick<Services, 'db'>, def: RuleDef<T>, date: string, exec: Executor = s.db): Promise<T> {
  return versionOn(await versionsOf(exec, def as RuleDef), date).value as T;
}

const canEdit = (c: Ctx) => c.actor.permissions.has('rule.manage') && c.actor.scope.all;

export async function listRules(c: Ctx, today: string) {
  const out = [];
  for (const def of RULES.values()) {
    const versions = await versionsOf(c.db, def);
    out.push({ key: def.key, zh: def.zh, en: def.en, fields: def.fields, inForce: versionOn(versions, today), versions, canEdit: canEdit(c) });
  }
  return out;
}

/** Add a version of a rule from its date: city-wide rules are for an administrator whose scope covers the whole tree. */
export async function addRuleVersion(c: Ctx, key: string, input: { effectiveFrom: string; value: Record<string, unknown>; source: string }, today: string) {
  const def = RULES.get(key);
  if (!def) throw errors.notFound('规则', 'rule');
  if (!canEdit(c)) throw errors.forbidden('修改全市适用的规则（须管辖全部组织）');
  const parsed = def.schema.safeParse(input.value);
  if (!parsed.success) {
    const first = parsed.error.issues[0]!;
    throw new AppError(
      400,
      'VALIDATION_FAILED',
      `规则取值有误：${first.path.join('.')} ${first.message}`,
      `Invalid value: ${first.path.join('.')} ${first.message}`,
      {
        fields: parsed.error.issues.map((i) => ({ path: ['body', 'value', ...i.path].join('.'), message: i.message, messageEn: i.message })),
      },
    );
  }
  const weak = (def.defaults.at(-1)?.weak ?? []).filter(
    (k) => JSON.stringify((parsed.data as Record<string, unknown>)[k]) === JSON.stringify((def.defaults.at(-1)!.value as Record<string, unknown>)[k]),
  );
  await c.db.transaction(async (tx) => {
    const inserted = await tx
      .insert(ruleVersion)
      .values({
        key,
        effectiveFrom: input.effectiveFrom,
        value: parsed.data,
        source: input.source,
        weak,
        createdBy: c.actor.userId,
        createdByName: c.actor.displayName,
      })
      .onConflictDoNothing()
      .returning({ key: ruleVersion.key });
    if (!inserted.length)
      throw errors.conflict(`该规则在 ${input.effectiveFrom} 已有版本`, `The rule already has a version from ${input.effectiveFrom}`, {
        field: 'effectiveFrom',
      });
    await appendAudit(tx, {
      actorId: c.actor.userId,
      actorName: c.actor.username,
      ip: c.ip,
      orgId: c.actor.orgId,
      action: 'rule.version_add',
      entity: 'rule',
      entityId: key,
      changes: { effectiveFrom: input.effectiveFrom, value: parsed.data, source: input.source },
    });
  });
  cache.delete(key);
  return (await listRules(c, today)).find((r) => r.key === key)!;
}
