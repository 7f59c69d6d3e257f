import { useEffect, useState } from 'react';
import dayjs, { type Dayjs } from 'dayjs';
import { App, Button, Card, DatePicker, Form, InputNumber, Modal, Select, Table, Tag } from 'antd';
import type { TableProps } from 'antd';
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { rulesApi, type CapItem, type RuleChanged } from '../../../../api/hardship-aid';
import { useApiError } from '../../../../app/use-api-error';
import { useI18n } from '../../../../i18n';
import { testId } from '../../../../app/test-id';
import { toFen, useLabel, useOptions, V, yuan } from '../../shared/vocab';
import type { AidKind, CapRule } from '../../../../../../common/src/hardship-vocab';
import { SourceAndWeak, WeakTag } from './LinesCard';
import { yuanAmountRules } from '../components/yuan-rules';

type Target = { mode: 'create' } | { mode: 'edit'; cap: CapItem };
/** Select value for "every aid kind" (kind null on the server). */
const ALL = '__all__';
interface Values {
  kind: AidKind | typeof ALL;
  rule: CapRule;
  amountYuan?: number;
  maxCount?: number;
  effectiveFrom: Dayjs;
  effectiveTo?: Dayjs | null;
  source: string;
  weak?: boolean;
}

/** 帮扶标准上限: a maximum per payment, per person and year, or times a year for one cause; dated and sourced. */
export function CapsCard({ canEdit, caps, today, onChanged }: { canEdit: boolean; caps: CapItem[]; today: string; onChanged: (r: RuleChanged) => void }) {
  const { t } = useI18n();
  const label = useLabel();
  const options = useOptions();
  const { showError } = useApiError();
  const { message } = App.useApp();
  const [target, setTarget] = useState<Target | null>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<Values>();
  const rule = Form.useWatch('rule', form);
  const countRule = rule === 'same_cause_per_year';

  useEffect(() => {
    if (!target) return;
    form.resetFields();
    if (target.mode === 'edit') {
      const c = target.cap;
      form.setFieldsValue({
        kind: c.kind ?? ALL,
        rule: c.rule,
        amountYuan: c.amountFen != null ? c.amountFen / 100 : undefined,
        maxCount: c.maxCount ?? undefined,
        effectiveFrom: dayjs(c.effectiveFrom),
        effectiveTo: c.effectiveTo ? dayjs(c.effectiveTo) : null,
        source: c.source,
        weak: c.weak,
      });
    } else form.setFieldsValue({ kind: ALL, rule: 'per_payment', weak: false });
  }, [target, form]);

  const save = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    const isCount = v.rule === 'same_cause_per_year';
    const input = {
      kind: v.kind === ALL ? null : v.kind,
      rule: v.rule,
      amountFen: isCount ? null : toFen(v.amountYuan!),
      maxCount: isCount ? v.maxCount! : null,
      effectiveFrom: v.effectiveFrom.format('YYYY-MM-DD'),
      effectiveTo: v.effectiveTo ? v.effectiveTo.format('YYYY-MM-DD') : null,
      source: v.source.trim(),
      weak: !!v.weak,
    };
    setBusy(true);
    try {
      const r = target?.mode === 'edit' ? await rulesApi.updateCap(target.cap.id, { ...input, version: target.cap.version }) : await rulesApi.addCap(input);
      void message.success(t('common.saved'));
      setTarget(null);
      onChanged(r);
    } catch (e) {
      showError(e, { form });
    } finally {
      setBusy(false);
    }
  };

  const active = (c: CapItem) => c.effectiveFrom <= today && (!c.effectiveTo || c.effectiveTo >= today);
  const columns: TableProps<CapItem>['columns'] = [
    { title: t('hsAid.col.kind'), dataIndex: 'kind', key: 'kind', width: 120, render: (k: string | null) => (k ? label(V.AID_KIND_LABELS, k) : t('hsAid.cap.allKinds')) },
    { title: t('hsAid.cap.rule'), dataIndex: 'rule', key: 'rule', width: 190, render: (r: string) => label(V.CAP_RULE_LABELS, r) },
    {
      title: t('hsAid.cap.limit'),
      key: 'limit',
      width: 130,
      align: 'right',
      render: (_: unknown, c) => (c.rule === 'same_cause_per_year' ? t('hsAid.cap.times', { n: c.maxCount ?? '—' }) : yuan(c.amountFen)),
    },
    {
      title: t('hsAid.cap.period'),
      key: 'period',
      width: 230,
      render: (_: unknown, c) => (
        <span>
          {c.effectiveFrom} ~ {c.effectiveTo ?? t('hsAid.cap.open')} {active(c) ? <Tag color="green">{t('hsAid.rules.inForce')}</Tag> : c.effectiveFrom > today ? <Tag color="blue">{t('hsAid.rules.upcoming')}</Tag> : <Tag>{t('hsAid.cap.ended')}</Tag>}
        </span>
      ),
    },
    { title: t('hsAid.rules.source'), dataIndex: 'source', key: 'source', ellipsis: { showTitle: true } },
    { title: t('hsAid.rules.weak'), dataIndex: 'weak', key: 'weak', width: 90, render: (w: boolean) => (w ? <WeakTag /> : '—') },
    ...(canEdit
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            width: 80,
            render: (_: unknown, c: CapItem) => (
              <Button type="link" size="small" icon={<EditOutlined />} onClick={() => setTarget({ mode: 'edit', cap: c })} {...testId(`hs-cap-edit-${c.id}`)}>
                {t('action.edit')}
              </Button>
            ),
          },
        ]
      : []),
  ];

  return (
    <Card
      title={t('hsAid.rules.capsTitle')}
      extra={
        canEdit && (
          <Button type="primary" size="small" icon={<PlusOutlined />} onClick={() => setTarget({ mode: 'create' })} data-testid="hs-cap-new">
            {t('hsAid.cap.new')}
          </Button>
        )
      }
    >
      <Table<CapItem>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={caps}
        data-testid="hs-rules-caps"
        onRow={(c) => testId(`hs-cap-row-${c.id}`)}
        scroll={{ x: 1000 }}
        locale={{ emptyText: t('hsAid.cap.empty') }}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
      />
      <Modal
        open={!!target}
        title={target?.mode === 'edit' ? t('hsAid.cap.editTitle') : t('hsAid.cap.newTitle')}
        onCancel={() => setTarget(null)}
        onOk={() => void save()}
        okText={t('action.save')}
        cancelText={t('action.cancel')}
        okButtonProps={{ loading: busy, ...testId('hs-cap-save') }}
        destroyOnHidden
        modalRender={(node) => <div data-testid="hs-cap-modal">{node}</div>}
      >
        <Form form={form} layout="vertical">
          <Form.Item name="kind" label={t('hsAid.col.kind')} rules={[{ required: true }]}>
            <Select options={[{ value: ALL, label: t('hsAid.cap.allKinds') }, ...options(V.AID_KINDS, V.AID_KIND_LABELS)]} data-testid="hs-cap-kind" />
          </Form.Item>
          <Form.Item name="rule" label={t('hsAid.cap.rule')} rules={[{ required: true }]}>
            <Select options={options(V.CAP_RULES, V.CAP_RULE_LABELS)} data-testid="hs-cap-rule" />
          </Form.Item>
          {countRule ? (
            <Form.Item name="maxCount" label={t('hsAid.cap.maxCount')} rules={[{ required: true, message: t('hsAid.cap.maxCountRequired') }]}>
              <InputNumber min={1} max={100} precision={0} suffix={t('hsAid.unit.times')} style={{ width: '100%' }} data-testid="hs-cap-count" />
            </Form.Item>
          ) : (
            <Form.Item
              name="amountYuan"
              label={t('hsAid.cap.amountYuan')}
              rules={yuanAmountRules(t)}
            >
              <InputNumber min={0} precision={2} prefix="¥" style={{ width: '100%' }} data-testid="hs-cap-amount" />
            </Form.Item>
          )}
          <Form.Item name="effectiveFrom" label={t('hsAid.rules.effectiveFrom')} rules={[{ required: true, message: t('hsAid.rules.effectiveRequired') }]}>
            <DatePicker style={{ width: '100%' }} data-testid="hs-cap-from" />
          </Form.Item>
          <Form.Item
            name="effectiveTo"
            label={t('hsAid.cap.effectiveTo')}
            dependencies={['effectiveFrom']}
            rules={[
              ({ getFieldValue }) => ({
                validator: (_r, v: Dayjs | null | undefined) => {
                  const from = getFieldValue('effectiveFrom') as Dayjs | undefined;
                  return !v || !from || !v.isBefore(from, 'day') ? Promise.resolve() : Promise.reject(new Error(t('hsAid.cap.toBeforeFrom')));
                },
              }),
            ]}
          >
            <DatePicker style={{ width: '100%' }} allowClear data-testid="hs-cap-to" />
          </Form.Item>
          <SourceAndWeak prefix="hs-cap" />
        </Form>
      </Modal>
    </Card>
  );
}
