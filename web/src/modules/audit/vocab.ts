import { AUDIT_RESULTS } from '../../../../common/src/contracts/audit';
import { vocabOf } from '../../kit';

/** The kinds of record an audit entry concerns (its `entity`), and where a record of each kind opens. */
export const ENTITIES = {
  org: { zh: '组织', en: 'Organisation' },
  user: { zh: '账号', en: 'Account' },
  role: { zh: '角色', en: 'Role' },
  setting: { zh: '系统设置', en: 'Setting' },
  member: { zh: '会员', en: 'Member' },
  join_application: { zh: '入会申请', en: 'Join application' },
  transfer: { zh: '会员关系接转', en: 'Transfer' },
  import_batch: { zh: '名册导入', en: 'Roster import' },
  hardship_file: { zh: '困难职工档案', en: 'Hardship file' },
  hardship_warning: { zh: '监测预警', en: 'Warning' },
  aid_budget: { zh: '帮扶资金预算', en: 'Aid budget' },
  aid_campaign: { zh: '送温暖活动', en: 'Campaign' },
  aid_cap: { zh: '帮扶标准', en: 'Aid cap' },
  subsistence_line: { zh: '低保标准', en: 'Subsistence line' },
  hardship_rule_set: { zh: '帮扶规则', en: 'Rule version' },
  station: { zh: '服务站点', en: 'Service station' },
} as const;

export const RECORD_PAGES: Partial<Record<string, (id: string) => string>> = {
  org: (id) => `/orgs/${id}`,
  member: (id) => `/members/${id}`,
  hardship_file: (id) => `/hardship/files/${id}`,
  station: (id) => `/stations/${id}`,
};

/** Action codes start with their area: `org.create`, `auth.login` … */
export const ACTION_GROUPS: Record<string, { zh: string; en: string }> = {
  auth: { zh: '登录与认证', en: 'Sign-in' },
  security: { zh: '安全', en: 'Security' },
  settings: { zh: '系统设置', en: 'Settings' },
  system: { zh: '系统', en: 'System' },
  audit: { zh: '审计', en: 'Audit' },
  org: { zh: '组织', en: 'Organisations' },
  user: { zh: '账号', en: 'Accounts' },
  role: { zh: '角色', en: 'Roles' },
  member: { zh: '会员', en: 'Members' },
  join: { zh: '入会', en: 'Joining' },
  transfer: { zh: '接转', en: 'Transfers' },
  hardship: { zh: '困难职工帮扶', en: 'Hardship' },
  deadline: { zh: '期限', en: 'Deadlines' },
  station: { zh: '服务站点', en: 'Stations' },
};

export const RESULTS = vocabOf(AUDIT_RESULTS, {
  ok: { zh: '成功', en: 'Succeeded' },
  denied: { zh: '拒绝', en: 'Denied' },
  failed: { zh: '失败', en: 'Failed' },
}, { ok: 'success', denied: 'warning', failed: 'error' });
