import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { Alert, App, Button, Card, Empty, Space, Table, Tag, Typography } from 'antd';
import { CheckCircleOutlined, NotificationOutlined, PlusOutlined, SendOutlined, UserAddOutlined } from '@ant-design/icons';
import { honorApi, type CallDetail } from '../../../../common/src/contracts/honor';
import { CALL_FLOW } from '../../../../common/src/honor-workflow';
import { call } from '../../api/client';
import { useApiError } from '../../app/use-api-error';
import { useRequest } from '../../app/use-request';
import { useI18n } from '../../i18n';
import { Actions, DetailPage, Fields, FormModal, ListPage, OrgPicker, StatusTag, todayInChina, useVocab, WorkflowSteps, type Action } from '../../kit';
import { CALL_STATUS, CATEGORIES, HONOR_KINDS, NOMINATION_STATUS, NOTICE_UNITS, OBJECTION_FINDING, OBJECTION_STATUS } from './vocab';
import { NominateModal } from './NominateModal';

type Check = Awaited<ReturnType<typeof call<typeof honorApi.checkList>>>;
type Objection = Awaited<ReturnType<typeof call<typeof honorApi.objections>>>[number];

/** Floors against a list: needed, have, short by (or over by), each met or not. */
export function FloorTable({ figures, testId }: { figures: CallDetail['figures']; testId: string }) {
  const { t } = useI18n();
  const { label } = useVocab();
  return (
    <Table rowKey={(r) => `${r.index}-${r.kind}`} size="small" pagination={false} dataSource={figures} data-testid={testId} scroll={{ x: 640 }}
      onRow={(r) => ({ 'data-testid': `${testId}-${r.category}-${r.kind}`, 'data-met': String(r.met) }) as never}
      columns={[
        { title: t('honor.quota.kind'), dataIndex: 'kind', width: 130, render: (k: string) => label(HONOR_KINDS, k) },
        { title: t('honor.floor.category'), dataIndex: 'category', render: (c: string) => label(CATEGORIES, c) },
        { title: t('honor.floor.rule'), key: 'rule', width: 120, render: (_, r) => `${t(r.op === 'min' ? 'honor.floor.min' : 'honor.floor.max')} ${r.pct !== null ? `${r.pct}%` : t('honor.floor.people', { n: r.count ?? 0 })}` },
        { title: t('honor.floor.needed'), dataIndex: 'needed', width: 70, align: 'right' },
        { title: t('honor.floor.have'), dataIndex: 'have', width: 70, align: 'right' },
        { title: t('honor.floor.off'), key: 'off', width: 90, align: 'right', render: (_, r) => (r.met ? <CheckCircleOutlined style={{ color: '#389e0d' }} /> : <Typography.Text type="danger" strong>{r.op === 'min' ? `-${r.off}` : `+${r.off}`}</Typography.Text>) },
      ]} />
  );
}

/** 名额和比例核验: one union's list against its quota and the call's floors; the union submits it when it passes. */
function CheckCard({ c, reload }: { c: CallDetail; reload: () => void }) {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const { showError } = useApiError();
  const [orgId, setOrgId] = useState<string | undefined>(c.quotas[0]?.orgId);
  const [check, setCheck] = useState<Check | null>(null);
  const run = async (id = orgId) => {
    if (!id) return;
    try { setCheck(await call(honorApi.checkList, { params: { id: c.id }, query: { orgId: id } })); } catch (e) { showError(e); }
  };
  const submit = async () => {
    try {
      setCheck(await call(honorApi.submitList, { params: { id: c.id }, body: { orgId: orgId! } }));
      void message.success(t('honor.check.submitted'));
      reload();
    } catch (e) {
      showError(e);
      void run();
    }
  };
  return (
    <Card size="small" title={t('honor.check.title')} style={{ marginTop: 16 }} data-testid="honor-check">
      <Space wrap style={{ marginBottom: 12 }}>
        <span>{t('honor.check.org')}</span>
        <OrgPicker value={orgId} onChange={(v: unknown) => { const id = (v as string | undefined) ?? undefined; setOrgId(id); setCheck(null); }} style={{ width: 280 }} data-testid="honor-check-org" />
        <Button onClick={() => run()} disabled={!orgId} data-testid="honor-check-run">{t('honor.check.run')}</Button>
        {check?.passes && ['nominating', 'reviewing'].includes(c.status) && <Button type="primary" icon={<SendOutlined />} onClick={submit} data-testid="honor-check-submit">{t('honor.check.submit')}</Button>}
      </Space>
      {check && (
        <>
          <Alert type={check.passes ? 'success' : 'error'} showIcon style={{ marginBottom: 12 }} data-testid="honor-check-result" data-passes={String(check.passes)}
            title={check.passes ? t('honor.check.passes') : t('honor.check.fails')}
            description={check.problems.length ? <ul style={{ margin: 0, paddingLeft: 18 }}>{check.problems.map((p) => <li key={p.code}>{pick({ zh: p.zh, en: p.en })}</li>)}</ul> : undefined} />
          <FloorTable figures={check.figures} testId="honor-check-floors" />
        </>
      )}
    </Card>
  );
}

