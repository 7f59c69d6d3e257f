import { useState } from 'react';
import { Alert, Card, Empty, Form, Input, Select, Space, Table, Typography } from 'antd';
import { congressApi, type RosterT } from '../../../../common/src/contracts/contract';
import { call } from '../../api/client';
import { useAccess } from '../../app/auth-context';
import { useI18n } from '../../i18n';
import { Actions, DetailPage, FormModal, MemberPicker, RowsList, StatusTag, todayInChina, useVocab } from '../../kit';
import { DELEGATE_CATEGORIES_V, ELECTION_METHODS_V, GENDERS } from './vocab';

/** 代表名册与换届选举: the current term's delegates (category, gender, member link) and every term's election record. */
export default function CongressRosterPage() {
  const { t, pick } = useI18n();
  const { label } = useVocab();
  const access = useAccess();
  const [electing, setElecting] = useState(false);
  return (
    <DetailPage<RosterT> testId="congress-roster" get={congressApi.roster}
      crumbs={(r) => [{ title: t('menu.contract') }, { title: t('menu.congresses'), path: '/congresses' }, ...(r ? [{ title: r.orgName, path: `/congresses/${r.congressId}` }] : [])]}
      title={() => t('roster.title')}
      actions={(r, reload) => (
        <>
          <Actions actions={[
            { key: 'elect', label: 'roster.elect', primary: true, show: access.canWriteContract && r.form === 'congress', testId: 'roster-elect', onClick: () => setElecting(true) },
          ]} />
          <ElectionModal open={electing} r={r} onClose={() => setElecting(false)} onDone={() => { setElecting(false); reload(); }} />
        </>
      )}
      alerts={(r) => (
        <>
          {r.form === 'assembly' && <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('roster.assembly')} />}
          {r.problems.length > 0 && <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={r.problems.map((p) => pick(p)).join('；')} data-testid="roster-problems" />}
        </>
      )}
      body={(r) => (
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          <Card size="small" title={t('roster.terms')} data-testid="roster-terms">
            {r.terms.length ? (
              <Table size="small" rowKey="id" pagination={false} dataSource={r.terms} scroll={{ x: 900 }}
                columns={[
                  { title: t('roster.no'), dataIndex: 'no', width: 80, render: (n: number, x) => <>{t('roster.noN', { n })}{x.current && <Typography.Text type="success">（{t('roster.current')}）</Typography.Text>}</> },
                  { title: t('congress.f.electedOn'), dataIndex: 'electedOn', width: 110 },
                  { title: t('congress.col.term'), key: 'term', width: 220, render: (_: unknown, x) => `${x.termStart} ~ ${x.termEnd}（${x.termYears}年）` },
                  { title: t('roster.method'), dataIndex: 'method', width: 160, render: (m: string) => label(ELECTION_METHODS_V, m) },
                  { title: t('roster.turnout'), key: 'turnout', width: 150, render: (_: unknown, x) => t('roster.turnoutN', { v: x.voted, e: x.electorate }) },
                  { title: t('roster.mix'), key: 'mix', render: (_: unknown, x) => t('roster.mixN', { d: x.delegates, f: x.frontLine, m: x.managers, tc: x.technical, w: x.women }) },
                ]} />
            ) : <Empty description={t('roster.noTerms')} />}
          </Card>
          <Card size="small" title={t('roster.delegates', { n: r.delegates.length, min: r.minDelegates ?? '—' })} data-testid="roster-delegates">
            <Table size="small" rowKey="id" dataSource={r.delegates} pagination={{ pageSize: 50, hideOnSinglePage: true }}
              columns={[
                { title: t('roster.f.name'), dataIndex: 'name', width: 140 },
                { title: t('roster.f.category'), dataIndex: 'category', width: 160, render: (c: string) => <StatusTag vocab={DELEGATE_CATEGORIES_V} value={c} /> },
                { title: t('roster.f.gender'), dataIndex: 'gender', width: 80, render: (g: string) => label(GENDERS, g) },
                { title: t('roster.f.department'), dataIndex: 'department', width: 160 },
                { title: t('roster.f.member'), dataIndex: 'memberCardNo', render: (n: string | null) => n ?? '—' },
              ]} />
          </Card>
        </Space>
      )}
    />
  );
}

/** 登记换届选举: the election record and the roster elected; the server refuses a roster short of the quota or the make-up, with the numbers. */
function ElectionModal({ open, r, onClose, onDone }: { open: boolean; r: RosterT; onClose: () => void; onDone: () => void }) {
  const { t } = useI18n();
  const { options } = useVocab();
  return (
    <FormModal<Record<string, unknown>>
      open={open}
      title={t('roster.elect')}
      testId="election-form"
      width={960}
      inlineErrors
      intro={<Typography.Paragraph type="secondary">{t('roster.hint', { min: r.minDelegates ?? '—' })}</Typography.Paragraph>}
      initialValues={{ electedOn: todayInChina(), termStart: todayInChina(), termYears: 5, method: 'direct', delegates: [{ category: 'front_line', gender: 'female' }] }}
      fields={[
        { name: 'electedOn', label: 'congress.f.electedOn', kind: 'date', required: true, noFuture: true, span: 6 },
        { name: 'termStart', label: 'congress.f.termStart', kind: 'date', required: true, span: 6 },
        { name: 'termYears', label: 'congress.f.termYears', kind: 'select', options: [{ value: 3, label: '3' }, { value: 5, label: '5' }], required: true, span: 4 },
        { name: 'method', label: 'roster.method', kind: 'select', vocab: ELECTION_METHODS_V, required: true, span: 8 },
        { name: 'electorate', label: 'roster.electorate', kind: 'number', required: true, min: 0, span: 6 },
        { name: 'voted', label: 'roster.voted', kind: 'number', required: true, min: 0, span: 6 },
        { name: 'notes', label: 'roster.notes', max: 2000, span: 12 },
      ]}
      onSubmit={(v) => call(congressApi.elect, { params: { id: r.congressId }, body: { ...v, version: r.version } as never })}
      onClose={onClose}
      onDone={onDone}
    >
      <RowsList name="delegates" title={t('roster.elected')} rowTestId="delegate-row" addTestId="delegate-add" addLabel={t('roster.add')} newRow={{ category: 'front_line', gender: 'male' }}
        cells={[
          { span: 5, item: (f) => <Form.Item name={[f.name, 'name']} rules={[{ required: true, message: t('roster.f.name') }]}><Input placeholder={t('roster.f.name')} maxLength={40} /></Form.Item> },
          { span: 5, item: (f) => <Form.Item name={[f.name, 'category']} rules={[{ required: true }]}><Select options={options(DELEGATE_CATEGORIES_V)} /></Form.Item> },
          { span: 3, item: (f) => <Form.Item name={[f.name, 'gender']} rules={[{ required: true }]}><Select options={options(GENDERS)} /></Form.Item> },
          { span: 4, item: (f) => <Form.Item name={[f.name, 'department']}><Input placeholder={t('roster.f.department')} maxLength={60} /></Form.Item> },
          { span: 6, item: (f) => <Form.Item name={[f.name, 'memberId']}><MemberPicker orgId={r.orgId} placeholder={t('roster.f.member')} /></Form.Item> },
        ]} />
    </FormModal>
  );
}
