import { describe, it, expect } from 'vitest';
import {
  AGE_BANDS,
  ageBandOf,
  ageBands,
  ageOn,
  deriveMemberStatus,
  EDUCATION_LABELS,
  EDUCATION_LEVELS,
  EMPLOYMENT_FORM_LABELS,
  EMPLOYMENT_FORMS,
  ETHNICITIES,
  ETHNICITY_EXTRAS,
  ethnicityCode,
  GIG_FORMS,
  isGigWorker,
  memberAgeProblem,
  MEMBER_STATUS_LABELS,
  MEMBER_STATUSES,
  MEMBERSHIP_EVENT_KINDS,
  MEMBERSHIP_EVENT_LABELS,
  normaliseEducation,
  normaliseEmploymentForm,
  normaliseEthnicity,
  normalisePoliticalStatus,
  POLITICAL_STATUS_GB_CODES,
  POLITICAL_STATUS_LABELS,
  POLITICAL_STATUSES,
  type MembershipEvent,
} from './member-vocab.js';

describe('ethnicities', () => {
  it('lists exactly 56 distinct names, each ending in 族', () => {
    expect(ETHNICITIES).toHaveLength(56);
    expect(new Set(ETHNICITIES).size).toBe(56);
    for (const e of ETHNICITIES) expect(e.endsWith('族')).toBe(true);
    expect(ETHNICITIES[0]).toBe('汉族');
    expect(ETHNICITIES[55]).toBe('基诺族');
  });

  it('normalises full names, names without 族 and common short forms', () => {
    expect(normaliseEthnicity('汉族')).toBe('汉族');
    expect(normaliseEthnicity(' 汉 ')).toBe('汉族');
    expect(normaliseEthnicity('维吾尔')).toBe('维吾尔族');
    expect(normaliseEthnicity('维族')).toBe('维吾尔族');
    expect(normaliseEthnicity('蒙古')).toBe('蒙古族');
    expect(normaliseEthnicity('蒙族')).toBe('蒙古族');
    expect(normaliseEthnicity('土')).toBe('土族');
    expect(normaliseEthnicity('土家')).toBe('土家族');
    expect(normaliseEthnicity('柯尔克孜\u3000族')).toBe('柯尔克孜族');
    for (const e of ETHNICITIES) expect(normaliseEthnicity(e.slice(0, -1))).toBe(e);
  });

  it('accepts the optional extras unless told not to, and refuses unknown names', () => {
    expect(normaliseEthnicity('其他')).toBe('其他');
    expect(normaliseEthnicity('其它')).toBe('其他');
    expect(normaliseEthnicity('外国血统中国籍人士')).toBe('外国血统中国籍人士');
    expect(normaliseEthnicity('其他', { allowExtras: false })).toBeNull();
    expect(normaliseEthnicity('穿青人')).toBeNull();
    expect(normaliseEthnicity('Han')).toBeNull();
    expect(normaliseEthnicity('')).toBeNull();
    expect(normaliseEthnicity('族')).toBeNull();
  });

  it('gives GB/T 3304 codes', () => {
    expect(ethnicityCode('汉族')).toBe('01');
    expect(ethnicityCode('壮族')).toBe('08');
    expect(ethnicityCode('基诺族')).toBe('56');
    expect(ethnicityCode('其他')).toBe('97');
    expect(ethnicityCode('外国血统中国籍人士')).toBe('98');
    expect(ETHNICITY_EXTRAS).toHaveLength(2);
  });
});

