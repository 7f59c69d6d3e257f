import { useState } from 'react';
import { Alert, Button, Checkbox, Col, Form, Input, InputNumber, Radio, Row, Typography } from 'antd';
import { CalculatorOutlined } from '@ant-design/icons';
import { ApiError } from '../../../api/client';
import { hardshipMonitorApi, type SelfCheckInput, type SelfCheckResult } from '../../../api/hardship-monitor';
import { useApiError } from '../../../app/use-api-error';
import { splitBilingual, useI18n } from '../../../i18n';
import { toFen } from '../shared/vocab';
import { monthsAgo } from './dates';

/** The self-check form in yuan (as people think of money); sent as fen. */
export interface SelfCheckValues {
  householdSize: number;
  annualIncome: number;
  rigidMedical?: number | null;
  rigidSchooling?: number | null;
  regionCode?: string;
  migrantWorker: boolean;
  monthsInCity?: number | null;
  disaster: boolean;
  workAccident: boolean;
  accidentCost?: number | null;
}

/** Server field names (body.x) → this form's field names. */
const FIELD_OF: Record<string, keyof SelfCheckValues> = {
  householdSize: 'householdSize',
  annualIncomeFen: 'annualIncome',
  rigidMedicalFen: 'rigidMedical',
  rigidSchoolingFen: 'rigidSchooling',
  accidentCostFen: 'accidentCost',
  regionCode: 'regionCode',
  cityWorkSince: 'monthsInCity',
};

export function toSelfCheckInput(v: SelfCheckValues): SelfCheckInput {
  return {
    householdSize: v.householdSize,
    annualIncomeFen: toFen(v.annualIncome ?? 0),
    rigidMedicalFen: toFen(v.rigidMedical ?? 0),
    rigidSchoolingFen: toFen(v.rigidSchooling ?? 0),
    accidentCostFen: toFen(v.accidentCost ?? 0),
    disaster: !!v.disaster,
    workAccident: !!v.workAccident,
    migrantWorker: !!v.migrantWorker,
    cityWorkSince: v.migrantWorker && v.monthsInCity != null ? monthsAgo(v.monthsInCity) : null,
    regionCode: v.regionCode?.trim() ? v.regionCode.trim() : undefined,
  };
}

export const moneyProps = (unit: string) => ({ min: 0, max: 100_000_000, precision: 2, step: 100, style: { width: '100%' }, size: 'large' as const, suffix: unit });

