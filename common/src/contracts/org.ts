/** Organisations (工会组织): the tree, its records and their routes. */
import { z } from 'zod';
import { checkUscc, USCC_PROBLEM_MESSAGES } from '../uscc.js';
import { ORG_KINDS, ORG_LEVELS } from '../org.js';
import { endpoints, HistoryEntrySchema, IdParams, isoDate, optionalText, PageQuery, pageOf, version } from './kit.js';

export const UsccInput = z
  .string()
  .trim()
  .transform((v, ctx) => {
    if (v === '') return null;
    const r = checkUscc(v);
    if (!r.ok) {
      const m = USCC_PROBLEM_MESSAGES[r.problem];
      ctx.addIssue({ code: 'custom', message: `${m.zh} / ${m.en}` });
      return z.NEVER;
    }
    return r.value;
  });

const orgFields = {
  level: z.enum(ORG_LEVELS, { error: '组织层级不正确 / unknown level' }),
  kind: z
    .enum(ORG_KINDS, { error: '基层工会类型不正确 / unknown kind' })
    .nullish()
    .transform((v) => v ?? null),
  code: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_-]{1,32}$/, '组织编码只能包含字母、数字、下划线和短横线，最长32位 / code: letters, digits, _ and -, up to 32'),
  name: z.string().trim().min(2, '组织名称至少2个字 / name too short').max(100, '组织名称不超过100字 / name too long'),
  employerName: optionalText(100),
  uscc: UsccInput.nullish().transform((v) => v ?? null),
  regionCode: z
    .string()
    .trim()
    .regex(/^\d{6}$/, '行政区划代码应为6位数字 / region code: 6 digits')
    .nullish()
    .or(z.literal(''))
    .transform((v) => v || null),
  industry: optionalText(60),
  employeeCount: z
    .number()
    .int('职工人数应为整数')
    .min(0, '职工人数不能为负')
    .max(2_000_000)
    .nullish()
    .transform((v) => v ?? null),
  foundedOn: isoDate.nullish().transform((v) => v ?? null),
  chairName: optionalText(30),
  termStart: isoDate.nullish().transform((v) => v ?? null),
  // Which terms are allowed is a dated rule (ORG_TERM_RULE, checked by the service); here only its bounds.
  termYears: z
    .number({ error: '任期年限应为整数 / term must be a whole number of years' })
    .int()
    .min(1, '任期年限不正确 / invalid term')
    .max(10, '任期年限不正确 / invalid term')
    .nullish()
    .transform((v) => v ?? null),
  hasWomenCommittee: z.boolean().default(false),
};

function termPair<T extends { termStart: string | null; termYears: number | null }>(v: T, ctx: z.RefinementCtx) {
  if ((v.termStart === null) !== (v.termYears === null)) {
    ctx.addIssue({ code: 'custom', path: ['termYears'], message: '换届时间和任期年限需同时填写 / term start and length go together' });
  }
}

export const OrgCreateBody = z.strictObject({ parentId: z.uuid('上级组织编号不正确'), ...orgFields }).superRefine(termPair);
export const OrgUpdateBody = z.strictObject({ ...orgFields, version }).superRefine(termPair);
export const OrgMoveBody = z.strictObject({ parentId: z.uuid('上级组织编号不正确'), version });
export const OrgVersionBody = z.strictObject({ version });

export const OrgSchema = z.object({
  id: z.string(),
  parentId: z.string().nullable(),
  parentName: z.string().nullable(),
  depth: z.number(),
  level: z.string(),
  kind: z.string().nullable(),
  code: z.string(),
  name: z.string(),
  employerName: z.string().nullable(),
  uscc: z.string().nullable(),
  regionCode: z.string().nullable(),
  industry: z.string().nullable(),
  employeeCount: z.number().nullable(),
  foundedOn: z.string().nullable(),
  chairName: z.string().nullable(),
  termStart: z.string().nullable(),
  termYears: z.number().nullable(),
  termEnd: z.string().nullable(),
  termStatus: z.enum(['ok', 'expiring', 'expired', 'unknown']),
  hasWomenCommittee: z.boolean(),
  active: z.boolean(),
  version: z.number(),
  updatedAt: z.string(),
});

