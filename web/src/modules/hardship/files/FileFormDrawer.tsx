import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Checkbox, Col, DatePicker, Divider, Drawer, Form, Input, InputNumber, Radio, Row, Select, Space, Switch, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { ID_PROBLEM_MESSAGES, parseIdNumber } from '../../../../../common/src/id-number';
import { MOBILE_PROBLEM_MESSAGES, normaliseMobile } from '../../../../../common/src/mobile';
import { hardshipFileApi, type FileDetail, type FileRef } from '../../../api/hardship-files';
import { useApiError } from '../../../app/use-api-error';
import { useI18n } from '../../../i18n';
import { testId } from '../../../app/test-id';
import { useOptions, useLabel, V, yuan } from '../shared/vocab';
import { DATE, defaultsForCreate, estimatePerCapitaFen, fieldsOf, placeFileIssues, valuesOfFile, type FileFormValues } from './file-form';
import { OrgPicker } from './OrgPicker';

export type FileFormTarget = { mode: 'create' } | { mode: 'edit'; file: FileDetail; revealed: { idNumber: string; mobile: string | null } | null };

const NAME_RE = /^[\p{L}·•.\s]+$/u;
const money = { min: 0, max: 100_000_000, precision: 2, step: 100, style: { width: '100%' } } as const;

/**
 * 新建档案 / 编辑档案: the standard archive form (common/src/hardship-input.ts). Money is typed in
 * yuan and sent in fen; ID numbers are checked as the server does (GB 11643); the tier is never
 * typed — the server computes it, and the result is shown after saving.
 */
