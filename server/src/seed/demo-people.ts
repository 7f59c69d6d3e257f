/**
 * Pure, deterministic people for the demo member registry (see demo-members.ts): valid resident ID
 * numbers whose area codes match the union's district (migrant workers come from other provinces),
 * names, mobiles and a plausible mix of employment forms for each kind of union. Nothing here
 * touches the database, the clock or Math.random().
 */
import { computeIdCheck } from '../../../common/src/id-number.js';
import type { EducationLevel, EmploymentForm, GigForm, PoliticalStatus } from '../../../common/src/member-vocab.js';
import { DEMO_CITY, DEMO_REFERENCE_DATE, randomPersonName, type DemoOrg } from './demo-city.js';
import type { Rng } from './prng.js';

const words = (s: string) => s.split(' ');

// Date draws are the hot spot of generating 200,000 people: day numbers and their ISO strings are cached.
const DAY_MS = 86_400_000;
const isoByDay = new Map<number, string>();
const dayByIso = new Map<string, number>();
function dayOf(iso: string): number {
  let d = dayByIso.get(iso);
  if (d === undefined) dayByIso.set(iso, (d = Date.parse(iso + 'T00:00:00Z') / DAY_MS));
  return d;
}
function isoOf(day: number): string {
  let s = isoByDay.get(day);
  if (s === undefined) isoByDay.set(day, (s = new Date(day * DAY_MS).toISOString().slice(0, 10)));
  return s;
}
/** A uniform date between two ISO dates, both inclusive (as Rng.date, without re-parsing dates each time). */
export function drawDate(rng: Rng, fromIso: string, toIso: string): string {
  const from = dayOf(fromIso);
  return isoOf(from + rng.int(0, dayOf(toIso) - from));
}

/** The city's district codes (as in demo-city.ts); people born in the city carry one of them. */
export const CITY_AREA_CODES = words('439902 439903 439904 439905 439906 439907 439908 439921');
/** County-level codes of other provinces (GB/T 2260 style): where migrant workers and newcomers were born. */
const OTHER_AREA_CODES = words(
  '430321 430381 430523 430623 431021 431121 431223 433122 360124 360321 360731 361025 420116 420222 421122 421281 ' +
    '422822 410122 411323 411421 411526 412726 510922 511529 512021 513401 520221 520324 522121 450126 450422 452122 ' +
    '440882 441481 500230 500236 341222 341602 341881 362502',
);
const MOBILE_PREFIXES = words(
  '130 131 132 133 135 136 137 138 139 150 151 152 153 155 156 157 158 159 166 173 175 176 177 178 180 181 182 183 185 186 187 188 189 191 193 195 198 199',
);
const BRANDS = words(
  '恒泰 鑫源 嘉禾 汇通 晨光 瑞丰 长兴 众诚 康源 安达 锦程 信和 润泽 立信 诚泰 万通 聚力 优品 蓝天 绿源 启航 鼎盛 和顺 富康 百川 泰和 鸿运 佳和 荣昌 信达',
);
const SMALL_SHOPS = words('便利店 餐馆 汽车维修店 美发店 五金店 超市 药店 干洗店 茶楼 广告店 装饰工作室 文印店 水果店 烘焙店 宠物店');

