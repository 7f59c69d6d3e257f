import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { App, Button, Card, Col, Empty, Form, Input, InputNumber, Row, Space, Table, Tag, Tooltip, Typography, Upload } from 'antd';
import { CheckOutlined, FileSearchOutlined, UploadOutlined } from '@ant-design/icons';
import type { z } from 'zod';
import { planApi, type Extracted, type ExtractedItem } from '../../../../common/src/contracts/plan';
import { isLiveMetric, KPI_METRICS } from '../../../../common/src/plan-vocab';
import { call } from '../../api/client';
import { useApiError } from '../../app/use-api-error';
import { useAuth } from '../../app/auth-context';
import { useI18n } from '../../i18n';
import { fileToBase64, OrgPicker, PageHeader } from '../../kit';

type Item = z.infer<typeof ExtractedItem> & { key: string; section: string; chosen: boolean; kpiTarget?: number | null };
const KIND_COLOR = { directive: 'default', target: 'blue', campaign: 'purple' } as const;

/**
 * 从讲话稿生成计划: paste or upload a speech, read it (offline), review the proposed items — choose,
 * edit the wording, set a KPI's target — and accept them as a plan whose tasks run on 13710.
 */
export default function PlanNewPage() {
  const { t, pick } = useI18n();
  const { me } = useAuth();
  const { modal, message } = App.useApp();
  const { showError } = useApiError();
  const navigate = useNavigate();
  const [text, setText] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [items, setItems] = useState<Item[] | null>(null);
  const [sections, setSections] = useState(0);
  const [form] = Form.useForm<{ title: string; year: number; orgId: string }>();

  const read = async () => {
    setBusy(true);
    try {
      const body = file ? { fileName: file.name, data: await fileToBase64(file) } : { text };
      const p: z.infer<typeof Extracted> = await call(planApi.extract, { body });
      setSections(p.sections.length);
      setItems(p.sections.flatMap((s, si) => s.items.map((it, ii) => ({ ...it, key: `${si}-${ii}`, section: `${s.no}、${s.heading}`, chosen: it.kind !== 'directive' || it.modules.length > 0, kpiTarget: it.quantity?.value ?? null }))));
      if (p.title && !form.getFieldValue('title')) form.setFieldValue('title', p.title);
    } catch (e) {
      showError(e);
    } finally {
      setBusy(false);
    }
  };
  const update = (key: string, patch: Partial<Item>) => setItems((xs) => xs && xs.map((x) => (x.key === key ? { ...x, ...patch } : x)));
  const chosen = items?.filter((x) => x.chosen) ?? [];

  const accept = async () => {
    const v = await form.validateFields();
    if (!chosen.length) return void message.warning(t('plan.accept.none'));
    modal.confirm({
      title: t('plan.accept'),
      content: t('plan.accept.confirm', { n: chosen.length }),
      okButtonProps: { 'data-testid': 'plan-accept-ok' } as never,
      onOk: async () => {
        try {
          const plan = await call(planApi.create, {
            body: {
              ...v,
              source: file?.name ?? null,
              tasks: chosen.map((x) => {
                const live = x.kpi && isLiveMetric(x.kpi.metric) ? x.kpi.metric : null;
                return { section: x.section, title: x.text, kind: x.kind, modules: x.modules, triggers: x.triggers, major: x.kind === 'campaign', kpiMetric: live, kpiTarget: live ? (x.kpiTarget ?? null) : null };
              }),
            },
          });
          navigate(`/plans/${plan.id}`);
        } catch (e) {
          showError(e);
        }
      },
    });
  };

  return (
    <div data-testid="plan-new-page">
      <PageHeader title={t('plan.extract.title')} crumbs={[{ title: t('menu.plans'), path: '/plans' }, { title: t('plan.extract.title') }]} />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Typography.Paragraph type="secondary">{t('plan.extract.intro')}</Typography.Paragraph>
        <Form form={form} layout="vertical" initialValues={{ year: new Date().getFullYear(), orgId: me?.user.orgId }}>
          <Row gutter={16}>
            <Col xs={24} md={10}>
              <Form.Item name="title" label={t('plan.form.title')} rules={[{ required: true, message: t('plan.form.title') }]}>
                <Input maxLength={200} data-testid="plan-new-title" />
              </Form.Item>
            </Col>
            <Col xs={12} md={4}>
              <Form.Item name="year" label={t('plan.form.year')} rules={[{ required: true }]}>
                <InputNumber min={2000} max={2100} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={24} md={10}>
              <Form.Item name="orgId" label={t('plan.form.org')} rules={[{ required: true }]}>
                <OrgPicker known={me ? { id: me.user.orgId, name: me.user.orgName } : null} />
              </Form.Item>
            </Col>
          </Row>
        </Form>
        <Input.TextArea rows={8} value={text} onChange={(e) => setText(e.target.value)} placeholder={t('plan.extract.text')} disabled={!!file} data-testid="plan-new-text" />
        <Space style={{ marginTop: 12 }}>
          <Upload accept=".txt,.docx" maxCount={1} beforeUpload={(f) => (setFile(f), false)} onRemove={() => setFile(null)} fileList={file ? [{ uid: '1', name: file.name, status: 'done' }] : []}>
            <Button icon={<UploadOutlined />}>{t('plan.extract.upload')}</Button>
          </Upload>
          <Button type="primary" icon={<FileSearchOutlined />} loading={busy} onClick={read} disabled={!file && !text.trim()} data-testid="plan-new-read">
            {t('plan.extract.run')}
          </Button>
        </Space>
      </Card>
      <Card
        size="small"
        title={items ? t('plan.extract.found', { sections, items: items.length, chosen: chosen.length }) : undefined}
        extra={items && <Button type="primary" icon={<CheckOutlined />} onClick={accept} data-testid="plan-new-accept">{t('plan.accept')}</Button>}
      >
        {!items ? (
          <Empty description={t('plan.extract.empty')} />
        ) : (
          <Table<Item>
            size="small"
            rowKey="key"
            data-testid="plan-new-items"
            dataSource={items}
            pagination={{ pageSize: 50, hideOnSinglePage: true }}
            rowSelection={{ selectedRowKeys: chosen.map((x) => x.key), onChange: (keys) => setItems((xs) => xs && xs.map((x) => ({ ...x, chosen: keys.includes(x.key) }))) }}
            columns={[
              { key: 'section', title: t('task.field.section'), dataIndex: 'section', width: 180, ellipsis: true },
              { key: 'kind', title: '', dataIndex: 'kind', width: 90, render: (k: Item['kind']) => <Tag color={KIND_COLOR[k]}>{t(`plan.extract.kind.${k}`)}</Tag> },
              { key: 'text', title: t('task.col.title'), dataIndex: 'text', render: (v: string, x) => <Input.TextArea autoSize={{ maxRows: 4 }} value={v} maxLength={500} onChange={(e) => update(x.key, { text: e.target.value })} /> },
              {
                key: 'modules', title: t('task.field.modules'), dataIndex: 'modules', width: 200,
                render: (_: unknown, x) => x.triggers.map((g) => <Tooltip key={g.module} title={t('plan.extract.trigger', { phrase: g.phrase })}><Tag>{g.module}</Tag></Tooltip>),
              },
              {
                key: 'kpi', title: t('task.kpi'), dataIndex: 'kpi', width: 240,
                render: (_: unknown, x) => {
                  if (!x.kpi) return x.deadline ? <Tag>{x.deadline}</Tag> : null;
                  if (!isLiveMetric(x.kpi.metric)) return <Typography.Text type="secondary">{t('plan.extract.noLive')}</Typography.Text>;
                  const m = KPI_METRICS[x.kpi.metric];
                  return (
                    <Space direction="vertical" size={2}>
                      <Tooltip title={t('plan.extract.trigger', { phrase: x.kpi.phrase })}><span>{pick(m)}</span></Tooltip>
                      <InputNumber size="small" min={0} value={x.kpiTarget ?? undefined} placeholder={x.quantity?.placeholder ? t('plan.extract.placeholder') : t('task.kpi.target')} addonAfter={m.unit} onChange={(n) => update(x.key, { kpiTarget: n ?? null })} />
                    </Space>
                  );
                },
              },
            ]}
          />
        )}
      </Card>
    </div>
  );
}
