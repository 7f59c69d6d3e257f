import { useState } from 'react';
import { App, Card, Col, Descriptions, Empty, Input, Row, Space, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { rulesApi, type Rule } from '../../../../common/src/contracts/rules';
import { ApiError, call } from '../../api/client';
import { useRequest } from '../../app/use-request';
import { useApiError } from '../../app/use-api-error';
import { useI18n } from '../../i18n';
import { Actions, FormModal, PageHeader, todayInChina } from '../../kit';


type Version = Rule['versions'][number];

/** A value of a rule as people read it: lists joined, numbers as they are. */
function show(v: unknown): string {
  return Array.isArray(v) ? v.join('、') : typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v);
}

/**
 * 规则与依据: every rule with numbers the platform applies, the version in force with its source,
 * the earlier and future versions, and (for a city-wide administrator) a new version from a date.
 */
export default function RulesPage() {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const { showError } = useApiError();
  const { data, loading, reload } = useRequest(() => call(rulesApi.list), [], showError);
  const [editing, setEditing] = useState<Rule | null>(null);
  return (
    <div data-testid="rules-page">
      <PageHeader title={t('rules.title')} crumbs={[{ title: t('menu.system') }, { title: t('rules.title') }]} />
      <Typography.Paragraph type="secondary">{t('rules.intro')}</Typography.Paragraph>
      {!loading && !data?.length && <Empty />}
      <Row gutter={[16, 16]}>
        {data?.map((r) => (
          <Col span={24} key={r.key}>
            <Card
              size="small"
              title={pick(r)}
              extra={<Actions actions={[{ key: 'add', label: 'rules.addVersion', icon: <PlusOutlined />, show: r.canEdit, testId: `rules-add-${r.key}`, onClick: () => setEditing(r) }]} />}
              data-testid={`rule-${r.key}`}
            >
              <Descriptions size="small" bordered column={{ xs: 1, md: 2 }}
                items={Object.entries(r.fields).map(([k, label]) => ({
                  key: k,
                  label: pick(label),
                  children: <Space>{show((r.inForce.value as Record<string, unknown>)[k])}{r.inForce.weak.includes(k) && <Tag color="gold">{t('rules.weak')}</Tag>}</Space>,
                }))}
              />
              <Typography.Paragraph style={{ marginTop: 8, marginBottom: 8 }}>
                <Typography.Text type="secondary">{t('rules.source')}：</Typography.Text>{r.inForce.source}
              </Typography.Paragraph>
              <Table<Version>
                size="small"
                rowKey="effectiveFrom"
                pagination={false}
                dataSource={[...r.versions].reverse()}
                columns={[
                  { title: t('rules.effectiveFrom'), dataIndex: 'effectiveFrom', width: 120, render: (d: string, v) => <Space>{d}{v.effectiveFrom === r.inForce.effectiveFrom ? <Tag color="green">{t('rules.inForce')}</Tag> : d > todayInChina() ? <Tag color="blue">{t('rules.future')}</Tag> : null}</Space> },
                  { title: t('rules.value'), key: 'value', render: (_, v) => Object.entries(v.value as Record<string, unknown>).map(([k, x]) => `${pick(r.fields[k]) || k}：${show(x)}`).join('；') },
                  { title: t('rules.source'), dataIndex: 'source', ellipsis: true },
                  { title: t('rules.origin'), key: 'origin', width: 140, render: (_, v) => (v.origin === 'default' ? t('rules.origin.default') : `${t('rules.origin.entered')} · ${v.enteredBy ?? ''}`) },
                ]}
              />
            </Card>
          </Col>
        ))}
      </Row>
      <FormModal<{ effectiveFrom: string; value: string; source: string }>
        open={!!editing}
        testId="rule-form"
        title={editing ? t('rules.addVersionOf', { name: pick(editing) }) : ''}
        initialValues={editing ? { effectiveFrom: todayInChina(), value: JSON.stringify(editing.inForce.value, null, 2) } : undefined}
        onClose={() => setEditing(null)}
        onSubmit={async (v) => {
          let value: Record<string, unknown>;
          try {
            value = JSON.parse(v.value) as Record<string, unknown>;
          } catch {
            throw new ApiError(400, 'VALIDATION_FAILED', t('rules.badJson'), t('rules.badJson'), { fields: [{ path: 'body.value', message: t('rules.badJson') }] });
          }
          await call(rulesApi.addVersion, { params: { key: editing!.key }, body: { effectiveFrom: v.effectiveFrom, value, source: v.source } });
          void message.success(t('common.saved'));
          setEditing(null);
          reload();
        }}
        fields={[
          { name: 'effectiveFrom', label: 'rules.effectiveFrom', kind: 'date', required: true },
          { name: 'value', label: 'rules.value', kind: 'custom', required: true, extra: 'rules.valueHint', input: <Input.TextArea rows={6} style={{ fontFamily: 'monospace' }} data-testid="rule-form-value" /> },
          { name: 'source', label: 'rules.source', kind: 'textarea', required: true, max: 300, extra: 'rules.sourceHint' },
        ]}
      />
    </div>
  );
}
