import { useState, type ReactNode } from 'react';
import { Alert, App, Button, Col, Form, Row } from 'antd';
import type { FormInstance } from 'antd';
import { ApiError } from '../api/client';
import { useApiError } from '../app/use-api-error';
import { useI18n } from '../i18n';
import { placeFieldErrors } from './FormModal';

interface Props<V> {
  form: FormInstance<V>;
  /** data-testid prefix: `<id>-form`, `<id>-submit`, `<id>-back`, `<id>-error`. */
  testId: string;
  initialValues?: Partial<V>;
  /** Send the values; throw the ApiError to show it (field errors land on their fields, the message under the form). */
  onSubmit: (values: V) => Promise<unknown>;
  onValuesChange?: () => void;
  submitText: ReactNode;
  submitIcon?: ReactNode;
  /** A back button beside the submit button (a step before). */
  onBack?: () => void;
  backText?: ReactNode;
  /** What to add when the server refuses for too many requests (429): wait, or call the union. */
  rateLimitedHint?: ReactNode;
  aliases?: Record<string, string>;
  children: ReactNode;
}

/**
 * A worker-facing form (no sign-in, often on a phone): large inputs in one column on a phone, the
 * server's field errors on their fields and its message under the form (with what to do after a
 * rate limit), and full-width buttons.
 */
export function PublicForm<V extends object>(p: Props<V>) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const { errorText } = useApiError();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<{ text: string; limited: boolean } | null>(null);
  const finish = async (values: V) => {
    setSaving(true);
    setError(null);
    try {
      await p.onSubmit(values);
    } catch (e) {
      if (placeFieldErrors(p.form, e, lang, p.aliases)) void message.error(t('error.checkFields'));
      setError({ text: errorText(e), limited: e instanceof ApiError && e.status === 429 });
    } finally {
      setSaving(false);
    }
  };
  const submit = (
    <Button type="primary" htmlType="submit" size="large" block icon={p.submitIcon} loading={saving} data-testid={`${p.testId}-submit`}>
      {p.submitText}
    </Button>
  );
  return (
    <Form<V> form={p.form} layout="vertical" size="large" requiredMark scrollToFirstError initialValues={p.initialValues} onFinish={(v) => void finish(v)} onValuesChange={p.onValuesChange} data-testid={`${p.testId}-form`}>
      {p.children}
      {error && (
        <Alert type={error.limited ? 'warning' : 'error'} showIcon style={{ marginBottom: 16 }} title={error.text} description={error.limited ? p.rateLimitedHint : undefined} data-testid={`${p.testId}-error`} />
      )}
      {p.onBack ? (
        <Row gutter={12}>
          <Col xs={8}>
            <Button size="large" block onClick={p.onBack} data-testid={`${p.testId}-back`}>
              {p.backText}
            </Button>
          </Col>
          <Col xs={16}>{submit}</Col>
        </Row>
      ) : (
        submit
      )}
    </Form>
  );
}
