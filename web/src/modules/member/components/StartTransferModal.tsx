import { useEffect, useState } from 'react';
import { App, Alert, Form, Input, Modal, Radio } from 'antd';
import { ID_PROBLEM_MESSAGES, parseIdNumber } from '../../../../../common/src/id-number';
import { transferApi, type TransferStarted } from '../../../api/transfers';
import { useApiError } from '../../../app/use-api-error';
import { useI18n } from '../../../i18n';
import { testId } from '../../../app/test-id';
import { UnionSelect } from './UnionSelect';

/**
 * 发起接转. Outgoing (from a member's page): the releasing union names the receiving one, which may
 * be anywhere in the city, or the territorial street/park union when the new employer has no
 * union. Incoming (按身份证号接收): the receiving union knows only the person's ID number.
 */
export type TransferStart = { kind: 'out'; memberId: string; memberName: string; fromUnionName: string } | { kind: 'in' };

interface Values {
  target: 'union' | 'territorial';
  toOrgId: string;
  idNumber?: string;
  reason: string;
}

export function StartTransferModal({ start, onClose, onStarted }: { start: TransferStart | null; onClose: () => void; onStarted: (r: TransferStarted) => void }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const { showError } = useApiError();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const target = Form.useWatch('target', form) ?? 'union';

  useEffect(() => {
    if (start) {
      form.resetFields();
      form.setFieldsValue({ target: 'union' });
    }
  }, [start, form]);

  const submit = async () => {
    let v: Values;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    setSaving(true);
    try {
      const r =
        start!.kind === 'out'
          ? await transferApi.startOutgoing(start!.memberId, v.toOrgId, v.reason.trim())
          : await transferApi.startIncoming(v.idNumber!.trim(), v.toOrgId, v.reason.trim());
      void message.success(t('transfer.started', { name: r.memberName, to: r.toUnionName }));
      onStarted(r);
    } catch (e) {
      showError(e, { form });
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={!!start}
      title={start?.kind === 'out' ? t('transfer.startOutTitle', { name: start.memberName }) : t('transfer.startInTitle')}
      onCancel={onClose}
      onOk={submit}
      okText={t('transfer.submit')}
      okButtonProps={{ loading: saving, ...testId('transfer-start-submit') }}
      cancelText={t('action.cancel')}
      width={620}
      forceRender
      modalRender={(node) => <div data-testid="transfer-start-modal">{node}</div>}
    >
      <Alert type="info" showIcon style={{ marginBottom: 16 }} title={start?.kind === 'out' ? t('transfer.outHint', { from: start.fromUnionName }) : t('transfer.inHint')} />
      <Form form={form} layout="vertical" name="transfer-start">
        {start?.kind === 'in' && (
          <Form.Item
            name="idNumber"
            label={t('member.field.idNumber')}
            rules={[
              {
                validator: (_, value: string | undefined) => {
                  if (!value || !value.trim()) return Promise.reject(new Error(t('member.rule.idNumber')));
                  const r = parseIdNumber(value);
                  if (r.ok) return Promise.resolve();
                  const m = ID_PROBLEM_MESSAGES[r.code];
                  return Promise.reject(new Error(lang === 'zh-CN' ? m.zh : m.en));
                },
              },
            ]}
          >
            <Input maxLength={40} style={{ fontFamily: 'monospace' }} data-testid="transfer-start-idNumber" />
          </Form.Item>
        )}
        {start?.kind === 'out' && (
          <Form.Item name="target" label={t('transfer.targetKind')}>
            <Radio.Group
              onChange={() => form.setFieldsValue({ toOrgId: undefined })}
              data-testid="transfer-start-target"
              options={[
                { value: 'union', label: t('transfer.target.union') },
                { value: 'territorial', label: t('transfer.target.territorial') },
              ]}
            />
          </Form.Item>
        )}
        <Form.Item
          name="toOrgId"
          label={start?.kind === 'in' ? t('transfer.receivingOwn') : t('transfer.receiving')}
          rules={[{ required: true, message: t('transfer.receivingRule') }]}
          extra={start?.kind === 'in' ? undefined : t('transfer.receivingHint')}
        >
          <UnionSelect source={start?.kind === 'in' ? 'scope' : target === 'territorial' ? 'territorial' : 'any'} data-testid="transfer-start-toOrg" />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('transfer.reason')}
          rules={[
            { required: true, whitespace: true, message: t('transfer.reasonRule') },
            { min: 2, message: t('transfer.reasonRule') },
            { max: 200, message: t('member.rule.max', { n: 200 }) },
          ]}
        >
          <Input.TextArea rows={3} maxLength={200} showCount placeholder={t('transfer.reasonPlaceholder')} data-testid="transfer-start-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
