import { useState } from 'react';
import { Alert, Button, Card, Empty, Form, Input, List, Select, Space, Tag, Typography, Upload } from 'antd';
import { call } from '../../api/client';
import { portalMutualAidApi, type ClaimInput, type WorkerMutualAidT } from '../../../../common/src/contracts/mutual-aid';
import { useApiError, useBusy } from '../../app/use-api-error';
import { useRequest } from '../../app/use-request';
import { useI18n } from '../../i18n';
import { DatePicker, MoneyInput, fileToBase64, useVocab, yuan } from '../../kit';
import { BENEFIT_LABELS, CLAIM_STATUS_LABELS } from './vocab';

const quiet = { quiet401: true } as const;
type Cover = WorkerMutualAidT['covers'][number];
type FormValues = Omit<ClaimInput, 'assessedOn'> & { assessedOn?: string | null; file?: { originFileObj?: File }[] };

/** 我的 · 职工互助保障: the worker's cover, their claims, and a claim form (a phone page, docs/mutual-aid.md). */
export function PortalMutualAid() {
  const { t } = useI18n();
  const { label } = useVocab();
  const [tick, setTick] = useState(0);
  const [filing, setFiling] = useState(false);
  const { data } = useRequest(() => call(portalMutualAidApi.mine, {}, quiet), [tick]);
  if (!data?.linked) return null;
  return (
    <Card title={t('mutualAid.portal.title')} data-testid="portal-mutual-aid" styles={{ body: { paddingTop: 8 } }}>
      {data.covers.length === 0 && <Typography.Paragraph type="secondary">{t('mutualAid.portal.none')}</Typography.Paragraph>}
      <Space orientation="vertical" style={{ width: '100%' }}>
        {data.covers.map((c) => (
          <div key={c.enrolmentId} data-testid="portal-mutual-aid-cover">
            <Space wrap>
              <Typography.Text strong>{c.planName}</Typography.Text>
              <Tag color={c.active ? 'green' : 'default'}>{t(c.active ? 'mutualAid.portal.active' : 'mutualAid.portal.ended')}</Tag>
            </Space>
            <div>{t('mutualAid.portal.cover', { from: c.coverFrom, to: c.coverTo })}</div>
          </div>
        ))}
      </Space>
      {data.covers.length > 0 &&
        (filing ? (
          <ClaimForm covers={data.covers} onDone={() => { setFiling(false); setTick((x) => x + 1); }} onCancel={() => setFiling(false)} />
        ) : (
          <Button type="primary" block size="large" style={{ marginTop: 12, height: 48 }} onClick={() => setFiling(true)} data-testid="portal-mutual-aid-file">
            {t('mutualAid.portal.file')}
          </Button>
        ))}
      <Typography.Title level={5} style={{ marginTop: 16 }}>{t('mutualAid.portal.claims')}</Typography.Title>
      <List
        dataSource={data.claims}
        locale={{ emptyText: <Empty description={t('mutualAid.portal.noClaims')} image={Empty.PRESENTED_IMAGE_SIMPLE} /> }}
        renderItem={(k) => (
          <List.Item data-testid="portal-mutual-aid-claim">
            <List.Item.Meta
              title={<Space wrap>{label(BENEFIT_LABELS, k.benefit)}<Tag color={CLAIM_STATUS_LABELS[k.status as keyof typeof CLAIM_STATUS_LABELS]?.color}>{label(CLAIM_STATUS_LABELS, k.status)}</Tag></Space>}
              description={
                <>
                  {k.claimNo} · {k.planName}
                  <div>{k.eventOn} · {yuan(k.amountFen)}{k.approvedFen !== null && ` → ${yuan(k.approvedFen)}`}{k.paidOn && ` · ${k.paidOn}`}</div>
                  {k.reason && <div>{k.reason}</div>}
                </>
              }
            />
          </List.Item>
        )}
      />
    </Card>
  );
}

