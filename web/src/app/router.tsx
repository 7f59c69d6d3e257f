import { lazy, Suspense, type ReactNode } from 'react';
import { BrowserRouter, Navigate, Route, Routes, useLocation } from 'react-router-dom';
import { Spin } from 'antd';
import { useAuth } from './auth-context';
import { BasicLayout } from './layout/BasicLayout';
import { HomeRedirect, NotFoundPage, RequireAccess, WelcomePage } from './pages';
import type { AccessKey } from './access';

// Pages are split into their own chunks; the login page and the shell load first.
const LoginPage = lazy(() => import('../modules/auth/LoginPage'));
const DashboardPage = lazy(() => import('../modules/dashboard/DashboardPage'));
const OrgTreePage = lazy(() => import('../modules/org/OrgTreePage'));
const OrgListPage = lazy(() => import('../modules/org/OrgListPage'));
const OrgDetailPage = lazy(() => import('../modules/org/OrgDetailPage'));
const TermWarningsPage = lazy(() => import('../modules/org/OrgListPage').then((m) => ({ default: m.TermWarningsPage })));
const UserListPage = lazy(() => import('../modules/user/UserListPage'));
const PlansPage = lazy(() => import('../modules/plan/PlansPage'));
const PlanNewPage = lazy(() => import('../modules/plan/PlanNewPage'));
const PlanDetailPage = lazy(() => import('../modules/plan/PlanDetailPage'));
const ProjectsPage = lazy(() => import('../modules/plan/ProjectsPage'));
const ProjectDetailPage = lazy(() => import('../modules/plan/ProjectDetailPage'));
const PublicProjectsPage = lazy(() => import('../modules/plan/PublicProjectsPage'));
const PlanTasksPage = lazy(() => import('../modules/plan/TasksPage'));
const TaskDetailPage = lazy(() => import('../modules/plan/TaskDetailPage'));
const AssessmentsPage = lazy(() => import('../modules/plan/AssessmentsPage'));
const AssessmentDetailPage = lazy(() => import('../modules/plan/AssessmentDetailPage'));
const AssessmentEntriesPage = lazy(() => import('../modules/plan/AssessmentEntriesPage'));
const AssessmentEntryPage = lazy(() => import('../modules/plan/AssessmentEntryPage'));
const RoleListPage = lazy(() => import('../modules/user/RoleListPage'));
const AuditPage = lazy(() => import('../modules/audit/AuditPage'));
const SecuritySettingsPage = lazy(() => import('../modules/system/SecuritySettingsPage'));
const CalendarPage = lazy(() => import('../modules/system/CalendarPage'));
const BackupSettingsPage = lazy(() => import('../modules/system/BackupSettingsPage'));
const RulesPage = lazy(() => import('../modules/rules/RulesPage'));
const MemberSearchPage = lazy(() => import('../modules/member/MemberSearchPage'));
const MemberDetailPage = lazy(() => import('../modules/member/MemberDetailPage'));
const MemberImportPage = lazy(() => import('../modules/member/ImportPage'));
const ApplicationsPage = lazy(() => import('../modules/member/ApplicationsPage'));
const TransfersPage = lazy(() => import('../modules/member/TransfersPage'));
const HardshipFilesPage = lazy(() => import('../modules/hardship/files/FilesPage'));
const HardshipFileDetailPage = lazy(() => import('../modules/hardship/files/FileDetailPage'));
const HardshipAidPage = lazy(() => import('../modules/hardship/aid/AidPage'));
const HardshipCampaignsPage = lazy(() => import('../modules/hardship/aid/CampaignsPage'));
const HardshipRulesPage = lazy(() => import('../modules/hardship/aid/RulesPage'));
const HardshipWarningsPage = lazy(() => import('../modules/hardship/monitor/WarningsPage'));
const HardshipSelfCheckPage = lazy(() => import('../modules/hardship/monitor/SelfCheckPage'));
const ContractListPage = lazy(() => import('../modules/contract/ContractListPage'));
const ContractDetailPage = lazy(() => import('../modules/contract/ContractDetailPage'));
const CoveragePage = lazy(() => import('../modules/contract/CoveragePage'));
const CongressListPage = lazy(() => import('../modules/contract/CongressListPage'));
const CongressDetailPage = lazy(() => import('../modules/contract/CongressDetailPage'));
const CongressRosterPage = lazy(() => import('../modules/contract/CongressRosterPage'));
const ProposalsPage = lazy(() => import('../modules/contract/ProposalsPage'));
const DisclosuresPage = lazy(() => import('../modules/contract/DisclosuresPage'));
const DisputeListPage = lazy(() => import('../modules/dispute/DisputeListPage'));
const DisputeDetailPage = lazy(() => import('../modules/dispute/DisputeDetailPage'));
const MediatorsPage = lazy(() => import('../modules/dispute/MediatorsPage'));
const LegalAidPage = lazy(() => import('../modules/dispute/LegalAidPage'));
const LawyersPage = lazy(() => import('../modules/dispute/LawyersPage'));
const HotlinePage = lazy(() => import('../modules/dispute/HotlinePage'));
const WageArrearsPage = lazy(() => import('../modules/dispute/WageArrearsPage'));
const MediationApplyPage = lazy(() => import('../modules/dispute/MediationApplyPage'));
const MediationStatusPage = lazy(() => import('../modules/dispute/MediationStatusPage'));
const HonorCallsPage = lazy(() => import('../modules/honor/CallsPage'));
const HonorCallDetailPage = lazy(() => import('../modules/honor/CallDetailPage'));
const HonorNominationPage = lazy(() => import('../modules/honor/NominationDetailPage'));
const HonorRecordsPage = lazy(() => import('../modules/honor/RecordsPage'));
const HonorRecordDetailPage = lazy(() => import('../modules/honor/RecordDetailPage'));
const CompetitionsPage = lazy(() => import('../modules/competition/CompetitionsPage'));
const CompetitionDetailPage = lazy(() => import('../modules/competition/CompetitionDetailPage'));
const MutualAidClaimsPage = lazy(() => import('../modules/mutual-aid/ClaimsPage'));
const MutualAidClaimDetailPage = lazy(() => import('../modules/mutual-aid/ClaimDetailPage'));
const MutualAidPlansPage = lazy(() => import('../modules/mutual-aid/PlansPage'));
const MutualAidPlanDetailPage = lazy(() => import('../modules/mutual-aid/PlanDetailPage'));
const StudiosPage = lazy(() => import('../modules/studio/StudiosPage'));
const StudioDetailPage = lazy(() => import('../modules/studio/StudioDetailPage'));
const OffersPage = lazy(() => import('../modules/benefit/OffersPage'));
const OfferDetailPage = lazy(() => import('../modules/benefit/OfferDetailPage'));
const MerchantsPage = lazy(() => import('../modules/benefit/MerchantsPage'));
const RecuperationPage = lazy(() => import('../modules/benefit/RecuperationPage'));
const PortalBenefitsPage = lazy(() => import('../modules/benefit/PortalBenefitsPage'));
const CoursesPage = lazy(() => import('../modules/training/CoursesPage'));
const CourseDetailPage = lazy(() => import('../modules/training/CourseDetailPage'));
const CertificatesPage = lazy(() => import('../modules/training/CertificatesPage'));
const MentoringPage = lazy(() => import('../modules/training/MentoringPage'));
const RationalProposalsPage = lazy(() => import('../modules/training/ProposalsPage'));
const RationalProposalDetailPage = lazy(() => import('../modules/training/ProposalDetailPage'));
const PortalTrainingPage = lazy(() => import('../modules/training/PortalTrainingPage'));
const CertificateVerifyPage = lazy(() => import('../modules/training/CertificateVerifyPage'));
const PublicNoticePage = lazy(() => import('../modules/honor/PublicNoticePage').then((m) => ({ default: m.PublicNoticePage })));
const PublicNoticesPage = lazy(() => import('../modules/honor/PublicNoticePage').then((m) => ({ default: m.PublicNoticesPage })));
// Public pages: no sign-in (online joining and the card check behind the QR code).
const JoinPage = lazy(() => import('../modules/join/JoinPage'));
const JoinStatusPage = lazy(() => import('../modules/join/JoinStatusPage'));
const CardVerifyPage = lazy(() => import('../modules/join/CardVerifyPage'));
const PortalLoginPage = lazy(() => import('../modules/portal/PortalLoginPage'));
const PortalHomePage = lazy(() => import('../modules/portal/PortalHomePage'));
const PortalCasePage = lazy(() => import('../modules/portal/PortalCasePage'));
const LegalAidApplyPage = lazy(() => import('../modules/dispute/LegalAidApplyPage'));
const OutboxPage = lazy(() => import('../modules/portal/OutboxPage'));
const StationsPage = lazy(() => import('../modules/station/StationsPage'));
const StationMapPage = lazy(() => import('../modules/station/StationMapPage'));
const StationDetailPage = lazy(() => import('../modules/station/StationDetailPage'));
const StationFinderPage = lazy(() => import('../modules/station/StationFinderPage'));
const EventsPage = lazy(() => import('../modules/event/EventsPage'));
const EventDetailPage = lazy(() => import('../modules/event/EventDetailPage'));
const PortalEventsPage = lazy(() => import('../modules/event/PortalEventsPage'));
const ChangeRequestsPage = lazy(() => import('../modules/portal/ChangeRequestsPage'));

