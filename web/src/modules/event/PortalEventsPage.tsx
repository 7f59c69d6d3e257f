import { useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { Button, Card, Empty, Image, List, Popconfirm, Segmented, Skeleton, Space, Tag, Typography } from 'antd';
import { eventPortalApi, type MyEventT, type PortalEventT } from '../../../../common/src/contracts/event';
import { ApiError, call } from '../../api/client';
import { useBusy } from '../../app/use-api-error';
import { useRequest } from '../../app/use-request';
import { useI18n } from '../../i18n';
import { StatusTag, useVocab } from '../../kit';
import { PublicShell } from '../join/PublicShell';
import { EVENT_KINDS, SIGNUP_STATUSES } from './vocab';

const quiet = { quiet401: true } as const;
const dates = (e: { startsOn: string; endsOn: string }) => (e.startsOn === e.endsOn ? e.startsOn : `${e.startsOn} ~ ${e.endsOn}`);

/** /m/events (工会活动): my events with the check-in code, and the events I may sign up for. A phone page. */
export default function PortalEventsPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [tab, setTab] = useState<'mine' | 'open'>('open');
  const [tick, setTick] = useState(0);
  const mine = useRequest(() => call(eventPortalApi.mine, {}, quiet), [tick]);
  const open = useRequest(() => call(eventPortalApi.open, { query: { page: 1, pageSize: 50 } }, quiet), [tick]);
  useEffect(() => {
    if (mine.error instanceof ApiError && mine.error.status === 401) navigate('/m/login', { replace: true });
  }, [mine.error, navigate]);
  const reload = () => setTick((x) => x + 1);
  return (
    <PublicShell title={t('portal.events.title')} testId="portal-events-page">
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        <Link to="/m" data-testid="portal-events-back">‹ {t('portal.events.back')}</Link>
        <Segmented block size="large" value={tab} onChange={(v) => setTab(v as 'mine' | 'open')} data-testid="portal-events-tabs"
          options={[{ value: 'open', label: t('portal.events.open') }, { value: 'mine', label: `${t('portal.events.mine')}${mine.data?.length ? ` (${mine.data.length})` : ''}` }]} />
        {tab === 'mine'
          ? !mine.data ? <Skeleton active /> : mine.data.length ? mine.data.map((e) => <Mine key={e.signupId} e={e} onChange={reload} />) : <Empty description={t('portal.events.noneMine')} />
          : !open.data ? <Skeleton active /> : open.data.items.length ? (
            <List dataSource={open.data.items} renderItem={(e) => <Offer e={e} onDone={() => { reload(); setTab('mine'); }} />} />
          ) : <Empty description={t('portal.events.none')} />}
      </Space>
    </PublicShell>
  );
}

function Offer({ e, onDone }: { e: PortalEventT; onDone: () => void }) {
  const { t } = useI18n();
  const { busy, run } = useBusy();
  const signUp = () => run(() => call(eventPortalApi.signUp, { params: { id: e.id }, body: {} }, quiet)).then((ok) => ok && onDone());
  const full = e.placesLeft === 0;
  return (
    <Card size="small" style={{ marginBottom: 12 }} data-testid={`portal-event-${e.id}`} title={e.title} extra={<StatusTag vocab={EVENT_KINDS} value={e.kind} />}>
      <Typography.Paragraph style={{ marginBottom: 4 }}>{dates(e)} · {e.place ?? e.orgName}</Typography.Paragraph>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {e.orgName} · {t('event.window')} {e.signupFrom} ~ {e.signupUntil}
      </Typography.Paragraph>
      <Space style={{ width: '100%', justifyContent: 'space-between' }}>
        <Tag color={full ? 'orange' : 'green'}>{full ? t('portal.events.full', { n: e.waitlisted }) : t('portal.events.placesLeft', { n: e.placesLeft })}</Tag>
        {e.mine ? (
          <StatusTag vocab={SIGNUP_STATUSES} value={e.mine} />
        ) : (
          <Button type="primary" size="large" loading={busy} disabled={!e.canSignUp} onClick={signUp} data-testid={`portal-event-signup-${e.id}`}>
            {full ? t('portal.events.joinWaitlist') : t('portal.events.signUp')}
          </Button>
        )}
      </Space>
    </Card>
  );
}

function Mine({ e, onChange }: { e: MyEventT; onChange: () => void }) {
  const { t } = useI18n();
  const { label } = useVocab();
  const { busy, run } = useBusy();
  const cancel = () => run(() => call(eventPortalApi.cancel, { params: { id: e.eventId }, body: {} }, quiet)).then((ok) => ok && onChange());
  const canCancel = e.status !== 'cancelled' && !e.attended && (e.phase === 'upcoming' || e.phase === 'signup_open' || e.phase === 'signup_closed');
  return (
    <Card size="small" data-testid={`portal-myevent-${e.eventId}`} title={e.title} extra={<Typography.Text type="secondary">{label(EVENT_KINDS, e.kind)}</Typography.Text>}>
      <Typography.Paragraph style={{ marginBottom: 8 }}>{dates(e)} · {e.place ?? e.orgName}</Typography.Paragraph>
      <Space wrap data-testid={`portal-myevent-status-${e.eventId}`}>
        {e.attended ? <Tag color="blue" data-testid={`portal-myevent-attended-${e.eventId}`}>{t('portal.events.attended')}</Tag> : <StatusTag vocab={SIGNUP_STATUSES} value={e.status} />}
        {e.waitlistPlace && <Typography.Text>{t('portal.events.waitlisted', { n: e.waitlistPlace })}</Typography.Text>}
      </Space>
      {e.qrDataUrl && e.token && (
        <div style={{ textAlign: 'center', marginTop: 12 }}>
          <Image src={e.qrDataUrl} width={200} preview={false} alt={t('portal.events.showCode')} />
          <Typography.Paragraph copyable={{ text: e.token }} style={{ fontFamily: 'monospace', fontSize: 16, marginBottom: 0 }} data-testid={`portal-myevent-token-${e.eventId}`}>{e.token}</Typography.Paragraph>
          <Typography.Text type="secondary">{t('portal.events.showCode')}</Typography.Text>
        </div>
      )}
      {canCancel && (
        <Popconfirm title={t('portal.events.cancelConfirm')} onConfirm={cancel}>
          <Button block size="large" danger loading={busy} style={{ marginTop: 12 }} data-testid={`portal-myevent-cancel-${e.eventId}`}>{t('portal.events.cancel')}</Button>
        </Popconfirm>
      )}
    </Card>
  );
}

/** The 我的 page's entry to events: how many I have coming, a link to /m/events. */
/** How many of my events are still to come (signed up or waitlisted): the badge on 我的's 工会活动 tile. */
export function useComingEvents(): number {
  const mine = useRequest(() => call(eventPortalApi.mine, {}, quiet).catch(() => []), []);
  return (mine.data ?? []).filter((e) => e.status !== 'cancelled' && e.phase !== 'finished').length;
}
