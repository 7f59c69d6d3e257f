import { useMemo, useState } from 'react';
import { Alert, App, Button, Card, Checkbox, Col, Descriptions, Form, Input, InputNumber, Radio, Row, Select, Typography } from 'antd';
import type { FormInstance } from 'antd';
import type { NamePath } from 'antd/es/form/interface';
import { ID_PROBLEM_MESSAGES, parseIdNumber } from '../../../../../common/src/id-number';
import { MOBILE_PROBLEM_MESSAGES, normaliseMobile } from '../../../../../common/src/mobile';
import { ApiError } from '../../../api/client';
import { hardshipMonitorApi, type ApplyResult, type SelfCheckInput } from '../../../api/hardship-monitor';
import { useRequest } from '../../../app/use-request';
import { useApiError } from '../../../app/use-api-error';
import { splitBilingual, useI18n, type Lang } from '../../../i18n';
import { UnionFinder, type ChosenUnion } from '../../join/UnionFinder';
import { toFen, useOptions, V, yuan } from '../shared/vocab';
import { moneyProps } from './SelfCheckForm';

interface MemberRow {
  name?: string;
  relationship?: string;
  health?: string;
  employmentStatus?: string;
  annualIncome?: number | null;
  idNumber?: string;
}

interface Values {
  name: string;
  idNumber: string;
  mobile: string;
  hukouType: string;
  health: string;
  disability: string;
  employmentStatus: string;
  mainCause: string;
  otherCauses?: string[];
  employerName?: string;
  address?: string;
  household: MemberRow[];
  accepted?: boolean;
}

const text = (s: string | undefined) => (s && s.trim() ? s.trim() : null);

/** A server problem path (body.fields.household.0.name) → this form's field. */
function fieldOf(path: string): NamePath | null {
  const s = path.split('.').filter((p) => p !== 'body');
  if (s[0] === 'consent') return 'accepted';
  if (s[0] === 'idNumber' || s[0] === 'mobile') return s[0];
  if (s[0] !== 'fields') return null;
  if (s[1] === 'household' && s[2] !== undefined) {
    const f = s[3] === 'annualIncomeFen' ? 'annualIncome' : s[3];
    return f ? ['household', Number(s[2]), f] : 'household';
  }
  return ['name', 'hukouType', 'health', 'disability', 'employmentStatus', 'mainCause', 'otherCauses', 'employerName', 'address'].includes(s[1] ?? '') ? s[1]! : null;
}

function placeIssues(form: FormInstance<Values>, e: unknown, lang: Lang): boolean {
  if (!(e instanceof ApiError)) return false;
  const placed = e.fieldIssues
    .map((f) => ({ name: fieldOf(f.path), errors: [splitBilingual(lang === 'zh-CN' ? f.message : (f.messageEn ?? f.message), lang)] }))
    .filter((f): f is { name: NamePath; errors: string[] } => f.name !== null);
  if (placed.length) form.setFields(placed);
  return placed.length > 0;
}

/**
 * Step 2: apply online (POST /api/hardship/apply). The household figures come from the self-check;
 * the household members make up the household size; the sensitive data (health, income) need
 * their own consent.
 */
