/** Collective bargaining and contracts, workers' congresses and open management (docs/contracts.md). */
import { z } from 'zod';
import {
  AGENDA_KINDS,
  BARGAINING_SCOPES,
  BARGAINING_STATUSES,
  CLAUSE_CATEGORIES,
  CONTRACT_KINDS,
  DELEGATE_CATEGORIES,
  DELEGATE_GENDERS,
  DISCLOSURE_CHANNELS,
  ELECTION_METHODS,
  PROPOSAL_STATUSES,
} from '../contract-vocab.js';
import {
  cappedPageOf,
  endpoints,
  FileBody as FileResponse,
  flag,
  HistoryEntrySchema,
  IdParams,
  isoDate,
  optionalText,
  order,
  PageQuery,
  requiredText,
  version,
} from './kit.js';

const count = (max = 1_000_000) =>
  z
    .number({ error: '应为整数 / must be a whole number' })
    .int('应为整数 / must be a whole number')
    .min(0, '不能为负数 / cannot be negative')
    .max(max, '数值过大 / too large');

export const ClauseSchema = z.strictObject({
  category: z.enum(CLAUSE_CATEGORIES, { error: '条款类别不正确 / unknown clause category' }),
  title: requiredText(60, '请填写条款标题', 'the clause needs a title'),
  text: requiredText(4000, '请填写条款内容', 'the clause needs its text'),
});

export const NegotiatorInput = z.strictObject({
  side: z.enum(['union', 'employer'], { error: '应为职工方或企业方 / union or employer side' }),
  name: requiredText(40, '请填写协商代表姓名', 'the negotiator’s name is required'),
  chief: z.boolean().default(false),
  chosenBy: optionalText(60),
});

export const BargainingCreateBody = z.strictObject({
  orgId: z.uuid('请选择发起的工会 / choose the union'),
  scope: z.enum(BARGAINING_SCOPES, { error: '协商范围不正确 / unknown scope' }),
  kind: z.enum(CONTRACT_KINDS, { error: '合同类型不正确 / unknown contract kind' }),
  title: requiredText(100, '请填写协商事项名称', 'the title is required'),
  initiatedBy: z.enum(['union', 'employer'], { error: '要约方应为工会或企业 / union or employer' }),
  requestOn: isoDate,
  /** The employers covered: their grassroots unions (one for a single contract). */
  partyOrgIds: z.array(z.uuid()).min(1, '请选择覆盖的单位 / choose the employers covered').max(500),
  negotiators: z.array(NegotiatorInput).max(40).default([]),
  /** The text it renews (a new round from the old contract). */
  renewsId: z.uuid().optional(),
});

export const AnswerBody = z.strictObject({
  answeredOn: isoDate,
  answer: requiredText(2000, '请填写对方的书面回应', 'record the written answer'),
  /** The other side agreed to bargain, or refused. */
  agreed: z.boolean(),
  version,
});
export const RoundBody = z.strictObject({
  heldOn: isoDate,
  minutes: requiredText(4000, '请填写协商纪要', 'the minutes are required'),
  agreed: optionalText(2000),
  open: optionalText(2000),
});
export const NegotiatorsBody = z.strictObject({ negotiators: z.array(NegotiatorInput).min(2).max(40), version });
export const VacateBody = z.strictObject({ negotiatorId: z.uuid(), vacatedOn: isoDate, version });
export const DraftBody = z.strictObject({
  clauses: z.array(ClauseSchema).min(1, '草案至少一条 / at least one clause').max(200),
  termYears: z.number().int().min(1).max(10),
  version,
});
export const VoteBody = z
  .strictObject({
    body: z.enum(['congress', 'assembly']),
    heldOn: isoDate,
    delegates: count(100_000).refine((n) => n > 0, '代表人数须大于0 / delegates must be more than 0'),
    present: count(100_000),
    for: count(100_000),
    against: count(100_000),
    abstain: count(100_000),
    version,
  })
  .superRefine((v, ctx) => {
    if (v.present > v.delegates) ctx.addIssue({ code: 'custom', path: ['present'], message: '到会人数不能超过代表总数 / more present than delegates' });
    if (v.for + v.against + v.abstain > v.present)
      ctx.addIssue({ code: 'custom', path: ['for'], message: '表决票数不能超过到会人数 / more votes than present' });
  });
