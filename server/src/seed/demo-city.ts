/**
 * The demo city: a fictional 江城市 with 8 districts, 60 streets/parks and 2,000 grassroots unions.
 * Pure and deterministic (same seed, same tree, same ids) so demo databases, screenshots and
 * benchmarks are reproducible. All dates are relative to DEMO_REFERENCE_DATE: the day the demo is
 * seeded (China time), so a new user always sees current applications, reviews and warnings — or
 * the day GONGHUI_DEMO_DATE pins (YYYY-MM-DD), for reproducible benchmarks and screenshots.
 */
import { termEnd, type OrgKind, type OrgLevel } from '../../../common/src/org.js';
import { usccCheckChar, USCC_ALPHABET } from '../../../common/src/uscc.js';
import { addDays, createRng, subtractYears, type Rng } from './prng.js';
import { todayInChina } from '../../../common/src/dates.js';

function referenceDate(): string {
  const pinned = process.env.GONGHUI_DEMO_DATE;
  if (pinned === undefined || pinned === '') return todayInChina();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(pinned) || Number.isNaN(Date.parse(pinned))) throw new Error(`GONGHUI_DEMO_DATE must be YYYY-MM-DD, not "${pinned}"`);
  return pinned;
}
export const DEMO_REFERENCE_DATE = referenceDate();
export const DEMO_DEFAULT_SEED = 20260101;
export const DEMO_CITY = { name: '江城市', short: '江城', regionCode: '439900' } as const;

export interface DemoOrg {
  id: string;
  parentId: string | null;
  path: string;
  depth: number;
  level: OrgLevel;
  kind: OrgKind | null;
  code: string;
  name: string;
  employerName: string | null;
  uscc: string | null;
  regionCode: string | null;
  industry: string | null;
  employeeCount: number | null;
  foundedOn: string | null;
  chairName: string | null;
  termStart: string | null;
  termYears: number | null;
  termEnd: string | null;
  hasWomenCommittee: boolean;
}

const GRASSROOTS_TOTAL = 2000;
// Exactly these shares of terms are past or near their end, so the reelection warnings always have work.
const EXPIRED_SHARE = 0.03;
const EXPIRING_SHARE = 0.04;
const NO_TERM_SHARE = 0.01;
const NO_CHAIR_SHARE = 0.04;

/** Fixed districts; region codes are fictional (4399 is not a real prefecture) but well-formed. */
const DISTRICTS = [
  { name: '滨江区', regionCode: '439902', park: '滨江高新技术产业园区', towns: 0 },
  { name: '河西区', regionCode: '439903', park: null, towns: 0 },
  { name: '云溪区', regionCode: '439904', park: null, towns: 2 },
  { name: '青峰区', regionCode: '439905', park: null, towns: 0 },
  { name: '望湖区', regionCode: '439906', park: null, towns: 1 },
  { name: '新港区', regionCode: '439907', park: '新港经济技术开发区', towns: 0 },
  { name: '石桥区', regionCode: '439908', park: '石桥工业园区', towns: 3 },
  { name: '清河县', regionCode: '439921', park: null, towns: 99 },
] as const;
const STREETS_PER_DISTRICT = [6, 7, 7, 7, 8, 8, 8, 9]; // shuffled; always 60 in total

const words = (s: string) => s.split(' ');
const PLACES = words(
  '东风 建设 和平 友谊 南湖 北湖 桃源 梅园 桂花 杨柳 石门 白沙 红星 光明 幸福 花园 龙泉 凤凰 金山 银湖 青石 翠微 丹桂 兴隆 ' +
    '永安 长乐 太平 安康 富民 双桥 三里 柳林 沙湖 汤山 马鞍 龙口 白马 金水 清水 映山 望山 向阳 朝阳 东城 西城 北门 南门 ' +
    '鼓楼 钟楼 文昌 学府 长青 松园 竹林 荷花 芙蓉 月湖 星湖 天河 玉泉 宝塔 古城 枫林 梧桐',
);
const BRANDS = words(
  '宏达 华信 恒泰 鑫源 金瑞 博远 天成 永盛 嘉禾 联创 汇通 晨光 瑞丰 新锐 长兴 盛世 众诚 明德 康源 安达 远航 正通 海纳 锦程 ' +
    '凯旋 信和 卓越 润泽 华美 立信 德信 诚泰 万通 同创 聚力 优品 智联 蓝天 绿源 金桥 星辰 九州 启航 宏图 鼎盛 和顺 富康 ' +
    '兴业 东昇 百川 国瑞 泰和 鸿运 华通 中联 恒信 佳和 巨力 光华 荣昌 大华 信达 远大 新纪元 银河 汉唐 长风 力帆',
);

