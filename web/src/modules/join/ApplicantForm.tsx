import { useState } from 'react';
import { Alert, App, Button, Checkbox, Col, Form, Input, Radio, Row, Select, Typography } from 'antd';
import { ID_PROBLEM_MESSAGES, parseIdNumber } from '../../../../common/src/id-number';
import { MOBILE_PROBLEM_MESSAGES, normaliseMobile } from '../../../../common/src/mobile';
import { checkUscc, USCC_PROBLEM_MESSAGES } from '../../../../common/src/uscc';
import { joinApi, type JoinApplyResult } from '../../api/join';
import { useApiError } from '../../app/use-api-error';
import { useI18n } from '../../i18n';
import { useMemberVocab } from '../member/member-vocab';
import { memberFieldOf, PERSON_CODES, placeFieldIssues } from '../member/field-errors';
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

const FIELDS = ['name', 'idNumber', 'mobile', 'ethnicity', 'education', 'politicalStatus', 'employmentForm', 'migrantWorker', 'occupation', 'employerName', 'employerUscc', 'agreed'] as const;
const text = (s: string | undefined) => (s && s.trim() ? s.trim() : null);

/** Step 2 of joining: the applicant's details, the personal-information notice and consent. */
export function ApplicantForm({ union, onBack, onDone }: { union: ChosenUnion; onBack: () => void; onDone: (r: JoinApplyResult) => void }) {
  const { t, lang } = useI18n();
  const vocab = useMemberVocab();
  const { message } = App.useApp();
  const { errorText } = useApiError();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const pick = (m: { zh: string; en: string }) => (lang === 'zh-CN' ? m.zh : m.en);

  const submit = async (v: Values) => {
    setSaving(true);
    setError(null);
    try {
      const r = await joinApi.apply({
        orgId: union.id,
        employerName: v.employerName.trim(),
        employerUscc: text(v.employerUscc) ?? undefined,
        viaTerritorial: union.viaTerritorial,
        fields: {
          name: v.name.trim(),
          idNumber: v.idNumber.trim(),
          mobile: v.mobile.trim(),
          ethnicity: v.ethnicity ?? null,
          education: v.education ?? null,
          politicalStatus: v.politicalStatus ?? null,
          employmentForm: v.employmentForm,
          migrantWorker: !!v.migrantWorker,
          occupation: text(v.occupation),
          employerName: v.employerName.trim(),
        },
        consent: { version: vocab.consentVersion, agreed: true },
      });
      onDone(r);
    } catch (e) {
      if (placeFieldIssues(form, e, lang, memberFieldOf(FIELDS, { consent: 'agreed' }), PERSON_CODES)) void message.error(t('error.checkFields'));
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
      initialValues={{ employmentForm: 'standard', migrantWorker: false }}
      onFinish={(v) => void submit(v)}
      data-testid="join-form"
    >
      <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('join.form.toUnion', { name: union.name })} description={union.viaTerritorial ? t('join.form.territorialNote') : t('join.form.employerNotTold')} />
      <Row gutter={16}>
        <Col xs={24} sm={12}>
          <Form.Item name="name" label={t('member.field.name')} rules={[{ required: true, whitespace: true, message: t('member.rule.name') }, { max: 40, message: t('member.rule.max', { n: 40 }) }]}>
            <Input size="large" maxLength={40} autoComplete="name" data-testid="join-name" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item
            name="idNumber"
            required
            label={t('member.field.idNumber')}
            extra={t('join.form.idHint')}
            rules={[
              {
                validator: (_, value: string | undefined) => {
                  if (!value || !value.trim()) return Promise.reject(new Error(t('member.rule.idNumber')));
                  const r = parseIdNumber(value);
                  return r.ok ? Promise.resolve() : Promise.reject(new Error(pick(ID_PROBLEM_MESSAGES[r.code])));
                },
              },
            ]}
          >
            <Input size="large" maxLength={40} style={{ fontFamily: 'monospace' }} data-testid="join-idNumber" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item
            name="mobile"
            required
            label={t('member.field.mobile')}
            extra={t('join.form.mobileHint')}
            rules={[
              {
                validator: (_, value: string | undefined) => {
                  if (!value || !value.trim()) return Promise.reject(new Error(t('join.form.mobileRequired')));
                  const r = normaliseMobile(value);
                  return r.ok ? Promise.resolve() : Promise.reject(new Error(pick(MOBILE_PROBLEM_MESSAGES[r.code])));
                },
              },
            ]}
          >
            <Input size="large" maxLength={20} inputMode="tel" autoComplete="tel" data-testid="join-mobile" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="ethnicity" label={t('member.field.ethnicity')}>
            <Select size="large" allowClear showSearch options={vocab.ethnicityOptions} placeholder={t('common.pleaseSelect')} data-testid="join-ethnicity" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="education" label={t('member.field.education')}>
            <Select size="large" allowClear options={vocab.educationOptions} placeholder={t('common.pleaseSelect')} data-testid="join-education" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="politicalStatus" label={t('member.field.politicalStatus')}>
            <Select size="large" allowClear options={vocab.politicalOptions} placeholder={t('common.pleaseSelect')} data-testid="join-politicalStatus" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="employmentForm" label={t('member.field.employmentForm')} rules={[{ required: true, message: t('member.rule.employmentForm') }]}>
            <Select size="large" options={vocab.formOptions} data-testid="join-employmentForm" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="migrantWorker" label={t('join.form.migrant')}>
            <Radio.Group
              data-testid="join-migrantWorker"
              options={[
                { value: true, label: t('common.yes') },
                { value: false, label: t('common.no') },
              ]}
            />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="occupation" label={t('member.field.occupation')} rules={[{ max: 60, message: t('member.rule.max', { n: 60 }) }]}>
            <Input size="large" maxLength={60} placeholder={t('join.form.occupationPlaceholder')} data-testid="join-occupation" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item
            name="employerName"
            label={t('member.field.employerName')}
            rules={[
              { required: true, whitespace: true, message: t('join.form.employerRequired') },
              { min: 2, message: t('join.form.employerRequired') },
              { max: 100, message: t('member.rule.max', { n: 100 }) },
            ]}
          >
            <Input size="large" maxLength={100} placeholder={t('join.form.employerPlaceholder')} data-testid="join-employerName" />
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item
            name="employerUscc"
            label={t('join.form.uscc')}
            extra={t('join.form.usccHint')}
            rules={[
              {
                validator: (_, value: string | undefined) => {
                  if (!value || !value.trim()) return Promise.resolve();
                  const r = checkUscc(value);
                  return r.ok ? Promise.resolve() : Promise.reject(new Error(pick(USCC_PROBLEM_MESSAGES[r.problem])));
                },
              },
            ]}
          >
            <Input size="large" maxLength={18} style={{ fontFamily: 'monospace' }} data-testid="join-employerUscc" />
          </Form.Item>
        </Col>
      </Row>

      <Typography.Title level={5}>{t('join.notice.title', { version: vocab.consentVersion })}</Typography.Title>
      <div
        style={{ maxHeight: 220, overflow: 'auto', background: '#fafafa', border: '1px solid #eee', borderRadius: 6, padding: '8px 12px', fontSize: 13, lineHeight: 1.7, whiteSpace: 'pre-line' }}
        data-testid="join-notice"
        tabIndex={0}
      >
        {t('join.notice.body')}
      </div>
      <Form.Item
        name="agreed"
        valuePropName="checked"
        style={{ marginTop: 12 }}
        rules={[{ validator: (_, v: boolean | undefined) => (v ? Promise.resolve() : Promise.reject(new Error(t('join.notice.required')))) }]}
      >
        <Checkbox data-testid="join-consent">{t('join.notice.agree', { version: vocab.consentVersion })}</Checkbox>
      </Form.Item>

      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="join-error" />}
      <Row gutter={12}>
        <Col xs={8}>
          <Button size="large" block onClick={onBack} data-testid="join-back">
            {t('join.back')}
          </Button>
        </Col>
        <Col xs={16}>
          <Button size="large" type="primary" htmlType="submit" block loading={saving} disabled={!vocab.consentVersion} data-testid="join-submit">
            {t('join.submit')}
          </Button>
        </Col>
      </Row>
    </Form>
  );
}
