import { useState } from 'react';
import { Button, Space, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { mediatorApi } from '../../../../common/src/contracts/dispute';
import type { MediatorKind } from '../../../../common/src/dispute-vocab';
import { call } from '../../api/client';
import { useAccess } from '../../app/auth-context';
import { useI18n } from '../../i18n';
import { FormModal, ListPage, StatusTag, useRowActions, useVocab } from '../../kit';
import { DISPUTE_TYPE, MEDIATOR_KIND } from './vocab';

type Row = { id: string; orgId: string; orgName: string; name: string; kind: string; specialties: string[]; capacity: number; active: boolean; open: number; version: number };
type Values = { orgId: string; name: string; kind: MediatorKind; specialties?: string[]; capacity?: number; active?: boolean };

/** 调解员名册: the panels of the centres in scope with each mediator's open cases; assignment balances on these. */
export default function MediatorsPage() {
  const { t } = useI18n();
  const access = useAccess();
  const { label } = useVocab();
  const [editing, setEditing] = useState<Row | 'new' | null>(null);
  const row = useRowActions<Row>('mediator', mediatorApi.history, setEditing, (r) => r.name, access.canManageMediators);
  const [tick, setTick] = useState(0);
  return (
    <>
      <ListPage testId="mediators" title="mediator.title" endpoint={mediatorApi.list} reloadKey={tick} rowTestId={(m) => `mediator-row-${m.id}`}
        toolbar={access.canManageMediators && <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="mediator-new">{t('mediator.new')}</Button>}
        filters={[
          access.canReadOrg && { name: 'under', label: 'dispute.filter.under', kind: 'org', span: 8 },
          { name: 'kind', label: 'mediator.field.kind', kind: 'select', vocab: MEDIATOR_KIND, span: 6 },
        ]}
        columns={[
          { key: 'name', title: 'mediator.field.name', dataIndex: 'name', sort: 'name', width: 110 },
          { key: 'kind', title: 'mediator.field.kind', dataIndex: 'kind', width: 140, render: (k: string) => <StatusTag vocab={MEDIATOR_KIND} value={k} /> },
          { key: 'org', title: 'mediator.field.orgId', dataIndex: 'orgName', width: 160 },
          { key: 'specialties', title: 'mediator.field.specialties', dataIndex: 'specialties', render: (s: string[]) => (s.length ? <Space size={2} wrap>{s.map((x) => <Tag key={x}>{label(DISPUTE_TYPE, x)}</Tag>)}</Space> : t('mediator.all')) },
          { key: 'open', title: 'mediator.col.open', dataIndex: 'open', width: 110, align: 'right', render: (n: number, m) => `${n} / ${m.capacity}` },
          { key: 'active', title: 'mediator.field.active', dataIndex: 'active', width: 80, render: (a: boolean) => (a ? t('common.yes') : t('common.no')) },
          row.listColumn,
        ]}
      />
      <FormModal<Values>
        open={!!editing}
        title={t(editing === 'new' ? 'mediator.new' : 'mediator.edit')}
        testId="mediator-form"
        initialValues={editing && editing !== 'new' ? { ...editing, kind: editing.kind as MediatorKind } : { capacity: 10, active: true, specialties: [] }}
        fields={[
          { name: 'orgId', label: 'mediator.field.orgId', kind: 'org', required: true, levels: ['city', 'county', 'street', 'grassroots'], known: editing && editing !== 'new' ? { id: editing.orgId, name: editing.orgName } : null },
          { name: 'name', label: 'mediator.field.name', required: true, max: 40 },
          { name: 'kind', label: 'mediator.field.kind', kind: 'select', vocab: MEDIATOR_KIND, required: true },
          { name: 'specialties', label: 'mediator.field.specialties', kind: 'multiselect', vocab: DISPUTE_TYPE },
          { name: 'capacity', label: 'mediator.field.capacity', kind: 'number', min: 1, max: 200 },
          { name: 'active', label: 'mediator.field.active', kind: 'switch' },
        ]}
        onClose={() => setEditing(null)}
        onSubmit={async (v) => {
          const body = { orgId: v.orgId, name: v.name, kind: v.kind, specialties: (v.specialties ?? []) as never, capacity: v.capacity ?? 10, active: v.active ?? true };
          return editing && editing !== 'new'
            ? call(mediatorApi.update, { params: { id: editing.id }, body: { ...body, version: editing.version } })
            : call(mediatorApi.create, { body });
        }}
        onDone={() => { setEditing(null); setTick((x) => x + 1); }}
      />
      {row.drawer}
    </>
  );
}
