import { useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { Alert, App, Badge, Button, Card, Collapse, Descriptions, Empty, Form, Input, List, Skeleton, Space, Tag, Typography } from 'antd';
import { CalendarOutlined, EnvironmentOutlined, GiftOutlined, ReadOutlined } from '@ant-design/icons';
import type { z } from 'zod';
import { ApiError, call } from '../../api/client';
import { portalApi, type WorkerCard, type WorkerMe } from '../../../../common/src/contracts/portal';
import { MEMBER_STATUS_LABELS } from '../../../../common/src/member-vocab';
import { DISPUTE_STATUS_LABELS, LEGAL_AID_STATUS_LABELS } from '../../../../common/src/dispute-vocab';
import { RequestLegalAid } from './RequestLegalAid';
import { FILE_STATUS_LABELS } from '../../../../common/src/hardship-vocab';
import { useApiError, useBusy, useInlineBusy } from '../../app/use-api-error';
import { CURRENT_CONSENT_VERSION } from '../../../../common/src/member-input';
import { useRequest } from '../../app/use-request';
import { useI18n, type MessageKey } from '../../i18n';
import { useVocab } from '../../kit';
import { PublicShell } from '../join/PublicShell';
import { LEVELS } from '../honor/vocab';
import { useComingEvents } from '../event/PortalEventsPage';
import { ChangeRequests, UnlinkButton } from './MyDetails';
import { PortalMutualAid } from '../mutual-aid/PortalMutualAid';

type Me = z.infer<typeof WorkerMe>;
type Card = z.infer<typeof WorkerCard>;

/** The last card this phone loaded, shown when the network is gone (a card at a gate works without signal). */
export const CARD_STORAGE_KEY = 'gh.portal.card';
const quiet = { quiet401: true } as const;

function storedCard(): Card | null {
  try {
    return JSON.parse(localStorage.getItem(CARD_STORAGE_KEY) ?? 'null') as Card | null;
  } catch {
    return null;
  }
}
const offline = (e: unknown) => e instanceof ApiError && e.code === 'NETWORK';
const when = (iso: string) => new Date(iso).toLocaleString('zh-CN', { hour12: false });

/** /m (我的): membership, the electronic card, my applications, messages. Mobile-first, no side menu. */
export default function PortalHomePage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [tick, setTick] = useState(0);
  const me = useRequest(() => call(portalApi.me, {}, quiet), [tick]);

  useEffect(() => {
    if (me.error instanceof ApiError && me.error.status === 401) navigate('/m/login', { replace: true });
  }, [me.error, navigate]);

  const signOut = async () => {
    localStorage.removeItem(CARD_STORAGE_KEY);
    await call(portalApi.signOut, {}, quiet).catch(() => undefined);
    navigate('/m/login', { replace: true });
  };

  let body;
  if (me.error && offline(me.error)) body = <CardView card={null} offlineOnly />;
  else if (!me.data) body = <Skeleton active />;
  else
    body = (
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        {me.data.firstSignIn && !me.data.linked && <Alert type="success" showIcon title={t('portal.welcome')} />}
        {me.data.member?.consentToCollect && <ConsentCard onDone={() => setTick((x) => x + 1)} />}
        <Membership me={me.data} />
        {me.data.linked ? <CardView card={null} /> : <LinkForm onDone={() => setTick((x) => x + 1)} />}
        <Services />
        <Inbox unread={me.data.unreadCount} onRead={() => setTick((x) => x + 1)} />
        <Applications />
        {me.data.linked && <PortalMutualAid />}
        <RequestLegalAid />
        {me.data.linked && <ChangeRequests />}
        <PasswordForm has={me.data.hasPassword} />
        {me.data.linked && <UnlinkButton onDone={() => { localStorage.removeItem(CARD_STORAGE_KEY); setTick((x) => x + 1); }} />}
        <Button block size="large" onClick={signOut} data-testid="portal-sign-out">
          {t('portal.signOut')}
        </Button>
      </Space>
    );
  return (
    <PublicShell title={t('portal.title')} testId="portal-home-page">
      {body}
    </PublicShell>
  );
}