function ClaimForm({ covers, onDone, onCancel }: { covers: Cover[]; onDone: () => void; onCancel: () => void }) {
  const { t } = useI18n();
  const { options } = useVocab();
  const { errorText } = useApiError();
  const { busy, run } = useBusy();
  const [error, setError] = useState<string | null>(null);
  const [form] = Form.useForm<FormValues>();
  const enrolmentId = Form.useWatch('enrolmentId', form) ?? covers[0]!.enrolmentId;
  const benefit = Form.useWatch('benefit', form);
  const cover = covers.find((c) => c.enrolmentId === enrolmentId) ?? covers[0]!;
  const submit = async ({ file, ...v }: FormValues) => {
    setError(null);
    const f = file?.[0]?.originFileObj;
    const body = { ...v, assessedOn: v.assessedOn ?? null, ...(f ? { document: { kind: 'diagnosis' as const, fileName: f.name, data: await fileToBase64(f) } } : {}) };
    const ok = await run(() => call(portalMutualAidApi.file, { body }, quiet).catch((e: unknown) => { setError(errorText(e)); throw e; }), t('mutualAid.portal.filed'));
    if (ok) onDone();
  };
  return (
    <Form form={form} layout="vertical" size="large" onFinish={submit} requiredMark={false} initialValues={{ enrolmentId: cover.enrolmentId }} style={{ marginTop: 12 }} data-testid="portal-mutual-aid-form">
      <Alert type="info" showIcon title={t('mutualAid.portal.rule')} style={{ marginBottom: 12 }} />
      <Form.Item name="enrolmentId" label={t('mutualAid.field.plan')} rules={[{ required: true }]}>
        <Select options={covers.map((c) => ({ value: c.enrolmentId, label: `${c.planName}（${c.coverFrom}～${c.coverTo}）` }))} data-testid="portal-mutual-aid-plan" />
      </Form.Item>
      <Form.Item name="benefit" label={t('mutualAid.field.benefit')} rules={[{ required: true }]}>
        <Select options={options(BENEFIT_LABELS, cover.benefits)} data-testid="portal-mutual-aid-benefit" />
      </Form.Item>
      <Form.Item name="eventOn" label={t('mutualAid.field.eventOn')} rules={[{ required: true }]}>
        <DatePicker noFuture data-testid="portal-mutual-aid-event" />
      </Form.Item>
      {benefit === 'disability' && (
        <Form.Item name="assessedOn" label={t('mutualAid.field.assessedOn')} rules={[{ required: true }]}>
          <DatePicker noFuture data-testid="portal-mutual-aid-assessed" />
        </Form.Item>
      )}
      <Form.Item name="amountFen" label={t('mutualAid.field.amount')} rules={[{ required: true }]}>
        <MoneyInput style={{ width: '100%' }} data-testid="portal-mutual-aid-amount" />
      </Form.Item>
      <Form.Item name="description" label={t('mutualAid.field.description')} rules={[{ required: true }]}>
        <Input.TextArea rows={3} maxLength={1000} data-testid="portal-mutual-aid-description" />
      </Form.Item>
      <Form.Item name="file" label={t('mutualAid.field.document')} valuePropName="fileList" getValueFromEvent={(e: { fileList: unknown[] }) => e.fileList.slice(-1)}>
        <Upload beforeUpload={() => false} maxCount={1} accept=".pdf,.jpg,.jpeg,.png">
          <Button block data-testid="portal-mutual-aid-upload">{t('mutualAid.field.document')}</Button>
        </Upload>
      </Form.Item>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="portal-mutual-aid-error" />}
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Button type="primary" htmlType="submit" block loading={busy} style={{ height: 48 }} data-testid="portal-mutual-aid-submit">{t('mutualAid.portal.file')}</Button>
        <Button block onClick={onCancel}>{t('action.cancel')}</Button>
      </Space>
    </Form>
  );
}
