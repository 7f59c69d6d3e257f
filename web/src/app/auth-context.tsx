import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { App } from 'antd';
import { ApiError, call, setCsrfToken, setSignInUnfinishedHandler, setUnauthenticatedHandler } from '../api/client';
import { authApi, type Me } from '../../../common/src/contracts/auth';
import { computeAccess, type Access } from './access';
import { useI18n } from '../i18n';

interface AuthState {
  /** undefined while the first /api/auth/me is in flight; null when signed out. */
  me: Me | null | undefined;
  access: Access;
  /** Re-read the session (after each sign-in step, password change, TOTP change). */
  refresh: () => Promise<Me | null>;
  /** Adopt the user returned by POST /api/auth/login. */
  signedIn: (me: Me) => void;
  signOut: () => Promise<void>;
  /** True after the user signed out themselves: the login page then starts afresh instead of returning to the last page. */
  signedOutOnPurpose: boolean;
}

const AuthContext = createContext<AuthState | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null | undefined>(undefined);
  const [signedOutOnPurpose, setSignedOutOnPurpose] = useState(false);
  const { message } = App.useApp();
  const { lang } = useI18n();
  const langRef = useRef(lang);
  langRef.current = lang;
  const messageRef = useRef(message);
  messageRef.current = message;
  const noticeShown = useRef(false);

  const adopt = useCallback((m: Me | null) => {
    setCsrfToken(m?.csrfToken ?? null);
    setMe(m);
    if (m) {
      noticeShown.current = false;
      setSignedOutOnPurpose(false);
    }
  }, []);

  const refresh = useCallback(async () => {
    try {
      const m = await call(authApi.me, {}, { quiet401: true });
      adopt(m);
      return m;
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) {
        adopt(null);
        return null;
      }
      throw e;
    }
  }, [adopt]);

  useEffect(() => {
    // Any request that finds the session gone signs the UI out; the router then shows the login page.
    setUnauthenticatedHandler((e) => {
      if (!noticeShown.current) {
        noticeShown.current = true;
        void messageRef.current.warning(langRef.current === 'zh-CN' ? e.messageZh : e.messageEn);
      }
      adopt(null);
    });
    // A sign-in step became due mid-session: re-read the session; the router then shows that step.
    setSignInUnfinishedHandler(() => void refresh().catch(() => undefined));
    refresh().catch(() => adopt(null));
    return () => {
      setUnauthenticatedHandler(null);
      setSignInUnfinishedHandler(null);
    };
  }, [adopt, refresh]);

  const signOut = useCallback(async () => {
    try {
      await call(authApi.logout, {}, { quiet401: true });
    } catch {
      // signed out locally either way
    }
    noticeShown.current = true;
    setSignedOutOnPurpose(true);
    adopt(null);
  }, [adopt]);

  const value = useMemo<AuthState>(
    () => ({ me, access: computeAccess(me ?? null), refresh, signedIn: adopt, signOut, signedOutOnPurpose }),
    [me, refresh, adopt, signOut, signedOutOnPurpose],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthState {
  const v = useContext(AuthContext);
  if (!v) throw new Error('useAuth outside AuthProvider');
  return v;
}

export function useAccess(): Access {
  return useAuth().access;
}
