import { eq, ilike, or, sql } from 'drizzle-orm';
import type { UserListParams } from '../../../../common/src/contracts/user.js';
import { appUser, role } from './user.schema.js';
import { roleVisible } from './grants.js';
import { resource } from '../../platform/resource.js';
import { escapeLike } from '../../platform/scope.js';

/** Accounts: owned by their org, seen inside the caller's scope. */
export const users = resource<typeof appUser, UserListParams>({
  table: appUser,
  entity: 'user',
  noun: ['账号', 'account'],
  orgColumn: appUser.orgId,
  idColumn: appUser.id,
  versionColumn: appUser.version,
  filters: {
    q: (v) => or(ilike(appUser.username, `%${escapeLike(v)}%`), ilike(appUser.displayName, `%${escapeLike(v)}%`)),
    orgId: (v) => eq(appUser.orgId, v),
    roleId: (v) => sql`${appUser.id} IN (SELECT user_id FROM user_role WHERE role_id = ${v})`,
    active: (v) => (v === 'all' ? undefined : eq(appUser.active, v === 'true')),
  },
  sorts: { username: appUser.username, displayName: appUser.displayName, lastLoginAt: appUser.lastLoginAt, createdAt: appUser.createdAt },
});

/** Roles: built-in ones are seen by everyone, defined ones inside the defining org's scope (grants.ts). */
export const roles = resource<typeof role, Record<string, never>>({
  table: role,
  entity: 'role',
  noun: ['角色', 'role'],
  orgColumn: role.ownerOrgId,
  idColumn: role.id,
  versionColumn: role.version,
  visible: (c, r, exec) => roleVisible(exec, c.actor, r),
});
