import { useState } from 'react';
import { Alert, Button, Card, Form, Typography } from 'antd';
import { hardshipPublicApi, type ApplyInput, type ApplyOutput, type SelfCheckInput } from '../../../../../common/src/contracts/hardship-public';
import { CURRENT_CONSENT_VERSION } from '../../../../../common/src/member-input';
import { call } from '../../../api/client';
import { useI18n } from '../../../i18n';
import { Fields, FormFields, yuan, type FieldSpec } from '../../../kit';
import { ConsentNotice } from '../../../kit/ConsentNotice';
import { PublicForm } from '../../../kit/PublicForm';
import { UnionFinder, type ChosenUnion } from '../../join/UnionFinder';
import { CAUSES, DISABILITY, EMPLOYMENT, HEALTH, HUKOU, RELATIONSHIPS } from '../aid/vocab';

type Fields = ApplyInput['fields'];
type Member = NonNullable<Fields['household']>[number];
type Values = Pick<Fields, 'name' | 'hukouType' | 'health' | 'disability' | 'employmentStatus' | 'mainCause' | 'otherCauses' | 'employerName' | 'address'> & {
  idNumber: string;
  mobile: string;
  household: Member[];
  accepted?: boolean;
};

const NEW_MEMBER = { health: 'healthy', employmentStatus: 'employed' };

/** The worker's own fields: the same ones the union's archive form asks. */
const WORKER: FieldSpec[] = [
  { name: 'name', label: 'hsMon.apply.name', required: 'hsMon.apply.nameRequired', max: 40, props: { autoComplete: 'name' } },
  { name: 'idNumber', label: 'hsMon.apply.idNumber', kind: 'id', required: 'hsMon.apply.idRequired' },
  { name: 'mobile', label: 'hsMon.apply.mobile', kind: 'mobile', required: 'hsMon.apply.mobileRequired', extra: 'hsMon.apply.mobileHint', props: { autoComplete: 'tel' } },
  { name: 'hukouType', label: 'hsMon.apply.hukou', kind: 'radio', vocab: HUKOU, required: true },
  { name: 'health', label: 'hsMon.apply.health', kind: 'select', vocab: HEALTH, required: true, props: { allowClear: false } },
  { name: 'disability', label: 'hsMon.apply.disability', kind: 'select', vocab: DISABILITY, props: { allowClear: false } },
  { name: 'employmentStatus', label: 'hsMon.apply.employment', kind: 'select', vocab: EMPLOYMENT, required: true, props: { allowClear: false } },
  { name: 'mainCause', label: 'hsMon.apply.mainCause', kind: 'select', vocab: CAUSES, required: 'hsMon.apply.mainCauseRequired' },
  { name: 'otherCauses', label: 'hsMon.apply.otherCauses', kind: 'multiselect', vocab: CAUSES },
  { name: 'employerName', label: 'hsMon.apply.employer', max: 100 },
  { name: 'address', label: 'hsMon.apply.address', max: 200, span: 24, props: { autoComplete: 'street-address' } },
];

/** One household member's fields (row `i` of the list). */
const member = (row: number, i: number): FieldSpec[] => [
  { name: [row, 'name'], label: 'hsMon.apply.name', required: 'hsMon.apply.nameRequired', max: 40, testId: `hs-apply-member-name-${i}` },
  { name: [row, 'relationship'], label: 'hsMon.apply.relationship', kind: 'select', vocab: RELATIONSHIPS, required: true, testId: `hs-apply-member-relationship-${i}` },
  { name: [row, 'health'], label: 'hsMon.apply.health', kind: 'select', vocab: HEALTH, required: true, testId: `hs-apply-member-health-${i}`, props: { allowClear: false } },
  { name: [row, 'employmentStatus'], label: 'hsMon.apply.employment', kind: 'select', vocab: EMPLOYMENT, required: true, testId: `hs-apply-member-employment-${i}`, props: { allowClear: false } },
  { name: [row, 'annualIncomeFen'], label: 'hsMon.apply.memberIncome', kind: 'money', testId: `hs-apply-member-income-${i}` },
  { name: [row, 'idNumber'], label: 'hsMon.apply.memberId', kind: 'id', testId: `hs-apply-member-id-${i}` },
];

/**
 * Step 2: apply online (POST /api/hardship/apply). The household figures come from the self-check;
 * the household members make up the household size; the sensitive data (health, income) need
 * their own consent (个人信息保护法 Art. 29).
 */
