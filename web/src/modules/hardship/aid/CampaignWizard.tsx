import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { Alert, App, Button, Form, Modal, Result, Space, Spin, Steps, Table, Typography } from 'antd';
import { hardshipAidApi, type CampaignInput, type CampaignPreview } from '../../../../../common/src/contracts/hardship-aid';
import { call } from '../../../api/client';
import { useBusy } from '../../../app/use-api-error';
import { useI18n } from '../../../i18n';
import { testId } from '../../../app/test-id';
import { Fields, FormFields, todayInChina, yuan, type FieldSpec } from '../../../kit';
import { AID_KINDS, AID_METHODS, CAUSES, FILE_STATUSES, LIVE_STATUSES, TIERS } from './vocab';
import { BudgetSelect } from './BudgetSelect';
import { RosterButtons } from './RosterButtons';

type Values = Omit<CampaignInput, 'criteria'> & CampaignInput['criteria'];

const toInput = ({ tiers, causes, underOrgId, statuses, ...v }: Values): CampaignInput => ({ ...v, criteria: { tiers, causes, underOrgId, statuses } });

/**
 * 新建集中帮扶活动 in three steps: what and from which fund, whom (tier, cause, area, file status),
 * then the server's preview (households, total, budget, households skipped by a cap) and a
 * confirmation before the aid records are created in one step. Ends with the signature rosters.
 */
