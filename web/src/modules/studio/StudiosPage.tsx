import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { Button, Card, Space, Table } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { studioApi, type StudioInput } from '../../../../common/src/contracts/studio';
import { call } from '../../api/client';
import { useAccess } from '../../app/auth-context';
import { useRequest } from '../../app/use-request';
import { useI18n } from '../../i18n';
import { FormModal, ListPage, StatusTag, useVocab, yuan } from '../../kit';
import { LEVELS } from '../honor/vocab';
import { ALLIANCE_KINDS, SECTORS, STUDIO_KINDS } from '../competition/vocab';

/** 创新工作室: studios in scope, the alliances in reach. */
export default function StudiosPage() {
  const { t } = useI18n();
  const { label } = useVocab();
  const access = useAccess();
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  const [newAlliance, setNewAlliance] = useState(false);
  const alliances = useRequest(() => call(studioApi.alliances), []);
  const allianceOptions = (alliances.data ?? []).map((a) => ({ value: a.id, label: a.name }));
  return (
    <>
      <ListPage testId="studios" title="menu.studios"
        crumbs={[{ title: t('menu.achievement') }, { title: t('menu.studios') }]}
        endpoint={studioApi.list}
        rowTestId={(s) => `studio-row-${s.id}`}
        filters={[
          { name: 'q', label: 'studio.name' },
          { name: 'kind', label: 'studio.kind', kind: 'select', vocab: STUDIO_KINDS },
          { name: 'sector', label: 'studio.sector', kind: 'select', vocab: SECTORS },
          { name: 'allianceId', label: 'studio.alliance', kind: 'select', options: allianceOptions },
          { name: 'under', label: 'studio.org', kind: 'org' },
        ]}
        toolbar={access.canWriteStudio && (
          <Space>
            <Button onClick={() => setNewAlliance(true)} data-testid="studio-alliance-new">{t('studio.alliance.new')}</Button>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="studio-new">{t('studio.new')}</Button>
          </Space>
        )}
        columns={[
          { key: 'name', title: 'studio.name', dataIndex: 'name', sort: 'name', fixedShown: true, render: (v: string, s) => <Link to={`/studios/${s.id}`}>{v}</Link> },
          { key: 'kind', title: 'studio.kind', dataIndex: 'kind', width: 170, render: (k: string) => <StatusTag vocab={STUDIO_KINDS} value={k} /> },
          { key: 'leader', title: 'studio.leader', dataIndex: 'leaderName', width: 100 },
          { key: 'sector', title: 'studio.sector', dataIndex: 'sector', width: 120, render: (k: string) => label(SECTORS, k) },
          { key: 'alliance', title: 'studio.alliance', dataIndex: 'allianceName', width: 220, ellipsis: true },
          { key: 'org', title: 'studio.org', dataIndex: 'orgName', width: 200, ellipsis: true },
          { key: 'results', title: 'studio.results', dataIndex: 'results', width: 70, align: 'right' },
          { key: 'savings', title: 'studio.savings', dataIndex: 'savingsFen', width: 140, align: 'right', render: (f: number) => yuan(f) },
        ]}
      />
      <Card size="small" title={t('studio.dash.alliances')} style={{ marginTop: 16 }}>
        <Table rowKey="id" size="small" pagination={false} dataSource={alliances.data ?? []} data-testid="studio-alliances"
          columns={[
            { title: t('studio.alliance.name'), dataIndex: 'name' },
            { title: t('studio.alliance.kind'), dataIndex: 'kind', width: 120, render: (k: string) => label(ALLIANCE_KINDS, k) },
            { title: t('studio.alliance.org'), dataIndex: 'orgName', width: 200 },
            { title: t('studio.alliance.studios'), dataIndex: 'studios', width: 100, align: 'right', render: (n: number, a) => <Link to={`/studios?allianceId=${a.id}`}>{n}</Link> },
          ]} />
      </Card>
      <FormModal<StudioInput>
        open={creating}
        testId="studio-form"
        title={t('studio.new')}
        initialValues={{ kind: 'model_worker', level: 'city', sector: 'manufacturing' }}
        onClose={() => setCreating(false)}
        onSubmit={async (v) => { const r = await call(studioApi.create, { body: v }); setCreating(false); navigate(`/studios/${r.id}`); }}
        fields={[
          { name: 'orgId', label: 'studio.org', kind: 'org', required: true, span: 12 },
          { name: 'name', label: 'studio.name', required: true, max: 120, span: 12 },
          { name: 'kind', label: 'studio.kind', kind: 'select', vocab: STUDIO_KINDS, required: true },
          { name: 'level', label: 'studio.level', kind: 'select', vocab: LEVELS, required: true },
          { name: 'sector', label: 'studio.sector', kind: 'select', vocab: SECTORS, required: true },
          { name: 'leaderName', label: 'studio.leader', required: true, max: 60 },
          { name: 'allianceId', label: 'studio.alliance', kind: 'select', options: allianceOptions },
          { name: 'foundedOn', label: 'studio.foundedOn', kind: 'date', required: true, noFuture: true },
        ]}
      />
      <FormModal<{ orgId: string; name: string; kind: 'cross_region' | 'cross_sector' | 'cross_employer'; foundedOn: string }>
        open={newAlliance}
        testId="studio-alliance-form"
        title={t('studio.alliance.new')}
        initialValues={{ kind: 'cross_employer' }}
        onClose={() => setNewAlliance(false)}
        onSubmit={async (v) => { await call(studioApi.createAlliance, { body: v }); setNewAlliance(false); alliances.reload(); }}
        fields={[
          { name: 'orgId', label: 'studio.alliance.org', kind: 'org', required: true, span: 12 },
          { name: 'name', label: 'studio.alliance.name', required: true, max: 120, span: 12 },
          { name: 'kind', label: 'studio.alliance.kind', kind: 'select', vocab: ALLIANCE_KINDS, required: true },
          { name: 'foundedOn', label: 'studio.foundedOn', kind: 'date', required: true, noFuture: true },
        ]}
      />
    </>
  );
}