/** The services a worker opens most, as big tiles two by two (a phone app's grid, one tap each). */
function Services() {
  const { t } = useI18n();
  const coming = useComingEvents();
  const tiles = [
    { to: '/m/events', icon: <CalendarOutlined />, label: t('portal.svc.events'), badge: coming, testId: 'portal-events-link', color: '#1677ff' },
    { to: '/m/benefits', icon: <GiftOutlined />, label: t('portal.svc.benefits'), badge: 0, testId: 'portal-benefits-link', color: '#eb2f96' },
    { to: '/m/stations', icon: <EnvironmentOutlined />, label: t('portal.svc.stations'), badge: 0, testId: 'portal-stations-link', color: '#13a8a8' },
    { to: '/m/training', icon: <ReadOutlined />, label: t('portal.svc.training'), badge: 0, testId: 'portal-training-link', color: '#fa8c16' },
  ];
  return (
    <Card size="small" title={t('portal.services')} data-testid="portal-services">
      <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 8 }}>
        {tiles.map((x) => (
          <Link key={x.to} to={x.to} data-testid={x.testId} style={{ display: 'flex', alignItems: 'center', gap: 10, minHeight: 64, padding: '10px 12px', borderRadius: 8, background: '#fafafa', color: 'rgba(0,0,0,0.88)' }}>
            <Badge count={x.badge} size="small">
              <span style={{ fontSize: 26, color: x.color, lineHeight: 1 }}>{x.icon}</span>
            </Badge>
            <span style={{ fontSize: 16 }}>{x.label}</span>
          </Link>
        ))}
      </div>
    </Card>
  );
}

function Membership({ me }: { me: Me }) {
  const { t } = useI18n();
  const { label } = useVocab();
  if (!me.member)
    return (
      <Card data-testid="portal-membership">
        <Typography.Text strong>{t('portal.notLinked')}</Typography.Text>
        <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
          {t('portal.notLinkedHint')} <Link to="/join">{t('join.link.apply')}</Link>
        </Typography.Paragraph>
      </Card>
    );
  const m = me.member;
  return (
    <Card data-testid="portal-membership" title={m.name}>
      <Descriptions column={1} size="small">
        <Descriptions.Item label={t('portal.membership')}>
          <Tag color={m.status === 'active' ? 'green' : 'default'} data-testid="portal-status">{label(MEMBER_STATUS_LABELS, m.status)}</Tag>
        </Descriptions.Item>
        <Descriptions.Item label={t('portal.union')}><span data-testid="portal-union">{m.orgName}</span></Descriptions.Item>
        <Descriptions.Item label={t('portal.joinDate')}>{m.joinDate}</Descriptions.Item>
        <Descriptions.Item label={t('portal.link.idNumber')}>{m.idMasked}</Descriptions.Item>
        {m.honors.length > 0 && (
          <Descriptions.Item label={t('portal.honors')}>
            <Space size={4} wrap data-testid="portal-honors">
              {m.honors.map((h) => <Tag color="gold" key={`${h.year}-${h.title}`}>{h.year} {label(LEVELS, h.level)}{h.title}</Tag>)}
            </Space>
          </Descriptions.Item>
        )}
      </Descriptions>
    </Card>
  );
}

/**
 * A record imported from the employer's HR roster has no consent of its own: the member reads the
 * notice and confirms it here, once (个人信息保护法 Arts. 14, 17; docs/operations.md).
 */
function ConsentCard({ onDone }: { onDone: () => void }) {
  const { t } = useI18n();
  const { busy, run } = useBusy();
  const confirm = () => run(() => call(portalApi.consent, { body: { version: CURRENT_CONSENT_VERSION } }, quiet), t('portal.consent.done')).then((ok) => ok && onDone());
  return (
    <Card data-testid="portal-consent" title={t('portal.consent.title')}>
      <Typography.Paragraph type="secondary">{t('portal.consent.intro')}</Typography.Paragraph>
      <Collapse size="small" items={[{ key: 'n', label: t('portal.consent.read'), children: <Typography.Paragraph style={{ whiteSpace: 'pre-line', margin: 0 }}>{t('join.notice.body')}</Typography.Paragraph> }]} />
      <Button type="primary" block size="large" style={{ marginTop: 12 }} loading={busy} onClick={confirm} data-testid="portal-consent-confirm">
        {t('portal.consent.confirm', { version: CURRENT_CONSENT_VERSION })}
      </Button>
    </Card>
  );
}

