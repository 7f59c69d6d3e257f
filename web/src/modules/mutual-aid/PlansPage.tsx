import { Link } from 'react-router-dom';
import { Alert, Form } from 'antd';
import { mutualAidApi, type PlanInput } from '../../../../common/src/contracts/mutual-aid';
import { coverEnd, mutualAidRuleOn, type MutualAidKind } from '../../../../common/src/mutual-aid-rules';
import { call } from '../../api/client';
import { useAccess, useAuth } from '../../app/auth-context';
import { useI18n } from '../../i18n';
import { ListPage, TwoLines, useVocab, yuan, type FieldSpec } from '../../kit';
import { KIND_LABELS } from './vocab';

/** The plan form's fields: who runs it, its kind, the unified start date, the fee and the most a claim pays, with zh messages. */
function usePlanFields(): FieldSpec[] {
  const { t } = useI18n();
  const positive = { validator: (_: unknown, v: number | null | undefined) => (v == null || v > 0 ? Promise.resolve() : Promise.reject(new Error(t('mutualAid.plan.positive')))) };
  return [
    { name: 'orgId', label: 'mutualAid.plan.org', kind: 'org', required: 'mutualAid.plan.orgRequired', span: 24 },
    { name: 'name', label: 'mutualAid.plan.name', required: 'mutualAid.plan.nameRequired', max: 120, span: 24 },
    { name: 'kind', label: 'mutualAid.plan.kind', kind: 'select', vocab: KIND_LABELS, required: 'mutualAid.plan.kindRequired', span: 12 },
    { name: 'startsOn', label: 'mutualAid.plan.startsOn', kind: 'date', required: 'mutualAid.plan.startsRequired', span: 12 },
    { name: 'feeFen', label: 'mutualAid.plan.fee', kind: 'money', required: 'mutualAid.plan.feeRequired', rules: [positive], span: 12 },
    { name: 'maxPayoutFen', label: 'mutualAid.plan.maxPayout', kind: 'money', required: 'mutualAid.plan.maxRequired', rules: [positive], span: 12 },
  ];
}

/** The cover a kind gives from the chosen start date (the rule in force then), and when cover starts for who pays late. */
function CoverNote() {
  const { t } = useI18n();
  const { label } = useVocab();
  const form = Form.useFormInstance();
  const kind = Form.useWatch('kind', form) as MutualAidKind | undefined;
  const startsOn = Form.useWatch('startsOn', form) as string | undefined;
  const years = kind && startsOn ? mutualAidRuleOn(startsOn).coverYears[kind] : undefined;
  return (
    <Alert type="info" showIcon style={{ marginBottom: 8 }} data-testid="mutual-aid-plan-cover"
      title={years && startsOn ? t('mutualAid.plan.coverNote', { kind: label(KIND_LABELS, kind), n: years, from: startsOn, to: coverEnd(startsOn, years) }) : t('mutualAid.plan.coverPick')}
      description={t('mutualAid.plan.startsOnHint')} />
  );
}

/** 互助计划: the plans run by the federation above the user or in their scope; the federation sets up new ones. */
export default function PlansPage() {
  const access = useAccess();
  const { me } = useAuth();
  const { label } = useVocab();
  const { t } = useI18n();
  const fields = usePlanFields();
  const own = me ? { id: me.user.orgId, name: me.user.orgName } : null;
  return (
    <ListPage testId="mutual-aid-plans" endpoint={mutualAidApi.plans} rowTestId={(p) => `mutual-aid-plan-${p.id}`} empty="mutualAid.plans.empty"
      filters={[
        { name: 'kind', label: 'mutualAid.plan.kind', kind: 'select', vocab: KIND_LABELS },
        { name: 'year', label: 'mutualAid.plan.year', kind: 'number', min: 2000, max: 2100 },
        access.canReadOrg && { name: 'under', label: 'mutualAid.plan.under', kind: 'org' },
      ]}
      columns={[
        { key: 'name', title: 'mutualAid.plan.name', dataIndex: 'name', fixedShown: true, render: (n: string, p) => <Link to={`/mutual-aid/plans/${p.id}`}>{n}</Link> },
        { key: 'kind', title: 'mutualAid.plan.kind', dataIndex: 'kind', render: (k: string) => label(KIND_LABELS, k) },
        { key: 'org', title: 'mutualAid.plan.org', dataIndex: 'orgName' },
        { key: 'startsOn', title: 'mutualAid.plan.startsOn', dataIndex: 'startsOn', width: 120 },
        { key: 'cover', title: 'mutualAid.plan.coverYears', dataIndex: 'coverYears', width: 90, render: (n: number) => t('mutualAid.plan.years', { n }) },
        { key: 'fee', title: 'mutualAid.plan.fee', dataIndex: 'feeFen', align: 'right', width: 130, render: (f: number) => yuan(f) },
        { key: 'max', title: 'mutualAid.plan.maxPayout', dataIndex: 'maxPayoutFen', align: 'right', width: 140, render: (f: number) => yuan(f) },
        // The caller's own members; the whole plan's beneath when it counts more.
        { key: 'enrolled', title: 'mutualAid.plan.enrolled', dataIndex: 'enrolledInScope', align: 'right', width: 130,
          render: (n: number, p) => <TwoLines main={n.toLocaleString('zh-CN')} sub={p.enrolled !== n && t('mutualAid.plan.enrolledAll', { n: p.enrolled.toLocaleString('zh-CN') })} /> },
      ]}
      create={{
        label: 'mutualAid.plans.new', show: access.canReviewMutualAid, testId: 'mutual-aid-plan-new', to: (r) => `/mutual-aid/plans/${r.id}`,
        form: {
          testId: 'mutual-aid-plan-form', width: 640, span: 12,
          initialValues: own ? { orgId: own.id } : {},
          fields: fields.map((f) => (f.name === 'orgId' ? { ...f, known: own } : f)),
          children: <CoverNote />,
          onSubmit: (v: PlanInput) => call(mutualAidApi.createPlan, { body: v }),
        },
      }}
    />
  );
}
