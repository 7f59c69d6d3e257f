/**
 * What remains of the hand-written member client: the member pages call common/src/contracts/member.ts
 * through call(). These re-exports serve only pages of other domains not yet on the kit (roster
 * import, the card check, hardship files) and go with them; nothing new may use this file.
 */
import { memberApi as contract } from '../../../common/src/contracts/member';
import { call } from './client';
import type { Label, Meta } from './types';

export { downloadUrl as downloadFile } from '../kit/download';

/** @deprecated call(memberApi.verifyCard) from common/src/contracts/member.ts. */
export const memberApi = { verifyCard: (token: string) => call(contract.verifyCard, { query: { token } }) };

/** @deprecated the member vocabularies are common/src/member-vocab.ts (see modules/member/vocab.ts). */
export type MetaWithMembers = Meta &
  Partial<{ employmentForms: (Label & { gig: boolean })[]; memberStatuses: Label[]; eventKinds: Label[]; educationLevels: Label[]; politicalStatuses: Label[]; ethnicities: string[]; consentVersion: string }>;
