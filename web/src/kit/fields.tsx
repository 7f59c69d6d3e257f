/**
 * Fields declared as data, rendered the same way in filter bars and forms: a page states its fields
 * (name, label, kind, options, rules) and the kit draws the antd Form.Item with the right input,
 * the format checks of common/ and a data-testid of `<prefix>-<name>`.
 */
import type { ReactNode } from 'react';
import { Checkbox, Col, Form, Input, InputNumber, Radio, Row, Select, Switch } from 'antd';
import type { Rule } from 'antd/es/form';
import type { NamePath } from 'antd/es/form/interface';
import { useText, useVocab, type Text, type Vocab } from './text';
import { DatePicker, DateRangePicker, IdNumberInput, MobileInput, MoneyInput, useFormatRule } from './inputs';
import { OrgPicker, type OrgRef, type OrgSearch } from './OrgPicker';
import { MemberPicker } from './MemberPicker';
import { useI18n } from '../i18n';

export type FieldKind =
  | 'text' | 'textarea' | 'number' | 'select' | 'multiselect' | 'switch' | 'checkbox' | 'flags'
  | 'date' | 'dateRange' | 'money' | 'id' | 'mobile' | 'uscc' | 'org' | 'member' | 'custom'
  | 'radio';

export interface FieldSpec {
  name: string | (string | number)[];
  label?: Text;
  kind?: FieldKind;
  /** true, or the message to show when it is left blank. */
  required?: boolean | Text;
  /** select / multiselect / flags / radio: a vocabulary, or options. */
  vocab?: Vocab;
  codes?: readonly string[];
  options?: { value: string | number | boolean; label: ReactNode }[];
  max?: number;
  min?: number;
  /** Width on the 24-column grid (default: 8 in forms, 6 in filter bars). */
  span?: number;
  extra?: Text;
  placeholder?: Text;
  rules?: Rule[];
  /** org: levels that may be chosen, names of the current value, or a search outside the scope. */
  levels?: readonly string[];
  known?: OrgRef | OrgRef[] | null;
  search?: OrgSearch;
  noFuture?: boolean;
  disabled?: boolean;
  hidden?: boolean;
  /** Extra props for the input. */
  props?: Record<string, unknown>;
  /** kind 'custom': the input itself (it receives value / onChange from the Form.Item). */
  input?: ReactNode;
  /** The form value depends on others (antd `dependencies`). */
  dependencies?: NamePath[];
  testId?: string;
}

const nameKey = (n: FieldSpec['name']) => (Array.isArray(n) ? n.join('.') : n);

/** The input element of a field. */
export function useFieldInput() {
  const text = useText();
  const { t } = useI18n();
  const { options } = useVocab();
  return (f: FieldSpec, testId: string): ReactNode => {
    const placeholder = f.placeholder ? text(f.placeholder) : undefined;
    const common = { 'data-testid': testId, disabled: f.disabled, ...(placeholder ? { placeholder } : {}), ...(f.props ?? {}) };
    const opts = f.options ?? (f.vocab ? options(f.vocab, f.codes) : []);
    switch (f.kind ?? 'text') {
      case 'textarea':
        // The count sits under the box: leave it room above the field's hint.
        return <Input.TextArea rows={3} maxLength={f.max} showCount={!!f.max} style={f.max && f.extra ? { marginBottom: 20 } : undefined} {...common} />;
      case 'number':
        return <InputNumber style={{ width: '100%' }} min={f.min} max={f.max} precision={0} {...common} />;
      case 'select':
        // A long list (counting the options inside groups) can be searched by typing.
        return <Select allowClear showSearch={opts.reduce((n, o) => n + ((o as { options?: unknown[] }).options?.length ?? 1), 0) > 8 ? { optionFilterProp: 'label' } : undefined} options={opts as never} placeholder={t('common.pleaseSelect')} {...common} />;
      case 'multiselect':
        return <Select mode="multiple" allowClear options={opts as never} placeholder={t('common.pleaseSelect')} {...common} />;
      case 'switch':
        return <Switch {...common} />;
      case 'checkbox':
        return <Checkbox {...common}>{f.label ? text(f.label) : null}</Checkbox>;
      case 'flags':
        return <Checkbox.Group options={opts as never} {...common} />;
      case 'radio':
        return <Radio.Group options={opts as never} {...common} />;
      case 'date':
        return <DatePicker allowClear noFuture={f.noFuture} {...common} />;
      case 'dateRange':
        return <DateRangePicker {...common} />;
      case 'money':
        return <MoneyInput {...common} />;
      case 'id':
        return <IdNumberInput {...common} />;
      case 'mobile':
        return <MobileInput {...common} />;
      case 'uscc':
        return <Input maxLength={18} style={{ fontFamily: 'monospace', textTransform: 'uppercase' }} {...common} />;
      case 'org':
        return <OrgPicker allowClear levels={f.levels} known={f.known} search={f.search} {...common} />;
      case 'member':
        return <MemberPicker {...common} />;
      case 'custom':
        return f.input;
      default:
        return <Input allowClear maxLength={f.max} {...common} />;
    }
  };
}

