import type { ReactNode } from 'react';
import { ApartmentOutlined, AuditOutlined, DashboardOutlined, SafetyOutlined, SettingOutlined, TeamOutlined, UserOutlined, BranchesOutlined, UnorderedListOutlined, FieldTimeOutlined } from '@ant-design/icons';
import { HeartOutlined, FolderOpenOutlined, GiftOutlined, FireOutlined, AlertOutlined, ControlOutlined } from '@ant-design/icons';
import { ScheduleOutlined, ProjectOutlined, CarryOutOutlined } from '@ant-design/icons';
import { FlagOutlined } from '@ant-design/icons';
import { OrderedListOutlined, FormOutlined } from '@ant-design/icons';
import { MedicineBoxOutlined } from '@ant-design/icons';
import { InsuranceOutlined } from '@ant-design/icons';
import { IdcardOutlined, SearchOutlined, CloudUploadOutlined, SolutionOutlined, SwapOutlined } from '@ant-design/icons';
import { CalendarOutlined } from '@ant-design/icons';
import { CloudServerOutlined } from '@ant-design/icons';
import { MessageOutlined } from '@ant-design/icons';
import { FileProtectOutlined, FileTextOutlined, PieChartOutlined, BankOutlined, BulbOutlined, NotificationOutlined } from '@ant-design/icons';
import { ReadOutlined, UsergroupAddOutlined, BulbFilled, SafetyCertificateFilled } from '@ant-design/icons';
import { SafetyCertificateOutlined, AuditOutlined as CaseOutlined, TeamOutlined as PanelOutlined, PhoneOutlined, MoneyCollectOutlined } from '@ant-design/icons';
import { ShopOutlined, TagsOutlined, SmileOutlined, CarOutlined } from '@ant-design/icons';
import { EditOutlined as ChangeRequestOutlined } from '@ant-design/icons';
import { TrophyOutlined, CrownOutlined, StarOutlined, TrophyFilled, ExperimentOutlined } from '@ant-design/icons';
import { EnvironmentOutlined, CoffeeOutlined, GlobalOutlined } from '@ant-design/icons';
import type { MenuProps } from 'antd';
import type { Access, AccessKey } from '../access';
import type { MessageKey } from '../../i18n';

interface MenuLeaf {
  key: string; // the route path
  label: MessageKey;
  icon: ReactNode;
  access: AccessKey;
  testId: string;
}
interface MenuGroup {
  key: string;
  label: MessageKey;
  icon: ReactNode;
  testId: string;
  children: MenuLeaf[];
}

const leaf = (key: string, label: MessageKey, icon: ReactNode, access: AccessKey, testId: string): MenuLeaf => ({ key, label, icon, access, testId });
/** A group of the menu; its data-testid is `menu-<key>`. */
const group = (key: string, label: MessageKey, icon: ReactNode, children: MenuLeaf[]): MenuGroup => ({ key, label, icon, testId: `menu-${key}`, children });

