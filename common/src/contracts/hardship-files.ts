/**
 * Hardship household files (困难职工档案, docs/hardship.md): the files, their workflow
 * (common/src/hardship-workflow.ts), visits, scans and the assistance dashboard. Money is integer
 * fen; ID numbers and mobiles leave the server masked, and only …/unmask reveals them (audited).
 */
import { z } from 'zod';
import { HardshipFieldsInput, IdNumberInput, MobileInput } from '../hardship-input.js';
import { ATTACHMENT_KINDS, CAUSES, EXIT_REASONS, FILE_ORIGINS, FILE_STATUSES, TIERS, VISIT_KINDS } from '../hardship-vocab.js';
import { FILE_ACTIONS } from '../hardship-workflow.js';
import {
  endpoints,
  fen,
  FileBody,
  flag,
  HistoryEntrySchema,
  IdParams,
  isoDate,
  OkSchema,
  optionalText,
  order,
  PageQuery,
  cappedPageOf,
  requiredText,
  version,
} from './kit.js';

/** Scans are small files kept in the database: at most 5 MB, PDF, JPEG or PNG by their first bytes. */
export const MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024;
/** The JSON body of an upload: base64 makes 5 MB into about 6.7 MB. */
export const UPLOAD_BODY_LIMIT = 7 * 1024 * 1024 + 512 * 1024;
export const UPLOAD_MIME_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;

const note = optionalText(500);

export const FileCreateBody = z.strictObject({
  orgId: z.uuid('请选择负责的工会 / choose the union'),
  memberId: z
    .uuid()
    .nullish()
    .transform((v) => v ?? null),
  origin: z.enum(FILE_ORIGINS).default('discovery'),
  idNumber: IdNumberInput,
  mobile: MobileInput.nullish().transform((v) => v ?? null),
  fields: HardshipFieldsInput,
  /** The visit on which a cadre found the household (主动发现). */
  visit: z
    .strictObject({ visitedOn: isoDate, visitor: requiredText(60, '请填写走访人', 'visitor is required'), findings: z.string().trim().max(2000) })
    .nullish(),
});
export const FileUpdateBody = z.strictObject({
  /** Left out: the stored ID number stays. */
  idNumber: IdNumberInput.optional(),
  /** Left out: the stored mobile stays; null clears it. */
  mobile: MobileInput.nullish(),
  fields: HardshipFieldsInput,
  version,
});
/** 核实 / 审核: pass (the next level, or filed) or refuse (the `reject` step, which needs the reason). */
export const DecisionBody = z.strictObject({ approve: z.boolean({ error: '请选择审核意见 / choose pass or refuse' }), note });
export const ReassessBody = z.strictObject({ note });
export const ExitBody = z.strictObject({
  reason: z.enum(EXIT_REASONS, { error: '请选择脱困原因 / choose the exit reason' }),
  note,
  /** The household's figures at exit; when given they replace the file's figures first. */
  annualIncomeFen: fen.optional(),
  rigidMedicalFen: fen.optional(),
  rigidSchoolingFen: fen.optional(),
});
/** 返困: what happened and the household's current figures (left out: the file's own), on which it is evaluated again. */
export const RelapseBody = z.strictObject({
  note: z.string().trim().min(2, '请说明返困情况 / describe the relapse').max(500),
  annualIncomeFen: fen.optional(),
  rigidMedicalFen: fen.optional(),
  rigidSchoolingFen: fen.optional(),
  accidentCostFen: fen.optional(),
});
/**
 * The outcome of a relapse: `eligible` — the file is back in `applied` for the check and review;
 * otherwise refused with the figures (per person per month against the line) and still exited, in
 * monitoring until `monitoringUntil`.
 */
export const RelapseResult = z.object({
  id: z.string(),
  fileNo: z.string(),
  status: z.string(),
  tier: z.string().nullable(),
  version: z.number(),
  eligible: z.boolean(),
  relapseCount: z.number(),
  perCapitaMonthlyFen: z.number(),
  lineMonthlyFen: z.number().nullable(),
  summary: z.string(),
  summaryEn: z.string(),
  explanation: z.string(),
  monitoringUntil: z.string().nullable(),
});
export const VisitBody = z.strictObject({
  kind: z.enum(VISIT_KINDS),
  visitedOn: isoDate,
  visitor: requiredText(60, '请填写走访人', 'visitor is required'),
  findings: z.string().trim().min(2, '请填写走访情况 / describe the visit').max(2000),
  plannedVisitId: z.uuid().optional(),
});
export const AttachmentBody = z.strictObject({
  kind: z.enum(ATTACHMENT_KINDS),
  fileName: z
    .string()
    .trim()
    .min(1)
    .max(120)
    .regex(/^[^/\\]+$/, '文件名不能包含路径 / no paths'),
  /** The file, base64-encoded (a data: URL is accepted). */
  data: z.string().min(1).max(UPLOAD_BODY_LIMIT),
});

