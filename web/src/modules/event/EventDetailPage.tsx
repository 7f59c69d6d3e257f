import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { App, Button, Card, Col, Empty, Image, Input, Row, Space, Statistic, Table, Typography, Upload } from 'antd';
import { EditOutlined, QrcodeOutlined, UploadOutlined } from '@ant-design/icons';
import { eventApi, type EventDetailT, type EventInput } from '../../../../common/src/contracts/event';
import { call } from '../../api/client';
import { useBusy } from '../../app/use-api-error';
import { useRequest } from '../../app/use-request';
import { useI18n } from '../../i18n';
import { Actions, DetailPage, Fields, FormModal, StatusTag, fileToBase64, useVocab } from '../../kit';
import { EVENT_FIELDS } from './fields';
import { AUDIENCES, EVENT_KINDS, PHASES, SIGNUP_STATUSES } from './vocab';

/** 活动详情: the event, attendance figures, check-in by QR code, the sign-up list with the waitlist, photos. */
export default function EventDetailPage() {
  const { id } = useParams<{ id: string }>();
  const { t } = useI18n();
  const { label } = useVocab();
  const [editing, setEditing] = useState(false);
  const [tick, setTick] = useState(0);
  return (
    <DetailPage<EventDetailT> testId="event" get={eventApi.get} title={(e) => e.title} deps={[id, tick]}
      tags={(e) => <><StatusTag vocab={EVENT_KINDS} value={e.kind} /><StatusTag vocab={PHASES} value={e.phase} /></>}
      actions={(e, reload) => (
        <>
          <Actions actions={[{ key: 'edit', label: 'event.edit', icon: <EditOutlined />, show: e.can.edit, testId: 'event-edit', onClick: () => setEditing(true) }]} />
          <FormModal<EventInput & { version: number }> open={editing} testId="event-edit-form" title={t('event.edit')} onClose={() => setEditing(false)}
            initialValues={{ ...e, place: e.place ?? undefined, description: e.description ?? undefined } as Partial<EventInput>}
            onSubmit={(v) => call(eventApi.update, { params: { id: e.id }, body: { ...v, orgId: e.orgId, version: e.version } })}
            onDone={() => { setEditing(false); reload(); }} onReload={reload}
            fields={EVENT_FIELDS.map((f) => (f.name === 'orgId' ? { ...f, disabled: true, known: { id: e.orgId, name: e.orgName } } : f))} />
        </>
      )}
      body={(e) => (
        <>
          <Card size="small">
            <Fields items={[
              ...([
                ['event.org', e.orgName],
                ['event.audience', label(AUDIENCES, e.audience)],
                ['event.dates', e.startsOn === e.endsOn ? e.startsOn : `${e.startsOn} ~ ${e.endsOn}`],
                ['event.window', `${e.signupFrom} ~ ${e.signupUntil}`],
                ['event.place', e.place],
              ] as const).map(([l, value]) => ({ label: l, value })),
              { label: 'event.description', value: e.description, span: 2 },
            ]} />
          </Card>
          <Card size="small" style={{ marginTop: 16 }} data-testid="event-figures">
            <Row gutter={[16, 16]}>
              <Col xs={12} md={4}><Statistic title={t('event.capacity')} value={e.capacity} /></Col>
              <Col xs={12} md={5}><Statistic title={t('event.confirmed')} value={e.confirmed} /></Col>
              <Col xs={12} md={5}><Statistic title={t('event.waitlisted')} value={e.waitlisted} /></Col>
              <Col xs={12} md={5}><span data-testid="event-attended"><Statistic title={t('event.attended')} value={e.attended} /></span></Col>
              <Col xs={12} md={5}><Statistic title={t('event.attendanceRate')} value={e.attendanceRate ?? '—'} suffix={e.attendanceRate === null ? undefined : '%'} /></Col>
            </Row>
          </Card>
          {e.can.edit && <CheckIn eventId={e.id} open={e.can.checkIn} onDone={() => setTick((x) => x + 1)} />}
          <Signups eventId={e.id} tick={tick} />
          <Photos e={e} onDone={() => setTick((x) => x + 1)} />
        </>
      )}
      history={{ endpoint: eventApi.history, id: id! }}
    />
  );
}