export const SignBody = z.strictObject({ signedOn: isoDate, unionChief: requiredText(40), employerChief: requiredText(40), version });
export const FileBody = z.strictObject({ filedOn: isoDate, authority: requiredText(100, '请填写受理的劳动行政部门', 'the labour administration'), version });
export const ObjectBody = z.strictObject({ objection: requiredText(2000, '请填写审查意见', 'record the objection'), version });
export const EffectBody = z.strictObject({ version });
export const PublishBody = z.strictObject({ publishedOn: isoDate, publishedVia: requiredText(100, '请填写公布方式', 'how it was published'), version });

export const ContractListQuery = z.strictObject({
  ...PageQuery,
  q: z.string().trim().max(40).optional(),
  status: z.enum(BARGAINING_STATUSES).optional(),
  kind: z.enum(CONTRACT_KINDS).optional(),
  scope: z.enum(BARGAINING_SCOPES).optional(),
  under: z.uuid().optional(),
  /** In force and expiring within 90 days (renewal may start in the last 3 months). */
  expiring: flag,
  /** A statutory clock (answer, filing, review) past its date. */
  overdue: flag,
  sort: z.enum(['requestOn', 'expiresOn', 'title']).default('requestOn'),
  order: order('desc'),
});

const ProblemSchema = z.object({ code: z.string(), zh: z.string(), en: z.string(), needed: z.number(), have: z.number(), off: z.number() });
const Clock = z.object({ field: z.string(), due: z.string(), unit: z.enum(['working_days', 'calendar_days']), overdue: z.boolean(), provisional: z.boolean() });
export const ContractItem = z.object({
  id: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  title: z.string(),
  scope: z.string(),
  kind: z.string(),
  status: z.string(),
  requestOn: z.string(),
  effectiveOn: z.string().nullable(),
  expiresOn: z.string().nullable(),
  parties: z.number(),
  workers: z.number(),
  clock: Clock.nullable(),
  /** In force and ending within the renewal window (the last 3 months, `BARGAINING_RULE.renewalMonths`): shown as a tag. */
  expiring: z.boolean(),
  version: z.number(),
});
export const ContractDetail = ContractItem.extend({
  initiatedBy: z.string(),
  answerDue: z.string().nullable(),
  answeredOn: z.string().nullable(),
  answer: z.string().nullable(),
  draft: z.array(z.object({ category: z.string(), title: z.string(), text: z.string() })),
  termYears: z.number().nullable(),
  signedOn: z.string().nullable(),
  filingDue: z.string().nullable(),
  filedOn: z.string().nullable(),
  reviewDue: z.string().nullable(),
  filedWith: z.string().nullable(),
  objection: z.string().nullable(),
  publishedOn: z.string().nullable(),
  publishedVia: z.string().nullable(),
  renewsId: z.string().nullable(),
  /** The contract that renews this one, when a renewal has started. */
  renewedById: z.string().nullable(),
  /** The renewal window (the last months of the term) and whether it is open today. */
  renewal: z.object({ opensOn: z.string(), open: z.boolean() }).nullable(),
  /** The body that votes on the draft (职代会, or the all-worker assembly below 100 workers) and its minimum of delegates. */
  votingBody: z.object({ form: z.enum(['congress', 'assembly']), minDelegates: z.number().nullable(), delegates: z.number().nullable() }),
  /** What the negotiators lack against the rule (equal numbers, 3–10 a side, one chief each). */
  negotiatorProblems: z.array(ProblemSchema),
  vote: z
    .object({ body: z.string(), delegates: z.number(), present: z.number(), for: z.number(), against: z.number(), abstain: z.number(), heldOn: z.string() })
    .nullable(),
  partyList: z.array(z.object({ orgId: z.string(), name: z.string(), workforce: z.number() })),
  negotiators: z.array(
    z.object({
      id: z.string(),
      side: z.string(),
      name: z.string(),
      chief: z.boolean(),
      chosenBy: z.string().nullable(),
      vacatedOn: z.string().nullable(),
      fillDue: z.string().nullable(),
    }),
  ),
  rounds: z.array(
    z.object({ id: z.string(), no: z.number(), heldOn: z.string(), minutes: z.string(), agreed: z.string().nullable(), open: z.string().nullable() }),
  ),
  /** The workflow steps the caller may take now (common/src/contract-vocab.ts BARGAINING_MACHINE). */
  actions: z.array(z.string()),
  can: z.object({ edit: z.boolean(), publish: z.boolean(), renew: z.boolean() }),
});