const GIG_WEIGHTS: readonly (readonly [EmploymentForm, number])[] = [
  ['food_delivery_rider', 22],
  ['courier', 20],
  ['truck_driver', 12],
  ['ride_hailing_driver', 10],
  ['domestic_worker', 8],
  ['care_worker', 7],
  ['security_guard', 8],
  ['real_estate_agent', 5],
  ['mall_info_staff', 3],
  ['other_flexible', 5],
];
/** Industry federations of demo-city.ts and the form most of their members work in. */
const TRADE_FORMS: readonly (readonly [string, EmploymentForm, number])[] = [
  ['快递物流', 'courier', 0.7],
  ['道路货运', 'truck_driver', 0.75],
  ['网约配送', 'food_delivery_rider', 0.8],
  ['网约车', 'ride_hailing_driver', 0.8],
  ['餐饮', 'food_delivery_rider', 0.2],
  ['家政服务', 'domestic_worker', 0.7],
  ['美容美发', 'other_flexible', 0.3],
  ['物业服务', 'security_guard', 0.3],
  ['建筑', 'other_flexible', 0.2],
  ['商贸', 'mall_info_staff', 0.3],
  ['保安服务', 'security_guard', 0.75],
];
const GIG_EMPLOYERS: Record<GigForm, string[] | null> = {
  truck_driver: words('货运物流有限公司 道路运输有限公司'),
  courier: words('速递服务站 快递营业部 快递网点'),
  care_worker: words('护理服务有限公司 养老服务中心'),
  domestic_worker: words('家政服务有限公司 家政服务中心'),
  mall_info_staff: words('商业广场 购物中心'),
  food_delivery_rider: words('同城配送站 外卖配送站'),
  real_estate_agent: words('房产经纪有限公司 不动产经纪有限公司'),
  security_guard: words('保安服务有限公司'),
  ride_hailing_driver: words('出行科技有限公司 汽车租赁有限公司'),
  other_flexible: null,
};
const GIG_OCCUPATIONS: Record<GigForm, string[]> = {
  truck_driver: ['货车司机'],
  courier: ['快递员', '快递分拣员'],
  care_worker: ['护工', '养老护理员'],
  domestic_worker: ['家政服务员', '育婴员', '保洁员'],
  mall_info_staff: ['商场信息员'],
  food_delivery_rider: ['外卖骑手', '网约配送员'],
  real_estate_agent: ['房产经纪人'],
  security_guard: ['保安员'],
  ride_hailing_driver: ['网约车司机'],
  other_flexible: words('代驾司机 直播电商从业人员 网络主播 自由摄影师 货拉拉司机 灵活就业人员'),
};
const OCCUPATIONS: Record<string, string[]> = {
  制造业: words('操作工 装配工 质检员 技术员 机修工 焊工 车工 仓管员 班组长 工程师 行政专员 会计'),
  批发和零售业: words('营业员 收银员 理货员 采购员 销售代表 店长 仓管员'),
  建筑业: words('施工员 钢筋工 木工 电工 安全员 资料员 项目经理'),
  '交通运输、仓储和邮政业': words('驾驶员 调度员 装卸工 分拣员 仓管员'),
  '信息传输、软件和信息技术服务业': words('软件工程师 测试工程师 运维工程师 产品经理 客服专员'),
  住宿和餐饮业: words('厨师 服务员 前台接待 客房服务员 面点师'),
  租赁和商务服务业: words('人事专员 客服专员 保洁员 行政专员 业务员'),
  '居民服务、修理和其他服务业': words('维修工 保洁员 美容师 洗涤工 社区工作者'),
  房地产业: words('物业管理员 保洁员 工程维修员 秩序维护员'),
  卫生和社会工作: words('护士 医生 药剂师 检验技师 护理员'),
  教育: words('教师 保育员 行政人员'),
  '公共管理、社会保障和社会组织': words('工作人员 窗口服务员 档案管理员'),
  '': words('职员 技术员 行政专员 会计 出纳 驾驶员 业务员'),
};
const ETHNICITY_WEIGHTS: readonly (readonly [string, number])[] = [
  ['汉族', 930],
  ['土家族', 20],
  ['苗族', 15],
  ['侗族', 8],
  ['瑶族', 8],
  ['回族', 6],
  ['壮族', 5],
  ['满族', 4],
  ['蒙古族', 2],
  ['维吾尔族', 1],
  ['朝鲜族', 1],
];
const EDU_GIG: readonly (readonly [EducationLevel, number])[] = [
  ['junior_high', 25],
  ['high_school', 25],
  ['secondary_specialized', 15],
  ['vocational_high', 5],
  ['technical_school', 5],
  ['junior_college', 20],
  ['bachelor', 5],
];
const EDU_STANDARD: readonly (readonly [EducationLevel, number])[] = [
  ['junior_high', 8],
  ['high_school', 14],
  ['secondary_specialized', 8],
  ['vocational_high', 3],
  ['technical_school', 5],
  ['junior_college', 25],
  ['bachelor', 30],
  ['master', 6],
  ['doctorate', 1],
];
const EDU_PUBLIC: readonly (readonly [EducationLevel, number])[] = [
  ['high_school', 4],
  ['secondary_specialized', 6],
  ['junior_college', 22],
  ['bachelor', 50],
  ['master', 15],
  ['doctorate', 3],
];
const DEMOCRATIC_PARTIES: PoliticalStatus[] = ['rckmt_member', 'cdl_member', 'cndca_member', 'capd_member', 'cpwdp_member', 'zhigong_member', 'jiusan_member'];

