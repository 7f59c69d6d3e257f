import { useEffect, useState } from 'react';
import { App, Form, Input, InputNumber, Modal, Typography } from 'antd';
import { aidApi, type BudgetItem } from '../../../../api/hardship-aid';
import { useApiError } from '../../../../app/use-api-error';
import { useI18n } from '../../../../i18n';
import { testId } from '../../../../app/test-id';
import { OrgSelect } from '../../../org/components/OrgSelect';
import { toFen, yuan } from '../../shared/vocab';
import { formatYuan } from '../../../../../../common/src/hardship-tier';

export type BudgetFormTarget = { mode: 'create'; year: number } | { mode: 'edit'; budget: BudgetItem };

interface Values {
  orgId?: string;
  year?: number;
  line?: string;
  allocatedYuan?: number;
  note?: string;
}

/** 新建 / 调整预算: an allocation in yuan; it may not fall below what is already spent (the server checks as well). */
export function BudgetFormModal({ target, onClose, onSaved }: { target: BudgetFormTarget | null; onClose: () => void; onSaved: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { showError } = useApiError();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const editing = target?.mode === 'edit' ? target.budget : null;

  useEffect(() => {
    if (!target) return;
    form.resetFields();
    if (target.mode === 'edit') {
      const b = target.budget;
      form.setFieldsValue({ allocatedYuan: b.allocatedFen / 100, note: b.note ?? undefined });
    } else {
      form.setFieldsValue({ year: target.year, line: '帮扶资金' });
    }
  }, [target, form]);

  const save = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setBusy(true);
    try {
      const allocatedFen = toFen(v.allocatedYuan!);
      const note = v.note?.trim() || null;
      if (editing) await aidApi.updateBudget(editing.id, { allocatedFen, note, version: editing.version });
      else await aidApi.createBudget({ orgId: v.orgId!, year: v.year!, line: v.line!.trim(), allocatedFen, note });
      void message.success(t('common.saved'));
      onSaved();
    } catch (e) {
      showError(e, { form, reload: onSaved });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={!!target}
      title={editing ? t('hsAid.budget.editTitle', { name: `${editing.orgName} ${editing.year} ${editing.line}` }) : t('hsAid.budget.newTitle')}
      onCancel={onClose}
      onOk={() => void save()}
      okText={t('action.save')}
      cancelText={t('action.cancel')}
      okButtonProps={{ loading: busy, ...testId('hs-budget-save') }}
      destroyOnHidden
      modalRender={(node) => <div data-testid="hs-budget-modal">{node}</div>}
    >
      <Form form={form} layout="vertical" requiredMark>
        {!editing && (
          <>
            <Form.Item name="orgId" label={t('hsAid.budget.org')} rules={[{ required: true, message: t('hsAid.budget.orgRequired') }]}>
              <OrgSelect data-testid="hs-budget-org" />
            </Form.Item>
            <Form.Item name="year" label={t('hsAid.budget.year')} rules={[{ required: true, message: t('hsAid.budget.yearRequired') }]}>
              <InputNumber min={2000} max={2100} precision={0} style={{ width: '100%' }} data-testid="hs-budget-year" />
            </Form.Item>
            <Form.Item name="line" label={t('hsAid.budget.line')} rules={[{ required: true, whitespace: true, max: 40, message: t('hsAid.budget.lineRequired') }]} extra={t('hsAid.budget.lineHint')}>
              <Input maxLength={40} data-testid="hs-budget-line" />
            </Form.Item>
          </>
        )}
        {editing && (
          <Typography.Paragraph type="secondary">
            {t('hsAid.budget.spentNow', { spent: yuan(editing.spentFen), allocated: yuan(editing.allocatedFen) })}
          </Typography.Paragraph>
        )}
        <Form.Item
          name="allocatedYuan"
          label={t('hsAid.budget.allocatedYuan')}
          rules={[
            { required: true, message: t('hsAid.budget.amountRequired') },
            {
              validator: (_r, v: number | undefined) => {
                if (v == null) return Promise.resolve();
                if (!(v > 0)) return Promise.reject(new Error(t('hsAid.budget.amountPositive')));
                if (editing && toFen(v) < editing.spentFen) return Promise.reject(new Error(t('hsAid.budget.belowSpent', { spent: formatYuan(editing.spentFen) })));
                return Promise.resolve();
              },
            },
          ]}
        >
          <InputNumber min={0} precision={2} step={1000} style={{ width: '100%' }} prefix="¥" data-testid="hs-budget-amount" />
        </Form.Item>
        <Form.Item name="note" label={t('hsAid.budget.note')} rules={[{ max: 200 }]}>
          <Input.TextArea rows={2} maxLength={200} data-testid="hs-budget-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
