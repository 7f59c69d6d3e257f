import type { FormInstance } from 'antd';
import { ApiError } from '../../api/client';
import { splitBilingual, type Lang } from '../../i18n';

/**
 * Put VALIDATION_FAILED field problems next to their fields when the form's field names differ
 * from the request's shape (member forms send `{orgId, fields: {...}, consent: {...}}`, so the
 * server says "body.fields.idNumber"). `fieldOf` turns a path's segments (without "body") into a
 * form field name, or null for a problem the form has no field for. True when any was placed.
 */
export function placeFieldIssues(
  form: FormInstance,
  e: unknown,
  lang: Lang,
  fieldOf: (segments: string[]) => string | null,
  /** Error codes that concern one field as a whole (e.g. MEMBER_HELD_ELSEWHERE → idNumber). */
  codeFields: Record<string, string> = {},
): boolean {
  if (!(e instanceof ApiError)) return false;
  const byField = new Map<string, string[]>();
  const whole = codeFields[e.code];
  if (whole) byField.set(whole, [splitBilingual(lang === 'zh-CN' ? e.messageZh : e.messageEn, lang)]);
  for (const f of e.fieldIssues) {
    const segments = f.path.split('.').filter((p) => p !== 'body');
    const field = fieldOf(segments);
    if (!field) continue;
    // Some refusals name the field without a message of their own: use the error's.
    const zh = f.message ?? e.messageZh;
    const text = splitBilingual(lang === 'zh-CN' ? zh : (f.messageEn ?? (f.message ? f.message : e.messageEn)), lang);
    byField.set(field, [...(byField.get(field) ?? []), text]);
  }
  if (!byField.size) return false;
  form.setFields([...byField].map(([name, errors]) => ({ name, errors })));
  return true;
}

/** Refusals about the person as a whole, shown under the ID number. */
export const PERSON_CODES: Record<string, string> = { MEMBER_HELD_ELSEWHERE: 'idNumber', JOIN_PENDING_EXISTS: 'idNumber' };

/** The member record fields: "fields.idNumber" → "idNumber"; top-level names map to themselves. */
export function memberFieldOf(known: readonly string[], aliases: Record<string, string> = {}) {
  return (segments: string[]): string | null => {
    const joined = segments.join('.');
    for (const [prefix, name] of Object.entries(aliases)) if (joined === prefix || joined.startsWith(prefix + '.')) return name;
    const name = segments[0] === 'fields' ? segments[1] : segments[0];
    return name && known.includes(name) ? name : null;
  };
}
