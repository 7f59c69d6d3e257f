import { memberEn, memberZh } from './member';
import { importTransferEn, importTransferZh } from './import-transfer';
import { joinEn, joinZh } from '../../join/i18n';

/** The member registry's UI strings, merged into the app dictionary by i18n/messages.ts. */
export const memberMessagesZh = { ...memberZh, ...importTransferZh, ...joinZh };
export const memberMessagesEn: Record<keyof typeof memberMessagesZh, string> = { ...memberEn, ...importTransferEn, ...joinEn };
