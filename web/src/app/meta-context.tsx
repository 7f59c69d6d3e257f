import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { systemApi, type Label, type Meta } from '../../../common/src/contracts/system';
import { call } from '../api/client';
import { useI18n } from '../i18n';

interface MetaState {
  meta: Meta | null;
  levelLabel: (code: string | null | undefined) => string;
  kindLabel: (code: string | null | undefined) => string;
  scopeLabel: (code: string | null | undefined) => string;
  permissionLabel: (code: string) => string;
}

const MetaContext = createContext<MetaState | null>(null);

/** The server's vocabularies (GET /api/meta, public): levels, kinds, scopes and permissions with zh/en labels. */
export function MetaProvider({ children }: { children: ReactNode }) {
  const [meta, setMeta] = useState<Meta | null>(null);
  const { pick } = useI18n();
  useEffect(() => {
    let cancelled = false;
    const load = (attempt: number) =>
      call(systemApi.meta).then(
        (m) => !cancelled && setMeta(m),
        () => !cancelled && attempt < 3 && setTimeout(() => load(attempt + 1), 1000 * (attempt + 1)),
      );
    load(0);
    return () => {
      cancelled = true;
    };
  }, []);
  const value = useMemo<MetaState>(() => {
    const lookup = (list: Label[] | undefined) => {
      const map = new Map((list ?? []).map((l) => [l.code, l]));
      return (code: string | null | undefined) => (code ? pick(map.get(code), code) : '');
    };
    const perm = lookup(meta?.permissions);
    return {
      meta,
      levelLabel: lookup(meta?.orgLevels),
      kindLabel: lookup(meta?.orgKinds),
      scopeLabel: lookup(meta?.scopeKinds),
      permissionLabel: (code) => perm(code),
    };
  }, [meta, pick]);
  return <MetaContext.Provider value={value}>{children}</MetaContext.Provider>;
}

export function useMeta(): MetaState {
  const v = useContext(MetaContext);
  if (!v) throw new Error('useMeta outside MetaProvider');
  return v;
}
