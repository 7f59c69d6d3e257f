/**
 * How the rule-set parameters (common/src/hardship-tier.ts HardshipParams) read on screen:
 * multiples and shares are stored in permille so the server's arithmetic stays integer; people
 * read and type "2 倍" or "80%". Labels are i18n keys ('hsAid.param.*').
 */
import type { HardshipParams } from '../../../../../../common/src/hardship-tier';
import type { MessageKey } from '../../../../i18n';

export type ScalarParam = Exclude<keyof HardshipParams, 'responseWorkingDays'>;
/** multiple: permille shown as ×; percent: permille shown as %; the rest are whole numbers with a unit. */
export type ParamUnit = 'multiple' | 'percent' | 'months' | 'days' | 'levels' | 'persons' | 'households';

export const SCALAR_PARAMS: { key: ScalarParam; unit: ParamUnit; min: number; max: number; group: 'tier' | 'monitor' | 'area' }[] = [
  { key: 'deepMultiplePermille', unit: 'multiple', min: 100, max: 10000, group: 'tier' },
  { key: 'relativeMultiplePermille', unit: 'multiple', min: 100, max: 10000, group: 'tier' },
  { key: 'accidentCostPermille', unit: 'percent', min: 1, max: 10000, group: 'tier' },
  { key: 'migrantMinMonths', unit: 'months', min: 0, max: 120, group: 'tier' },
  { key: 'nearLineBandPermille', unit: 'multiple', min: 100, max: 10000, group: 'monitor' },
  { key: 'monitoringMonths', unit: 'months', min: 1, max: 120, group: 'monitor' },
  { key: 'followUpIntervalMonths', unit: 'months', min: 1, max: 24, group: 'monitor' },
  { key: 'reassessMonths', unit: 'months', min: 1, max: 60, group: 'monitor' },
  { key: 'reviewLevels', unit: 'levels', min: 0, max: 5, group: 'monitor' },
  { key: 'jobLossLookbackDays', unit: 'days', min: 1, max: 3650, group: 'monitor' },
  { key: 'areaPeriodMonths', unit: 'months', min: 1, max: 12, group: 'area' },
  { key: 'areaRelapseThreshold', unit: 'persons', min: 1, max: 100000, group: 'area' },
  { key: 'areaNewDeepThreshold', unit: 'households', min: 1, max: 100000, group: 'area' },
];

/** The only periods the server accepts for the area warnings. */
export const AREA_PERIODS = [1, 2, 3, 4, 6, 12];

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
