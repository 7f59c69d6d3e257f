import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { Alert, Button, Card, Space, Table, Tag, Typography } from 'antd';
import { honorApi, type NominationDetail } from '../../../../common/src/contracts/honor';
import { NOMINATION_FLOW } from '../../../../common/src/honor-workflow';
import { call } from '../../api/client';
import { useApiError } from '../../app/use-api-error';
import { useI18n } from '../../i18n';
import { Actions, DetailPage, Fields, FormModal, StatusTag, todayInChina, useVocab, WorkflowSteps, type Action } from '../../kit';
import { AGENCIES, CATEGORIES, CLEARANCE, HONOR_KINDS, NOMINATION_STATUS, OBJECTION_FINDING, OBJECTION_STATUS, OCCUPATIONS, RECOMMEND_METHODS } from './vocab';

type Act = 'endorse' | 'review' | 'approve' | 'reject' | 'withdraw';

function Body({ n, reload }: { n: NominationDetail; reload: () => void }) {
  const { t, pick } = useI18n();
  const { label } = useVocab();
  const [agency, setAgency] = useState<string | null>(null);
  return (
    <>
      <Card size="small" style={{ marginBottom: 16 }}><WorkflowSteps machine={NOMINATION_FLOW} status={n.status} testId="honor-nom-steps" /></Card>
      {n.blockers.length > 0 && (
        <Alert type="warning" showIcon style={{ marginBottom: 16 }} data-testid="honor-nom-blockers" title={t('honor.nom.blockers')}
          description={<ul style={{ margin: 0, paddingLeft: 18 }}>{n.blockers.map((b) => <li key={b.zh}>{pick(b)}</li>)}</ul>} />
      )}
      {n.recordId && <Alert type="success" showIcon style={{ marginBottom: 16 }} data-testid="honor-nom-approved" title={<Space>{t('honor.nom.certificate')}：<Typography.Text strong>{n.certificateNo}</Typography.Text><Link to={`/honors/records/${n.recordId}`}>{t('honor.nom.record')}</Link></Space>} />}
      <Card size="small">
        <Fields testId="honor-nom-fields" items={[
          { label: 'honor.nom.call', value: <Link to={`/honors/calls/${n.callId}`}>{n.callTitle}</Link> },
          { label: 'honor.nom.kind', value: label(HONOR_KINDS, n.kind) },
          { label: 'honor.nom.unit', value: n.orgName },
          { label: 'honor.nom.employer', value: n.employer },
          { label: 'honor.nom.post', value: n.post },
          { label: 'honor.nom.occupation', value: label(OCCUPATIONS, n.occupation) },
          { label: 'honor.nom.flags', value: n.categories.map((c) => <Tag key={c}>{label(CATEGORIES, c)}</Tag>), span: 2 },
          { label: 'honor.nom.recommendation', value: `${label(RECOMMEND_METHODS, n.recommendation.method)} · ${n.recommendation.on} · ${t('honor.nom.votes', { for: n.recommendation.votesFor, total: n.recommendation.votesTotal })}` },
          { label: 'honor.nom.outside', value: n.outsideQuota ? t('common.yes') : t('common.no') },
          { label: 'honor.nom.deeds', value: <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{n.deeds}</Typography.Paragraph>, span: 2 },
          !!n.rejectReason && { label: 'honor.nom.rejectReason', value: n.rejectReason, span: 2 },
        ]} />
      </Card>
      <Card size="small" title={t('honor.clear.title')} style={{ marginTop: 16 }} extra={n.uncleared.length === 0 && <Tag color="green">{t('honor.clear.allClear')}</Tag>}>
        <Table rowKey="agency" size="small" pagination={false} dataSource={n.clearance} data-testid="honor-clearance"
          onRow={(r) => ({ 'data-testid': `honor-clearance-${r.agency}`, 'data-result': r.result }) as never}
          columns={[
            { title: t('honor.clear.agency'), dataIndex: 'agency', render: (a: string) => label(AGENCIES, a) },
            { title: t('honor.clear.result'), dataIndex: 'result', width: 100, render: (r: string) => <StatusTag vocab={CLEARANCE} value={r} /> },
            { title: t('honor.clear.on'), dataIndex: 'on', width: 110 },
            { title: t('honor.clear.note'), dataIndex: 'note' },
            { title: '', key: 'act', width: 100, render: (_, r) => n.can.clearance && <Button size="small" onClick={() => setAgency(r.agency)} data-testid={`honor-clear-${r.agency}`}>{t('honor.clear.record')}</Button> },
          ]} />
      </Card>
      {n.objections.length > 0 && (
        <Card size="small" title={t('honor.obj.title')} style={{ marginTop: 16 }}>
          <Table rowKey="id" size="small" pagination={false} dataSource={n.objections} data-testid="honor-nom-objections"
            columns={[
              { title: t('honor.obj.receivedAt'), dataIndex: 'receivedAt', width: 150, render: (v: string) => v.slice(0, 16).replace('T', ' ') },
              { title: t('honor.obj.content'), dataIndex: 'content' },
              { title: t('honor.obj.status'), dataIndex: 'status', width: 100, render: (s: string) => <StatusTag vocab={OBJECTION_STATUS} value={s} /> },
              { title: t('honor.obj.answer'), key: 'a', render: (_, o) => o.answer && `${label(OBJECTION_FINDING, o.finding)}：${o.answer}` },
            ]} />
        </Card>
      )}
      <FormModal<{ result: 'pending' | 'clear' | 'objection'; on: string; note?: string | null }>
        open={!!agency}
        testId="honor-clear-form"
        submitTestId="honor-clear-save"
        title={`${t('honor.clear.record')} · ${agency ? label(AGENCIES, agency) : ''}`}
        initialValues={{ result: 'clear', on: todayInChina() }}
        onClose={() => setAgency(null)}
        onSubmit={async (v) => { await call(honorApi.clearance, { params: { id: n.id }, body: { agency: agency as never, ...v } }); setAgency(null); reload(); }}
        fields={[
          { name: 'result', label: 'honor.clear.result', kind: 'radio', vocab: CLEARANCE, required: true, span: 24 },
          { name: 'on', label: 'honor.clear.on', kind: 'date', required: true, span: 12, noFuture: true },
          { name: 'note', label: 'honor.clear.note', kind: 'textarea', max: 500, span: 24 },
        ]}
      />
    </>
  );
}

