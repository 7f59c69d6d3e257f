import { useState, type ReactNode } from 'react';
import { Link, useParams } from 'react-router-dom';
import { Alert, App, Breadcrumb, Button, Card, Col, Descriptions, Empty, Result, Row, Skeleton, Space, Table, Tag, Timeline, Typography } from 'antd';
import { AuditOutlined, CheckCircleOutlined, EditOutlined, EyeOutlined, FileSearchOutlined, GiftOutlined, LogoutOutlined, RollbackOutlined, SolutionOutlined } from '@ant-design/icons';
import { ApiError } from '../../../api/client';
import { hardshipFileApi, type AidItem, type FileDetail, type FileUnmasked, type FileVisit, type HouseholdMember } from '../../../api/hardship-files';
import { downloadFile } from '../../../api/members';
import { useRequest } from '../../../app/use-request';
import { useApiError } from '../../../app/use-api-error';
import { useAccess } from '../../../app/auth-context';
import { useI18n, type MessageKey } from '../../../i18n';
import { testId } from '../../../app/test-id';
import { FileStatusTag, TierTag, useLabel, V, WarningLevelTag, yuan } from '../shared/vocab';
import { TierPanel } from './TierPanel';
import { WorkflowModal, type WorkflowAction } from './WorkflowModal';
import { FileFormDrawer, type FileFormTarget } from './FileFormDrawer';
import { AttachmentsCard } from './AttachmentsCard';
import { AidModal } from './AidModal';

const mono = { fontFamily: 'monospace' } as const;
const EVENT_COLOR: Record<string, string> = { opened: 'blue', applied: 'blue', checked: 'green', reviewed: 'green', filed: 'green', rejected: 'red', reassessed: 'blue', exited: 'gray', relapsed: 'red', tier_changed: 'orange' };

