import { useState } from 'react';
import { Button, Space, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { lawyerApi } from '../../../../common/src/contracts/legal-aid';
import { call } from '../../api/client';
import { useAccess } from '../../app/auth-context';
import { useI18n } from '../../i18n';
import { FormModal, ListPage, useRowActions, useVocab } from '../../kit';
import { DISPUTE_TYPE } from './vocab';

type Row = { id: string; orgId: string; orgName: string; name: string; firm: string; specialties: string[]; capacity: number; conflictUsccs: string[]; active: boolean; version: number };
type Values = { orgId: string; name: string; firm: string; specialties?: string[]; capacity?: number; conflictUsccs?: string; active?: boolean };

/** 援助律师名册: the lawyers, their specialisms, the employers they acted for (the conflict check), and their open, closed and hours. */
export default function LawyersPage() {
  const { t } = useI18n();
  const access = useAccess();
  const { label } = useVocab();
  const [editing, setEditing] = useState<Row | 'new' | null>(null);
  const row = useRowActions<Row>('lawyer', lawyerApi.history, setEditing, (r) => r.name, access.canManageLawyers);
  const [tick, setTick] = useState(0);
  return (
    <>
      <ListPage testId="lawyers" title="lawyer.title" endpoint={lawyerApi.list} reloadKey={tick}
        toolbar={access.canManageLawyers && <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="lawyer-new">{t('lawyer.new')}</Button>}
        filters={[access.canReadOrg && { name: 'under', label: 'dispute.filter.under', kind: 'org', span: 8 }]}
        columns={[
          { key: 'name', title: 'mediator.field.name', dataIndex: 'name', sort: 'name', width: 100 },
          { key: 'firm', title: 'lawyer.field.firm', dataIndex: 'firm', width: 180 },
          { key: 'org', title: 'mediator.field.orgId', dataIndex: 'orgName', width: 150 },
          { key: 'specialties', title: 'lawyer.field.specialties', dataIndex: 'specialties', render: (s: string[]) => (s.length ? <Space size={2} wrap>{s.map((x) => <Tag key={x}>{label(DISPUTE_TYPE, x)}</Tag>)}</Space> : t('mediator.all')) },
          { key: 'stats', title: 'lawyer.col.stats', dataIndex: 'open', width: 150, render: (_: number, l) => `${l.open}/${l.capacity} · ${l.closed} · ${l.hours} h` },
          { key: 'satisfaction', title: 'lawyer.col.satisfaction', dataIndex: 'satisfaction', width: 90, render: (v: number | null) => v ?? '—' },
          { key: 'conflicts', title: 'lawyer.field.conflicts', dataIndex: 'conflictUsccs', width: 120, render: (c: string[]) => c.length || '—' },
          row.listColumn,
        ]}
      />
      <FormModal<Values>
        open={!!editing}
        title={t(editing === 'new' ? 'lawyer.new' : 'lawyer.edit')}
        testId="lawyer-form"
        initialValues={editing && editing !== 'new' ? { ...editing, conflictUsccs: editing.conflictUsccs.join('\n') } : { capacity: 5, active: true, specialties: [] }}
        fields={[
          { name: 'orgId', label: 'mediator.field.orgId', kind: 'org', required: true, known: editing && editing !== 'new' ? { id: editing.orgId, name: editing.orgName } : null },
          { name: 'name', label: 'mediator.field.name', required: true, max: 40 },
          { name: 'firm', label: 'lawyer.field.firm', required: true, max: 100 },
          { name: 'specialties', label: 'lawyer.field.specialties', kind: 'multiselect', vocab: DISPUTE_TYPE },
          { name: 'capacity', label: 'lawyer.field.capacity', kind: 'number', min: 1, max: 100 },
          { name: 'conflictUsccs', label: 'lawyer.field.conflicts', kind: 'textarea' },
          { name: 'active', label: 'mediator.field.active', kind: 'switch' },
        ]}
        onClose={() => setEditing(null)}
        onSubmit={async (v) => {
          const body = {
            orgId: v.orgId, name: v.name, firm: v.firm, specialties: (v.specialties ?? []) as never, capacity: v.capacity ?? 5, active: v.active ?? true,
            conflictUsccs: (v.conflictUsccs ?? '').split(/[\s,，]+/).filter(Boolean),
          };
          return editing && editing !== 'new' ? call(lawyerApi.update, { params: { id: editing.id }, body: { ...body, version: editing.version } }) : call(lawyerApi.create, { body });
        }}
        aliases={{ conflictUsccs: 'conflictUsccs' }}
        onDone={() => { setEditing(null); setTick((x) => x + 1); }}
      />
      {row.drawer}
    </>
  );
}
