import { Alert, Form, Typography } from 'antd';
import { CalculatorOutlined } from '@ant-design/icons';
import { hardshipPublicApi, type SelfCheckInput, type SelfCheckOutput } from '../../../../../common/src/contracts/hardship-public';
import { addMonths } from '../../../../../common/src/hardship-tier';
import { call } from '../../../api/client';
import { useI18n } from '../../../i18n';
import { AreaCascader, FormFields, todayInChina, type FieldSpec } from '../../../kit';
import { PublicForm } from '../../../kit/PublicForm';

/** The self-check form: money typed in yuan and kept in fen, as the server takes it. */
export interface SelfCheckValues {
  householdSize: number;
  annualIncomeFen: number;
  rigidMedicalFen?: number | null;
  rigidSchoolingFen?: number | null;
  accidentCostFen?: number | null;
  regionCode?: string;
  migrantWorker: boolean;
  monthsInCity?: number | null;
  events?: ('disaster' | 'workAccident')[];
}

export function toSelfCheckInput(v: SelfCheckValues): SelfCheckInput {
  return {
    householdSize: v.householdSize,
    annualIncomeFen: v.annualIncomeFen,
    rigidMedicalFen: v.rigidMedicalFen ?? 0,
    rigidSchoolingFen: v.rigidSchoolingFen ?? 0,
    accidentCostFen: v.accidentCostFen ?? 0,
    disaster: !!v.events?.includes('disaster'),
    workAccident: !!v.events?.includes('workAccident'),
    migrantWorker: !!v.migrantWorker,
    // The rules count whole months worked in the city from this date.
    cityWorkSince: v.migrantWorker && v.monthsInCity != null ? addMonths(todayInChina(), -v.monthsInCity) : null,
    regionCode: v.regionCode?.trim() || undefined,
  };
}

/** Step 1: the household's figures; POST /api/hardship/self-check (nothing is stored). */
export function SelfCheckForm({ initial, onResult, onChange }: { initial: SelfCheckValues | null; onResult: (v: SelfCheckValues, input: SelfCheckInput, r: SelfCheckOutput) => void; onChange: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<SelfCheckValues>();
  const migrant = Form.useWatch('migrantWorker', form);
  const money = (name: keyof SelfCheckValues, label: FieldSpec['label'], extra: FieldSpec['extra'], testId: string, required = false): FieldSpec => ({
    name, label, extra, testId, kind: 'money', span: 12, required: required && 'hsMon.self.annualIncomeRequired', placeholder: required ? undefined : { zh: '0', en: '0' }, props: { inputMode: 'decimal' },
  });
  const fields: FieldSpec[] = [
    { name: 'householdSize', label: 'hsMon.self.householdSize', extra: 'hsMon.self.householdSizeHint', kind: 'number', min: 1, max: 30, span: 12, required: 'hsMon.self.householdSizeRequired', props: { suffix: t('hsMon.self.persons'), inputMode: 'numeric' } },
    money('annualIncomeFen', 'hsMon.self.annualIncome', 'hsMon.self.annualIncomeHint', 'hs-selfcheck-annualIncome', true),
    money('rigidMedicalFen', 'hsMon.self.rigidMedical', 'hsMon.self.rigidMedicalHint', 'hs-selfcheck-rigidMedical'),
    money('rigidSchoolingFen', 'hsMon.self.rigidSchooling', 'hsMon.self.rigidSchoolingHint', 'hs-selfcheck-rigidSchooling'),
    // The region by name (province, city, district), never a code to type: its subsistence line decides the tiers.
    { name: 'regionCode', label: 'hsMon.self.region', extra: 'hsMon.self.regionHint', span: 12, kind: 'custom', input: <AreaCascader mode="region" testId="hs-selfcheck-region" /> },
    money('accidentCostFen', 'hsMon.self.accidentCost', 'hsMon.self.accidentCostHint', 'hs-selfcheck-accidentCost'),
    { name: 'migrantWorker', label: 'hsMon.self.migrant', kind: 'radio', span: 12, testId: 'hs-selfcheck-migrant', options: [{ value: true, label: t('common.yes') }, { value: false, label: t('common.no') }] },
    migrant && { name: 'monthsInCity', label: 'hsMon.self.monthsInCity', extra: 'hsMon.self.monthsInCityHint', kind: 'number', min: 0, max: 600, span: 12, required: 'hsMon.self.monthsRequired', testId: 'hs-selfcheck-months', props: { suffix: t('hsMon.self.months'), inputMode: 'numeric' } },
    { name: 'events', label: 'hsMon.self.accidentQuestion', kind: 'flags', span: 24, testId: 'hs-selfcheck-events', options: [{ value: 'disaster', label: t('hsMon.self.disaster') }, { value: 'workAccident', label: t('hsMon.self.workAccident') }] },
  ].filter((f): f is FieldSpec => !!f);

  return (
    <PublicForm<SelfCheckValues>
      form={form}
      testId="hs-selfcheck"
      initialValues={initial ?? { householdSize: 3, migrantWorker: false, events: [] }}
      onValuesChange={onChange}
      aliases={{ cityWorkSince: 'monthsInCity', disaster: 'events', workAccident: 'events' }}
      onSubmit={async (v) => {
        const input = toSelfCheckInput(v);
        onResult(v, input, await call(hardshipPublicApi.selfCheck, { body: input }, { quiet401: true }));
      }}
      submitText={t('hsMon.self.submit')}
      submitIcon={<CalculatorOutlined />}
      rateLimitedHint={t('hsMon.self.rateLimited')}
    >
      <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('hsMon.self.notStored')} description={t('hsMon.self.intro')} data-testid="hs-selfcheck-not-stored" />
      <FormFields testId="hs-selfcheck" span={12} fields={fields} />
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, textAlign: 'center' }}>{t('hsMon.self.privacy')}</Typography.Paragraph>
    </PublicForm>
  );
}
