import { useState } from 'react';
import { Alert, Button, Card, Empty, Form, Input, Modal, Select, Skeleton, Space, Tag, Typography } from 'antd';
import { call } from '../../api/client';
import { CHANGE_FIELD_LABELS, CHANGE_FIELDS, CHANGE_STATUS_LABELS, portalApi, type ChangeField } from '../../../../common/src/contracts/portal';
import { EDUCATION_LABELS, POLITICAL_STATUS_LABELS } from '../../../../common/src/member-vocab';
import { useApiError, useBusy } from '../../app/use-api-error';
import { useRequest } from '../../app/use-request';
import { useI18n } from '../../i18n';
import { useVocab } from '../../kit';
import { UnionFinder, type ChosenUnion } from '../join/UnionFinder';

const quiet = { quiet401: true } as const;
const STATUS_COLOR = { pending: 'processing', approved: 'success', rejected: 'error' } as const;
type Values = { field: ChangeField; value: string; note?: string };

/**
 * 我的 → 信息变更: ask the union to change my mobile, address, education … (docs/portal.md). A new
 * employer names the new employer's union (the join page's finder); approval opens the transfer.
 */
export function ChangeRequests() {
  const { t } = useI18n();
  const { label } = useVocab();
  const { showError } = useApiError();
  const [tick, setTick] = useState(0);
  const [open, setOpen] = useState(false);
  const [union, setUnion] = useState<ChosenUnion | null>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<Values>();
  const field = Form.useWatch('field', form);
  const { data, loading } = useRequest(() => call(portalApi.myChangeRequests, {}, quiet), [tick]);
  const vocab = field === 'education' ? EDUCATION_LABELS : field === 'politicalStatus' ? POLITICAL_STATUS_LABELS : null;
  const submit = async (v: Values) => {
    setBusy(true);
    try {
      await call(portalApi.requestChange, { body: { ...v, ...(v.field === 'employer' && union ? { toOrgId: union.id } : {}) } }, quiet);
      setOpen(false);
      form.resetFields();
      setUnion(null);
      setTick((x) => x + 1);
    } catch (e) {
      showError(e, { form });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card
      title={t('portal.change.title')}
      extra={!open && <Button type="link" onClick={() => setOpen(true)} data-testid="portal-change-new">{t('portal.change.new')}</Button>}
      data-testid="portal-changes"
      styles={{ body: { padding: '0 16px' } }}
    >
      {open && (
        <Form form={form} layout="vertical" size="large" onFinish={submit} requiredMark={false} style={{ paddingTop: 16 }} data-testid="portal-change-form">
          <Form.Item name="field" label={t('portal.change.field')} rules={[{ required: true }]}>
            <Select
              data-testid="portal-change-field"
              options={CHANGE_FIELDS.map((f) => ({ value: f, label: label(CHANGE_FIELD_LABELS, f) }))}
              onChange={() => form.setFieldValue('value', undefined)}
            />
          </Form.Item>
          <Form.Item name="value" label={t(field === 'employer' ? 'portal.change.employerName' : 'portal.change.value')} rules={[{ required: true }]}>
            {vocab ? (
              <Select data-testid="portal-change-value" options={Object.keys(vocab).map((k) => ({ value: k, label: label(vocab, k) }))} />
            ) : (
              <Input maxLength={200} inputMode={field === 'mobile' ? 'tel' : undefined} data-testid="portal-change-value" />
            )}
          </Form.Item>
          {field === 'employer' && (
            <Form.Item label={t('portal.change.newUnion')} extra={t('portal.change.transferHint')}>
              <UnionFinder value={union} onChange={setUnion} />
            </Form.Item>
          )}
          <Form.Item name="note" label={t('portal.change.note')}>
            <Input maxLength={200} data-testid="portal-change-note" />
          </Form.Item>
          <Space style={{ width: '100%', marginBottom: 16 }} orientation="vertical">
            <Button type="primary" htmlType="submit" block loading={busy} style={{ height: 48 }} data-testid="portal-change-submit">{t('portal.change.submit')}</Button>
            <Button block onClick={() => setOpen(false)}>{t('action.cancel')}</Button>
          </Space>
        </Form>
      )}
      {loading && !data && <Skeleton active />}
      {data && !data.length && !open && <Empty description={t('portal.change.none')} image={Empty.PRESENTED_IMAGE_SIMPLE} />}
      {data?.map((r) => (
        <div key={r.id} style={{ padding: '12px 0', borderTop: '1px solid #f0f0f0' }} data-testid={`portal-change-${r.field}`}>
          <Space wrap>
            <Typography.Text strong>{label(CHANGE_FIELD_LABELS, r.field)}</Typography.Text>
            <Tag color={STATUS_COLOR[r.status]}>{label(CHANGE_STATUS_LABELS, r.status)}</Tag>
          </Space>
          <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
            {r.valueMasked}{r.toUnionName && ` → ${r.toUnionName}`}{r.rejectReason && <><br />{r.rejectReason}</>}
          </Typography.Paragraph>
        </div>
      ))}
    </Card>
  );
}

/** 解除关联: the worker unlinks their account from the member record, after a confirmation. */
export function UnlinkButton({ onDone }: { onDone: () => void }) {
  const { t } = useI18n();
  const { busy, run } = useBusy();
  const [asking, setAsking] = useState(false);
  return (
    <>
      <Button block size="large" danger onClick={() => setAsking(true)} data-testid="portal-unlink">{t('portal.unlink.button')}</Button>
      <Modal
        open={asking}
        title={t('portal.unlink.button')}
        okText={t('portal.unlink.confirm')}
        okButtonProps={{ danger: true, loading: busy, ...{ 'data-testid': 'portal-unlink-confirm' } }}
        onCancel={() => setAsking(false)}
        onOk={() => run(() => call(portalApi.unlink, { body: { confirm: true } }, quiet), t('portal.unlink.done')).then((ok) => { setAsking(false); if (ok) onDone(); })}
      >
        <Alert type="warning" showIcon title={t('portal.unlink.warning')} />
        <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>{t('portal.unlink.hint')}</Typography.Paragraph>
      </Modal>
    </>
  );
}
