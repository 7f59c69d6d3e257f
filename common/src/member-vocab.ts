/**
 * Member-registry vocabulary (会员实名制, see docs/rules.md "Members"): ethnicity, employment
 * form, education, political status, membership events and statuses, and age bands, each with a
 * tolerant normaliser for values typed by hand or imported from spreadsheets.
 */
import { removeSpaces, toHalfWidth } from './text-normalise.js';

type Label = { zh: string; en: string };

/** Trim, drop every space and fold full-width characters (（）→ ()) before matching a label. */
function clean(input: string): string {
  return removeSpaces(toHalfWidth(input));
}

// ---------------------------------------------------------------------------------------------
// Ethnicity (民族)

/** The 56 officially recognised ethnic groups, in the order (and so the codes 01–56) of GB/T 3304-1991 《中国各民族名称的罗马字母拼写法和代码》. */
export const ETHNICITIES = [
  '汉族',
  '蒙古族',
  '回族',
  '藏族',
  '维吾尔族',
  '苗族',
  '彝族',
  '壮族',
  '布依族',
  '朝鲜族',
  '满族',
  '侗族',
  '瑶族',
  '白族',
  '土家族',
  '哈尼族',
  '哈萨克族',
  '傣族',
  '黎族',
  '傈僳族',
  '佤族',
  '畲族',
  '高山族',
  '拉祜族',
  '水族',
  '东乡族',
  '纳西族',
  '景颇族',
  '柯尔克孜族',
  '土族',
  '达斡尔族',
  '仫佬族',
  '羌族',
  '布朗族',
  '撒拉族',
  '毛南族',
  '仡佬族',
  '锡伯族',
  '阿昌族',
  '普米族',
  '塔吉克族',
  '怒族',
  '乌孜别克族',
  '俄罗斯族',
  '鄂温克族',
  '德昂族',
  '保安族',
  '裕固族',
  '京族',
  '塔塔尔族',
  '独龙族',
  '鄂伦春族',
  '赫哲族',
  '门巴族',
  '珞巴族',
  '基诺族',
] as const;
/** Optional extra entries of GB/T 3304-1991: 97 其他 (unidentified), 98 外国血统中国籍人士 (naturalised citizens of foreign descent). */
export const ETHNICITY_EXTRAS = ['其他', '外国血统中国籍人士'] as const;
export type Ethnicity = (typeof ETHNICITIES)[number] | (typeof ETHNICITY_EXTRAS)[number];

/** Widespread short forms that are not simply the name without 族. */
const ETHNICITY_ALIASES: Record<string, Ethnicity> = {
  维族: '维吾尔族',
  蒙族: '蒙古族',
  其它: '其他',
  外国血统: '外国血统中国籍人士',
};

/** Canonical ethnicity name (GB/T 3304-1991) from a full name, the name without 族 ("汉" → "汉族"), or a common short form; null when unknown. */
export function normaliseEthnicity(input: string, opts: { allowExtras?: boolean } = {}): Ethnicity | null {
  const s = clean(input);
  if (!s) return null;
  const allowExtras = opts.allowExtras ?? true;
  const known = (n: string): Ethnicity | null => {
    if ((ETHNICITIES as readonly string[]).includes(n)) return n as Ethnicity;
    if (allowExtras && (ETHNICITY_EXTRAS as readonly string[]).includes(n)) return n as Ethnicity;
    return null;
  };
  const alias = ETHNICITY_ALIASES[s];
  return known(s) ?? known(s + '族') ?? (alias ? known(alias) : null);
}

/** The two-digit GB/T 3304-1991 code of an ethnicity ('01' 汉族 … '56' 基诺族, '97' 其他, '98' 外国血统中国籍人士). */
export function ethnicityCode(name: Ethnicity): string {
  const i = (ETHNICITIES as readonly string[]).indexOf(name);
  if (i >= 0) return String(i + 1).padStart(2, '0');
  return name === '其他' ? '97' : '98';
}

// ---------------------------------------------------------------------------------------------
// Employment form (用工形式): standard employment and the 八大群体 of new forms of employment

/**
 * Employment forms (用工形式): standard employment; the 八大群体 of new forms of employment named by
 * the ACFTU's drive to organise them (中华全国总工会《关于推进新就业形态劳动者入会工作的若干意见（试行）》,
 * 2021), ride-hailing drivers and other flexible work; the forms of an HR system's rosters that are
 * neither (劳务派遣 and 非全日制用工 under 《劳动合同法》第五章第二节、第三节, 退休返聘 a service
 * relation); and `unknown` (未填) for a roster cell left blank — never standard by default.
 */