function LinkForm({ onDone }: { onDone: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { busy, error, run } = useInlineBusy();
  const submit = (v: { name: string; idNumber: string }) =>
    run(async () => {
      await call(portalApi.link, { body: v }, quiet);
      void message.success(t('portal.link.done'));
      onDone();
    });
  return (
    <Card title={t('portal.link.submit')} data-testid="portal-link">
      <Form layout="vertical" size="large" onFinish={submit} requiredMark={false}>
        <Form.Item name="name" label={t('portal.link.name')} rules={[{ required: true }]}>
          <Input maxLength={40} autoComplete="name" data-testid="portal-link-name" />
        </Form.Item>
        <Form.Item name="idNumber" label={t('portal.link.idNumber')} rules={[{ required: true, min: 15 }]}>
          <Input maxLength={30} data-testid="portal-link-id" />
        </Form.Item>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="portal-link-error" />}
        <Button type="primary" htmlType="submit" block loading={busy} style={{ height: 48 }} data-testid="portal-link-submit">
          {t('portal.link.submit')}
        </Button>
      </Form>
    </Card>
  );
}

/** The card: loaded fresh when online (and kept), the kept one with its time when not. */
function CardView({ offlineOnly }: { card: Card | null; offlineOnly?: boolean }) {
  const { t } = useI18n();
  const fresh = useRequest(() => (offlineOnly ? Promise.resolve(null) : call(portalApi.card, {}, quiet)), [offlineOnly]);
  useEffect(() => {
    if (fresh.data) localStorage.setItem(CARD_STORAGE_KEY, JSON.stringify(fresh.data));
  }, [fresh.data]);
  const fallback = offlineOnly || (fresh.error && offline(fresh.error)) ? storedCard() : null;
  const card = fresh.data ?? fallback;
  if (!card) return offlineOnly || fresh.error ? <Alert type="warning" showIcon title={t('error.loadFailed')} /> : <Skeleton active />;
  return (
    <Card title={t('portal.card.title')} data-testid="portal-card" style={{ textAlign: 'center' }}>
      {!fresh.data && <Alert type="warning" showIcon title={t('portal.card.offline', { at: when(card.issuedAt) })} style={{ marginBottom: 12, textAlign: 'left' }} data-testid="portal-card-offline" />}
      <img src={card.qrDataUrl} alt={t('portal.card.title')} width={240} height={240} style={{ maxWidth: '100%' }} data-testid="portal-card-qr" data-verify-url={card.verifyUrl} />
      <Typography.Title level={4} style={{ margin: '8px 0 0' }}>{card.name}</Typography.Title>
      <Typography.Text>{card.orgName}</Typography.Text>
      <div style={{ fontFamily: 'monospace', fontSize: 18, marginTop: 4 }} data-testid="portal-card-no">{card.cardNo}</div>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('portal.card.show')} · {t('portal.card.issuedAt', { at: when(card.issuedAt) })}
      </Typography.Text>
    </Card>
  );
}

const KIND: Record<string, MessageKey> = { join: 'portal.apps.kind.join', hardship: 'portal.apps.kind.hardship', dispute: 'portal.apps.kind.dispute', legal_aid: 'portal.apps.kind.legal_aid' };
const JOIN_STATUS_LABELS = { pending: { zh: '审核中', en: 'Under review' }, approved: { zh: '已通过', en: 'Approved' }, rejected: { zh: '未通过', en: 'Refused' } };
const STATUS_LABELS: Record<string, Record<string, { zh: string; en: string }>> = { join: JOIN_STATUS_LABELS, hardship: FILE_STATUS_LABELS, dispute: DISPUTE_STATUS_LABELS, legal_aid: LEGAL_AID_STATUS_LABELS };
/** The kinds whose own detail the worker can open (read-only). */
const OPENS = new Set(['dispute', 'legal_aid']);

