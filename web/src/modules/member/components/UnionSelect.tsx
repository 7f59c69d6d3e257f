import { useEffect, useMemo, useRef, useState } from 'react';
import { Select, Spin, Typography } from 'antd';
import type { SelectProps } from 'antd';
import { orgApi } from '../../../api/orgs';
import { call } from '../../../api/client';
import { joinApi } from '../../../../../common/src/contracts/join';
import { useI18n } from '../../../i18n';

export interface UnionOption {
  id: string;
  name: string;
  /** Secondary text: the code, or the street and district. */
  note?: string;
}

/**
 * Where the candidates come from:
 * - `scope`: grassroots unions in the caller's data scope (GET /api/orgs?level=grassroots), for
 *   registering and importing members;
 * - `any`: every active grassroots union (GET /api/join/unions), for the receiving side of a
 *   transfer, which may lie outside the caller's scope;
 * - `territorial`: street and park unions (GET /api/join/territorial), for a worker whose new
 *   employer has no union.
 */
export type UnionSource = 'scope' | 'any' | 'territorial';

interface Props extends Omit<SelectProps<string>, 'options' | 'onSearch' | 'showSearch' | 'filterOption' | 'loading'> {
  source: UnionSource;
  /** Shown for the current value before anything is searched. */
  known?: UnionOption;
  onPick?: (o: UnionOption | undefined) => void;
}

async function find(source: UnionSource, q: string): Promise<UnionOption[]> {
  if (source === 'scope') {
    const p = await orgApi.list({ q: q || undefined, level: 'grassroots', pageSize: 30, active: 'true', sort: 'code' });
    return p.items.map((o) => ({ id: o.id, name: o.name, note: o.code }));
  }
  // The public look-ups want at least two characters.
  if (q.length < 2) return [];
  if (source === 'any') {
    const hits = await call(joinApi.unions, { query: { q } });
    return hits.map((h) => ({ id: h.id, name: h.name, note: [h.districtName, h.streetName].filter(Boolean).join(' · ') }));
  }
  const hits = await call(joinApi.territorial, { query: { q } });
  return hits.map((h) => ({ id: h.id, name: h.name, note: h.districtName ?? undefined }));
}

/** Choose a union by name or code, searched on the server as the user types. */
export function UnionSelect({ source, known, onPick, onChange, ...rest }: Props) {
  const { t } = useI18n();
  const [results, setResults] = useState<UnionOption[]>([]);
  const [loading, setLoading] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const seq = useRef(0);

  const search = (q: string) => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      const mine = ++seq.current;
      setLoading(true);
      find(source, q.trim())
        .then(
          (r) => mine === seq.current && setResults(r),
          () => mine === seq.current && setResults([]),
        )
        .finally(() => mine === seq.current && setLoading(false));
    }, 250);
  };

  useEffect(() => {
    setResults([]);
    if (source === 'scope') search('');
    return () => clearTimeout(timer.current);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [source]);

  const options = useMemo(() => {
    const list = known && !results.some((r) => r.id === known.id) ? [known, ...results] : results;
    return list.map((o) => ({ value: o.id, label: o.name, title: o.name, extra: o }));
  }, [results, known]);

  return (
    <Select
      {...rest}
      showSearch={{ filterOption: false, onSearch: search }}
      options={options}
      loading={loading}
      onChange={(v, opt) => {
        onChange?.(v, opt);
        onPick?.(options.find((o) => o.value === v)?.extra);
      }}
      notFoundContent={loading ? <Spin size="small" /> : source === 'scope' ? t('common.noMatch') : t('member.union.typeTwo')}
      placeholder={rest.placeholder ?? t('member.union.placeholder')}
      optionRender={(opt) => {
        const o = (opt.data as { extra?: UnionOption }).extra;
        if (!o) return opt.label;
        return (
          <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8 }} data-testid={`union-option-${o.name}`}>
            <span style={{ whiteSpace: 'normal' }}>{o.name}</span>
            {o.note && (
              <Typography.Text type="secondary" style={{ fontSize: 12, flexShrink: 0 }}>
                {o.note}
              </Typography.Text>
            )}
          </div>
        );
      }}
    />
  );
}