/** Enterprise industries (GB/T 4754 sections) with demo weights and business-scope words. */
const ENTERPRISE_INDUSTRIES: readonly (readonly [string, number, string[]])[] = [
  ['制造业', 30, words('机械制造 电子科技 汽车零部件 精密模具 新材料 食品 纺织服装 包装印刷 电气设备 化工 生物医药 家具 光电科技 智能装备 钢结构')],
  ['批发和零售业', 14, words('商贸 贸易 超市 百货 医药连锁 建材 五金 电器')],
  ['建筑业', 9, words('建设工程 建筑安装 路桥工程 装饰工程 市政工程 建筑劳务')],
  ['交通运输、仓储和邮政业', 8, words('物流 运输 快递服务 供应链管理 货运 客运')],
  ['信息传输、软件和信息技术服务业', 8, words('网络科技 软件 信息技术 数据科技 通信技术')],
  ['住宿和餐饮业', 8, words('餐饮管理 酒店管理 餐饮服务')],
  ['租赁和商务服务业', 7, words('人力资源服务 企业管理咨询 保安服务 广告 会展服务')],
  ['居民服务、修理和其他服务业', 5, words('家政服务 汽车维修 洗涤服务 美容美发')],
  ['房地产业', 5, words('房地产开发 置业 物业管理')],
  ['科学研究和技术服务业', 3, words('检测技术 工程设计 环境科技')],
  ['电力、热力、燃气及水生产和供应业', 2, words('燃气 供水 热力 能源')],
  ['金融业', 1, words('小额贷款 融资担保')],
];

const INDUSTRY_FEDERATIONS: readonly (readonly [string, string])[] = [
  ['快递物流', '交通运输、仓储和邮政业'],
  ['道路货运', '交通运输、仓储和邮政业'],
  ['网约配送', '交通运输、仓储和邮政业'],
  ['网约车', '交通运输、仓储和邮政业'],
  ['餐饮', '住宿和餐饮业'],
  ['家政服务', '居民服务、修理和其他服务业'],
  ['美容美发', '居民服务、修理和其他服务业'],
  ['物业服务', '房地产业'],
  ['建筑', '建筑业'],
  ['商贸', '批发和零售业'],
  ['保安服务', '租赁和商务服务业'],
];

const SURNAMES = words(
  '王 李 张 刘 陈 杨 黄 赵 吴 周 徐 孙 马 朱 胡 郭 何 高 林 罗 郑 梁 谢 宋 唐 许 韩 冯 邓 曹 彭 曾 肖 田 董 袁 潘 于 蒋 蔡 ' +
    '余 杜 叶 程 苏 魏 吕 丁 任 沈 姚 卢 姜 崔 钟 谭 陆 汪 范 金 石 廖 贾 夏 韦 付 方 白 邹 孟 熊 秦 邱 江 尹 薛 闫 段 雷 侯 ' +
    '龙 史 陶 黎 贺 顾 毛 郝 龚 邵 万 钱 严 覃 武 戴 莫 孔 向 汤 欧阳 诸葛',
);
// Zipf-like weights: the few big surnames dominate, as they do in the population.
const SURNAME_WEIGHTS = SURNAMES.map((s, i) => [s, 1 / (i + 4)] as const);
const GIVEN_MALE = [...'伟强磊军洋勇杰涛明超刚平辉鹏华飞鑫波斌宇浩凯健俊帆帅旭宁龙林峰建国志文博海东亮晨阳成'];
const GIVEN_FEMALE = [...'芳娜敏静丽艳娟霞秀英兰玲萍红燕梅莉婷雪琳慧颖倩欣晶洁佳怡琴云丹璐蕾薇瑶珊露凤'];

