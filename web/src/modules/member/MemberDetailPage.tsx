import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { Alert, App, Breadcrumb, Button, Card, Col, Descriptions, Result, Row, Skeleton, Space, Tag, Typography } from 'antd';
import { EditOutlined, EyeOutlined, IdcardOutlined, SwapOutlined } from '@ant-design/icons';
import { memberApi } from '../../api/members';
import { ApiError } from '../../api/client';
import { useRequest } from '../../app/use-request';
import { useApiError } from '../../app/use-api-error';
import { useAccess } from '../../app/auth-context';
import { useI18n } from '../../i18n';
import { testId } from '../../app/test-id';
import { useMemberVocab } from './member-vocab';
import { EmploymentFormTag, MemberStatusTag, Mono } from './components/member-tags';
import { MemberTimeline } from './components/MemberTimeline';
import { MemberFormModal, type MemberFormTarget } from './components/MemberFormModal';
import { STATUS_ACTION_LABEL, STATUS_ACTIONS, StatusChangeModal, type StatusChangeKind } from './components/StatusChangeModal';
import { MemberCardModal } from './components/MemberCardModal';
import { StartTransferModal, type TransferStart } from './components/StartTransferModal';

const CONSENT_METHOD: Record<string, 'member.consent.paper' | 'member.consent.online' | 'member.consent.app'> = {
  paper: 'member.consent.paper',
  online: 'member.consent.online',
  app: 'member.consent.app',
};

