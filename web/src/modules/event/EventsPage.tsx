import { Link } from 'react-router-dom';
import { eventApi, type EventInput } from '../../../../common/src/contracts/event';
import { call } from '../../api/client';
import { useAccess } from '../../app/auth-context';
import { ListPage, StatusTag } from '../../kit';
import { EVENT_FIELDS, eventFilters } from './fields';
import { EVENT_KINDS, PHASES } from './vocab';

/** 工会活动: events organised in scope, with sign-ups, waitlist and attendance. */
export default function EventsPage() {
  const access = useAccess();
  return (
    <ListPage testId="events" endpoint={eventApi.list} rowTestId={(e) => `event-row-${e.id}`}
      filters={eventFilters(access.canReadOrg)}
      columns={[
        { key: 'title', title: 'event.title', dataIndex: 'title', sort: 'title', fixedShown: true, render: (v: string, e) => <Link to={`/events/${e.id}`}>{v}</Link> },
        { key: 'kind', title: 'event.kind', dataIndex: 'kind', width: 110, render: (k: string) => <StatusTag vocab={EVENT_KINDS} value={k} /> },
        { key: 'phase', title: 'event.phase', dataIndex: 'phase', width: 110, render: (k: string) => <StatusTag vocab={PHASES} value={k} /> },
        { key: 'org', title: 'event.org', dataIndex: 'orgName', width: 180 },
        { key: 'dates', title: 'event.dates', dataIndex: 'startsOn', sort: 'startsOn', width: 200, render: (_: string, e) => (e.startsOn === e.endsOn ? e.startsOn : `${e.startsOn} ~ ${e.endsOn}`) },
        { key: 'capacity', title: 'event.capacity', dataIndex: 'capacity', width: 80, align: 'right' },
        { key: 'confirmed', title: 'event.confirmed', dataIndex: 'confirmed', width: 80, align: 'right' },
        { key: 'waitlisted', title: 'event.waitlisted', dataIndex: 'waitlisted', width: 80, align: 'right' },
        { key: 'attended', title: 'event.attended', dataIndex: 'attended', width: 80, align: 'right' },
      ]}
      create={{
        label: 'event.new', show: access.canWriteEvent, testId: 'event-new', to: (r) => `/events/${r.id}`,
        form: {
          testId: 'event-form', initialValues: { kind: 'culture', audience: 'members', capacity: 50 },
          onSubmit: (v: EventInput) => call(eventApi.create, { body: v }),
          fields: EVENT_FIELDS,
        },
      }}
    />
  );
}
