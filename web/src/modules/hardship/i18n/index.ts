import { filesEn, filesZh } from './files';
import { aidEn, aidZh } from './aid';
import { monitorEn, monitorZh } from './monitor';

const sharedZh = {
  'menu.hardship': '困难帮扶',
  'menu.hardshipFiles': '困难职工档案',
  'menu.hardshipAid': '帮扶救助与资金',
  'menu.hardshipCampaigns': '送温暖活动',
  'menu.hardshipWarnings': '监测预警',
  'menu.hardshipRules': '帮扶标准与规则',
  'permGroup.hardship': '困难职工帮扶',
  'hardship.tier.none': '未达困难标准',
};
const sharedEn: Record<keyof typeof sharedZh, string> = {
  'menu.hardship': 'Hardship assistance',
  'menu.hardshipFiles': 'Household files',
  'menu.hardshipAid': 'Aid and budgets',
  'menu.hardshipCampaigns': 'Campaigns',
  'menu.hardshipWarnings': 'Early warnings',
  'menu.hardshipRules': 'Lines, caps and rules',
  'permGroup.hardship': 'Hardship assistance',
  'hardship.tier.none': 'Not in hardship',
};

/** The hardship pages' UI strings (each area keeps its own file), merged into the app dictionary by i18n/messages.ts. */
export const hardshipMessagesZh = { ...sharedZh, ...filesZh, ...aidZh, ...monitorZh };
export const hardshipMessagesEn: Record<keyof typeof hardshipMessagesZh, string> = { ...sharedEn, ...filesEn, ...aidEn, ...monitorEn };