export const EMPLOYMENT_FORMS = [
  'standard',
  'truck_driver',
  'courier',
  'care_worker',
  'domestic_worker',
  'mall_info_staff',
  'food_delivery_rider',
  'real_estate_agent',
  'security_guard',
  'ride_hailing_driver',
  'other_flexible',
  'dispatched',
  'part_time',
  'retiree_rehired',
  'unknown',
] as const;
export type EmploymentForm = (typeof EMPLOYMENT_FORMS)[number];

export const EMPLOYMENT_FORM_LABELS: Record<EmploymentForm, Label> = {
  standard: { zh: '标准劳动关系职工', en: 'Employee (standard employment)' },
  truck_driver: { zh: '货车司机', en: 'Truck driver' },
  courier: { zh: '快递员', en: 'Courier' },
  care_worker: { zh: '护工护理员', en: 'Care worker' },
  domestic_worker: { zh: '家政服务员', en: 'Domestic worker' },
  mall_info_staff: { zh: '商场信息员', en: 'Mall information staff' },
  food_delivery_rider: { zh: '网约送餐员', en: 'Food-delivery rider' },
  real_estate_agent: { zh: '房产中介员', en: 'Real-estate agent' },
  security_guard: { zh: '保安员', en: 'Security guard' },
  ride_hailing_driver: { zh: '网约车驾驶员', en: 'Ride-hailing driver' },
  other_flexible: { zh: '其他灵活就业', en: 'Other flexible employment' },
  dispatched: { zh: '劳务派遣', en: 'Agency (dispatched) worker' },
  part_time: { zh: '非全日制用工', en: 'Part-time (hourly) worker' },
  retiree_rehired: { zh: '退休返聘', en: 'Re-employed retiree' },
  unknown: { zh: '未填', en: 'Not stated' },
};

/** The new-employment-form (新就业形态劳动者, `gig_worker`) forms: the eight groups, ride-hailing drivers and other flexible work. */
export const GIG_FORMS = [
  'truck_driver',
  'courier',
  'care_worker',
  'domestic_worker',
  'mall_info_staff',
  'food_delivery_rider',
  'real_estate_agent',
  'security_guard',
  'ride_hailing_driver',
  'other_flexible',
] as const satisfies readonly EmploymentForm[];
export type GigForm = (typeof GIG_FORMS)[number];

/** Forms a person chooses (a form or a join application): every form but `unknown`, which only a blank roster cell gives. */
export const CHOSEN_EMPLOYMENT_FORMS = EMPLOYMENT_FORMS.filter((f) => f !== 'unknown');

/** Employee forms that are not new forms of employment: standard, agency, part-time, re-employed retirees. */
export const EMPLOYEE_FORMS = CHOSEN_EMPLOYMENT_FORMS.filter((f) => !(GIG_FORMS as readonly string[]).includes(f));

/**
 * The choice of a form, in two groups: new forms of employment and employees. A worker on the gig
 * path (a platform, or no employer's union) sees the new forms first; nothing is chosen for them.
 */
export function employmentFormGroups(gigFirst: boolean): { key: 'gig' | 'employee'; zh: string; en: string; forms: readonly EmploymentForm[] }[] {
  const gig = { key: 'gig' as const, zh: '新就业形态劳动者', en: 'New forms of employment', forms: GIG_FORMS };
  const employee = { key: 'employee' as const, zh: '单位职工', en: 'Employees', forms: EMPLOYEE_FORMS };
  return gigFirst ? [gig, employee] : [employee, gig];
}

/** Whether a form counts as a new-employment-form worker (新就业形态劳动者); `unknown` does not, and is counted apart. */
export function isGigWorker(form: string): boolean {
  return (GIG_FORMS as readonly string[]).includes(form);
}

