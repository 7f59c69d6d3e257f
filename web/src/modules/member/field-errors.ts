import type { FormInstance } from 'antd';
import { ApiError } from '../../api/client';
import { splitBilingual, type Lang } from '../../i18n';

/**
 * Put VALIDATION_FAILED field problems next to their fields when the form's field names differ
 * from the request's shape (member forms send `{orgId, fields: {...}, consent: {...}}`, so the
 * server says "body.fields.idNumber"). `fieldOf` turns a path's segments (without "body") into a
 * form field name, or null for a problem the form has no field for. True when any was placed.
 */
export function placeFieldIssues(form: FormInstance, e: unknown, lang: Lang, fieldOf: (segments: string[]) => string | null): boolean {
  if (!(e instanceof ApiError)) return false;
  const byField = new Map<string, string[]>();
  for (const f of e.fieldIssues) {
    const segments = f.path.split('.').filter((p) => p !== 'body');
    const field = fieldOf(segments);
    if (!field) continue;
    const text = splitBilingual(lang === 'zh-CN' ? f.message : (f.messageEn ?? f.message), lang);
    byField.set(field, [...(byField.get(field) ?? []), text]);
  }
  if (!byField.size) return false;
  form.setFields([...byField].map(([name, errors]) => ({ name, errors })));
  return true;
}

/** The member record fields: "fields.idNumber" → "idNumber"; top-level names map to themselves. */
export function memberFieldOf(known: readonly string[], aliases: Record<string, string> = {}) {
  return (segments: string[]): string | null => {
    const joined = segments.join('.');
    for (const [prefix, name] of Object.entries(aliases)) if (joined === prefix || joined.startsWith(prefix + '.')) return name;
    const name = segments[0] === 'fields' ? segments[1] : segments[0];
    return name && known.includes(name) ? name : null;
  };
}
