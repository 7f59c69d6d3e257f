import type { Me } from '../../../common/src/contracts/auth';

/**
 * The current user's permissions as booleans (Ant Design Pro's access.ts): the menu, the routes
 * and the buttons all ask this map, so the rules are not repeated across screens. The server
 * still enforces every rule; this only hides what would be refused.
 */
export interface Access {
  signedIn: boolean;
  canReadDashboard: boolean;
  canReadOrg: boolean;
  canWriteOrg: boolean;
  canReadUsers: boolean;
  canManageUsers: boolean;
  canManageRoles: boolean;
  canReadAudit: boolean;
  /** Verifying the whole audit hash chain needs the whole-platform data scope as well. */
  canVerifyAudit: boolean;
  canManageSettings: boolean;
  canReadMember: boolean;
  canWriteMember: boolean;
  canUnmaskMember: boolean;
  canImportMember: boolean;
  canExportMember: boolean;
  canTransferMember: boolean;
  canReviewJoin: boolean;
  canReadHardship: boolean;
  canWriteHardship: boolean;
  canReviewHardship: boolean;
  canUnmaskHardship: boolean;
  canWriteAid: boolean;
  canManageBudget: boolean;
  canHandleWarning: boolean;
  canManageRules: boolean;
  canReadPlan: boolean;
  canWritePlan: boolean;
  canReadContract: boolean;
  canWriteContract: boolean;
  canReadDispute: boolean;
  canWriteDispute: boolean;
  canUnmaskDispute: boolean;
  canManageMediators: boolean;
  canReadLegalAid: boolean;
  canWriteLegalAid: boolean;
  canManageLawyers: boolean;
  canReadHonor: boolean;
  canWriteHonor: boolean;
  canReviewHonor: boolean;
  canReadCompetition: boolean;
  canWriteCompetition: boolean;
  canReadStudio: boolean;
  canWriteStudio: boolean;
}

export type AccessKey = Exclude<keyof Access, 'signedIn'>;

export function computeAccess(me: Me | null): Access {
  const ready = !!me && me.pending === null;
  const has = (p: string) => ready && me!.permissions.includes(p);
  return {
    signedIn: ready,
    canReadDashboard: has('dashboard.read'),
    canReadOrg: has('org.read'),
    canWriteOrg: has('org.read') && has('org.write'),
    canReadUsers: has('user.read'),
    canManageUsers: has('user.read') && has('user.manage'),
    canManageRoles: has('user.read') && has('role.manage'),
    canReadAudit: has('audit.read'),
    canVerifyAudit: has('audit.read') && !!me?.scope.all,
    canManageSettings: has('settings.manage'),
    canReadMember: has('member.read'),
    canWriteMember: has('member.read') && has('member.write'),
    canUnmaskMember: has('member.read') && has('member.unmask'),
    canImportMember: has('member.import'),
    canExportMember: has('member.read') && has('member.export'),
    canTransferMember: has('member.transfer'),
    canReviewJoin: has('join.review'),
    canReadHardship: has('hardship.read'),
    canWriteHardship: has('hardship.read') && has('hardship.write'),
    canReviewHardship: has('hardship.read') && has('hardship.review'),
    canUnmaskHardship: has('hardship.read') && has('hardship.unmask'),
    canWriteAid: has('hardship.read') && has('aid.write'),
    canManageBudget: has('hardship.read') && has('budget.manage'),
    canHandleWarning: has('hardship.read') && has('warning.handle'),
    canManageRules: has('hardship.read') && has('rule.manage'),
    canReadPlan: has('plan.read'),
    canWritePlan: has('plan.read') && has('plan.write'),
    canReadContract: has('contract.read'),
    canWriteContract: has('contract.read') && has('contract.write'),
    canReadDispute: has('dispute.read'),
    canWriteDispute: has('dispute.read') && has('dispute.write'),
    canUnmaskDispute: has('dispute.read') && has('dispute.unmask'),
    canManageMediators: has('dispute.read') && has('mediator.manage'),
    canReadLegalAid: has('legal_aid.read'),
    canWriteLegalAid: has('legal_aid.read') && has('legal_aid.write'),
    canManageLawyers: has('legal_aid.read') && has('lawyer.manage'),
    canReadHonor: has('honor.read'),
    canWriteHonor: has('honor.read') && has('honor.write'),
    canReviewHonor: has('honor.read') && has('honor.review'),
    canReadCompetition: has('competition.read'),
    canWriteCompetition: has('competition.read') && has('competition.write'),
    canReadStudio: has('studio.read'),
    canWriteStudio: has('studio.read') && has('studio.write'),
  };
}

/** Where a signed-in user lands: the first page their permissions open. */
export function homePath(a: Access): string {
  if (a.canReadDashboard) return '/dashboard';
  if (a.canReadOrg) return '/orgs/tree';
  if (a.canReadMember) return '/members';
  if (a.canReadHardship) return '/hardship/files';
  if (a.canReadUsers) return '/system/users';
  if (a.canReadAudit) return '/system/audit';
  return '/welcome';
}
