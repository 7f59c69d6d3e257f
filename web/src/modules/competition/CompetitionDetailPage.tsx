import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { Card, Col, Row, Space, Statistic, Table, Tag, Tooltip } from 'antd';
import { PlusOutlined, TrophyFilled } from '@ant-design/icons';
import { competitionApi, type CompetitionDetail, type EntryInput } from '../../../../common/src/contracts/competition';
import { call } from '../../api/client';
import { useI18n } from '../../i18n';
import { Actions, DetailPage, Fields, FormModal, StatusTag, useVocab } from '../../kit';
import { LEVELS } from '../honor/vocab';
import { COMPETITION_KINDS, SECTORS } from './vocab';

const FLAGS = ['smallEmployer', 'nonPublic', 'gig'] as const;

/** 竞赛详情: the contest, its figures, entries by event with scores, ranks and winners. */
export default function CompetitionDetailPage() {
  const { id } = useParams<{ id: string }>();
  const { t } = useI18n();
  const { label } = useVocab();
  const [adding, setAdding] = useState(false);
  return (
    <DetailPage<CompetitionDetail> testId="competition" get={competitionApi.get} title={(c) => c.name}
      tags={(c) => <StatusTag vocab={COMPETITION_KINDS} value={c.kind} />}
      actions={(c, reload) => (
        <>
          <Actions actions={[{ key: 'entry', label: 'comp.entry.new', icon: <PlusOutlined />, primary: true, show: c.can.edit, testId: 'competition-entry-new', onClick: () => setAdding(true) }]} />
          <FormModal<EntryInput & { flags?: string[] }>
            open={adding}
            testId="competition-entry-form"
            title={t('comp.entry.new')}
            onClose={() => setAdding(false)}
            onSubmit={async ({ flags = [], ...v }) => { await call(competitionApi.addEntry, { params: { id: c.id }, body: { ...v, ...Object.fromEntries(FLAGS.map((f) => [f, flags.includes(f)])) } }); setAdding(false); reload(); }}
            fields={[
              { name: 'event', label: 'comp.entry.event', required: true, max: 60 },
              { name: 'unitName', label: 'comp.entry.unit', required: true, max: 120 },
              { name: 'teamName', label: 'comp.entry.team', max: 60 },
              { name: 'personName', label: 'comp.entry.person', max: 60 },
              { name: 'score', label: 'comp.entry.score', kind: 'number', min: 0, max: 1000, props: { precision: 2 } },
              { name: 'award', label: 'comp.entry.award', max: 40 },
              { name: 'winner', label: 'comp.entry.winner', kind: 'switch' },
              { name: 'flags', label: 'comp.entry.flags', kind: 'flags', span: 16, options: [{ value: 'smallEmployer', label: t('comp.small') }, { value: 'nonPublic', label: t('comp.nonPublic') }, { value: 'gig', label: t('comp.gig') }] },
            ]}
          />
        </>
      )}
      body={(c) => (
        <>
          <Card size="small">
            <Fields items={[
              { label: 'comp.org', value: c.orgName },
              { label: 'comp.level', value: label(LEVELS, c.level) },
              { label: 'comp.sector', value: label(SECTORS, c.sector) },
              { label: 'comp.period', value: `${c.startsOn} ~ ${c.endsOn}` },
              { label: 'comp.rules', value: c.rules, span: 2 },
            ]} />
          </Card>
          <Card size="small" style={{ marginTop: 16 }} data-testid="competition-figures">
            <Row gutter={[16, 16]}>
              {(['participants', 'units', 'teams', 'events', 'winners', 'smallEmployer', 'nonPublic', 'gig'] as const).map((k) => (
                <Col xs={12} md={6} xl={3} key={k}><Statistic title={t(k === 'smallEmployer' ? 'comp.small' : `comp.${k}`)} value={c.figures[k]} /></Col>
              ))}
            </Row>
          </Card>
          <Card size="small" title={t('comp.entries')} style={{ marginTop: 16 }}>
            <Table rowKey="id" size="small" dataSource={c.entries} data-testid="competition-entries" pagination={{ pageSize: 50 }} scroll={{ x: 900 }}
              columns={[
                { title: t('comp.entry.event'), dataIndex: 'event', width: 120 },
                { title: t('comp.entry.rank'), dataIndex: 'rank', width: 70, render: (r: number | null) => r ?? '—' },
                { title: t('comp.entry.person'), key: 'who', render: (_, e) => e.personName ?? e.teamName ?? e.unitName },
                { title: t('comp.entry.unit'), dataIndex: 'unitName', width: 200 },
                { title: t('comp.entry.score'), dataIndex: 'score', width: 90, align: 'right', render: (s: number | null) => (s === null ? '—' : s.toFixed(2)) },
                { title: t('comp.entry.winner'), key: 'win', width: 220, render: (_, e) => e.winner && <Space size={4}><TrophyFilled style={{ color: '#d48806' }} />{e.award}{e.outsideQuota && <Tooltip title={t('comp.entry.outsideQuota')}><Tag color="red">单列</Tag></Tooltip>}</Space> },
                { title: t('comp.entry.flags'), key: 'flags', width: 200, render: (_, e) => [e.smallEmployer && t('comp.small'), e.nonPublic && t('comp.nonPublic'), e.gig && t('comp.gig')].filter(Boolean).join('、') },
              ]} />
          </Card>
        </>
      )}
      history={{ endpoint: competitionApi.history, id: id! }}
    />
  );
}
