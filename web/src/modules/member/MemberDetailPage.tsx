import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { Alert, App, Card, Col, Empty, Row, Tag, Timeline, Typography } from 'antd';
import { EditOutlined, EyeOutlined, IdcardOutlined, SwapOutlined } from '@ant-design/icons';
import { memberApi, type MemberDetailT } from '../../../../common/src/contracts/member';
import { MEMBER_STATUS_CHANGE_KINDS, type MemberStatusChangeKind } from '../../../../common/src/member-vocab';
import { call } from '../../api/client';
import { useApiError } from '../../app/use-api-error';
import { useI18n } from '../../i18n';
import { Actions, DetailPage, Fields, formatDate, formatDateTime, SensitiveValue, StatusTag, useVocab } from '../../kit';
import { FormTag } from './components/FormTag';
import { MemberFormModal, type MemberFormTarget } from './components/MemberFormModal';
import { StatusChangeModal } from './components/StatusChangeModal';
import { MemberCardModal } from './components/MemberCardModal';
import { MemberHonorsCard } from '../honor/MemberHonorsCard';
import { MemberCertificatesCard } from '../training/MemberCertificatesCard';
import { StartTransferModal, type TransferStart } from './components/StartTransferModal';
import { PortalUnlinkModal } from '../portal/PortalUnlinkModal';
import { CONSENT_METHODS, EDUCATION, EVENTS, FORMS, POLITICAL, SEX, STATUS_CHANGES, STATUSES } from './vocab';

type Revealed = { idNumber: string; mobile: string | null };
const spaced = (v: string) => <span>{v}</span>;

/** 会籍时间线: every membership event, newest first. */
function MemberTimeline({ events }: { events: MemberDetailT['events'] }) {
  const { t } = useI18n();
  const { label } = useVocab();
  if (!events.length) return <Empty description={t('common.noData')} />;
  const sorted = [...events].sort((a, b) => (a.onDate === b.onDate ? b.createdAt.localeCompare(a.createdAt) : b.onDate.localeCompare(a.onDate)));
  return (
    <div data-testid="member-timeline">
      <Timeline
        items={sorted.map((e) => ({
          key: e.id,
          color: EVENTS[e.kind]?.color ?? 'blue',
          title: e.onDate,
          content: (
            <div data-testid={`member-event-${e.kind}`}>
              <Typography.Text strong>{label(EVENTS, e.kind)}</Typography.Text>
              <div><Typography.Text type="secondary">{e.orgName}</Typography.Text></div>
              {e.reason && <div style={{ fontSize: 13 }}>{t('member.event.reason', { reason: e.reason })}</div>}
            </div>
          ),
        }))}
      />
    </div>
  );
}

