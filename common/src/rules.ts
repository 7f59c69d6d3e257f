/**
 * Rules with numbers as dated data with their sources (docs/architecture.md, invariant 9): each rule is a
 * key, a schema, and versions that take effect on a date. The defaults below ship with the code and
 * cite their source; an administrator adds a version (a locality's figure, a changed statute) that
 * applies from its date. The version in force on a day is the latest started one. Values marked
 * weak are practice rather than law: the UI says so and invites a local figure.
 *
 * Modules declare their rules in `common/` with `defineRule` and read them on the server with
 * `ruleOn` (server/src/platform/rules.ts); the rules page lists them all.
 */
import { z } from 'zod';

export interface RuleVersion<T> {
  effectiveFrom: string;
  value: T;
  source: string;
  /** Keys of the value that are practice, not statute (configurable defaults). */
  weak?: string[];
}

export interface RuleDef<T = unknown> {
  key: string;
  zh: string;
  en: string;
  /** What each field means, for the page that shows and edits it. */
  fields: Record<string, { zh: string; en: string }>;
  schema: z.ZodType<T>;
  defaults: RuleVersion<T>[];
}

export const RULES = new Map<string, RuleDef>();

export function defineRule<T>(def: RuleDef<T>): RuleDef<T> {
  RULES.set(def.key, def as RuleDef);
  return def;
}

/** The version in force on `date`: the latest whose effectiveFrom ≤ date (the earliest if none has started). */
export function versionOn<V extends { effectiveFrom: string }>(versions: V[], date: string): V {
  const sorted = [...versions].sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom));
  let found = sorted[0]!;
  for (const v of sorted) if (v.effectiveFrom <= date) found = v;
  return found;
}

/**
 * Committee terms and the re-election reminder (docs/rules.md, "Organisations"): under the Trade
 * Union Law (工会法, as amended 2021) a grassroots union committee serves three or five years. The reminder 90 days before a
 * term ends is practice, so it is weak: a federation may set its own.
 */
export const ORG_TERM_RULE = defineRule({
  key: 'org.committee_terms',
  zh: '工会委员会任期与换届提醒',
  en: 'Committee terms and the re-election reminder',
  fields: {
    termYears: { zh: '可选任期（年）', en: 'Terms allowed (years)' },
    reminderDays: { zh: '换届提前提醒天数', en: 'Reminder before the term ends (days)' },
  },
  schema: z.strictObject({
    termYears: z.array(z.number().int().min(1).max(10)).min(1).max(5),
    reminderDays: z.number().int().min(1).max(730),
  }),
  defaults: [
    {
      effectiveFrom: '2022-01-01',
      value: { termYears: [3, 5], reminderDays: 90 },
      source: '《中华人民共和国工会法》（2021年修正）：“基层工会委员会每届任期三年或者五年”；换届提前提醒天数为工作惯例，可按本地规定调整',
      weak: ['reminderDays'],
    },
  ],
});
