import type { ReactNode } from 'react';
import { ApartmentOutlined, AuditOutlined, DashboardOutlined, SafetyOutlined, SettingOutlined, TeamOutlined, UserOutlined, BranchesOutlined, UnorderedListOutlined, FieldTimeOutlined } from '@ant-design/icons';
import { HeartOutlined, FolderOpenOutlined, GiftOutlined, FireOutlined, AlertOutlined, ControlOutlined } from '@ant-design/icons';
import { ScheduleOutlined, ProjectOutlined, CarryOutOutlined } from '@ant-design/icons';
import { IdcardOutlined, SearchOutlined, CloudUploadOutlined, SolutionOutlined, SwapOutlined } from '@ant-design/icons';
import { CalendarOutlined } from '@ant-design/icons';
import { CloudServerOutlined } from '@ant-design/icons';
import { FileProtectOutlined, FileTextOutlined, PieChartOutlined, BankOutlined, BulbOutlined, NotificationOutlined } from '@ant-design/icons';
import { SafetyCertificateOutlined, AuditOutlined as CaseOutlined, TeamOutlined as PanelOutlined, PhoneOutlined, MoneyCollectOutlined } from '@ant-design/icons';
import { TrophyOutlined, CrownOutlined, StarOutlined, TrophyFilled, ExperimentOutlined } from '@ant-design/icons';
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

