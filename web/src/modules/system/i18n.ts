import { bilingual } from '../../i18n/bilingual';

/** UI strings of accounts, roles, the audit log and the settings added with the kit; the older ones are in i18n/messages.ts. */
export const systemMessages = bilingual({
  'user.filter.role': ['角色', 'Role'],
  'user.history': ['变更记录', 'History'],
  'audit.filter.under': ['所属组织（含下级）', 'Organisation (and below)'],
  'audit.filter.range': ['日期', 'Dates'],
  'audit.filter.actionHint': ['选择或输入动作，如 org.', 'Choose or type an action, e.g. org.'],
  'audit.group.all': ['{group}：全部操作', '{group}: every action'],
});