export const CoverageQuery = z.strictObject({ under: z.uuid().optional() });
export const CoverageRow = z.object({
  orgId: z.string(),
  name: z.string(),
  employers: z.number(),
  covered: z.number(),
  rate: z.number().nullable(),
  workers: z.number(),
  workersCovered: z.number(),
  expiring: z.number(),
});
export const Coverage = z.object({ total: CoverageRow, children: z.array(CoverageRow) });

export const CongressBody = z
  .strictObject({
    orgId: z.uuid('请选择单位工会 / choose the employer’s union'),
    workforce: count(),
    womenInWorkforce: count(),
    termYears: z.number().int().min(1).max(10),
    termStart: isoDate,
    electedOn: isoDate.optional(),
    delegates: count(100_000),
    frontLine: count(100_000),
    managers: count(100_000),
    women: count(100_000),
    version: version.optional(),
  })
  .superRefine((v, ctx) => {
    if (v.womenInWorkforce > v.workforce)
      ctx.addIssue({ code: 'custom', path: ['womenInWorkforce'], message: '女职工人数不能超过职工总数 / more women than workers' });
    for (const k of ['frontLine', 'managers', 'women'] as const)
      if (v[k] > v.delegates) ctx.addIssue({ code: 'custom', path: [k], message: '不能超过代表总数 / more than the delegates' });
  });
export const SessionBody = z.strictObject({
  heldOn: isoDate,
  present: count(100_000),
  items: z
    .array(z.strictObject({ kind: z.enum(AGENDA_KINDS), title: requiredText(100), for: count(100_000), against: count(100_000), abstain: count(100_000) }))
    .min(1)
    .max(30),
  resolutions: optionalText(4000),
});
export const CongressItem = z.object({
  id: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  workforce: z.number(),
  form: z.string(),
  minDelegates: z.number().nullable(),
  delegates: z.number(),
  termYears: z.number(),
  termStart: z.string(),
  termEnd: z.string(),
  lastSessionOn: z.string().nullable(),
  heldThisYear: z.boolean(),
  problems: z.array(ProblemSchema),
  version: z.number(),
});
export const CongressDetail = CongressItem.extend({
  womenInWorkforce: z.number(),
  frontLine: z.number(),
  managers: z.number(),
  women: z.number(),
  sessions: z.array(
    z.object({
      id: z.string(),
      heldOn: z.string(),
      delegates: z.number(),
      present: z.number(),
      items: z.array(z.object({ kind: z.string(), title: z.string(), for: z.number(), against: z.number(), abstain: z.number(), passed: z.boolean() })),
      resolutions: z.string().nullable(),
    }),
  ),
});
export const CongressListQuery = z.strictObject({
  ...PageQuery,
  q: z.string().trim().max(40).optional(),
  under: z.uuid().optional(),
  notHeld: flag,
  sort: z.enum(['orgName', 'lastSessionOn']).default('orgName'),
  order: order('asc'),
});

/** An election of a congress's delegates (换届选举): the record and the roster of the new term. */
export const DelegateInput = z.strictObject({
  name: requiredText(40, '请填写代表姓名', 'the delegate’s name is required'),
  memberId: z.uuid().optional(),
  category: z.enum(DELEGATE_CATEGORIES, { error: '请选择代表类别 / choose the category' }),
  gender: z.enum(DELEGATE_GENDERS, { error: '请选择性别 / choose the gender' }),
  department: optionalText(60),
});
export const ElectionBody = z
  .strictObject({
    termYears: z.number().int().min(1).max(10),
    termStart: isoDate,
    electedOn: isoDate,
    method: z.enum(ELECTION_METHODS),
    workforce: count().optional(),
    womenInWorkforce: count().optional(),
    electorate: count(),
    voted: count(),
    delegates: z.array(DelegateInput).min(1, '请填写当选代表 / list the delegates elected').max(2000),
    notes: optionalText(2000),
    version,
  })
  .superRefine((v, ctx) => {
    if (v.voted > v.electorate)
      ctx.addIssue({ code: 'custom', path: ['voted'], message: '参加投票人数不能超过有选举权的职工人数 / more voters than the electorate' });
    if (v.electedOn > v.termStart) ctx.addIssue({ code: 'custom', path: ['termStart'], message: '任期应在选举之后开始 / the term starts after the election' });
    const seen = new Set<string>();
    v.delegates.forEach((d, i) => {
      if (d.memberId && seen.has(d.memberId))
        ctx.addIssue({ code: 'custom', path: ['delegates', i, 'memberId'], message: '同一会员不能重复当选 / the same member twice' });
      if (d.memberId) seen.add(d.memberId);
    });
  });