export function ApplyForm({ figures, onBack, onDone }: { figures: SelfCheckInput; onBack: () => void; onDone: (r: ApplyOutput) => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const [union, setUnion] = useState<ChosenUnion | null>(null);
  const [unionMissing, setUnionMissing] = useState(false);
  const household = Form.useWatch('household', form) as Member[] | undefined;
  const size = 1 + (household?.length ?? figures.householdSize - 1);
  const f = figures;

  const send = async ({ accepted: _a, household: members, otherCauses, ...v }: Values) => {
    if (!union) {
      setUnionMissing(true);
      document.querySelector('[data-testid="hs-apply-union"]')?.scrollIntoView({ behavior: 'smooth', block: 'center' });
      return;
    }
    const { idNumber, mobile, ...worker } = v;
    const r = await call(hardshipPublicApi.apply, {
      body: {
        orgId: union.id, idNumber, mobile,
        fields: {
          ...worker, otherCauses: (otherCauses ?? []).filter((c) => c !== v.mainCause),
          annualIncomeFen: f.annualIncomeFen, rigidMedicalFen: f.rigidMedicalFen, rigidSchoolingFen: f.rigidSchoolingFen, accidentCostFen: f.accidentCostFen,
          disaster: f.disaster, workAccident: f.workAccident, migrantWorker: f.migrantWorker, cityWorkSince: f.cityWorkSince, regionCode: f.regionCode ?? null,
          household: (members ?? []).map((m) => ({ ...m, annualIncomeFen: m.annualIncomeFen ?? 0, idNumber: m.idNumber || null })),
        },
        consent: { version: CURRENT_CONSENT_VERSION, accepted: true },
      },
    }, { quiet401: true });
    onDone(r);
  };

  return (
    <PublicForm<Values>
      form={form}
      testId="hs-apply"
      initialValues={{
        hukouType: 'urban', health: 'healthy', disability: 'none', employmentStatus: 'employed',
        mainCause: f.workAccident ? 'work_injury' : f.disaster ? 'disaster' : (f.rigidMedicalFen ?? 0) > 0 ? 'illness' : (f.rigidSchoolingFen ?? 0) > 0 ? 'schooling' : undefined,
        household: Array.from({ length: Math.max(0, f.householdSize - 1) }, () => ({ ...NEW_MEMBER }) as Member),
      }}
      aliases={{ consent: 'accepted', 'consent.accepted': 'accepted' }}
      onSubmit={send}
      submitText={t('hsMon.apply.submit')}
      onBack={onBack}
      backText={t('hsMon.apply.back')}
      rateLimitedHint={t('hsMon.apply.rateLimited')}
    >
      <Typography.Title level={5}>{t('hsMon.apply.union')}</Typography.Title>
      <div data-testid="hs-apply-union">
        <UnionFinder value={union} onChange={(u) => { setUnion(u); if (u) setUnionMissing(false); }} />
      </div>
      {union && <Alert type="success" showIcon style={{ marginTop: 12 }} title={t('hsMon.apply.toUnion', { name: union.name })} data-testid="hs-apply-union-chosen" />}
      {unionMissing && <Alert type="error" showIcon style={{ marginTop: 12 }} title={t('hsMon.apply.unionRequired')} data-testid="hs-apply-union-missing" />}

      <Typography.Title level={5} style={{ marginTop: 24 }}>{t('hsMon.apply.figures')}</Typography.Title>
      <Fields
        testId="hs-apply-figures"
        items={[
          { label: 'hsMon.self.annualIncome', value: yuan(f.annualIncomeFen) },
          { label: 'hsMon.self.householdSize', value: t('hsMon.self.res.persons', { n: f.householdSize }) },
          { label: 'hsMon.self.rigidMedical', value: yuan(f.rigidMedicalFen ?? 0) },
          { label: 'hsMon.self.rigidSchooling', value: yuan(f.rigidSchoolingFen ?? 0) },
          (f.accidentCostFen ?? 0) > 0 && { label: 'hsMon.self.accidentCost', value: yuan(f.accidentCostFen ?? 0) },
          (f.disaster || f.workAccident) && { label: 'hsMon.self.accidentQuestion', value: [f.disaster && t('hsMon.self.disaster'), f.workAccident && t('hsMon.self.workAccident')].filter(Boolean).join('、') },
          f.migrantWorker && { label: 'hsMon.self.migrant', value: t('hsMon.apply.since', { d: f.cityWorkSince ?? '—' }) },
        ]}
      />
      <Button type="link" style={{ padding: 0 }} onClick={onBack} data-testid="hs-apply-edit-figures">{t('hsMon.apply.editFigures')}</Button>

      <Typography.Title level={5} style={{ marginTop: 16 }}>{t('hsMon.apply.worker')}</Typography.Title>
      <FormFields testId="hs-apply" span={12} fields={WORKER} />

      <Typography.Title level={5}>{t('hsMon.apply.household', { n: size })}</Typography.Title>
      <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>{t('hsMon.apply.householdHint')}</Typography.Paragraph>
      <Form.List name="household">
        {(rows, { add, remove }) => (
          <>
            {rows.map((row, i) => (
              <Card key={row.key} size="small" style={{ marginBottom: 12 }} title={t('hsMon.apply.memberN', { n: i + 1 })} data-testid={`hs-apply-member-${i}`}
                extra={<Button size="small" type="link" danger onClick={() => remove(row.name)} data-testid={`hs-apply-member-remove-${i}`}>{t('action.delete')}</Button>}>
                <FormFields testId="hs-apply-member" span={12} fields={member(row.name, i)} />
              </Card>
            ))}
            <Button type="dashed" block onClick={() => add({ ...NEW_MEMBER })} disabled={rows.length >= 20} data-testid="hs-apply-member-add">{t('hsMon.apply.memberAdd')}</Button>
            {size !== f.householdSize && <Alert type="warning" showIcon style={{ marginTop: 8 }} title={t('hsMon.apply.sizeDiffers', { n: size, m: f.householdSize })} />}
          </>
        )}
      </Form.List>

      <div style={{ marginTop: 24 }}>
        <ConsentNotice
          name="accepted"
          testId="hs-apply"
          title={t('hsMon.apply.consentTitle', { version: CURRENT_CONSENT_VERSION })}
          body={t('hsMon.apply.consentBody')}
          agree={t('hsMon.apply.consentAgree')}
          required={t('hsMon.apply.consentRequired')}
        />
      </div>
    </PublicForm>
  );
}