function ObjectionsCard({ c }: { c: CallDetail }) {
  const { t } = useI18n();
  const { label } = useVocab();
  const [tick, setTick] = useState(0);
  const [answering, setAnswering] = useState<Objection | null>(null);
  const { showError } = useApiError();
  const { data: rows } = useRequest(() => call(honorApi.objections, { params: { id: c.id } }), [c.id, tick], showError);
  return (
    <Card size="small" title={t('honor.obj.title')} extra={<Typography.Text type="secondary">{t('honor.obj.onlyReviewers')}</Typography.Text>} style={{ marginTop: 16 }}>
      <Table rowKey="id" size="small" pagination={false} dataSource={rows ?? []} data-testid="honor-objections" locale={{ emptyText: t('honor.obj.none') }} scroll={{ x: 800 }}
        onRow={(o) => ({ 'data-testid': `honor-objection-${o.id}` }) as never}
        columns={[
          { title: t('honor.obj.receivedAt'), dataIndex: 'receivedAt', width: 150, render: (v: string) => v.slice(0, 16).replace('T', ' ') },
          { title: t('honor.obj.nominee'), dataIndex: 'nomineeName', width: 100 },
          { title: t('honor.obj.content'), dataIndex: 'content' },
          { title: t('honor.obj.contact'), dataIndex: 'contactMasked', width: 120 },
          { title: t('honor.obj.status'), dataIndex: 'status', width: 100, render: (s: string) => <StatusTag vocab={OBJECTION_STATUS} value={s} /> },
          { title: t('honor.obj.answer'), key: 'answer', width: 220, render: (_, o) => (o.answer ? <span>{label(OBJECTION_FINDING, o.finding)}：{o.answer}</span> : <Button size="small" onClick={() => setAnswering(o)} data-testid={`honor-objection-answer-${o.id}`}>{t('honor.obj.reply')}</Button>) },
        ]} />
      <FormModal<{ finding: 'unfounded' | 'upheld'; answer: string }>
        open={!!answering}
        testId="honor-answer-form"
        submitTestId="honor-answer-save"
        title={t('honor.obj.reply')}
        onClose={() => setAnswering(null)}
        onSubmit={async (v) => {
          await call(honorApi.answerObjection, { params: { id: answering!.id }, body: { status: 'answered', finding: v.finding, answer: v.answer } });
          setAnswering(null);
          setTick((n) => n + 1);
        }}
        fields={[
          { name: 'finding', label: 'honor.obj.finding', kind: 'radio', vocab: OBJECTION_FINDING, required: true, span: 24 },
          { name: 'answer', label: 'honor.obj.answer', kind: 'textarea', required: true, max: 2000, span: 24 },
        ]}
      />
    </Card>
  );
}