export const FileListQuery = z.strictObject({
  ...PageQuery,
  q: z.string().trim().max(40).optional(),
  idNumber: z.string().trim().max(40).optional(),
  status: z.enum(FILE_STATUSES).optional(),
  tier: z.enum(TIERS).optional(),
  cause: z.enum(CAUSES).optional(),
  under: z.uuid().optional(),
  reviewOverdue: flag,
  monitoring: flag,
  sort: z.enum(['appliedOn', 'name', 'nextReviewDue', 'perCapita']).default('appliedOn'),
  order: order('desc'),
});

export const FileListItem = z.object({
  id: z.string(),
  fileNo: z.string(),
  name: z.string(),
  idMasked: z.string(),
  sex: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  status: z.string(),
  tier: z.string().nullable(),
  mainCause: z.string(),
  householdSize: z.number(),
  perCapitaMonthlyFen: z.number().nullable(),
  appliedOn: z.string(),
  filedOn: z.string().nullable(),
  nextReviewDue: z.string().nullable(),
  reviewOverdue: z.boolean(),
  exitOn: z.string().nullable(),
  monitoringUntil: z.string().nullable(),
  relapseCount: z.number(),
  migrantWorker: z.boolean(),
  version: z.number(),
});
export const FilePage = cappedPageOf(FileListItem);

const LineTest = z.object({ multiplePermille: z.number(), monthlyFen: z.number(), met: z.boolean() });
/** The stored tier computation (common/src/hardship-tier.ts TierResult). */
export const TierSnapshot = z.object({
  tier: z.string().nullable(),
  status: z.string(),
  evaluatedOn: z.string(),
  ruleVersion: z.string(),
  ruleSetEffectiveFrom: z.string(),
  line: z
    .object({ id: z.string().nullable(), regionCode: z.string(), effectiveFrom: z.string(), monthlyFen: z.number(), source: z.string(), weak: z.boolean() })
    .nullable(),
  netAnnualFen: z.number(),
  householdSize: z.number(),
  perCapitaMonthlyFen: z.number(),
  ratioPermille: z.number().nullable(),
  lineTests: z.object({ deep: LineTest, relative: LineTest }).nullish(),
  accident: z.object({
    disaster: z.boolean(),
    workAccident: z.boolean(),
    costFen: z.number(),
    costSharePermille: z.number().nullable(),
    costRuleMet: z.boolean(),
    met: z.boolean(),
  }),
  migrant: z.object({ applies: z.boolean(), monthsInCity: z.number().nullable(), required: z.number(), ok: z.boolean() }),
  explanation: z.string(),
});

const HouseholdMember = z.object({
  id: z.string(),
  name: z.string(),
  relationship: z.string(),
  idMasked: z.string().nullable(),
  birthDate: z.string().nullable(),
  health: z.string(),
  employmentStatus: z.string(),
  annualIncomeFen: z.number(),
});
const Attachment = z.object({ id: z.string(), kind: z.string(), fileName: z.string(), mime: z.string(), size: z.number(), createdAt: z.string() });
const FileEvent = z.object({
  id: z.string(),
  kind: z.string(),
  onDate: z.string(),
  level: z.number().nullable(),
  actorOrgName: z.string().nullable(),
  note: z.string().nullable(),
});
const Visit = z.object({
  id: z.string(),
  kind: z.string(),
  dueOn: z.string().nullable(),
  visitedOn: z.string().nullable(),
  visitor: z.string().nullable(),
  findings: z.string().nullable(),
  overdue: z.boolean(),
});
const Aid = z.object({
  id: z.string(),
  kind: z.string(),
  amountFen: z.number(),
  paidOn: z.string(),
  payer: z.string(),
  recipientName: z.string(),
  causeKey: z.string().nullable(),
  hasReceipt: z.boolean(),
  budgetLine: z.string().nullable(),
  method: z.string(),
  recipientKind: z.string(),
  recipientRelation: z.string(),
  proxyReason: z.string().nullable(),
  proofStatus: z.string(),
});

