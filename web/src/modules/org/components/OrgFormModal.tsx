import { App, Form, Typography } from 'antd';
import { canParent, childLevel, ORG_LEVELS, termEnd, type OrgLevel } from '../../../../../common/src/org';
import { ORG_TERM_RULE } from '../../../../../common/src/rules';
import { rulesApi } from '../../../../../common/src/contracts/rules';
import { useRequest } from '../../../app/use-request';
import { orgApi, type Org, type OrgDetail } from '../../../../../common/src/contracts/org';
import { call } from '../../../api/client';
import { useI18n } from '../../../i18n';
import { AreaCascader, FormModal } from '../../../kit';
import { KINDS, LEVELS } from '../vocab';

export type OrgFormTarget = { mode: 'create'; parent: { id: string; name: string; level: string } } | { mode: 'edit'; org: OrgDetail };

/** Kinds a non-grassroots body may carry (industry and regional federations); grassroots need one of all five. */
const FEDERATION_KINDS = ['industry', 'regional'];
const FIELDS = ['level', 'kind', 'code', 'name', 'employerName', 'uscc', 'regionCode', 'industry', 'employeeCount', 'foundedOn', 'chairName', 'termStart', 'termYears', 'hasWomenCommittee'] as const;

/** 新增下级 / 编辑 an organisation. Client checks mirror the server's; the server has the last word. */
export function OrgFormModal({ target, onClose, onSaved, onReload }: { target: OrgFormTarget | null; onClose: () => void; onSaved: (o: Org) => void; onReload?: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const level = Form.useWatch('level', form) as string | undefined;
  const termStart = Form.useWatch('termStart', form) as string | null | undefined;
  const termYears = Form.useWatch('termYears', form) as number | null | undefined;
  // The terms allowed come from the dated rule in force (the Trade Union Law: three or five years).
  const { data: rules } = useRequest(() => call(rulesApi.list), []);
  const termYearsAllowed = ((rules?.find((r) => r.key === ORG_TERM_RULE.key)?.inForce.value ?? ORG_TERM_RULE.defaults.at(-1)!.value) as { termYears: number[] }).termYears;
  const parentLevel = target?.mode === 'create' ? target.parent.level : (target?.org.ancestors.at(-1)?.level ?? null);
  const levels = !target ? [] : target.mode === 'edit' && !parentLevel ? [target.org.level] : ORG_LEVELS.filter((l) => parentLevel && canParent(parentLevel as OrgLevel, l));
  const initial = !target ? {} : target.mode === 'create' ? { level: childLevel(target.parent.level as OrgLevel) ?? undefined, hasWomenCommittee: false } : Object.fromEntries(FIELDS.map((k) => [k, target.org[k] ?? undefined]));
  const save = async (v: Record<string, unknown>) => {
    const input = Object.fromEntries(FIELDS.map((k) => [k, typeof v[k] === 'string' ? (v[k] as string).trim() || null : (v[k] ?? null)])) as never;
    const saved = target!.mode === 'create'
      ? await call(orgApi.create, { body: { parentId: target!.parent.id, ...(input as object), hasWomenCommittee: !!v.hasWomenCommittee } as never })
      : await call(orgApi.update, { params: { id: target!.org.id }, body: { ...(input as object), hasWomenCommittee: !!v.hasWomenCommittee, version: target!.org.version } as never });
    void message.success(target!.mode === 'create' ? t('org.created', { name: saved.name }) : t('common.saved'));
    onSaved(saved);
  };
  const termPair = (other: string) => ({ validator: (_: unknown, value: unknown) => (!value && form.getFieldValue(other) ? Promise.reject(new Error(t('org.rule.termPair'))) : Promise.resolve()) });
  return (
    <FormModal
      open={!!target}
      testId="org-form"
      form={form}
      width={760}
      span={12}
      title={target?.mode === 'create' ? t('org.form.createTitle', { parent: target.parent.name }) : target ? t('org.form.editTitle', { name: target.org.name }) : ''}
      initialValues={initial}
      onClose={onClose}
      onReload={onReload}
      onSubmit={save}
      fields={[
        { name: 'level', label: 'org.field.level', kind: 'select', vocab: LEVELS, codes: levels, required: 'org.rule.level', disabled: target?.mode === 'edit' && !parentLevel, props: { allowClear: false, onChange: (l: string) => l !== 'grassroots' && !FEDERATION_KINDS.includes(form.getFieldValue('kind')) && form.setFieldsValue({ kind: null }) } },
        { name: 'kind', label: 'org.field.kind', kind: 'select', vocab: KINDS, codes: level === 'grassroots' ? undefined : FEDERATION_KINDS, required: level === 'grassroots' ? 'org.rule.kind' : false, extra: level && level !== 'grassroots' ? 'org.form.kindFederationHint' : undefined },
        { name: 'code', label: 'org.field.code', required: 'org.rule.codeRequired', max: 32, placeholder: undefined, rules: [{ pattern: /^[A-Za-z0-9_-]{1,32}$/, message: t('org.rule.codePattern') }] },
        { name: 'name', label: 'org.field.name', required: 'org.rule.nameRequired', max: 100, rules: [{ min: 2, message: t('org.rule.nameMin') }] },
        { name: 'employerName', label: 'org.field.employerName', max: 100 },
        { name: 'uscc', label: 'org.field.uscc', kind: 'uscc', placeholder: 'org.form.usccPlaceholder' },
        { name: 'regionCode', label: 'org.field.regionCode', span: 8, kind: 'custom', input: <AreaCascader mode="region" testId="org-form-regionCode" /> },
        { name: 'industry', label: 'org.field.industry', span: 8, max: 60 },
        { name: 'employeeCount', label: 'org.field.employeeCount', kind: 'number', span: 8, min: 0, max: 2_000_000 },
        { name: 'foundedOn', label: 'org.field.foundedOn', kind: 'date', span: 8 },
        { name: 'chairName', label: 'org.field.chairName', span: 8, max: 30 },
        { name: 'hasWomenCommittee', label: 'org.field.hasWomenCommittee', kind: 'switch', span: 8 },
        { name: 'termStart', label: 'org.field.termStart', kind: 'date', span: 8, dependencies: ['termYears'], rules: [termPair('termYears')] },
        { name: 'termYears', label: 'org.field.termYears', kind: 'select', span: 8, options: termYearsAllowed.map((y) => ({ value: y, label: t('org.years', { n: y }) })), dependencies: ['termStart'], rules: [termPair('termStart')] },
        { name: 'termEnd', label: 'org.field.termEnd', kind: 'custom', span: 8, input: <Typography.Text data-testid="org-form-termEnd">{termStart && termYears ? termEnd(termStart, Number(termYears)) : '—'}</Typography.Text> },
      ]}
    />
  );
}
