import { useEffect, useState, type ReactNode } from 'react';
import { Alert, App, Drawer, Form, Modal, Space, Button } from 'antd';
import type { FormInstance } from 'antd';
import { ApiError } from '../api/client';
import { useApiError } from '../app/use-api-error';
import { splitBilingual, useI18n } from '../i18n';
import { testId as tid } from '../app/test-id';
import { FormFields, type FieldSpec } from './fields';
import { useText, type Text } from './text';

/**
 * Place a server's field errors on the form items they name: `body.fields.name` lands on `name`
 * (or on `['fields', 'name']` when the form nests it). Returns whether any landed.
 */
export function placeFieldErrors(form: FormInstance, e: unknown, lang: 'zh-CN' | 'en-US', aliases: Record<string, string> = {}): boolean {
  if (!(e instanceof ApiError)) return false;
  const registered = form.getFieldsError().map((f) => f.name.join('.'));
  const byField = new Map<string, string[]>();
  for (const f of e.fieldIssues) {
    const parts = f.path.split('.').filter((p) => p !== 'body' && p !== 'querystring' && p !== 'params');
    const full = parts.join('.');
    let target: string | undefined = aliases[full] ?? aliases[parts[parts.length - 1] ?? ''];
    for (let i = 0; !target && i < parts.length; i++) {
      const candidate = parts.slice(i).join('.');
      if (registered.includes(candidate)) target = candidate;
    }
    if (!target || !registered.includes(target)) continue;
    const msg = splitBilingual(lang === 'zh-CN' ? f.message : (f.messageEn ?? f.message), lang);
    byField.set(target, [...(byField.get(target) ?? []), msg]);
  }
  if (byField.size) form.setFields([...byField].map(([name, errors]) => ({ name: name.split('.'), errors })));
  return byField.size > 0;
}

export interface FormModalProps<V> {
  open: boolean;
  title: ReactNode;
  /** data-testid prefix: `<id>-modal`, `<id>` (the form), `<id>-<field>`, `<id>-submit`. */
  testId: string;
  fields?: (FieldSpec | false | null | undefined)[];
  /** Further content inside the form (custom sections). */
  children?: ReactNode;
  initialValues?: Partial<V>;
  /** Send the values; throw the ApiError to show it (field errors land on their fields). */
  onSubmit: (values: V, form: FormInstance<V>) => Promise<unknown>;
  onClose: () => void;
  /** After a successful submit. */
  onDone?: (result: unknown) => void;
  /** Offered when the record changed underneath (409). */
  onReload?: () => void;
  okText?: Text;
  /** data-testid of the submit button, where a test names it otherwise than `<testId>-submit`. */
  submitTestId?: string;
  width?: number;
  /** Default width of a field on the 24-grid. */
  span?: number;
  /** A side drawer instead of a modal (long forms). */
  drawer?: boolean;
  /** Ask before sending (destructive or irreversible steps): a text, or one made from the values. */
  confirm?: Text | ((values: V) => ReactNode);
  danger?: boolean;
  /** data-testids of the modal (or drawer) and of the confirmation's OK button, where a test names them otherwise. */
  modalTestId?: string;
  confirmTestId?: string;
  /** Show a refusal (not a field error) inside the form, under the fields (`<testId>-error`), instead of as a toast. */
  inlineErrors?: boolean;
  aliases?: Record<string, string>;
  form?: FormInstance<V>;
}

/** A form in a modal or drawer: declared fields, submit with the server's field errors placed, saving state, confirmation. */
export function FormModal<V extends object>(p: FormModalProps<V>) {
  const { t, lang } = useI18n();
  const text = useText();
  const { message, modal } = App.useApp();
  const { showError, errorText } = useApiError();
  const [own] = Form.useForm<V>();
  const form = p.form ?? own;
  const [saving, setSaving] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);

  useEffect(() => {
    if (p.open) {
      setRefusal(null);
      form.resetFields();
      if (p.initialValues) form.setFieldsValue(p.initialValues as never);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [p.open]);

  const send = async (values: V) => {
    setSaving(true);
    setRefusal(null);
    try {
      const r = await p.onSubmit(values, form);
      p.onDone?.(r);
    } catch (e) {
      if (placeFieldErrors(form, e, lang, p.aliases)) void message.error(t('error.checkFields'));
      else if (p.inlineErrors && e instanceof ApiError && e.status !== 401 && e.code !== 'VERSION_CONFLICT') setRefusal(errorText(e));
      else showError(e, { reload: p.onReload });
    } finally {
      setSaving(false);
    }
  };
  const submit = async () => {
    let values: V;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    values = { ...form.getFieldsValue(true), ...values };
    if (p.confirm) {
      modal.confirm({ title: p.title, content: typeof p.confirm === 'function' ? p.confirm(values) : text(p.confirm), okText: t('action.confirm'), cancelText: t('action.cancel'), okButtonProps: { danger: p.danger, ...tid(p.confirmTestId ?? `${p.testId}-confirm-ok`) }, onOk: () => send(values) });
    } else await send(values);
  };
  const title = p.title;
  const body = (
    <Form form={form} layout="vertical" requiredMark scrollToFirstError data-testid={p.testId} preserve={false}>
      {p.fields && <FormFields fields={p.fields} testId={p.testId} span={p.span ?? (p.drawer ? 12 : 24)} />}
      {p.children}
      {refusal && <Alert type="error" showIcon title={refusal} style={{ whiteSpace: 'pre-wrap' }} data-testid={`${p.testId}-error`} />}
    </Form>
  );
  const ok = (
    <Button type="primary" danger={p.danger} loading={saving} onClick={submit} {...tid(p.submitTestId ?? `${p.testId}-submit`)}>
      {p.okText ? text(p.okText) : t('action.save')}
    </Button>
  );
  if (p.drawer) {
    return (
      <Drawer open={p.open} title={title} size={p.width ?? 860} onClose={p.onClose} destroyOnHidden mask={{ closable: false }}
        extra={<Space><Button onClick={p.onClose}>{t('action.cancel')}</Button>{ok}</Space>} data-testid={p.modalTestId ?? `${p.testId}-modal`}>
        {body}
      </Drawer>
    );
  }
  return (
    <Modal open={p.open} title={title} onCancel={p.onClose} width={p.width ?? 560} forceRender mask={{ closable: false }}
      footer={<Space><Button onClick={p.onClose}>{t('action.cancel')}</Button>{ok}</Space>}
      modalRender={(node) => <div data-testid={p.modalTestId ?? `${p.testId}-modal`}>{node}</div>}>
      {body}
    </Modal>
  );
}
