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

type Dict = { zh: Record<string, string>; en: Record<string, string> };
type Keys<D> = D extends { zh: Record<infer K, string> } ? K : never;

/** Several areas' strings as one pair of dictionaries (a domain's index merges its areas' files). */
export function mergeMessages<D extends Dict[]>(...dicts: D): { zh: Record<Keys<D[number]>, string>; en: Record<Keys<D[number]>, string> } {
  return { zh: Object.assign({}, ...dicts.map((d) => d.zh)), en: Object.assign({}, ...dicts.map((d) => d.en)) };
}

/** A table kept as data (`<module>/i18n.json`: `"key": ["中文", "English"]`), checked as it loads. */
export function fromPairs<T extends Record<string, string[]>>(pairs: T): { zh: Record<keyof T & string, string>; en: Record<keyof T & string, string> } {
  for (const [k, v] of Object.entries(pairs)) if (v.length !== 2) throw new Error(`i18n: ${k} needs exactly a Chinese and an English text`);
  return bilingual(pairs as unknown as Record<keyof T & string, readonly [string, string]>);
}
