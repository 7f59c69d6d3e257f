/**
 * How the rule-set parameters (common/src/hardship-tier.ts HardshipParams) read on screen:
 * multiples and shares are stored in permille so the server's arithmetic stays integer; people
 * read and type "2 倍" or "80%". Labels are i18n keys ('hsAid.param.*').
 */
import type { HardshipParams } from '../../../../../../common/src/hardship-tier';
import type { MessageKey } from '../../../../i18n';
import { RuleParams } from '../../../../../../common/src/contracts/hardship-rules';

export type ScalarParam = Exclude<keyof HardshipParams, 'responseWorkingDays'>;
/** multiple: permille shown as ×; percent: permille shown as %; the rest are whole numbers with a unit. */
export type ParamUnit = 'multiple' | 'percent' | 'months' | 'days' | 'levels' | 'persons' | 'households';

type Group = 'tier' | 'monitor' | 'area';

/** The unit each parameter is read in, by the part of the page that shows it. */
const UNITS: Record<Group, Partial<Record<ScalarParam, ParamUnit>>> = {
  tier: { deepMultiplePermille: 'multiple', relativeMultiplePermille: 'multiple', accidentCostPermille: 'percent', migrantMinMonths: 'months' },
  monitor: { nearLineBandPermille: 'multiple', monitoringMonths: 'months', followUpIntervalMonths: 'months', reassessMonths: 'months', reviewLevels: 'levels', jobLossLookbackDays: 'days' },
  area: { areaPeriodMonths: 'months', areaRelapseThreshold: 'persons', areaNewDeepThreshold: 'households' },
};

/** The only periods the server accepts for the area warnings. */
export const AREA_PERIODS = [1, 2, 3, 4, 6, 12];

/** A parameter's bounds are the server's own (the rule-set contract), never a second copy. */
function bounds(key: ScalarParam): { min: number; max: number } {
  const schema = RuleParams.shape[key] as unknown as { minValue?: number | null; maxValue?: number | null };
  return typeof schema.minValue === 'number' && typeof schema.maxValue === 'number' ? { min: schema.minValue, max: schema.maxValue } : { min: AREA_PERIODS[0]!, max: AREA_PERIODS.at(-1)! };
}

export const SCALAR_PARAMS: { key: ScalarParam; unit: ParamUnit; min: number; max: number; group: Group }[] = (Object.keys(UNITS) as Group[]).flatMap((group) =>
  (Object.entries(UNITS[group]) as [ScalarParam, ParamUnit][]).map(([key, unit]) => ({ key, unit, group, ...bounds(key) })),
);

export const PARAM_KEYS: (keyof HardshipParams)[] = [...SCALAR_PARAMS.map((p) => p.key), 'responseWorkingDays'];

export const paramLabelKey = (k: keyof HardshipParams) => `hsAid.param.${k}` as MessageKey;
export const unitKey = (u: ParamUnit) => `hsAid.unit.${u}` as MessageKey;

/** Stored value → the number people type (2000‰ → 2, 800‰ → 80). */
export function toDisplay(unit: ParamUnit, v: number): number {
  if (unit === 'multiple') return v / 1000;
  if (unit === 'percent') return v / 10;
  return v;
}

/** The number typed → stored value (integer permille or a whole number). */
export function fromDisplay(unit: ParamUnit, v: number): number {
  if (unit === 'multiple') return Math.round(v * 1000);
  if (unit === 'percent') return Math.round(v * 10);
  return Math.round(v);
}

export function formatParam(unit: ParamUnit, v: unknown, unitText: string): string {
  if (typeof v !== 'number') return '—';
  const d = toDisplay(unit, v);
  const n = Number.isInteger(d) ? String(d) : d.toFixed(3).replace(/0+$/, '').replace(/\.$/, '');
  return unit === 'percent' ? `${n}%` : `${n} ${unitText}`;
}
