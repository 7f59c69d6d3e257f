import { useCallback, useState } from 'react';
import { App } from 'antd';
import type { FormInstance } from 'antd';
import { ApiError } from '../api/client';
import { splitBilingual, useI18n } from '../i18n';

export interface ShowErrorOptions {
  /** Map VALIDATION_FAILED field errors (and conflicts naming a field) onto this form. */
  form?: FormInstance;
  /** Offered as "重新加载" when the record changed underneath (409 VERSION_CONFLICT). */
  reload?: () => void;
}

/**
 * Show a server error the way users expect: the message in the UI language; field problems next
 * to their fields; a version conflict as a prompt to reload. 401 is handled by the auth provider.
 */
export function useApiError() {
  const { message, modal } = App.useApp();
  const { lang, t } = useI18n();

  const text = useCallback(
    (e: unknown): string => {
      if (e instanceof ApiError) return splitBilingual(lang === 'zh-CN' ? e.messageZh : e.messageEn, lang);
      return t('error.unexpected');
    },
    [lang, t],
  );

  const show = useCallback(
    (e: unknown, opts: ShowErrorOptions = {}) => {
      if ((e as Error)?.name === 'AbortError') return;
      if (!(e instanceof ApiError)) {
        console.error(e);
        void message.error(t('error.unexpected'));
        return;
      }
      if (e.status === 401) return;
      if (e.code === 'VERSION_CONFLICT') {
        modal.confirm({
          title: t('error.versionConflict.title'),
          content: text(e),
          okText: t('action.reload'),
          cancelText: t('action.cancel'),
          onOk: () => opts.reload?.(),
        });
        return;
      }
      if (opts.form) {
        const names = new Set(Object.keys(opts.form.getFieldsValue() ?? {}));
        const byField = new Map<string, string[]>();
        for (const f of e.fieldIssues) {
          // Server paths read "body.code" or "body.scopeOrgIds.0"; the form field is the first segment after "body".
          const parts = f.path.split('.').filter((p) => p !== 'body' && p !== 'querystring');
          const field = parts[0];
          if (!field || !names.has(field)) continue;
          const msg = splitBilingual(lang === 'zh-CN' ? f.message : (f.messageEn ?? f.message), lang);
          byField.set(field, [...(byField.get(field) ?? []), msg]);
        }
        if (byField.size) {
          opts.form.setFields([...byField].map(([name, errors]) => ({ name, errors })));
          void message.error(t('error.checkFields'));
          return;
        }
      }
      void message.error(text(e));
    },
    [message, modal, t, text, lang],
  );

  return { showError: show, errorText: text };
}

/**
 * A write behind a button: `busy` while it runs (for the button's spinner), its error shown as
 * useApiError shows it, and a success message when given. Resolves to whether it succeeded.
 */
export function useBusy() {
  const [busy, setBusy] = useState(false);
  const { showError } = useApiError();
  const { message } = App.useApp();
  const run = async (fn: () => Promise<unknown>, success?: string): Promise<boolean> => {
    setBusy(true);
    try {
      await fn();
      if (success) void message.success(success);
      return true;
    } catch (e) {
      showError(e);
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { busy, run };
}

/**
 * A write whose refusal is shown under its own form (sign-in, linking, a public page's lookup), not
 * as a toast: `busy` while it runs, `error` with the server's words once it fails.
 */
export function useInlineBusy() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { errorText } = useApiError();
  const run = async (fn: () => Promise<unknown>): Promise<boolean> => {
    setBusy(true);
    setError(null);
    try {
      await fn();
      return true;
    } catch (e) {
      setError(errorText(e));
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, run };
}
