/**
 * Vocabulary of collective bargaining, contracts and workers' congresses (docs/contracts.md), with
 * the bargaining workflow declared as data (common/src/workflow.ts): the server enforces it, the
 * web draws it.
 */
import { machine } from './workflow.js';

/**
 * The grassroots unions that count as unionised employers for the coverage rate (建制率): an
 * enterprise's union and a joint union of small enterprises (集体合同规定 Art. 2 applies to
 * enterprises). Regional and sector federations run regional and sector contracts but are not
 * employers; public institutions hold congresses but sign no collective contract here.
 */
export const CONTRACT_EMPLOYER_KINDS = ['enterprise', 'joint'] as const;

export const BARGAINING_SCOPES = ['single', 'regional', 'sector'] as const;
export const BARGAINING_SCOPE_LABELS = {
  single: { zh: '单个企业', en: 'One employer' },
  regional: { zh: '区域性', en: 'Regional' },
  sector: { zh: '行业性', en: 'Sector' },
} as const;

/** Contract kinds: the general contract and the special ones (专项集体合同). */
export const CONTRACT_KINDS = ['general', 'wage', 'women', 'safety'] as const;
export const CONTRACT_KIND_LABELS = {
  general: { zh: '综合集体合同', en: 'General collective contract' },
  wage: { zh: '工资专项集体合同', en: 'Wage agreement' },
  women: { zh: '女职工权益保护专项集体合同', en: 'Women workers’ special contract' },
  safety: { zh: '劳动安全卫生专项集体合同', en: 'Safety and health contract' },
} as const;

/** Chapters of the clause library (集体合同条款). */
export const CLAUSE_CATEGORIES = ['wages', 'hours', 'safety', 'women', 'training', 'welfare', 'insurance', 'other'] as const;
export const CLAUSE_CATEGORY_LABELS = {
  wages: { zh: '劳动报酬与年度工资调整', en: 'Pay and the yearly wage adjustment' },
  hours: { zh: '工作时间与休息休假', en: 'Hours and rest' },
  safety: { zh: '劳动安全卫生', en: 'Safety and health' },
  women: { zh: '女职工特殊保护', en: 'Women workers’ special protection' },
  training: { zh: '职业技能培训', en: 'Training' },
  welfare: { zh: '保险福利', en: 'Welfare' },
  insurance: { zh: '补充保险', en: 'Supplementary insurance' },
  other: { zh: '其他', en: 'Other' },
} as const;

export const BARGAINING_STATUSES = ['requested', 'negotiating', 'draft', 'adopted', 'signed', 'filed', 'effective', 'objected', 'refused', 'expired'] as const;
export type BargainingStatus = (typeof BARGAINING_STATUSES)[number];

/**
 * The bargaining workflow (集体合同规定): request → answer (within 20 days) → rounds → draft →
 * adoption by the congress or assembly → both chiefs sign → filing (within 10 days) → in force when
 * no objection comes within 15 days; an objection sends it back to bargaining.
 */
export const BARGAINING_MACHINE = machine({
  entity: 'bargaining',
  states: {
    requested: { zh: '已发出要约', en: 'Request sent', color: 'blue' },
    negotiating: { zh: '协商中', en: 'Negotiating', color: 'processing' },
    draft: { zh: '草案形成', en: 'Draft ready', color: 'cyan' },
    adopted: { zh: '职代会通过', en: 'Adopted', color: 'geekblue' },
    signed: { zh: '已签字', en: 'Signed', color: 'purple' },
    filed: { zh: '已报送审查', en: 'Filed for review', color: 'gold' },
    effective: { zh: '已生效', en: 'In force', color: 'green' },
    objected: { zh: '审查有异议', en: 'Objection raised', color: 'orange' },
    refused: { zh: '对方拒绝协商', en: 'Refused', color: 'red', final: true },
    expired: { zh: '已到期', en: 'Expired', color: 'default', final: true },
  },
  path: ['requested', 'negotiating', 'draft', 'adopted', 'signed', 'filed', 'effective'],
  transitions: {
    answer: {
      zh: '登记书面回应',
      en: 'Record the answer',
      from: ['requested'],
      to: ['negotiating', 'refused'],
      permission: 'contract.write',
      requires: ['answer', 'answeredOn'],
      audit: 'contract.answer',
      ends: ['answerDue'],
    },
    draft: {
      zh: '形成合同草案',
      en: 'Draft the contract',
      from: ['negotiating', 'objected', 'draft'],
      to: ['draft'],
      permission: 'contract.write',
      audit: 'contract.draft',
    },
    vote: {
      zh: '登记职代会表决',
      en: 'Record the vote',
      from: ['draft'],
      to: ['adopted'],
      permission: 'contract.write',
      requires: ['heldOn'],
      audit: 'contract.vote',
    },
    sign: {
      zh: '双方首席代表签字',
      en: 'Both chiefs sign',
      from: ['adopted'],
      to: ['signed'],
      permission: 'contract.write',
      requires: ['signedOn'],
      audit: 'contract.sign',
      starts: { field: 'filingDue', rule: { n: 10, unit: 'calendar_days' } },
    },
    file: {
      zh: '报送劳动行政部门',
      en: 'File with the labour administration',
      from: ['signed'],
      to: ['filed'],
      permission: 'contract.write',
      requires: ['filedOn'],
      audit: 'contract.file',
      ends: ['filingDue'],
      starts: { field: 'reviewDue', rule: { n: 15, unit: 'calendar_days' } },
    },
    object: {
      zh: '登记审查异议',
      en: 'Record an objection',
      from: ['filed'],
      to: ['objected'],
      permission: 'contract.write',
      requires: ['objection'],
      audit: 'contract.object',
      ends: ['reviewDue'],
      danger: true,
      confirm: true,
    },
    takeEffect: {
      zh: '确认生效',
      en: 'In force',
      from: ['filed'],
      to: ['effective'],
      permission: 'contract.write',
      audit: 'contract.effective',
      ends: ['reviewDue'],
    },
    expire: { zh: '期满终止', en: 'Expire', from: ['effective'], to: ['expired'], permission: 'contract.write', audit: 'contract.expire' },
  },
});

