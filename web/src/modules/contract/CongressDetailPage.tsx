import { useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { Alert, Card, Empty, Space, Table, Tag } from 'antd';
import { congressApi, type CongressDetailT } from '../../../../common/src/contracts/contract';
import { useAccess } from '../../app/auth-context';
import { useI18n } from '../../i18n';
import { Actions, DetailPage, Fields, StatusTag, useVocab } from '../../kit';
import { AGENDA, BODIES } from './vocab';
import { CongressModal, ProposalModal, SessionModal } from './CongressForms';
import { ProposalList } from './ProposalsPage';

/** One employer's congress: delegates and make-up, sessions with each item's vote, and its proposals. */
export default function CongressDetailPage() {
  const { id = '' } = useParams();
  const { t, pick } = useI18n();
  const { label } = useVocab();
  const access = useAccess();
  const navigate = useNavigate();
  const [open, setOpen] = useState<'edit' | 'session' | 'proposal' | null>(null);
  const [proposals, setProposals] = useState(0);
  return (
    <DetailPage<CongressDetailT> testId="congress-detail" get={congressApi.get}
      crumbs={() => [{ title: t('menu.contract') }, { title: t('menu.congresses'), path: '/congresses' }]}
      title={(k) => k.orgName}
      tags={(k) => <Space size={4}><StatusTag vocab={BODIES} value={k.form} /><Tag color={k.heldThisYear ? 'green' : 'red'}>{t(k.heldThisYear ? 'congress.heldThisYear' : 'congress.notHeld')}</Tag></Space>}
      actions={(k, reload) => (
        <>
          <Actions actions={[
            { key: 'session', label: 'congress.session.new', primary: true, show: access.canWriteContract, testId: 'congress-session-new', onClick: () => setOpen('session') },
            { key: 'proposal', label: 'proposal.new', show: access.canWriteContract, testId: 'congress-proposal-new', onClick: () => setOpen('proposal') },
            { key: 'roster', label: 'congress.roster', testId: 'congress-roster-link', onClick: () => navigate(`/congresses/${k.id}/roster`) },
            { key: 'edit', label: 'congress.edit', show: access.canWriteContract, testId: 'congress-edit', onClick: () => setOpen('edit') },
          ]} />
          <CongressModal open={open === 'edit'} k={k} onClose={() => setOpen(null)} onDone={() => { setOpen(null); reload(); }} />
          <SessionModal open={open === 'session'} k={k} onClose={() => setOpen(null)} onDone={() => { setOpen(null); reload(); }} />
          <ProposalModal open={open === 'proposal'} k={k} onClose={() => setOpen(null)} onDone={() => { setOpen(null); setProposals((n) => n + 1); }} />
        </>
      )}
      alerts={(k) => k.problems.length > 0 && <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={k.problems.map((p) => pick(p)).join('；')} data-testid="congress-problems" />}
      body={(k) => (
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          <Card size="small">
            <Fields testId="congress-fields" column={3} items={[
              { label: 'congress.f.workforce', value: `${k.workforce.toLocaleString()}（${t('congress.f.womenInWorkforce')} ${k.womenInWorkforce.toLocaleString()}）` },
              { label: 'congress.col.delegates', value: `${k.delegates} / ${k.minDelegates ?? '—'}` },
              { label: 'congress.col.term', value: `${k.termStart} ~ ${k.termEnd}（${k.termYears}年）` },
              { label: 'congress.f.frontLine', value: k.frontLine },
              { label: 'congress.f.managers', value: k.managers },
              { label: 'congress.f.women', value: k.women },
            ]} />
          </Card>
          <Card size="small" title={t('congress.sec.sessions')} data-testid="congress-sessions">
            {k.sessions.length ? (
              <Table size="small" rowKey="id" pagination={false} dataSource={k.sessions}
                expandable={{ defaultExpandAllRows: true, expandedRowRender: (s) => (
                  <Space orientation="vertical" style={{ width: '100%' }}>
                    {s.items.map((x, i) => (
                      <div key={i}><Tag>{label(AGENDA, x.kind)}</Tag>{x.title}：{t('congress.s.tally', { f: x.for, a: x.against, ab: x.abstain })} <Tag color={x.passed ? 'green' : 'red'}>{t(x.passed ? 'congress.s.passed' : 'congress.s.failed')}</Tag></div>
                    ))}
                    {s.resolutions && <div>{t('congress.s.resolutions')}：{s.resolutions}</div>}
                  </Space>
                ) }}
                columns={[
                  { title: t('congress.s.heldOn'), dataIndex: 'heldOn', width: 140 },
                  { title: t('congress.s.present'), dataIndex: 'present', render: (p: number, s) => t('congress.s.attendance', { d: s.delegates, p }) },
                ]} />
            ) : <Empty />}
          </Card>
          <ProposalList congressId={k.id} embedded reloadKey={proposals} />
        </Space>
      )}
      history={{ endpoint: congressApi.history, id }}
    />
  );
}
