import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { Alert, Card, Empty, Form, Input, List, Result, Select, Skeleton, Tag, Typography } from 'antd';
import { honorPublicApi } from '../../../../common/src/contracts/honor';
import { call } from '../../api/client';
import { useRequest } from '../../app/use-request';
import { useI18n } from '../../i18n';
import { useVocab } from '../../kit';
import { PublicForm } from '../../kit/PublicForm';
import { PublicShell } from '../join/PublicShell';
import { HONOR_KINDS } from './vocab';

type Values = { nominationId: string; content: string; name?: string; contact?: string };

/** 公示 (no sign-in): the nominees with employer, post and deeds; anyone may object while the period runs. */
export function PublicNoticePage() {
  const { id } = useParams<{ id: string }>();
  const { t } = useI18n();
  const { label } = useVocab();
  const [form] = Form.useForm<Values>();
  const [receipt, setReceipt] = useState<string | null>(null);
  const { data, loading, error } = useRequest(() => call(honorPublicApi.notice, { params: { id: id! } }), [id]);
  return (
    <PublicShell title={t('notice.title')} testId="public-notice">
      {loading && !data && <Skeleton active />}
      {!!error && !data && <Result status="404" title={t('notice.none')} />}
      {data && (
        <>
          <Card size="small" style={{ marginBottom: 12 }}>
            <Typography.Title level={4} style={{ marginTop: 0 }} data-testid="public-notice-title">{data.title}</Typography.Title>
            <Typography.Paragraph type="secondary" style={{ marginBottom: 4 }}>{data.orgName}</Typography.Paragraph>
            <Typography.Paragraph strong data-testid="public-notice-period">{t('notice.period', { from: data.noticeFrom, to: data.noticeTo })}</Typography.Paragraph>
            <Typography.Paragraph style={{ marginBottom: 0 }}>{t('notice.intro')}</Typography.Paragraph>
          </Card>
          <List
            data-testid="public-notice-nominees"
            dataSource={data.nominees}
            renderItem={(n) => (
              <Card size="small" style={{ marginBottom: 8 }} data-testid={`public-nominee-${n.name}`}>
                <Typography.Text strong style={{ fontSize: 16 }}>{n.name}</Typography.Text> <Tag color="red">{label(HONOR_KINDS, n.kind)}</Tag>
                <div><Typography.Text type="secondary">{n.employer}{n.post ? ` · ${n.post}` : ''}</Typography.Text></div>
                <Typography.Paragraph style={{ marginTop: 8, marginBottom: 0, whiteSpace: 'pre-wrap' }}>{n.deeds}</Typography.Paragraph>
              </Card>
            )}
          />
          <Card size="small" title={t('notice.object')} style={{ marginTop: 12 }}>
            {!data.open && <Alert type="info" showIcon title={t('notice.closed')} data-testid="public-notice-closed" />}
            {data.open && receipt && <Alert type="success" showIcon title={t('notice.object.done', { no: receipt })} data-testid="public-objection-done" />}
            {data.open && !receipt && (
              <PublicForm<Values> form={form} testId="public-objection" submitText={t('notice.object.submit')}
                onSubmit={async (v) => { const r = await call(honorPublicApi.object, { params: { id: data.id }, body: v }); setReceipt(r.receiptNo); }}>
                <Form.Item name="nominationId" label={t('notice.object.nominee')} rules={[{ required: true }]}>
                  <Select data-testid="public-objection-nominee" options={data.nominees.map((n) => ({ value: n.id, label: `${n.name}（${n.employer}）` }))} />
                </Form.Item>
                <Form.Item name="content" label={t('notice.object.content')} rules={[{ required: true, min: 10 }]}>
                  <Input.TextArea rows={4} maxLength={4000} data-testid="public-objection-content" />
                </Form.Item>
                <Form.Item name="name" label={t('notice.object.name')}><Input maxLength={40} data-testid="public-objection-name" /></Form.Item>
                <Form.Item name="contact" label={t('notice.object.contact')}><Input maxLength={60} data-testid="public-objection-contact" /></Form.Item>
              </PublicForm>
            )}
          </Card>
        </>
      )}
    </PublicShell>
  );
}

/** The notices open now (no sign-in). */
export function PublicNoticesPage() {
  const { t } = useI18n();
  const { data, loading } = useRequest(() => call(honorPublicApi.notices), []);
  return (
    <PublicShell title={t('notice.title')} testId="public-notices">
      {loading && !data && <Skeleton active />}
      {data && !data.length && <Empty description={t('notice.none')} />}
      {data?.map((n) => (
        <Card key={n.id} size="small" style={{ marginBottom: 8 }}>
          <Link to={`/notices/${n.id}`} data-testid={`public-notice-link-${n.id}`}>{n.title}</Link>
          <div><Typography.Text type="secondary">{n.orgName} · {t('notice.period', { from: n.noticeFrom, to: n.noticeTo })}</Typography.Text></div>
        </Card>
      ))}
    </PublicShell>
  );
}