/** The rules a field's kind and `required` imply, plus its own. */
export function useFieldRules() {
  const text = useText();
  const { t } = useI18n();
  const format = useFormatRule();
  return (f: FieldSpec): Rule[] => {
    const rules: Rule[] = [];
    if (f.required) {
      const message = typeof f.required === 'boolean' ? t('kit.required', { field: f.label ? text(f.label) : '' }) : text(f.required);
      // An untyped rule is a string rule to async-validator, which refuses a number or a boolean with this message: other values are checked for blankness only.
      const kind = f.kind ?? 'text';
      const blank = (v: unknown) => v === undefined || v === null || v === '' || (Array.isArray(v) && !v.length);
      rules.push(['text', 'textarea', 'id', 'mobile', 'uscc'].includes(kind)
        ? { required: true, whitespace: kind === 'text' || kind === 'textarea', message }
        : { required: true, message, validator: (_, v: unknown) => (blank(v) ? Promise.reject(new Error(message)) : Promise.resolve()) });
    }
    if (f.kind === 'id' || f.kind === 'mobile' || f.kind === 'uscc') rules.push(format(f.kind));
    if (f.max && ((f.kind ?? 'text') === 'text' || f.kind === 'textarea')) rules.push({ max: f.max, message: t('kit.max', { n: f.max }) });
    return [...rules, ...(f.rules ?? [])];
  };
}

interface FormFieldsProps {
  fields: (FieldSpec | false | null | undefined)[];
  /** data-testid prefix: each input gets `<prefix>-<name>`. */
  testId: string;
  /** Default column width on the 24-grid. */
  span?: number;
  children?: ReactNode;
}

/** A grid of Form.Items from field declarations; falsy entries are skipped (fields shown by condition). */
export function FormFields({ fields, testId, span = 8, children }: FormFieldsProps) {
  const text = useText();
  const input = useFieldInput();
  const rules = useFieldRules();
  return (
    <Row gutter={16}>
      {fields.filter((f): f is FieldSpec => !!f && !f.hidden).map((f) => {
        const id = f.testId ?? `${testId}-${nameKey(f.name)}`;
        return (
          <Col key={nameKey(f.name)} xs={24} md={Math.max(f.span ?? span, 12)} lg={f.span ?? span}>
            <Form.Item
              name={f.name}
              label={f.kind === 'checkbox' ? undefined : f.label ? text(f.label) : undefined}
              rules={rules(f)}
              extra={f.extra ? text(f.extra) : undefined}
              valuePropName={f.kind === 'switch' || f.kind === 'checkbox' ? 'checked' : 'value'}
              dependencies={f.dependencies}
            >
              {input(f, id)}
            </Form.Item>
          </Col>
        );
      })}
      {children}
    </Row>
  );
}
