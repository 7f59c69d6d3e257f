import { z } from 'zod';
import { ConsentInput, MemberFieldsInput, MemberFieldsPatch } from '../member-input.js';
import { endpoints, HistoryEntrySchema, IdParams, isoDate, OkSchema, PageQuery, cappedPageOf, version } from './kit.js';

export const MemberCreateBody = z.strictObject({ orgId: z.uuid('请选择所属工会'), fields: MemberFieldsInput, consent: ConsentInput });
/** An edit: leave `idNumber` / `mobile` out to keep the stored (encrypted) values. */
export const MemberUpdateBody = z.strictObject({ fields: MemberFieldsPatch, version });
export const MemberStatusBody = z.strictObject({
  kind: z.enum(['retained', 'left', 'reactivated'], { error: '办理事项不正确' }),
  onDate: isoDate,
  reason: z.string().trim().max(200).optional(),
  version,
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
export const MemberPage = cappedPageOf(MemberListItem);
export const MemberDetail = MemberListItem.extend({
  idKind: z.string(), ethnicity: z.string().nullable(), education: z.string().nullable(), politicalStatus: z.string().nullable(),
  occupation: z.string().nullable(), employerName: z.string().nullable(), consentVersion: z.string().nullable(), consentAt: z.string().nullable(),
  consentMethod: z.string().nullable(), createdAt: z.string(), updatedAt: z.string(),
  events: z.array(z.object({ id: z.string(), kind: z.string(), onDate: z.string(), orgId: z.string(), orgName: z.string(), reason: z.string().nullable(), createdAt: z.string() })),
  openTransfer: z.object({ id: z.string(), fromOrgId: z.string(), toOrgId: z.string(), createdAt: z.string() }).nullable(),
  can: z.object({ unmask: z.boolean(), edit: z.boolean(), transfer: z.boolean() }),
});
export const Unmasked = z.object({ idNumber: z.string(), mobile: z.string().nullable() });

export const MemberCard = z.object({ cardNo: z.string(), name: z.string(), orgName: z.string(), joinDate: z.string(), status: z.string(), token: z.string(), verifyUrl: z.string(), qrDataUrl: z.string() });
export const CardVerifyQuery = z.strictObject({ token: z.string().min(1).max(500) });
export const CardVerifyResult = z.object({ valid: z.boolean(), reason: z.string().nullable(), maskedName: z.string().optional(), unionName: z.string().optional(), status: z.string().optional() });
const Created = z.object({ id: z.string() });

export const memberApi = endpoints('会员 member', {
  list: { method: 'GET', path: '/api/members', access: 'member.read', summary: '会员查询（管辖范围内）/ search members in scope', query: MemberListQuery, response: MemberPage },
  get: { method: 'GET', path: '/api/members/:id', access: 'member.read', summary: '会员详情与会籍时间线 / member with history', params: IdParams, response: MemberDetail },
  history: { method: 'GET', path: '/api/members/:id/history', access: 'member.read', summary: '会员记录的变更记录（审计）/ the record’s history', params: IdParams, response: z.array(HistoryEntrySchema) },
  create: { method: 'POST', path: '/api/members', access: 'member.write', summary: '登记会员 / register a member', body: MemberCreateBody, response: Created, status: 201 },
  update: { method: 'PUT', path: '/api/members/:id', access: 'member.write', summary: '修改会员信息 / update', params: IdParams, body: MemberUpdateBody, response: Created },
  changeStatus: { method: 'POST', path: '/api/members/:id/status', access: 'member.write', summary: '保留会籍、退会、恢复 / retain, leave, reactivate', params: IdParams, body: MemberStatusBody, response: OkSchema },
  unmask: { method: 'POST', path: '/api/members/:id/unmask', access: 'member.unmask', summary: '查看完整身份证号和手机号（记入审计）/ reveal, audited', params: IdParams, response: Unmasked },
  card: { method: 'GET', path: '/api/members/:id/card', access: 'member.read', summary: '电子会员卡 / electronic card', params: IdParams, response: MemberCard },
  verifyCard: {
    method: 'GET', path: '/api/cards/verify', access: 'public', summary: '核验会员卡（仅显示脱敏姓名和工会）/ verify a card', query: CardVerifyQuery, response: CardVerifyResult,
    rateLimit: { bucket: 'card.verify', limit: 120, windowMs: 60_000 },
  },
});

export type MemberListItemT = z.infer<typeof MemberListItem>;
export type MemberDetailT = z.infer<typeof MemberDetail>;
export type MemberCreate = z.infer<typeof MemberCreateBody>;
export type MemberUpdate = z.infer<typeof MemberUpdateBody>;
export type MemberStatusChange = z.infer<typeof MemberStatusBody>;
export type MemberListParams = z.infer<typeof MemberListQuery>;
