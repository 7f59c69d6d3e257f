/**
 * The benchmark's synthetic city, deterministic: the demo org tree (seed/demo-city), topped up with
 * extra grassroots unions under the demo streets to about one union per 50 members (20,000 for a
 * million), and a member population with valid, unique ID numbers (GB 11643 check digit from
 * common/src/id-number.ts), names in the demo style, mobiles and a realistic mix of employment forms.
 * The same person index always gives the same person, whichever file (CSV, xlsx, COPY) it goes to.
 */
import { generateDemoCity, randomPersonName, type DemoOrg } from '../../server/src/seed/demo-city.js';
import { createRng, type Rng } from '../../server/src/seed/prng.js';
import { computeIdCheck } from '../../common/src/id-number.js';
import {
  EDUCATION_LABELS,
  EMPLOYMENT_FORM_LABELS,
  POLITICAL_STATUS_LABELS,
  type EducationLevel,
  type EmploymentForm,
  type PoliticalStatus,
} from '../../common/src/member-vocab.js';
import type { MemberFields } from '../../server/src/modules/member/member.record.js';

export const BENCH_SEED = 20261121;
export const MEMBERS_PER_UNION = 50;

export interface BenchOrg extends DemoOrg {
  isBench: boolean;
}

const BRANDS = '宏达 华信 恒泰 鑫源 金瑞 博远 天成 永盛 嘉禾 联创 汇通 晨光 瑞丰 新锐 长兴 盛世 众诚 明德 康源 安达 远航 正通 海纳 锦程'.split(' ');
const TRADES = '机械 电子 物流 商贸 建材 食品 纺织 印刷 软件 餐饮 物业 家政 运输 医药 汽配 模具'.split(' ');

/** The demo tree plus extra grassroots unions so that there is about one union per 50 members. */
export function benchOrgs(members: number): BenchOrg[] {
  const demo = generateDemoCity().map((o) => ({ ...o, isBench: false }));
  const grassroots = demo.filter((o) => o.level === 'grassroots').length;
  const want = Math.round(members / MEMBERS_PER_UNION);
  const extra = Math.max(0, want - grassroots);
  const streets = demo.filter((o) => o.level === 'street');
  const rng = createRng(BENCH_SEED).fork('orgs');
  const out: BenchOrg[] = [...demo];
  for (let i = 0; i < extra; i++) {
    const street = streets[i % streets.length]!;
    const id = rng.uuid();
    const employer = `江城${rng.pick(BRANDS)}${rng.pick(TRADES)}第${i + 1}有限公司`;
    out.push({
      id,
      parentId: street.id,
      path: street.path + id + '/',
      depth: street.depth + 1,
      level: 'grassroots',
      kind: 'enterprise',
      code: 'B' + String(i + 1).padStart(6, '0'),
      name: employer + '工会委员会',
      employerName: employer,
      uscc: null,
      regionCode: street.regionCode,
      industry: '制造业',
      employeeCount: 20 + Math.floor(rng.next() ** 1.8 * 400),
      foundedOn: rng.date('2000-01-01', '2024-12-31'),
      chairName: randomPersonName(rng),
      termStart: null,
      termYears: null,
      termEnd: null,
      hasWomenCommittee: false,
      isBench: true,
    });
  }
  return out;
}

// --- ID numbers: a bijection from the person index to (area, birth date, sequence) --------------

const AREAS = Array.from({ length: 100 }, (_, j) => `43${String(1 + (j % 13)).padStart(2, '0')}${String(1 + Math.floor(j / 13) * 2).padStart(2, '0')}`);
const BIRTH_FROM = Date.UTC(1966, 0, 1);
const BIRTH_DAYS = 14_610; // 1966-01-01 … 2005-12-31
const PAIRS = 500; // sequence 000–999: 500 per sex
const SPACE = AREAS.length * BIRTH_DAYS * PAIRS;
const STRIDE = 1_000_003; // prime, coprime with SPACE: i → i·STRIDE mod SPACE is a bijection

function idNumberOf(index: number, male: boolean): { idNumber: string; birthDate: string } {
  const t = Number((BigInt(index) * BigInt(STRIDE) + 7919n) % BigInt(SPACE));
  const area = AREAS[t % AREAS.length]!;
  const t2 = Math.floor(t / AREAS.length);
  const day = t2 % BIRTH_DAYS;
  const pair = Math.floor(t2 / BIRTH_DAYS);
  const birthDate = new Date(BIRTH_FROM + day * 86_400_000).toISOString().slice(0, 10);
  const seq = String(pair * 2 + (male ? 1 : 0)).padStart(3, '0');
  const first17 = area + birthDate.replaceAll('-', '') + seq;
  return { idNumber: first17 + computeIdCheck(first17), birthDate };
}

// --- attributes ------------------------------------------------------------------------------------