/** Everyday words for the forms, as rosters and join forms spell them. */
const EMPLOYMENT_FORM_SYNONYMS: Record<string, EmploymentForm> = {
  正式职工: 'standard',
  合同制职工: 'standard',
  标准劳动关系: 'standard',
  劳动合同制职工: 'standard',
  在编职工: 'standard',
  // The terms of companies' HR systems (劳动合同法 names the last three forms).
  劳动合同制: 'standard',
  合同制: 'standard',
  合同工: 'standard',
  全日制: 'standard',
  劳务派遣: 'dispatched',
  派遣: 'dispatched',
  派遣工: 'dispatched',
  劳务派遣工: 'dispatched',
  非全日制: 'part_time',
  非全日制用工: 'part_time',
  小时工: 'part_time',
  钟点工: 'part_time',
  退休返聘: 'retiree_rehired',
  返聘: 'retiree_rehired',
  返聘人员: 'retiree_rehired',
  未填: 'unknown',
  未知: 'unknown',
  货车司机: 'truck_driver',
  卡车司机: 'truck_driver',
  货运司机: 'truck_driver',
  快递小哥: 'courier',
  快递: 'courier',
  快递员: 'courier',
  快递配送员: 'courier',
  护工: 'care_worker',
  护理员: 'care_worker',
  养老护理员: 'care_worker',
  家政: 'domestic_worker',
  家政员: 'domestic_worker',
  家政工: 'domestic_worker',
  保姆: 'domestic_worker',
  月嫂: 'domestic_worker',
  商场信息员: 'mall_info_staff',
  外卖骑手: 'food_delivery_rider',
  外卖员: 'food_delivery_rider',
  外卖小哥: 'food_delivery_rider',
  送餐员: 'food_delivery_rider',
  网约配送员: 'food_delivery_rider',
  房产经纪人: 'real_estate_agent',
  房地产经纪人: 'real_estate_agent',
  中介: 'real_estate_agent',
  房产中介: 'real_estate_agent',
  房屋中介: 'real_estate_agent',
  保安: 'security_guard',
  网约车司机: 'ride_hailing_driver',
  网约车: 'ride_hailing_driver',
  网约车驾驶员: 'ride_hailing_driver',
  灵活就业: 'other_flexible',
  灵活就业人员: 'other_flexible',
};

/** Employment form from its code, its zh label or a common synonym (外卖骑手, 快递小哥, 网约车司机 …); null when unknown. */
export function normaliseEmploymentForm(input: string): EmploymentForm | null {
  const s = clean(input);
  if (!s) return null;
  const code = s.toLowerCase();
  if ((EMPLOYMENT_FORMS as readonly string[]).includes(code)) return code as EmploymentForm;
  for (const f of EMPLOYMENT_FORMS) if (EMPLOYMENT_FORM_LABELS[f].zh === s) return f;
  return EMPLOYMENT_FORM_SYNONYMS[s] ?? null;
}

// ---------------------------------------------------------------------------------------------
// Education (学历)

/** Education levels as listed in union member rosters; the comments give the matching graduate code of GB/T 4658-2006 学历代码 for reference. */
export const EDUCATION_LEVELS = [
  'doctorate', // 11
  'master', // 14
  'bachelor', // 21
  'junior_college', // 31
  'secondary_specialized', // 41
  'vocational_high', // 44
  'technical_school', // 47
  'high_school', // 61
  'junior_high', // 71
  'primary', // 81
  'other', // 90
] as const;
export type EducationLevel = (typeof EDUCATION_LEVELS)[number];

export const EDUCATION_LABELS: Record<EducationLevel, Label> = {
  doctorate: { zh: '研究生(博士)', en: 'Doctorate' },
  master: { zh: '研究生(硕士)', en: "Master's degree" },
  bachelor: { zh: '大学本科', en: "Bachelor's degree" },
  junior_college: { zh: '大学专科', en: 'Junior college' },
  secondary_specialized: { zh: '中等专科', en: 'Secondary specialised school' },
  vocational_high: { zh: '职业高中', en: 'Vocational high school' },
  technical_school: { zh: '技工学校', en: 'Technical school' },
  high_school: { zh: '普通高中', en: 'High school' },
  junior_high: { zh: '初中', en: 'Junior high school' },
  primary: { zh: '小学', en: 'Primary school' },
  other: { zh: '其他', en: 'Other' },
};

const EDUCATION_SYNONYMS: Record<string, EducationLevel> = {
  博士: 'doctorate',
  博士研究生: 'doctorate',
  研究生博士: 'doctorate',
  硕士: 'master',
  硕士研究生: 'master',
  研究生硕士: 'master',
  研究生: 'master', // in rosters a bare 研究生 almost always means a master's; doctorates are written out
  本科: 'bachelor',
  大学: 'bachelor',
  学士: 'bachelor',
  大专: 'junior_college',
  专科: 'junior_college',
  高职: 'junior_college',
  中专: 'secondary_specialized',
  中等专业学校: 'secondary_specialized',
  中等专科学校: 'secondary_specialized',
  职高: 'vocational_high',
  技校: 'technical_school',
  技工: 'technical_school',
  高中: 'high_school',
  初级中学: 'junior_high',
  初中及以下: 'junior_high',
  小学及以下: 'primary',
  其它: 'other',
};

