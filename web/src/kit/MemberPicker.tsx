import { useMemo, useRef, useState } from 'react';
import { Select, Spin, Typography } from 'antd';
import { call } from '../api/client';
import { memberApi } from '../../../common/src/contracts/member';
import { useI18n } from '../i18n';

interface Props {
  value?: string | null;
  onChange?: (id: string | null, member?: { id: string; name: string; orgName: string }) => void;
  /** The current value's name, before anything is searched. */
  known?: { id: string; name: string } | null;
  /** Only members of this org's subtree. */
  orgId?: string;
  disabled?: boolean;
  placeholder?: string;
  'data-testid'?: string;
}

/** Choose a member in the caller's scope by name, ID number or card number (searched on the server; the ID stays masked). */
export function MemberPicker({ value, onChange, known, orgId, placeholder, ...rest }: Props) {
  const { t } = useI18n();
  const [hits, setHits] = useState<{ id: string; name: string; orgName: string; idMasked: string }[]>([]);
  const [loading, setLoading] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const seq = useRef(0);
  const search = (q: string) => {
    clearTimeout(timer.current);
    const term = q.trim();
    if (!term) return setHits([]);
    timer.current = setTimeout(() => {
      const mine = ++seq.current;
      setLoading(true);
      const byId = /^[0-9]{15,17}[0-9Xx]$/.test(term);
      call(memberApi.list, { query: { ...(byId ? { idNumber: term } : { q: term }), orgId, pageSize: 20 } })
        .then((p) => mine === seq.current && setHits(p.items), () => mine === seq.current && setHits([]))
        .finally(() => mine === seq.current && setLoading(false));
    }, 250);
  };
  const options = useMemo(() => {
    const list = known && !hits.some((h) => h.id === known.id) ? [{ ...known, orgName: '', idMasked: '' }, ...hits] : hits;
    return list.map((m) => ({ value: m.id, label: m.name, m }));
  }, [hits, known]);
  return (
    <Select
      {...rest}
      value={value ?? undefined}
      allowClear
      showSearch={{ filterOption: false, onSearch: search }}
      options={options}
      placeholder={placeholder ?? t('kit.member.placeholder')}
      notFoundContent={loading ? <Spin size="small" /> : t('common.noMatch')}
      onChange={(id: string | undefined) => onChange?.(id ?? null, options.find((o) => o.value === id)?.m)}
      optionRender={(o) => {
        const m = (o.data as { m: { name: string; orgName: string; idMasked: string } }).m;
        return (
          <span style={{ display: 'flex', justifyContent: 'space-between', gap: 8 }} data-testid={`member-option-${m.name}`}>
            <span>{m.name}</span>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>{[m.idMasked, m.orgName].filter(Boolean).join(' · ')}</Typography.Text>
          </span>
        );
      }}
    />
  );
}
