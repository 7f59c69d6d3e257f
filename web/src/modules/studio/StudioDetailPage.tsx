import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { Card, Table } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { studioApi, type StudioDetail } from '../../../../common/src/contracts/studio';
import { call } from '../../api/client';
import { useI18n } from '../../i18n';
import { Actions, DetailPage, Fields, FormModal, StatusTag, todayInChina, useVocab, yuan } from '../../kit';
import { LEVELS } from '../honor/vocab';
import { GRADES, RESULT_KINDS, SECTORS, STUDIO_KINDS } from '../competition/vocab';

type ResultValues = { kind: 'patent' | 'process' | 'saving' | 'award' | 'exchange'; title: string; onDate: string; savingsFen?: number; note?: string | null };
type EvalValues = { year: number; grade: 'excellent' | 'good' | 'pass' | 'fail'; fundingFen?: number; note?: string | null };

/** 工作室详情: leader and members, alliance, results (patents, improvements, savings, awards, exchanges) and the yearly evaluations. */
export default function StudioDetailPage() {
  const { id } = useParams<{ id: string }>();
  const { t } = useI18n();
  const { label } = useVocab();
  const [form, setForm] = useState<'result' | 'eval' | null>(null);
  return (
    <DetailPage<StudioDetail> testId="studio" get={studioApi.get} title={(s) => s.name}
      tags={(s) => <StatusTag vocab={STUDIO_KINDS} value={s.kind} />}
      actions={(s, reload) => (
        <>
          <Actions actions={[
            { key: 'result', label: 'studio.result.new', icon: <PlusOutlined />, primary: true, show: s.can.edit, testId: 'studio-result-new', onClick: () => setForm('result') },
            { key: 'eval', label: 'studio.eval.new', show: s.can.edit, testId: 'studio-eval-new', onClick: () => setForm('eval') },
          ]} />
          <FormModal<ResultValues>
            open={form === 'result'} testId="studio-result-form" title={t('studio.result.new')} initialValues={{ kind: 'process', onDate: todayInChina() }} onClose={() => setForm(null)}
            onSubmit={async (v) => { await call(studioApi.addResult, { params: { id: s.id }, body: v }); setForm(null); reload(); }}
            fields={[
              { name: 'kind', label: 'studio.result.kind', kind: 'select', vocab: RESULT_KINDS, required: true },
              { name: 'title', label: 'studio.result.title', required: true, max: 200, span: 16 },
              { name: 'onDate', label: 'studio.result.on', kind: 'date', required: true, noFuture: true },
              { name: 'savingsFen', label: 'studio.result.savings', kind: 'money' },
              { name: 'note', label: 'studio.result.note', kind: 'textarea', max: 1000, span: 24 },
            ]} />
          <FormModal<EvalValues>
            open={form === 'eval'} testId="studio-eval-form" title={t('studio.eval.new')} initialValues={{ year: Number(todayInChina().slice(0, 4)), grade: 'good' }} onClose={() => setForm(null)}
            onSubmit={async (v) => { await call(studioApi.evaluate, { params: { id: s.id }, body: v }); setForm(null); reload(); }}
            fields={[
              { name: 'year', label: 'studio.eval.year', kind: 'number', min: 2000, max: 2100, required: true },
              { name: 'grade', label: 'studio.eval.grade', kind: 'select', vocab: GRADES, required: true },
              { name: 'fundingFen', label: 'studio.eval.funding', kind: 'money' },
              { name: 'note', label: 'studio.result.note', kind: 'textarea', max: 1000, span: 24 },
            ]} />
        </>
      )}
      body={(s) => (
        <>
          <Card size="small">
            <Fields items={[
              { label: 'studio.org', value: s.orgName },
              { label: 'studio.level', value: label(LEVELS, s.level) },
              { label: 'studio.sector', value: label(SECTORS, s.sector) },
              { label: 'studio.leader', value: s.leaderRecordId ? <Link to={`/honors/records/${s.leaderRecordId}`}>{s.leaderName}</Link> : s.leaderName },
              { label: 'studio.alliance', value: s.allianceName },
              { label: 'studio.foundedOn', value: s.foundedOn },
              { label: 'studio.members', value: s.members.map((m) => (m.post ? `${m.name}（${m.post}）` : m.name)).join('、'), span: 2 },
              { label: 'studio.savings', value: yuan(s.savingsFen) },
            ]} />
          </Card>
          <Card size="small" title={t('studio.results')} style={{ marginTop: 16 }}>
            <Table rowKey="id" size="small" dataSource={s.results} data-testid="studio-results" pagination={{ pageSize: 20 }}
              columns={[
                { title: t('studio.result.on'), dataIndex: 'onDate', width: 110 },
                { title: t('studio.result.kind'), dataIndex: 'kind', width: 110, render: (k: string) => label(RESULT_KINDS, k) },
                { title: t('studio.result.title'), dataIndex: 'title' },
                { title: t('studio.result.savings'), dataIndex: 'savingsFen', width: 140, align: 'right', render: (f: number) => (f ? yuan(f) : '—') },
              ]} />
          </Card>
          <Card size="small" title={t('studio.eval.title')} style={{ marginTop: 16 }}>
            <Table rowKey="id" size="small" pagination={false} dataSource={s.evaluations} data-testid="studio-evaluations"
              columns={[
                { title: t('studio.eval.year'), dataIndex: 'year', width: 80 },
                { title: t('studio.eval.grade'), dataIndex: 'grade', width: 100, render: (g: string) => <StatusTag vocab={GRADES} value={g} /> },
                { title: t('studio.eval.funding'), dataIndex: 'fundingFen', width: 140, align: 'right', render: (f: number) => yuan(f) },
                { title: t('studio.result.note'), dataIndex: 'note' },
              ]} />
          </Card>
        </>
      )}
      history={{ endpoint: studioApi.history, id: id! }}
    />
  );
}
