import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { Button, Card, Col, Row, Statistic, Tag, Typography } from 'antd';
import { call } from '../../api/client';
import { joinApi, type JoinListItemT } from '../../../../common/src/contracts/join';
import { useRequest } from '../../app/use-request';
import { useApiError } from '../../app/use-api-error';
import { useI18n, type MessageKey } from '../../i18n';
import { ListPage } from '../../kit';
import { ApplicationDrawer, JOIN_STATUS, JoinStatusCell } from './components/ApplicationDrawer';

const mono = { fontFamily: 'monospace' } as const;
const STATUS_FILTER = { ...JOIN_STATUS, all: { zh: '全部', en: 'All' } };

/** 入会审核: online applications to the unions in scope, the most urgent first; approve or reject in the drawer. */
export default function ApplicationsPage() {
  const { t } = useI18n();
  const { showError } = useApiError();
  const [, setSp] = useSearchParams();
  const [openId, setOpenId] = useState<string | null>(null);
  const [decided, setDecided] = useState(0);
  const summary = useRequest(() => call(joinApi.summary), [decided], showError);
  const s = summary.data;
  const cards: { key: keyof NonNullable<typeof s>; title: MessageKey; color?: string; query: Record<string, string> }[] = [
    { key: 'pending', title: 'join.summary.pending', query: { status: 'pending' } },
    { key: 'overdue', title: 'join.summary.overdue', color: '#cf1322', query: { status: 'all', overdue: 'true' } },
    { key: 'dueSoon', title: 'join.summary.dueSoon', color: '#d48806', query: { status: 'pending' } },
    { key: 'overdueBelow', title: 'join.summary.overdueBelow', color: '#cf1322', query: { status: 'all', overdue: 'true' } },
  ];

  return (
    <>
      <ListPage testId="applications" title="menu.memberApplications" endpoint={joinApi.list}
        defaults={{ status: 'pending' }}
        reloadKey={decided}
        rowTestId={(a) => `application-row-${a.appNo}`}
        scrollX={1500}
        filters={[
          { name: 'status', label: 'join.field.status', kind: 'select', vocab: STATUS_FILTER, props: { allowClear: false } },
          { name: 'overdue', kind: 'flags', options: [{ value: 'overdue', label: t('join.filter.overdueOnly') }] },
          { name: 'q', label: 'join.filter.q' },
        ]}
        extra={() => (
          <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
            {cards.map((c) => (
              <Col key={c.key} xs={12} lg={6}>
                <Card className="gh-stat-card" onClick={() => setSp(new URLSearchParams(c.query))} loading={summary.loading && !s} data-testid={`applications-card-${c.key}`}>
                  <Statistic title={t(c.title)} value={s?.[c.key] ?? 0} styles={{ content: c.color && s?.[c.key] ? { color: c.color } : undefined }} />
                </Card>
              </Col>
            ))}
          </Row>
        )}
        columns={[
          { key: 'appNo', title: 'join.field.appNo', dataIndex: 'appNo', width: 180, render: (n: string, a: JoinListItemT) => <Typography.Link onClick={() => setOpenId(a.id)} data-testid={`application-open-${n}`} style={mono}>{n}</Typography.Link> },
          { key: 'name', title: 'member.field.name', dataIndex: 'name', width: 90 },
          { key: 'status', title: 'join.field.status', dataIndex: 'status', width: 220, render: (_: string, a) => <JoinStatusCell a={a} /> },
          { key: 'dueOn', title: 'join.field.dueOn', dataIndex: 'dueOn', width: 110 },
          { key: 'orgName', title: 'join.field.union', dataIndex: 'orgName', ellipsis: true, render: (n: string, a) => <>{a.viaTerritorial && <Tag color="blue">{t('join.viaTerritorial')}</Tag>}{n}</> },
          { key: 'employerName', title: 'member.field.employerName', dataIndex: 'employerName', width: 180, ellipsis: true, render: (v: string | null) => v ?? '—' },
          { key: 'submittedOn', title: 'join.field.submittedOn', dataIndex: 'submittedOn', width: 110 },
          { key: 'idMasked', title: 'member.field.idNumber', dataIndex: 'idMasked', width: 176, render: (v: string) => <span style={mono}>{v}</span> },
          { key: 'mobileMasked', title: 'member.field.mobile', dataIndex: 'mobileMasked', width: 120, render: (v: string | null) => (v ? <span style={mono}>{v}</span> : '—') },
          {
            key: 'actions', title: 'common.actions', width: 84, fixed: 'right', fixedShown: true,
            render: (_: unknown, a) => (
              <Button size="small" onClick={() => setOpenId(a.id)} data-testid={`application-view-${a.appNo}`}>
                {a.status === 'pending' ? t('join.review.handle') : t('action.view')}
              </Button>
            ),
          },
        ]}
      />
      <ApplicationDrawer id={openId} onClose={() => setOpenId(null)} onDecided={() => setDecided((n) => n + 1)} />
    </>
  );
}