export function CampaignWizard({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: () => void }) {
  const { t } = useI18n();
  const { modal, message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [step, setStep] = useState(0);
  const [preview, setPreview] = useState<CampaignPreview | null>(null);
  const { busy, run } = useBusy();
  const [created, setCreated] = useState<(CampaignPreview & { id: string; name: string }) | null>(null);
  const paidOn = Form.useWatch('paidOn', form) as string | undefined;
  const year = paidOn ? Number(paidOn.slice(0, 4)) : undefined;

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    setStep(0);
    setPreview(null);
    setCreated(null);
  }, [open, form]);

  const steps: FieldSpec[][] = [
    [
      { name: 'name', label: 'hsAid.campaign.name', required: 'hsAid.campaign.nameRequired', max: 60, span: 24, placeholder: 'hsAid.campaign.namePlaceholder', rules: [{ min: 2, message: t('hsAid.campaign.nameRequired') }] },
      { name: 'kind', label: 'hsAid.col.kind', kind: 'select', vocab: AID_KINDS, required: true, props: { allowClear: false } },
      { name: 'method', label: 'hsAid.col.method', kind: 'radio', vocab: AID_METHODS, required: 'hsFile.aid.methodRequired', extra: 'hsAid.campaign.methodHint', testId: 'hs-campaign-method' },
      { name: 'amountFen', label: 'hsAid.campaign.amountYuan', kind: 'money', required: 'hsAid.budget.amountRequired', rules: [{ validator: (_, v: number | null) => (v == null || v > 0 ? Promise.resolve() : Promise.reject(new Error(t('hsAid.budget.amountPositive')))) }] },
      { name: 'paidOn', label: 'hsAid.campaign.paidOn', kind: 'date', noFuture: true, required: 'hsAid.campaign.paidOnRequired' },
      { name: 'budgetId', label: 'hsAid.campaign.budget', kind: 'custom', span: 24, required: 'hsAid.campaign.budgetRequired', extra: 'hsAid.campaign.budgetHint', input: <BudgetSelect year={year} follow disableSpent data-testid="hs-campaign-budgetId" /> },
    ],
    [
      { name: 'tiers', label: 'hsAid.campaign.tiers', kind: 'flags', vocab: TIERS, span: 24, extra: 'hsAid.campaign.anyHint' },
      { name: 'causes', label: 'hsAid.campaign.causes', kind: 'multiselect', vocab: CAUSES, span: 24, extra: 'hsAid.campaign.anyHint' },
      { name: 'underOrgId', label: 'hsAid.campaign.area', kind: 'org', span: 24, extra: 'hsAid.campaign.areaHint' },
      { name: 'statuses', label: 'hsAid.campaign.statuses', kind: 'flags', vocab: FILE_STATUSES, codes: LIVE_STATUSES, span: 24, required: 'hsAid.campaign.statusesRequired' },
    ],
  ];
  const names = (i: number) => steps[i]!.map((f) => f.name as keyof Values);
  const values = () => form.getFieldsValue(true) as Values;

  const runPreview = async () => {
    await form.validateFields(names(1));
    setStep(2);
    setPreview(null);
    if (!(await run(async () => setPreview(await call(hardshipAidApi.previewCampaign, { body: toInput(values()) }))))) setStep(1);
  };

  const confirm = () =>
    modal.confirm({
      title: t('hsAid.campaign.confirmTitle'),
      content: t('hsAid.campaign.confirmText', { n: preview!.households.toLocaleString(), total: yuan(preview!.totalFen) }),
      okText: t('hsAid.campaign.confirmOk'),
      cancelText: t('action.cancel'),
      okButtonProps: testId('hs-campaign-confirm-ok'),
      onOk: async () => {
        await run(async () => {
          const r = await call(hardshipAidApi.createCampaign, { body: toInput(values()) });
          setCreated({ ...r, name: values().name });
          void message.success(t('hsAid.campaign.created', { n: r.households }));
          onCreated();
        });
      },
    });

  const enough = !!preview && preview.totalFen <= preview.budgetRemainingFen;
  const footer = created ? (
    <Button onClick={onClose} data-testid="hs-campaign-close">{t('action.close')}</Button>
  ) : (
    <Space>
      <Button onClick={onClose}>{t('action.cancel')}</Button>
      {step > 0 && <Button onClick={() => setStep(step - 1)} disabled={busy} data-testid="hs-campaign-back">{t('hsAid.campaign.back')}</Button>}
      {step === 0 && <Button type="primary" onClick={() => void form.validateFields(names(0)).then(() => setStep(1), () => undefined)} data-testid="hs-campaign-next">{t('hsAid.campaign.next')}</Button>}
      {step === 1 && <Button type="primary" loading={busy} onClick={() => void runPreview().catch(() => undefined)} data-testid="hs-campaign-preview">{t('hsAid.campaign.preview')}</Button>}
      {step === 2 && (
        <Button type="primary" loading={busy} disabled={!preview || !enough || preview.households === 0} onClick={confirm} data-testid="hs-campaign-confirm">
          {t('hsAid.campaign.confirm')}
        </Button>
      )}
    </Space>
  );

  return (
    <Modal open={open} title={t('hsAid.campaign.newTitle')} onCancel={onClose} footer={footer} width={760} destroyOnHidden mask={{ closable: false }} modalRender={(node) => <div data-testid="hs-campaign-modal">{node}</div>}>
      <Steps current={created ? 3 : step} size="small" style={{ marginBottom: 24 }} items={(['basics', 'criteria', 'preview'] as const).map((s) => ({ title: t(`hsAid.campaign.step.${s}`) }))} />
      <Form form={form} layout="vertical" requiredMark initialValues={{ kind: 'festival', paidOn: todayInChina(), tiers: [], causes: [], underOrgId: null, statuses: ['filed'] }} data-testid="hs-campaign">
        {/* Only the step's fields are drawn; the form keeps the others' values. */}
        {step < 2 && !created && <FormFields fields={steps[step]!} testId="hs-campaign" span={8} />}
      </Form>
      {step === 2 && !created && (
        <div data-testid="hs-campaign-preview-result">
          {busy || !preview ? (
            <div style={{ textAlign: 'center', padding: 32 }}><Spin /></div>
          ) : (
            <>
              <Fields
                column={2}
                items={[
                  { label: 'hsAid.campaign.name', value: values().name },
                  { label: 'hsAid.campaign.amountYuan', value: yuan(values().amountFen) },
                  { label: 'hsAid.campaign.households', value: <Typography.Text strong>{preview.households.toLocaleString()}</Typography.Text>, testId: 'hs-campaign-preview-households' },
                  { label: 'hsAid.campaign.total', value: <Typography.Text strong>{yuan(preview.totalFen)}</Typography.Text>, testId: 'hs-campaign-preview-total' },
                  { label: 'hsAid.campaign.budgetRemaining', value: yuan(preview.budgetRemainingFen) },
                  { label: 'hsAid.campaign.skippedCount', value: preview.skipped.length.toLocaleString() },
                ]}
              />
              <div style={{ marginTop: 16 }}>
                {preview.households === 0 ? (
                  <Alert type="warning" showIcon title={preview.skipped.length ? t('hsAid.campaign.allSkipped', { n: preview.skipped.length }) : t('hsAid.campaign.noneMatch')} data-testid="hs-campaign-preview-none" />
                ) : enough ? (
                  <Alert type="success" showIcon title={t('hsAid.campaign.budgetOk', { left: yuan(preview.budgetRemainingFen - preview.totalFen) })} data-testid="hs-campaign-preview-ok" />
                ) : (
                  <Alert type="error" showIcon title={t('hsAid.campaign.budgetShort', { short: yuan(preview.totalFen - preview.budgetRemainingFen) })} data-testid="hs-campaign-preview-short" />
                )}
              </div>
              {preview.skipped.length > 0 && (
                <>
                  <Typography.Title level={5} style={{ marginTop: 16 }}>{t('hsAid.campaign.skippedTitle', { n: preview.skipped.length })}</Typography.Title>
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