export const ElectionRecord = z.object({
  id: z.string(),
  no: z.number(),
  termYears: z.number(),
  termStart: z.string(),
  termEnd: z.string(),
  electedOn: z.string(),
  method: z.string(),
  workforce: z.number(),
  womenInWorkforce: z.number(),
  electorate: z.number(),
  voted: z.number(),
  delegates: z.number(),
  frontLine: z.number(),
  managers: z.number(),
  technical: z.number(),
  women: z.number(),
  notes: z.string().nullable(),
  current: z.boolean(),
});
export const DelegateItem = z.object({
  id: z.string(),
  termId: z.string(),
  name: z.string(),
  memberId: z.string().nullable(),
  /** The linked member's card number (never the ID number). */
  memberCardNo: z.string().nullable(),
  category: z.string(),
  gender: z.string(),
  department: z.string().nullable(),
});
export const Roster = z.object({
  congressId: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  form: z.string(),
  minDelegates: z.number().nullable(),
  /** The current term's election, or null before the first one recorded. */
  current: ElectionRecord.nullable(),
  terms: z.array(ElectionRecord),
  delegates: z.array(DelegateItem),
  problems: z.array(ProblemSchema),
  version: z.number(),
});
export type RosterT = z.infer<typeof Roster>;

export const ProposalBody = z.strictObject({ title: requiredText(100), delegate: requiredText(40), content: requiredText(4000), registeredOn: isoDate });
export const ProposalActBody = z.discriminatedUnion('action', [
  z.strictObject({ action: z.literal('assign'), department: requiredText(60, '请填写承办部门', 'the department is required'), answerDue: isoDate, version }),
  z.strictObject({ action: z.literal('answer'), answer: requiredText(4000, '请填写答复内容', 'the answer is required'), answeredOn: isoDate, version }),
  z.strictObject({ action: z.literal('close'), version }),
  z.strictObject({ action: z.literal('reject'), answer: requiredText(2000, '请说明不予立案的理由', 'give the reason'), version }),
]);
export const ProposalItem = z.object({
  id: z.string(),
  congressId: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  no: z.string(),
  title: z.string(),
  delegate: z.string(),
  content: z.string(),
  department: z.string().nullable(),
  status: z.string(),
  answerDue: z.string().nullable(),
  overdue: z.boolean(),
  answer: z.string().nullable(),
  answeredOn: z.string().nullable(),
  registeredOn: z.string(),
  version: z.number(),
});
export const ProposalListQuery = z.strictObject({
  ...PageQuery,
  status: z.enum(PROPOSAL_STATUSES).optional(),
  under: z.uuid().optional(),
  congressId: z.uuid().optional(),
  overdue: flag,
  q: z.string().trim().max(40).optional(),
  sort: z.enum(['registeredOn', 'answerDue']).default('registeredOn'),
  order: order('desc'),
});

export const DisclosureBody = z.strictObject({
  orgId: z.uuid(),
  disclosedOn: isoDate,
  channel: z.enum(DISCLOSURE_CHANNELS),
  subject: requiredText(100),
  content: requiredText(4000),
  feedback: optionalText(2000),
});
export const DisclosureItem = z.object({
  id: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  disclosedOn: z.string(),
  channel: z.string(),
  subject: z.string(),
  content: z.string(),
  feedback: z.string().nullable(),
});
export const DisclosureListQuery = z.strictObject({
  ...PageQuery,
  under: z.uuid().optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  sort: z.enum(['disclosedOn']).default('disclosedOn'),
  order: order('desc'),
});
export const MissingDisclosureQuery = z.strictObject({
  ...PageQuery,
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  under: z.uuid().optional(),
});
export const MissingDisclosure = z.object({ orgId: z.string(), name: z.string(), employerName: z.string().nullable(), employeeCount: z.number().nullable() });

export const ContractFigures = z.object({
  coverage: Coverage,
  byStatus: z.array(z.object({ key: z.string(), n: z.number() })),
  expiringIn90: z.number(),
  expired: z.number(),
  overdueClocks: z.number(),
  congresses: z.object({ total: z.number(), heldThisYear: z.number(), notHeld: z.number() }),
  proposals: z.object({ open: z.number(), overdue: z.number(), closed: z.number() }),
});