function CallBody({ c, reload }: { c: CallDetail; reload: () => void }) {
  const { t } = useI18n();
  const { label } = useVocab();
  const [addingQuota, setAddingQuota] = useState(false);
  return (
    <>
      <Card size="small" style={{ marginBottom: 16 }}>
        <WorkflowSteps machine={CALL_FLOW} status={c.status} testId="honor-call-steps" />
      </Card>
      <Card size="small">
        <Fields testId="honor-call-fields" items={[
          { label: 'honor.call.org', value: c.orgName },
          { label: 'honor.call.year', value: c.year },
          { label: 'honor.call.kinds', value: c.kinds.map((k) => label(HONOR_KINDS, k)).join('、') },
          { label: 'honor.call.deadline', value: c.nominationDeadline },
          { label: 'honor.call.notice', value: <span data-testid="honor-call-notice">{c.noticeFrom ? `${c.noticeFrom} ~ ${c.noticeTo}` : ''}（{c.noticeDays}{label(NOTICE_UNITS, c.noticeUnit)}）{c.noticeOpen && <Tag color="orange" style={{ marginLeft: 8 }}>{label(CALL_STATUS, 'notice')}</Tag>}</span> },
          { label: 'honor.call.nominations', value: c.nominations },
          { label: 'honor.call.note', value: c.note, span: 2 },
        ]} />
      </Card>
      <Card size="small" title={t('honor.quota.title')} style={{ marginTop: 16 }}
        extra={c.can.edit && <Button size="small" icon={<PlusOutlined />} onClick={() => setAddingQuota(true)} data-testid="honor-quota-add">{t('honor.quota.add')}</Button>}>
        <Table rowKey={(q) => `${q.orgId}-${q.kind}`} size="small" pagination={false} dataSource={c.quotas} data-testid="honor-quotas" locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} /> }}
          columns={[
            { title: t('honor.quota.org'), dataIndex: 'orgName' },
            { title: t('honor.quota.kind'), dataIndex: 'kind', width: 140, render: (k: string) => label(HONOR_KINDS, k) },
            { title: t('honor.quota.n'), dataIndex: 'quota', width: 70, align: 'right' },
            { title: t('honor.quota.used'), dataIndex: 'used', width: 80, align: 'right' },
            { title: t('honor.quota.left'), dataIndex: 'left', width: 70, align: 'right' },
            { title: t('honor.quota.outside'), dataIndex: 'outside', width: 70, align: 'right' },
            { title: t('honor.quota.submitted'), dataIndex: 'submitted', width: 90, render: (s: boolean) => (s ? <Tag color="green">{t('common.yes')}</Tag> : '—') },
          ]} />
      </Card>
      <Card size="small" title={t('honor.floor.title')} style={{ marginTop: 16 }} extra={<Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('honor.floor.source', { s: c.floorSource })}</Typography.Text>}>
        <FloorTable figures={c.figures} testId="honor-call-floors" />
      </Card>
      {(c.status === 'nominating' || c.status === 'reviewing') && <CheckCard c={c} reload={reload} />}
      <Card size="small" title={t('honor.nom.title')} style={{ marginTop: 16 }}>
        <ListPage embedded testId="honor-call-nominations" endpoint={honorApi.listNominations} fixed={{ callId: c.id }} reloadKey={`${c.version}-${c.nominations}-${c.quotas.map((q) => q.used).join()}-${c.updatedAt}`} rowTestId={(n) => `honor-nom-row-${n.name}`}
          filters={[{ name: 'status', label: 'honor.nom.status', kind: 'select', vocab: NOMINATION_STATUS }, { name: 'q', label: 'honor.nom.name' }]}
          columns={[
            { key: 'name', title: 'honor.nom.name', dataIndex: 'name', sort: 'name', render: (v: string, n) => <Link to={`/honors/nominations/${n.id}`} data-testid={`honor-nom-link-${n.name}`}>{v}</Link> },
            { key: 'kind', title: 'honor.nom.kind', dataIndex: 'kind', width: 130, render: (k: string) => label(HONOR_KINDS, k) },
            { key: 'employer', title: 'honor.nom.employer', dataIndex: 'employer', width: 180 },
            { key: 'unit', title: 'honor.nom.unit', dataIndex: 'orgName', width: 180 },
            { key: 'categories', title: 'honor.nom.occupation', dataIndex: 'categories', width: 220, render: (cs: string[]) => cs.map((x) => label(CATEGORIES, x)).join('、') },
            { key: 'status', title: 'honor.nom.status', dataIndex: 'status', width: 110, render: (s: string, n) => <Space size={4}><StatusTag vocab={NOMINATION_STATUS} value={s} />{n.outsideQuota && <Tag>{t('honor.nom.outside')}</Tag>}</Space> },
            { key: 'cleared', title: 'honor.nom.cleared', dataIndex: 'clearedCount', width: 80, render: (n: number) => `${n}/7` },
          ]} />
      </Card>
      {c.can.objections && c.noticeFrom && <ObjectionsCard c={c} />}
      <FormModal<{ orgId: string; kind: string; n: number }>
        open={addingQuota}
        testId="honor-quota-form"
        submitTestId="honor-quota-save"
        title={t('honor.quota.add')}
        initialValues={{ kind: c.kinds[0], n: 1 }}
        onClose={() => setAddingQuota(false)}
        onSubmit={async (v) => {
          const quotas = [...c.quotas.map((q) => ({ orgId: q.orgId, kind: q.kind, n: q.quota })), v];
          await call(honorApi.updateCall, { params: { id: c.id }, body: { orgId: c.orgId, title: c.title, year: c.year, kinds: c.kinds, nominationDeadline: c.nominationDeadline, noticeDays: c.noticeDays, noticeUnit: c.noticeUnit, floors: c.floors, quotas, note: c.note, version: c.version } as never });
          setAddingQuota(false);
          reload();
        }}
        fields={[
          { name: 'orgId', label: 'honor.quota.org', kind: 'org', required: true, span: 12 },
          { name: 'kind', label: 'honor.quota.kind', kind: 'select', vocab: HONOR_KINDS, codes: c.kinds, required: true },
          { name: 'n', label: 'honor.quota.n', kind: 'number', min: 0, max: 10000, required: true },
        ]}
      />
    </>
  );
}