function Applications() {
  const { t } = useI18n();
  const { label } = useVocab();
  const { data, loading } = useRequest(() => call(portalApi.applications, {}, quiet), []);
  return (
    <Card title={t('portal.apps.title')} data-testid="portal-applications" styles={{ body: { padding: '0 16px' } }}>
      <List
        loading={loading}
        dataSource={data ?? []}
        locale={{ emptyText: <Empty description={t('portal.apps.none')} image={Empty.PRESENTED_IMAGE_SIMPLE} /> }}
        renderItem={(a) => (
          <List.Item data-testid={`portal-app-${a.kind}`} extra={OPENS.has(a.kind) && <Link to={`/m/cases/${a.kind}/${a.id}`} data-testid={`portal-open-${a.kind}`}>{t('portalCase.open')}</Link>}>
            <List.Item.Meta
              title={<Space wrap>{t(KIND[a.kind]!)}<Tag>{label(STATUS_LABELS[a.kind] ?? {}, a.status)}</Tag></Space>}
              description={
                <>
                  {a.ref} · {a.orgName}
                  {a.deadline && <div>{t('portal.apps.deadline', { d: a.deadline })}</div>}
                </>
              }
            />
          </List.Item>
        )}
      />
    </Card>
  );
}

function Inbox({ unread, onRead }: { unread: number; onRead: () => void }) {
  const { t } = useI18n();
  const [tick, setTick] = useState(0);
  const { data, loading } = useRequest(() => call(portalApi.notifications, { query: { page: 1, pageSize: 20 } }, quiet), [tick]);
  const readAll = async () => {
    await call(portalApi.readNotifications, {}, quiet);
    setTick((x) => x + 1);
    onRead();
  };
  return (
    <Card
      title={<Badge count={unread} offset={[12, 0]} data-testid="portal-unread">{t('portal.inbox.title')}</Badge>}
      extra={unread > 0 && <Button type="link" onClick={readAll} data-testid="portal-read-all">{t('portal.inbox.readAll')}</Button>}
      data-testid="portal-inbox"
      styles={{ body: { padding: '0 16px' } }}
    >
      <List
        loading={loading}
        dataSource={data?.items ?? []}
        locale={{ emptyText: <Empty description={t('portal.inbox.none')} image={Empty.PRESENTED_IMAGE_SIMPLE} /> }}
        renderItem={(n) => (
          <List.Item data-testid="portal-message">
            <List.Item.Meta
              title={<Space>{!n.readAt && <Badge status="processing" text={t('portal.inbox.unread')} />}{n.title}</Space>}
              description={<>{n.body}<div style={{ fontSize: 12 }}>{when(n.createdAt)}</div></>}
            />
          </List.Item>
        )}
      />
    </Card>
  );
}

function PasswordForm({ has }: { has: boolean }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { showError } = useApiError();
  const [form] = Form.useForm<{ password: string }>();
  const submit = async (v: { password: string }) => {
    try {
      await call(portalApi.setPassword, { body: v }, quiet);
      void message.success(t('portal.password.done'));
      form.resetFields();
    } catch (e) {
      showError(e, { form });
    }
  };
  return (
    <Collapse
      items={[{
        key: 'pw', label: t('portal.password.title') + (has ? ` ✓` : ''),
        children: (
          <Form form={form} layout="vertical" size="large" onFinish={submit}>
            <Typography.Paragraph type="secondary">{t('portal.password.hint')}</Typography.Paragraph>
            <Form.Item name="password" rules={[{ required: true, min: 8 }]}>
              <Input.Password autoComplete="new-password" data-testid="portal-new-password" />
            </Form.Item>
            <Button htmlType="submit" block>{t('action.save')}</Button>
          </Form>
        ),
      }]}
    />
  );
}