export const FileDetail = FileListItem.extend({
  memberId: z.string().nullable(),
  birthDate: z.string(),
  mobileMasked: z.string().nullable(),
  regionCode: z.string(),
  address: z.string().nullable(),
  employerName: z.string().nullable(),
  cityWorkSince: z.string().nullable(),
  health: z.string(),
  disability: z.string(),
  employmentStatus: z.string(),
  housing: z.string().nullable(),
  industry: z.string().nullable(),
  maritalStatus: z.string().nullable(),
  hukouType: z.string(),
  singleParent: z.boolean(),
  zeroEmployment: z.boolean(),
  monthlyIncomeFen: z.number(),
  annualIncomeFen: z.number(),
  rigidMedicalFen: z.number(),
  rigidSchoolingFen: z.number(),
  accidentCostFen: z.number(),
  disaster: z.boolean(),
  disasterOn: z.string().nullable(),
  workAccident: z.boolean(),
  seriousIllnessSince: z.string().nullable(),
  jobLostOn: z.string().nullable(),
  otherCauses: z.array(z.string()),
  origin: z.string(),
  tierSnapshot: TierSnapshot.nullable(),
  reviewLevelsRequired: z.number(),
  reviewLevelsDone: z.number(),
  exitReason: z.string().nullable(),
  exitNote: z.string().nullable(),
  exitSnapshot: TierSnapshot.nullable(),
  lastRelapseOn: z.string().nullable(),
  rejectReason: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  household: z.array(HouseholdMember),
  attachments: z.array(Attachment),
  events: z.array(FileEvent),
  visits: z.array(Visit),
  aid: z.array(Aid),
  openWarnings: z.array(z.object({ id: z.string(), rule: z.string(), level: z.string(), explanation: z.string(), dueOn: z.string() })),
  nextReviewLevelOrg: z.object({ id: z.string(), name: z.string(), level: z.number() }).nullable(),
  /** The workflow steps (common/src/hardship-workflow.ts) this caller may take on this file now. */
  actions: z.array(z.enum(FILE_ACTIONS)),
  can: z.object({ edit: z.boolean(), visit: z.boolean(), attach: z.boolean(), unmask: z.boolean(), aid: z.boolean() }),
});
export const FileUnmasked = z.object({
  idNumber: z.string(),
  mobile: z.string().nullable(),
  household: z.array(z.object({ id: z.string(), name: z.string(), idNumber: z.string().nullable() })),
});
export const FileRef = z.object({ id: z.string(), fileNo: z.string(), status: z.string(), tier: z.string().nullable(), version: z.number() });
export const AttachmentRef = z.object({ id: z.string(), kind: z.string(), fileName: z.string(), mime: z.string(), size: z.number(), sha256: z.string() });

const Count = z.object({ key: z.string().nullable(), n: z.number() });
export const HardshipFigures = z.object({
  year: z.number(),
  byStatus: z.array(Count),
  byTier: z.array(Count),
  byCause: z.array(Count),
  /** Per child organisation of the caller's own (the districts for the city, the streets for a district …). */
  byArea: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      filed: z.number(),
      deep: z.number(),
      relative: z.number(),
      accident: z.number(),
      monitoring: z.number(),
      openWarnings: z.number(),
    }),
  ),
  /** Aid paid this year to the households in scope, from any budget; `fromAboveFen` the part paid from budgets of unions above the scope. */
  aid: z.object({
    paidFen: z.number(),
    fromAboveFen: z.number(),
    count: z.number(),
    households: z.number(),
    byKind: z.array(z.object({ key: z.string(), fen: z.number(), n: z.number() })),
  }),
  /** This year's budgets of the unions in scope: allocated, spent (on any household they pay), remaining. */
  budget: z.object({ allocatedFen: z.number(), spentFen: z.number(), remainingFen: z.number() }),
  byMonth: z.array(z.object({ month: z.string(), exits: z.number(), relapses: z.number(), filed: z.number() })),
  warnings: z.object({ open: z.number(), overdue: z.number(), byLevel: z.array(Count), byRule: z.array(Count) }),
  reviewOverdue: z.number(),
  monitoring: z.number(),
});

