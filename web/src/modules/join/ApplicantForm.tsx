import { useState } from 'react';
import { Alert, App, Button, Col, Form, Radio, Row } from 'antd';
import { call } from '../../api/client';
import { joinApi, type JoinApplyResultT } from '../../../../common/src/contracts/join';
import { CURRENT_CONSENT_VERSION } from '../../../../common/src/member-input';
import { EDUCATION_LABELS, ETHNICITIES, POLITICAL_STATUS_LABELS } from '../../../../common/src/member-vocab';
import { employmentFormOptions } from '../member/vocab';
import { useApiError } from '../../app/use-api-error';
import { useI18n } from '../../i18n';
import { ConsentNotice, FormFields, placeFieldErrors, type FieldSpec } from '../../kit';
import type { ChosenUnion } from './UnionFinder';

interface Values {
  name: string;
  idNumber: string;
  mobile: string;
  ethnicity?: string;
  education?: string;
  politicalStatus?: string;
  employmentForm: string;
  migrantWorker: boolean;
  occupation?: string;
  employerName: string;
  employerUscc?: string;
  agreed?: boolean;
}

const text = (s: string | undefined) => (s && s.trim() ? s.trim() : null);
const large = { size: 'large' } as const;
/** Refusals about the person as a whole, shown under the ID number. */
const PERSON_CODES = { MEMBER_HELD_ELSEWHERE: 'idNumber', JOIN_PENDING_EXISTS: 'idNumber' };

/** Step 2 of joining: the applicant's details (the member record's fields), the personal-information notice and consent. */
export function ApplicantForm({ union, onBack, onDone }: { union: ChosenUnion; onBack: () => void; onDone: (r: JoinApplyResultT) => void }) {
  const { t, lang, pick } = useI18n();
  const { message } = App.useApp();
  const { errorText } = useApiError();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const fields: FieldSpec[] = [
    { name: 'name', label: 'member.field.name', required: 'member.rule.name', max: 40, props: { ...large, autoComplete: 'name' } },
    { name: 'idNumber', label: 'member.field.idNumber', kind: 'id', required: 'member.rule.idNumber', extra: 'join.form.idHint', props: large },
    { name: 'mobile', label: 'member.field.mobile', kind: 'mobile', required: 'join.form.mobileRequired', extra: 'join.form.mobileHint', props: { ...large, autoComplete: 'tel' } },
    { name: 'ethnicity', label: 'member.field.ethnicity', kind: 'select', options: ETHNICITIES.map((e) => ({ value: e, label: e })), props: { ...large, showSearch: true } },
    { name: 'education', label: 'member.field.education', kind: 'select', vocab: EDUCATION_LABELS, props: large },
    { name: 'politicalStatus', label: 'member.field.politicalStatus', kind: 'select', vocab: POLITICAL_STATUS_LABELS, props: large },
    // No default: a required choice, the new forms of employment first on the gig path.
    {
      name: 'employmentForm', label: 'member.field.employmentForm', kind: 'select', options: employmentFormOptions(pick, union.gig) as never, required: 'member.rule.employmentForm',
      placeholder: 'join.form.employmentFormPlaceholder', props: { ...large, allowClear: false },
    },
    {
      name: 'migrantWorker', label: 'join.form.migrant', kind: 'custom',
      input: <Radio.Group data-testid="join-migrantWorker" options={[{ value: true, label: t('common.yes') }, { value: false, label: t('common.no') }]} />,
    },
    { name: 'occupation', label: 'member.field.occupation', max: 60, placeholder: 'join.form.occupationPlaceholder', props: large },
    {
      name: 'employerName', label: 'member.field.employerName', required: 'join.form.employerRequired', max: 100, placeholder: 'join.form.employerPlaceholder', props: large,
      rules: [{ min: 2, message: t('join.form.employerRequired') }],
    },
    { name: 'employerUscc', label: 'join.form.uscc', kind: 'uscc', extra: 'join.form.usccHint', span: 24, props: large },
  ];

  const submit = async (v: Values) => {
    setSaving(true);
    setError(null);
    try {
      const r = await call(
        joinApi.apply,
        {
          body: {
            orgId: union.id, employerName: v.employerName.trim(), employerUscc: text(v.employerUscc) ?? undefined, viaTerritorial: union.viaTerritorial,
            fields: {
              name: v.name.trim(), idNumber: v.idNumber.trim(), mobile: v.mobile.trim(), ethnicity: v.ethnicity ?? null, education: v.education ?? null,
              politicalStatus: v.politicalStatus ?? null, employmentForm: v.employmentForm, migrantWorker: !!v.migrantWorker, occupation: text(v.occupation),
              employerName: v.employerName.trim(),
            },
            consent: { version: CURRENT_CONSENT_VERSION, agreed: true },
          },
        },
        { quiet401: true },
      );
      onDone(r);
    } catch (e) {
      if (placeFieldErrors(form, e, lang, { consent: 'agreed', 'consent.version': 'agreed' }, PERSON_CODES)) void message.error(t('error.checkFields'));
      else setError(errorText(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      name="join-apply"
      requiredMark
      scrollToFirstError
      initialValues={{ migrantWorker: false }}
      onFinish={(v) => void submit(v)}
      data-testid="join-form"
    >
      <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('join.form.toUnion', { name: union.name })} description={union.viaTerritorial ? t('join.form.territorialNote') : t('join.form.employerNotTold')} />
      <FormFields testId="join" span={12} fields={fields} />

      <ConsentNotice
        name="agreed"
        testId="join"
        title={t('join.notice.title', { version: CURRENT_CONSENT_VERSION })}
        body={t('join.notice.body')}
        agree={t('join.notice.agree', { version: CURRENT_CONSENT_VERSION })}
        required={t('join.notice.required')}
      />

      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="join-error" />}
      <Row gutter={12}>
        <Col xs={8}>
          <Button size="large" block onClick={onBack} data-testid="join-back">
            {t('join.back')}
          </Button>
        </Col>
        <Col xs={16}>
          <Button size="large" type="primary" htmlType="submit" block loading={saving} data-testid="join-submit">
            {t('join.submit')}
          </Button>
        </Col>
      </Row>
    </Form>
  );
}