/** Education level from its code, its zh label (with half- or full-width brackets) or a synonym (本科, 大专, 中专, 高中, 博士, 硕士 …); null when unknown. */
export function normaliseEducation(input: string): EducationLevel | null {
  const s = clean(input);
  if (!s) return null;
  const code = s.toLowerCase();
  if ((EDUCATION_LEVELS as readonly string[]).includes(code)) return code as EducationLevel;
  for (const e of EDUCATION_LEVELS) if (EDUCATION_LABELS[e].zh === s) return e;
  return EDUCATION_SYNONYMS[s] ?? EDUCATION_SYNONYMS[s.replace(/[()]/g, '')] ?? null;
}

// ---------------------------------------------------------------------------------------------
// Political status (政治面貌)

/** Political statuses of GB/T 4762-1984 政治面貌代码 (numeric codes 01–13 in `POLITICAL_STATUS_GB_CODES`). */
export const POLITICAL_STATUSES = [
  'cpc_member',
  'cpc_probationary',
  'cyl_member',
  'rckmt_member',
  'cdl_member',
  'cndca_member',
  'capd_member',
  'cpwdp_member',
  'zhigong_member',
  'jiusan_member',
  'tdsl_member',
  'non_party',
  'masses',
] as const;
export type PoliticalStatus = (typeof POLITICAL_STATUSES)[number];

export const POLITICAL_STATUS_LABELS: Record<PoliticalStatus, Label & { formal: string }> = {
  cpc_member: { zh: '中共党员', en: 'CPC member', formal: '中国共产党党员' },
  cpc_probationary: { zh: '中共预备党员', en: 'CPC probationary member', formal: '中国共产党预备党员' },
  cyl_member: { zh: '共青团员', en: 'Communist Youth League member', formal: '中国共产主义青年团团员' },
  rckmt_member: { zh: '民革党员', en: 'RCCK member', formal: '中国国民党革命委员会会员' },
  cdl_member: { zh: '民盟盟员', en: 'China Democratic League member', formal: '中国民主同盟盟员' },
  cndca_member: { zh: '民建会员', en: 'CNDCA member', formal: '中国民主建国会会员' },
  capd_member: { zh: '民进会员', en: 'CAPD member', formal: '中国民主促进会会员' },
  cpwdp_member: { zh: '农工党党员', en: "Chinese Peasants' and Workers' Democratic Party member", formal: '中国农工民主党党员' },
  zhigong_member: { zh: '致公党党员', en: 'China Zhi Gong Party member', formal: '中国致公党党员' },
  jiusan_member: { zh: '九三学社社员', en: 'Jiusan Society member', formal: '九三学社社员' },
  tdsl_member: { zh: '台盟盟员', en: 'Taiwan Democratic Self-Government League member', formal: '台湾民主自治同盟盟员' },
  non_party: { zh: '无党派人士', en: 'Non-party personage', formal: '无党派民主人士' },
  masses: { zh: '群众', en: 'Ordinary citizen (群众)', formal: '群众' },
};

/** GB/T 4762-1984 numeric codes. */
export const POLITICAL_STATUS_GB_CODES: Record<PoliticalStatus, string> = Object.fromEntries(
  POLITICAL_STATUSES.map((p, i) => [p, String(i + 1).padStart(2, '0')]),
) as Record<PoliticalStatus, string>;

const POLITICAL_SYNONYMS: Record<string, PoliticalStatus> = {
  党员: 'cpc_member',
  共产党员: 'cpc_member',
  中共正式党员: 'cpc_member',
  预备党员: 'cpc_probationary',
  团员: 'cyl_member',
  共青团员: 'cyl_member',
  民革: 'rckmt_member',
  民革会员: 'rckmt_member',
  民盟: 'cdl_member',
  民建: 'cndca_member',
  民进: 'capd_member',
  农工党: 'cpwdp_member',
  致公党: 'zhigong_member',
  九三学社: 'jiusan_member',
  台盟: 'tdsl_member',
  无党派: 'non_party',
  普通群众: 'masses',
};