const FILE = '/api/hardship/files/:id';
export const hardshipFilesApi = endpoints('困难职工帮扶 hardship', {
  list: {
    method: 'GET',
    path: '/api/hardship/files',
    access: 'hardship.read',
    summary: '困难职工档案列表（管辖范围内）/ hardship files in scope',
    query: FileListQuery,
    response: FilePage,
  },
  get: {
    method: 'GET',
    path: FILE,
    access: 'hardship.read',
    summary: '档案详情：分档计算过程、家庭成员、附件、帮扶、走访、预警、可办理的步骤 / file detail',
    params: IdParams,
    response: FileDetail,
  },
  history: {
    method: 'GET',
    path: `${FILE}/history`,
    access: 'hardship.read',
    summary: '档案的变更记录（审计）/ the file’s history',
    params: IdParams,
    response: z.array(HistoryEntrySchema),
  },
  create: {
    method: 'POST',
    path: '/api/hardship/files',
    access: 'hardship.write',
    summary: '建档（走访主动发现或代录申请）；困难类别按规则自动计算 / open a file; the tier is computed',
    body: FileCreateBody,
    response: FileRef,
    status: 201,
  },
  update: {
    method: 'PUT',
    path: FILE,
    access: 'hardship.write',
    summary: '修改档案（收入等变化时重新分档）/ edit; re-evaluates the tier',
    params: IdParams,
    body: FileUpdateBody,
    response: FileRef,
  },
  check: {
    method: 'POST',
    path: `${FILE}/check`,
    access: 'hardship.write',
    summary: '基层工会核实（通过后报上级审核）/ grassroots check',
    params: IdParams,
    body: DecisionBody,
    response: FileRef,
  },
  review: {
    method: 'POST',
    path: `${FILE}/review`,
    access: 'hardship.review',
    summary: '上级工会逐级审核 / review at the next level',
    params: IdParams,
    body: DecisionBody,
    response: FileRef,
  },
  reassess: {
    method: 'POST',
    path: `${FILE}/reassess`,
    access: 'hardship.write',
    summary: '年度复核 / yearly re-assessment',
    params: IdParams,
    body: ReassessBody,
    response: FileRef.extend({ suggestExit: z.boolean(), explanation: z.string() }),
  },
  exit: {
    method: 'POST',
    path: `${FILE}/exit`,
    access: 'hardship.write',
    summary: '解困脱困（原因与数据；进入监测期并安排回访）/ exit with reason and figures',
    params: IdParams,
    body: ExitBody,
    response: FileRef.extend({ monitoringUntil: z.string(), plannedVisits: z.array(z.string()) }),
  },
  relapse: {
    method: 'POST',
    path: `${FILE}/relapse`,
    access: 'hardship.write',
    summary:
      '登记返困：按现有数据重新评定，符合条件的重新核实、审核，不符合的列明数据后不予受理（继续监测）/ record a relapse: re-evaluated, then checked and reviewed or refused with the figures',
    params: IdParams,
    body: RelapseBody,
    response: RelapseResult,
  },
  visit: {
    method: 'POST',
    path: `${FILE}/visits`,
    access: 'hardship.write',
    summary: '登记走访（含完成计划回访）/ record a visit',
    params: IdParams,
    body: VisitBody,
    response: z.object({ id: z.string() }),
    status: 201,
  },
  unmask: {
    method: 'POST',
    path: `${FILE}/unmask`,
    access: 'hardship.unmask',
    summary: '查看完整身份证号（含家庭成员，记入审计）/ reveal, audited',
    params: IdParams,
    response: FileUnmasked,
  },
  attach: {
    method: 'POST',
    path: `${FILE}/attachments`,
    access: 'hardship.write',
    summary: '上传附件（PDF/JPG/PNG，≤5MB，base64）/ attach a scan',
    params: IdParams,
    body: AttachmentBody,
    response: AttachmentRef,
    status: 201,
    bodyLimit: UPLOAD_BODY_LIMIT,
  },
  attachment: {
    method: 'GET',
    path: '/api/hardship/attachments/:id',
    access: 'hardship.read',
    summary: '下载附件（记入审计）/ download a scan, audited',
    params: IdParams,
    response: FileBody('PDF, JPEG or PNG'),
    file: true,
  },
  deleteAttachment: {
    method: 'DELETE',
    path: '/api/hardship/attachments/:id',
    access: 'hardship.write',
    summary: '删除附件 / delete a scan',
    params: IdParams,
    response: OkSchema,
  },
  dashboard: {
    method: 'GET',
    path: '/api/hardship/dashboard',
    access: 'hardship.read',
    summary: '帮扶工作概况（管辖范围内）/ assistance figures in scope',
    response: HardshipFigures,
  },
});

export type FileCreate = z.infer<typeof FileCreateBody>;
export type FileUpdate = z.infer<typeof FileUpdateBody>;
export type FileListParams = z.infer<typeof FileListQuery>;
export type ExitInput = z.infer<typeof ExitBody>;
export type RelapseInput = z.infer<typeof RelapseBody>;
export type RelapseOutcome = z.infer<typeof RelapseResult>;
export type VisitInput = z.infer<typeof VisitBody>;
export type AttachmentInput = z.infer<typeof AttachmentBody>;
export type FileListItem = z.infer<typeof FileListItem>;
export type FileDetail = z.infer<typeof FileDetail>;
export type FileUnmasked = z.infer<typeof FileUnmasked>;
export type FileRefOut = z.infer<typeof FileRef>;
export type TierSnapshot = z.infer<typeof TierSnapshot>;
export type HardshipFigures = z.infer<typeof HardshipFigures>;
