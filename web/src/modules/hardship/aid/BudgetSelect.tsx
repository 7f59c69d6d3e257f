import { useEffect, useMemo, useRef, useState } from 'react';
import { Select } from 'antd';
import { hardshipAidApi, type BudgetItem } from '../../../../../common/src/contracts/hardship-aid';
import { call } from '../../../api/client';
import { useRequest } from '../../../app/use-request';
import { useI18n } from '../../../i18n';
import { yuan } from '../../../kit';

interface Props {
  value?: string | null;
  onChange?: (id: string | undefined) => void;
  /** Only the budgets of this year (a payment is charged to its year's budget). */
  year?: number;
  /** Only the budgets that may pay a household of this union: its own and those above it. */
  forOrgId?: string;
  /** The chosen budget, whenever it changes (its remaining amount checks the payment). */
  onPick?: (b: BudgetItem | undefined) => void;
  /** Choose the only budget there is; drop a choice the year or union no longer allows. */
  follow?: boolean;
  /** Budgets with nothing left cannot be chosen. */
  disableSpent?: boolean;
  /** data-testid of each option: `<optionTestId>-<id>`. */
  optionTestId?: string;
  placeholder?: string;
  allowClear?: boolean;
  'data-testid'?: string;
}

/**
 * A budget (帮扶资金预算) in the caller's scope, searched on the server by union or line, each shown
 * with what remains. Used by the payment form, the campaign wizard and the aid list's filter.
 */
export function BudgetSelect({ value, onChange, year, forOrgId, onPick, follow, disableSpent, optionTestId, placeholder, allowClear, ...rest }: Props) {
  const { t } = useI18n();
  const [q, setQ] = useState('');
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const { data, loading } = useRequest(() => call(hardshipAidApi.budgets, { query: { year, forOrgId, q: q || undefined, pageSize: 50 } }), [year, forOrgId, q]);
  const items = useMemo(() => data?.items ?? [], [data]);
  // The current value when it is not among the budgets listed (a link, another year): named by its own look-up.
  const missing = !!value && !!data && !items.some((b) => b.id === value);
  const { data: own } = useRequest(() => (missing ? call(hardshipAidApi.budgets, { query: { id: value } }).then((r) => r.items[0] ?? null) : Promise.resolve(null)), [missing ? value : null]);
  const shown = useMemo(() => (missing && own && !follow ? [own, ...items] : items), [missing, own, items, follow]);

  useEffect(() => {
    if (!follow || !data || q) return;
    if (value && !items.some((b) => b.id === value)) onChange?.(undefined);
    else if (!value && items.length === 1) onChange?.(items[0]!.id);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [data]);
  useEffect(() => onPick?.(shown.find((b) => b.id === value)), [value, shown]); // eslint-disable-line react-hooks/exhaustive-deps
  useEffect(() => () => clearTimeout(timer.current), []);

  return (
    <Select
      {...rest}
      value={value ?? undefined}
      onChange={(v: string | undefined) => onChange?.(v ?? undefined)}
      allowClear={allowClear}
      loading={loading}
      placeholder={placeholder ?? t('common.pleaseSelect')}
      popupMatchSelectWidth={false}
      showSearch={{
        filterOption: false,
        onSearch: (s) => {
          clearTimeout(timer.current);
          timer.current = setTimeout(() => setQ(s.trim()), 250);
        },
      }}
      notFoundContent={loading ? undefined : t('hsAid.budget.none')}
      options={shown.map((b) => ({
        value: b.id,
        disabled: disableSpent && b.remainingFen <= 0,
        label: t('hsAid.budget.option', { org: b.orgName, year: b.year, line: b.line, remaining: yuan(b.remainingFen) }),
      }))}
      optionRender={optionTestId ? (o) => <span data-testid={`${optionTestId}-${o.value}`}>{o.label}</span> : undefined}
    />
  );
}