const C = '集体合同 contract';
export const contractApi = endpoints(C, {
  list: {
    method: 'GET',
    path: '/api/contracts',
    access: 'contract.read',
    summary: '集体协商与集体合同（管辖范围内）/ bargaining and contracts in scope',
    query: ContractListQuery,
    response: cappedPageOf(ContractItem),
  },
  coverage: {
    method: 'GET',
    path: '/api/contracts/coverage',
    access: 'contract.read',
    summary: '集体合同建制率与覆盖职工（可逐级下钻）/ contract coverage, drillable',
    query: CoverageQuery,
    response: Coverage,
  },
  ledger: {
    method: 'GET',
    path: '/api/contracts/ledger',
    access: 'contract.read',
    summary: '集体合同台账（xlsx，按列表筛选条件）/ the contract ledger as xlsx, with the list’s filters',
    query: ContractListQuery,
    response: FileResponse('xlsx'),
    file: true,
  },
  coverageSheet: {
    method: 'GET',
    path: '/api/contracts/coverage/xlsx',
    access: 'contract.read',
    summary: '建制率与覆盖表（xlsx）/ the coverage table as xlsx',
    query: CoverageQuery,
    response: FileResponse('xlsx'),
    file: true,
  },
  get: {
    method: 'GET',
    path: '/api/contracts/:id',
    access: 'contract.read',
    summary: '协商与合同详情 / one bargaining and its contract',
    params: IdParams,
    response: ContractDetail,
  },
  history: {
    method: 'GET',
    path: '/api/contracts/:id/history',
    access: 'contract.read',
    summary: '变更记录 / history',
    params: IdParams,
    response: z.array(HistoryEntrySchema),
  },
  create: {
    method: 'POST',
    path: '/api/contracts',
    access: 'contract.write',
    summary: '发出集体协商要约（20日内应书面回应）/ send a bargaining request',
    body: BargainingCreateBody,
    response: ContractDetail,
    status: 201,
  },
  answer: {
    method: 'POST',
    path: '/api/contracts/:id/answer',
    access: 'contract.write',
    summary: '登记对方书面回应 / record the answer',
    params: IdParams,
    body: AnswerBody,
    response: ContractDetail,
  },
  negotiators: {
    method: 'PUT',
    path: '/api/contracts/:id/negotiators',
    access: 'contract.write',
    summary: '协商代表（双方人数对等，各一名首席）/ the negotiators',
    params: IdParams,
    body: NegotiatorsBody,
    response: ContractDetail,
  },
  vacate: {
    method: 'POST',
    path: '/api/contracts/:id/vacate',
    access: 'contract.write',
    summary: '协商代表出缺（15日内补齐）/ a seat falls vacant',
    params: IdParams,
    body: VacateBody,
    response: ContractDetail,
  },
  round: {
    method: 'POST',
    path: '/api/contracts/:id/rounds',
    access: 'contract.write',
    summary: '登记一轮协商 / record a round',
    params: IdParams,
    body: RoundBody,
    response: ContractDetail,
  },
  draft: {
    method: 'POST',
    path: '/api/contracts/:id/draft',
    access: 'contract.write',
    summary: '形成合同草案 / the draft',
    params: IdParams,
    body: DraftBody,
    response: ContractDetail,
  },
  vote: {
    method: 'POST',
    path: '/api/contracts/:id/vote',
    access: 'contract.write',
    summary: '职代会或职工大会表决（三分之二到会、全体代表过半数同意）/ the vote',
    params: IdParams,
    body: VoteBody,
    response: ContractDetail,
  },
  sign: {
    method: 'POST',
    path: '/api/contracts/:id/sign',
    access: 'contract.write',
    summary: '双方首席代表签字 / signing',
    params: IdParams,
    body: SignBody,
    response: ContractDetail,
  },
  file: {
    method: 'POST',
    path: '/api/contracts/:id/file',
    access: 'contract.write',
    summary: '报送劳动行政部门审查（签字后10日内）/ filing',
    params: IdParams,
    body: FileBody,
    response: ContractDetail,
  },
  object: {
    method: 'POST',
    path: '/api/contracts/:id/object',
    access: 'contract.write',
    summary: '登记审查异议（退回重新协商）/ an objection',
    params: IdParams,
    body: ObjectBody,
    response: ContractDetail,
  },
  takeEffect: {
    method: 'POST',
    path: '/api/contracts/:id/take-effect',
    access: 'contract.write',
    summary: '15日内无异议，合同生效 / in force',
    params: IdParams,
    body: EffectBody,
    response: ContractDetail,
  },
  publish: {
    method: 'POST',
    path: '/api/contracts/:id/publish',
    access: 'contract.write',
    summary: '向职工公布 / published to the workers',
    params: IdParams,
    body: PublishBody,
    response: ContractDetail,
  },
  expire: {
    method: 'POST',
    path: '/api/contracts/:id/expire',
    access: 'contract.write',
    summary: '期满终止 / the term ended',
    params: IdParams,
    body: EffectBody,
    response: ContractDetail,
  },
  figures: {
    method: 'GET',
    path: '/api/dashboard/contracts',
    access: 'dashboard.read',
    summary: '集体合同与民主管理概况 / figures in scope',
    response: ContractFigures,
  },
  renew: {
    method: 'POST',
    path: '/api/contracts/:id/renew',
    access: 'contract.write',
    summary: '续订：以原合同文本开始新一轮协商 / renew from the old text',
    params: IdParams,
    body: EffectBody,
    response: ContractDetail,
    status: 201,
  },
});

