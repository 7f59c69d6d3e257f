import { useCallback } from 'react';
import { useI18n, type MessageKey } from '../i18n';

/** Text on screen: a key of the UI dictionary, or a label carried by a vocabulary ({zh, en}). */
export type Text = MessageKey | { zh: string; en: string };

/** Resolve a Text in the current language. */
export function useText() {
  const { t, pick } = useI18n();
  return useCallback((x: Text | undefined, vars?: Record<string, string | number>): string => (x === undefined ? '' : typeof x === 'string' ? t(x, vars) : pick(x)), [t, pick]);
}

/** A sentence already in the UI's language (a dictionary string with its values filled in), where a Text is expected. */
export const inUiLanguage = (s: string): Text => ({ zh: s, en: s });

/** A vocabulary: codes with their labels in both languages, and optionally a tag colour. */
export type Vocab = Readonly<Record<string, { zh: string; en: string; color?: string }>>;

/** Options for a Select from a vocabulary, in its declared order (or the given codes' order). */
export function useVocab() {
  const { pick } = useI18n();
  return {
    options: (v: Vocab, codes?: readonly string[]) => (codes ?? Object.keys(v)).map((c) => ({ value: c, label: pick(v[c], c) })),
    label: (v: Vocab, code: string | null | undefined) => (code == null ? '' : pick(v[code], code)),
  };
}

/** A vocabulary from parallel code list and label map, as common/ declares them. */
export function vocabOf<K extends string>(codes: readonly K[], labels: Record<K, { zh: string; en: string }>, colors: Partial<Record<K, string>> = {}): Vocab {
  return Object.fromEntries(codes.map((c) => [c, { ...labels[c], ...(colors[c] ? { color: colors[c] } : {}) }]));
}
