/**
 * UI strings written beside their translation: `{ key: ['中文', 'English'] }`. Split into the two
 * dictionaries that i18n/messages.ts merges, so a key can never lack its English.
 */
export function bilingual<K extends string>(pairs: Record<K, readonly [zh: string, en: string]>): { zh: Record<K, string>; en: Record<K, string> } {
  const zh = {} as Record<K, string>;
  const en = {} as Record<K, string>;
  for (const k of Object.keys(pairs) as K[]) {
    zh[k] = pairs[k][0];
    en[k] = pairs[k][1];
  }
  return { zh, en };
}