export const congressApi = endpoints('职代会 workers_congress', {
  list: {
    method: 'GET',
    path: '/api/congresses',
    access: 'contract.read',
    summary: '职工代表大会（管辖范围内）/ congresses in scope',
    query: CongressListQuery,
    response: cappedPageOf(CongressItem),
  },
  get: {
    method: 'GET',
    path: '/api/congresses/:id',
    access: 'contract.read',
    summary: '职代会详情 / one congress',
    params: IdParams,
    response: CongressDetail,
  },
  history: {
    method: 'GET',
    path: '/api/congresses/:id/history',
    access: 'contract.read',
    summary: '变更记录 / history',
    params: IdParams,
    response: z.array(HistoryEntrySchema),
  },
  save: {
    method: 'POST',
    path: '/api/congresses',
    access: 'contract.write',
    summary: '登记或换届职代会（代表名额与构成校验）/ register or re-elect',
    body: CongressBody,
    response: CongressDetail,
  },
  session: {
    method: 'POST',
    path: '/api/congresses/:id/sessions',
    access: 'contract.write',
    summary: '登记会议与逐项表决 / a session and its votes',
    params: IdParams,
    body: SessionBody,
    response: CongressDetail,
    status: 201,
  },
  roster: {
    method: 'GET',
    path: '/api/congresses/:id/roster',
    access: 'contract.read',
    summary: '代表名册与历届选举 / delegates and election records',
    params: IdParams,
    response: Roster,
  },
  elect: {
    method: 'POST',
    path: '/api/congresses/:id/elections',
    access: 'contract.write',
    summary: '登记换届选举与代表名册（名额与构成校验）/ record an election and its delegates',
    params: IdParams,
    body: ElectionBody,
    response: Roster,
    status: 201,
  },
  addProposal: {
    method: 'POST',
    path: '/api/congresses/:id/proposals',
    access: 'contract.write',
    summary: '登记代表提案 / register a proposal',
    params: IdParams,
    body: ProposalBody,
    response: ProposalItem,
    status: 201,
  },
  proposals: {
    method: 'GET',
    path: '/api/congress-proposals',
    access: 'contract.read',
    summary: '代表提案（管辖范围内）/ proposals in scope',
    query: ProposalListQuery,
    response: cappedPageOf(ProposalItem),
  },
  actOnProposal: {
    method: 'POST',
    path: '/api/congress-proposals/:id/act',
    access: 'contract.write',
    summary: '交办、答复、办结或不予立案 / assign, answer, close or reject',
    params: IdParams,
    body: ProposalActBody,
    response: ProposalItem,
  },
  disclosures: {
    method: 'GET',
    path: '/api/disclosures',
    access: 'contract.read',
    summary: '厂务公开记录 / disclosures',
    query: DisclosureListQuery,
    response: cappedPageOf(DisclosureItem),
  },
  addDisclosure: {
    method: 'POST',
    path: '/api/disclosures',
    access: 'contract.write',
    summary: '登记厂务公开 / record a disclosure',
    body: DisclosureBody,
    response: DisclosureItem,
    status: 201,
  },
  missingDisclosures: {
    method: 'GET',
    path: '/api/disclosures/missing',
    access: 'contract.read',
    summary: '本年度未公开的单位 / employers with no disclosure this year',
    query: MissingDisclosureQuery,
    response: cappedPageOf(MissingDisclosure),
  },
});

export type ContractDetailT = z.infer<typeof ContractDetail>;
export type CongressDetailT = z.infer<typeof CongressDetail>;
export type ContractListParams = z.infer<typeof ContractListQuery>;