/** 推荐人选详情: the steps, why approval waits, the agencies' clearance, objections (for the reviewing body), the record once approved. */
export default function NominationDetailPage() {
  const { id } = useParams<{ id: string }>();
  const { t } = useI18n();
  const { showError } = useApiError();
  const [reasonFor, setReasonFor] = useState<'reject' | 'withdraw' | null>(null);
  const act = (n: NominationDetail, reload: () => void, a: Act) => async () => {
    if (a === 'reject' || a === 'withdraw') return setReasonFor(a);
    const e = a === 'endorse' ? honorApi.endorse : a === 'review' ? honorApi.review : honorApi.approve;
    try { await call(e, { params: { id: n.id }, body: { version: n.version } }); reload(); } catch (err) { showError(err, { reload }); }
  };
  return (
    <DetailPage<NominationDetail> testId="honor-nom" get={honorApi.getNomination}
      rootProps={(n) => ({ 'data-status': n.status })}
      crumbs={(n) => [{ title: t('menu.honorCalls'), path: '/honors/calls' }, ...(n ? [{ title: n.callTitle, path: `/honors/calls/${n.callId}` }, { title: n.name }] : [])]}
      title={(n) => n.name}
      tags={(n) => <StatusTag vocab={NOMINATION_STATUS} value={n.status} testId="honor-nom-status" />}
      actions={(n, reload) => (
        <>
          <Actions actions={n.actions.map((a): Action => ({
            key: a, label: NOMINATION_FLOW.transitions[a], testId: `honor-nom-${a}`, primary: a !== 'reject' && a !== 'withdraw', danger: NOMINATION_FLOW.transitions[a].danger,
            disabled: a === 'approve' && n.blockers.length > 0, confirm: a === 'reject' || a === 'withdraw' ? undefined : NOMINATION_FLOW.transitions[a], onClick: act(n, reload, a as Act),
          }))} />
          <FormModal<{ reason: string }>
            open={!!reasonFor}
            testId="honor-reason-form"
            submitTestId="honor-reason-save"
            title={reasonFor ? NOMINATION_FLOW.transitions[reasonFor].zh : ''}
            danger
            onClose={() => setReasonFor(null)}
            onSubmit={async (v) => { await call(reasonFor === 'reject' ? honorApi.reject : honorApi.withdraw, { params: { id: n.id }, body: v }); setReasonFor(null); reload(); }}
            fields={[{ name: 'reason', label: 'honor.nom.reason', kind: 'textarea', required: true, max: 500, span: 24 }]}
          />
        </>
      )}
      body={(n, reload) => <Body n={n} reload={reload} />}
      history={{ endpoint: honorApi.nominationHistory, id: id! }}
    />
  );
}
