import { useEffect, useState } from 'react';
import { App, Col, DatePicker, Form, Input, Modal, Radio, Row, Select, Switch } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { ID_PROBLEM_MESSAGES, parseIdNumber } from '../../../../../common/src/id-number';
import { MOBILE_PROBLEM_MESSAGES, normaliseMobile } from '../../../../../common/src/mobile';
import { memberApi, type ConsentMethod, type MemberDetail, type MemberFieldsInput } from '../../../api/members';
import { useApiError } from '../../../app/use-api-error';
import { useI18n } from '../../../i18n';
import { testId } from '../../../app/test-id';
import { useMemberVocab } from '../member-vocab';
import { memberFieldOf, PERSON_CODES, placeFieldIssues } from '../field-errors';
import { UnionSelect } from './UnionSelect';

export type MemberFormTarget =
  | { mode: 'create' }
  /** Editing sends the full ID number and mobile again: `revealed` holds them when the user unmasked the record. */
  | { mode: 'edit'; member: MemberDetail; revealed: { idNumber: string; mobile: string | null } | null };

interface Values {
  orgId?: string;
  name: string;
  idNumber: string;
  mobile?: string;
  ethnicity?: string | null;
  education?: string | null;
  politicalStatus?: string | null;
  employmentForm: string;
  migrantWorker: boolean;
  occupation?: string;
  employerName?: string;
  joinDate: Dayjs;
  consentMethod?: ConsentMethod;
}

const FIELDS = ['orgId', 'name', 'idNumber', 'mobile', 'ethnicity', 'education', 'politicalStatus', 'employmentForm', 'migrantWorker', 'occupation', 'employerName', 'joinDate', 'consentMethod'] as const;
const DATE = 'YYYY-MM-DD';
const text = (s: string | undefined | null) => (s && s.trim() ? s.trim() : null);

