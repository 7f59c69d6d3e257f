/**
 * The kit's form items. Each holds the value in the form the API takes (fen, YYYY-MM-DD strings)
 * and checks what common/ checks, as the user types.
 */
import { useState, type ReactNode } from 'react';
import { App, Button, DatePicker as AntDatePicker, Input, InputNumber, Space, Tag, Typography } from 'antd';
import type { InputProps, InputNumberProps } from 'antd';
import type { Rule } from 'antd/es/form';
import { EyeOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { ID_PROBLEM_MESSAGES, parseIdNumber } from '../../../common/src/id-number';
import { MOBILE_PROBLEM_MESSAGES, normaliseMobile } from '../../../common/src/mobile';
import { checkUscc, USCC_PROBLEM_MESSAGES } from '../../../common/src/uscc';
import { useI18n } from '../i18n';
import { useApiError } from '../app/use-api-error';
import { testId } from '../app/test-id';

type Check = (v: string) => { zh: string; en: string } | null;

const checks: Record<'id' | 'mobile' | 'uscc', Check> = {
  id: (v) => {
    const r = parseIdNumber(v);
    return r.ok ? null : ID_PROBLEM_MESSAGES[r.code];
  },
  mobile: (v) => {
    const r = normaliseMobile(v);
    return r.ok ? null : MOBILE_PROBLEM_MESSAGES[r.code];
  },
  uscc: (v) => {
    const r = checkUscc(v);
    return r.ok ? null : USCC_PROBLEM_MESSAGES[r.problem];
  },
};

/** A form rule for a resident ID number (GB 11643), mobile or credit code (GB 32100); blank passes (use `required` for that). */
export function useFormatRule() {
  const { pick } = useI18n();
  return (kind: keyof typeof checks): Rule => ({
    validator: (_, value: unknown) => {
      if (value === undefined || value === null || String(value).trim() === '') return Promise.resolve();
      const problem = checks[kind](String(value));
      return problem ? Promise.reject(new Error(pick(problem))) : Promise.resolve();
    },
  });
}

/** Resident ID number (身份证号): monospace, upper-case X, checked as you type by the form rule. */
export function IdNumberInput(props: InputProps) {
  return <Input maxLength={40} autoComplete="off" spellCheck={false} style={{ fontFamily: 'monospace' }} {...props} />;
}

/** Mobile number: a phone keypad on phones; +86, spaces and dashes are accepted and stripped by the server. */
export function MobileInput(props: InputProps) {
  return <Input maxLength={20} inputMode="tel" autoComplete="off" {...props} />;
}

interface MoneyProps extends Omit<InputNumberProps<number>, 'value' | 'onChange'> {
  /** Integer fen, as the API takes it. */
  value?: number | null;
  onChange?: (fen: number | null) => void;
}

/** Money: yuan with two decimals on screen, integer fen in the form value (and so in the API). */
export function MoneyInput({ value, onChange, ...rest }: MoneyProps) {
  return (
    <InputNumber<number>
      min={0}
      precision={2}
      step={100}
      prefix="¥"
      style={{ width: '100%' }}
      {...rest}
      value={value == null ? null : value / 100}
      onChange={(y) => onChange?.(y == null ? null : Math.round(y * 100))}
    />
  );
}

interface DateProps {
  value?: string | null;
  onChange?: (v: string | null) => void;
  /** Dates after today (China time) cannot be picked. */
  noFuture?: boolean;
  allowClear?: boolean;
  placeholder?: string;
  disabled?: boolean;
  'data-testid'?: string;
}

const chinaToday = () => dayjs(new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10));

/**
 * A date as YYYY-MM-DD: legal dates are China dates, so the value never passes through the
 * browser's time zone, and "today" is today in China.
 */
export function DatePicker({ value, onChange, noFuture, ...rest }: DateProps) {
  return (
    <AntDatePicker
      style={{ width: '100%' }}
      {...rest}
      value={value ? dayjs(value) : null}
      onChange={(d) => onChange?.(d ? d.format('YYYY-MM-DD') : null)}
      disabledDate={noFuture ? (d) => d.isAfter(chinaToday(), 'day') : undefined}
    />
  );
}

interface RangeProps {
  value?: [string | null, string | null] | null;
  onChange?: (v: [string | null, string | null] | null) => void;
  'data-testid'?: string;
}

/** A date range as two YYYY-MM-DD strings (either end may be open). */
export function DateRangePicker({ value, onChange, ...rest }: RangeProps) {
  return (
    <AntDatePicker.RangePicker
      style={{ width: '100%' }}
      allowEmpty={[true, true]}
      {...rest}
      value={value ? [value[0] ? dayjs(value[0]) : null, value[1] ? dayjs(value[1]) : null] : null}
      onChange={(r) => onChange?.(r && (r[0] || r[1]) ? [r[0]?.format('YYYY-MM-DD') ?? null, r[1]?.format('YYYY-MM-DD') ?? null] : null)}
    />
  );
}

interface SensitiveProps {
  /** The masked value the server sent (e.g. 410302********1234). */
  masked: string | null;
  /** Reveal: the audited call (…/unmask). Leave out when the caller may not reveal. */
  reveal?: () => Promise<string | null>;
  /** The full value when it was revealed elsewhere on the page (one audited reveal of several values). */
  revealed?: string | null;
  testId?: string;
  children?: (shown: string) => ReactNode;
}

/**
 * A sensitive value (ID number, mobile) shown masked; revealing it asks for confirmation and is
 * recorded in the audit log by the server.
 */
export function SensitiveValue({ masked, reveal, revealed, testId: id, children }: SensitiveProps) {
  const { t } = useI18n();
  const { modal, message } = App.useApp();
  const { showError } = useApiError();
  const [own, setShown] = useState<string | null>(null);
  const shown = own ?? revealed ?? null;
  const value = shown ?? masked;
  const ask = () =>
    modal.confirm({
      title: t('kit.reveal.title'),
      content: t('kit.reveal.confirm'),
      okText: t('kit.reveal.ok'),
      okButtonProps: id ? testId(`${id}-reveal-ok`) : undefined,
      cancelText: t('action.cancel'),
      onOk: async () => {
        try {
          setShown(await reveal!());
          void message.info(t('kit.reveal.logged'));
        } catch (e) {
          showError(e);
        }
      },
    });
  return (
    <Space size={6} wrap>
      <Typography.Text style={{ fontFamily: 'monospace', whiteSpace: 'nowrap' }} data-testid={id} data-revealed={String(shown !== null)}>
        {value == null ? '—' : children ? children(value) : value}
      </Typography.Text>
      {shown !== null && <Tag color="red">{t('kit.reveal.shown')}</Tag>}
      {reveal && shown === null && masked && (
        <Button size="small" type="link" icon={<EyeOutlined />} onClick={ask} {...(id ? testId(`${id}-reveal`) : {})}>
          {t('kit.reveal')}
        </Button>
      )}
    </Space>
  );
}
