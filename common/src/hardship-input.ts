/**
 * The hardship archive form (困难职工档案) as a person fills it in (cadre form, online application,
 * public self-check), normalised and checked with Zod; shared by the API and the web forms.
 * Money is integer fen.
 */
import { z } from 'zod';
import { ID_PROBLEM_MESSAGES, parseIdNumber } from './id-number.js';
import { MOBILE_PROBLEM_MESSAGES, normaliseMobile } from './mobile.js';
import {
  CAUSES,
  DISABILITY_GRADES,
  EMPLOYMENT_STATUSES,
  HEALTH_STATUSES,
  HOUSING_KINDS,
  HUKOU_TYPES,
  MARITAL_STATUSES,
  RELATIONSHIPS,
} from './hardship-vocab.js';

const msg = (m: { zh: string; en: string }) => `${m.zh} / ${m.en}`;
/** Up to 100 million yuan, in fen. */
export const Fen = z
  .number({ error: '金额应为以“分”为单位的整数 / amount in fen' })
  .int('金额应为整数（分）/ whole fen')
  .min(0, '金额不能为负 / negative amount')
  .max(10_000_000_000);
const isoDate = z.iso.date({ error: '日期格式应为 YYYY-MM-DD / date: YYYY-MM-DD' });
const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((v) => (v ? v : null));
const personName = z
  .string()
  .trim()
  .min(1, '请填写姓名 / name is required')
  .max(40)
  .regex(/^[\p{L}·•.\s]+$/u, '姓名只能包含文字和间隔号 / name: letters only')
  .transform((v) => v.replace(/\s+/g, ''));

/** An ID number, parsed by GB 11643-1999 (birth date and sex come from it). */
export const IdNumberInput = z
  .string()
  .max(40)
  .transform((v, ctx) => {
    const r = parseIdNumber(v);
    if (!r.ok) {
      ctx.addIssue({ code: 'custom', message: msg(ID_PROBLEM_MESSAGES[r.code]) });
      return z.NEVER;
    }
    return { value: r.value, birthDate: r.birthDate, sex: r.sex };
  });

export const MobileInput = z
  .string()
  .max(40)
  .transform((v, ctx) => {
    if (!v.trim()) return null;
    const r = normaliseMobile(v);
    if (!r.ok) {
      ctx.addIssue({ code: 'custom', message: msg(MOBILE_PROBLEM_MESSAGES[r.code]) });
      return z.NEVER;
    }
    return r.value;
  });

/** One household member (家庭成员) besides the worker; `id` keeps a stored member (and its ID number when none is sent). */
export const HouseholdMemberInput = z
  .object({
    id: z.uuid().optional(),
    name: personName,
    relationship: z.enum(RELATIONSHIPS, { error: '与职工关系不正确 / unknown relationship' }),
    idNumber: IdNumberInput.nullish(),
    health: z.enum(HEALTH_STATUSES, { error: '健康状况不正确 / unknown health status' }),
    employmentStatus: z.enum(EMPLOYMENT_STATUSES, { error: '就业状况不正确 / unknown employment status' }),
    annualIncomeFen: Fen.default(0),
  })
  .strict();

/** The household figures the tier rules need (also the public self-check). */
export const TierFiguresInput = z.object({
  annualIncomeFen: Fen,
  rigidMedicalFen: Fen.default(0),
  rigidSchoolingFen: Fen.default(0),
  accidentCostFen: Fen.default(0),
  disaster: z.boolean().default(false),
  workAccident: z.boolean().default(false),
  migrantWorker: z.boolean().default(false),
  cityWorkSince: isoDate.nullish().transform((v) => v ?? null),
});

/** The archive form without the worker's identifiers (which an update may leave out). */
export const HardshipFieldsInput = TierFiguresInput.extend({
  name: personName,
  address: text(200),
  employerName: text(100),
  health: z.enum(HEALTH_STATUSES, { error: '健康状况不正确 / unknown health status' }),
  disability: z.enum(DISABILITY_GRADES).default('none'),
  employmentStatus: z.enum(EMPLOYMENT_STATUSES, { error: '就业状况不正确 / unknown employment status' }),
  housing: z
    .enum(HOUSING_KINDS)
    .nullish()
    .transform((v) => v ?? null),
  industry: text(60),
  maritalStatus: z
    .enum(MARITAL_STATUSES)
    .nullish()
    .transform((v) => v ?? null),
  hukouType: z.enum(HUKOU_TYPES, { error: '户籍类型不正确 / unknown household registration type' }),
  singleParent: z.boolean().default(false),
  zeroEmployment: z.boolean().default(false),
  monthlyIncomeFen: Fen.default(0),
  disasterOn: isoDate.nullish().transform((v) => v ?? null),
  mainCause: z.enum(CAUSES, { error: '请选择主要致困原因 / choose the main cause' }),
  otherCauses: z.array(z.enum(CAUSES)).max(CAUSES.length).default([]),
  regionCode: z
    .string()
    .regex(/^\d{6}$/, '行政区划代码应为6位数字 / region code: 6 digits')
    .nullish()
    .transform((v) => v ?? null),
  household: z.array(HouseholdMemberInput).max(20, '家庭成员最多20人 / at most 20 household members').default([]),
}).strict();

export type HardshipFields = z.output<typeof HardshipFieldsInput>;
export type HouseholdMemberFields = z.output<typeof HouseholdMemberInput>;
export type TierFigures = z.output<typeof TierFiguresInput>;

/** Household members' incomes belong in the household annual income: a hint when the form's total is below their sum. */
export function householdIncomeHint(f: Pick<HardshipFields, 'annualIncomeFen' | 'household' | 'monthlyIncomeFen'>): string | null {
  const sum = f.household.reduce((s, m) => s + m.annualIncomeFen, 0) + f.monthlyIncomeFen * 12;
  return sum > f.annualIncomeFen ? `家庭年收入低于职工本人和家庭成员收入之和（${(sum / 100).toFixed(2)} 元），请核对` : null;
}