export const OrgDetailSchema = OrgSchema.extend({
  ancestors: z.array(z.object({ id: z.string(), name: z.string(), level: z.string() })),
  childCount: z.number(),
  activeChildCount: z.number(),
  userCount: z.number(),
  can: z.object({ edit: z.boolean(), move: z.boolean(), deactivate: z.boolean(), addChild: z.boolean() }),
});

export const OrgListQuery = z.strictObject({
  ...PageQuery,
  q: z.string().trim().max(100).optional(),
  level: z.enum(ORG_LEVELS).optional(),
  kind: z.enum(ORG_KINDS).optional(),
  under: z.uuid().optional(),
  parentId: z.uuid().optional(),
  active: z.enum(['true', 'false', 'all']).default('true'),
  termStatus: z.enum(['expiring', 'expired', 'due']).optional(),
  noChair: z.enum(['true']).optional(),
  sort: z.enum(['code', 'name', 'employeeCount', 'termEnd', 'updatedAt']).default('code'),
  order: z.enum(['asc', 'desc']).default('asc'),
});
export const OrgPage = pageOf(OrgSchema);

export const TreeQuery = z.strictObject({ parentId: z.uuid().optional() });
export const TreeNodeSchema = z.object({
  id: z.string(),
  name: z.string(),
  code: z.string(),
  level: z.string(),
  kind: z.string().nullable(),
  active: z.boolean(),
  childCount: z.number(),
});
export const TreeSearchQuery = z.strictObject({ q: z.string().trim().min(1, '请输入关键字').max(100) });
export const TreeSearchResult = z.array(TreeNodeSchema.extend({ ancestorIds: z.array(z.string()), pathNames: z.array(z.string()) }));

export const orgApi = endpoints('工会组织 org', {
  list: { method: 'GET', path: '/api/orgs', access: 'org.read', summary: '组织列表（筛选、分页）/ list organisations', query: OrgListQuery, response: OrgPage },
  tree: {
    method: 'GET',
    path: '/api/orgs/tree',
    access: 'org.read',
    summary: '组织树（逐级加载）/ tree children',
    query: TreeQuery,
    response: z.array(TreeNodeSchema),
  },
  searchTree: {
    method: 'GET',
    path: '/api/orgs/tree/search',
    access: 'org.read',
    summary: '在组织树中搜索 / search the tree',
    query: TreeSearchQuery,
    response: TreeSearchResult,
  },
  get: { method: 'GET', path: '/api/orgs/:id', access: 'org.read', summary: '组织详情 / organisation detail', params: IdParams, response: OrgDetailSchema },
  history: {
    method: 'GET',
    path: '/api/orgs/:id/history',
    access: 'org.read',
    summary: '组织的变更记录（审计）/ the record’s history',
    params: IdParams,
    response: z.array(HistoryEntrySchema),
  },
  create: { method: 'POST', path: '/api/orgs', access: 'org.write', summary: '新建组织 / create', body: OrgCreateBody, response: OrgSchema, status: 201 },
  update: {
    method: 'PUT',
    path: '/api/orgs/:id',
    access: 'org.write',
    summary: '修改组织 / update',
    params: IdParams,
    body: OrgUpdateBody,
    response: OrgSchema,
  },
  move: {
    method: 'POST',
    path: '/api/orgs/:id/move',
    access: 'org.write',
    summary: '迁移组织及其下级 / move a subtree',
    params: IdParams,
    body: OrgMoveBody,
    response: OrgSchema,
  },
  deactivate: {
    method: 'POST',
    path: '/api/orgs/:id/deactivate',
    access: 'org.write',
    summary: '停用组织（不删除）/ deactivate',
    params: IdParams,
    body: OrgVersionBody,
    response: OrgSchema,
  },
  reactivate: {
    method: 'POST',
    path: '/api/orgs/:id/reactivate',
    access: 'org.write',
    summary: '重新启用组织 / reactivate',
    params: IdParams,
    body: OrgVersionBody,
    response: OrgSchema,
  },
});

export type Org = z.infer<typeof OrgSchema>;
export type OrgDetail = z.infer<typeof OrgDetailSchema>;
export type OrgTreeNode = z.infer<typeof TreeNodeSchema>;
export type OrgCreate = z.infer<typeof OrgCreateBody>;
export type OrgUpdate = z.infer<typeof OrgUpdateBody>;
export type OrgListParams = z.infer<typeof OrgListQuery>;