/** 会员详情: the record (masked), its membership timeline, and what the user may do with it. */
export default function MemberDetailPage() {
  const { id } = useParams<{ id: string }>();
  const { t } = useI18n();
  const access = useAccess();
  const vocab = useMemberVocab();
  const { modal, message } = App.useApp();
  const { showError } = useApiError();
  const { data: m, loading, error, reload } = useRequest(() => memberApi.get(id!), [id]);
  const [revealed, setRevealed] = useState<{ id: string; idNumber: string; mobile: string | null } | null>(null);
  const [formTarget, setFormTarget] = useState<MemberFormTarget | null>(null);
  const [statusKind, setStatusKind] = useState<StatusChangeKind | null>(null);
  const [cardOpen, setCardOpen] = useState(false);
  const [transfer, setTransfer] = useState<TransferStart | null>(null);

  if (error && !m) {
    const notFound = error instanceof ApiError && error.status === 404;
    return (
      <div data-testid="member-detail-error">
        <Result status={notFound ? '404' : 'error'} title={notFound ? t('member.notFound') : t('error.loadFailed')} extra={<Link to="/members">{t('member.backToSearch')}</Link>} />
      </div>
    );
  }
  if (!m || (loading && m.id !== id)) return <Skeleton active paragraph={{ rows: 12 }} />;

  const shown = revealed?.id === m.id ? revealed : null;

  const unmask = () =>
    modal.confirm({
      title: t('member.unmask.title'),
      content: t('member.unmask.confirm'),
      okText: t('member.unmask.ok'),
      okButtonProps: testId('member-unmask-ok'),
      cancelText: t('action.cancel'),
      onOk: async () => {
        try {
          const r = await memberApi.unmask(m.id);
          setRevealed({ id: m.id, ...r });
          void message.info(t('member.unmask.logged'));
        } catch (e) {
          showError(e);
        }
      },
    });

  const canWrite = access.canWriteMember && m.can.edit;
  const statusActions = canWrite && !m.openTransfer ? (STATUS_ACTIONS[m.status] ?? []) : [];
  const canTransfer = access.canTransferMember && m.can.transfer && !m.openTransfer && (m.status === 'active' || m.status === 'retained');
  const consent = m.consentVersion
    ? t('member.consent.summary', {
        version: m.consentVersion,
        at: m.consentAt ? new Date(m.consentAt).toLocaleString() : '—',
        method: m.consentMethod && CONSENT_METHOD[m.consentMethod] ? t(CONSENT_METHOD[m.consentMethod]!) : (m.consentMethod ?? '—'),
      })
    : t('member.consent.none');

  return (
    <div data-testid="member-detail" data-member-id={m.id}>
      <Breadcrumb style={{ marginBottom: 12 }} items={[{ title: <Link to="/members">{t('menu.memberSearch')}</Link> }, { title: m.name }]} />
      <div className="gh-page-header">
        <Space align="center" wrap>
          <Typography.Title level={4} data-testid="member-detail-name">
            {m.name}
          </Typography.Title>
          <MemberStatusTag status={m.status} />
          <EmploymentFormTag form={m.employmentForm} />
        </Space>
        <Space wrap>
          {access.canUnmaskMember && m.can.unmask && !shown && (
            <Button icon={<EyeOutlined />} onClick={unmask} data-testid="member-unmask-btn">
              {t('member.unmask')}
            </Button>
          )}
          <Button icon={<IdcardOutlined />} onClick={() => setCardOpen(true)} data-testid="member-card-btn">
            {t('member.card.title')}
          </Button>
          {canWrite && (
            <Button icon={<EditOutlined />} onClick={() => setFormTarget({ mode: 'edit', member: m, revealed: shown })} data-testid="member-edit-btn">
              {t('action.edit')}
            </Button>
          )}
          {statusActions.map((k) => (
            <Button key={k} danger={k === 'left'} onClick={() => setStatusKind(k)} data-testid={`member-status-btn-${k}`}>
              {t(STATUS_ACTION_LABEL[k])}
            </Button>
          ))}
          {canTransfer && (
            <Button
              icon={<SwapOutlined />}
              onClick={() => setTransfer({ kind: 'out', memberId: m.id, memberName: m.name, fromUnionName: m.orgName })}
              data-testid="member-transfer-btn"
            >
              {t('transfer.start')}
            </Button>
          )}
        </Space>
      </div>
      {m.openTransfer && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('member.openTransfer', { at: new Date(m.openTransfer.createdAt).toLocaleDateString() })}
          action={access.canTransferMember ? <Link to="/members/transfers">{t('member.openTransferLink')}</Link> : undefined}
          data-testid="member-open-transfer"
        />
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Card title={t('member.detail.basic')}>
            <Descriptions column={{ xs: 1, sm: 2 }} bordered size="small" data-testid="member-descriptions">
              <Descriptions.Item label={t('member.field.name')}>{m.name}</Descriptions.Item>
              <Descriptions.Item label={t('member.field.sex')}>
                {t(m.sex === 'F' ? 'member.sex.F' : 'member.sex.M')} · {t('member.ageYears', { n: m.age })}
              </Descriptions.Item>
              <Descriptions.Item label={t('member.field.idNumber')}>
                <Space size={6}>
                  <span data-testid="member-id-number" data-revealed={String(!!shown)}>
                    <Mono>{shown ? shown.idNumber : m.idMasked}</Mono>
                  </span>
                  {shown && <Tag color="red">{t('member.unmask.shown')}</Tag>}
                  {m.idKind !== 'resident' && <Tag>{t('member.idKind.permit')}</Tag>}
                </Space>
              </Descriptions.Item>
              <Descriptions.Item label={t('member.field.mobile')}>
                <span data-testid="member-mobile">
                  <Mono>{(shown ? shown.mobile : m.mobileMasked) ?? '—'}</Mono>
                </span>
              </Descriptions.Item>
              <Descriptions.Item label={t('member.field.ethnicity')}>{m.ethnicity ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t('member.field.education')}>{vocab.educationLabel(m.education) || '—'}</Descriptions.Item>
              <Descriptions.Item label={t('member.field.politicalStatus')}>{vocab.politicalLabel(m.politicalStatus) || '—'}</Descriptions.Item>
              <Descriptions.Item label={t('member.field.employmentForm')}>{vocab.formLabel(m.employmentForm)}</Descriptions.Item>
              <Descriptions.Item label={t('member.field.migrantWorker')}>{m.migrantWorker ? t('common.yes') : t('common.no')}</Descriptions.Item>
              <Descriptions.Item label={t('member.field.occupation')}>{m.occupation ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t('member.field.employerName')} span={2}>
                {m.employerName ?? '—'}
              </Descriptions.Item>
              <Descriptions.Item label={t('member.field.union')} span={2}>
                {m.orgName}
              </Descriptions.Item>
              <Descriptions.Item label={t('member.field.joinDate')}>{m.joinDate}</Descriptions.Item>
              <Descriptions.Item label={t('member.field.cardNo')}>
                <Mono>{m.cardNo}</Mono>
              </Descriptions.Item>
              <Descriptions.Item label={t('member.field.consentRecord')} span={2}>
                {consent}
              </Descriptions.Item>
              <Descriptions.Item label={t('member.field.updatedAt')} span={2}>
                {new Date(m.updatedAt).toLocaleString()}
              </Descriptions.Item>
            </Descriptions>
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          <Card title={t('member.detail.timeline')}>
            <MemberTimeline events={m.events} />
          </Card>
        </Col>
      </Row>
      <MemberFormModal
        target={formTarget}
        onClose={() => setFormTarget(null)}
        onReload={reload}
        onSaved={() => {
          setFormTarget(null);
          setRevealed(null);
          reload();
        }}
      />
      <StatusChangeModal
        member={m}
        kind={statusKind}
        onClose={() => setStatusKind(null)}
        onDone={() => {
          setStatusKind(null);
          reload();
        }}
      />
      <MemberCardModal memberId={m.id} open={cardOpen} onClose={() => setCardOpen(false)} />
      <StartTransferModal
        start={transfer}
        onClose={() => setTransfer(null)}
        onStarted={() => {
          setTransfer(null);
          reload();
        }}
      />
    </div>
  );
}
