import { useState } from 'react';
import { App, Button, Card, Form, Table } from 'antd';
import type { TableProps } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { hardshipRulesApi, type CapInput, type CapItem } from '../../../../../../common/src/contracts/hardship-rules';
import { call } from '../../../../api/client';
import { useI18n } from '../../../../i18n';
import { testId } from '../../../../app/test-id';
import { FormModal, useRowActions, useVocab, yuan } from '../../../../kit';
import { AID_KINDS, CAP_RULES } from '../vocab';
import { PeriodTag, sourceFields, WeakTag } from './shared';

/** The select's value for "every aid kind" (kind null on the server). */
const ALL = 'all';
type Values = Omit<CapInput, 'kind'> & { kind: string };

/** 帮扶标准上限: a maximum per payment, per person and year, or times a year for one cause; dated and sourced. */
export function CapsCard({ canEdit, caps, today, onChanged }: { canEdit: boolean; caps: CapItem[]; today: string; onChanged: () => void }) {
  const { t } = useI18n();
  const { label, options } = useVocab();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [target, setTarget] = useState<{ cap: CapItem | null } | null>(null);
  const row = useRowActions<CapItem>('hs-cap', hardshipRulesApi.capHistory, (cap) => setTarget({ cap }), (c) => `${c.kind ? label(AID_KINDS, c.kind) : t('hsAid.cap.allKinds')} · ${label(CAP_RULES, c.rule)}`);
  const counted = Form.useWatch('rule', form) === 'same_cause_per_year';
  const editing = target?.cap ?? null;

  const save = async ({ kind, ...v }: Values) => {
    const isCount = v.rule === 'same_cause_per_year';
    const body = { ...v, kind: kind === ALL ? null : (kind as CapInput['kind']), amountFen: isCount ? null : v.amountFen, maxCount: isCount ? v.maxCount : null, effectiveTo: v.effectiveTo ?? null, weak: !!v.weak };
    if (editing) await call(hardshipRulesApi.updateCap, { params: { id: editing.id }, body: { ...body, version: editing.version } });
    else await call(hardshipRulesApi.addCap, { body });
    void message.success(t('common.saved'));
    setTarget(null);
    onChanged();
  };

  const columns: TableProps<CapItem>['columns'] = [
    { title: t('hsAid.col.kind'), dataIndex: 'kind', key: 'kind', width: 120, render: (k: string | null) => (k ? label(AID_KINDS, k) : t('hsAid.cap.allKinds')) },
    { title: t('hsAid.cap.rule'), dataIndex: 'rule', key: 'rule', width: 190, render: (r: string) => label(CAP_RULES, r) },
    { title: t('hsAid.cap.limit'), key: 'limit', width: 130, align: 'right', render: (_: unknown, c) => (c.rule === 'same_cause_per_year' ? t('hsAid.cap.times', { n: c.maxCount ?? '—' }) : yuan(c.amountFen)) },
    { title: t('hsAid.cap.period'), key: 'period', width: 230, render: (_: unknown, c) => <span>{c.effectiveFrom} ~ {c.effectiveTo ?? t('hsAid.cap.open')} <PeriodTag from={c.effectiveFrom} to={c.effectiveTo} today={today} /></span> },
    { title: t('hsAid.rules.source'), dataIndex: 'source', key: 'source', ellipsis: { showTitle: true } },
    { title: t('hsAid.rules.weak'), dataIndex: 'weak', key: 'weak', width: 90, render: (w: boolean) => (w ? <WeakTag /> : '—') },
    ...(canEdit ? [row.column] : []),
  ];

  return (
    <Card title={t('hsAid.rules.capsTitle')} extra={canEdit && <Button type="primary" size="small" icon={<PlusOutlined />} onClick={() => setTarget({ cap: null })} data-testid="hs-cap-new">{t('hsAid.cap.new')}</Button>}>
      <Table<CapItem> rowKey="id" size="small" columns={columns} dataSource={caps} data-testid="hs-rules-caps" onRow={(c) => testId(`hs-cap-row-${c.id}`)} scroll={{ x: 1000 }} locale={{ emptyText: t('hsAid.cap.empty') }} pagination={{ pageSize: 10, hideOnSinglePage: true }} />
      <FormModal<Values>
        open={!!target}
        form={form}
        testId="hs-cap"
        submitTestId="hs-cap-save"
        title={editing ? t('hsAid.cap.editTitle') : t('hsAid.cap.newTitle')}
        initialValues={editing ? { ...editing, kind: editing.kind ?? ALL } as Values : { kind: ALL, rule: 'per_payment', weak: false }}
        onClose={() => setTarget(null)}
        onSubmit={save}
        fields={[
          { name: 'kind', label: 'hsAid.col.kind', kind: 'select', required: true, options: [{ value: ALL, label: t('hsAid.cap.allKinds') }, ...options(AID_KINDS)], props: { allowClear: false } },
          { name: 'rule', label: 'hsAid.cap.rule', kind: 'select', vocab: CAP_RULES, required: true, props: { allowClear: false } },
          counted
            ? { name: 'maxCount', label: 'hsAid.cap.maxCount', kind: 'number', min: 1, max: 100, required: 'hsAid.cap.maxCountRequired', props: { suffix: t('hsAid.unit.times') } }
            : { name: 'amountFen', label: 'hsAid.cap.amountYuan', kind: 'money', required: 'hsAid.budget.amountRequired' },
          { name: 'effectiveFrom', label: 'hsAid.rules.effectiveFrom', kind: 'date', required: 'hsAid.rules.effectiveRequired', span: 12 },
          {
            name: 'effectiveTo', label: 'hsAid.cap.effectiveTo', kind: 'date', span: 12, dependencies: ['effectiveFrom'],
            rules: [({ getFieldValue }) => ({ validator: (_, v: string | null) => (!v || !getFieldValue('effectiveFrom') || v >= getFieldValue('effectiveFrom') ? Promise.resolve() : Promise.reject(new Error(t('hsAid.cap.toBeforeFrom')))) })],
          },
          ...sourceFields(t),
        ]}
      />
      {row.drawer}
    </Card>
  );
}
