import { sql } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { ALL_PERMISSIONS, type Permission, type ScopeKind } from '../../../../common/src/permissions.js';
import { role } from './user.schema.js';
import type { Executor } from '../../db/client.js';

interface BuiltInRole {
  code: string;
  name: string;
  description: string;
  permissions: Permission[];
  scopeKind: ScopeKind;
}

/** Roles every installation has. Their permission lists grow as domains add permissions. */
export const BUILT_IN_ROLES: BuiltInRole[] = [
  { code: 'system_admin', name: '系统管理员', description: '全部权限，全部数据', permissions: ALL_PERMISSIONS, scopeKind: 'all' },
  {
    code: 'federation_admin',
    name: '总工会管理员',
    description: '本级及下级工会的组织、账号和数据管理',
    permissions: ALL_PERMISSIONS.filter((p) => p !== 'settings.manage'),
    scopeKind: 'subtree',
  },
  {
    code: 'grassroots_chair',
    name: '基层工会主席',
    description: '本工会的组织信息和日常工作',
    permissions: [
      'dashboard.read',
      'org.read',
      'user.read',
      'member.read',
      'member.write',
      'member.import',
      'member.export',
      'member.transfer',
      'join.review',
      'hardship.read',
      'hardship.write',
      'aid.write',
      'warning.handle',
      'contract.read',
      'contract.write',
      'plan.read',
      'plan.report',
      'dispute.read',
      'dispute.write',
      'legal_aid.read',
      'legal_aid.write',
      'honor.read',
      'honor.write',
      'competition.read',
      'competition.write',
      'studio.read',
      'studio.write',
      'benefit.read',
      'benefit.write',
      'station.read',
      'station.write',
      'training.read',
      'training.write',
      'proposal.read',
      'proposal.write',
      'event.read',
      'event.write',
      'mutual_aid.read',
      'mutual_aid.write',
    ],
    scopeKind: 'own',
  },
  { code: 'worker', name: '职工', description: '职工本人服务（会员卡、申请等）', permissions: [], scopeKind: 'own' },
];

/** Insert or refresh the built-in roles (idempotent; runs at every start). */
export async function ensureBuiltInRoles(exec: Executor): Promise<void> {
  for (const r of BUILT_IN_ROLES) {
    await exec
      .insert(role)
      .values({ id: uuidv7(), code: r.code, name: r.name, description: r.description, permissions: r.permissions, scopeKind: r.scopeKind, builtIn: true })
      .onConflictDoUpdate({
        target: role.code,
        set: { name: r.name, description: r.description, permissions: r.permissions, scopeKind: r.scopeKind, builtIn: true, updatedAt: sql`now()` },
      });
  }
}
