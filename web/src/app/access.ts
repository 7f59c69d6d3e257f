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
  canReadBenefit: boolean;
  canWriteBenefit: boolean;
  canReadStation: boolean;
  canWriteStation: boolean;
  canReadTraining: boolean;
  canWriteTraining: boolean;
  canReadProposal: boolean;
  canWriteProposal: boolean;
  canReadEvent: boolean;
  canWriteEvent: boolean;
  canReadMutualAid: boolean;
  canWriteMutualAid: boolean;
  canReviewMutualAid: boolean;
}

export type AccessKey = Exclude<keyof Access, 'signedIn'>;

export function computeAccess(me: Me | null): Access {
  const ready = !!me && me.pending === null;
  const has = (p: string) => ready && me!.permissions.includes(p);
  // Writing needs reading too: a page that lists nothing cannot offer to change it.
  const both = (read: string, act: string) => has(read) && has(act);
  return {
    signedIn: ready,
    canReadDashboard: has('dashboard.read'),
    canReadOrg: has('org.read'), canWriteOrg: both('org.read', 'org.write'),
    canReadUsers: has('user.read'), canManageUsers: both('user.read', 'user.manage'), canManageRoles: both('user.read', 'role.manage'),
    canReadAudit: has('audit.read'), canVerifyAudit: has('audit.read') && !!me?.scope.all,
    canManageSettings: has('settings.manage'),
    canReadMember: has('member.read'), canWriteMember: both('member.read', 'member.write'), canUnmaskMember: both('member.read', 'member.unmask'), canImportMember: has('member.import'),
    canExportMember: both('member.read', 'member.export'), canTransferMember: has('member.transfer'), canReviewJoin: has('join.review'),
    canReadHardship: has('hardship.read'), canWriteHardship: both('hardship.read', 'hardship.write'), canReviewHardship: both('hardship.read', 'hardship.review'), canUnmaskHardship: both('hardship.read', 'hardship.unmask'),
    canWriteAid: both('hardship.read', 'aid.write'), canManageBudget: both('hardship.read', 'budget.manage'), canHandleWarning: both('hardship.read', 'warning.handle'), canManageRules: both('hardship.read', 'rule.manage'),
    canReadPlan: has('plan.read'), canWritePlan: both('plan.read', 'plan.write'),
    canReadContract: has('contract.read'), canWriteContract: both('contract.read', 'contract.write'),
    canReadDispute: has('dispute.read'), canWriteDispute: both('dispute.read', 'dispute.write'),
    canUnmaskDispute: both('dispute.read', 'dispute.unmask'), canManageMediators: both('dispute.read', 'mediator.manage'),
    canReadLegalAid: has('legal_aid.read'), canWriteLegalAid: both('legal_aid.read', 'legal_aid.write'),
    canManageLawyers: both('legal_aid.read', 'lawyer.manage'),
    canReadHonor: has('honor.read'), canWriteHonor: both('honor.read', 'honor.write'), canReviewHonor: both('honor.read', 'honor.review'),
    canReadCompetition: has('competition.read'), canWriteCompetition: both('competition.read', 'competition.write'),
    canReadStudio: has('studio.read'), canWriteStudio: both('studio.read', 'studio.write'),
    canReadBenefit: has('benefit.read'), canWriteBenefit: both('benefit.read', 'benefit.write'),
    canReadStation: has('station.read'), canWriteStation: both('station.read', 'station.write'),
    canReadTraining: has('training.read'), canWriteTraining: both('training.read', 'training.write'),
    canReadProposal: has('proposal.read'), canWriteProposal: both('proposal.read', 'proposal.write'),
    canReadEvent: has('event.read'), canWriteEvent: both('event.read', 'event.write'),
    canReadMutualAid: has('mutual_aid.read'),
    canWriteMutualAid: both('mutual_aid.read', 'mutual_aid.write'), canReviewMutualAid: both('mutual_aid.read', 'mutual_aid.review'),
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