/** The side menu: each entry names the permission that shows it (the same one its route checks). */
export const MENU: (MenuLeaf | MenuGroup)[] = [
  leaf('/dashboard', 'menu.dashboard', <DashboardOutlined />, 'canReadDashboard', 'menu-dashboard'),
  group('org', 'menu.org', <ApartmentOutlined />, [
    leaf('/orgs/tree', 'menu.orgTree', <BranchesOutlined />, 'canReadOrg', 'menu-org-tree'),
    leaf('/orgs', 'menu.orgList', <UnorderedListOutlined />, 'canReadOrg', 'menu-org-list'),
    leaf('/orgs/warnings', 'menu.orgWarnings', <FieldTimeOutlined />, 'canReadOrg', 'menu-org-warnings'),
  ]),
  group('member', 'menu.member', <IdcardOutlined />, [
    leaf('/members', 'menu.memberSearch', <SearchOutlined />, 'canReadMember', 'menu-member-search'),
    leaf('/members/import', 'menu.memberImport', <CloudUploadOutlined />, 'canImportMember', 'menu-member-import'),
    leaf('/members/applications', 'menu.memberApplications', <SolutionOutlined />, 'canReviewJoin', 'menu-member-applications'),
    leaf('/members/transfers', 'menu.memberTransfers', <SwapOutlined />, 'canTransferMember', 'menu-member-transfers'),
    leaf('/members/change-requests', 'portalReview.menu', <ChangeRequestOutlined />, 'canReadMember', 'menu-member-change-requests'),
  ]),
  group('hardship', 'menu.hardship', <HeartOutlined />, [
    leaf('/hardship/files', 'menu.hardshipFiles', <FolderOpenOutlined />, 'canReadHardship', 'menu-hardship-files'),
    leaf('/hardship/aid', 'menu.hardshipAid', <GiftOutlined />, 'canReadHardship', 'menu-hardship-aid'),
    leaf('/hardship/campaigns', 'menu.hardshipCampaigns', <FireOutlined />, 'canReadHardship', 'menu-hardship-campaigns'),
    leaf('/hardship/warnings', 'menu.hardshipWarnings', <AlertOutlined />, 'canReadHardship', 'menu-hardship-warnings'),
    leaf('/hardship/rules', 'menu.hardshipRules', <ControlOutlined />, 'canReadHardship', 'menu-hardship-rules'),
    leaf('/mutual-aid/claims', 'mutualAid.menu.claims', <MedicineBoxOutlined />, 'canReadMutualAid', 'menu-mutual-aid'),
    leaf('/mutual-aid/plans', 'mutualAid.menu.plans', <InsuranceOutlined />, 'canReadMutualAid', 'menu-mutual-aid-plans'),
  ]),
  group('plan', 'menu.plan', <ScheduleOutlined />, [
    leaf('/plans', 'menu.plans', <ProjectOutlined />, 'canReadPlan', 'menu-plans'),
    leaf('/plans/tasks', 'menu.planTasks', <CarryOutOutlined />, 'canReadPlan', 'menu-plan-tasks'),
    leaf('/plans/projects', 'menu.projects', <FlagOutlined />, 'canReadPlan', 'menu-projects'),
    leaf('/plans/assessments', 'menu.assessments', <OrderedListOutlined />, 'canReadPlan', 'menu-assessments'),
    leaf('/plans/assessment-entries', 'menu.assessmentEntries', <FormOutlined />, 'canReadPlan', 'menu-assessment-entries'),
  ]),
  group('contract', 'menu.contract', <FileProtectOutlined />, [
    leaf('/contracts', 'menu.contracts', <FileTextOutlined />, 'canReadContract', 'menu-contracts'),
    leaf('/contracts/coverage', 'menu.contractCoverage', <PieChartOutlined />, 'canReadContract', 'menu-contract-coverage'),
    leaf('/congresses', 'menu.congresses', <BankOutlined />, 'canReadContract', 'menu-congresses'),
    leaf('/congresses/proposals', 'menu.proposals', <BulbOutlined />, 'canReadContract', 'menu-proposals'),
    leaf('/congresses/disclosures', 'menu.disclosures', <NotificationOutlined />, 'canReadContract', 'menu-disclosures'),
  ]),
  group('rights', 'menu.rights', <SafetyCertificateOutlined />, [
    leaf('/disputes', 'menu.disputes', <CaseOutlined />, 'canReadDispute', 'menu-disputes'),
    leaf('/disputes/mediators', 'menu.mediators', <PanelOutlined />, 'canReadDispute', 'menu-mediators'),
    leaf('/wage-arrears', 'menu.wageArrears', <MoneyCollectOutlined />, 'canReadDispute', 'menu-wage-arrears'),
    leaf('/legal-aid', 'menu.legalAid', <SafetyCertificateOutlined />, 'canReadLegalAid', 'menu-legal-aid'),
    leaf('/legal-aid/lawyers', 'menu.lawyers', <PanelOutlined />, 'canReadLegalAid', 'menu-lawyers'),
    leaf('/legal-aid/hotline', 'menu.hotline', <PhoneOutlined />, 'canReadLegalAid', 'menu-hotline'),
  ]),
  group('achievement', 'menu.achievement', <TrophyOutlined />, [
    leaf('/honors/calls', 'menu.honorCalls', <CrownOutlined />, 'canReadHonor', 'menu-honor-calls'),
    leaf('/honors/records', 'menu.honorRecords', <StarOutlined />, 'canReadHonor', 'menu-honor-records'),
    leaf('/competitions', 'menu.competitions', <TrophyFilled />, 'canReadCompetition', 'menu-competitions'),
    leaf('/studios', 'menu.studios', <ExperimentOutlined />, 'canReadStudio', 'menu-studios'),
    leaf('/training/courses', 'menu.trainingCourses', <ReadOutlined />, 'canReadTraining', 'menu-training-courses'),
    leaf('/training/certificates', 'menu.certificates', <SafetyCertificateFilled />, 'canReadTraining', 'menu-certificates'),
    leaf('/training/mentoring', 'menu.mentoring', <UsergroupAddOutlined />, 'canReadTraining', 'menu-mentoring'),
    leaf('/proposals', 'menu.rationalProposals', <BulbFilled />, 'canReadProposal', 'menu-rational-proposals'),
  ]),
  group('benefits', 'menu.benefits', <GiftOutlined />, [
    leaf('/benefits/offers', 'menu.benefitOffers', <TagsOutlined />, 'canReadBenefit', 'menu-benefit-offers'),
    leaf('/benefits/merchants', 'menu.benefitMerchants', <ShopOutlined />, 'canReadBenefit', 'menu-benefit-merchants'),
    leaf('/benefits/recuperation', 'menu.recuperation', <CarOutlined />, 'canReadBenefit', 'menu-recuperation'),
  ]),
  group('station', 'menu.stations', <EnvironmentOutlined />, [
    leaf('/stations', 'menu.stationList', <CoffeeOutlined />, 'canReadStation', 'menu-stations'),
    leaf('/stations/map', 'menu.stationMap', <GlobalOutlined />, 'canReadStation', 'menu-station-map'),
  ]),
  leaf('/events', 'menu.events', <SmileOutlined />, 'canReadEvent', 'menu-events'),
  group('system', 'menu.system', <SettingOutlined />, [
    leaf('/system/users', 'menu.users', <UserOutlined />, 'canReadUsers', 'menu-users'),
    leaf('/system/roles', 'menu.roles', <TeamOutlined />, 'canReadUsers', 'menu-roles'),
    leaf('/system/audit', 'menu.audit', <AuditOutlined />, 'canReadAudit', 'menu-audit'),
    leaf('/system/settings', 'menu.settings', <SafetyOutlined />, 'canManageSettings', 'menu-settings'),
    leaf('/system/calendar', 'calendar.menu', <CalendarOutlined />, 'canManageSettings', 'menu-calendar'),
    leaf('/system/backup', 'menu.backup', <CloudServerOutlined />, 'canManageSettings', 'menu-backup'),
    leaf('/system/rules', 'rules.title', <ControlOutlined />, 'canReadDashboard', 'menu-rules'),
    leaf('/system/sms-outbox', 'outbox.menu', <MessageOutlined />, 'canManageSettings', 'menu-sms-outbox'),
  ]),
];

