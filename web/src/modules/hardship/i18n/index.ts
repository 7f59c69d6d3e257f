import { bilingual, mergeMessages } from '../../../i18n/bilingual';
import { filesMsgs } from './files';
import { aidMsgs } from './aid';
import { monitorMsgs } from './monitor';

const shared = bilingual({
  'menu.hardship': ['困难帮扶', 'Hardship assistance'],
  'menu.hardshipFiles': ['困难职工档案', 'Household files'],
  'menu.hardshipAid': ['帮扶救助与资金', 'Aid and budgets'],
  'menu.hardshipCampaigns': ['送温暖活动', 'Campaigns'],
  'menu.hardshipWarnings': ['监测预警', 'Early warnings'],
  'menu.hardshipRules': ['帮扶标准与规则', 'Lines, caps and rules'],
  'permGroup.hardship': ['困难职工帮扶', 'Hardship assistance'],
  'hardship.tier.none': ['未达困难标准', 'Not in hardship'],
});

/** The hardship pages' UI strings (each area keeps its own file), merged into the app dictionary by i18n/messages.ts. */
export const hardshipMessages = mergeMessages(shared, filesMsgs, aidMsgs, monitorMsgs);
