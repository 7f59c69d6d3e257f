import { canonicalJson } from '../../platform/audit.js';
import type { KeyRing } from '../../platform/crypto.js';
import { maskIdNumber } from '../../../../common/src/id-number.js';
import { maskMobile } from '../../../../common/src/mobile.js';

/** The validated, plaintext fields of a person's member record (before encryption). */
export interface MemberFields {
  name: string;
  idNumber: string;
  idKind: string;
  birthDate: string;
  sex: 'M' | 'F';
  mobile: string | null;
  ethnicity: string | null;
  education: string | null;
  politicalStatus: string | null;
  employmentForm: string;
  /** A roster cell's own text of the employment form (劳动合同制, 劳务派遣 …), kept beside its category. */
  employmentFormText?: string | null;
  migrantWorker: boolean;
  occupation: string | null;
  employerName: string | null;
  joinDate: string;
}

/** Single characters and character bigrams of a name: a part-of-name search is an array containment on a GIN index. */
export function nameGrams(name: string): string[] {
  const chars = [...name.replace(/\s+/g, '')];
  const grams = new Set(chars);
  for (let i = 0; i + 1 < chars.length; i++) grams.add(chars[i]! + chars[i + 1]!);
  return [...grams];
}

/** The grams a search term must all be found among, for a name part of any length. */
export function queryGrams(q: string): string[] {
  const chars = [...q.replace(/\s+/g, '')];
  if (chars.length <= 1) return chars;
  const grams = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) grams.add(chars[i]! + chars[i + 1]!);
  return [...grams];
}

export const idIndexOf = (keys: KeyRing, idNumber: string) => keys.blindIndex(idNumber, 'id');
export const mobileIndexOf = (keys: KeyRing, mobile: string) => keys.blindIndex(mobile, 'mobile');

/**
 * The stored form of a member record: ID number and mobile only encrypted, with blind indexes for
 * exact search and uniqueness, masked copies for display, and a keyed hash of all imported fields
 * (so a re-import recognises an unchanged row without decrypting anything).
 */
export function buildMemberRecord(keys: KeyRing, f: MemberFields) {
  return {
    name: f.name,
    nameGrams: nameGrams(f.name),
    idCipher: keys.encrypt(f.idNumber),
    idIndex: idIndexOf(keys, f.idNumber),
    idKind: f.idKind,
    idMasked: maskIdNumber(f.idNumber),
    birthDate: f.birthDate,
    sex: f.sex,
    mobileCipher: f.mobile ? keys.encrypt(f.mobile) : null,
    mobileIndex: f.mobile ? mobileIndexOf(keys, f.mobile) : null,
    mobileMasked: f.mobile ? maskMobile(f.mobile) : null,
    ethnicity: f.ethnicity,
    education: f.education,
    politicalStatus: f.politicalStatus,
    employmentForm: f.employmentForm,
    // Left out unless given, so that an edit keeps the imported text.
    ...(f.employmentFormText !== undefined ? { employmentFormText: f.employmentFormText } : {}),
    migrantWorker: f.migrantWorker,
    occupation: f.occupation,
    employerName: f.employerName,
    joinDate: f.joinDate,
    rowHash: keys.blindIndex(canonicalJson(f), 'row'),
  };
}

export type MemberRecord = ReturnType<typeof buildMemberRecord>;