/** 档案详情: the household file with its tier computation, workflow steps, visits, scans, aid and timeline. */
export default function FileDetailPage() {
  const { id } = useParams<{ id: string }>();
  const { t } = useI18n();
  const access = useAccess();
  const label = useLabel();
  const { modal, message } = App.useApp();
  const { showError } = useApiError();
  const { data: f, loading, error, reload } = useRequest(() => hardshipFileApi.get(id!), [id]);
  const { data: aidPage, reload: reloadAid } = useRequest(() => hardshipFileApi.aidOfFile(id!), [id]);
  const [revealed, setRevealed] = useState<(FileUnmasked & { fileId: string }) | null>(null);
  const [action, setAction] = useState<WorkflowAction | null>(null);
  const [formTarget, setFormTarget] = useState<FileFormTarget | null>(null);
  const [aidOpen, setAidOpen] = useState(false);

  if (error && !f) {
    const notFound = error instanceof ApiError && error.status === 404;
    return (
      <div data-testid="hs-file-detail-error">
        <Result status={notFound ? '404' : 'error'} title={notFound ? t('hsFile.notFound') : t('error.loadFailed')} extra={<Link to="/hardship/files">{t('hsFile.back')}</Link>} />
      </div>
    );
  }
  if (!f || (loading && f.id !== id)) return <Skeleton active paragraph={{ rows: 14 }} />;

  const shown = revealed?.fileId === f.id ? revealed : null;
  const reloadAll = () => {
    reload();
    reloadAid();
  };

  const unmask = () =>
    modal.confirm({
      title: t('hsFile.unmask.title'),
      content: t('hsFile.unmask.confirm'),
      okText: t('hsFile.unmask.ok'),
      okButtonProps: testId('hs-unmask-ok'),
      cancelText: t('action.cancel'),
      onOk: async () => {
        try {
          const r = await hardshipFileApi.unmask(f.id);
          setRevealed({ ...r, fileId: f.id });
          void message.info(t('hsFile.unmask.logged'));
        } catch (e) {
          showError(e);
        }
      },
    });

  const w = access.canWriteHardship;
  const actions: { key: WorkflowAction; show: boolean; icon: ReactNode; text: string; danger?: boolean; primary?: boolean }[] = [
    { key: 'check', show: w && f.can.check, icon: <CheckCircleOutlined />, text: t('hsFile.action.check'), primary: true },
    { key: 'review', show: access.canReviewHardship && f.can.review, icon: <AuditOutlined />, text: t('hsFile.action.review', { level: f.reviewLevelsDone + 1 }), primary: true },
    { key: 'reassess', show: w && f.can.reassess, icon: <FileSearchOutlined />, text: t('hsFile.action.reassess') },
    { key: 'exit', show: w && f.can.exit, icon: <LogoutOutlined />, text: t('hsFile.action.exit') },
    { key: 'relapse', show: w && f.can.relapse, icon: <RollbackOutlined />, text: t('hsFile.action.relapse'), danger: true },
  ];
  const open = actions.filter((a) => a.show);
  const canVisit = w && f.status !== 'rejected';
  const canAid = access.canWriteAid && f.can.aid;
  const aidItems: (AidItem | (FileDetail['aid'][number] & { budgetLine?: string | null }))[] = aidPage?.items.filter((a) => a.fileId === f.id) ?? f.aid;
  const aidTotal = aidItems.reduce((s, a) => s + a.amountFen, 0);

  const memberId = (m: HouseholdMember) => shown?.household.find((h) => h.id === m.id)?.idNumber ?? m.idMasked;

  return (
    <div data-testid="hs-file-detail" data-file-id={f.id} data-file-status={f.status}>
      <Breadcrumb style={{ marginBottom: 12 }} items={[{ title: <Link to="/hardship/files">{t('hsFile.title')}</Link> }, { title: `${f.name}（${f.fileNo}）` }]} />
      <div className="gh-page-header">
        <Space align="center" wrap>
          <Typography.Title level={4} data-testid="hs-file-name">
            {f.name}
          </Typography.Title>
          <Typography.Text type="secondary" style={mono} data-testid="hs-file-no">
            {f.fileNo}
          </Typography.Text>
          <TierTag tier={f.tier} />
          <FileStatusTag status={f.status} />
          {f.migrantWorker && <Tag>{t('hsFile.migrant')}</Tag>}
        </Space>
        <Space wrap>
          {access.canUnmaskHardship && f.can.unmask && !shown && (
            <Button icon={<EyeOutlined />} onClick={unmask} data-testid="hs-file-unmask">
              {t('hsFile.unmask')}
            </Button>
          )}
          {w && f.can.edit && (
            <Button icon={<EditOutlined />} onClick={() => setFormTarget({ mode: 'edit', file: f, revealed: shown ? { idNumber: shown.idNumber, mobile: shown.mobile } : null })} data-testid="hs-file-edit">
              {t('hsFile.action.edit')}
            </Button>
          )}
          {canVisit && (
            <Button icon={<SolutionOutlined />} onClick={() => setAction('visit')} data-testid="hs-visit-new">
              {t('hsFile.action.visit')}
            </Button>
          )}
          {canAid && (
            <Button icon={<GiftOutlined />} onClick={() => setAidOpen(true)} data-testid="hs-aid-new">
              {t('hsFile.aid.new')}
            </Button>
          )}
        </Space>
      </div>

      {f.openWarnings.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="hs-file-warnings"
          title={t('hsFile.sec.warnings')}
          description={
            <Space orientation="vertical" size={4}>
              {f.openWarnings.map((x) => (
                <span key={x.id}>
                  <WarningLevelTag level={x.level} /> {label(V.WARNING_RULE_LABELS, x.rule)} — {x.explanation}
                </span>
              ))}
            </Space>
          }
        />
      )}

      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <Card title={t('hsFile.sec.basic')} size="small">
              <Descriptions column={{ xs: 1, sm: 2 }} bordered size="small" data-testid="hs-file-basic">
                <Descriptions.Item label={t('hsFile.f.name')}>{f.name}</Descriptions.Item>
                <Descriptions.Item label={t('hsFile.f.sex')}>
                  {t(f.sex === 'F' ? 'hsFile.sex.F' : 'hsFile.sex.M')} · {f.birthDate}
                </Descriptions.Item>
                <Descriptions.Item label={t('hsFile.f.idNumber')}>
                  <Space size={6}>
                    <span data-testid="hs-file-id-number" data-revealed={String(!!shown)} style={mono}>
                      {shown ? shown.idNumber : f.idMasked}
                    </span>
                    {shown && <Tag color="red">{t('hsFile.unmask.shown')}</Tag>}
                  </Space>
                </Descriptions.Item>
                <Descriptions.Item label={t('hsFile.f.mobile')}>
                  <span data-testid="hs-file-mobile" style={mono}>
                    {(shown ? shown.mobile : f.mobileMasked) ?? '—'}
                  </span>
                </Descriptions.Item>
                <Descriptions.Item label={t('hsFile.f.union')}>{f.orgName}</Descriptions.Item>
                <Descriptions.Item label={t('hsFile.f.member')}>
                  {f.memberId && access.canReadMember ? <Link to={`/members/${f.memberId}`}>{t('action.view')}</Link> : f.memberId ? t('common.yes') : '—'}
                </Descriptions.Item>
                <Descriptions.Item label={t('hsFile.f.address')} span={2}>
                  {f.address ?? '—'}
                </Descriptions.Item>
                <Descriptions.Item label={t('hsFile.f.employerName')}>{f.employerName ?? '—'}</Descriptions.Item>
                <Descriptions.Item label={t('hsFile.f.industry')}>{f.industry ?? '—'}</Descriptions.Item>
                <Descriptions.Item label={t('hsFile.f.health')}>{label(V.HEALTH_LABELS, f.health)}</Descriptions.Item>
                <Descriptions.Item label={t('hsFile.f.disability')}>{label(V.DISABILITY_LABELS, f.disability)}</Descriptions.Item>
                <Descriptions.Item label={t('hsFile.f.employmentStatus')}>{label(V.EMPLOYMENT_STATUS_LABELS, f.employmentStatus)}</Descriptions.Item>
                <Descriptions.Item label={t('hsFile.f.housing')}>{label(V.HOUSING_LABELS, f.housing) || '—'}</Descriptions.Item>
                <Descriptions.Item label={t('hsFile.f.maritalStatus')}>{label(V.MARITAL_LABELS, f.maritalStatus) || '—'}</Descriptions.Item>
                <Descriptions.Item label={t('hsFile.f.hukouType')}>{label(V.HUKOU_LABELS, f.hukouType)}</Descriptions.Item>
                <Descriptions.Item label={t('hsFile.f.mainCause')}>{label(V.CAUSE_LABELS, f.mainCause)}</Descriptions.Item>
                <Descriptions.Item label={t('hsFile.f.otherCauses')}>{f.otherCauses.map((c) => label(V.CAUSE_LABELS, c)).join('、') || '—'}</Descriptions.Item>
                <Descriptions.Item label={t('hsFile.form.sec.causes')} span={2}>
                  <Space size={4} wrap>
                    {f.singleParent && <Tag>{t('hsFile.f.singleParent')}</Tag>}
                    {f.zeroEmployment && <Tag>{t('hsFile.f.zeroEmployment')}</Tag>}
                    {f.disaster && <Tag color="volcano">{t('hsFile.f.disaster')}{f.disasterOn ? ` ${f.disasterOn}` : ''}</Tag>}
                    {f.workAccident && <Tag color="volcano">{t('hsFile.f.workAccident')}</Tag>}
                    {f.migrantWorker && <Tag>{t('hsFile.f.migrantWorker')}{f.cityWorkSince ? ` · ${t('hsFile.f.cityWorkSince')} ${f.cityWorkSince}` : ''}</Tag>}
                    {!f.singleParent && !f.zeroEmployment && !f.disaster && !f.workAccident && !f.migrantWorker && '—'}
                  </Space>
                </Descriptions.Item>
                <Descriptions.Item label={t('hsFile.f.origin')}>{label(V.FILE_ORIGIN_LABELS, f.origin)}</Descriptions.Item>
                <Descriptions.Item label={t('hsFile.f.appliedOn')}>{f.appliedOn}</Descriptions.Item>
              </Descriptions>
            </Card>

            <Card title={t('hsFile.sec.household')} size="small" extra={<Typography.Text type="secondary">{t('hsFile.form.householdSize', { n: f.householdSize })}</Typography.Text>}>
              <Table<HouseholdMember>
                rowKey="id"
                size="small"
                pagination={false}
                dataSource={f.household}
                data-testid="hs-file-household"
                locale={{ emptyText: t('hsFile.members.none') }}
                scroll={{ x: 640 }}
                columns={[
                  { title: t('hsFile.f.relationship'), dataIndex: 'relationship', width: 90, render: (r: string) => label(V.RELATIONSHIP_LABELS, r) },
                  { title: t('hsFile.f.name'), dataIndex: 'name', width: 90 },
                  { title: t('hsFile.f.idNumber'), key: 'id', width: 180, render: (_, m) => <span style={mono}>{memberId(m) ?? '—'}</span> },
                  { title: t('hsFile.f.health'), dataIndex: 'health', width: 90, render: (h: string) => label(V.HEALTH_LABELS, h) },
                  { title: t('hsFile.f.employmentStatus'), dataIndex: 'employmentStatus', width: 100, render: (s: string) => label(V.EMPLOYMENT_STATUS_LABELS, s) },
                  { title: t('hsFile.f.memberIncome'), dataIndex: 'annualIncomeFen', width: 120, align: 'right', render: (n: number) => yuan(n) },
                ]}
              />
            </Card>

            <Card title={t('hsFile.sec.finances')} size="small">
              <Descriptions column={{ xs: 1, sm: 2 }} bordered size="small" data-testid="hs-file-finances">
                <Descriptions.Item label={t('hsFile.f.annualIncome')}>{yuan(f.annualIncomeFen)}</Descriptions.Item>
                <Descriptions.Item label={t('hsFile.f.monthlyIncome')}>{yuan(f.monthlyIncomeFen)}</Descriptions.Item>
                <Descriptions.Item label={t('hsFile.f.rigidMedical')}>{yuan(f.rigidMedicalFen)}</Descriptions.Item>
                <Descriptions.Item label={t('hsFile.f.rigidSchooling')}>{yuan(f.rigidSchoolingFen)}</Descriptions.Item>
                <Descriptions.Item label={t('hsFile.f.accidentCost')}>{yuan(f.accidentCostFen)}</Descriptions.Item>
                <Descriptions.Item label={t('hsFile.col.perCapita')}>
                  <Typography.Text strong>{yuan(f.perCapitaMonthlyFen)}</Typography.Text>
                </Descriptions.Item>
              </Descriptions>
            </Card>
          </Space>
        </Col>

        <Col xs={24} xl={10}>
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <Card title={t('hsFile.sec.workflow')} size="small" data-testid="hs-file-workflow">
              <Descriptions column={1} size="small" style={{ marginBottom: 12 }}>
                <Descriptions.Item label={t('hsFile.filter.status')}>
                  <FileStatusTag status={f.status} />
                </Descriptions.Item>
                {f.reviewLevelsRequired > 0 && (
                  <Descriptions.Item label={t('hsFile.f.reviewLevels')}>
                    {t('hsFile.wf.levels', { done: f.reviewLevelsDone, required: f.reviewLevelsRequired })}
                    {f.nextReviewLevelOrg && (
                      <Typography.Text type="secondary"> · {t('hsFile.wf.nextLevel', { level: f.nextReviewLevelOrg.level, name: f.nextReviewLevelOrg.name })}</Typography.Text>
                    )}
                  </Descriptions.Item>
                )}
                {f.filedOn && <Descriptions.Item label={t('hsFile.f.filedOn')}>{f.filedOn}</Descriptions.Item>}
                {f.nextReviewDue && (
                  <Descriptions.Item label={t('hsFile.f.nextReviewDue')}>
                    <Typography.Text type={f.reviewOverdue ? 'danger' : undefined} strong={f.reviewOverdue} data-testid="hs-file-next-review">
                      {f.nextReviewDue}
                      {f.reviewOverdue ? `（${t('hsFile.overdue')}）` : ''}
                    </Typography.Text>
                  </Descriptions.Item>
                )}
                {f.exitOn && (
                  <Descriptions.Item label={t('hsFile.f.exitOn')}>
                    {f.exitOn} · {label(V.EXIT_REASON_LABELS, f.exitReason)}
                    {f.exitNote ? `（${f.exitNote}）` : ''}
                  </Descriptions.Item>
                )}
                {f.monitoringUntil && <Descriptions.Item label={t('hsFile.f.monitoringUntil')}>{f.monitoringUntil}</Descriptions.Item>}
                {f.relapseCount > 0 && <Descriptions.Item label={t('hsFile.action.relapse')}>{t('hsFile.relapses', { n: f.relapseCount })} · {f.lastRelapseOn}</Descriptions.Item>}
                {f.rejectReason && (
                  <Descriptions.Item label={t('hsFile.f.rejectReason')}>
                    <Typography.Text type="danger">{f.rejectReason}</Typography.Text>
                  </Descriptions.Item>
                )}
              </Descriptions>
              {open.length ? (
                <Space wrap>
                  {open.map((a) => (
                    <Button key={a.key} icon={a.icon} type={a.primary ? 'primary' : 'default'} danger={a.danger} onClick={() => setAction(a.key)} data-testid={`hs-action-${a.key}`}>
                      {a.text}
                    </Button>
                  ))}
                </Space>
              ) : (
                <Typography.Text type="secondary">{t('hsFile.wf.none')}</Typography.Text>
              )}
            </Card>

            <Card title={t('hsFile.sec.tier')} size="small">
              <TierPanel snap={f.tierSnapshot} figures={f} />
              {f.exitSnapshot && f.status === 'exited' && (
                <details style={{ marginTop: 12 }}>
                  <summary>{t('hsFile.tier.exitSnapshot')}</summary>
                  <TierPanel snap={f.exitSnapshot} testid="tier-panel-exit" />
                </details>
              )}
            </Card>
          </Space>
        </Col>

        <Col xs={24} xl={12}>
          <Card title={t('hsFile.sec.visits')} size="small" style={{ height: '100%' }}>
            <Table<FileVisit>
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={f.visits}
              data-testid="hs-visits-table"
              locale={{ emptyText: t('common.noData') }}
              scroll={{ x: 520 }}
              columns={[
                { title: t('hsFile.visit.kind'), dataIndex: 'kind', width: 110, render: (k: string) => label(V.VISIT_KIND_LABELS, k) },
                {
                  title: t('hsFile.visit.done'),
                  key: 'date',
                  width: 130,
                  render: (_, v) =>
                    v.visitedOn ?? (
                      <Typography.Text type={v.overdue ? 'danger' : 'warning'}>
                        {t('hsFile.visit.pending')} {v.dueOn}
                        {v.overdue ? `（${t('hsFile.overdue')}）` : ''}
                      </Typography.Text>
                    ),
                },
                { title: t('hsFile.form.visitor'), dataIndex: 'visitor', width: 90, render: (s: string | null) => s ?? '—' },
                { title: t('hsFile.form.findings'), dataIndex: 'findings', ellipsis: true, render: (s: string | null) => s ?? '—' },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card title={t('hsFile.sec.attachments')} size="small" style={{ height: '100%' }}>
            <AttachmentsCard fileId={f.id} items={f.attachments} canWrite={w && f.status !== 'rejected'} onChanged={reload} />
          </Card>
        </Col>

        <Col span={24}>
          <Card
            title={t('hsFile.sec.aid')}
            size="small"
            extra={
              <Space>
                <Typography.Text type="secondary">{t('hsFile.aid.total', { n: aidItems.length, amount: yuan(aidTotal) })}</Typography.Text>
                {canAid && (
                  <Button size="small" type="primary" icon={<GiftOutlined />} onClick={() => setAidOpen(true)}>
                    {t('hsFile.aid.new')}
                  </Button>
                )}
              </Space>
            }
          >
            {access.canWriteAid && !f.can.aid && f.status !== 'filed' && f.status !== 'exited' && (
              <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('hsFile.aid.notOpen')} />
            )}
            <Table
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={aidItems}
              data-testid="hs-aid-table"
              locale={{ emptyText: t('common.noData') }}
              onRow={(a) => testId(`hs-aid-row-${a.id}`)}
              scroll={{ x: 860 }}
              columns={[
                { title: t('hsFile.aid.col.date'), dataIndex: 'paidOn', width: 110 },
                { title: t('hsFile.aid.col.kind'), dataIndex: 'kind', width: 100, render: (k: string) => label(V.AID_KIND_LABELS, k) },
                { title: t('hsFile.aid.col.amount'), dataIndex: 'amountFen', width: 120, align: 'right', render: (n: number) => <Typography.Text strong>{yuan(n)}</Typography.Text> },
                { title: t('hsFile.aid.col.budget'), dataIndex: 'budgetLine', width: 140, render: (s: string | null | undefined) => s ?? '—' },
                { title: t('hsFile.aid.col.payer'), dataIndex: 'payer', ellipsis: true },
                { title: t('hsFile.aid.col.recipient'), dataIndex: 'recipientName', width: 100 },
                { title: t('hsFile.aid.cause'), dataIndex: 'causeKey', width: 110, render: (s: string | null) => s ?? '—' },
                {
                  title: t('hsFile.aid.col.receipt'),
                  key: 'receipt',
                  width: 100,
                  render: (_, a) =>
                    a.hasReceipt ? (
                      <Button type="link" size="small" onClick={() => downloadFile(hardshipFileApi.receiptUrl(a.id), `receipt-${a.id}`).catch(showError)} {...testId(`hs-aid-receipt-${a.id}`)}>
                        {t('hsFile.aid.receipt.view')}
                      </Button>
                    ) : (
                      <Tag>{t('hsFile.aid.receipt.none')}</Tag>
                    ),
                },
              ]}
            />
          </Card>
        </Col>

        <Col span={24}>
          <Card title={t('hsFile.sec.events')} size="small" extra={<Typography.Text type="secondary">{t('hsFile.updatedAt', { at: new Date(f.updatedAt).toLocaleString() })}</Typography.Text>}>
            {f.events.length ? (
              <Timeline
                data-testid="hs-file-events"
                items={[...f.events].reverse().map((e) => ({
                  key: e.id,
                  color: EVENT_COLOR[e.kind] ?? 'blue',
                  title: e.onDate,
                  content: (
                    <div data-testid={`hs-event-${e.kind}`}>
                      <Typography.Text strong>{eventLabel(t, e.kind, e.level)}</Typography.Text>
                      {e.actorOrgName && <Typography.Text type="secondary"> · {e.actorOrgName}</Typography.Text>}
                      {e.note && <div style={{ fontSize: 13 }}>{e.note}</div>}
                    </div>
                  ),
                }))}
              />
            ) : (
              <Empty description={t('common.noData')} />
            )}
          </Card>
        </Col>
      </Row>

      <WorkflowModal
        file={f}
        action={action}
        onClose={() => setAction(null)}
        onDone={() => {
          setAction(null);
          reloadAll();
        }}
      />
      <FileFormDrawer
        target={formTarget}
        onClose={() => setFormTarget(null)}
        onReload={reload}
        onSaved={() => {
          setFormTarget(null);
          setRevealed(null);
          reload();
        }}
      />
      {canAid && (
        <AidModal
          file={f}
          open={aidOpen}
          onClose={() => setAidOpen(false)}
          onDone={() => {
            setAidOpen(false);
            reloadAll();
          }}
        />
      )}
    </div>
  );
}

const EVENT_KEYS: Record<string, MessageKey> = {
  opened: 'hsFile.event.opened',
  applied: 'hsFile.event.applied',
  checked: 'hsFile.event.checked',
  reviewed: 'hsFile.event.reviewed',
  filed: 'hsFile.event.filed',
  rejected: 'hsFile.event.rejected',
  reassessed: 'hsFile.event.reassessed',
  exited: 'hsFile.event.exited',
  relapsed: 'hsFile.event.relapsed',
  tier_changed: 'hsFile.event.tier_changed',
};

function eventLabel(t: (k: MessageKey, v?: Record<string, string | number>) => string, kind: string, level: number | null) {
  const key = EVENT_KEYS[kind];
  return key ? t(key, { level: level ?? '' }) : kind;
}
