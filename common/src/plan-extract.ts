/**
 * From a plenary speech or work report to a proposed plan (docs/plans.md): the numbered sections
 * (一、二、…) with their headings and sub-points (（一）…); the directives, with their enumerations
 * (一要…二要…, 一是…二是…, 一方面…另一方面…); named campaigns, projects and brands (“…”主题活动,
 * …工程, …行动, …品牌); quantified targets in Arabic or Chinese numerals with their units (新建50个,
 * 开展一千场, 百万职工, 达到95%以上, 7000余万元) and deadlines (年底前, 三季度, 2023年6月). Each item
 * names the modules it concerns (the glossary's code names) and, where a live metric fits, a KPI,
 * each with the phrase that triggered it. Anonymised texts write unknown numbers as X, XX or *:
 * they are recognised as placeholders, never read as numbers.
 *
 * Pure, offline and deterministic: patterns and a keyword table, no model.
 */

export type ItemKind = 'directive' | 'target' | 'campaign';

export interface Quantity {
  /** null for a placeholder (XX, *). */
  value: number | null;
  unit: string;
  /** As written: "1000场", "一千场", "XX万人". */
  raw: string;
  placeholder?: true;
  /** 以上 / 不少于 (at least), 以内 / 不超过 (at most), 余 / 多 (more than). */
  bound?: 'atLeast' | 'atMost' | 'moreThan';
}

export interface Trigger {
  module: string;
  phrase: string;
}

export interface PlanItem {
  text: string;
  kind: ItemKind;
  modules: string[];
  triggers: Trigger[];
  quantity?: Quantity;
  deadline?: string;
  /** The campaign, project or brand named (without quotes). */
  name?: string;
  kpi?: { metric: string; phrase: string };
  /** The sub-point it belongs to: "（一）抓住一条主线". */
  point?: string;
}

export interface PlanSection {
  no: string;
  heading: string;
  items: PlanItem[];
}

export interface ExtractedPlan {
  title: string | null;
  sections: PlanSection[];
}

// ---------------------------------------------------------------------------------------------
// Numbers

const DIGIT: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const SMALL_UNIT: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
const BIG_UNIT: Record<string, number> = { 万: 10_000, 亿: 100_000_000 };
const CN_NUM = '[零〇一二两三四五六七八九十百千万亿]+';

/** A number below 10,000 in Chinese numerals: digits with 十, 百, 千 (十五 = 15, 三百零五 = 305). */
function below10k(s: string): number {
  let total = 0;
  let digit: number | null = null;
  for (const ch of s) {
    if (ch in DIGIT) digit = DIGIT[ch]!;
    else if (ch in SMALL_UNIT) {
      total += (digit ?? 1) * SMALL_UNIT[ch]!;
      digit = null;
    }
  }
  return total + (digit ?? 0);
}

/** A number written in Chinese numerals (一千, 两万, 十五, 三百零五, 百万, 一亿二千万 …); null when it is not one. */
export function chineseNumber(s: string): number | null {
  if (!s || !new RegExp(`^${CN_NUM}$`).test(s)) return null;
  const yi = s.indexOf('亿');
  if (yi >= 0) return (yi === 0 ? 1 : chineseNumber(s.slice(0, yi))!) * 100_000_000 + (yi + 1 < s.length ? chineseNumber(s.slice(yi + 1))! : 0);
  const wan = s.indexOf('万');
  if (wan >= 0) return (wan === 0 ? 1 : below10k(s.slice(0, wan))) * 10_000 + (wan + 1 < s.length ? below10k(s.slice(wan + 1)) : 0);
  return below10k(s);
}

/** The units targets are counted in. */
const UNITS = [
  '万人次',
  '人次',
  '万人',
  '万元',
  '亿元',
  '万户',
  '万名',
  '余户',
  '个',
  '家',
  '场',
  '名',
  '人',
  '件',
  '项',
  '所',
  '户',
  '元',
  '次',
  '支',
  '批',
  '条',
  '期',
  '处',
  '座',
  '家次',
  '%',
  '％',
];
const UNIT_RE = UNITS.sort((a, b) => b.length - a.length)
  .map((u) => u.replace('%', '%'))
  .join('|');
/** A placeholder for an unknown number in an anonymised text. */
const PLACEHOLDER = '(?:[Xx×]{1,6}|\\*{1,6})';
const NUM = `(?:\\d+(?:\\.\\d+)?|${CN_NUM}|${PLACEHOLDER})`;
const QTY_RE = new RegExp(`(不少于|不低于|超过|达到|至少)?(${NUM})(余|多)?(万|亿)?(${UNIT_RE})(以上|以内|左右)?`, 'g');

