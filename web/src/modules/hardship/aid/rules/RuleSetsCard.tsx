import { useState } from 'react';
import { App, Button, Card, Collapse, Descriptions, Space, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { hardshipRulesApi, PARAM_KEYS, type RuleSetInput, type RuleSetItem } from '../../../../../../common/src/contracts/hardship-rules';
import { addMonths, DEFAULT_RULE_SET, type HardshipParams } from '../../../../../../common/src/hardship-tier';
import { call } from '../../../../api/client';
import { useI18n } from '../../../../i18n';
import { FormFields, FormModal, type FieldSpec } from '../../../../kit';
import { AREA_PERIODS, formatParam, fromDisplay, paramLabelKey, SCALAR_PARAMS, toDisplay, unitKey } from './rule-params';
import { WeakTag } from './shared';

const LEVELS = ['red', 'orange', 'yellow'] as const;
const paramsOf = (s: RuleSetItem) => ({ ...DEFAULT_RULE_SET.params, ...s.params }) as HardshipParams;

/** One rule set's parameters, grouped (tiers, monitoring, area warnings, response times), weak ones flagged. */
function ParamsView({ set }: { set: RuleSetItem }) {
  const { t } = useI18n();
  const weak = new Set(set.weakKeys);
  const p = paramsOf(set);
  const item = (key: keyof HardshipParams, value: string) => ({
    key, label: t(paramLabelKey(key)),
    children: <Space size={6} data-testid={`hs-set-param-${key}`}><span>{value}</span>{weak.has(key) && <WeakTag />}</Space>,
  });
  const group = (g: 'tier' | 'monitor' | 'area') => SCALAR_PARAMS.filter((s) => s.group === g).map((s) => item(s.key, formatParam(s.unit, p[s.key], t(unitKey(s.unit)))));
  const days = LEVELS.map((l) => t(`hsAid.set.days.${l}`, { n: p.responseWorkingDays?.[l] ?? '—' })).join('；');
  return (
    <>
      {(['tier', 'monitor', 'area'] as const).map((g) => (
        <Descriptions key={g} size="small" bordered column={{ xs: 1, md: 2 }} style={{ marginBottom: 12 }}
          title={t(g === 'tier' ? 'hsAid.set.groupTier' : g === 'monitor' ? 'hsAid.set.groupMonitor' : 'hsAid.set.groupArea')}
          items={g === 'area' ? [...group(g), item('responseWorkingDays', days)] : group(g)} />
      ))}
    </>
  );
}

interface Values {
  version: string;
  effectiveFrom: string;
  source: string;
  weakKeys: string[];
  params: Record<string, number>;
  days: { red: number; orange: number; yellow: number };
}

/** 分档与监测参数: dated versions; a new version starts from the one in force and applies from its date. */
export function RuleSetsCard({ canEdit, sets, inForce, today, onChanged }: { canEdit: boolean; sets: RuleSetItem[]; inForce: { version: string }; today: string; onChanged: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const current = sets.find((s) => s.version === inForce.version) ?? sets[sets.length - 1];

  const save = async (v: Values) => {
    // areaPeriodMonths is one of the periods the contract names (the select offers only those).
    const params = { ...Object.fromEntries(SCALAR_PARAMS.map((s) => [s.key, fromDisplay(s.unit, v.params[s.key]!)])), responseWorkingDays: v.days } as RuleSetInput['params'];
    const r = await call(hardshipRulesApi.addRuleSet, { body: { version: v.version, effectiveFrom: v.effectiveFrom, source: v.source, weakKeys: v.weakKeys ?? [], params } });
    void message.success(t('hsAid.rules.savedReevaluated', { n: r.reevaluated ?? 0 }));
    setOpen(false);
    onChanged();
  };

  const initial = (): Partial<Values> => {
    if (!current) return {};
    const p = paramsOf(current);
    // A new version applies from the first of next month unless said otherwise.
    return { version: '', effectiveFrom: addMonths(today, 1).slice(0, 8) + '01', source: current.source, weakKeys: current.weakKeys, params: Object.fromEntries(SCALAR_PARAMS.map((s) => [s.key, toDisplay(s.unit, p[s.key])])), days: { ...p.responseWorkingDays } };
  };
  const fields: FieldSpec[] = [
    { name: 'version', label: 'hsAid.set.version', required: 'hsAid.set.versionRequired', max: 40, span: 12, placeholder: { zh: 'tiers-2027.1', en: 'tiers-2027.1' }, rules: [{ min: 2, message: t('hsAid.set.versionRequired') }] },
    { name: 'effectiveFrom', label: 'hsAid.rules.effectiveFrom', kind: 'date', required: 'hsAid.rules.effectiveRequired', span: 12 },
    ...SCALAR_PARAMS.map((s): FieldSpec => s.key === 'areaPeriodMonths'
      ? { name: ['params', s.key], label: paramLabelKey(s.key), kind: 'select', span: 12, required: 'hsAid.set.paramRequired', options: AREA_PERIODS.map((m) => ({ value: m, label: `${m} ${t('hsAid.unit.months')}` })), testId: `hs-set-param-input-${s.key}` }
      : {
          name: ['params', s.key], label: paramLabelKey(s.key), kind: 'number', span: 12, required: 'hsAid.set.paramRequired', min: toDisplay(s.unit, s.min), max: toDisplay(s.unit, s.max), testId: `hs-set-param-input-${s.key}`,
          props: { precision: s.unit === 'multiple' ? 3 : s.unit === 'percent' ? 1 : 0, step: s.unit === 'multiple' ? 0.1 : 1, suffix: s.unit === 'percent' ? '%' : t(unitKey(s.unit)) },
          // "The deep multiple below the relative one" is the contract's rule (RuleParams): the server's refusal shows on this field.
        }),
  ];
  // The response times in a row of their own, then the sources.
  const more: FieldSpec[] = [
    ...LEVELS.map((l): FieldSpec => ({ name: ['days', l], label: `hsAid.set.daysLabel.${l}`, kind: 'number', span: 8, min: 1, max: 60, required: 'hsAid.set.paramRequired', testId: `hs-set-days-${l}`, props: { suffix: t('hsAid.unit.workingDays') } })),
    { name: 'weakKeys', label: 'hsAid.set.weakKeys', kind: 'multiselect', span: 24, extra: 'hsAid.rules.weakHint', options: PARAM_KEYS.map((k) => ({ value: k, label: t(paramLabelKey(k)) })) },
    { name: 'source', label: 'hsAid.rules.source', kind: 'textarea', span: 24, required: 'hsAid.rules.sourceRequired', max: 500, rules: [{ min: 2, message: t('hsAid.rules.sourceRequired') }] },
  ];

  return (
    <Card
      title={t('hsAid.rules.setsTitle')}
      style={{ marginBottom: 16 }}
      extra={canEdit && current && <Button type="primary" size="small" icon={<PlusOutlined />} onClick={() => setOpen(true)} data-testid="hs-set-new">{t('hsAid.set.new')}</Button>}
    >
      <div data-testid="hs-rules-sets">
        <Collapse
          defaultActiveKey={current ? [current.id] : []}
          items={[...sets].sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom)).map((s) => ({
            key: s.id,
            label: (
              <Space wrap data-testid={`hs-set-row-${s.id}`}>
                <Typography.Text strong>{s.version}</Typography.Text>
                <span>{t('hsAid.set.from', { d: s.effectiveFrom })}</span>
                {s.version === inForce.version && <Tag color="green">{t('hsAid.rules.inForce')}</Tag>}
                {s.effectiveFrom > today && <Tag color="blue">{t('hsAid.rules.upcoming')}</Tag>}
                {s.weakKeys.length > 0 && <Typography.Text type="secondary">{t('hsAid.set.weakCount', { n: s.weakKeys.length })}</Typography.Text>}
              </Space>
            ),
            children: (
              <>
                <ParamsView set={s} />
                <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>{t('hsAid.rules.source')}：{s.source}</Typography.Paragraph>
              </>
            ),
          }))}
        />
      </div>
      <FormModal<Values>
        open={open}
        testId="hs-set"
        submitTestId="hs-set-save"
        width={820}
        span={12}
        title={t('hsAid.set.newTitle', { from: current?.version ?? '' })}
        initialValues={initial()}
        aliases={{ deepMultiplePermille: 'params.deepMultiplePermille' }}
        onClose={() => setOpen(false)}
        onSubmit={save}
        fields={fields}
      >
        <FormFields testId="hs-set" span={8} fields={more} />
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>{t('hsAid.rules.reevaluateNote')}</Typography.Paragraph>
      </FormModal>
    </Card>
  );
}