/** A plausible Chinese personal name; exported so the member seeders produce the same style. */
export function randomPersonName(rng: Rng, gender: 'M' | 'F' = rng.chance(0.5) ? 'M' : 'F'): string {
  const pool = gender === 'M' ? GIVEN_MALE : GIVEN_FEMALE;
  const given = rng.chance(0.7) ? rng.pick(pool) + rng.pick(pool) : rng.pick(pool);
  return rng.weighted(SURNAME_WEIGHTS) + given;
}

const CN_DIGITS = [...'零一二三四五六七八九'];
/** Chinese numerals 1–99, as in 第三人民医院 / 第十二中学. */
export function chineseNumeral(n: number): string {
  if (n < 10) return CN_DIGITS[n]!;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return (tens === 1 ? '' : CN_DIGITS[tens]!) + '十' + (ones ? CN_DIGITS[ones]! : '');
}

// GB 11714 organisation code (the 9 characters inside a credit code): weights and mod-11 check.
const ORG_CODE_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];
function orgCodeValue(c: string): number {
  return /[0-9]/.test(c) ? Number(c) : c.charCodeAt(0) - 55;
}
function orgCodeCheck(body: string): string {
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += orgCodeValue(body[i]!) * ORG_CODE_WEIGHTS[i]!;
  const c = 11 - (sum % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}

const USCC_CHARS = [...USCC_ALPHABET];

/** Issues valid, unique credit codes; '91' enterprise, '12' public institution, '81' trade union. */
function usccFactory(rng: Rng) {
  const used = new Set<string>();
  return (prefix: '91' | '12' | '81', regionCode: string, modern: boolean): string => {
    for (;;) {
      // Registrations since the 2015 reform carry "MA" organisation codes; older ones are numeric.
      let body = modern ? 'MA' : String(rng.int(1, 9));
      while (body.length < 8) body += modern ? rng.pick(USCC_CHARS) : String(rng.int(0, 9));
      const orgCode = body + orgCodeCheck(body);
      if (used.has(orgCode)) continue;
      used.add(orgCode);
      const first17 = prefix + regionCode + orgCode;
      return first17 + usccCheckChar(first17)!;
    }
  };
}

type TermCategory = 'ok' | 'expiring' | 'expired' | 'none';

/** Exactly round(n × share) of each category, shuffled, so the shares hold for every seed. */
function termCategories(rng: Rng, n: number): TermCategory[] {
  const out: TermCategory[] = [];
  const add = (c: TermCategory, k: number) => {
    for (let i = 0; i < k; i++) out.push(c);
  };
  add('expired', Math.round(n * EXPIRED_SHARE));
  add('expiring', Math.round(n * EXPIRING_SHARE));
  add('none', Math.round(n * NO_TERM_SHARE));
  add('ok', n - out.length);
  return rng.shuffle(out);
}

/** A term whose end falls into the category's window around the reference date. */
function makeTerm(rng: Rng, category: TermCategory, years = rng.chance(0.6) ? 5 : 3) {
  if (category === 'none') return { termStart: null, termYears: null, termEnd: null };
  const ref = DEMO_REFERENCE_DATE;
  let end: string;
  if (category === 'expired') end = addDays(ref, -(rng.chance(0.6) ? rng.int(0, 180) : rng.int(181, 900)));
  else if (category === 'expiring') end = addDays(ref, rng.int(1, 90));
  // Keep "ok" terms well clear of the 90-day window and started on or before the reference date.
  else end = addDays(ref, rng.int(120, years * 365 - 1));
  const termStart = subtractYears(end, years);
  return { termStart, termYears: years, termEnd: termEnd(termStart, years) };
}

function foundedBefore(rng: Rng, termStart: string | null): string {
  const latest = termStart && termStart < '2025-12-31' ? termStart : '2025-12-31';
  if (termStart === latest && rng.chance(0.2)) return latest; // still in its first term
  return rng.date('1990-01-01', latest);
}

function employeeCount(rng: Rng, kind: OrgKind): number {
  // A power of a uniform draw bunches values near the low end: many small units, a long tail.
  const skewed = (min: number, max: number, power = 1.8) => min + Math.floor((max - min) * rng.next() ** power);
  switch (kind) {
    case 'enterprise': {
      const r = rng.next();
      if (r < 0.05) return rng.int(8, 19);
      if (r < 0.85) return skewed(20, 300);
      if (r < 0.97) return skewed(300, 2000);
      if (r < 0.995) return skewed(2000, 8000);
      return skewed(8000, 20000);
    }
    case 'public_institution':
      return rng.chance(0.85) ? skewed(30, 400, 1.3) : skewed(400, 3500);
    case 'joint':
      return rng.int(30, 400);
    default:
      return skewed(200, 3000, 2);
  }
}

interface Street {
  org: DemoOrg;
  district: (typeof DISTRICTS)[number];
  place: string; // e.g. 桃源街道, 城关镇, 滨江高新技术产业园区
  short: string; // e.g. 桃源
  isPark: boolean;
  isTown: boolean;
}

export function generateDemoCity(seed = DEMO_DEFAULT_SEED): DemoOrg[] {
  const rng = createRng(seed);
  const idRng = rng.fork('ids'); // separate stream: ids stay stable when name rules change
  const nextUscc = usccFactory(rng.fork('uscc'));
  const usedNames = new Set<string>();
  const out: DemoOrg[] = [];

  const make = (parent: DemoOrg | null, fields: Omit<DemoOrg, 'id' | 'parentId' | 'path' | 'depth'>): DemoOrg => {
    const id = idRng.uuid();
    const org: DemoOrg = {
      id,
      parentId: parent?.id ?? null,
      path: (parent?.path ?? '/') + id + '/',
      depth: parent ? parent.depth + 1 : 0,
      ...fields,
    };
    usedNames.add(org.name);
    out.push(org);
    return org;
  };
  /** Retries a name builder until it yields an unused name and reserves it; null when the template space is spent. */
  const unique = (build: () => string, tries = 40): string | null => {
    for (let i = 0; i < tries; i++) {
      const n = build();
      if (!usedNames.has(n)) {
        usedNames.add(n);
        return n;
      }
    }
    return null;
  };
  const federation = (parent: DemoOrg | null, level: OrgLevel, code: string, name: string, regionCode: string, term: TermCategory, founded: string) => {
    const t = makeTerm(rng, term, 5);
    return make(parent, {
      level,
      kind: null,
      code,
      name,
      employerName: null,
      uscc: nextUscc('81', regionCode, false),
      regionCode,
      industry: null,
      employeeCount: null,
      foundedOn: founded,
      chairName: randomPersonName(rng),
      ...t,
      hasWomenCommittee: true,
    });
  };

  const city = federation(null, 'city', 'C0001', DEMO_CITY.name + '总工会', DEMO_CITY.regionCode, 'ok', '1950-05-01');

  const counts = rng.shuffle(STREETS_PER_DISTRICT);
  const districtOrgs = DISTRICTS.map((d, i) =>
    federation(city, 'county', `D${String(i + 1).padStart(2, '0')}`, d.name + '总工会', d.regionCode, 'ok', rng.date('1980-01-01', '1995-12-31')),
  );

  const streets: Street[] = [];
  const places = rng.shuffle(PLACES);
  const streetTerms = termCategories(
    rng,
    counts.reduce((a, b) => a + b, 0),
  );
  DISTRICTS.forEach((d, di) => {
    for (let si = 0; si < counts[di]!; si++) {
      const isPark = si === 0 && d.park !== null;
      const isTown = !isPark && si >= counts[di]! - d.towns;
      const short = isPark ? d.name.slice(0, 2) : d.towns === 99 && si === 0 ? '城关' : places.pop()!;
      const place = isPark ? d.park! : short + (isTown ? '镇' : '街道');
      const name = place + (isPark ? '工会联合会' : '总工会');
      const code = `${districtOrgs[di]!.code}S${String(si + 1).padStart(2, '0')}`;
      const term = streetTerms[streets.length]!;
      const org = federation(districtOrgs[di]!, 'street', code, name, d.regionCode, term === 'none' ? 'ok' : term, rng.date('1998-01-01', '2015-12-31'));
      streets.push({ org, district: d, place, short, isPark, isTown });
    }
  });

  // Spread the grassroots total over streets with random weights; parks host more enterprises.
  const weights = streets.map((s) => (0.7 + rng.next() * 0.6) * (s.isPark ? 1.4 : 1));
  const wSum = weights.reduce((a, b) => a + b, 0);
  const perStreet = weights.map((w) => Math.max(8, Math.round((GRASSROOTS_TOTAL * w) / wSum)));
  perStreet[perStreet.length - 1]! += GRASSROOTS_TOTAL - perStreet.reduce((a, b) => a + b, 0);

  const terms = termCategories(rng, GRASSROOTS_TOTAL);
  let seq = 0;
  streets.forEach((s, si) => {
    for (let k = 0; k < perStreet[si]!; k++) {
      // The first grassroots body of every street is its street-wide joint union for small employers.
      const kind: OrgKind =
        k === 0
          ? 'joint'
          : rng.weighted<OrgKind>([
              ['enterprise', s.isPark ? 80 : 70],
              ['public_institution', s.isPark ? 3 : 12.5],
              ['joint', 7],
              ['industry', 4],
              ['regional', 4],
            ]);
      // A spent name space for one kind falls back to an enterprise, whose space is far larger.
      const g = grassroots(rng, s, kind, k === 0, unique, nextUscc) ?? grassroots(rng, s, 'enterprise', false, unique, nextUscc);
      if (!g) continue;
      seq++;
      const staff = g.employeeCount ?? 0;
      const t = makeTerm(rng, terms[seq - 1]!);
      make(s.org, {
        level: 'grassroots',
        kind: g.kind,
        code: 'G' + String(seq).padStart(5, '0'),
        name: g.name,
        employerName: g.employerName,
        uscc: g.uscc,
        regionCode: s.district.regionCode,
        industry: g.industry,
        employeeCount: staff,
        foundedOn: foundedBefore(rng, t.termStart),
        chairName: rng.chance(NO_CHAIR_SHARE) ? null : randomPersonName(rng),
        ...t,
        hasWomenCommittee: staff >= 25 ? rng.chance(0.9) : rng.chance(0.1),
      });
    }
  });
  return out;
}

interface GrassrootsDraft {
  kind: OrgKind;
  name: string;
  employerName: string | null;
  uscc: string;
  industry: string | null;
  employeeCount: number;
}

function grassroots(
  rng: Rng,
  s: Street,
  kind: OrgKind,
  streetJoint: boolean,
  unique: (build: () => string, tries?: number) => string | null,
  nextUscc: (prefix: '91' | '12' | '81', region: string, modern: boolean) => string,
): GrassrootsDraft | null {
  const region = s.district.regionCode;
  const unionSuffix = () => (rng.chance(0.7) ? '工会委员会' : '工会');
  const c = DEMO_CITY.short;
  const cityDistrict = DEMO_CITY.name + s.district.name;

  if (kind === 'public_institution') {
    const templates: (readonly [() => string, string])[] = [
      [() => `${DEMO_CITY.name}第${chineseNumeral(rng.int(1, 12))}人民医院`, '卫生和社会工作'],
      [() => cityDistrict + rng.pick(words('人民医院 中医医院 妇幼保健院 疾病预防控制中心 社会福利院')), '卫生和社会工作'],
      [() => `${cityDistrict}${s.place}社区卫生服务中心`, '卫生和社会工作'],
      [() => `${DEMO_CITY.name}第${chineseNumeral(rng.int(1, 45))}中学`, '教育'],
      [() => `${cityDistrict}${s.short}${rng.pick(words('小学 中学 中心幼儿园'))}`, '教育'],
      [() => `${cityDistrict}第${chineseNumeral(rng.int(1, 30))}小学`, '教育'],
      [() => cityDistrict + rng.pick(words('实验小学 实验中学 职业高级中学')), '教育'],
      [() => cityDistrict + rng.pick(words('不动产登记中心 政务服务中心 城市管理综合服务中心 就业服务中心')), '公共管理、社会保障和社会组织'],
      [() => cityDistrict + rng.pick(words('图书馆 文化馆 融媒体中心')), '文化、体育和娱乐业'],
      [() => cityDistrict + rng.pick(words('农业技术推广中心 园林绿化管理站 环境卫生管理站')), '水利、环境和公共设施管理业'],
    ];
    const [build, industry] = rng.pick(templates);
    const employer = unique(build) ?? unique(templates[5]![0], 200);
    if (employer) {
      return {
        kind,
        name: employer + unionSuffix(),
        employerName: employer,
        uscc: nextUscc('12', region, false),
        industry,
        employeeCount: employeeCount(rng, kind),
      };
    }
    kind = 'enterprise'; // template space exhausted in this district: fall through to an enterprise
  }

  if (kind === 'enterprise') {
    const staff = employeeCount(rng, kind);
    const ind = rng.weighted(ENTERPRISE_INDUSTRIES.map((e) => [e, e[1]] as const));
    const form = staff > 2000 ? rng.pick(['集团有限公司', '股份有限公司']) : rng.chance(0.9) ? '有限公司' : '有限责任公司';
    const employer = unique(() => (rng.chance(0.8) ? c : cityDistrict) + rng.pick(BRANDS) + rng.pick(ind[2]) + form, 200);
    if (!employer) return null;
    const founded2016 = rng.chance(0.45);
    return {
      kind,
      name: employer + unionSuffix(),
      employerName: employer,
      uscc: nextUscc('91', region, founded2016),
      industry: ind[0],
      employeeCount: staff,
    };
  }

  // Joint, industry and regional bodies are union legal persons themselves, hence '81' codes.
  const uscc = () => nextUscc('81', region, false);
  if (kind === 'joint') {
    let anchor = '';
    let industry = '居民服务、修理和其他服务业';
    const name = unique(() => {
      const v = streetJoint ? 0 : rng.int(1, 3);
      anchor =
        v === 0
          ? s.place
          : v === 1
            ? `${s.place}${rng.pick(PLACES)}${s.isTown ? '村' : '社区'}`
            : v === 2
              ? `${c}${rng.pick(BRANDS)}大厦`
              : `${c}${rng.pick(BRANDS)}农贸市场`;
      industry = v <= 1 ? (s.isTown && v === 1 ? '农、林、牧、渔业' : '居民服务、修理和其他服务业') : v === 2 ? '租赁和商务服务业' : '批发和零售业';
      return anchor + '联合工会委员会';
    });
    if (!name) return null;
    // The anchoring body that hosts the joint union: the street office, the village or community committee, the building or market.
    const employer =
      anchor === s.place
        ? s.isPark
          ? c + s.place + '管理委员会'
          : cityDistrict + s.place + (s.isTown ? '人民政府' : '办事处')
        : anchor.endsWith('社区')
          ? anchor + '居民委员会'
          : anchor.endsWith('村')
            ? anchor + '村民委员会'
            : anchor;
    return { kind, name, employerName: employer, uscc: uscc(), industry, employeeCount: employeeCount(rng, kind) };
  }

  if (kind === 'industry') {
    const name = unique(() => {
      const [trade] = rng.pick(INDUSTRY_FEDERATIONS);
      return (rng.chance(0.3) ? s.district.name : s.place) + trade + '行业工会联合会';
    }, 20);
    if (!name) return null;
    const industry = INDUSTRY_FEDERATIONS.find(([t]) => name.includes(t + '行业'))![1];
    return { kind, name, employerName: null, uscc: uscc(), industry, employeeCount: employeeCount(rng, kind) };
  }

  const name = unique(() =>
    rng.pick([
      () => `${s.place}${rng.pick(BRANDS)}商圈工会联合会`,
      () => `${s.place}小微企业园工会联合会`,
      () => `${s.place}${rng.pick(BRANDS)}商务楼宇工会联合会`,
      () => `${s.place}${rng.pick(PLACES)}专业市场工会联合会`,
    ])(),
  );
  if (!name) return null;
  return { kind, name, employerName: null, uscc: uscc(), industry: null, employeeCount: employeeCount(rng, kind) };
}
