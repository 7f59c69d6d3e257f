import { z } from 'zod';
import { ID_PROBLEM_MESSAGES, parseIdNumber } from './id-number.js';
import { MOBILE_PROBLEM_MESSAGES, normaliseMobile } from './mobile.js';
import { memberAgeProblem, normaliseEducation, normaliseEmploymentForm, normaliseEthnicity, normalisePoliticalStatus } from './member-vocab.js';
import { todayInChina } from './dates.js';
import { DATE_MAX, DATE_MIN } from './contracts/kit.js';

const msg = (m: { zh: string; en: string }) => `${m.zh} / ${m.en}`;
const blankToNull = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? null : v);

/** A date of the record as YYYY-MM-DD within the range every API accepts (contracts/kit.ts), with the field's own message. */
const recordDate = (error: string) =>
  z.iso
    .date({ error })
    .refine((d) => d >= DATE_MIN && d <= DATE_MAX, { error: `日期应在 ${DATE_MIN} 至 ${DATE_MAX} 之间 / date must be between ${DATE_MIN} and ${DATE_MAX}` });

function vocab(normalise: (s: string) => string | null, zh: string, en: string) {
  return z.preprocess(
    blankToNull,
    z
      .string()
      .max(40)
      .nullish()
      .transform((v, ctx) => {
        if (v === null || v === undefined) return null;
        const n = normalise(v);
        if (n === null) {
          ctx.addIssue({ code: 'custom', message: `${zh}“${v}”不在可选范围内 / unknown ${en} "${v}"` });
          return z.NEVER;
        }
        return n;
      }),
  );
}

/**
 * The fields of a member record as a person types them (form, API or spreadsheet row), normalised
 * and checked: the ID number (GB 11643) decides birth date and sex, and a contradicting entry is an
 * error; mobile, ethnicity, education, political status and employment form are normalised.
 */
const memberFieldsShape = z.object({
  name: z
    .string()
    .trim()
    .min(1, '请填写姓名 / name is required')
    .max(40, '姓名不超过40字 / name too long')
    .regex(/^[\p{L}·•.\s]+$/u, '姓名只能包含文字和间隔号 / name: letters only'),
  idNumber: z.string().max(40),
  birthDate: z.preprocess(blankToNull, recordDate('出生日期格式应为 YYYY-MM-DD / birth date: YYYY-MM-DD').nullish()),
  sex: z.preprocess(blankToNull, z.enum(['M', 'F'], { error: '性别应为男或女 / sex: M or F' }).nullish()),
  mobile: z.preprocess(blankToNull, z.string().max(40).nullish()),
  ethnicity: vocab(normaliseEthnicity, '民族', 'ethnicity'),
  education: vocab(normaliseEducation, '学历', 'education'),
  politicalStatus: vocab(normalisePoliticalStatus, '政治面貌', 'political status'),
  // Never standard by default (a rider who skipped the choice would count as a standard employee):
  // left blank it is 未填 (unknown), counted apart; the join form requires a choice (contracts/join.ts).
  employmentForm: z.preprocess((v) => blankToNull(v) ?? 'unknown', vocab(normaliseEmploymentForm, '用工形式', 'employment form')),
  /** The roster cell's own text (劳动合同制, 劳务派遣 …), kept beside the category it maps to. */
  employmentFormText: z.preprocess(blankToNull, z.string().trim().max(40).nullish()),
  migrantWorker: z.boolean().default(false),
  occupation: z.preprocess(blankToNull, z.string().trim().max(60).nullish()),
  employerName: z.preprocess(blankToNull, z.string().trim().max(100).nullish()),
  joinDate: recordDate('入会日期格式应为 YYYY-MM-DD / join date: YYYY-MM-DD'),
});

export const MemberFieldsInput = memberFieldsShape.transform((v, ctx) => {
  const id = parseIdNumber(v.idNumber);
  if (!id.ok) {
    ctx.addIssue({ code: 'custom', path: ['idNumber'], message: msg(ID_PROBLEM_MESSAGES[id.code]) });
    return z.NEVER;
  }
  if (v.birthDate && v.birthDate !== id.birthDate) {
    ctx.addIssue({ code: 'custom', path: ['birthDate'], message: `出生日期与身份证号不一致（身份证为${id.birthDate}）/ birth date contradicts the ID number` });
  }
  const age = memberAgeProblem(id.birthDate, todayInChina());
  if (age) ctx.addIssue({ code: 'custom', path: ['idNumber'], message: `${age.zh} / ${age.en}` });
  if (v.sex && v.sex !== id.sex) ctx.addIssue({ code: 'custom', path: ['sex'], message: '性别与身份证号不一致 / sex contradicts the ID number' });
  let mobile: string | null = null;
  if (v.mobile) {
    const m = normaliseMobile(v.mobile);
    if (!m.ok) ctx.addIssue({ code: 'custom', path: ['mobile'], message: msg(MOBILE_PROBLEM_MESSAGES[m.code]) });
    else mobile = m.value;
  }
  if (v.joinDate > todayInChina()) ctx.addIssue({ code: 'custom', path: ['joinDate'], message: '入会日期不能晚于今天 / join date is in the future' });
  if (v.joinDate < id.birthDate) ctx.addIssue({ code: 'custom', path: ['joinDate'], message: '入会日期早于出生日期 / join date before birth' });
  return {
    name: v.name.replace(/\s+/g, ''),
    idNumber: id.value,
    idKind: id.kind,
    birthDate: id.birthDate,
    sex: id.sex,
    mobile,
    ethnicity: v.ethnicity ?? null,
    education: v.education ?? null,
    politicalStatus: v.politicalStatus ?? null,
    employmentForm: v.employmentForm ?? 'unknown',
    ...(v.employmentFormText ? { employmentFormText: v.employmentFormText } : {}),
    migrantWorker: v.migrantWorker,
    occupation: v.occupation ?? null,
    employerName: v.employerName ?? null,
    joinDate: v.joinDate,
  };
});

/**
 * An edit of a member record: the ID number and mobile may be left out to keep the stored ones
 * (someone without the unmask permission never sees them); `mobile: null` clears the mobile.
 * The service merges the stored values and checks the whole record with MemberFieldsInput.
 */
export const MemberFieldsPatch = memberFieldsShape.extend({
  idNumber: z.string().max(40).optional(),
  mobile: z.preprocess(blankToNull, z.string().max(40).nullish()),
});

export type MemberFieldsParsed = z.output<typeof MemberFieldsInput>;

export const ConsentInput = z.object({
  version: z.string().trim().min(1).max(20),
  method: z.enum(['online', 'paper', 'app'], { error: '同意方式应为 online、paper 或 app' }),
});

/** The version of the personal-information notice that workers consent to (shown on the join page). */
export const CURRENT_CONSENT_VERSION = '2026-01';
