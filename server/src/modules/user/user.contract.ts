import { z } from 'zod';
import { SCOPE_KINDS } from '../../../../common/src/permissions.js';
import { PageQuery, pageOf } from '../../platform/contract.js';

const username = z.string().trim().regex(/^[A-Za-z0-9_.-]{3,32}$/, '用户名为3-32位字母、数字、下划线、点或短横线 / username: 3-32 letters, digits, _ . -');
const displayName = z.string().trim().min(1, '请输入姓名').max(40, '姓名不超过40字');
const roleIds = z.array(z.uuid()).max(20).default([]);

export const UserCreateBody = z.strictObject({
  username,
  displayName,
  orgId: z.uuid('请选择所属组织'),
  roleIds,
  /** Optional initial password; when left out a temporary one is generated and shown once. */
  password: z.string().max(128).optional(),
});
export const UserUpdateBody = z.strictObject({ displayName, orgId: z.uuid(), roleIds, active: z.boolean(), version: z.number().int().min(1) });
export const UserListQuery = z.strictObject({
  ...PageQuery,
  q: z.string().trim().max(64).optional(),
  orgId: z.uuid().optional(),
  roleId: z.uuid().optional(),
  active: z.enum(['true', 'false', 'all']).default('all'),
});

export const UserSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  roles: z.array(z.object({ id: z.string(), name: z.string() })),
  active: z.boolean(),
  locked: z.boolean(),
  totpEnabled: z.boolean(),
  mustChangePassword: z.boolean(),
  lastLoginAt: z.string().nullable(),
  createdAt: z.string(),
  version: z.number(),
});
export const UserPage = pageOf(UserSchema);
export const UserCreated = UserSchema.extend({ temporaryPassword: z.string().nullable() });
export const PasswordReset = z.object({ temporaryPassword: z.string() });

export const RoleBody = z.strictObject({
  code: z.string().trim().regex(/^[a-z][a-z0-9_]{1,39}$/, '角色编码为小写字母开头的字母、数字、下划线 / code: lower-case letters, digits, _'),
  name: z.string().trim().min(2, '角色名称至少2个字').max(40),
  description: z.string().trim().max(200).nullish().transform((v) => v || null),
  permissions: z.array(z.string()).max(200),
  scopeKind: z.enum(SCOPE_KINDS, { error: '数据范围不正确' }),
  scopeOrgIds: z.array(z.uuid()).max(200).default([]),
});
export const RoleUpdateBody = RoleBody.extend({ version: z.number().int().min(1) });
export const RoleSchema = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  permissions: z.array(z.string()),
  scopeKind: z.string(),
  scopeOrgs: z.array(z.object({ id: z.string(), name: z.string() })),
  builtIn: z.boolean(),
  ownerOrgName: z.string().nullable(),
  userCount: z.number(),
  grantable: z.boolean(),
  editable: z.boolean(),
  version: z.number(),
});

export type UserCreate = z.infer<typeof UserCreateBody>;
export type UserUpdate = z.infer<typeof UserUpdateBody>;
export type UserListParams = z.infer<typeof UserListQuery>;
export type RoleInput = z.infer<typeof RoleBody>;
