import { useEffect, useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import dayjs, { type Dayjs } from 'dayjs';
import { Alert, App, Button, Checkbox, DatePicker, Descriptions, Form, Input, InputNumber, Modal, Result, Select, Space, Spin, Steps, Table, Typography } from 'antd';
import { aidApi, type BudgetItem, type CampaignInput, type CampaignPreview } from '../../../../api/hardship-aid';
import { useApiError } from '../../../../app/use-api-error';
import { useI18n } from '../../../../i18n';
import { testId } from '../../../../app/test-id';
import { OrgSelect } from '../../../org/components/OrgSelect';
import { toFen, useOptions, V, yuan } from '../../shared/vocab';
import type { AidKind, Cause, FileStatus, Tier } from '../../../../../../common/src/hardship-vocab';
import { RosterButtons } from './RosterButtons';
import { yuanAmountRules } from './yuan-rules';

interface Values {
  name: string;
  kind: AidKind;
  amountYuan: number;
  paidOn: Dayjs;
  budgetId: string;
  tiers: Tier[];
  causes: Cause[];
  underOrgId?: string;
  statuses: FileStatus[];
}

const STEP_FIELDS: (keyof Values)[][] = [['name', 'kind', 'amountYuan', 'paidOn', 'budgetId'], ['tiers', 'causes', 'underOrgId', 'statuses']];

function toInput(v: Values): CampaignInput {
  return {
    name: v.name.trim(),
    kind: v.kind,
    amountFen: toFen(v.amountYuan),
    paidOn: v.paidOn.format('YYYY-MM-DD'),
    budgetId: v.budgetId,
    criteria: { tiers: v.tiers ?? [], causes: v.causes ?? [], underOrgId: v.underOrgId ?? null, statuses: v.statuses?.length ? v.statuses : ['filed'] },
  };
}

/**
 * 新建集中帮扶活动 in three steps: what and from which fund, whom (tier, cause, area, file status),
 * then the server's preview (households, total, budget, households skipped by a cap) and a
 * confirmation before the aid records are created in one step. Ends with the signature rosters.
 */
export function CampaignWizard({ open, budgets, onClose, onCreated }: { open: boolean; budgets: BudgetItem[]; onClose: () => void; onCreated: () => void }) {
  const { t } = useI18n();
  const { modal, message } = App.useApp();
  const { showError } = useApiError();
  const options = useOptions();
  const [form] = Form.useForm<Values>();
  const [step, setStep] = useState(0);
  const [preview, setPreview] = useState<CampaignPreview | null>(null);
  const [previewing, setPreviewing] = useState(false);
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<(CampaignPreview & { id: string; name: string }) | null>(null);
  const paidOn = Form.useWatch('paidOn', form);
  const budgetId = Form.useWatch('budgetId', form);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    setStep(0);
    setPreview(null);
    setCreated(null);
  }, [open, form]);

  const year = paidOn ? paidOn.year() : undefined;
  const budgetOptions = useMemo(
    () =>
      budgets
        .filter((b) => year === undefined || b.year === year)
        .map((b) => ({
          value: b.id,
          disabled: b.remainingFen <= 0,
          label: t('hsAid.campaign.budgetOption', { org: b.orgName, year: b.year, line: b.line, remaining: yuan(b.remainingFen) }),
        })),
    [budgets, year, t],
  );
  // A budget of another year cannot pay on this date (the server refuses it): clear it when the date moves.
  useEffect(() => {
    if (budgetId && year !== undefined && !budgets.some((b) => b.id === budgetId && b.year === year)) form.setFieldValue('budgetId', undefined);
  }, [year, budgetId, budgets, form]);

  const runPreview = async () => {
    await form.validateFields(STEP_FIELDS[1]);
    const v = form.getFieldsValue(true) as Values;
    setStep(2);
    setPreview(null);
    setPreviewing(true);
    try {
      setPreview(await aidApi.previewCampaign(toInput(v)));
    } catch (e) {
      showError(e);
      setStep(1);
    } finally {
      setPreviewing(false);
    }
  };

  const confirm = () => {
    if (!preview) return;
    const v = form.getFieldsValue(true) as Values;
    modal.confirm({
      title: t('hsAid.campaign.confirmTitle'),
      content: t('hsAid.campaign.confirmText', { n: preview.households.toLocaleString(), total: yuan(preview.totalFen) }),
      okText: t('hsAid.campaign.confirmOk'),
      cancelText: t('action.cancel'),
      okButtonProps: testId('hs-campaign-confirm-ok'),
      onOk: async () => {
        setCreating(true);
        try {
          const r = await aidApi.createCampaign(toInput(v));
          setCreated({ ...r, name: v.name.trim() });
          void message.success(t('hsAid.campaign.created', { n: r.households }));
          onCreated();
        } catch (e) {
          showError(e);
        } finally {
          setCreating(false);
        }
      },
    });
  };

  const enough = preview ? preview.totalFen <= preview.budgetRemainingFen : false;
  const values = form.getFieldsValue(true) as Partial<Values>;

  const footer = created ? (
    <Button onClick={onClose} data-testid="hs-campaign-close">
      {t('action.close')}
    </Button>
  ) : (
    <Space>
      <Button onClick={onClose}>{t('action.cancel')}</Button>
      {step > 0 && (
        <Button onClick={() => setStep(step - 1)} disabled={previewing || creating} data-testid="hs-campaign-back">
          {t('hsAid.campaign.back')}
        </Button>
      )}
      {step === 0 && (
        <Button type="primary" onClick={() => void form.validateFields(STEP_FIELDS[0]).then(() => setStep(1), () => undefined)} data-testid="hs-campaign-next">
          {t('hsAid.campaign.next')}
        </Button>
      )}
      {step === 1 && (
        <Button type="primary" loading={previewing} onClick={() => void runPreview().catch(() => undefined)} data-testid="hs-campaign-preview">
          {t('hsAid.campaign.preview')}
        </Button>
      )}
      {step === 2 && (
        <Button type="primary" danger={false} loading={creating} disabled={!preview || !enough || preview.households === 0} onClick={confirm} data-testid="hs-campaign-confirm">
          {t('hsAid.campaign.confirm')}
        </Button>
      )}
    </Space>
  );

  return (
    <Modal
      open={open}
      title={t('hsAid.campaign.newTitle')}
      onCancel={onClose}
      footer={footer}
      width={760}
      destroyOnHidden
      mask={{ closable: false }}
      modalRender={(node) => <div data-testid="hs-campaign-modal">{node}</div>}
    >
      <Steps
        current={created ? 3 : step}
        size="small"
        style={{ marginBottom: 24 }}
        items={[{ title: t('hsAid.campaign.step.basics') }, { title: t('hsAid.campaign.step.criteria') }, { title: t('hsAid.campaign.step.preview') }]}
      />
      <Form form={form} layout="vertical" initialValues={{ kind: 'festival', paidOn: dayjs(), tiers: [], causes: [], statuses: ['filed'] }}>
        <div style={{ display: step === 0 && !created ? 'block' : 'none' }}>
          <Form.Item name="name" label={t('hsAid.campaign.name')} rules={[{ required: true, whitespace: true, min: 2, max: 60, message: t('hsAid.campaign.nameRequired') }]}>
            <Input maxLength={60} placeholder={t('hsAid.campaign.namePlaceholder')} data-testid="hs-campaign-name" />
          </Form.Item>
          <Space size={16} wrap style={{ width: '100%' }} styles={{ item: { flex: '1 1 200px' } }}>
            <Form.Item name="kind" label={t('hsAid.col.kind')} rules={[{ required: true }]}>
              <Select options={options(V.AID_KINDS, V.AID_KIND_LABELS)} data-testid="hs-campaign-kind" />
            </Form.Item>
            <Form.Item
              name="amountYuan"
              label={t('hsAid.campaign.amountYuan')}
              rules={yuanAmountRules(t)}
            >
              <InputNumber min={0} precision={2} step={100} prefix="¥" style={{ width: '100%' }} data-testid="hs-campaign-amount" />
            </Form.Item>
            <Form.Item name="paidOn" label={t('hsAid.campaign.paidOn')} rules={[{ required: true, message: t('hsAid.campaign.paidOnRequired') }]}>
              <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} data-testid="hs-campaign-date" />
            </Form.Item>
          </Space>
          <Form.Item name="budgetId" label={t('hsAid.campaign.budget')} rules={[{ required: true, message: t('hsAid.campaign.budgetRequired') }]} extra={t('hsAid.campaign.budgetHint')}>
            <Select options={budgetOptions} placeholder={t('common.pleaseSelect')} notFoundContent={t('hsAid.campaign.noBudget')} data-testid="hs-campaign-budget" />
          </Form.Item>
          {budgetOptions.length === 0 && <Alert type="warning" showIcon title={t('hsAid.campaign.noBudgetHint', { year: year ?? '' })} data-testid="hs-campaign-no-budget" />}
        </div>
        <div style={{ display: step === 1 && !created ? 'block' : 'none' }}>
          <Form.Item name="tiers" label={t('hsAid.campaign.tiers')} extra={t('hsAid.campaign.anyHint')}>
            <Checkbox.Group options={options(V.TIERS, V.TIER_LABELS)} data-testid="hs-campaign-tiers" />
          </Form.Item>
          <Form.Item name="causes" label={t('hsAid.campaign.causes')} extra={t('hsAid.campaign.anyHint')}>
            <Select mode="multiple" allowClear options={options(V.CAUSES, V.CAUSE_LABELS)} placeholder={t('common.all')} data-testid="hs-campaign-causes" />
          </Form.Item>
          <Form.Item name="underOrgId" label={t('hsAid.campaign.area')} extra={t('hsAid.campaign.areaHint')}>
            <OrgSelect allowClear placeholder={t('hsAid.campaign.areaPlaceholder')} data-testid="hs-campaign-area" />
          </Form.Item>
          <Form.Item name="statuses" label={t('hsAid.campaign.statuses')} rules={[{ required: true, type: 'array', min: 1, message: t('hsAid.campaign.statusesRequired') }]}>
            <Checkbox.Group options={options(V.LIVE_STATUSES, V.FILE_STATUS_LABELS)} data-testid="hs-campaign-statuses" />
          </Form.Item>
        </div>
      </Form>
      {step === 2 && !created && (
        <div data-testid="hs-campaign-preview-result">
          {previewing || !preview ? (
            <div style={{ textAlign: 'center', padding: 32 }}>
              <Spin />
            </div>
          ) : (
            <>
              <Descriptions size="small" bordered column={2} style={{ marginBottom: 16 }}>
                <Descriptions.Item label={t('hsAid.campaign.name')}>{values.name}</Descriptions.Item>
                <Descriptions.Item label={t('hsAid.campaign.amountYuan')}>{values.amountYuan != null ? yuan(toFen(values.amountYuan)) : '—'}</Descriptions.Item>
                <Descriptions.Item label={t('hsAid.campaign.households')}>
                  <Typography.Text strong data-testid="hs-campaign-preview-households">
                    {preview.households.toLocaleString()}
                  </Typography.Text>
                </Descriptions.Item>
                <Descriptions.Item label={t('hsAid.campaign.total')}>
                  <Typography.Text strong data-testid="hs-campaign-preview-total">
                    {yuan(preview.totalFen)}
                  </Typography.Text>
                </Descriptions.Item>
                <Descriptions.Item label={t('hsAid.campaign.budgetRemaining')}>{yuan(preview.budgetRemainingFen)}</Descriptions.Item>
                <Descriptions.Item label={t('hsAid.campaign.skippedCount')}>{preview.skipped.length.toLocaleString()}</Descriptions.Item>
              </Descriptions>
              {preview.households === 0 ? (
                <Alert
                  type="warning"
                  showIcon
                  title={preview.skipped.length ? t('hsAid.campaign.allSkipped', { n: preview.skipped.length }) : t('hsAid.campaign.noneMatch')}
                  data-testid="hs-campaign-preview-none"
                />
              ) : enough ? (
                <Alert type="success" showIcon title={t('hsAid.campaign.budgetOk', { left: yuan(preview.budgetRemainingFen - preview.totalFen) })} data-testid="hs-campaign-preview-ok" />
              ) : (
                <Alert type="error" showIcon title={t('hsAid.campaign.budgetShort', { short: yuan(preview.totalFen - preview.budgetRemainingFen) })} data-testid="hs-campaign-preview-short" />
              )}
              {preview.skipped.length > 0 && (
                <>
                  <Typography.Title level={5} style={{ marginTop: 16 }}>
                    {t('hsAid.campaign.skippedTitle', { n: preview.skipped.length })}
                  </Typography.Title>
                  <Table
                    rowKey="fileId"
                    size="small"
                    dataSource={preview.skipped}
                    pagination={{ pageSize: 5, hideOnSinglePage: true }}
                    data-testid="hs-campaign-skipped"
                    columns={[
                      { title: t('hsAid.col.fileNo'), dataIndex: 'fileNo', width: 150, render: (no: string, s) => <Link to={`/hardship/files/${s.fileId}`}>{no}</Link> },
                      { title: t('hsAid.campaign.skipReason'), dataIndex: 'reason' },
                    ]}
                  />
                </>
              )}
            </>
          )}
        </div>
      )}
      {created && (
        <div data-testid="hs-campaign-done">
        <Result
          status="success"
          title={t('hsAid.campaign.doneTitle', { n: created.households.toLocaleString(), total: yuan(created.totalFen) })}
          subTitle={t('hsAid.campaign.doneSub', { left: yuan(created.budgetRemainingFen), skipped: created.skipped.length })}
          extra={<RosterButtons id={created.id} name={created.name} testIdPrefix="hs-campaign-done" size="middle" />}
        />
        </div>
      )}
    </Modal>
  );
}