describe('employment forms', () => {
  it('has labels for every form and the eight groups plus ride-hailing and other as gig forms', () => {
    for (const f of EMPLOYMENT_FORMS) expect(EMPLOYMENT_FORM_LABELS[f].zh).toBeTruthy();
    expect(GIG_FORMS).toHaveLength(10);
    expect(GIG_FORMS).not.toContain('standard');
    expect(isGigWorker('standard')).toBe(false);
    // Neither an HR system's other forms nor 未填 count as new forms of employment.
    for (const f of ['dispatched', 'part_time', 'retiree_rehired', 'unknown']) expect(isGigWorker(f), f).toBe(false);
    expect(EMPLOYMENT_FORM_LABELS.unknown.zh).toBe('未填');
    for (const f of GIG_FORMS) expect(isGigWorker(f)).toBe(true);
  });

  it('normalises codes and zh labels', () => {
    for (const f of EMPLOYMENT_FORMS) {
      expect(normaliseEmploymentForm(f)).toBe(f);
      expect(normaliseEmploymentForm(EMPLOYMENT_FORM_LABELS[f].zh)).toBe(f);
    }
    expect(normaliseEmploymentForm(' COURIER ')).toBe('courier');
  });

  it('normalises common synonyms', () => {
    const cases: Record<string, string> = {
      外卖骑手: 'food_delivery_rider',
      快递小哥: 'courier',
      网约车司机: 'ride_hailing_driver',
      保安: 'security_guard',
      家政: 'domestic_worker',
      护工: 'care_worker',
      护理员: 'care_worker',
      房产经纪人: 'real_estate_agent',
      中介: 'real_estate_agent',
      货车司机: 'truck_driver',
      卡车司机: 'truck_driver',
      正式职工: 'standard',
      合同制职工: 'standard',
      灵活就业: 'other_flexible',
      劳动合同制: 'standard',
      合同制: 'standard',
      劳务派遣: 'dispatched',
      非全日制: 'part_time',
      退休返聘: 'retiree_rehired',
    };
    for (const [input, want] of Object.entries(cases)) expect(normaliseEmploymentForm(input)).toBe(want);
  });

  it('returns null when unknown', () => {
    expect(normaliseEmploymentForm('宇航员')).toBeNull();
    expect(normaliseEmploymentForm('')).toBeNull();
  });
});

describe('education', () => {
  it('normalises codes and labels, with half- or full-width brackets', () => {
    for (const e of EDUCATION_LEVELS) {
      expect(normaliseEducation(e)).toBe(e);
      expect(normaliseEducation(EDUCATION_LABELS[e].zh)).toBe(e);
    }
    expect(normaliseEducation('研究生（博士）')).toBe('doctorate');
    expect(normaliseEducation('研究生（硕士）')).toBe('master');
  });

  it('normalises synonyms', () => {
    const cases: Record<string, string> = {
      本科: 'bachelor',
      大专: 'junior_college',
      专科: 'junior_college',
      博士: 'doctorate',
      硕士: 'master',
      研究生: 'master',
      高中: 'high_school',
      中专: 'secondary_specialized',
      职高: 'vocational_high',
      技校: 'technical_school',
      其它: 'other',
    };
    for (const [input, want] of Object.entries(cases)) expect(normaliseEducation(input)).toBe(want);
    expect(normaliseEducation('幼儿园')).toBeNull();
  });
});

describe('political status', () => {
  it('has 13 statuses with GB/T 4762 codes 01–13', () => {
    expect(POLITICAL_STATUSES).toHaveLength(13);
    expect(POLITICAL_STATUS_GB_CODES.cpc_member).toBe('01');
    expect(POLITICAL_STATUS_GB_CODES.cyl_member).toBe('03');
    expect(POLITICAL_STATUS_GB_CODES.masses).toBe('13');
  });

  it('normalises codes, short and formal labels, and short forms', () => {
    for (const p of POLITICAL_STATUSES) {
      expect(normalisePoliticalStatus(p)).toBe(p);
      expect(normalisePoliticalStatus(POLITICAL_STATUS_LABELS[p].zh)).toBe(p);
      expect(normalisePoliticalStatus(POLITICAL_STATUS_LABELS[p].formal)).toBe(p);
    }
    expect(normalisePoliticalStatus('党员')).toBe('cpc_member');
    expect(normalisePoliticalStatus('团员')).toBe('cyl_member');
    expect(normalisePoliticalStatus('预备党员')).toBe('cpc_probationary');
    expect(normalisePoliticalStatus('民革党员')).toBe('rckmt_member');
    expect(normalisePoliticalStatus('九三学社')).toBe('jiusan_member');
    expect(normalisePoliticalStatus('无党派')).toBe('non_party');
    expect(normalisePoliticalStatus('无')).toBeNull();
  });
});