const FORMS: readonly (readonly [EmploymentForm, number])[] = [
  ['standard', 76],
  ['courier', 4],
  ['food_delivery_rider', 5],
  ['truck_driver', 3],
  ['ride_hailing_driver', 3],
  ['security_guard', 2],
  ['domestic_worker', 2],
  ['care_worker', 1.5],
  ['real_estate_agent', 1.5],
  ['mall_info_staff', 0.5],
  ['other_flexible', 1.5],
];
const EDUCATION: readonly (readonly [EducationLevel, number])[] = [
  ['master', 3],
  ['bachelor', 24],
  ['junior_college', 26],
  ['secondary_specialized', 10],
  ['vocational_high', 6],
  ['technical_school', 5],
  ['high_school', 12],
  ['junior_high', 12],
  ['primary', 2],
];
const POLITICAL: readonly (readonly [PoliticalStatus, number])[] = [
  ['masses', 72],
  ['cpc_member', 12],
  ['cyl_member', 14],
  ['cpc_probationary', 1],
  ['non_party', 1],
];
const ETHNIC: readonly (readonly [string, number])[] = [
  ['汉族', 91],
  ['土家族', 3],
  ['苗族', 2],
  ['侗族', 1],
  ['瑶族', 1],
  ['回族', 1],
  ['壮族', 1],
];
const OCCUPATIONS: Record<string, string[]> = {
  standard: '操作工 技术员 工程师 会计 文员 销售 质检员 仓管员 电工 焊工 司机 厨师 护士 教师 保洁员'.split(' '),
  courier: ['快递员'],
  food_delivery_rider: ['外卖骑手'],
  truck_driver: ['货车司机'],
  ride_hailing_driver: ['网约车司机'],
  security_guard: ['保安'],
  domestic_worker: ['家政服务员'],
  care_worker: ['护理员'],
  real_estate_agent: ['房产经纪人'],
  mall_info_staff: ['商场信息员'],
  other_flexible: ['灵活就业'],
};

export type Status = 'active' | 'retained' | 'left';

export interface Person {
  index: number;
  fields: MemberFields;
  /** The member's union in the synthetic city (the dataset spreads people over the unions). */
  org: BenchOrg;
  status: Status;
  /** Date of the leaving or retaining event for members not active. */
  statusDate: string | null;
}

function addYears(iso: string, years: number): string {
  const d = new Date(iso + 'T00:00:00Z');
  d.setUTCFullYear(d.getUTCFullYear() + years);
  return d.toISOString().slice(0, 10);
}

/**
 * A stream of people. `first` is the first person index: the dataset is 0…N−1, the extra roster
 * files use indices past it so their people are new to the database.
 */
export class PersonGenerator {
  private readonly rng: Rng;
  private readonly unions: BenchOrg[];
  private readonly cumulative: Float64Array;
  private readonly streets: BenchOrg[];
  private next: number;

  constructor(
    orgs: BenchOrg[],
    label: string,
    first: number,
    private readonly today = '2026-11-21',
  ) {
    this.rng = createRng(BENCH_SEED).fork('people:' + label);
    this.unions = orgs.filter((o) => o.level === 'grassroots');
    this.streets = orgs.filter((o) => o.level === 'street');
    this.cumulative = new Float64Array(this.unions.length);
    let acc = 0;
    // Bigger workforces have more members; the square root keeps the 20,000-staff giants from swallowing the city.
    this.unions.forEach((u, i) => {
      acc += Math.sqrt(u.employeeCount ?? 50);
      this.cumulative[i] = acc;
    });
    this.next = first;
  }

  private pickUnion(): BenchOrg {
    // 2% are registered with the territorial (street) union: gig workers whose platform has no union.
    if (this.rng.chance(0.02)) return this.rng.pick(this.streets);
    const x = this.rng.next() * this.cumulative[this.cumulative.length - 1]!;
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.cumulative[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return this.unions[lo]!;
  }

  person(): Person {
    const r = this.rng;
    const index = this.next++;
    const male = r.chance(0.54);
    const { idNumber, birthDate } = idNumberOf(index, male);
    const org = this.pickUnion();
    const form = r.weighted(FORMS);
    const earliestJoin = addYears(birthDate, 18) > '1995-01-01' ? addYears(birthDate, 18) : '1995-01-01';
    const joinDate = r.date(earliestJoin, '2026-10-31');
    const mobile = r.chance(0.92) ? '1' + r.pick([...'3456789']) + String(r.int(0, 999_999_999)).padStart(9, '0') : null;
    const fields: MemberFields = {
      name: randomPersonName(r, male ? 'M' : 'F'),
      idNumber,
      idKind: 'resident',
      birthDate,
      sex: male ? 'M' : 'F',
      mobile,
      ethnicity: r.weighted(ETHNIC),
      education: r.weighted(EDUCATION),
      politicalStatus: r.weighted(POLITICAL),
      employmentForm: form,
      migrantWorker: form !== 'standard' ? r.chance(0.55) : r.chance(0.12),
      occupation: r.pick(OCCUPATIONS[form]!),
      employerName: org.level === 'grassroots' ? org.employerName : null,
      joinDate,
    };
    const roll = r.next();
    const status: Status = roll < 0.93 ? 'active' : roll < 0.96 ? 'retained' : 'left';
    const statusDate = status === 'active' ? null : r.date(joinDate, this.today);
    return { index, fields, org, status, statusDate };
  }
}

/** The roster columns (Chinese headers, as offices write them) and one person's cells. */
export const ROSTER_HEADER = [
  '姓名',
  '身份证号',
  '手机号码',
  '性别',
  '出生日期',
  '民族',
  '学历',
  '政治面貌',
  '用工形式',
  '是否农民工',
  '职业',
  '工作单位',
  '入会时间',
];

export function rosterCells(f: MemberFields): string[] {
  return [
    f.name,
    f.idNumber,
    f.mobile ?? '',
    f.sex === 'M' ? '男' : '女',
    f.birthDate,
    f.ethnicity ?? '',
    f.education ? EDUCATION_LABELS[f.education as EducationLevel].zh : '',
    f.politicalStatus ? POLITICAL_STATUS_LABELS[f.politicalStatus as PoliticalStatus].zh : '',
    EMPLOYMENT_FORM_LABELS[f.employmentForm as EmploymentForm].zh,
    f.migrantWorker ? '是' : '否',
    f.occupation ?? '',
    f.employerName ?? '',
    f.joinDate,
  ];
}