/** 登记会员 / 编辑会员: the fields of MemberFieldsInput; the ID number and mobile are checked here as on the server. */
export function MemberFormModal({ target, onClose, onSaved, onReload }: { target: MemberFormTarget | null; onClose: () => void; onSaved: (id: string) => void; onReload?: () => void }) {
  const { t, lang } = useI18n();
  const vocab = useMemberVocab();
  const { message } = App.useApp();
  const { showError } = useApiError();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (!target) return;
    form.resetFields();
    if (target.mode === 'create') {
      form.setFieldsValue({ employmentForm: 'standard', migrantWorker: false, joinDate: dayjs(), consentMethod: 'paper' });
    } else {
      const m = target.member;
      form.setFieldsValue({
        name: m.name,
        idNumber: target.revealed?.idNumber ?? '',
        mobile: target.revealed?.mobile ?? '',
        ethnicity: m.ethnicity,
        education: m.education,
        politicalStatus: m.politicalStatus,
        employmentForm: m.employmentForm,
        migrantWorker: m.migrantWorker,
        occupation: m.occupation ?? undefined,
        employerName: m.employerName ?? undefined,
        joinDate: dayjs(m.joinDate, DATE),
      });
    }
  }, [target, form]);

  const submit = async () => {
    let v: Values;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    // On an edit a blank ID number or mobile keeps the stored one (the server merges it).
    const keep = (s: string | undefined) => !!editing && !(s ?? '').trim();
    const fields: MemberFieldsInput = {
      name: v.name.trim(),
      idNumber: (v.idNumber ?? '').trim(),
      mobile: text(v.mobile),
      ethnicity: v.ethnicity ?? null,
      education: v.education ?? null,
      politicalStatus: v.politicalStatus ?? null,
      employmentForm: v.employmentForm,
      migrantWorker: !!v.migrantWorker,
      occupation: text(v.occupation),
      employerName: text(v.employerName),
      joinDate: v.joinDate.format(DATE),
    };
    setSaving(true);
    try {
      const res =
        target!.mode === 'create'
          ? await memberApi.create(v.orgId!, fields, { version: vocab.consentVersion, method: v.consentMethod! })
          : await memberApi.update(target!.member.id, { ...fields, idNumber: keep(v.idNumber) ? undefined : fields.idNumber, mobile: keep(v.mobile) ? undefined : fields.mobile }, target!.member.version);
      void message.success(target!.mode === 'create' ? t('member.form.created', { name: fields.name }) : t('common.saved'));
      onSaved(res.id);
    } catch (e) {
      const placed = placeFieldIssues(form, e, lang, memberFieldOf(FIELDS, { 'consent.method': 'consentMethod', 'consent.version': 'consentMethod' }), PERSON_CODES);
      if (placed) void message.error(t('error.checkFields'));
      else showError(e, { reload: onReload });
    } finally {
      setSaving(false);
    }
  };

  const editing = target?.mode === 'edit' ? target.member : null;
  const title = target?.mode === 'create' ? t('member.form.createTitle') : editing ? t('member.form.editTitle', { name: editing.name }) : '';
  const pick = (m: { zh: string; en: string }) => (lang === 'zh-CN' ? m.zh : m.en);

  return (
    <Modal
      open={!!target}
      title={title}
      onCancel={onClose}
      onOk={submit}
      okText={t('action.save')}
      okButtonProps={{ loading: saving, ...testId('member-form-submit') }}
      cancelText={t('action.cancel')}
      width={820}
      forceRender
      mask={{ closable: false }}
      modalRender={(node) => <div data-testid="member-form-modal">{node}</div>}
    >
      <Form form={form} layout="vertical" name="member" requiredMark scrollToFirstError data-testid="member-form">
        <Row gutter={16}>
          {target?.mode === 'create' && (
            <Col span={24}>
              <Form.Item name="orgId" label={t('member.field.union')} rules={[{ required: true, message: t('member.rule.union') }]} extra={t('member.form.unionHint')}>
                <UnionSelect source="scope" data-testid="member-form-orgId" />
              </Form.Item>
            </Col>
          )}
          <Col xs={24} md={8}>
            <Form.Item
              name="name"
              label={t('member.field.name')}
              rules={[
                { required: true, whitespace: true, message: t('member.rule.name') },
                { max: 40, message: t('member.rule.max', { n: 40 }) },
              ]}
            >
              <Input data-testid="member-form-name" maxLength={40} />
            </Form.Item>
          </Col>
          <Col xs={24} md={10}>
            <Form.Item
              name="idNumber"
            required={!editing}
              label={t('member.field.idNumber')}
              extra={editing ? t('member.form.idAgain', { masked: editing.idMasked }) : t('member.form.idHint')}
              rules={[
                {
                  validator: (_, value: string | undefined) => {
                    if (!value || !value.trim()) return editing ? Promise.resolve() : Promise.reject(new Error(t('member.rule.idNumber')));
                    const r = parseIdNumber(value);
                    return r.ok ? Promise.resolve() : Promise.reject(new Error(pick(ID_PROBLEM_MESSAGES[r.code])));
                  },
                },
              ]}
            >
              <Input data-testid="member-form-idNumber" maxLength={40} placeholder={editing?.idMasked} style={{ fontFamily: 'monospace' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={6}>
            <Form.Item
              name="mobile"
              label={t('member.field.mobile')}
              rules={[
                {
                  validator: (_, value: string | undefined) => {
                    if (!value || !value.trim()) return Promise.resolve(); // blank on an edit keeps the stored number
                    const r = normaliseMobile(value);
                    return r.ok ? Promise.resolve() : Promise.reject(new Error(pick(MOBILE_PROBLEM_MESSAGES[r.code])));
                  },
                },
              ]}
            >
              <Input data-testid="member-form-mobile" maxLength={20} inputMode="tel" placeholder={editing?.mobileMasked ?? undefined} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="ethnicity" label={t('member.field.ethnicity')}>
              <Select data-testid="member-form-ethnicity" allowClear showSearch options={vocab.ethnicityOptions} placeholder={t('common.pleaseSelect')} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="education" label={t('member.field.education')}>
              <Select data-testid="member-form-education" allowClear options={vocab.educationOptions} placeholder={t('common.pleaseSelect')} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="politicalStatus" label={t('member.field.politicalStatus')}>
              <Select data-testid="member-form-politicalStatus" allowClear options={vocab.politicalOptions} placeholder={t('common.pleaseSelect')} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="employmentForm" label={t('member.field.employmentForm')} rules={[{ required: true, message: t('member.rule.employmentForm') }]}>
              <Select data-testid="member-form-employmentForm" options={vocab.formOptions} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="joinDate" label={t('member.field.joinDate')} rules={[{ required: true, message: t('member.rule.joinDate') }]}>
              <DatePicker data-testid="member-form-joinDate" style={{ width: '100%' }} format={DATE} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="migrantWorker" label={t('member.field.migrantWorker')} valuePropName="checked">
              <Switch data-testid="member-form-migrantWorker" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="occupation" label={t('member.field.occupation')} rules={[{ max: 60, message: t('member.rule.max', { n: 60 }) }]}>
              <Input data-testid="member-form-occupation" maxLength={60} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="employerName" label={t('member.field.employerName')} rules={[{ max: 100, message: t('member.rule.max', { n: 100 }) }]}>
              <Input data-testid="member-form-employerName" maxLength={100} />
            </Form.Item>
          </Col>
          {target?.mode === 'create' && (
            <Col span={24}>
              <Form.Item
                name="consentMethod"
                label={t('member.field.consent', { version: vocab.consentVersion })}
                rules={[{ required: true, message: t('member.rule.consent') }]}
                extra={t('member.form.consentHint')}
              >
                <Radio.Group
                  data-testid="member-form-consentMethod"
                  options={[
                    { value: 'paper', label: t('member.consent.paper') },
                    { value: 'online', label: t('member.consent.online') },
                    { value: 'app', label: t('member.consent.app') },
                  ]}
                />
              </Form.Item>
            </Col>
          )}
        </Row>
      </Form>
    </Modal>
  );
}