describe('membership events and status', () => {
  it('has zh labels for every event kind and status', () => {
    expect(MEMBERSHIP_EVENT_KINDS.map((k) => MEMBERSHIP_EVENT_LABELS[k].zh)).toEqual(['入会', '转出', '转入', '保留会籍', '退会', '重新入会']);
    expect(MEMBER_STATUSES.map((s) => MEMBER_STATUS_LABELS[s].zh)).toEqual(['在册', '保留会籍', '接转中', '已退会']);
  });

  const ev = (kind: MembershipEvent['kind'], onDate: string, seq?: number): MembershipEvent => ({ kind, onDate, ...(seq === undefined ? {} : { seq }) });

  it('is null without events', () => {
    expect(deriveMemberStatus([])).toBeNull();
  });

  it('follows the latest event', () => {
    expect(deriveMemberStatus([ev('joined', '2020-03-01')])).toBe('active');
    expect(deriveMemberStatus([ev('joined', '2020-03-01'), ev('retained', '2024-06-30')])).toBe('retained');
    expect(deriveMemberStatus([ev('joined', '2020-03-01'), ev('left', '2023-01-10')])).toBe('left');
    expect(deriveMemberStatus([ev('joined', '2020-03-01'), ev('left', '2023-01-10'), ev('rejoined', '2025-05-01')])).toBe('active');
    expect(deriveMemberStatus([ev('joined', '2020-03-01'), ev('transferred_out', '2024-02-01')])).toBe('left');
    expect(deriveMemberStatus([ev('joined', '2020-03-01'), ev('transferred_out', '2024-02-01'), ev('transferred_in', '2024-02-20')])).toBe('active');
  });

  it('orders by date, not by array position', () => {
    expect(deriveMemberStatus([ev('left', '2023-01-10'), ev('joined', '2020-03-01')])).toBe('left');
    expect(deriveMemberStatus([ev('rejoined', '2025-05-01'), ev('joined', '2020-03-01'), ev('left', '2023-01-10')])).toBe('active');
  });

  it('breaks same-day ties by seq when both have one, else by array order', () => {
    expect(deriveMemberStatus([ev('transferred_in', '2024-02-01'), ev('transferred_out', '2024-02-01')])).toBe('left');
    expect(deriveMemberStatus([ev('transferred_out', '2024-02-01'), ev('transferred_in', '2024-02-01')])).toBe('active');
    expect(deriveMemberStatus([ev('transferred_in', '2024-02-01', 2), ev('transferred_out', '2024-02-01', 1)])).toBe('active');
  });

  it('shows an active member with a pending transfer as transferring, and only an active one', () => {
    expect(deriveMemberStatus([ev('joined', '2020-03-01')], true)).toBe('transferring');
    expect(deriveMemberStatus([ev('joined', '2020-03-01'), ev('retained', '2024-06-30')], true)).toBe('retained');
    expect(deriveMemberStatus([ev('joined', '2020-03-01'), ev('left', '2024-06-30')], true)).toBe('left');
  });
});

describe('age', () => {
  it('counts completed years', () => {
    expect(ageOn('1990-06-15', '2026-06-14')).toBe(35);
    expect(ageOn('1990-06-15', '2026-06-15')).toBe(36);
    expect(ageOn('1990-06-15', '2026-12-31')).toBe(36);
    expect(ageOn('2026-11-21', '2026-11-21')).toBe(0);
  });

  it('ages someone born on 29 February on 1 March in a common year', () => {
    expect(ageOn('2000-02-29', '2025-02-28')).toBe(24);
    expect(ageOn('2000-02-29', '2025-03-01')).toBe(25);
    expect(ageOn('2000-02-29', '2024-02-29')).toBe(24);
  });

  it('refuses a member under 16 (劳动法 Art. 15) and takes an age over 100 for a typing error, at the birthday edges', () => {
    expect(memberAgeProblem('2010-01-10', '2026-01-10')).toBeNull(); // 16 today
    expect(memberAgeProblem('2010-01-11', '2026-01-10')).toMatchObject({ code: 'UNDER_MIN_AGE', age: 15 });
    expect(memberAgeProblem('2015-06-01', '2026-01-10')?.zh).toContain('《劳动法》第十五条');
    expect(memberAgeProblem('1926-01-10', '2026-01-10')).toBeNull(); // 100 today
    expect(memberAgeProblem('1925-01-11', '2026-01-10')).toBeNull(); // 100, turning 101 tomorrow
    expect(memberAgeProblem('1925-01-10', '2026-01-10')).toMatchObject({ code: 'OVER_MAX_AGE', age: 101 });
    expect(memberAgeProblem('1920-05-01', '2026-01-10')?.zh).toContain('核对后更正');
  });

  it('assigns bands at their edges and counts them', () => {
    expect([18, 25, 26, 35, 36, 45, 46, 55, 56, 70].map(ageBandOf)).toEqual([
      'to25',
      'to25',
      '26to35',
      '26to35',
      '36to45',
      '36to45',
      '46to55',
      '46to55',
      '56plus',
      '56plus',
    ]);
    expect(ageBands([20, 30, 31, 60])).toEqual({ to25: 1, '26to35': 2, '36to45': 0, '46to55': 0, '56plus': 1 });
    expect(AGE_BANDS.map((b) => b.zh)).toEqual(['25岁及以下', '26-35岁', '36-45岁', '46-55岁', '56岁及以上']);
  });
});