export function ApplyForm({ figures, onBack, onDone }: { figures: SelfCheckInput; onBack: () => void; onDone: (r: ApplyResult) => void }) {
  const { t, lang, pick } = useI18n();
  const options = useOptions();
  const { message } = App.useApp();
  const { errorText } = useApiError();
  const [form] = Form.useForm<Values>();
  const [union, setUnion] = useState<ChosenUnion | null>(null);
  const [unionMissing, setUnionMissing] = useState(false);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<{ text: string; limited: boolean } | null>(null);
  const { data: meta, error: metaError } = useRequest(() => hardshipMonitorApi.meta(), []);
  const consentVersion = meta?.consentVersion;
  const household = Form.useWatch('household', form) as MemberRow[] | undefined;
  const size = 1 + (household?.length ?? figures.householdSize - 1);

  const initial = useMemo<Partial<Values>>(
    () => ({
      hukouType: 'urban',
      health: 'healthy',
      disability: 'none',
      employmentStatus: 'employed',
      mainCause: figures.workAccident ? 'work_injury' : figures.disaster ? 'disaster' : (figures.rigidMedicalFen ?? 0) > 0 ? 'illness' : (figures.rigidSchoolingFen ?? 0) > 0 ? 'schooling' : undefined,
      household: Array.from({ length: Math.max(0, figures.householdSize - 1) }, () => ({ health: 'healthy', employmentStatus: 'employed' })),
    }),
    [figures],
  );

  const submit = async (v: Values) => {
    if (!union) {
      setUnionMissing(true);
      document.querySelector('[data-testid="hs-apply-union"]')?.scrollIntoView({ behavior: 'smooth', block: 'center' });
      return;
    }
    if (!consentVersion) return;
    setSaving(true);
    setError(null);
    try {
      const r = await hardshipMonitorApi.apply({
        orgId: union.id,
        idNumber: v.idNumber.trim(),
        mobile: v.mobile.trim(),
        fields: {
          name: v.name.trim(),
          hukouType: v.hukouType,
          health: v.health,
          disability: v.disability,
          employmentStatus: v.employmentStatus,
          mainCause: v.mainCause,
          otherCauses: (v.otherCauses ?? []).filter((c) => c !== v.mainCause),
          employerName: text(v.employerName),
          address: text(v.address),
          annualIncomeFen: figures.annualIncomeFen,
          rigidMedicalFen: figures.rigidMedicalFen ?? 0,
          rigidSchoolingFen: figures.rigidSchoolingFen ?? 0,
          accidentCostFen: figures.accidentCostFen ?? 0,
          disaster: !!figures.disaster,
          workAccident: !!figures.workAccident,
          migrantWorker: !!figures.migrantWorker,
          cityWorkSince: figures.cityWorkSince ?? null,
          regionCode: figures.regionCode ?? null,
          household: (v.household ?? []).map((m) => ({
            name: (m.name ?? '').trim(),
            relationship: m.relationship ?? '',
            health: m.health ?? '',
            employmentStatus: m.employmentStatus ?? '',
            annualIncomeFen: toFen(m.annualIncome ?? 0),
            idNumber: text(m.idNumber),
          })),
        },
        consent: { version: consentVersion, accepted: true },
      });
      onDone(r);
    } catch (e) {
      if (placeIssues(form, e, lang)) void message.error(t('error.checkFields'));
      setError({ text: errorText(e), limited: e instanceof ApiError && e.status === 429 });
    } finally {
      setSaving(false);
    }
  };

  const idRule = (required: boolean) => ({
    validator: (_: unknown, value: string | undefined) => {
      if (!value || !value.trim()) return required ? Promise.reject(new Error(t('hsMon.apply.idRequired'))) : Promise.resolve();
      const r = parseIdNumber(value);
      return r.ok ? Promise.resolve() : Promise.reject(new Error(pick(ID_PROBLEM_MESSAGES[r.code])));
    },
  });

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      name="hs-apply"
      requiredMark
      scrollToFirstError
      initialValues={initial}
      onFinish={(v) => void submit(v)}
      data-testid="hs-apply-form"
    >
      <Typography.Title level={5}>{t('hsMon.apply.union')}</Typography.Title>
      <div data-testid="hs-apply-union">
        <UnionFinder
          value={union}
          onChange={(u) => {
            setUnion(u);
            if (u) setUnionMissing(false);
          }}
        />
      </div>
      {union && <Alert type="success" showIcon style={{ marginTop: 12 }} title={t('hsMon.apply.toUnion', { name: union.name })} data-testid="hs-apply-union-chosen" />}
      {unionMissing && <Alert type="error" showIcon style={{ marginTop: 12 }} title={t('hsMon.apply.unionRequired')} data-testid="hs-apply-union-missing" />}

      <Typography.Title level={5} style={{ marginTop: 24 }}>
        {t('hsMon.apply.figures')}
      </Typography.Title>
      <Descriptions size="small" column={{ xs: 1, sm: 2 }} bordered data-testid="hs-apply-figures">
        <Descriptions.Item label={t('hsMon.self.annualIncome')}>{yuan(figures.annualIncomeFen)}</Descriptions.Item>
        <Descriptions.Item label={t('hsMon.self.householdSize')}>{t('hsMon.self.res.persons', { n: figures.householdSize })}</Descriptions.Item>
        <Descriptions.Item label={t('hsMon.self.rigidMedical')}>{yuan(figures.rigidMedicalFen ?? 0)}</Descriptions.Item>
        <Descriptions.Item label={t('hsMon.self.rigidSchooling')}>{yuan(figures.rigidSchoolingFen ?? 0)}</Descriptions.Item>
        {(figures.accidentCostFen ?? 0) > 0 && <Descriptions.Item label={t('hsMon.self.accidentCost')}>{yuan(figures.accidentCostFen ?? 0)}</Descriptions.Item>}
        {(figures.disaster || figures.workAccident) && (
          <Descriptions.Item label={t('hsMon.self.accidentQuestion')}>
            {[figures.disaster && t('hsMon.self.disaster'), figures.workAccident && t('hsMon.self.workAccident')].filter(Boolean).join('、')}
          </Descriptions.Item>
        )}
        {figures.migrantWorker && <Descriptions.Item label={t('hsMon.self.migrant')}>{t('hsMon.apply.since', { d: figures.cityWorkSince ?? '—' })}</Descriptions.Item>}
      </Descriptions>
      <Button type="link" style={{ padding: 0 }} onClick={onBack} data-testid="hs-apply-edit-figures">
        {t('hsMon.apply.editFigures')}
      </Button>

      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('hsMon.apply.worker')}
      </Typography.Title>
      <Row gutter={16}>
        <Col xs={24} sm={12}>
          <Form.Item name="name" label={t('hsMon.apply.name')} rules={[{ required: true, whitespace: true, message: t('hsMon.apply.nameRequired') }, { max: 40 }]}>
            <Input size="large" maxLength={40} autoComplete="name" data-testid="hs-apply-name" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="idNumber" required label={t('hsMon.apply.idNumber')} rules={[idRule(true)]}>
            <Input size="large" maxLength={40} style={{ fontFamily: 'monospace' }} data-testid="hs-apply-idNumber" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item
            name="mobile"
            required
            label={t('hsMon.apply.mobile')}
            extra={t('hsMon.apply.mobileHint')}
            rules={[
              {
                validator: (_, value: string | undefined) => {
                  if (!value || !value.trim()) return Promise.reject(new Error(t('hsMon.apply.mobileRequired')));
                  const r = normaliseMobile(value);
                  return r.ok ? Promise.resolve() : Promise.reject(new Error(pick(MOBILE_PROBLEM_MESSAGES[r.code])));
                },
              },
            ]}
          >
            <Input size="large" maxLength={20} inputMode="tel" autoComplete="tel" data-testid="hs-apply-mobile" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="hukouType" label={t('hsMon.apply.hukou')} rules={[{ required: true }]}>
            <Radio.Group options={options(V.HUKOU_TYPES, V.HUKOU_LABELS)} data-testid="hs-apply-hukouType" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="health" label={t('hsMon.apply.health')} rules={[{ required: true, message: t('common.pleaseSelect') }]}>
            <Select size="large" options={options(V.HEALTH_STATUSES, V.HEALTH_LABELS)} data-testid="hs-apply-health" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="disability" label={t('hsMon.apply.disability')}>
            <Select size="large" options={options(V.DISABILITY_GRADES, V.DISABILITY_LABELS)} data-testid="hs-apply-disability" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="employmentStatus" label={t('hsMon.apply.employment')} rules={[{ required: true, message: t('common.pleaseSelect') }]}>
            <Select size="large" options={options(V.EMPLOYMENT_STATUSES, V.EMPLOYMENT_STATUS_LABELS)} data-testid="hs-apply-employmentStatus" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="mainCause" label={t('hsMon.apply.mainCause')} rules={[{ required: true, message: t('hsMon.apply.mainCauseRequired') }]}>
            <Select size="large" placeholder={t('common.pleaseSelect')} options={options(V.CAUSES, V.CAUSE_LABELS)} data-testid="hs-apply-mainCause" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="otherCauses" label={t('hsMon.apply.otherCauses')}>
            <Select size="large" mode="multiple" allowClear placeholder={t('common.pleaseSelect')} options={options(V.CAUSES, V.CAUSE_LABELS)} data-testid="hs-apply-otherCauses" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="employerName" label={t('hsMon.apply.employer')} rules={[{ max: 100 }]}>
            <Input size="large" maxLength={100} data-testid="hs-apply-employerName" />
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item name="address" label={t('hsMon.apply.address')} rules={[{ max: 200 }]}>
            <Input size="large" maxLength={200} autoComplete="street-address" data-testid="hs-apply-address" />
          </Form.Item>
        </Col>
      </Row>

      <Typography.Title level={5}>{t('hsMon.apply.household', { n: size })}</Typography.Title>
      <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
        {t('hsMon.apply.householdHint')}
      </Typography.Paragraph>
      <Form.List name="household">
        {(rows, { add, remove }) => (
          <>
            {rows.map((row, i) => (
              <Card
                key={row.key}
                size="small"
                style={{ marginBottom: 12 }}
                title={t('hsMon.apply.memberN', { n: i + 1 })}
                extra={
                  <Button size="small" type="link" danger onClick={() => remove(row.name)} data-testid={`hs-apply-member-remove-${i}`}>
                    {t('action.delete')}
                  </Button>
                }
                data-testid={`hs-apply-member-${i}`}
              >
                <Row gutter={12}>
                  <Col xs={24} sm={12}>
                    <Form.Item name={[row.name, 'name']} label={t('hsMon.apply.name')} rules={[{ required: true, whitespace: true, message: t('hsMon.apply.nameRequired') }]}>
                      <Input maxLength={40} data-testid={`hs-apply-member-name-${i}`} />
                    </Form.Item>
                  </Col>
                  <Col xs={24} sm={12}>
                    <Form.Item name={[row.name, 'relationship']} label={t('hsMon.apply.relationship')} rules={[{ required: true, message: t('common.pleaseSelect') }]}>
                      <Select placeholder={t('common.pleaseSelect')} options={options(V.RELATIONSHIPS, V.RELATIONSHIP_LABELS)} data-testid={`hs-apply-member-relationship-${i}`} />
                    </Form.Item>
                  </Col>
                  <Col xs={12}>
                    <Form.Item name={[row.name, 'health']} label={t('hsMon.apply.health')} rules={[{ required: true }]}>
                      <Select options={options(V.HEALTH_STATUSES, V.HEALTH_LABELS)} data-testid={`hs-apply-member-health-${i}`} />
                    </Form.Item>
                  </Col>
                  <Col xs={12}>
                    <Form.Item name={[row.name, 'employmentStatus']} label={t('hsMon.apply.employment')} rules={[{ required: true }]}>
                      <Select options={options(V.EMPLOYMENT_STATUSES, V.EMPLOYMENT_STATUS_LABELS)} data-testid={`hs-apply-member-employment-${i}`} />
                    </Form.Item>
                  </Col>
                  <Col xs={24} sm={12}>
                    <Form.Item name={[row.name, 'annualIncome']} label={t('hsMon.apply.memberIncome')}>
                      <InputNumber {...moneyProps(t('hsMon.yuanUnit'))} size="middle" placeholder="0" data-testid={`hs-apply-member-income-${i}`} />
                    </Form.Item>
                  </Col>
                  <Col xs={24} sm={12}>
                    <Form.Item name={[row.name, 'idNumber']} label={t('hsMon.apply.memberId')} rules={[idRule(false)]}>
                      <Input maxLength={40} style={{ fontFamily: 'monospace' }} data-testid={`hs-apply-member-id-${i}`} />
                    </Form.Item>
                  </Col>
                </Row>
              </Card>
            ))}
            <Button type="dashed" block onClick={() => add({ health: 'healthy', employmentStatus: 'employed' })} disabled={rows.length >= 20} data-testid="hs-apply-member-add">
              {t('hsMon.apply.memberAdd')}
            </Button>
            {size !== figures.householdSize && (
              <Alert type="warning" showIcon style={{ marginTop: 8 }} title={t('hsMon.apply.sizeDiffers', { n: size, m: figures.householdSize })} />
            )}
          </>
        )}
      </Form.List>

      <Typography.Title level={5} style={{ marginTop: 24 }}>
        {t('hsMon.apply.consentTitle', { version: consentVersion ?? '…' })}
      </Typography.Title>
      <div
        style={{ maxHeight: 220, overflow: 'auto', background: '#fafafa', border: '1px solid #eee', borderRadius: 6, padding: '8px 12px', fontSize: 13, lineHeight: 1.7, whiteSpace: 'pre-line' }}
        data-testid="hs-apply-notice"
        tabIndex={0}
      >
        {t('hsMon.apply.consentBody')}
      </div>
      <Form.Item
        name="accepted"
        valuePropName="checked"
        style={{ marginTop: 12 }}
        rules={[{ validator: (_, v: boolean | undefined) => (v ? Promise.resolve() : Promise.reject(new Error(t('hsMon.apply.consentRequired')))) }]}
      >
        <Checkbox data-testid="hs-apply-consent">{t('hsMon.apply.consentAgree')}</Checkbox>
      </Form.Item>
      {metaError ? <Alert type="error" showIcon style={{ marginBottom: 16 }} title={errorText(metaError)} /> : null}
      {error && (
        <Alert
          type={error.limited ? 'warning' : 'error'}
          showIcon
          style={{ marginBottom: 16 }}
          title={error.text}
          description={error.limited ? t('hsMon.apply.rateLimited') : undefined}
          data-testid="hs-apply-error"
        />
      )}
      <Row gutter={12}>
        <Col xs={8}>
          <Button size="large" block onClick={onBack} data-testid="hs-apply-back">
            {t('hsMon.apply.back')}
          </Button>
        </Col>
        <Col xs={16}>
          <Button size="large" type="primary" htmlType="submit" block loading={saving} disabled={!consentVersion} data-testid="hs-apply-submit">
            {t('hsMon.apply.submit')}
          </Button>
        </Col>
      </Row>
    </Form>
  );
}