const fullPageSpin = <Spin size="large" style={{ display: 'block', margin: '30vh auto' }} data-testid="app-loading" />;

/** Signed-out visitors (and unfinished sign-ins) go to /login, remembering where they were heading. */
function RequireSignIn({ children }: { children: ReactNode }) {
  const { me, signedOutOnPurpose } = useAuth();
  const location = useLocation();
  if (me === undefined) return fullPageSpin;
  if (!me || me.pending) {
    return <Navigate to="/login" replace state={signedOutOnPurpose ? null : { from: location.pathname + location.search }} />;
  }
  return <>{children}</>;
}

const guarded = (access: AccessKey, page: ReactNode) => <RequireAccess access={access}>{page}</RequireAccess>;

export function AppRouter() {
  return (
    <BrowserRouter>
      <Suspense fallback={fullPageSpin}>
        <Routes>
          <Route path="/login" element={<LoginPage />} />
          <Route path="/join" element={<JoinPage />} />
          <Route path="/join/status" element={<JoinStatusPage />} />
          <Route path="/card/verify" element={<CardVerifyPage />} />
          <Route path="/m" element={<PortalHomePage />} />
          <Route path="/m/login" element={<PortalLoginPage />} />
          <Route path="/m/benefits" element={<PortalBenefitsPage />} />
          <Route path="/m/stations" element={<StationFinderPage />} />
          <Route path="/m/training" element={<PortalTrainingPage />} />
          <Route path="/certificates/verify" element={<CertificateVerifyPage />} />
          <Route path="/m/events" element={<PortalEventsPage />} />
          <Route path="/m/cases/:kind/:id" element={<PortalCasePage />} />
          <Route path="/legal-aid/apply" element={<LegalAidApplyPage />} />
          <Route path="/hardship/self-check" element={<HardshipSelfCheckPage />} />
          <Route path="/mediation" element={<MediationApplyPage />} />
          <Route path="/mediation/status" element={<MediationStatusPage />} />
          <Route path="/notices" element={<PublicNoticesPage />} />
          <Route path="/notices/:id" element={<PublicNoticePage />} />
          <Route path="/projects/public" element={<PublicProjectsPage />} />
          <Route
            element={
              <RequireSignIn>
                <BasicLayout />
              </RequireSignIn>
            }
          >
            <Route index element={<HomeRedirect />} />
            <Route path="dashboard" element={guarded('canReadDashboard', <DashboardPage />)} />
            <Route path="orgs" element={guarded('canReadOrg', <OrgListPage />)} />
            <Route path="orgs/tree" element={guarded('canReadOrg', <OrgTreePage />)} />
            <Route path="orgs/warnings" element={guarded('canReadOrg', <TermWarningsPage />)} />
            <Route path="orgs/:id" element={guarded('canReadOrg', <OrgDetailPage />)} />
            <Route path="members" element={guarded('canReadMember', <MemberSearchPage />)} />
            <Route path="members/import" element={guarded('canImportMember', <MemberImportPage />)} />
            <Route path="members/applications" element={guarded('canReviewJoin', <ApplicationsPage />)} />
            <Route path="members/transfers" element={guarded('canTransferMember', <TransfersPage />)} />
            <Route path="members/change-requests" element={guarded('canReadMember', <ChangeRequestsPage />)} />
            <Route path="members/:id" element={guarded('canReadMember', <MemberDetailPage />)} />
            <Route path="hardship/files" element={guarded('canReadHardship', <HardshipFilesPage />)} />
            <Route path="hardship/files/:id" element={guarded('canReadHardship', <HardshipFileDetailPage />)} />
            <Route path="hardship/aid" element={guarded('canReadHardship', <HardshipAidPage />)} />
            <Route path="hardship/campaigns" element={guarded('canReadHardship', <HardshipCampaignsPage />)} />
            <Route path="hardship/rules" element={guarded('canReadHardship', <HardshipRulesPage />)} />
            <Route path="contracts" element={guarded('canReadContract', <ContractListPage />)} />
            <Route path="contracts/coverage" element={guarded('canReadContract', <CoveragePage />)} />
            <Route path="contracts/:id" element={guarded('canReadContract', <ContractDetailPage />)} />
            <Route path="congresses" element={guarded('canReadContract', <CongressListPage />)} />
            <Route path="congresses/proposals" element={guarded('canReadContract', <ProposalsPage />)} />
            <Route path="congresses/disclosures" element={guarded('canReadContract', <DisclosuresPage />)} />
            <Route path="congresses/:id" element={guarded('canReadContract', <CongressDetailPage />)} />
            <Route path="congresses/:id/roster" element={guarded('canReadContract', <CongressRosterPage />)} />
            <Route path="hardship/warnings" element={guarded('canReadHardship', <HardshipWarningsPage />)} />
            <Route path="plans" element={guarded('canReadPlan', <PlansPage />)} />
            <Route path="plans/new" element={guarded('canWritePlan', <PlanNewPage />)} />
            <Route path="plans/tasks" element={guarded('canReadPlan', <PlanTasksPage />)} />
            <Route path="plans/tasks/:id" element={guarded('canReadPlan', <TaskDetailPage />)} />
            <Route path="plans/projects" element={guarded('canReadPlan', <ProjectsPage />)} />
            <Route path="plans/projects/:id" element={guarded('canReadPlan', <ProjectDetailPage />)} />
            <Route path="plans/assessments" element={guarded('canReadPlan', <AssessmentsPage />)} />
            <Route path="plans/assessments/:id" element={guarded('canReadPlan', <AssessmentDetailPage />)} />
            <Route path="plans/assessment-entries" element={guarded('canReadPlan', <AssessmentEntriesPage />)} />
            <Route path="plans/assessment-entries/:id" element={guarded('canReadPlan', <AssessmentEntryPage />)} />
            <Route path="plans/:id" element={guarded('canReadPlan', <PlanDetailPage />)} />
            <Route path="disputes" element={guarded('canReadDispute', <DisputeListPage />)} />
            <Route path="disputes/mediators" element={guarded('canReadDispute', <MediatorsPage />)} />
            <Route path="disputes/:id" element={guarded('canReadDispute', <DisputeDetailPage />)} />
            <Route path="legal-aid" element={guarded('canReadLegalAid', <LegalAidPage />)} />
            <Route path="legal-aid/lawyers" element={guarded('canReadLegalAid', <LawyersPage />)} />
            <Route path="legal-aid/hotline" element={guarded('canReadLegalAid', <HotlinePage />)} />
            <Route path="wage-arrears" element={guarded('canReadDispute', <WageArrearsPage />)} />
            <Route path="honors/calls" element={guarded('canReadHonor', <HonorCallsPage />)} />
            <Route path="honors/calls/:id" element={guarded('canReadHonor', <HonorCallDetailPage />)} />
            <Route path="honors/nominations/:id" element={guarded('canReadHonor', <HonorNominationPage />)} />
            <Route path="honors/records" element={guarded('canReadHonor', <HonorRecordsPage />)} />
            <Route path="honors/records/:id" element={guarded('canReadHonor', <HonorRecordDetailPage />)} />
            <Route path="competitions" element={guarded('canReadCompetition', <CompetitionsPage />)} />
            <Route path="competitions/:id" element={guarded('canReadCompetition', <CompetitionDetailPage />)} />
            <Route path="events" element={guarded('canReadEvent', <EventsPage />)} />
            <Route path="events/:id" element={guarded('canReadEvent', <EventDetailPage />)} />
            <Route path="mutual-aid/claims" element={guarded('canReadMutualAid', <MutualAidClaimsPage />)} />
            <Route path="mutual-aid/claims/:id" element={guarded('canReadMutualAid', <MutualAidClaimDetailPage />)} />
            <Route path="mutual-aid/plans" element={guarded('canReadMutualAid', <MutualAidPlansPage />)} />
            <Route path="mutual-aid/plans/:id" element={guarded('canReadMutualAid', <MutualAidPlanDetailPage />)} />
            <Route path="studios" element={guarded('canReadStudio', <StudiosPage />)} />
            <Route path="studios/:id" element={guarded('canReadStudio', <StudioDetailPage />)} />
            <Route path="benefits/offers" element={guarded('canReadBenefit', <OffersPage />)} />
            <Route path="benefits/offers/:id" element={guarded('canReadBenefit', <OfferDetailPage />)} />
            <Route path="benefits/merchants" element={guarded('canReadBenefit', <MerchantsPage />)} />
            <Route path="benefits/recuperation" element={guarded('canReadBenefit', <RecuperationPage />)} />
            <Route path="stations" element={guarded('canReadStation', <StationsPage />)} />
            <Route path="stations/map" element={guarded('canReadStation', <StationMapPage />)} />
            <Route path="stations/:id" element={guarded('canReadStation', <StationDetailPage />)} />
            <Route path="training/courses" element={guarded('canReadTraining', <CoursesPage />)} />
            <Route path="training/courses/:id" element={guarded('canReadTraining', <CourseDetailPage />)} />
            <Route path="training/certificates" element={guarded('canReadTraining', <CertificatesPage />)} />
            <Route path="training/mentoring" element={guarded('canReadTraining', <MentoringPage />)} />
            <Route path="proposals" element={guarded('canReadProposal', <RationalProposalsPage />)} />
            <Route path="proposals/:id" element={guarded('canReadProposal', <RationalProposalDetailPage />)} />
            <Route path="system/users" element={guarded('canReadUsers', <UserListPage />)} />
            <Route path="system/roles" element={guarded('canReadUsers', <RoleListPage />)} />
            <Route path="system/audit" element={guarded('canReadAudit', <AuditPage />)} />
            <Route path="system/settings" element={guarded('canManageSettings', <SecuritySettingsPage />)} />
            <Route path="system/calendar" element={guarded('canManageSettings', <CalendarPage />)} />
            <Route path="system/backup" element={guarded('canManageSettings', <BackupSettingsPage />)} />
            <Route path="system/rules" element={guarded('canReadDashboard', <RulesPage />)} />
            <Route path="system/sms-outbox" element={guarded('canManageSettings', <OutboxPage />)} />
            <Route path="welcome" element={<WelcomePage />} />
            <Route path="*" element={<NotFoundPage />} />
          </Route>
          <Route path="*" element={<Navigate to="/" replace />} />
        </Routes>
      </Suspense>
    </BrowserRouter>
  );
}
