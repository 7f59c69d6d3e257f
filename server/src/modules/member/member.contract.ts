import { z } from 'zod';
import { ConsentInput, MemberFieldsInput, MemberFieldsPatch } from '../../../../common/src/member-input.js';
import { isoDate, PageQuery, pageOf } from '../../platform/contract.js';

export const MemberCreateBody = z.strictObject({ orgId: z.uuid('请选择所属工会'), fields: MemberFieldsInput, consent: ConsentInput });
/** An edit: leave `idNumber` / `mobile` out to keep the stored (encrypted) values. */
export const MemberUpdateBody = z.strictObject({ fields: MemberFieldsPatch, version: z.number().int().min(1) });
export const MemberStatusBody = z.strictObject({
  kind: z.enum(['retained', 'left', 'reactivated'], { error: '办理事项不正确' }),
  onDate: isoDate,
  reason: z.string().trim().max(200).optional(),
  version: z.number().int().min(1),
});

const memberFilters = {
  q: z.string().trim().max(40).optional(),
  idNumber: z.string().trim().max(40).optional(),
  mobile: z.string().trim().max(40).optional(),
  cardNo: z.string().trim().max(20).optional(),
  orgId: z.uuid().optional(),
  employmentForm: z.string().trim().max(40).optional(),
  migrantWorker: z.enum(['true', 'false']).optional(),
  status: z.enum(['active', 'retained', 'transferring', 'left']).optional(),
  joinFrom: isoDate.optional(),
  joinTo: isoDate.optional(),
  sex: z.enum(['M', 'F']).optional(),
  minAge: z.coerce.number().int().min(0).max(120).optional(),
  maxAge: z.coerce.number().int().min(0).max(120).optional(),
};
export const MemberListQuery = z.strictObject({
  ...PageQuery,
  ...memberFilters,
  sort: z.enum(['joinDate', 'name', 'cardNo', 'birthDate']).default('joinDate'),
  order: z.enum(['asc', 'desc']).default('desc'),
});
export const MemberExportQuery = z.strictObject({
  ...memberFilters,
  format: z.enum(['csv', 'xlsx']).default('xlsx'),
  unmask: z.enum(['true', 'false']).default('false'),
});

export const MemberListItem = z.object({
  id: z.string(), name: z.string(), idMasked: z.string(), mobileMasked: z.string().nullable(), sex: z.string(), age: z.number(),
  orgId: z.string(), orgName: z.string(), employmentForm: z.string(), migrantWorker: z.boolean(), status: z.string(), joinDate: z.string(),
  cardNo: z.string(), version: z.number(),
});
/** `totalExact: false`: there are more than `total` matches (the count stops at a cap); show "N+". */
export const MemberPage = pageOf(MemberListItem).extend({ totalExact: z.boolean() });
export const MemberDetail = MemberListItem.extend({
  idKind: z.string(), ethnicity: z.string().nullable(), education: z.string().nullable(), politicalStatus: z.string().nullable(),
  occupation: z.string().nullable(), employerName: z.string().nullable(), consentVersion: z.string().nullable(), consentAt: z.string().nullable(),
  consentMethod: z.string().nullable(), createdAt: z.string(), updatedAt: z.string(),
  events: z.array(z.object({ id: z.string(), kind: z.string(), onDate: z.string(), orgId: z.string(), orgName: z.string(), reason: z.string().nullable(), createdAt: z.string() })),
  openTransfer: z.object({ id: z.string(), fromOrgId: z.string(), toOrgId: z.string(), createdAt: z.string() }).nullable(),
  can: z.object({ unmask: z.boolean(), edit: z.boolean(), transfer: z.boolean() }),
});
export const Unmasked = z.object({ idNumber: z.string(), mobile: z.string().nullable() });

export type MemberCreate = z.infer<typeof MemberCreateBody>;
export type MemberUpdate = z.infer<typeof MemberUpdateBody>;
export type MemberStatusChange = z.infer<typeof MemberStatusBody>;
export type MemberListParams = z.infer<typeof MemberListQuery>;