type Items = NonNullable<MenuProps['items']>;

export function buildMenuItems(access: Access, t: (k: MessageKey) => string): Items {
  const items: Items = [];
  for (const entry of MENU) {
    if ('children' in entry) {
      const children = entry.children
        .filter((c) => access[c.access])
        .map((c) => ({ key: c.key, icon: c.icon, label: <span data-testid={c.testId}>{t(c.label)}</span> }));
      if (children.length) items.push({ key: entry.key, icon: entry.icon, label: <span data-testid={entry.testId}>{t(entry.label)}</span>, children });
    } else if (access[entry.access]) {
      items.push({ key: entry.key, icon: entry.icon, label: <span data-testid={entry.testId}>{t(entry.label)}</span> });
    }
  }
  return items;
}

/**
 * Where a location sits in the menu, for the breadcrumbs of a page that names none: its group and
 * entry (the entry linked when the location is below it, e.g. a record opened from its list).
 */
export function menuTrail(pathname: string): { label: MessageKey; path?: string }[] {
  const { selected, open } = selectedMenu(pathname);
  if (!selected) return [];
  const group = MENU.find((e) => e.key === open);
  const leaf = (group && 'children' in group ? group.children : MENU).find((e) => e.key === selected);
  return [...(group ? [{ label: group.label }] : []), ...(leaf ? [{ label: leaf.label, path: pathname === selected ? undefined : selected }] : [])];
}

/** The menu entry for a location: the longest menu path that prefixes it (so /orgs/123 lights 组织列表). */
export function selectedMenu(pathname: string): { selected: string | undefined; open: string | undefined } {
  let best: { key: string; group?: string } | undefined;
  for (const entry of MENU) {
    const leaves = 'children' in entry ? entry.children.map((c) => ({ key: c.key, group: entry.key })) : [{ key: entry.key }];
    for (const l of leaves) {
      const hit = pathname === l.key || pathname.startsWith(l.key + '/');
      if (!hit) continue;
      // /orgs/tree is a menu entry of its own, so /orgs must not win over it.
      if (!best || l.key.length > best.key.length) best = l;
    }
  }
  return { selected: best?.key, open: best?.group };
}
