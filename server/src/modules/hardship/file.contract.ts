import { z } from 'zod';
import { HardshipFieldsInput, IdNumberInput, MobileInput } from '../../../../common/src/hardship-input.js';
import { CAUSES, EXIT_REASONS, FILE_ORIGINS, FILE_STATUSES, TIERS, VISIT_KINDS } from '../../../../common/src/hardship-vocab.js';
import { isoDate, PageQuery, pageOf } from '../../platform/contract.js';

const note = z.string().trim().max(500).nullish().transform((v) => v ?? null);

export const FileCreateBody = z.strictObject({
  orgId: z.uuid('请选择负责的工会 / choose the union'),
  memberId: z.uuid().nullish().transform((v) => v ?? null),
  origin: z.enum(FILE_ORIGINS).default('discovery'),
  idNumber: IdNumberInput,
  mobile: MobileInput.nullish().transform((v) => v ?? null),
  fields: HardshipFieldsInput,
  /** The visit on which a cadre found the household (主动发现). */
  visit: z.strictObject({ visitedOn: isoDate, visitor: z.string().trim().min(1).max(60), findings: z.string().trim().max(2000) }).nullish(),
});
export const FileUpdateBody = z.strictObject({
  idNumber: IdNumberInput.optional(),
  mobile: MobileInput.nullish(),
  fields: HardshipFieldsInput,
  version: z.number().int().min(1),
});
export const DecisionBody = z.strictObject({ approve: z.boolean(), note });
export const ReassessBody = z.strictObject({ note });
export const ExitBody = z.strictObject({
  reason: z.enum(EXIT_REASONS, { error: '请选择脱困原因 / choose the exit reason' }),
  note,
  /** The household's figures at exit; when given they replace the file's figures first. */
  annualIncomeFen: z.number().int().min(0).max(10_000_000_000).optional(),
  rigidMedicalFen: z.number().int().min(0).max(10_000_000_000).optional(),
  rigidSchoolingFen: z.number().int().min(0).max(10_000_000_000).optional(),
});
export const RelapseBody = z.strictObject({ note: z.string().trim().min(2, '请说明返困情况 / describe the relapse').max(500) });
export const VisitBody = z.strictObject({
  kind: z.enum(VISIT_KINDS),
  visitedOn: isoDate,
  visitor: z.string().trim().min(1).max(60),
  findings: z.string().trim().min(2, '请填写走访情况 / describe the visit').max(2000),
  plannedVisitId: z.uuid().optional(),
});

export const FileListQuery = z.strictObject({
  ...PageQuery,
  q: z.string().trim().max(40).optional(),
  idNumber: z.string().trim().max(40).optional(),
  status: z.enum(FILE_STATUSES).optional(),
  tier: z.enum(TIERS).optional(),
  cause: z.enum(CAUSES).optional(),
  under: z.uuid().optional(),
  reviewOverdue: z.enum(['true']).optional(),
  monitoring: z.enum(['true']).optional(),
  sort: z.enum(['appliedOn', 'name', 'nextReviewDue', 'perCapita']).default('appliedOn'),
  order: z.enum(['asc', 'desc']).default('desc'),
});

export const FileListItem = z.object({
  id: z.string(), fileNo: z.string(), name: z.string(), idMasked: z.string(), sex: z.string(), orgId: z.string(), orgName: z.string(),
  status: z.string(), tier: z.string().nullable(), mainCause: z.string(), householdSize: z.number(), perCapitaMonthlyFen: z.number().nullable(),
  appliedOn: z.string(), filedOn: z.string().nullable(), nextReviewDue: z.string().nullable(), reviewOverdue: z.boolean(),
  exitOn: z.string().nullable(), monitoringUntil: z.string().nullable(), relapseCount: z.number(), migrantWorker: z.boolean(), version: z.number(),
});
export const FilePage = pageOf(FileListItem);

