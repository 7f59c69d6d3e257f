import { useEffect, useState } from 'react';
import dayjs, { type Dayjs } from 'dayjs';
import { App, Button, Card, Col, Collapse, DatePicker, Descriptions, Form, Input, InputNumber, Modal, Row, Select, Space, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { rulesApi, type ParamKey, type RuleChanged, type RuleSetItem } from '../../../../api/hardship-aid';
import { useApiError } from '../../../../app/use-api-error';
import { useI18n } from '../../../../i18n';
import { testId } from '../../../../app/test-id';
import { DEFAULT_RULE_SET, type HardshipParams } from '../../../../../../common/src/hardship-tier';
import { AREA_PERIODS, formatParam, fromDisplay, PARAM_KEYS, paramLabelKey, SCALAR_PARAMS, toDisplay, unitKey } from './rule-params';
import { WeakTag } from './LinesCard';

const LEVELS = ['red', 'orange', 'yellow'] as const;

/** One rule set's parameters, grouped (tiers, monitoring, area warnings, response times), weak ones flagged. */
function ParamsView({ set }: { set: RuleSetItem }) {
  const { t } = useI18n();
  const weak = new Set(set.weakKeys);
  const p = { ...DEFAULT_RULE_SET.params, ...set.params } as HardshipParams;
  const item = (key: ParamKey, value: string) => ({
    key,
    label: t(paramLabelKey(key)),
    children: (
      <Space size={6} data-testid={`hs-set-param-${key}`}>
        <span>{value}</span>
        {weak.has(key) && <WeakTag />}
      </Space>
    ),
  });
  const group = (g: 'tier' | 'monitor' | 'area') => SCALAR_PARAMS.filter((s) => s.group === g).map((s) => item(s.key, formatParam(s.unit, p[s.key], t(unitKey(s.unit)))));
  const days = p.responseWorkingDays;
  return (
    <>
      <Descriptions size="small" bordered column={{ xs: 1, md: 2 }} title={t('hsAid.set.groupTier')} items={group('tier')} style={{ marginBottom: 12 }} />
      <Descriptions size="small" bordered column={{ xs: 1, md: 2 }} title={t('hsAid.set.groupMonitor')} items={group('monitor')} style={{ marginBottom: 12 }} />
      <Descriptions
        size="small"
        bordered
        column={{ xs: 1, md: 2 }}
        title={t('hsAid.set.groupArea')}
        items={[
          ...group('area'),
          item('responseWorkingDays', LEVELS.map((l) => t(`hsAid.set.days.${l}`, { n: days?.[l] ?? '—' })).join('；')),
        ]}
      />
    </>
  );
}

interface Values {
  version: string;
  effectiveFrom: Dayjs;
  source: string;
  weakKeys: ParamKey[];
  params: Record<string, number>;
  days: { red: number; orange: number; yellow: number };
}

/** 分档与监测参数: dated versions; a new version starts from the one in force and applies from its date. */
export function RuleSetsCard({ canEdit, sets, inForce, onChanged }: { canEdit: boolean; sets: RuleSetItem[]; inForce: { version: string }; onChanged: (r: RuleChanged) => void }) {
  const { t } = useI18n();
  const { showError } = useApiError();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<Values>();
  const current = sets.find((s) => s.version === inForce.version) ?? sets[sets.length - 1];

  useEffect(() => {
    if (!open || !current) return;
    const p = { ...DEFAULT_RULE_SET.params, ...current.params } as HardshipParams;
    form.resetFields();
    form.setFieldsValue({
      version: '',
      effectiveFrom: dayjs().add(1, 'month').startOf('month'),
      source: current.source,
      weakKeys: current.weakKeys as ParamKey[],
      params: Object.fromEntries(SCALAR_PARAMS.map((s) => [s.key, toDisplay(s.unit, p[s.key])])),
      days: { ...p.responseWorkingDays },
    });
  }, [open, current, form]);

  const save = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    const params = Object.fromEntries(SCALAR_PARAMS.map((s) => [s.key, fromDisplay(s.unit, v.params[s.key]!)])) as Omit<HardshipParams, 'responseWorkingDays'>;
    if (params.deepMultiplePermille >= params.relativeMultiplePermille) {
      form.setFields([{ name: ['params', 'deepMultiplePermille'], errors: [t('hsAid.set.deepBelowRelative')] }]);
      return;
    }
    setBusy(true);
    try {
      const r = await rulesApi.addRuleSet({
        version: v.version.trim(),
        effectiveFrom: v.effectiveFrom.format('YYYY-MM-DD'),
        source: v.source.trim(),
        weakKeys: v.weakKeys ?? [],
        params: { ...params, responseWorkingDays: v.days },
      });
      void message.success(t('hsAid.rules.savedReevaluated', { n: r.reevaluated ?? 0 }));
      setOpen(false);
      onChanged(r);
    } catch (e) {
      showError(e, { form });
    } finally {
      setBusy(false);
    }
  };

  const sorted = [...sets].sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom));
  return (
    <Card
      title={t('hsAid.rules.setsTitle')}
      extra={
        canEdit && current && (
          <Button type="primary" size="small" icon={<PlusOutlined />} onClick={() => setOpen(true)} data-testid="hs-set-new">
            {t('hsAid.set.new')}
          </Button>
        )
      }
      style={{ marginBottom: 16 }}
    >
      <div data-testid="hs-rules-sets">
        <Collapse
          defaultActiveKey={current ? [current.id] : []}
          items={sorted.map((s) => ({
            key: s.id,
            label: (
              <Space wrap data-testid={`hs-set-row-${s.id}`}>
                <Typography.Text strong>{s.version}</Typography.Text>
                <span>{t('hsAid.set.from', { d: s.effectiveFrom })}</span>
                {s.version === inForce.version && <Tag color="green">{t('hsAid.rules.inForce')}</Tag>}
                {s.effectiveFrom > dayjs().format('YYYY-MM-DD') && <Tag color="blue">{t('hsAid.rules.upcoming')}</Tag>}
                {s.weakKeys.length > 0 && <Typography.Text type="secondary">{t('hsAid.set.weakCount', { n: s.weakKeys.length })}</Typography.Text>}
              </Space>
            ),
            children: (
              <>
                <ParamsView set={s} />
                <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
                  {t('hsAid.rules.source')}：{s.source}
                </Typography.Paragraph>
              </>
            ),
          }))}
        />
      </div>
      <Modal
        open={open}
        title={t('hsAid.set.newTitle', { from: current?.version ?? '' })}
        onCancel={() => setOpen(false)}
        onOk={() => void save()}
        okText={t('action.save')}
        cancelText={t('action.cancel')}
        okButtonProps={{ loading: busy, ...testId('hs-set-save') }}
        width={820}
        destroyOnHidden
        modalRender={(node) => <div data-testid="hs-set-modal">{node}</div>}
      >
        <Form form={form} layout="vertical">
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item name="version" label={t('hsAid.set.version')} rules={[{ required: true, whitespace: true, min: 2, max: 40, message: t('hsAid.set.versionRequired') }]}>
                <Input maxLength={40} placeholder="tiers-2027.1" data-testid="hs-set-version" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="effectiveFrom" label={t('hsAid.rules.effectiveFrom')} rules={[{ required: true, message: t('hsAid.rules.effectiveRequired') }]}>
                <DatePicker style={{ width: '100%' }} data-testid="hs-set-from" />
              </Form.Item>
            </Col>
            {SCALAR_PARAMS.map((s) => (
              <Col xs={24} md={12} key={s.key}>
                <Form.Item name={['params', s.key]} label={t(paramLabelKey(s.key))} rules={[{ required: true, message: t('hsAid.set.paramRequired') }]}>
                  {s.key === 'areaPeriodMonths' ? (
                    <Select options={AREA_PERIODS.map((m) => ({ value: m, label: `${m} ${t('hsAid.unit.months')}` }))} data-testid={`hs-set-param-input-${s.key}`} />
                  ) : (
                    <InputNumber
                      min={toDisplay(s.unit, s.min)}
                      max={toDisplay(s.unit, s.max)}
                      precision={s.unit === 'multiple' ? 3 : s.unit === 'percent' ? 1 : 0}
                      step={s.unit === 'multiple' ? 0.1 : 1}
                      suffix={s.unit === 'percent' ? '%' : t(unitKey(s.unit))}
                      style={{ width: '100%' }}
                      data-testid={`hs-set-param-input-${s.key}`}
                    />
                  )}
                </Form.Item>
              </Col>
            ))}
          </Row>
          <Row gutter={16}>
            {LEVELS.map((l) => (
              <Col xs={24} md={8} key={l}>
                <Form.Item name={['days', l]} label={t(`hsAid.set.daysLabel.${l}`)} rules={[{ required: true, message: t('hsAid.set.paramRequired') }]}>
                  <InputNumber min={1} max={60} precision={0} suffix={t('hsAid.unit.workingDays')} style={{ width: '100%' }} data-testid={`hs-set-days-${l}`} />
                </Form.Item>
              </Col>
            ))}
          </Row>
          <Row gutter={16}>
            <Col span={24}>
              <Form.Item name="weakKeys" label={t('hsAid.set.weakKeys')} extra={t('hsAid.rules.weakHint')}>
                <Select mode="multiple" allowClear options={PARAM_KEYS.map((k) => ({ value: k, label: t(paramLabelKey(k)) }))} data-testid="hs-set-weak-keys" />
              </Form.Item>
              <Form.Item name="source" label={t('hsAid.rules.source')} rules={[{ required: true, whitespace: true, min: 2, max: 500, message: t('hsAid.rules.sourceRequired') }]}>
                <Input.TextArea rows={3} maxLength={500} data-testid="hs-set-source" />
              </Form.Item>
            </Col>
          </Row>
        </Form>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          {t('hsAid.rules.reevaluateNote')}
        </Typography.Paragraph>
      </Modal>
    </Card>
  );
}