/** The side menu: each entry names the permission that shows it (the same one its route checks). */
export const MENU: (MenuLeaf | MenuGroup)[] = [
  { key: '/dashboard', label: 'menu.dashboard', icon: <DashboardOutlined />, access: 'canReadDashboard', testId: 'menu-dashboard' },
  {
    key: 'org',
    label: 'menu.org',
    icon: <ApartmentOutlined />,
    testId: 'menu-org',
    children: [
      { key: '/orgs/tree', label: 'menu.orgTree', icon: <BranchesOutlined />, access: 'canReadOrg', testId: 'menu-org-tree' },
      { key: '/orgs', label: 'menu.orgList', icon: <UnorderedListOutlined />, access: 'canReadOrg', testId: 'menu-org-list' },
      { key: '/orgs/warnings', label: 'menu.orgWarnings', icon: <FieldTimeOutlined />, access: 'canReadOrg', testId: 'menu-org-warnings' },
    ],
  },
  {
    key: 'member',
    label: 'menu.member',
    icon: <IdcardOutlined />,
    testId: 'menu-member',
    children: [
      { key: '/members', label: 'menu.memberSearch', icon: <SearchOutlined />, access: 'canReadMember', testId: 'menu-member-search' },
      { key: '/members/import', label: 'menu.memberImport', icon: <CloudUploadOutlined />, access: 'canImportMember', testId: 'menu-member-import' },
      { key: '/members/applications', label: 'menu.memberApplications', icon: <SolutionOutlined />, access: 'canReviewJoin', testId: 'menu-member-applications' },
      { key: '/members/transfers', label: 'menu.memberTransfers', icon: <SwapOutlined />, access: 'canTransferMember', testId: 'menu-member-transfers' },
    ],
  },
  {
    key: 'hardship',
    label: 'menu.hardship',
    icon: <HeartOutlined />,
    testId: 'menu-hardship',
    children: [
      { key: '/hardship/files', label: 'menu.hardshipFiles', icon: <FolderOpenOutlined />, access: 'canReadHardship', testId: 'menu-hardship-files' },
      { key: '/hardship/aid', label: 'menu.hardshipAid', icon: <GiftOutlined />, access: 'canReadHardship', testId: 'menu-hardship-aid' },
      { key: '/hardship/campaigns', label: 'menu.hardshipCampaigns', icon: <FireOutlined />, access: 'canReadHardship', testId: 'menu-hardship-campaigns' },
      { key: '/hardship/warnings', label: 'menu.hardshipWarnings', icon: <AlertOutlined />, access: 'canReadHardship', testId: 'menu-hardship-warnings' },
      { key: '/hardship/rules', label: 'menu.hardshipRules', icon: <ControlOutlined />, access: 'canReadHardship', testId: 'menu-hardship-rules' },
    ],
  },
  {
    key: 'plan',
    label: 'menu.plan',
    icon: <ScheduleOutlined />,
    testId: 'menu-plan',
    children: [
      { key: '/plans', label: 'menu.plans', icon: <ProjectOutlined />, access: 'canReadPlan', testId: 'menu-plans' },
      { key: '/plans/tasks', label: 'menu.planTasks', icon: <CarryOutOutlined />, access: 'canReadPlan', testId: 'menu-plan-tasks' },
    ],
  },
  {
    key: 'contract',
    label: 'menu.contract',
    icon: <FileProtectOutlined />,
    testId: 'menu-contract',
    children: [
      { key: '/contracts', label: 'menu.contracts', icon: <FileTextOutlined />, access: 'canReadContract', testId: 'menu-contracts' },
      { key: '/contracts/coverage', label: 'menu.contractCoverage', icon: <PieChartOutlined />, access: 'canReadContract', testId: 'menu-contract-coverage' },
      { key: '/congresses', label: 'menu.congresses', icon: <BankOutlined />, access: 'canReadContract', testId: 'menu-congresses' },
      { key: '/congresses/proposals', label: 'menu.proposals', icon: <BulbOutlined />, access: 'canReadContract', testId: 'menu-proposals' },
      { key: '/congresses/disclosures', label: 'menu.disclosures', icon: <NotificationOutlined />, access: 'canReadContract', testId: 'menu-disclosures' },
    ],
  },
  {
    key: 'rights',
    label: 'menu.rights',
    icon: <SafetyCertificateOutlined />,
    testId: 'menu-rights',
    children: [
      { key: '/disputes', label: 'menu.disputes', icon: <CaseOutlined />, access: 'canReadDispute', testId: 'menu-disputes' },
      { key: '/disputes/mediators', label: 'menu.mediators', icon: <PanelOutlined />, access: 'canReadDispute', testId: 'menu-mediators' },
      { key: '/wage-arrears', label: 'menu.wageArrears', icon: <MoneyCollectOutlined />, access: 'canReadDispute', testId: 'menu-wage-arrears' },
      { key: '/legal-aid', label: 'menu.legalAid', icon: <SafetyCertificateOutlined />, access: 'canReadLegalAid', testId: 'menu-legal-aid' },
      { key: '/legal-aid/lawyers', label: 'menu.lawyers', icon: <PanelOutlined />, access: 'canReadLegalAid', testId: 'menu-lawyers' },
      { key: '/legal-aid/hotline', label: 'menu.hotline', icon: <PhoneOutlined />, access: 'canReadLegalAid', testId: 'menu-hotline' },
    ],
  },
  {
    key: 'achievement',
    label: 'menu.achievement',
    icon: <TrophyOutlined />,
    testId: 'menu-achievement',
    children: [
      { key: '/honors/calls', label: 'menu.honorCalls', icon: <CrownOutlined />, access: 'canReadHonor', testId: 'menu-honor-calls' },
      { key: '/honors/records', label: 'menu.honorRecords', icon: <StarOutlined />, access: 'canReadHonor', testId: 'menu-honor-records' },
      { key: '/competitions', label: 'menu.competitions', icon: <TrophyFilled />, access: 'canReadCompetition', testId: 'menu-competitions' },
      { key: '/studios', label: 'menu.studios', icon: <ExperimentOutlined />, access: 'canReadStudio', testId: 'menu-studios' },
    ],
  },
  {
    key: 'system',
    label: 'menu.system',
    icon: <SettingOutlined />,
    testId: 'menu-system',
    children: [
      { key: '/system/users', label: 'menu.users', icon: <UserOutlined />, access: 'canReadUsers', testId: 'menu-users' },
      { key: '/system/roles', label: 'menu.roles', icon: <TeamOutlined />, access: 'canReadUsers', testId: 'menu-roles' },
      { key: '/system/audit', label: 'menu.audit', icon: <AuditOutlined />, access: 'canReadAudit', testId: 'menu-audit' },
      { key: '/system/settings', label: 'menu.settings', icon: <SafetyOutlined />, access: 'canManageSettings', testId: 'menu-settings' },
      { key: '/system/calendar', label: 'calendar.menu', icon: <CalendarOutlined />, access: 'canManageSettings', testId: 'menu-calendar' },
      { key: '/system/backup', label: 'menu.backup', icon: <CloudServerOutlined />, access: 'canManageSettings', testId: 'menu-backup' },
      { key: '/system/rules', label: 'rules.title', icon: <ControlOutlined />, access: 'canReadDashboard', testId: 'menu-rules' },
    ],
  },
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