const TierSnapshot = z.object({
  tier: z.string().nullable(), status: z.string(), evaluatedOn: z.string(), ruleVersion: z.string(), ruleSetEffectiveFrom: z.string(),
  line: z.object({ id: z.string().nullable(), regionCode: z.string(), effectiveFrom: z.string(), monthlyFen: z.number(), source: z.string(), weak: z.boolean() }).nullable(),
  netAnnualFen: z.number(), householdSize: z.number(), perCapitaMonthlyFen: z.number(), ratioPermille: z.number().nullable(),
  accident: z.object({ disaster: z.boolean(), workAccident: z.boolean(), costFen: z.number(), costSharePermille: z.number().nullable(), costRuleMet: z.boolean(), met: z.boolean() }),
  migrant: z.object({ applies: z.boolean(), monthsInCity: z.number().nullable(), required: z.number(), ok: z.boolean() }),
  explanation: z.string(),
});
export { TierSnapshot };

export const FileDetail = FileListItem.extend({
  memberId: z.string().nullable(), birthDate: z.string(), mobileMasked: z.string().nullable(), regionCode: z.string(), address: z.string().nullable(),
  employerName: z.string().nullable(), cityWorkSince: z.string().nullable(), health: z.string(), disability: z.string(), employmentStatus: z.string(),
  housing: z.string().nullable(), industry: z.string().nullable(), maritalStatus: z.string().nullable(), hukouType: z.string(), singleParent: z.boolean(),
  zeroEmployment: z.boolean(), monthlyIncomeFen: z.number(), annualIncomeFen: z.number(), rigidMedicalFen: z.number(), rigidSchoolingFen: z.number(),
  accidentCostFen: z.number(), disaster: z.boolean(), disasterOn: z.string().nullable(), workAccident: z.boolean(), seriousIllnessSince: z.string().nullable(),
  jobLostOn: z.string().nullable(), otherCauses: z.array(z.string()), origin: z.string(), tierSnapshot: TierSnapshot.nullable(),
  reviewLevelsRequired: z.number(), reviewLevelsDone: z.number(), exitReason: z.string().nullable(), exitNote: z.string().nullable(),
  exitSnapshot: TierSnapshot.nullable(), lastRelapseOn: z.string().nullable(), rejectReason: z.string().nullable(), createdAt: z.string(), updatedAt: z.string(),
  household: z.array(z.object({
    id: z.string(), name: z.string(), relationship: z.string(), idMasked: z.string().nullable(), birthDate: z.string().nullable(), health: z.string(),
    employmentStatus: z.string(), annualIncomeFen: z.number(),
  })),
  attachments: z.array(z.object({ id: z.string(), kind: z.string(), fileName: z.string(), mime: z.string(), size: z.number(), createdAt: z.string() })),
  events: z.array(z.object({ id: z.string(), kind: z.string(), onDate: z.string(), level: z.number().nullable(), actorOrgName: z.string().nullable(), note: z.string().nullable() })),
  visits: z.array(z.object({ id: z.string(), kind: z.string(), dueOn: z.string().nullable(), visitedOn: z.string().nullable(), visitor: z.string().nullable(), findings: z.string().nullable(), overdue: z.boolean() })),
  aid: z.array(z.object({ id: z.string(), kind: z.string(), amountFen: z.number(), paidOn: z.string(), payer: z.string(), recipientName: z.string(), causeKey: z.string().nullable(), hasReceipt: z.boolean() })),
  openWarnings: z.array(z.object({ id: z.string(), rule: z.string(), level: z.string(), explanation: z.string(), dueOn: z.string() })),
  nextReviewLevelOrg: z.object({ id: z.string(), name: z.string(), level: z.number() }).nullable(),
  can: z.object({ edit: z.boolean(), check: z.boolean(), review: z.boolean(), reassess: z.boolean(), exit: z.boolean(), relapse: z.boolean(), unmask: z.boolean(), aid: z.boolean() }),
});
export const FileUnmasked = z.object({
  idNumber: z.string(), mobile: z.string().nullable(), household: z.array(z.object({ id: z.string(), name: z.string(), idNumber: z.string().nullable() })),
});
export const FileRef = z.object({ id: z.string(), fileNo: z.string(), status: z.string(), tier: z.string().nullable(), version: z.number() });

export type FileCreate = z.infer<typeof FileCreateBody>;
export type FileUpdate = z.infer<typeof FileUpdateBody>;
export type FileListParams = z.infer<typeof FileListQuery>;
export type ExitInput = z.infer<typeof ExitBody>;
export type VisitInput = z.infer<typeof VisitBody>;