/** The organiser scans the attendee's QR code (a scanner types it into the field) or types it. */
function CheckIn({ eventId, open, onDone }: { eventId: string; open: boolean; onDone: () => void }) {
  const { t } = useI18n();
  const { busy, run } = useBusy();
  const { message } = App.useApp();
  const [token, setToken] = useState('');
  const submit = () =>
    run(async () => {
      const r = await call(eventApi.checkIn, { params: { id: eventId }, body: { token: token.trim() } });
      void message.success(t('event.checkin.done', { name: r.name }));
      setToken('');
      onDone();
    });
  return (
    <Card size="small" style={{ marginTop: 16 }} title={<><QrcodeOutlined /> {t('event.checkin.title')}</>} data-testid="event-checkin">
      <Typography.Paragraph type="secondary">{open ? t('event.checkin.hint') : t('event.checkin.closed')}</Typography.Paragraph>
      <Space.Compact style={{ width: '100%', maxWidth: 480 }}>
        <Input size="large" value={token} onChange={(x) => setToken(x.target.value)} onPressEnter={submit} disabled={!open} placeholder={t('event.checkin.token')} autoFocus data-testid="event-checkin-token" />
        <Button size="large" type="primary" loading={busy} disabled={!open || !token.trim()} onClick={submit} data-testid="event-checkin-submit">{t('event.checkin.submit')}</Button>
      </Space.Compact>
    </Card>
  );
}

function Signups({ eventId, tick }: { eventId: string; tick: number }) {
  const { t } = useI18n();
  const [page, setPage] = useState(1);
  const list = useRequest(() => call(eventApi.signups, { params: { id: eventId }, query: { page, pageSize: 20 } }), [eventId, page, tick]);
  return (
    <Card size="small" style={{ marginTop: 16 }} title={t('event.signups')} data-testid="event-signups">
      <Table rowKey="id" size="small" loading={list.loading} dataSource={list.data?.items ?? []}
        onRow={(r) => ({ 'data-testid': `event-signup-${r.id}` }) as never}
        pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
        columns={[
          { key: 'name', title: t('event.signup.name'), dataIndex: 'name' },
          { key: 'org', title: t('event.signup.union'), dataIndex: 'orgName' },
          { key: 'status', title: t('event.signup.status'), dataIndex: 'status', render: (s: string) => <StatusTag vocab={SIGNUP_STATUSES} value={s} /> },
          { key: 'place', title: t('event.signup.place'), dataIndex: 'waitlistPlace' },
          { key: 'in', title: t('event.signup.checkedIn'), dataIndex: 'checkedInAt', render: (v: string | null) => (v ? new Date(v).toLocaleString('zh-CN', { hour12: false }) : '') },
        ]} />
    </Card>
  );
}

function Photos({ e, onDone }: { e: EventDetailT; onDone: () => void }) {
  const { t } = useI18n();
  const { busy, run } = useBusy();
  const add = (f: File) => {
    void run(async () => { await call(eventApi.addPhoto, { params: { id: e.id }, body: { fileName: f.name, data: await fileToBase64(f) } }); onDone(); });
    return false;
  };
  return (
    <Card size="small" style={{ marginTop: 16 }} title={t('event.photos')} data-testid="event-photos"
      extra={e.can.edit && <Upload accept="image/jpeg,image/png" showUploadList={false} beforeUpload={add}><Button icon={<UploadOutlined />} loading={busy} data-testid="event-photo-add">{t('event.photo.add')}</Button></Upload>}>
      {e.photos.length ? (
        <Image.PreviewGroup>
          <Space wrap>{e.photos.map((p) => <Image key={p.id} width={160} src={`/api/events/photos/${p.id}`} alt={p.fileName} />)}</Space>
        </Image.PreviewGroup>
      ) : <Empty description={t('event.photo.none')} />}
    </Card>
  );
}
