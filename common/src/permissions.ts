/**
 * The declared permission catalogue. Every API route names one of these (or is explicitly public
 * or open to any signed-in user); roles are sets of them. Later domains add their own entries here.
 */
export const PERMISSIONS = {
  'dashboard.read': { zh: '查看首页统计', en: 'View dashboard figures', group: 'system' },
  'org.read': { zh: '查看工会组织', en: 'View organisations', group: 'org' },
  'org.write': { zh: '维护工会组织', en: 'Create and edit organisations', group: 'org' },
  'user.read': { zh: '查看账号', en: 'View accounts', group: 'user' },
  'user.manage': { zh: '管理账号', en: 'Manage accounts', group: 'user' },
  'role.manage': { zh: '管理角色', en: 'Manage roles', group: 'user' },
  'audit.read': { zh: '查看审计日志', en: 'Read the audit log', group: 'system' },
  'settings.manage': { zh: '管理安全设置和节假日日历', en: 'Manage security settings and the holiday calendar', group: 'system' },
  'member.read': { zh: '查看会员', en: 'View members', group: 'member' },
  'member.write': { zh: '登记和维护会员', en: 'Register and edit members', group: 'member' },
  'member.unmask': { zh: '查看完整身份证号和手机号', en: 'Reveal ID numbers and mobiles', group: 'member' },
  'member.import': { zh: '导入会员名册', en: 'Import rosters', group: 'member' },
  'member.export': { zh: '导出会员名册', en: 'Export rosters', group: 'member' },
  'member.transfer': { zh: '办理会员关系接转', en: 'Handle membership transfers', group: 'member' },
  'join.review': { zh: '审核入会申请', en: 'Review join applications', group: 'member' },
  'hardship.read': { zh: '查看困难职工档案', en: 'View hardship files', group: 'hardship' },
  'hardship.write': { zh: '建档、核实和维护困难职工档案', en: 'Open, check and edit hardship files', group: 'hardship' },
  'hardship.review': { zh: '审核困难职工档案（上级工会）', en: 'Review hardship files (upper levels)', group: 'hardship' },
  'hardship.unmask': { zh: '查看困难职工完整身份证号和手机号', en: 'Reveal ID numbers in hardship files', group: 'hardship' },
  'aid.write': { zh: '登记帮扶救助和送温暖', en: 'Record aid and campaigns', group: 'hardship' },
  'budget.manage': { zh: '管理帮扶资金预算', en: 'Manage aid budgets', group: 'hardship' },
  'warning.handle': { zh: '处置监测预警', en: 'Handle monitoring warnings', group: 'hardship' },
  'rule.manage': { zh: '维护低保标准、帮扶标准和预警规则', en: 'Maintain subsistence lines, caps and warning rules', group: 'hardship' },
  'contract.read': { zh: '查看集体协商、集体合同和职代会', en: 'View bargaining, contracts and congresses', group: 'contract' },
  'contract.write': { zh: '办理集体协商、集体合同、职代会和厂务公开', en: 'Handle bargaining, contracts, congresses and disclosures', group: 'contract' },
  'plan.read': { zh: '查看重点工作和督办', en: 'View work plans and supervision', group: 'plan' },
  'plan.write': { zh: '制定工作计划、交办和分解任务', en: 'Make plans, assign and split tasks', group: 'plan' },
  'plan.report': { zh: '报告任务进展、申请销号', en: 'Report task progress, ask to close', group: 'plan' },
  'plan.supervise': { zh: '督办：批准或退回销号', en: 'Supervise: approve or send back closings', group: 'plan' },
  'dispute.read': { zh: '查看劳动争议案件', en: 'View labour-dispute cases', group: 'rights' },
  'dispute.write': { zh: '受理、指派和调解劳动争议案件', en: 'Receive, assign and mediate labour-dispute cases', group: 'rights' },
  'dispute.unmask': { zh: '查看争议当事人完整身份证号和手机号', en: 'Reveal ID numbers and mobiles of dispute parties', group: 'rights' },
  'mediator.manage': { zh: '维护调解员名册', en: 'Maintain the mediator panel', group: 'rights' },
  'legal_aid.read': { zh: '查看法律援助和12351热线记录', en: 'View legal aid and the 12351 call log', group: 'rights' },
  'legal_aid.write': { zh: '受理、指派和办结法律援助，登记热线来电', en: 'Handle legal aid and log 12351 calls', group: 'rights' },
  'lawyer.manage': { zh: '维护援助律师名册', en: 'Maintain the lawyer panel', group: 'rights' },
  'honor.read': { zh: '查看评选表彰、劳模工匠和关爱记录', en: 'View honours, holders and care records', group: 'achievement' },
  'honor.write': { zh: '推荐人选、登记一票否决意见和劳模关爱', en: 'Nominate, record clearances and care', group: 'achievement' },
  'honor.review': {
    zh: '发布评选通知、逐级审核、公示、处理异议和审批表彰',
    en: 'Issue calls, review, publish notices, answer objections and approve',
    group: 'achievement',
  },
  'competition.read': { zh: '查看劳动和技能竞赛', en: 'View competitions', group: 'achievement' },
  'competition.write': { zh: '组织劳动和技能竞赛、登记成绩', en: 'Run competitions and record scores', group: 'achievement' },
  'studio.read': { zh: '查看创新工作室', en: 'View innovation studios', group: 'achievement' },
  'studio.write': { zh: '登记创新工作室、联盟、成果和评估', en: 'Register studios, alliances, results and evaluations', group: 'achievement' },
  'benefit.read': { zh: '查看普惠商户、优惠和疗休养名额', en: 'View benefit merchants, offers and recuperation places', group: 'service' },
  'benefit.write': {
    zh: '签约商户、发布优惠、核销优惠券和分配疗休养名额',
    en: 'Sign merchants, publish offers, redeem coupons and allocate places',
    group: 'service',
  },
  'station.read': { zh: '查看户外劳动者服务站点', en: 'View outdoor-worker stations', group: 'station' },
  'station.write': { zh: '登记和检查户外劳动者服务站点', en: 'Register and inspect outdoor-worker stations', group: 'station' },
  'training.read': { zh: '查看技能培训、职业技能证书和师带徒', en: 'View training, skill certificates and mentoring', group: 'achievement' },
  'training.write': { zh: '开设培训班、登记考勤、证书和师带徒', en: 'Run courses, record attendance, certificates and mentoring', group: 'achievement' },
  'proposal.read': { zh: '查看合理化建议和五小成果', en: 'View proposals', group: 'achievement' },
  'proposal.write': { zh: '登记、评估、采纳合理化建议并记录效益和奖励', en: 'Record, evaluate and adopt proposals, value and reward', group: 'achievement' },
  'event.read': { zh: '查看工会活动、报名和签到', en: 'View events, sign-ups and check-ins', group: 'event' },
  'event.write': { zh: '发布工会活动、扫码签到、上传照片', en: 'Publish events, check attendees in, add photos', group: 'event' },
  'mutual_aid.read': { zh: '查看职工互助保障', en: 'View mutual-aid plans, enrolments and claims', group: 'service' },
  'mutual_aid.write': { zh: '为会员办理互助保障参保和申请互助金', en: 'Enrol members in mutual aid and file claims', group: 'service' },
  'mutual_aid.review': { zh: '设立互助保障计划、审核和给付互助金', en: 'Set up mutual-aid plans, review and pay claims', group: 'service' },
} as const satisfies Record<string, { zh: string; en: string; group: string }>;

export type Permission = keyof typeof PERMISSIONS;
export const ALL_PERMISSIONS = Object.keys(PERMISSIONS) as Permission[];

export function isPermission(p: string): p is Permission {
  return Object.prototype.hasOwnProperty.call(PERMISSIONS, p);
}

/** Permissions that make a role "administrative" (the mandatory-TOTP setting applies to them). */
export const ADMIN_PERMISSIONS: Permission[] = ['user.manage', 'role.manage', 'settings.manage'];

/** Data scope kinds a role can carry. */
export const SCOPE_KINDS = ['own', 'subtree', 'all', 'orgs'] as const;
export type ScopeKind = (typeof SCOPE_KINDS)[number];
export const SCOPE_KIND_LABELS: Record<ScopeKind, { zh: string; en: string }> = {
  own: { zh: '本组织', en: 'Own organisation' },
  subtree: { zh: '本组织及下级', en: 'Own organisation and below' },
  all: { zh: '全部', en: 'Everything' },
  orgs: { zh: '指定组织（含下级）', en: 'Chosen organisations (with their subtrees)' },
};