export function FileFormDrawer({ target, onClose, onSaved, onReload }: { target: FileFormTarget | null; onClose: () => void; onSaved: (ref: FileRef) => void; onReload?: () => void }) {
  const { t, lang, pick } = useI18n();
  const options = useOptions();
  const label = useLabel();
  const { message } = App.useApp();
  const { showError } = useApiError();
  const [form] = Form.useForm<FileFormValues>();
  const [saving, setSaving] = useState(false);
  const editing = target?.mode === 'edit' ? target.file : null;
  const values = Form.useWatch([], form) as FileFormValues | undefined;

  useEffect(() => {
    if (!target) return;
    form.resetFields();
    if (target.mode === 'create') form.setFieldsValue(defaultsForCreate());
    else form.setFieldsValue({ ...valuesOfFile(target.file), idNumber: target.revealed?.idNumber ?? '', mobile: target.revealed?.mobile ?? '' });
  }, [target, form]);

  const idRule = (required: boolean, requiredMsg: string) => ({
    validator: (_: unknown, value: string | undefined) => {
      if (!value || !value.trim()) return required ? Promise.reject(new Error(requiredMsg)) : Promise.resolve();
      const r = parseIdNumber(value);
      return r.ok ? Promise.resolve() : Promise.reject(new Error(pick(ID_PROBLEM_MESSAGES[r.code])));
    },
  });
  const nameRules = [
    { required: true, whitespace: true, message: t('hsFile.rule.name') },
    { max: 40, message: t('hsFile.rule.max', { n: 40 }) },
    { pattern: NAME_RE, message: t('hsFile.rule.nameChars') },
  ];
  const req = (field: string) => [{ required: true, message: t('hsFile.rule.select', { field }) }];

  const submit = async () => {
    let v: FileFormValues;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    const fields = fieldsOf(v);
    setSaving(true);
    try {
      let ref: FileRef;
      if (target!.mode === 'create') {
        ref = await hardshipFileApi.create({
          orgId: v.orgId!,
          origin: v.origin ?? 'discovery',
          idNumber: v.idNumber!.trim(),
          mobile: v.mobile?.trim() || null,
          fields,
          visit: v.withVisit && v.visitedOn ? { visitedOn: v.visitedOn.format(DATE), visitor: (v.visitor ?? '').trim(), findings: (v.findings ?? '').trim() } : null,
        });
        void message.success(t('hsFile.form.created', { fileNo: ref.fileNo }));
      } else {
        const id = v.idNumber?.trim();
        const mobile = v.mobile?.trim();
        ref = await hardshipFileApi.update(target!.file.id, { fields, version: target!.file.version, ...(id ? { idNumber: id } : {}), ...(mobile ? { mobile } : {}) });
        void message.success(t('hsFile.form.saved', { tier: ref.tier ? label(V.TIER_LABELS, ref.tier) : t('hardship.tier.none') }));
      }
      onSaved(ref);
    } catch (e) {
      if (placeFileIssues(form, e, lang)) void message.error(t('error.checkFields'));
      else showError(e, { reload: onReload });
    } finally {
      setSaving(false);
    }
  };

  const estimate = values ? estimatePerCapitaFen(values) : null;
  const size = 1 + (values?.household?.length ?? 0);
  const memberSum = values ? ((values.monthlyIncome ?? 0) * 12 + (values.household ?? []).reduce((s, m) => s + (m?.annualIncome ?? 0), 0)) : 0;
  const incomeLow = values?.annualIncome != null && memberSum > values.annualIncome;
  const title = editing ? t('hsFile.form.editTitle', { name: editing.name }) : t('hsFile.form.createTitle');

  return (
    <Drawer
      open={!!target}
      title={title}
      onClose={onClose}
      size={920}
      forceRender
      destroyOnHidden={false}
      mask={{ closable: false }}
      data-testid="hs-file-form-drawer"
      extra={
        <Space>
          <Button onClick={onClose}>{t('action.cancel')}</Button>
          <Button type="primary" loading={saving} onClick={submit} {...testId('hs-file-save')}>
            {t('action.save')}
          </Button>
        </Space>
      }
    >
      <Form form={form} layout="vertical" name="hardship-file" requiredMark scrollToFirstError data-testid="hs-file-form">
        <Divider titlePlacement="start">{t('hsFile.form.sec.identity')}</Divider>
        <Row gutter={16}>
          {!editing && (
            <>
              <Col xs={24} md={16}>
                <Form.Item name="orgId" label={t('hsFile.form.union')} rules={[{ required: true, message: t('hsFile.rule.union') }]} extra={t('hsFile.form.unionHint')}>
                  <OrgPicker levels={['grassroots', 'street']} data-testid="hs-file-form-orgId" />
                </Form.Item>
              </Col>
              <Col xs={24} md={8}>
                <Form.Item name="origin" label={t('hsFile.form.origin')}>
                  <Radio.Group data-testid="hs-file-form-origin" options={V.FILE_ORIGINS.map((o) => ({ value: o, label: pick(V.FILE_ORIGIN_LABELS[o]) }))} />
                </Form.Item>
              </Col>
            </>
          )}
          <Col xs={24} md={6}>
            <Form.Item name="name" label={t('hsFile.f.name')} rules={nameRules}>
              <Input data-testid="hs-file-form-name" maxLength={40} />
            </Form.Item>
          </Col>
          <Col xs={24} md={10}>
            <Form.Item
              name="idNumber"
              required={!editing}
              label={t('hsFile.f.idNumber')}
              extra={editing ? t('hsFile.form.idAgain', { masked: editing.idMasked }) : t('hsFile.form.memberHint')}
              rules={[idRule(!editing, t('hsFile.rule.idNumber'))]}
            >
              <Input data-testid="hs-file-form-idNumber" maxLength={40} placeholder={editing?.idMasked} style={{ fontFamily: 'monospace' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item
              name="mobile"
              label={t('hsFile.f.mobile')}
              extra={editing ? t('hsFile.form.mobileKeep') : undefined}
              rules={[
                {
                  validator: (_, value: string | undefined) => {
                    if (!value || !value.trim()) return Promise.resolve();
                    const r = normaliseMobile(value);
                    return r.ok ? Promise.resolve() : Promise.reject(new Error(pick(MOBILE_PROBLEM_MESSAGES[r.code])));
                  },
                },
              ]}
            >
              <Input data-testid="hs-file-form-mobile" maxLength={20} inputMode="tel" placeholder={editing?.mobileMasked ?? undefined} />
            </Form.Item>
          </Col>
          <Col xs={24} md={14}>
            <Form.Item name="address" label={t('hsFile.f.address')} rules={[{ max: 200, message: t('hsFile.rule.max', { n: 200 }) }]}>
              <Input data-testid="hs-file-form-address" maxLength={200} />
            </Form.Item>
          </Col>
          <Col xs={24} md={10}>
            <Form.Item name="employerName" label={t('hsFile.f.employerName')} rules={[{ max: 100, message: t('hsFile.rule.max', { n: 100 }) }]}>
              <Input data-testid="hs-file-form-employerName" maxLength={100} />
            </Form.Item>
          </Col>
        </Row>

        <Divider titlePlacement="start">{t('hsFile.form.sec.situation')}</Divider>
        <Row gutter={16}>
          <Col xs={12} md={6}>
            <Form.Item name="health" label={t('hsFile.f.health')} rules={req(t('hsFile.f.health'))}>
              <Select data-testid="hs-file-form-health" options={options(V.HEALTH_STATUSES, V.HEALTH_LABELS)} placeholder={t('common.pleaseSelect')} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="disability" label={t('hsFile.f.disability')}>
              <Select data-testid="hs-file-form-disability" options={options(V.DISABILITY_GRADES, V.DISABILITY_LABELS)} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="employmentStatus" label={t('hsFile.f.employmentStatus')} rules={req(t('hsFile.f.employmentStatus'))}>
              <Select data-testid="hs-file-form-employmentStatus" options={options(V.EMPLOYMENT_STATUSES, V.EMPLOYMENT_STATUS_LABELS)} placeholder={t('common.pleaseSelect')} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="housing" label={t('hsFile.f.housing')}>
              <Select data-testid="hs-file-form-housing" allowClear options={options(V.HOUSING_KINDS, V.HOUSING_LABELS)} placeholder={t('common.pleaseSelect')} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="industry" label={t('hsFile.f.industry')} rules={[{ max: 60, message: t('hsFile.rule.max', { n: 60 }) }]}>
              <Input data-testid="hs-file-form-industry" maxLength={60} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="maritalStatus" label={t('hsFile.f.maritalStatus')}>
              <Select data-testid="hs-file-form-maritalStatus" allowClear options={options(V.MARITAL_STATUSES, V.MARITAL_LABELS)} placeholder={t('common.pleaseSelect')} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="hukouType" label={t('hsFile.f.hukouType')} rules={req(t('hsFile.f.hukouType'))}>
              <Select data-testid="hs-file-form-hukouType" options={options(V.HUKOU_TYPES, V.HUKOU_LABELS)} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item label=" " colon={false}>
              <Space wrap>
                <Form.Item name="singleParent" valuePropName="checked" noStyle>
                  <Checkbox data-testid="hs-file-form-singleParent">{t('hsFile.f.singleParent')}</Checkbox>
                </Form.Item>
                <Form.Item name="zeroEmployment" valuePropName="checked" noStyle>
                  <Checkbox data-testid="hs-file-form-zeroEmployment">{t('hsFile.f.zeroEmployment')}</Checkbox>
                </Form.Item>
              </Space>
            </Form.Item>
          </Col>
        </Row>

        <Divider titlePlacement="start">{t('hsFile.form.sec.household')}</Divider>
        <Form.List name="household">
          {(rows, { add, remove }) => (
            <div data-testid="hs-file-form-household">
              {rows.length === 0 && <Typography.Paragraph type="secondary">{t('hsFile.form.noMembers')}</Typography.Paragraph>}
              {rows.map((row) => {
                const stored = form.getFieldValue(['household', row.name]) as { id?: string; idMasked?: string | null } | undefined;
                return (
                  <Card key={row.key} size="small" style={{ marginBottom: 8 }} data-testid={`hs-file-form-member-${row.name}`}>
                    <Row gutter={8} align="top">
                      <Col xs={12} md={4}>
                        <Form.Item name={[row.name, 'relationship']} label={t('hsFile.f.relationship')} rules={req(t('hsFile.f.relationship'))}>
                          <Select data-testid={`hs-file-form-member-${row.name}-relationship`} options={options(V.RELATIONSHIPS, V.RELATIONSHIP_LABELS)} placeholder={t('common.pleaseSelect')} />
                        </Form.Item>
                      </Col>
                      <Col xs={12} md={4}>
                        <Form.Item name={[row.name, 'name']} label={t('hsFile.f.name')} rules={nameRules}>
                          <Input data-testid={`hs-file-form-member-${row.name}-name`} maxLength={40} />
                        </Form.Item>
                      </Col>
                      <Col xs={24} md={6}>
                        <Form.Item
                          name={[row.name, 'idNumber']}
                          label={t('hsFile.f.idNumber')}
                          rules={[idRule(false, '')]}
                          extra={stored?.id && stored.idMasked ? t('hsFile.form.idAgain', { masked: stored.idMasked }) : undefined}
                        >
                          <Input data-testid={`hs-file-form-member-${row.name}-idNumber`} maxLength={40} placeholder={stored?.idMasked ?? undefined} style={{ fontFamily: 'monospace' }} />
                        </Form.Item>
                      </Col>
                      <Col xs={12} md={3}>
                        <Form.Item name={[row.name, 'health']} label={t('hsFile.f.health')} rules={req(t('hsFile.f.health'))}>
                          <Select data-testid={`hs-file-form-member-${row.name}-health`} options={options(V.HEALTH_STATUSES, V.HEALTH_LABELS)} popupMatchSelectWidth={false} />
                        </Form.Item>
                      </Col>
                      <Col xs={12} md={3}>
                        <Form.Item name={[row.name, 'employmentStatus']} label={t('hsFile.f.employmentStatus')} rules={req(t('hsFile.f.employmentStatus'))}>
                          <Select data-testid={`hs-file-form-member-${row.name}-employmentStatus`} options={options(V.EMPLOYMENT_STATUSES, V.EMPLOYMENT_STATUS_LABELS)} popupMatchSelectWidth={false} />
                        </Form.Item>
                      </Col>
                      <Col xs={20} md={3}>
                        <Form.Item name={[row.name, 'annualIncome']} label={t('hsFile.f.memberIncome')}>
                          <InputNumber data-testid={`hs-file-form-member-${row.name}-annualIncome`} {...money} />
                        </Form.Item>
                      </Col>
                      <Col xs={4} md={1}>
                        <Form.Item label=" " colon={false}>
                          <Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(row.name)} aria-label={t('action.delete')} {...testId(`hs-file-form-member-${row.name}-remove`)} />
                        </Form.Item>
                      </Col>
                    </Row>
                  </Card>
                );
              })}
              <Space>
                <Button
                  icon={<PlusOutlined />}
                  onClick={() => add({ health: 'healthy', employmentStatus: 'employed', annualIncome: 0 })}
                  disabled={rows.length >= 20}
                  {...testId('hs-file-form-add-member')}
                >
                  {t('hsFile.form.addMember')}
                </Button>
                <Typography.Text type="secondary">{t('hsFile.form.householdSize', { n: size })}</Typography.Text>
              </Space>
            </div>
          )}
        </Form.List>

        <Divider titlePlacement="start">{t('hsFile.form.sec.finances')}</Divider>
        <Row gutter={16}>
          <Col xs={12} md={8}>
            <Form.Item name="monthlyIncome" label={t('hsFile.f.monthlyIncome')}>
              <InputNumber data-testid="hs-file-form-monthlyIncome" {...money} />
            </Form.Item>
          </Col>
          <Col xs={12} md={8}>
            <Form.Item
              name="annualIncome"
              label={t('hsFile.f.annualIncome')}
              rules={[{ required: true, message: t('hsFile.rule.required', { field: t('hsFile.f.annualIncome') }) }]}
              extra={t('hsFile.form.incomeHint')}
            >
              <InputNumber data-testid="hs-file-form-annualIncome" {...money} />
            </Form.Item>
          </Col>
          <Col xs={12} md={8}>
            <Form.Item name="accidentCost" label={t('hsFile.f.accidentCost')}>
              <InputNumber data-testid="hs-file-form-accidentCost" {...money} />
            </Form.Item>
          </Col>
          <Col xs={12} md={8}>
            <Form.Item name="rigidMedical" label={t('hsFile.f.rigidMedical')}>
              <InputNumber data-testid="hs-file-form-rigidMedical" {...money} />
            </Form.Item>
          </Col>
          <Col xs={12} md={8}>
            <Form.Item name="rigidSchooling" label={t('hsFile.f.rigidSchooling')}>
              <InputNumber data-testid="hs-file-form-rigidSchooling" {...money} />
            </Form.Item>
          </Col>
          <Col xs={12} md={8}>
            <Form.Item name="regionCode" label={t('hsFile.form.regionCode')} extra={t('hsFile.form.regionHint')} rules={[{ pattern: /^\d{6}$/, message: t('hsFile.rule.region') }]}>
              <Input data-testid="hs-file-form-regionCode" maxLength={6} inputMode="numeric" />
            </Form.Item>
          </Col>
        </Row>
        {incomeLow && <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t('hsFile.form.incomeLow', { sum: memberSum.toFixed(2) })} data-testid="hs-file-form-income-low" />}
        {estimate != null && <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('hsFile.form.estimate', { yuan: yuan(estimate).replace('¥', '') })} data-testid="hs-file-form-estimate" />}

        <Divider titlePlacement="start">{t('hsFile.form.sec.causes')}</Divider>
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item name="mainCause" label={t('hsFile.f.mainCause')} rules={req(t('hsFile.f.mainCause'))}>
              <Select data-testid="hs-file-form-mainCause" options={options(V.CAUSES, V.CAUSE_LABELS)} placeholder={t('common.pleaseSelect')} />
            </Form.Item>
          </Col>
          <Col xs={24} md={16}>
            <Form.Item name="otherCauses" label={t('hsFile.f.otherCauses')}>
              <Select
                mode="multiple"
                data-testid="hs-file-form-otherCauses"
                options={options(V.CAUSES, V.CAUSE_LABELS).filter((o) => o.value !== values?.mainCause)}
                placeholder={t('common.pleaseSelect')}
              />
            </Form.Item>
          </Col>
          <Col xs={12} md={4}>
            <Form.Item name="disaster" label={t('hsFile.f.disaster')} valuePropName="checked">
              <Switch data-testid="hs-file-form-disaster" />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            {values?.disaster && (
              <Form.Item name="disasterOn" label={t('hsFile.f.disasterOn')}>
                <DatePicker data-testid="hs-file-form-disasterOn" style={{ width: '100%' }} format={DATE} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
              </Form.Item>
            )}
          </Col>
          <Col xs={12} md={4}>
            <Form.Item name="workAccident" label={t('hsFile.f.workAccident')} valuePropName="checked">
              <Switch data-testid="hs-file-form-workAccident" />
            </Form.Item>
          </Col>
          <Col xs={12} md={4}>
            <Form.Item name="migrantWorker" label={t('hsFile.f.migrantWorker')} valuePropName="checked">
              <Switch data-testid="hs-file-form-migrantWorker" />
            </Form.Item>
          </Col>
          <Col xs={24} md={6}>
            {values?.migrantWorker && (
              <Form.Item
                name="cityWorkSince"
                label={t('hsFile.f.cityWorkSince')}
                rules={[{ required: true, message: t('hsFile.rule.cityWorkSince') }]}
                extra={
                  values.cityWorkSince
                    ? t('hsFile.f.monthsInCity', { n: Math.max(0, dayjs().diff(values.cityWorkSince, 'month')) })
                    : t('hsFile.form.cityWorkHint')
                }
              >
                <DatePicker data-testid="hs-file-form-cityWorkSince" style={{ width: '100%' }} format={DATE} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
              </Form.Item>
            )}
          </Col>
        </Row>

        {!editing && (
          <>
            <Divider titlePlacement="start">{t('hsFile.form.sec.visit')}</Divider>
            <Form.Item name="withVisit" valuePropName="checked">
              <Checkbox data-testid="hs-file-form-withVisit">{t('hsFile.form.withVisit')}</Checkbox>
            </Form.Item>
            {values?.withVisit && (
              <Row gutter={16}>
                <Col xs={12} md={6}>
                  <Form.Item name="visitedOn" label={t('hsFile.form.visitedOn')} rules={[{ required: true, message: t('hsFile.rule.select', { field: t('hsFile.form.visitedOn') }) }]}>
                    <DatePicker data-testid="hs-file-form-visitedOn" style={{ width: '100%' }} format={DATE} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
                  </Form.Item>
                </Col>
                <Col xs={12} md={6}>
                  <Form.Item name="visitor" label={t('hsFile.form.visitor')} rules={[{ required: true, whitespace: true, message: t('hsFile.rule.required', { field: t('hsFile.form.visitor') }) }, { max: 60, message: t('hsFile.rule.max', { n: 60 }) }]}>
                    <Input data-testid="hs-file-form-visitor" maxLength={60} />
                  </Form.Item>
                </Col>
                <Col xs={24} md={12}>
                  <Form.Item name="findings" label={t('hsFile.form.findings')} rules={[{ max: 2000, message: t('hsFile.rule.max', { n: 2000 }) }]}>
                    <Input.TextArea data-testid="hs-file-form-findings" rows={2} maxLength={2000} />
                  </Form.Item>
                </Col>
              </Row>
            )}
          </>
        )}
      </Form>
    </Drawer>
  );
}