/** Political status from its code, short or formal zh label (GB/T 4762-1984), or a common short form (党员, 团员 …); null when unknown. */
export function normalisePoliticalStatus(input: string): PoliticalStatus | null {
  const s = clean(input);
  if (!s) return null;
  const code = s.toLowerCase();
  if ((POLITICAL_STATUSES as readonly string[]).includes(code)) return code as PoliticalStatus;
  for (const p of POLITICAL_STATUSES) {
    if (POLITICAL_STATUS_LABELS[p].zh === s || POLITICAL_STATUS_LABELS[p].formal === s) return p;
  }
  return POLITICAL_SYNONYMS[s] ?? null;
}

// ---------------------------------------------------------------------------------------------
// Membership events and status (会籍)

/** What can happen to a membership (docs/rules.md "Members": 一次入会、动态接转, 保留会籍, 退会). */
export const MEMBERSHIP_EVENT_KINDS = ['joined', 'transferred_out', 'transferred_in', 'retained', 'left', 'rejoined'] as const;
export type MembershipEventKind = (typeof MEMBERSHIP_EVENT_KINDS)[number];
export const MEMBERSHIP_EVENT_LABELS: Record<MembershipEventKind, Label> = {
  joined: { zh: '入会', en: 'Joined' },
  transferred_out: { zh: '转出', en: 'Transferred out' },
  transferred_in: { zh: '转入', en: 'Transferred in' },
  retained: { zh: '保留会籍', en: 'Membership retained' },
  left: { zh: '退会', en: 'Left' },
  rejoined: { zh: '重新入会', en: 'Rejoined' },
};

export const MEMBER_STATUSES = ['active', 'retained', 'transferring', 'left'] as const;
export type MemberStatus = (typeof MEMBER_STATUSES)[number];
export const MEMBER_STATUS_LABELS: Record<MemberStatus, Label> = {
  active: { zh: '在册', en: 'Active' },
  retained: { zh: '保留会籍', en: 'Retained' },
  transferring: { zh: '接转中', en: 'Transferring' },
  left: { zh: '已退会', en: 'Left' },
};

/** Tag colours of the statuses (antd): active green, retained blue, transferring orange, left grey. */
export const MEMBER_STATUS_COLORS: Record<MemberStatus, string> = { active: 'success', retained: 'processing', transferring: 'warning', left: 'default' };

/**
 * The status changes a union records on a member (docs/rules.md "Members": 保留会籍, 退会) and the
 * statuses each may start from; a transfer under way (transferring) allows none until it ends.
 * `reason`: whether the union must say why.
 */
export const MEMBER_STATUS_CHANGES = {
  retained: { from: ['active'], to: 'retained', reason: true, zh: '保留会籍', en: 'Retain membership' },
  left: { from: ['active', 'retained'], to: 'left', reason: true, zh: '退会', en: 'Leave' },
  reactivated: { from: ['retained'], to: 'active', reason: false, zh: '恢复在册', en: 'Reactivate' },
} as const satisfies Record<string, { from: readonly MemberStatus[]; to: MemberStatus; reason: boolean } & Label>;
export type MemberStatusChangeKind = keyof typeof MEMBER_STATUS_CHANGES;
export const MEMBER_STATUS_CHANGE_KINDS = Object.keys(MEMBER_STATUS_CHANGES) as MemberStatusChangeKind[];

/** Whether a member in `status` allows the change `kind`. */
export function statusChangeAllowed(kind: MemberStatusChangeKind, status: string): boolean {
  return (MEMBER_STATUS_CHANGES[kind].from as readonly string[]).includes(status);
}

export interface MembershipEvent {
  kind: MembershipEventKind;
  /** YYYY-MM-DD */
  onDate: string;
  /** Tie-break for events on the same date (higher = later) when both carry one; otherwise the array order decides. */
  seq?: number;
}

const STATUS_AFTER: Record<MembershipEventKind, MemberStatus> = {
  joined: 'active',
  rejoined: 'active',
  transferred_in: 'active',
  retained: 'retained',
  left: 'left',
  // The membership has left this union's roster; the receiving union's transferred_in makes it active again.
  transferred_out: 'left',
};

/**
 * A member's current status from the membership events (docs/rules.md "Members"): the latest event by
 * date, then by `seq`, then by array order, decides — joined / rejoined / transferred_in → active,
 * retained → retained, left and transferred_out (with no later transferred_in) → left; an active
 * member with a transfer under way (`pendingTransfer`) is 'transferring'. No events → null.
 */