/** 评选详情: the call's steps, quotas with what each union used, floors against the lists, the check and submission, nominations, objections. */
export default function CallDetailPage() {
  const { id } = useParams<{ id: string }>();
  const { t, pick } = useI18n();
  const { showError } = useApiError();
  const [nominating, setNominating] = useState(false);
  const [publishing, setPublishing] = useState<CallDetail | null>(null);
  const stepOf = (c: CallDetail, reload: () => void, a: 'open' | 'close' | 'finish') => async () => {
    const e = a === 'open' ? honorApi.openCall : a === 'close' ? honorApi.closeCall : honorApi.finishCall;
    try { await call(e, { params: { id: c.id }, body: { version: c.version } }); reload(); } catch (err) { showError(err, { reload }); }
  };
  return (
    <DetailPage<CallDetail> testId="honor-call" get={honorApi.getCall}
      rootProps={(c) => ({ 'data-status': c.status })}
      title={(c) => c.title}
      tags={(c) => <StatusTag vocab={CALL_STATUS} value={c.status} testId="honor-call-status" />}
      actions={(c, reload) => (
        <>
          <Actions actions={[
            ...c.actions.map((a): Action => ({
              key: a, label: CALL_FLOW.transitions[a], primary: true, testId: `honor-call-${a}`, icon: a === 'publish' ? <NotificationOutlined /> : undefined,
              confirm: a === 'publish' ? undefined : CALL_FLOW.transitions[a], onClick: a === 'publish' ? () => setPublishing(c) : stepOf(c, reload, a),
            })),
            { key: 'nominate', label: 'honor.nom.new', icon: <UserAddOutlined />, show: c.can.nominate, testId: 'honor-nominate', onClick: () => setNominating(true) },
            { key: 'public', label: 'honor.publicLink', show: !!c.noticeFrom, testId: 'honor-public-link', onClick: () => window.open(`/notices/${c.id}`, '_blank') },
          ]} />
          <NominateModal open={nominating} callDetail={c} onClose={() => setNominating(false)} onDone={() => { setNominating(false); reload(); }} />
          <FormModal<{ noticeFrom: string }>
            open={publishing?.id === c.id}
            testId="honor-publish-form"
            submitTestId="honor-publish-save"
            title={t('honor.publish.title')}
            intro={t('honor.publish.hint', { n: c.noticeDays, unit: pick(NOTICE_UNITS[c.noticeUnit as keyof typeof NOTICE_UNITS]) })}
            initialValues={{ noticeFrom: todayInChina() }}
            onClose={() => setPublishing(null)}
            onSubmit={async (v) => { await call(honorApi.publishCall, { params: { id: c.id }, body: { noticeFrom: v.noticeFrom, version: c.version } }); setPublishing(null); reload(); }}
            fields={[{ name: 'noticeFrom', label: 'honor.publish.from', kind: 'date', required: true, span: 24 }]}
          />
        </>
      )}
      body={(c, reload) => <CallBody c={c} reload={reload} />}
      history={{ endpoint: honorApi.callHistory, id: id! }}
    />
  );
}