/** Step 1: the household's figures; POST /api/hardship/self-check (nothing is stored). */
export function SelfCheckForm({
  initial,
  onResult,
  onChange,
}: {
  initial: SelfCheckValues | null;
  onResult: (v: SelfCheckValues, input: SelfCheckInput, r: SelfCheckResult) => void;
  onChange: () => void;
}) {
  const { t, lang } = useI18n();
  const { errorText } = useApiError();
  const [form] = Form.useForm<SelfCheckValues>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ text: string; limited: boolean } | null>(null);
  const migrant = Form.useWatch('migrantWorker', form);
  const money = moneyProps(t('hsMon.yuanUnit'));

  const submit = async (v: SelfCheckValues) => {
    setBusy(true);
    setError(null);
    const input = toSelfCheckInput(v);
    try {
      const r = await hardshipMonitorApi.selfCheck(input);
      onResult(v, input, r);
    } catch (e) {
      if (e instanceof ApiError && e.fieldIssues.length) {
        const fields = e.fieldIssues
          .map((f) => ({ name: FIELD_OF[f.path.split('.').filter((p) => p !== 'body')[0] ?? ''], text: splitBilingual(lang === 'zh-CN' ? f.message : (f.messageEn ?? f.message), lang) }))
          .filter((f): f is { name: keyof SelfCheckValues; text: string } => !!f.name);
        if (fields.length) form.setFields(fields.map((f) => ({ name: f.name, errors: [f.text] })));
      }
      setError({ text: errorText(e), limited: e instanceof ApiError && e.status === 429 });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form<SelfCheckValues>
      form={form}
      layout="vertical"
      name="hs-selfcheck"
      requiredMark
      initialValues={initial ?? { householdSize: 3, migrantWorker: false, disaster: false, workAccident: false }}
      onFinish={(v) => void submit(v)}
      onValuesChange={onChange}
      data-testid="hs-selfcheck-form"
    >
      <Row gutter={16}>
        <Col xs={24} sm={12}>
          <Form.Item name="householdSize" label={t('hsMon.self.householdSize')} extra={t('hsMon.self.householdSizeHint')} rules={[{ required: true, message: t('hsMon.self.householdSizeRequired') }]}>
            <InputNumber min={1} max={30} precision={0} size="large" style={{ width: '100%' }} suffix={t('hsMon.self.persons')} data-testid="hs-selfcheck-householdSize" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="annualIncome" label={t('hsMon.self.annualIncome')} extra={t('hsMon.self.annualIncomeHint')} rules={[{ required: true, message: t('hsMon.self.annualIncomeRequired') }]}>
            <InputNumber {...money} inputMode="decimal" data-testid="hs-selfcheck-annualIncome" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="rigidMedical" label={t('hsMon.self.rigidMedical')} extra={t('hsMon.self.rigidMedicalHint')}>
            <InputNumber {...money} inputMode="decimal" placeholder="0" data-testid="hs-selfcheck-rigidMedical" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="rigidSchooling" label={t('hsMon.self.rigidSchooling')} extra={t('hsMon.self.rigidSchoolingHint')}>
            <InputNumber {...money} inputMode="decimal" placeholder="0" data-testid="hs-selfcheck-rigidSchooling" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item
            name="regionCode"
            label={t('hsMon.self.region')}
            extra={t('hsMon.self.regionHint')}
            rules={[{ pattern: /^\d{6}$/, message: t('hsMon.self.regionPattern') }]}
          >
            <Input size="large" maxLength={6} inputMode="numeric" placeholder={t('hsMon.self.regionPlaceholder')} allowClear style={{ fontFamily: 'monospace' }} data-testid="hs-selfcheck-regionCode" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="accidentCost" label={t('hsMon.self.accidentCost')} extra={t('hsMon.self.accidentCostHint')}>
            <InputNumber {...money} inputMode="decimal" placeholder="0" data-testid="hs-selfcheck-accidentCost" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="migrantWorker" label={t('hsMon.self.migrant')}>
            <Radio.Group
              data-testid="hs-selfcheck-migrant"
              options={[
                { value: true, label: <span data-testid="hs-selfcheck-migrant-yes">{t('common.yes')}</span> },
                { value: false, label: <span data-testid="hs-selfcheck-migrant-no">{t('common.no')}</span> },
              ]}
            />
          </Form.Item>
        </Col>
        {migrant && (
          <Col xs={24} sm={12}>
            <Form.Item name="monthsInCity" label={t('hsMon.self.monthsInCity')} extra={t('hsMon.self.monthsInCityHint')} rules={[{ required: true, message: t('hsMon.self.monthsRequired') }]}>
              <InputNumber min={0} max={600} precision={0} size="large" style={{ width: '100%' }} suffix={t('hsMon.self.months')} data-testid="hs-selfcheck-months" />
            </Form.Item>
          </Col>
        )}
        <Col xs={24}>
          <Form.Item label={t('hsMon.self.accidentQuestion')} style={{ marginBottom: 8 }}>
            <Form.Item name="disaster" valuePropName="checked" noStyle>
              <Checkbox data-testid="hs-selfcheck-disaster">{t('hsMon.self.disaster')}</Checkbox>
            </Form.Item>
            <Form.Item name="workAccident" valuePropName="checked" noStyle>
              <Checkbox data-testid="hs-selfcheck-workAccident">{t('hsMon.self.workAccident')}</Checkbox>
            </Form.Item>
          </Form.Item>
        </Col>
      </Row>
      {error && (
        <Alert
          type={error.limited ? 'warning' : 'error'}
          showIcon
          style={{ marginBottom: 16 }}
          title={error.text}
          description={error.limited ? t('hsMon.self.rateLimited') : undefined}
          data-testid="hs-selfcheck-error"
        />
      )}
      <Button type="primary" htmlType="submit" size="large" block icon={<CalculatorOutlined />} loading={busy} data-testid="hs-selfcheck-submit">
        {t('hsMon.self.submit')}
      </Button>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: 8, textAlign: 'center' }}>
        {t('hsMon.self.privacy')}
      </Typography.Paragraph>
    </Form>
  );
}
