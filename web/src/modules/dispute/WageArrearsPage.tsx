import { useState } from 'react';
import { Alert, Button, Card, Col, Row, Space, Table, Tag, Typography } from 'antd';
import { HistoryOutlined, MoneyCollectOutlined, PlusOutlined } from '@ant-design/icons';
import { wageArrearsApi } from '../../../../common/src/contracts/wage-arrears';
import { call } from '../../api/client';
import { useAccess } from '../../app/auth-context';
import { useRequest } from '../../app/use-request';
import { useI18n } from '../../i18n';
import { FormModal, HistoryDrawer, ListPage, todayInChina, TwoLines, yuan } from '../../kit';

type Row = { id: string; caseNo: string; outstandingFen: number; status: string };
type Values = Record<string, string | number | boolean | null | undefined>;

/** The board by area and the employers with the most outstanding (GET /api/wage-arrears/board). */
function Board({ tick }: { tick: number }) {
  const { t } = useI18n();
  const { data } = useRequest(() => call(wageArrearsApi.board), [tick]);
  if (!data) return null;
  return (
    <Row gutter={[16, 16]} style={{ marginBottom: 16 }} data-testid="wage-board">
      {data.areas.length > 0 && (
        <Col xs={24} xl={14}>
          <Card size="small" title={t('wage.board')}>
            <Table size="small" rowKey="id" pagination={false} dataSource={data.areas} scroll={{ x: 560 }} columns={[
              { key: 'name', title: t('dispute.col.org'), dataIndex: 'name' },
              { key: 'open', title: t('wage.open'), dataIndex: 'open', align: 'right' },
              { key: 'workers', title: t('wage.workers'), dataIndex: 'workers', align: 'right' },
              { key: 'owed', title: t('wage.owed'), dataIndex: 'owedFen', align: 'right', render: (v: number) => yuan(v) },
              { key: 'recovered', title: t('wage.recovered'), dataIndex: 'recoveredFen', align: 'right', render: (v: number) => yuan(v) },
              { key: 'outstanding', title: t('wage.outstanding'), dataIndex: 'outstandingFen', align: 'right', render: (v: number) => <Typography.Text type={v ? 'danger' : undefined}>{yuan(v)}</Typography.Text> },
            ]} />
          </Card>
        </Col>
      )}
      <Col xs={24} xl={data.areas.length ? 10 : 24}>
        <Card size="small" title={t('wage.flagged')}>
          <Table size="small" rowKey={(r) => r.employerUscc ?? r.employerName} pagination={false} dataSource={data.flaggedEmployers.slice(0, 6)} columns={[
            { key: 'name', title: t('dispute.field.employerName'), dataIndex: 'employerName', ellipsis: true },
            { key: 'open', title: t('wage.open'), dataIndex: 'openCases', align: 'right' },
            { key: 'outstanding', title: t('wage.outstanding'), dataIndex: 'outstandingFen', align: 'right', render: (v: number) => yuan(v) },
          ]} />
        </Card>
      </Col>
    </Row>
  );
}

