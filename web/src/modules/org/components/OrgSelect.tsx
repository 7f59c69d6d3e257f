import { useEffect, useMemo, useRef, useState } from 'react';
import { Select, Spin, Typography } from 'antd';
import type { SelectProps } from 'antd';
import { orgApi } from '../../../api/orgs';
import type { Org } from '../../../api/types';
import { useMeta } from '../../../app/meta-context';
import { useI18n } from '../../../i18n';

export interface OrgOption {
  id: string;
  name: string;
  code?: string;
  level?: string;
}

interface Props extends Omit<SelectProps<string | string[]>, 'options' | 'onSearch' | 'showSearch' | 'filterOption' | 'loading'> {
  /** Options to show for the current value before anything is searched (so the label is a name, not an id). */
  known?: OrgOption[];
  /** Hide or disable candidates, e.g. levels that cannot be a parent. */
  isDisabled?: (o: Org) => boolean;
  includeInactive?: boolean;
}

/** Choose organisations in scope by name or code: server search via GET /api/orgs?q=. */
const NO_KNOWN: OrgOption[] = [];

export function OrgSelect({ known = NO_KNOWN, isDisabled, includeInactive, ...rest }: Props) {
  const { t } = useI18n();
  const { levelLabel } = useMeta();
  const [results, setResults] = useState<Org[]>([]);
  const [loading, setLoading] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const seq = useRef(0);

  const search = (q: string) => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      const mine = ++seq.current;
      setLoading(true);
      orgApi
        .list({ q: q.trim() || undefined, pageSize: 30, active: includeInactive ? 'all' : 'true', sort: 'code' })
        .then(
          (p) => mine === seq.current && setResults(p.items),
          () => mine === seq.current && setResults([]),
        )
        .finally(() => mine === seq.current && setLoading(false));
    }, 250);
  };

  // The first page of candidates loads when the dropdown first opens, not for every select on screen.
  const opened = useRef(false);
  useEffect(() => () => clearTimeout(timer.current), []);

  const options = useMemo(() => {
    const seen = new Set<string>();
    const out: NonNullable<SelectProps['options']> = [];
    for (const o of results) {
      seen.add(o.id);
      out.push({
        value: o.id,
        disabled: isDisabled?.(o) ?? false,
        label: o.name,
        title: `${o.name}（${o.code}）`,
        'data-testid': `org-option-${o.code}`,
        extra: o,
      });
    }
    for (const k of known) if (!seen.has(k.id)) out.push({ value: k.id, label: k.name, title: k.name });
    return out;
  }, [results, known, isDisabled]);

  return (
    <Select
      {...rest}
      showSearch={{ filterOption: false, onSearch: search }}
      onOpenChange={(open) => {
        if (open && !opened.current) {
          opened.current = true;
          search('');
        }
        rest.onOpenChange?.(open);
      }}
      options={options}
      loading={loading}
      notFoundContent={loading ? <Spin size="small" /> : t('common.noMatch')}
      placeholder={rest.placeholder ?? t('org.select.placeholder')}
      optionRender={(opt) => {
        const o = (opt.data as { extra?: Org }).extra;
        if (!o) return opt.label;
        return (
          <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8 }}>
            <span>{o.name}</span>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {o.code} · {levelLabel(o.level)}
            </Typography.Text>
          </div>
        );
      }}
    />
  );
}
