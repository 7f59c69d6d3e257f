import { useMemo } from 'react';
import { useMeta } from '../../app/meta-context';
import { useI18n } from '../../i18n';
import type { Label } from '../../api/types';
import type { MetaWithMembers } from '../../api/members';

export interface Option {
  value: string;
  label: string;
}

/** Tag colours of the membership statuses (active green, retained blue, transferring orange, left grey). */
export const STATUS_COLOR: Record<string, string> = { active: 'success', retained: 'processing', transferring: 'warning', left: 'default' };

/**
 * The member vocabularies of GET /api/meta (employment forms, statuses, event kinds, education,
 * political status, ethnicities, the consent notice version) as labels and select options in the
 * UI language.
 */
export function useMemberVocab() {
  const { meta } = useMeta();
  const { pick } = useI18n();
  return useMemo(() => {
    const m = meta as MetaWithMembers | null;
    const lookup = (list: Label[] | undefined) => {
      const map = new Map((list ?? []).map((l) => [l.code, l]));
      return (code: string | null | undefined) => (code ? pick(map.get(code), code) : '');
    };
    const options = (list: Label[] | undefined): Option[] => (list ?? []).map((l) => ({ value: l.code, label: pick(l) }));
    return {
      ready: !!m?.employmentForms,
      formLabel: lookup(m?.employmentForms),
      statusLabel: lookup(m?.memberStatuses),
      eventLabel: lookup(m?.eventKinds),
      educationLabel: lookup(m?.educationLevels),
      politicalLabel: lookup(m?.politicalStatuses),
      formOptions: options(m?.employmentForms),
      gigForms: (m?.employmentForms ?? []).filter((f) => f.gig).map((f) => f.code),
      statusOptions: options(m?.memberStatuses),
      educationOptions: options(m?.educationLevels),
      politicalOptions: options(m?.politicalStatuses),
      ethnicityOptions: (m?.ethnicities ?? []).map((e) => ({ value: e, label: e })),
      consentVersion: m?.consentVersion ?? '',
    };
  }, [meta, pick]);
}

export type MemberVocab = ReturnType<typeof useMemberVocab>;