/** One demo person: the plaintext fields of a member record (MemberFields of member.record.ts). */
export interface DemoPerson {
  name: string;
  idNumber: string;
  idKind: 'resident';
  birthDate: string;
  sex: 'M' | 'F';
  mobile: string | null;
  ethnicity: string;
  education: EducationLevel;
  politicalStatus: PoliticalStatus;
  employmentForm: EmploymentForm;
  migrantWorker: boolean;
  occupation: string;
  employerName: string | null;
  joinDate: string;
}

/** Where a demo member is held: a grassroots union, or a street/park union (territorial) for people whose employer has none. */
export interface DemoUnion {
  org: DemoOrg;
  /** Share of new-employment-form (gig) workers among its members. */
  gigShare: number;
  /** The gig form most of its gig members work in (industry federations), else null. */
  mainGig: EmploymentForm | null;
  mainGigShare: number;
}

export function demoUnion(org: DemoOrg): DemoUnion {
  if (org.level === 'street') return { org, gigShare: 0.85, mainGig: null, mainGigShare: 0 };
  if (org.kind === 'industry') {
    const t = TRADE_FORMS.find(([trade]) => org.name.includes(trade + '行业'));
    if (t) return { org, gigShare: t[2] + 0.05, mainGig: t[1], mainGigShare: t[2] / (t[2] + 0.05) };
    return { org, gigShare: 0.3, mainGig: null, mainGigShare: 0 };
  }
  const share = org.kind === 'joint' ? 0.5 : org.kind === 'regional' ? 0.35 : org.kind === 'public_institution' ? 0.02 : 0.06;
  return { org, gigShare: share, mainGig: null, mainGigShare: 0 };
}

/** Issues unique, valid 18-digit ID numbers (GB 11643-1999 check character) for the whole seed. */
export function idNumberFactory() {
  const used = new Set<string>();
  return (rng: Rng, area: string, birthDate: string, sex: 'M' | 'F'): string => {
    const ymd = birthDate.replaceAll('-', '');
    for (;;) {
      // Sequence 001–999, odd for men and even for women (GB 11643-1999 §4.3).
      const seq = sex === 'M' ? rng.int(0, 499) * 2 + 1 : rng.int(1, 499) * 2;
      const first17 = area + ymd + String(seq).padStart(3, '0');
      if (used.has(first17)) continue;
      used.add(first17);
      return first17 + computeIdCheck(first17);
    }
  };
}

function birthDateFor(rng: Rng, gig: boolean): string {
  const decades: readonly (readonly [[string, string], number])[] = gig
    ? [
        [['1966-01-01', '1975-12-31'], 10],
        [['1976-01-01', '1985-12-31'], 30],
        [['1986-01-01', '1995-12-31'], 40],
        [['1996-01-01', '2006-12-31'], 20],
      ]
    : [
        [['1960-01-01', '1969-12-31'], 10],
        [['1970-01-01', '1979-12-31'], 22],
        [['1980-01-01', '1989-12-31'], 32],
        [['1990-01-01', '1999-12-31'], 28],
        [['2000-01-01', '2006-12-31'], 8],
      ];
  const [from, to] = rng.weighted(decades);
  return drawDate(rng, from, to);
}

const addYears = (iso: string, n: number) => String(Number(iso.slice(0, 4)) + n) + iso.slice(4).replace('-02-29', '-02-28');

/** A join date from 2000 (gig workers: 2018, when the drive to organise them began) to the reference date, after the 18th birthday, weighted to recent years. */
function joinDateFor(rng: Rng, birthDate: string, gig: boolean): string {
  let from = addYears(birthDate, 18);
  const floor = gig ? '2018-01-01' : '2000-01-01';
  if (from < floor) from = floor;
  const to = DEMO_REFERENCE_DATE;
  if (from >= to) return to;
  // The larger of two uniform draws leans towards the recent end: the registry grew over time.
  const a = drawDate(rng, from, to);
  const b = drawDate(rng, from, to);
  return rng.chance(0.5) ? (a > b ? a : b) : a;
}

function gigForm(rng: Rng, u: DemoUnion): EmploymentForm {
  if (u.mainGig && rng.chance(u.mainGigShare)) return u.mainGig;
  return rng.weighted(GIG_WEIGHTS);
}