/** Words before a number that make it a count of something to do (开展1000场), not a date or a name (二十大). */
const ACTION =
  /(新建|建成|建设|建立|开展|组织|举办|培训|筹集|投入|发放|帮扶|救助|慰问|覆盖|发展|吸纳|实现|达到|完成|打造|创建|培育|选树|推荐|表彰|命名|办好|实施|提升|新增|累计|不少于|不低于|力争|确保|超过|至少|惠及|服务|走访|签订|调解|追回|入会|建会)/;

function parseQuantity(clause: string): Quantity | undefined {
  QTY_RE.lastIndex = 0;
  for (let m = QTY_RE.exec(clause); m; m = QTY_RE.exec(clause)) {
    const [raw, pre, num, more, big, unit, post] = m as unknown as [
      string,
      string | undefined,
      string,
      string | undefined,
      string | undefined,
      string,
      string | undefined,
    ];
    const before = clause.slice(0, m.index);
    const after = clause.slice(m.index + raw.length, m.index + raw.length + 4);
    // A year, a date, an ordinal (第…), a meeting (二十大, 十九届), a plan period (十四五), the count of
    // an enumeration (三项重点工作) or a vague "一批" is not a target.
    if (/^[年月日届大]/.test(after) || /第$/.test(before) || (unit === '次' && /全会|会议/.test(after))) continue;
    if (/^(重点|工作|任务|大事|方面|原则|战略|规定|精神|意识|自信)/.test(after) || (num === '一' && /^[批条支]$/.test(unit))) continue;
    if (/“[^”]*$/.test(before)) continue; // inside a quoted name (“万人助万企”)
    if (!ACTION.test(before + raw) && !pre) continue;
    const placeholder = new RegExp(`^${PLACEHOLDER}$`).test(num);
    // 7000余万元, XX万人, 3.5亿元: the 万/亿 multiplies, the unit is what is counted.
    let unitBase = unit.replace('％', '%');
    let times = big ? BIG_UNIT[big]! : 1;
    if (unitBase.length > 1 && (unitBase[0] === '万' || unitBase[0] === '亿')) {
      times *= BIG_UNIT[unitBase[0]]!;
      unitBase = unitBase.slice(1);
    }
    const base = placeholder ? null : /^\d/.test(num) ? Number(num) : chineseNumber(num);
    const value = base === null ? null : base * times;
    const bound =
      post === '以上' || pre === '不少于' || pre === '不低于' || pre === '至少'
        ? 'atLeast'
        : post === '以内'
          ? 'atMost'
          : more || pre === '超过'
            ? 'moreThan'
            : undefined;
    return { value, unit: unitBase, raw, ...(placeholder ? { placeholder: true as const } : {}), ...(bound ? { bound } : {}) };
  }
  // "百万职工": a round Chinese number before a group of people.
  const group = /(百万|千万|十万|万)(职工|会员|农民工|劳动者|群众)/.exec(clause);
  if (group && ACTION.test(clause.slice(0, group.index + 2) + '实现'))
    return { value: chineseNumber(group[1]!) ?? (group[1] === '百万' ? 1_000_000 : null), unit: '人', raw: group[0] };
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Deadlines, campaigns, directives

const DEADLINE_RE =
  /(\d{4}年\d{1,2}月(?:\d{1,2}日)?(?:底)?(?:前|之前|以前)|\d{4}年(?:底|年底)(?:前)?|\d{4}年\d{1,2}月(?=完成|底)|今年(?:年)?底(?:前)?|年底前|年内|上半年|下半年|[一二三四1-4]季度(?:末|前)?|\d{1,2}月底?前|\d{1,2}月份?(?:内|底))/;

const CAMPAIGN_SUFFIX = '主题劳动和技能竞赛|劳动和技能竞赛|主题活动|系列活动|主题教育|行动|工程|品牌|计划|竞赛|活动|实事|工作室';
const QUOTED_CAMPAIGN = new RegExp(`“([^”]{2,40})”(${CAMPAIGN_SUFFIX})?`, 'g');
const UNQUOTED_CAMPAIGN = /实施([\u4e00-\u9fa5]{2,20}?(?:行动|工程|计划))/g;

function findCampaign(clause: string): string | undefined {
  QUOTED_CAMPAIGN.lastIndex = 0;
  for (let m = QUOTED_CAMPAIGN.exec(clause); m; m = QUOTED_CAMPAIGN.exec(clause)) {
    const [, name, suffix] = m as unknown as [string, string, string | undefined];
    // A slogan (“党有号召、工会有行动”, “建功‘十四五’、奋进新征程”) is not a campaign's name.
    if (/[、，,]/.test(name) && !suffix) continue;
    if (suffix) return `${name}${suffix}`;
    if (new RegExp(`(${CAMPAIGN_SUFFIX})$`).test(name)) return name;
  }
  UNQUOTED_CAMPAIGN.lastIndex = 0;
  const u = UNQUOTED_CAMPAIGN.exec(clause);
  return u ? u[1] : undefined;
}

/** Markers of something to be done (a directive), as the speeches phrase it. */
const IMPERATIVE =
  /(要|必须|务必|着力|坚持|推动|推进|加强|深化|扎实|持续|实施|开展|落实|完善|建立|健全|做好|抓好|办好|抓住|提升|打造|聚焦|强化|引导|确保|力争|全面|切实|积极|大力|广泛|不断)/;
/** Narrative about the past year, or about others' instructions: not a directive of this plan. */
const NARRATIVE = /^(一年来|去年|\d{4}年，|我们实施|在此|这些成绩|年初以来|\d{1,2}月\d{1,2}日，)/;

// ---------------------------------------------------------------------------------------------
// Modules and KPIs (the glossary's code names; docs/plans.md lists them)

const MODULE_KEYWORDS: [string, RegExp][] = [
  ['honor', /劳模|劳动模范|五一劳动奖章|工人先锋号|先进工作者|工匠|模范|表彰/],
  ['competition', /竞赛|比武|技能大赛|五赛一争/],
  ['studio', /创新工作室|工作室联盟/],
  ['training', /培训|技能提升|学历提升|持证|师带徒|技能人才|职业技能/],
  ['proposal', /合理化建议|五小|技术创新|群众性创新/],
  ['hardship', /困难职工|解困脱困|帮扶|救助|送温暖|返困|监测预警/],
  ['dispute', /劳动争议|劳动纠纷|调解|仲裁|维权|劳动关系/],
  ['legal_aid', /法律援助|法律服务|12351|普法/],
  ['wage_arrears', /欠薪|工资拖欠|根治欠薪/],
  ['member', /入会|建会|会员|会籍|新就业形态|八大群体|农民工|覆盖/],
  ['org', /基层工会|规范化建设|六有|组织建设|工会组织/],
  ['collective_contract', /集体协商|集体合同|工资协商|要约/],
  ['workers_congress', /职代会|职工代表大会|厂务公开|民主管理/],
  ['station', /驿站|服务站点|户外劳动者/],
  ['mutual_aid', /互助保障|互助/],
  ['benefit', /普惠|优惠/],
  ['event', /活动|联谊|疗休养|文体/],
  ['project', /实事/],
];

/** Live metrics a target or directive can be measured by (the plan's KPI catalogue). */
const KPI_RULES: { metric: string; zh: string; re: RegExp }[] = [
  { metric: 'member.gig_joined', zh: '新就业形态劳动者入会人数', re: /新就业形态|八大群体|快递|外卖|网约/ },
  { metric: 'member.coverage', zh: '会员覆盖（入会率）', re: /入会|建会|覆盖/ },
  { metric: 'join.answered_in_time', zh: '入会申请按期答复率', re: /入会申请|网上入会/ },
  { metric: 'hardship.exited', zh: '困难职工解困脱困户数', re: /解困脱困|脱困/ },
  { metric: 'warning.closed_on_time', zh: '监测预警按期处置率', re: /监测预警|返困/ },
  { metric: 'aid.paid', zh: '帮扶资金发放额', re: /帮扶|救助|送温暖|筹集资金/ },
  { metric: 'dispute.resolved', zh: '劳动争议调解成功数', re: /劳动争议|调解|维权/ },
  { metric: 'wage_arrears.recovered', zh: '追回欠薪金额', re: /欠薪/ },
  { metric: 'collective_contract.coverage', zh: '集体合同建制率', re: /集体协商|集体合同|工资协商/ },
  { metric: 'competition.participants', zh: '劳动和技能竞赛参与人数', re: /竞赛/ },
  { metric: 'training.certified', zh: '技能培训与持证人数', re: /培训|技能提升|持证/ },
  { metric: 'event.held', zh: '活动场次', re: /活动\d|场/ },
];

function classify(clause: string): { modules: string[]; triggers: Trigger[] } {
  const triggers: Trigger[] = [];
  for (const [module, re] of MODULE_KEYWORDS) {
    const m = re.exec(clause);
    if (m) triggers.push({ module, phrase: m[0] });
  }
  return { modules: [...new Set(triggers.map((t) => t.module))], triggers };
}

function kpiFor(clause: string): PlanItem['kpi'] {
  for (const k of KPI_RULES) {
    const m = k.re.exec(clause);
    if (m) return { metric: k.metric, phrase: m[0] };
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Structure

const SECTION_RE = /^([一二三四五六七八九十]+)、(.+)$/;
const POINT_RE = /^（([一二三四五六七八九十]+)）([^。！？]{1,60}?)(?:[。！？]|$)(.*)$/;
/** Enumeration markers: 一是… 二是…, 一要… 二要…, 一方面… 另一方面…, 第一，… 第二，… */
const ENUM_SPLIT = /(?=(?:[一二三四五六七八九十]+(?:是|要)|另一方面|第[一二三四五六七八九十]+，))/;

/** The clauses of a paragraph: sentences, then enumerations within them. */
export function clausesOf(paragraph: string): string[] {
  const sentences = paragraph
    .split(/(?<=[。！？；])/)
    .map((s) => s.trim())
    .filter(Boolean);
  const out: string[] = [];
  for (const s of sentences) {
    const parts = s
      .split(ENUM_SPLIT)
      .map((p) => p.trim())
      .filter((p) => p.length > 1);
    out.push(...(parts.length > 1 ? parts : [s]));
  }
  return out;
}

function itemOf(clause: string, point?: string): PlanItem | null {
  const text = clause.replace(/^[，、；。\s]+|[，、；\s]+$/g, '');
  if (text.length < 6 || NARRATIVE.test(text)) return null;
  const name = findCampaign(text);
  const quantity = parseQuantity(text);
  const deadline = DEADLINE_RE.exec(text)?.[0];
  const directive = IMPERATIVE.test(text);
  if (!name && !quantity && !directive && !deadline) return null;
  const { modules, triggers } = classify(text);
  if (name && /实事/.test(name) && !modules.includes('project')) modules.push('project');
  const kind: ItemKind = name ? 'campaign' : quantity ? 'target' : 'directive';
  const kpi = kind !== 'directive' || modules.length ? kpiFor(text) : undefined;
  return {
    text,
    kind,
    modules,
    triggers,
    ...(quantity ? { quantity } : {}),
    ...(deadline ? { deadline } : {}),
    ...(name ? { name } : {}),
    ...(kpi ? { kpi } : {}),
    ...(point ? { point } : {}),
  };
}

/** Read a speech or report; sections are its top-level numbered parts (the preamble is the year's review, not the plan). */
export function extractPlan(text: string): ExtractedPlan {
  const lines = text
    .replace(/\r\n?/g, '\n')
    .replace(/\u3000/g, ' ')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  // The title is the first line when it is one (not a salutation such as "同志们：").
  const title = lines[0] && !SECTION_RE.test(lines[0]) && lines[0].length <= 60 && !/[：:]$/.test(lines[0]) ? lines[0] : null;
  const sections: PlanSection[] = [];
  let current: PlanSection | null = null;
  let point: string | undefined;
  for (const line of lines) {
    const s = SECTION_RE.exec(line);
    if (s && line.length <= 80) {
      current = { no: s[1]!, heading: s[2]!.replace(/[。：:]$/, ''), items: [] };
      sections.push(current);
      point = undefined;
      continue;
    }
    if (!current) continue;
    const p = POINT_RE.exec(line);
    let body = line;
    if (p) {
      point = `（${p[1]}）${p[2]}`;
      body = p[3] ?? '';
      const head = itemOf(p[2]!, point);
      if (head && (head.kind !== 'directive' || head.modules.length)) current.items.push(head);
    }
    for (const c of clausesOf(body)) {
      const it = itemOf(c, point);
      if (it) current.items.push(it);
    }
  }
  return { title, sections };
}

/** The plan as the command line prints it with --json (docs/plans.md). */
export function planJson(p: ExtractedPlan) {
  return {
    sections: p.sections.map((s) => ({
      no: s.no,
      heading: s.heading,
      items: s.items.map((i) => ({
        text: i.text,
        kind: i.kind,
        modules: i.modules,
        ...(i.quantity ? { quantity: { value: i.quantity.value, unit: i.quantity.unit } } : {}),
        ...(i.deadline ? { deadline: i.deadline } : {}),
      })),
    })),
  };
}
