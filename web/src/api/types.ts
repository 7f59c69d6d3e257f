/** Response shapes of the server API (see the modules' *.contract.ts files under server/src/modules). */
import type { TermStatus } from '../../../common/src/org';

export type PendingStage = 'totp' | 'password_change' | 'totp_enrol';

export interface Me {
  user: { id: string; username: string; displayName: string; orgId: string; orgName: string; orgLevel: string };
  permissions: string[];
  scope: { all: boolean; subtreeCount: number; orgCount: number };
  pending: PendingStage | null;
  totpEnabled: boolean;
  passwordExpiresAt: string | null;
  csrfToken: string;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface Label {
  code: string;
  zh: string;
  en: string;
}

export interface Meta {
  permissions: (Label & { group: string })[];
  orgLevels: Label[];
  orgKinds: Label[];
  scopeKinds: Label[];
}

export interface Org {
  id: string;
  parentId: string | null;
  parentName: string | null;
  depth: number;
  level: string;
  kind: string | null;
  code: string;
  name: string;
  employerName: string | null;
  uscc: string | null;
  regionCode: string | null;
  industry: string | null;
  employeeCount: number | null;
  foundedOn: string | null;
  chairName: string | null;
  termStart: string | null;
  termYears: number | null;
  termEnd: string | null;
  termStatus: TermStatus;
  hasWomenCommittee: boolean;
  active: boolean;
  version: number;
  updatedAt: string;
}

export interface OrgDetail extends Org {
  ancestors: { id: string; name: string; level: string }[];
  childCount: number;
  activeChildCount: number;
  userCount: number;
  can: { edit: boolean; move: boolean; deactivate: boolean; addChild: boolean };
}

export interface OrgTreeNode {
  id: string;
  name: string;
  code: string;
  level: string;
  kind: string | null;
  active: boolean;
  childCount: number;
}

export interface OrgSearchHit extends OrgTreeNode {
  ancestorIds: string[];
  pathNames: string[];
}

/** Fields accepted by POST /api/orgs and PUT /api/orgs/:id. */
export interface OrgInput {
  level: string;
  kind: string | null;
  code: string;
  name: string;
  employerName: string | null;
  uscc: string | null;
  regionCode: string | null;
  industry: string | null;
  employeeCount: number | null;
  foundedOn: string | null;
  chairName: string | null;
  termStart: string | null;
  termYears: number | null;
  hasWomenCommittee: boolean;
}

export interface OrgListParams {
  page?: number;
  pageSize?: number;
  q?: string;
  level?: string;
  kind?: string;
  under?: string;
  parentId?: string;
  active?: 'true' | 'false' | 'all';
  termStatus?: 'expiring' | 'expired' | 'due';
  noChair?: 'true';
  sort?: 'code' | 'name' | 'employeeCount' | 'termEnd' | 'updatedAt';
  order?: 'asc' | 'desc';
}

export interface DashboardCount {
  key: string | null;
  n: number;
}

export interface OrgFigures {
  totalOrgs: number;
  grassroots: number;
  withoutChair: number;
  termExpiring: number;
  termExpired: number;
  employees: number;
  byLevel: DashboardCount[];
  byKind: DashboardCount[];
  byChild: { id: string; name: string; grassroots: number; withoutChair: number; termDue: number }[];
}

export interface User {
  id: string;
  username: string;
  displayName: string;
  orgId: string;
  orgName: string;
  roles: { id: string; name: string }[];
  active: boolean;
  locked: boolean;
  totpEnabled: boolean;
  mustChangePassword: boolean;
  lastLoginAt: string | null;
  createdAt: string;
  version: number;
}

export interface UserCreated extends User {
  temporaryPassword: string | null;
}

export interface Role {
  id: string;
  code: string;
  name: string;
  description: string | null;
  permissions: string[];
  scopeKind: string;
  scopeOrgs: { id: string; name: string }[];
  builtIn: boolean;
  ownerOrgName: string | null;
  userCount: number;
  grantable: boolean;
  editable: boolean;
  version: number;
}

export interface RoleInput {
  code: string;
  name: string;
  description: string | null;
  permissions: string[];
  scopeKind: string;
  scopeOrgIds: string[];
}

export interface AuditEntry {
  seq: number;
  at: string;
  actorName: string | null;
  orgId: string | null;
  orgName: string | null;
  action: string;
  entity: string | null;
  entityId: string | null;
  changes: unknown;
  ip: string | null;
  result: string;
  detail: string | null;
}

export interface AuditVerifyResult {
  ok: boolean;
  checked: number;
  firstBroken?: { seq: number; reason: string };
}