export function deriveMemberStatus(events: readonly MembershipEvent[], pendingTransfer = false): MemberStatus | null {
  if (events.length === 0) return null;
  const later = (a: MembershipEvent, ai: number, b: MembershipEvent, bi: number): boolean => {
    if (a.onDate !== b.onDate) return a.onDate > b.onDate;
    if (a.seq !== undefined && b.seq !== undefined && a.seq !== b.seq) return a.seq > b.seq;
    return ai > bi;
  };
  let latest = 0;
  for (let i = 1; i < events.length; i++) if (later(events[i]!, i, events[latest]!, latest)) latest = i;
  const status = STATUS_AFTER[events[latest]!.kind];
  return status === 'active' && pendingTransfer ? 'transferring' : status;
}

// ---------------------------------------------------------------------------------------------
// Age

/** Age bands used in member statistics (a common breakdown in union statistics reports; configurable by passing other bands). */
export const AGE_BANDS = [
  { code: 'to25', min: 0, max: 25, zh: '25岁及以下', en: '25 and under' },
  { code: '26to35', min: 26, max: 35, zh: '26-35岁', en: '26–35' },
  { code: '36to45', min: 36, max: 45, zh: '36-45岁', en: '36–45' },
  { code: '46to55', min: 46, max: 55, zh: '46-55岁', en: '46–55' },
  { code: '56plus', min: 56, max: Infinity, zh: '56岁及以上', en: '56 and over' },
] as const;
export type AgeBandCode = (typeof AGE_BANDS)[number]['code'];

/** Age in completed years (周岁) on `today`; someone born on 29 February becomes a year older on 1 March in common years. */
export function ageOn(birthDate: string, today: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = today.split('-').map(Number) as [number, number, number];
  let age = ty - by;
  if (tm < bm || (tm === bm && td < bd)) age--;
  return age;
}

/** Employers may not engage minors under 16 (《中华人民共和国劳动法》第十五条), so nobody younger joins a union as a worker. */
export const MIN_MEMBER_AGE = 16;
/** An age above this is taken for a typing error in the ID number or birth date (a plausibility check, see docs/rules.md). */
export const MAX_PLAUSIBLE_AGE = 100;

export type AgeProblem = { code: 'UNDER_MIN_AGE' | 'OVER_MAX_AGE'; age: number; zh: string; en: string };

/**
 * Whether a person born on `birthDate` may be a member on `today` (both YYYY-MM-DD): under
 * MIN_MEMBER_AGE is refused by 劳动法 Art. 15, over MAX_PLAUSIBLE_AGE as a likely typing error to
 * correct. One rule for the member form, online joining and roster import; null when acceptable.
 */
export function memberAgeProblem(birthDate: string, today: string): AgeProblem | null {
  const age = ageOn(birthDate, today);
  if (age < MIN_MEMBER_AGE) {
    return {
      code: 'UNDER_MIN_AGE',
      age,
      zh: `按出生日期${birthDate}计算未满${MIN_MEMBER_AGE}周岁（${Math.max(age, 0)}岁）：用人单位不得招用未满十六周岁的未成年人（《劳动法》第十五条），不能入会`,
      en: `born ${birthDate}, under ${MIN_MEMBER_AGE} (age ${Math.max(age, 0)}): employers may not engage minors under 16 (Labour Law Art. 15), so they cannot join`,
    };
  }
  if (age > MAX_PLAUSIBLE_AGE) {
    return {
      code: 'OVER_MAX_AGE',
      age,
      zh: `按出生日期${birthDate}计算已${age}岁，超过${MAX_PLAUSIBLE_AGE}岁，可能是身份证号或出生日期录入有误，请核对后更正`,
      en: `born ${birthDate}, age ${age} is over ${MAX_PLAUSIBLE_AGE}: probably a typing error in the ID number or birth date; check and correct it`,
    };
  }
  return null;
}

/** The band of an age in completed years, from `AGE_BANDS`. */
export function ageBandOf(age: number): AgeBandCode {
  for (const b of AGE_BANDS) if (age <= b.max) return b.code;
  return '56plus';
}

/** Count ages per band (every band present, zero when empty), for member statistics. */
export function ageBands(ages: readonly number[]): Record<AgeBandCode, number> {
  const counts = Object.fromEntries(AGE_BANDS.map((b) => [b.code, 0])) as Record<AgeBandCode, number>;
  for (const a of ages) counts[ageBandOf(a)]++;
  return counts;
}
