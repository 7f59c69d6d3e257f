/** Accounts (账号) and roles (角色): who may sign in, with which permissions, over which data. */
import { z } from 'zod';
import { SCOPE_KINDS } from '../permissions.js';
import { cappedPageOf, endpoints, HistoryEntrySchema, IdParams, OkSchema, order, PageQuery, version } from './kit.js';

export const USERNAME_PATTERN = /^[A-Za-z0-9_.-]{3,32}$/;
export const ROLE_CODE_PATTERN = /^[a-z][a-z0-9_]{1,39}$/;

const username = z.string().trim().regex(USERNAME_PATTERN, '用户名为3-32位字母、数字、下划线、点或短横线 / username: 3-32 letters, digits, _ . -');
const displayName = z.string().trim().min(1, '请输入姓名 / enter the name').max(40, '姓名不超过40字 / name: at most 40 characters');
const roleIds = z.array(z.uuid()).max(20).default([]);

export const UserCreateBody = z.strictObject({
  username,
  displayName,
  orgId: z.uuid('请选择所属组织 / choose the organisation'),
  roleIds,
  /** Optional initial password; when left out a temporary one is generated and shown once. */
  password: z.string().max(128).optional(),
});
export const UserUpdateBody = z.strictObject({ displayName, orgId: z.uuid(), roleIds, active: z.boolean(), version });
export const UserListQuery = z.strictObject({
  ...PageQuery,
  q: z.string().trim().max(64).optional(),
  orgId: z.uuid().optional(),
  roleId: z.uuid().optional(),
  active: z.enum(['true', 'false', 'all']).default('all'),
  sort: z.enum(['username', 'displayName', 'lastLoginAt', 'createdAt']).default('username'),
  order: order('asc'),
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
export const UserPage = cappedPageOf(UserSchema);
export const UserCreated = UserSchema.extend({ temporaryPassword: z.string().nullable() });
export const PasswordReset = z.object({ temporaryPassword: z.string() });

export const RoleBody = z.strictObject({
  code: z.string().trim().regex(ROLE_CODE_PATTERN, '角色编码为小写字母开头的字母、数字、下划线 / code: lower-case letters, digits, _'),
  name: z.string().trim().min(2, '角色名称至少2个字 / name: at least 2 characters').max(40),
  description: z
    .string()
    .trim()
    .max(200)
    .nullish()
    .transform((v) => v || null),
  permissions: z.array(z.string()).max(200),
  scopeKind: z.enum(SCOPE_KINDS, { error: '数据范围不正确 / unknown scope' }),
  scopeOrgIds: z.array(z.uuid()).max(200).default([]),
});
export const RoleUpdateBody = RoleBody.extend({ version });
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

const History = z.array(HistoryEntrySchema);

export const userApi = endpoints('账号 user', {
  list: { method: 'GET', path: '/api/users', access: 'user.read', summary: '账号列表 / list accounts', query: UserListQuery, response: UserPage },
  get: { method: 'GET', path: '/api/users/:id', access: 'user.read', summary: '账号详情 / account', params: IdParams, response: UserSchema },
  history: {
    method: 'GET',
    path: '/api/users/:id/history',
    access: 'user.read',
    summary: '账号的变更记录（审计）/ the account’s history',
    params: IdParams,
    response: History,
  },
  create: {
    method: 'POST',
    path: '/api/users',
    access: 'user.manage',
    summary: '新建账号（首次登录须改密码）/ create account',
    body: UserCreateBody,
    response: UserCreated,
    status: 201,
  },
  update: {
    method: 'PUT',
    path: '/api/users/:id',
    access: 'user.manage',
    summary: '修改账号、角色、启停 / update account',
    params: IdParams,
    body: UserUpdateBody,
    response: UserSchema,
  },
  resetPassword: {
    method: 'POST',
    path: '/api/users/:id/reset-password',
    access: 'user.manage',
    summary: '重置密码 / reset password',
    params: IdParams,
    response: PasswordReset,
  },
  unlock: { method: 'POST', path: '/api/users/:id/unlock', access: 'user.manage', summary: '解除锁定 / unlock', params: IdParams, response: UserSchema },
});

export const roleApi = endpoints('角色 role', {
  list: { method: 'GET', path: '/api/roles', access: 'user.read', summary: '角色列表 / list roles', response: z.array(RoleSchema) },
  get: { method: 'GET', path: '/api/roles/:id', access: 'user.read', summary: '角色详情 / role', params: IdParams, response: RoleSchema },
  history: {
    method: 'GET',
    path: '/api/roles/:id/history',
    access: 'user.read',
    summary: '角色的变更记录（审计）/ the role’s history',
    params: IdParams,
    response: History,
  },
  create: { method: 'POST', path: '/api/roles', access: 'role.manage', summary: '新建角色 / create role', body: RoleBody, response: RoleSchema, status: 201 },
  update: {
    method: 'PUT',
    path: '/api/roles/:id',
    access: 'role.manage',
    summary: '修改角色 / update role',
    params: IdParams,
    body: RoleUpdateBody,
    response: RoleSchema,
  },
  remove: {
    method: 'DELETE',
    path: '/api/roles/:id',
    access: 'role.manage',
    summary: '删除角色（无账号使用时）/ delete role',
    params: IdParams,
    response: OkSchema,
  },
});

export type User = z.infer<typeof UserSchema>;
export type UserCreated = z.infer<typeof UserCreated>;
export type UserCreate = z.infer<typeof UserCreateBody>;
export type UserUpdate = z.infer<typeof UserUpdateBody>;
export type UserListParams = z.infer<typeof UserListQuery>;
export type Role = z.infer<typeof RoleSchema>;
export type RoleInput = z.infer<typeof RoleBody>;