function sexFor(rng: Rng, form: EmploymentForm): 'M' | 'F' {
  const male =
    form === 'domestic_worker' || form === 'care_worker'
      ? 0.15
      : form === 'mall_info_staff'
        ? 0.4
        : form === 'standard'
          ? 0.55
          : form === 'real_estate_agent' || form === 'other_flexible'
            ? 0.6
            : 0.92;
  return rng.chance(male) ? 'M' : 'F';
}

function employerFor(rng: Rng, u: DemoUnion, form: EmploymentForm): string | null {
  const c = DEMO_CITY.short;
  if (form !== 'standard') {
    const names = GIG_EMPLOYERS[form as GigForm];
    if (!names || rng.chance(0.15)) return null; // self-employed or several platforms at once
    return c + rng.pick(BRANDS) + rng.pick(names);
  }
  if (u.org.level === 'grassroots' && (u.org.kind === 'enterprise' || u.org.kind === 'public_institution')) return u.org.employerName;
  // Joint, regional and industry unions and street unions gather many small employers.
  return c + rng.pick(BRANDS) + rng.pick(SMALL_SHOPS);
}

function politicalFor(rng: Rng, birthDate: string): PoliticalStatus {
  const young = birthDate >= addYears(DEMO_REFERENCE_DATE, -28);
  const r = rng.next();
  if (r < 0.12) return 'cpc_member';
  if (r < 0.13) return 'cpc_probationary';
  if (r < (young ? 0.33 : 0.15)) return 'cyl_member';
  if (r < (young ? 0.335 : 0.16)) return rng.pick(DEMOCRATIC_PARTIES);
  if (r < (young ? 0.34 : 0.165)) return 'non_party';
  return 'masses';
}

function migrantChance(u: DemoUnion, form: EmploymentForm): number {
  if (form !== 'standard') return 0.4;
  if (u.org.kind === 'public_institution') return 0.03;
  if (u.org.industry === '制造业' || u.org.industry === '建筑业') return 0.3;
  return 0.1;
}

export function demoMobile(rng: Rng): string {
  return rng.pick(MOBILE_PREFIXES) + String(rng.int(0, 99_999_999)).padStart(8, '0');
}

/** One person working in (or near) a union: everything a member record holds, all consistent with each other. */
export function demoPerson(rng: Rng, u: DemoUnion, nextId: ReturnType<typeof idNumberFactory>): DemoPerson {
  const gig = rng.chance(u.gigShare);
  const form: EmploymentForm = gig ? gigForm(rng, u) : 'standard';
  const sex = sexFor(rng, form);
  const birthDate = birthDateFor(rng, gig);
  const migrantWorker = rng.chance(migrantChance(u, form));
  const district = u.org.regionCode ?? CITY_AREA_CODES[0]!;
  const r = rng.next();
  const area = migrantWorker || r < 0.08 ? rng.pick(OTHER_AREA_CODES) : r < 0.2 ? rng.pick(CITY_AREA_CODES) : district;
  const education = gig ? rng.weighted(EDU_GIG) : u.org.kind === 'public_institution' ? rng.weighted(EDU_PUBLIC) : rng.weighted(EDU_STANDARD);
  const occupation = form === 'standard' ? rng.pick(OCCUPATIONS[u.org.industry ?? ''] ?? OCCUPATIONS['']!) : rng.pick(GIG_OCCUPATIONS[form as GigForm]);
  return {
    name: randomPersonName(rng, sex),
    idNumber: nextId(rng, area, birthDate, sex),
    idKind: 'resident',
    birthDate,
    sex,
    mobile: rng.chance(0.97) ? demoMobile(rng) : null,
    ethnicity: rng.weighted(ETHNICITY_WEIGHTS),
    education,
    politicalStatus: politicalFor(rng, birthDate),
    employmentForm: form,
    migrantWorker,
    occupation,
    employerName: employerFor(rng, u, form),
    joinDate: joinDateFor(rng, birthDate, gig),
  };
}

/** A date strictly after `after` and on or before the reference date (or `after` itself when there is no room). */
export function dateAfter(rng: Rng, after: string, minDays = 1): string {
  const from = isoOf(dayOf(after) + minDays);
  return from >= DEMO_REFERENCE_DATE ? (after < DEMO_REFERENCE_DATE ? DEMO_REFERENCE_DATE : after) : drawDate(rng, from, DEMO_REFERENCE_DATE);
}
