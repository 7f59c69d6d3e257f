import { useEffect, useMemo, useRef, useState } from 'react';
import { Select, Spin, Typography } from 'antd';
import type { SelectProps } from 'antd';
import { orgApi } from '../../../api/orgs';
import { useI18n } from '../../../i18n';

interface Hit {
  id: string;
  name: string;
  note: string;
}

interface Props extends Omit<SelectProps<string>, 'options' | 'onSearch' | 'showSearch' | 'filterOption' | 'loading'> {
  /** Org levels offered (e.g. grassroots and street unions hold files); empty: any level in scope. */
  levels?: string[];
  /** Shown for the current value before anything is searched (e.g. from the URL). */
  known?: { id: string; name: string } | null;
}

/** Choose an org in the caller's scope by name or code, searched on the server as the user types. */
export function OrgPicker({ levels = [], known, ...rest }: Props) {
  const { t } = useI18n();
  const [hits, setHits] = useState<Hit[]>([]);
  const [loading, setLoading] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const seq = useRef(0);
  const levelKey = levels.join(',');

  const search = (q: string) => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      const mine = ++seq.current;
      setLoading(true);
      const lv = levelKey ? levelKey.split(',') : [undefined];
      Promise.all(lv.map((level) => orgApi.list({ q: q.trim() || undefined, level, pageSize: 30, active: 'true', sort: 'code' })))
        .then(
          (pages) => mine === seq.current && setHits(pages.flatMap((p) => p.items.map((o) => ({ id: o.id, name: o.name, note: o.code })))),
          () => mine === seq.current && setHits([]),
        )
        .finally(() => mine === seq.current && setLoading(false));
    }, 250);
  };

  useEffect(() => {
    search('');
    return () => clearTimeout(timer.current);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [levelKey]);

  const options = useMemo(() => {
    const list = known && !hits.some((h) => h.id === known.id) ? [{ ...known, note: '' }, ...hits] : hits;
    return list.map((o) => ({ value: o.id, label: o.name, title: o.name, extra: o }));
  }, [hits, known]);

  return (
    <Select
      {...rest}
      showSearch={{ filterOption: false, onSearch: search }}
      options={options}
      loading={loading}
      notFoundContent={loading ? <Spin size="small" /> : t('common.noMatch')}
      placeholder={rest.placeholder ?? t('common.pleaseSelect')}
      optionRender={(opt) => {
        const o = (opt.data as { extra?: Hit }).extra;
        if (!o) return opt.label;
        return (
          <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8 }} data-testid={`org-option-${o.name}`}>
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