export const CONGRESS_FORMS = ['congress', 'assembly'] as const;
export const CONGRESS_FORM_LABELS = {
  congress: { zh: '职工代表大会', en: 'Workers’ congress' },
  assembly: { zh: '职工大会', en: 'All-worker assembly' },
} as const;

export const AGENDA_KINDS = ['collective_contract', 'wage_plan', 'welfare', 'rules', 'report', 'other'] as const;
export const AGENDA_KIND_LABELS = {
  collective_contract: { zh: '集体合同草案', en: 'Collective contract draft' },
  wage_plan: { zh: '工资调整方案', en: 'Wage plan' },
  welfare: { zh: '福利方案', en: 'Welfare' },
  rules: { zh: '规章制度', en: 'Rules' },
  report: { zh: '工作报告', en: 'Report' },
  other: { zh: '其他事项', en: 'Other' },
} as const;

export const PROPOSAL_STATUSES = ['registered', 'assigned', 'answered', 'closed', 'rejected'] as const;
export const PROPOSAL_STATUS_LABELS = {
  registered: { zh: '已登记', en: 'Registered', color: 'blue' },
  assigned: { zh: '已交办', en: 'Assigned', color: 'processing' },
  answered: { zh: '已答复', en: 'Answered', color: 'cyan' },
  closed: { zh: '已办结', en: 'Closed', color: 'green' },
  rejected: { zh: '不予立案', en: 'Not taken', color: 'default' },
} as const;

export const DISCLOSURE_CHANNELS = ['board', 'meeting', 'intranet', 'app', 'other'] as const;
export const DISCLOSURE_CHANNEL_LABELS = {
  board: { zh: '厂务公开栏', en: 'Notice board' },
  meeting: { zh: '职工代表大会', en: 'Congress' },
  intranet: { zh: '内网', en: 'Intranet' },
  app: { zh: '移动端', en: 'App' },
  other: { zh: '其他', en: 'Other' },
} as const;

/**
 * Delegates of a workers' congress by where they work (企业民主管理规定 Art. 13: front-line workers,
 * technical staff, managers …): front-line at least half, managers (middle and senior) at most a fifth.
 */
export const DELEGATE_CATEGORIES = ['front_line', 'manager', 'technical', 'other'] as const;
export const DELEGATE_CATEGORY_LABELS = {
  front_line: { zh: '一线职工', en: 'Front-line worker', color: 'green' },
  manager: { zh: '中层以上管理人员', en: 'Manager', color: 'orange' },
  technical: { zh: '专业技术人员', en: 'Technical staff', color: 'blue' },
  other: { zh: '其他', en: 'Other', color: 'default' },
} as const;
export const DELEGATE_GENDERS = ['female', 'male'] as const;
export const DELEGATE_GENDER_LABELS = { female: { zh: '女', en: 'Female' }, male: { zh: '男', en: 'Male' } } as const;

/** How the delegates of a term were elected: directly by the workers of each constituency, or by sub-unit congresses. */
export const ELECTION_METHODS = ['direct', 'indirect'] as const;
export const ELECTION_METHOD_LABELS = {
  direct: { zh: '以班组、车间、科室为选区直接选举', en: 'Direct, by constituency' },
  indirect: { zh: '由分厂（子单位）职代会间接选举', en: 'Indirect, by sub-unit congresses' },
} as const;
