import { mergeMessages } from '../../../i18n/bilingual';
import { memberMsgs } from './member';
import { importTransferMsgs } from './import-transfer';
import { joinMsgs } from '../../join/i18n';

/** The member registry's UI strings, merged into the app dictionary by i18n/messages.ts. */
export const memberMessages = mergeMessages(memberMsgs, importTransferMsgs, joinMsgs);
