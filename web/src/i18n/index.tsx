import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { messages, type MessageKey } from './messages';

export type Lang = 'zh-CN' | 'en-US';
const STORAGE_KEY = 'gonghui.lang';

export interface I18n {
  lang: Lang;
  setLang: (l: Lang) => void;
  /** A UI string from the dictionary, with {name} placeholders filled in. */
  t: (key: MessageKey, vars?: Record<string, string | number>) => string;
  /** Pick the current language from a bilingual label sent by the server. */
  pick: (label: { zh: string; en: string } | undefined | null, fallback?: string) => string;
}

const I18nContext = createContext<I18n | null>(null);

function initialLang(): Lang {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (saved === 'zh-CN' || saved === 'en-US') return saved;
  } catch {
    // storage may be unavailable (private mode); Chinese is the default either way
  }
  return 'zh-CN';
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(initialLang);
  useEffect(() => {
    document.documentElement.lang = lang;
    dayjs.locale(lang === 'zh-CN' ? 'zh-cn' : 'en');
  }, [lang]);
  const setLang = useCallback((l: Lang) => {
    setLangState(l);
    try {
      localStorage.setItem(STORAGE_KEY, l);
    } catch {
      // not persisted; still switched for this page
    }
  }, []);
  const value = useMemo<I18n>(() => {
    const dict = messages[lang];
    return {
      lang,
      setLang,
      t: (key, vars) => {
        let s: string = dict[key] ?? messages['zh-CN'][key] ?? key;
        if (vars) for (const [k, v] of Object.entries(vars)) s = s.replaceAll(`{${k}}`, String(v));
        return s;
      },
      pick: (label, fallback = '') => (label ? (lang === 'zh-CN' ? label.zh : label.en) : fallback),
    };
  }, [lang, setLang]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const v = useContext(I18nContext);
  if (!v) throw new Error('useI18n outside I18nProvider');
  return v;
}

/**
 * Server messages written as "中文 / English" (custom validation messages) carry both languages in
 * one string: show the half that matches the UI language.
 */
export function splitBilingual(message: string, lang: Lang): string {
  const i = message.indexOf(' / ');
  if (i < 0) return message;
  return lang === 'zh-CN' ? message.slice(0, i) : message.slice(i + 3);
}

export type { MessageKey };
