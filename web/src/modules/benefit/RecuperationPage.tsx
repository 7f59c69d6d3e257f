import { useMemo, useState } from 'react';
import { Alert, Button, Card, Empty, InputNumber, Space, Table } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { benefitApi, type QuotaItemT } from '../../../../common/src/contracts/benefit';
import { call } from '../../api/client';
import { useAccess } from '../../app/auth-context';
import { useRequest } from '../../app/use-request';
import { useI18n } from '../../i18n';
import { FormModal, PageHeader, todayInChina } from '../../kit';

type Row = QuotaItemT & { children?: Row[] };
type Form = { mode: 'root' } | { mode: 'allocate'; parent: Row } | { mode: 'change'; row: Row };

/** The allocations as a tree: each under the allocation it was carved from (or at the top when that one is outside the scope). */
function tree(items: QuotaItemT[]): Row[] {
  const byId = new Map<string, Row>(items.map((q) => [q.id, { ...q }]));
  const roots: Row[] = [];
  for (const q of byId.values()) {
    const p = q.parentId ? byId.get(q.parentId) : undefined;
    if (p) (p.children ??= []).push(q);
    else roots.push(q);
  }
  return roots;
}

/** 疗休养名额: a year's places held by the unions in scope and passed down the tree, never more than the parent holds. */
export default function RecuperationPage() {
  const { t } = useI18n();
  const access = useAccess();
  const [year, setYear] = useState(Number(todayInChina().slice(0, 4)));
  const [form, setForm] = useState<Form | null>(null);
  const quotas = useRequest(() => call(benefitApi.quotas, { query: { year } }), [year]);
  const rows = useMemo(() => tree(quotas.data ?? []), [quotas.data]);
  const done = () => { setForm(null); quotas.reload(); };
  return (
    <>
      <PageHeader title={t('menu.recuperation')}
        extra={
          <Space>
            <span>{t('benefit.quota.year')}</span>
            <InputNumber min={2000} max={2100} value={year} onChange={(v) => v && setYear(v)} data-testid="quota-year" />
            {access.canWriteBenefit && <Button type="primary" icon={<PlusOutlined />} onClick={() => setForm({ mode: 'root' })} data-testid="quota-new">{t('benefit.quota.new')}</Button>}
          </Space>
        } />
      <Card>
        <Alert type="info" showIcon title={t('benefit.quota.hint')} style={{ marginBottom: 16 }} />
        <Table<Row> key={quotas.data ? `y${year}` : 'loading'} rowKey="id" size="small" pagination={false} loading={quotas.loading} dataSource={rows} data-testid="quota-table" expandable={{ defaultExpandAllRows: true }}
          locale={{ emptyText: <Empty description={t('benefit.quota.empty')} /> }}
          columns={[
            { title: t('benefit.quota.org'), dataIndex: 'orgName' },
            { title: t('benefit.quota.places'), dataIndex: 'places', width: 100, align: 'right' },
            { title: t('benefit.quota.allocated'), dataIndex: 'allocated', width: 120, align: 'right' },
            { title: t('benefit.quota.left'), key: 'left', width: 100, align: 'right', render: (_: unknown, q) => q.places - q.allocated },
            { title: t('benefit.quota.note'), dataIndex: 'note', ellipsis: true },
            {
              title: t('common.actions'), key: 'actions', width: 200,
              render: (_: unknown, q) => access.canWriteBenefit && q.canAllocate && (
                <Space>
                  <Button size="small" type="link" onClick={() => setForm({ mode: 'allocate', parent: q })} data-testid={`quota-allocate-${q.orgId}`}>{t('benefit.quota.allocate')}</Button>
                  <Button size="small" type="link" onClick={() => setForm({ mode: 'change', row: q })} data-testid={`quota-change-${q.orgId}`}>{t('benefit.quota.change')}</Button>
                </Space>
              ),
            },
          ]} />
      </Card>
      <FormModal<{ orgId: string; places: number; note?: string }>
        open={!!form && form.mode !== 'change'}
        testId="quota-form"
        title={t(form?.mode === 'allocate' ? 'benefit.quota.allocate' : 'benefit.quota.new')}
        onClose={() => setForm(null)}
        onSubmit={async (v) => { await call(benefitApi.createQuota, { body: { year, parentId: form?.mode === 'allocate' ? form.parent.id : null, ...v } }); done(); }}
        fields={[
          { name: 'orgId', label: 'benefit.quota.org', kind: 'org', required: true, span: 24 },
          { name: 'places', label: 'benefit.quota.places', kind: 'number', min: 0, max: 100_000, required: true },
          { name: 'note', label: 'benefit.quota.note', max: 200, span: 16 },
        ]} />
      <FormModal<{ places: number; note?: string }>
        open={form?.mode === 'change'}
        testId="quota-change-form"
        title={t('benefit.quota.change')}
        initialValues={form?.mode === 'change' ? { places: form.row.places, note: form.row.note ?? undefined } : undefined}
        onClose={() => setForm(null)}
        onSubmit={async (v) => { if (form?.mode === 'change') await call(benefitApi.updateQuota, { params: { id: form.row.id }, body: { ...v, version: form.row.version } }); done(); }}
        fields={[
          { name: 'places', label: 'benefit.quota.places', kind: 'number', min: 0, max: 100_000, required: true },
          { name: 'note', label: 'benefit.quota.note', max: 200, span: 16 },
        ]} />
    </>
  );
}