/** 会员详情: the record (masked, with an audited reveal), its membership timeline and history, and what the server allows the user to do with it. */
export default function MemberDetailPage() {
  const { id } = useParams<{ id: string }>();
  const { t } = useI18n();
  const { label } = useVocab();
  const { message } = App.useApp();
  const { showError } = useApiError();
  const [revealed, setRevealed] = useState<(Revealed & { id: string }) | null>(null);
  const [form, setForm] = useState<MemberFormTarget | null>(null);
  const [statusKind, setStatusKind] = useState<MemberStatusChangeKind | null>(null);
  const [cardOpen, setCardOpen] = useState(false);
  const [transfer, setTransfer] = useState<TransferStart | null>(null);
  const [unlinking, setUnlinking] = useState(false);

  const reveal = async (m: MemberDetailT) => {
    try {
      setRevealed({ id: m.id, ...(await call(memberApi.unmask, { params: { id: m.id } })) });
      void message.info(t('member.unmask.logged'));
    } catch (e) {
      showError(e);
    }
  };

  return (
    <DetailPage<MemberDetailT> testId="member-detail" get={memberApi.get}
      back={{ path: '/members', label: 'member.backToSearch' }}
      notFound="member.notFound"
      rootProps={(m) => ({ 'data-member-id': m.id })}
      title={(m) => m.name}
      tags={(m) => <><StatusTag vocab={STATUSES} value={m.status} testId="member-status" /><FormTag form={m.employmentForm} /></>}
      actions={(m, reload) => {
        const shown = revealed?.id === m.id ? revealed : null;
        return (
          <>
            <Actions
              actions={[
                { key: 'unmask', label: 'member.unmask', icon: <EyeOutlined />, show: m.can.unmask && !shown, testId: 'member-unmask-btn', confirm: 'member.unmask.confirm', confirmTestId: 'member-unmask-ok', onClick: () => reveal(m) },
                { key: 'card', label: 'member.card.title', icon: <IdcardOutlined />, testId: 'member-card-btn', onClick: () => setCardOpen(true) },
                { key: 'edit', label: 'action.edit', icon: <EditOutlined />, show: m.can.edit, testId: 'member-edit-btn', onClick: () => setForm({ mode: 'edit', member: m, revealed: shown }) },
                ...MEMBER_STATUS_CHANGE_KINDS.map((k) => ({ key: k, label: STATUS_CHANGES[k]!, danger: k === 'left', show: m.can[k], testId: `member-status-btn-${k}`, onClick: () => setStatusKind(k) })),
                {
                  key: 'transfer', label: 'transfer.start', icon: <SwapOutlined />, testId: 'member-transfer-btn',
                  show: m.can.transfer && !m.openTransfer && (m.status === 'active' || m.status === 'retained'),
                  onClick: () => setTransfer({ kind: 'out', memberId: m.id, memberName: m.name, fromUnionName: m.orgName }),
                },
                { key: 'portalUnlink', label: 'portalReview.unlink', show: m.can.edit, testId: 'member-portal-unlink-btn', onClick: () => setUnlinking(true) },
              ]}
            />
            <MemberFormModal target={form} onClose={() => setForm(null)} onReload={reload} onSaved={() => { setForm(null); setRevealed(null); reload(); }} />
            <StatusChangeModal member={m} kind={statusKind} onClose={() => setStatusKind(null)} onDone={() => { setStatusKind(null); reload(); }} />
            <MemberCardModal memberId={m.id} open={cardOpen} onClose={() => setCardOpen(false)} />
            <StartTransferModal start={transfer} onClose={() => setTransfer(null)} onStarted={() => { setTransfer(null); reload(); }} />
            <PortalUnlinkModal memberId={unlinking ? m.id : null} onClose={() => setUnlinking(false)} />
          </>
        );
      }}
      alerts={(m) =>
        m.openTransfer && (
          <Alert
            type="warning" showIcon style={{ marginBottom: 16 }} data-testid="member-open-transfer"
            title={t('member.openTransfer', { at: formatDate(m.openTransfer.createdAt) })}
            action={m.can.transfer ? <Link to="/members/transfers">{t('member.openTransferLink')}</Link> : undefined}
          />
        )
      }
      tabs={(m) => {
        const shown = revealed?.id === m.id ? revealed : null;
        return [
          {
            key: 'basic',
            label: 'member.detail.basic',
            children: (
              <Row gutter={[16, 16]}>
                <Col xs={24} xl={16}>
                  <Fields
                    testId="member-descriptions"
                    items={[
                      { label: 'member.field.name', value: m.name },
                      { label: 'member.field.sex', value: `${label(SEX, m.sex)} · ${t('member.ageYears', { n: m.age })}` },
                      { label: 'member.field.idNumber', value: <><SensitiveValue masked={m.idMasked} revealed={shown?.idNumber} testId="member-id-number">{spaced}</SensitiveValue>{m.idKind !== 'resident' && <Tag>{t('member.idKind.permit')}</Tag>}</> },
                      { label: 'member.field.mobile', value: <SensitiveValue masked={m.mobileMasked} revealed={shown?.mobile} testId="member-mobile">{spaced}</SensitiveValue> },
                      { label: 'member.field.ethnicity', value: m.ethnicity },
                      { label: 'member.field.education', value: m.education && label(EDUCATION, m.education) },
                      { label: 'member.field.politicalStatus', value: m.politicalStatus && label(POLITICAL, m.politicalStatus) },
                      {
                        label: 'member.field.employmentForm',
                        // The roster's own words are shown beside the category they were mapped to.
                        value: m.employmentFormText && m.employmentFormText !== label(FORMS, m.employmentForm) ? t('member.field.employmentFormAsImported', { form: label(FORMS, m.employmentForm), text: m.employmentFormText }) : label(FORMS, m.employmentForm),
                        testId: 'member-employmentForm',
                      },
                      { label: 'member.field.migrantWorker', value: t(m.migrantWorker ? 'common.yes' : 'common.no') },
                      { label: 'member.field.occupation', value: m.occupation },
                      { label: 'member.field.employerName', value: m.employerName, span: 2 },
                      { label: 'member.field.union', value: m.orgName, span: 2 },
                      { label: 'member.field.joinDate', value: m.joinDate },
                      { label: 'member.field.cardNo', value: <span style={{ fontFamily: 'monospace' }}>{m.cardNo}</span> },
                      {
                        label: 'member.field.consentRecord', span: 2,
                        value: m.consentStatus === 'to_collect'
                          ? <Tag color="orange" data-testid="member-consent-to-collect">{t('member.consent.toCollect')}</Tag>
                          : m.consentVersion ? t('member.consent.summary', { version: m.consentVersion, at: formatDateTime(m.consentAt), method: label(CONSENT_METHODS, m.consentMethod) || '—' }) : t('member.consent.none'),
                      },
                      { label: 'member.field.updatedAt', value: formatDateTime(m.updatedAt), span: 2 },
                    ]}
                  />
                </Col>
                <Col xs={24} xl={8}>
                  <Card title={t('member.detail.timeline')} size="small">
                    <MemberTimeline events={m.events} />
                  </Card>
                  <MemberHonorsCard memberId={m.id} />
                  <MemberCertificatesCard memberId={m.id} />
                </Col>
              </Row>
            ),
          },
        ];
      }}
      history={{ endpoint: memberApi.history, id: id! }}
    />
  );
}