/** 欠薪案件: the board, then the cases (or the winter campaign list) with owed, recovered and outstanding; payments recovered are recorded per case. */
export default function WageArrearsPage() {
  const { t } = useI18n();
  const access = useAccess();
  const [open, setOpen] = useState<{ kind: 'new' } | { kind: 'recover'; row: Row } | null>(null);
  const [history, setHistory] = useState<string | null>(null);
  const [tick, setTick] = useState(0);
  return (
    <>
      <Board tick={tick} />
      <ListPage testId="wage" title="wage.title" endpoint={wageArrearsApi.list}
        reloadKey={tick}
        rowTestId={(r) => `wage-row-${r.caseNo}`}
        scrollX={1150}
        toolbar={access.canWriteDispute && <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen({ kind: 'new' })} data-testid="wage-new">{t('wage.new')}</Button>}
        filters={[
          { name: 'q', label: 'wage.filter.q', max: 60 },
          { name: 'status', label: 'dispute.filter.status', kind: 'select', options: [{ value: 'open', label: t('wage.status.open') }, { value: 'cleared', label: t('wage.status.cleared') }], span: 4 },
          access.canReadOrg && { name: 'under', label: 'dispute.filter.under', kind: 'org', span: 8 },
          { name: 'flags', kind: 'flags', span: 8, options: [{ value: 'campaign', label: t('wage.filter.campaign') }, { value: 'construction', label: t('wage.filter.construction') }] },
        ]}
        extra={(d) => d && (
          <Space orientation="vertical" style={{ width: '100%', marginBottom: 8 }}>
            {d.campaign && (
              <Alert type={d.campaign.running ? 'warning' : 'info'} showIcon data-testid="wage-campaign"
                title={t(d.campaign.running ? 'wage.campaign.running' : 'wage.campaign.next', { from: d.campaign.from, festival: d.campaign.festival })} />
            )}
            <Typography.Text data-testid="wage-totals">
              {t('wage.totals', { workers: d.totals.workers, owed: yuan(d.totals.owedFen), recovered: yuan(d.totals.recoveredFen), outstanding: yuan(d.totals.owedFen - d.totals.recoveredFen) })}
            </Typography.Text>
          </Space>
        )}
        columns={[
          { key: 'case', title: 'wage.col.case', dataIndex: 'caseNo', fixed: 'left', width: 150, fixedShown: true, render: (no: string, r) => <TwoLines main={<span style={{ fontFamily: 'monospace' }}>{no}</span>} sub={r.reportedOn} /> },
          {
            key: 'employer', title: 'dispute.col.employer', dataIndex: 'employerName', width: 220,
            render: (n: string, r) => <TwoLines main={<Space size={4}>{n}{r.employerOpenCases > 1 && <Tag color="red">{t('wage.flag', { n: r.employerOpenCases })}</Tag>}</Space>} sub={r.projectName && `${r.projectName}${r.siteAddress ? ` · ${r.siteAddress}` : ''}`} />,
          },
          { key: 'workers', title: 'wage.workers', dataIndex: 'workersAffected', width: 100, align: 'right', render: (n: number, r) => <TwoLines main={n} sub={r.migrantWorkers ? t('wage.migrant', { n: r.migrantWorkers }) : null} /> },
          { key: 'owed', title: 'wage.owed', dataIndex: 'owedFen', width: 120, align: 'right', render: (v: number) => yuan(v) },
          { key: 'recovered', title: 'wage.recovered', dataIndex: 'recoveredFen', width: 120, align: 'right', render: (v: number) => yuan(v) },
          { key: 'outstanding', title: 'wage.outstanding', dataIndex: 'outstandingFen', sort: 'outstanding', width: 120, align: 'right', render: (v: number) => <Typography.Text type={v ? 'danger' : 'success'} strong>{yuan(v)}</Typography.Text> },
          { key: 'status', title: 'dispute.col.status', dataIndex: 'status', width: 90, render: (s: string) => <Tag color={s === 'open' ? 'orange' : 'green'} data-testid={`wage-status-${s}`}>{t(s === 'open' ? 'wage.status.open' : 'wage.status.cleared')}</Tag> },
          { key: 'org', title: 'dispute.col.org', dataIndex: 'orgName', width: 140, ellipsis: true },
          {
            key: 'actions', title: 'common.actions', width: 130,
            render: (_: unknown, r) => (
              <Space size={4}>
                {access.canWriteDispute && r.status === 'open' && <Button size="small" icon={<MoneyCollectOutlined />} onClick={() => setOpen({ kind: 'recover', row: r })} data-testid={`wage-recover-${r.caseNo}`}>{t('wage.recover')}</Button>}
                <Button size="small" icon={<HistoryOutlined />} onClick={() => setHistory(r.id)} />
              </Space>
            ),
          },
        ]}
      />
      {open && (
        <FormModal<Values>
          open
          width={open.kind === 'new' ? 720 : 480}
          title={open.kind === 'new' ? t('wage.new') : `${t('wage.recover')} ${open.row.caseNo}`}
          testId={open.kind === 'new' ? 'wage-form' : 'wage-recover'}
          intro={open.kind === 'recover' ? <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('wage.recover.hint', { outstanding: yuan(open.row.outstandingFen) })} /> : undefined}
          initialValues={open.kind === 'new' ? { workersAffected: 1, migrantWorkers: 0, construction: false } : { paidOn: todayInChina() }}
          fields={open.kind === 'new' ? [
            { name: 'orgId', label: 'legalAid.field.orgId', kind: 'org', required: true, span: 12 },
            { name: 'employerName', label: 'dispute.field.employerName', required: true, max: 100, span: 12 },
            { name: 'employerUscc', label: 'dispute.field.employerUscc', kind: 'uscc', span: 12 },
            { name: 'construction', label: 'wage.field.construction', kind: 'switch', span: 12 },
            { name: 'projectName', label: 'wage.field.project', max: 100, span: 12 },
            { name: 'siteAddress', label: 'wage.field.site', max: 200, span: 12 },
            { name: 'workersAffected', label: 'wage.workers', kind: 'number', required: true, min: 1, span: 12 },
            { name: 'migrantWorkers', label: 'wage.field.migrant', kind: 'number', min: 0, span: 12 },
            { name: 'owedFen', label: 'wage.owed', kind: 'money', required: true, span: 12 },
            { name: 'reportedOn', label: 'wage.field.reportedOn', kind: 'date', noFuture: true, span: 12 },
            { name: 'note', label: 'dispute.step.note', kind: 'textarea', max: 1000, span: 24 },
          ] : [
            { name: 'paidOn', label: 'wage.field.paidOn', kind: 'date', noFuture: true, required: true },
            { name: 'amountFen', label: 'wage.field.amount', kind: 'money', required: true },
            { name: 'note', label: 'dispute.step.note', max: 500 },
          ]}
          inlineErrors
          onClose={() => setOpen(null)}
          onSubmit={(v) => {
            const s = (k: string) => (typeof v[k] === 'string' && (v[k] as string).trim() ? (v[k] as string) : null);
            return open.kind === 'new'
              ? call(wageArrearsApi.create, { body: {
                orgId: String(v.orgId), employerName: String(v.employerName), employerUscc: s('employerUscc'), construction: !!v.construction, projectName: s('projectName'),
                siteAddress: s('siteAddress'), workersAffected: Number(v.workersAffected), migrantWorkers: Number(v.migrantWorkers ?? 0), owedFen: Number(v.owedFen ?? 0),
                reportedOn: s('reportedOn') ?? undefined, note: s('note'),
              } })
              : call(wageArrearsApi.recover, { params: { id: open.row.id }, body: { paidOn: String(v.paidOn), amountFen: Number(v.amountFen ?? 0), note: s('note') } });
          }}
          onDone={() => { setOpen(null); setTick((x) => x + 1); }}
        />
      )}
      <HistoryDrawer endpoint={wageArrearsApi.history} target={history ? { id: history } : null} onClose={() => setHistory(null)} />
    </>
  );
}
