import { Alert, App, Button, Card, Divider, Form, Space, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { hardshipFilesApi, type FileDetail } from '../../../../../common/src/contracts/hardship-files';
import { monthsBetween } from '../../../../../common/src/hardship-tier';
import { ApiError, call } from '../../../api/client';
import { splitBilingual, useI18n } from '../../../i18n';
import { testId } from '../../../app/test-id';
import { AreaCascader, FormFields, FormModal, todayInChina, useVocab, yuan, type FieldSpec } from '../../../kit';
import { CAUSES, DISABILITY, EMPLOYMENT, HEALTH, HOUSING, HUKOU, MARITAL, ORIGINS, RELATIONSHIPS, TIERS } from '../shared/vocab';
import { defaultsForCreate, estimatePerCapitaFen, fieldsOf, incomesOf, valuesOfFile, type FileFormValues } from './file-form';

export type FileFormTarget = { mode: 'create' } | { mode: 'edit'; file: FileDetail; revealed: { idNumber: string; mobile: string | null } | null };
type Ref = { id: string; fileNo: string; tier: string | null };

const NAME_RULE = { pattern: /^[\p{L}·•.\s]+$/u, message: '' };
const P = 'hs-file-form';

/**
 * 新建档案 / 编辑档案: the standard archive form (common/src/hardship-input.ts) as declared fields in
 * a drawer. Money is typed in yuan and held in fen; ID numbers and mobiles are checked as the server
 * checks them; the tier is never typed — the server computes it, and the result is shown after saving.
 */
export function FileFormDrawer({ target, onClose, onSaved, onReload }: { target: FileFormTarget | null; onClose: () => void; onSaved: (ref: Ref) => void; onReload?: () => void }) {
  const { t, lang } = useI18n();
  const { label } = useVocab();
  const { message } = App.useApp();
  const [form] = Form.useForm<FileFormValues>();
  const v = (Form.useWatch([], form) ?? {}) as FileFormValues;
  const editing = target?.mode === 'edit' ? target.file : null;
  const nameRules = [{ ...NAME_RULE, message: t('hsFile.rule.nameChars') }];

  const save = async (values: FileFormValues) => {
    const fields = fieldsOf(values);
    try {
      if (!editing) {
        const ref = await call(hardshipFilesApi.create, {
          body: {
            orgId: values.orgId!, origin: values.origin ?? 'discovery', idNumber: values.idNumber!.trim(), mobile: values.mobile?.trim() || null, fields,
            visit: values.withVisit && values.visitedOn ? { visitedOn: values.visitedOn, visitor: (values.visitor ?? '').trim(), findings: (values.findings ?? '').trim() } : null,
          },
        });
        void message.success(t('hsFile.form.created', { fileNo: ref.fileNo }));
        return ref;
      }
      const id = values.idNumber?.trim();
      const mobile = values.mobile?.trim();
      const ref = await call(hardshipFilesApi.update, { params: { id: editing.id }, body: { fields, version: editing.version, ...(id ? { idNumber: id } : {}), ...(mobile ? { mobile } : {}) } });
      void message.success(t('hsFile.form.saved', { tier: ref.tier ? label(TIERS, ref.tier) : t('hardship.tier.none') }));
      return ref;
    } catch (e) {
      // One live file per person: the refusal belongs under the ID number.
      if (e instanceof ApiError && e.code === 'HARDSHIP_FILE_EXISTS') form.setFields([{ name: 'idNumber', errors: [splitBilingual(lang === 'zh-CN' ? e.messageZh : e.messageEn, lang)] }]);
      throw e;
    }
  };

  const money = (name: keyof FileFormValues & string, labelKey: Parameters<typeof t>[0], more: Partial<FieldSpec> = {}): FieldSpec => ({ name, label: labelKey, kind: 'money', testId: `${P}-${name.replace(/Fen$/, '')}`, ...more });
  const estimate = estimatePerCapitaFen(v);
  const incomes = incomesOf(v);
  const size = 1 + (v.household?.length ?? 0);
  const section = (title: Parameters<typeof t>[0], fields: (FieldSpec | false | null)[]) => (
    <>
      <Divider titlePlacement="start">{t(title)}</Divider>
      <FormFields testId={P} span={6} fields={fields} />
    </>
  );

  return (
    <FormModal<FileFormValues>
      open={!!target}
      drawer
      width={920}
      form={form}
      testId={P}
      submitTestId="hs-file-save"
      title={editing ? t('hsFile.form.editTitle', { name: editing.name }) : t('hsFile.form.createTitle')}
      initialValues={editing ? valuesOfFile(editing, target?.mode === 'edit' ? target.revealed : null) : defaultsForCreate()}
      onClose={onClose}
      onReload={onReload}
      onSubmit={save}
      onDone={(r) => onSaved(r as Ref)}
    >
      {section('hsFile.form.sec.identity', [
        !editing && { name: 'orgId', label: 'hsFile.form.union', kind: 'org', levels: ['grassroots', 'street'], required: 'hsFile.rule.union', extra: 'hsFile.form.unionHint', span: 16 },
        !editing && { name: 'origin', label: 'hsFile.form.origin', kind: 'radio', vocab: ORIGINS, span: 8 },
        { name: 'name', label: 'hsFile.f.name', required: 'hsFile.rule.name', max: 40, rules: nameRules },
        {
          name: 'idNumber', label: 'hsFile.f.idNumber', kind: 'id', required: editing ? false : 'hsFile.rule.idNumber', span: 10, props: { placeholder: editing?.idMasked },
          extra: editing ? { zh: `留空则保留原身份证号（${editing.idMasked}）`, en: `Leave blank to keep ${editing.idMasked}` } : 'hsFile.form.memberHint',
        },
        { name: 'mobile', label: 'hsFile.f.mobile', kind: 'mobile', span: 8, props: { placeholder: editing?.mobileMasked ?? undefined }, extra: editing ? 'hsFile.form.mobileKeep' : undefined },
        { name: 'address', label: 'hsFile.f.address', max: 200, span: 14 },
        { name: 'employerName', label: 'hsFile.f.employerName', max: 100, span: 10 },
      ])}
      {section('hsFile.form.sec.situation', [
        { name: 'health', label: 'hsFile.f.health', kind: 'select', vocab: HEALTH, required: true },
        { name: 'disability', label: 'hsFile.f.disability', kind: 'select', vocab: DISABILITY },
        { name: 'employmentStatus', label: 'hsFile.f.employmentStatus', kind: 'select', vocab: EMPLOYMENT, required: true },
        { name: 'housing', label: 'hsFile.f.housing', kind: 'select', vocab: HOUSING },
        { name: 'industry', label: 'hsFile.f.industry', max: 60 },
        { name: 'maritalStatus', label: 'hsFile.f.maritalStatus', kind: 'select', vocab: MARITAL },
        { name: 'hukouType', label: 'hsFile.f.hukouType', kind: 'select', vocab: HUKOU, required: true },
        { name: 'singleParent', label: 'hsFile.f.singleParent', kind: 'checkbox', span: 3 },
        { name: 'zeroEmployment', label: 'hsFile.f.zeroEmployment', kind: 'checkbox', span: 3 },
      ])}

      <Divider titlePlacement="start">{t('hsFile.form.sec.household')}</Divider>
      <Form.List name="household">
        {(rows, { add, remove }) => (
          <div data-testid={`${P}-household`}>
            {rows.length === 0 && <Typography.Paragraph type="secondary">{t('hsFile.form.noMembers')}</Typography.Paragraph>}
            {rows.map((row) => {
              const stored = form.getFieldValue(['household', row.name]) as { id?: string; idMasked?: string | null } | undefined;
              const id = (f: string) => `${P}-member-${row.name}-${f}`;
              return (
                <Card key={row.key} size="small" style={{ marginBottom: 8 }} data-testid={`${P}-member-${row.name}`}
                  extra={<Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(row.name)} aria-label={t('action.delete')} {...testId(id('remove'))} />}>
                  <FormFields testId={P} span={4} fields={[
                    { name: [row.name, 'relationship'], label: 'hsFile.f.relationship', kind: 'select', vocab: RELATIONSHIPS, required: true, testId: id('relationship') },
                    { name: [row.name, 'name'], label: 'hsFile.f.name', required: 'hsFile.rule.name', max: 40, rules: nameRules, testId: id('name') },
                    { name: [row.name, 'idNumber'], label: 'hsFile.f.idNumber', kind: 'id', span: 6, testId: id('idNumber'), props: { placeholder: stored?.idMasked ?? undefined }, extra: stored?.id && stored.idMasked ? { zh: `留空则保留原身份证号（${stored.idMasked}）`, en: `Leave blank to keep ${stored.idMasked}` } : undefined },
                    { name: [row.name, 'health'], label: 'hsFile.f.health', kind: 'select', vocab: HEALTH, required: true, testId: id('health') },
                    { name: [row.name, 'employmentStatus'], label: 'hsFile.f.employmentStatus', kind: 'select', vocab: EMPLOYMENT, required: true, span: 3, testId: id('employmentStatus') },
                    { name: [row.name, 'annualIncomeFen'], label: 'hsFile.f.memberIncome', kind: 'money', span: 3, testId: id('annualIncome') },
                  ]} />
                </Card>
              );
            })}
            <Space>
              <Button icon={<PlusOutlined />} onClick={() => add({ health: 'healthy', employmentStatus: 'employed', annualIncomeFen: 0 })} disabled={rows.length >= 20} {...testId(`${P}-add-member`)}>
                {t('hsFile.form.addMember')}
              </Button>
              <Typography.Text type="secondary">{t('hsFile.form.householdSize', { n: size })}</Typography.Text>
            </Space>
          </div>
        )}
      </Form.List>

      {section('hsFile.form.sec.finances', [
        money('monthlyIncomeFen', 'hsFile.f.monthlyIncome', { span: 8 }),
        money('annualIncomeFen', 'hsFile.f.annualIncome', { span: 8, required: true, extra: 'hsFile.form.incomeHint' }),
        money('accidentCostFen', 'hsFile.f.accidentCost', { span: 8 }),
        money('rigidMedicalFen', 'hsFile.f.rigidMedical', { span: 8 }),
        money('rigidSchoolingFen', 'hsFile.f.rigidSchooling', { span: 8 }),
        { name: 'regionCode', label: 'hsFile.form.regionCode', extra: 'hsFile.form.regionHint', span: 8, kind: 'custom', input: <AreaCascader mode="region" testId="hs-file-form-regionCode" /> },
      ])}
      {v.annualIncomeFen != null && incomes > v.annualIncomeFen && <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t('hsFile.form.incomeLow', { sum: yuan(incomes) })} data-testid={`${P}-income-low`} />}
      {estimate != null && <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('hsFile.form.estimate', { yuan: yuan(estimate) })} data-testid={`${P}-estimate`} />}

      {section('hsFile.form.sec.causes', [
        { name: 'mainCause', label: 'hsFile.f.mainCause', kind: 'select', vocab: CAUSES, required: true, span: 8 },
        { name: 'otherCauses', label: 'hsFile.f.otherCauses', kind: 'multiselect', vocab: CAUSES, codes: Object.keys(CAUSES).filter((c) => c !== v.mainCause), span: 16 },
        { name: 'disaster', label: 'hsFile.f.disaster', kind: 'switch', span: 4 },
        { name: 'disasterOn', label: 'hsFile.f.disasterOn', kind: 'date', noFuture: true, hidden: !v.disaster },
        { name: 'workAccident', label: 'hsFile.f.workAccident', kind: 'switch', span: 4 },
        { name: 'migrantWorker', label: 'hsFile.f.migrantWorker', kind: 'switch', span: 4 },
        {
          name: 'cityWorkSince', label: 'hsFile.f.cityWorkSince', kind: 'date', noFuture: true, hidden: !v.migrantWorker, required: 'hsFile.rule.cityWorkSince',
          extra: v.cityWorkSince ? { zh: `在城市务工 ${monthsBetween(v.cityWorkSince, todayInChina())} 个月`, en: `${monthsBetween(v.cityWorkSince, todayInChina())} months in the city` } : 'hsFile.form.cityWorkHint',
        },
      ])}

      {!editing && section('hsFile.form.sec.visit', [
        { name: 'withVisit', label: 'hsFile.form.withVisit', kind: 'checkbox', span: 24 },
        !!v.withVisit && { name: 'visitedOn', label: 'hsFile.form.visitedOn', kind: 'date', noFuture: true, required: true },
        !!v.withVisit && { name: 'visitor', label: 'hsFile.form.visitor', required: true, max: 60 },
        !!v.withVisit && { name: 'findings', label: 'hsFile.form.findings', kind: 'textarea', max: 2000, span: 12 },
      ])}
    </FormModal>
  );
}
