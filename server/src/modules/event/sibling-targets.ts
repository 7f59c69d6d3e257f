import { expect } from 'vitest';
import { sql, type SQL } from 'drizzle-orm';
import { addDays, todayInChina } from '../../../../common/src/dates.js';
import type { TestClient } from '../../test/harness.js';

/**
 * Event objects for the sibling test (server/src/platform/scope-sibling.test.ts): an event organised
 * by a union outside the caller's scope, with a sign-up and a photo. Test-only.
 */
interface Target {
  id: string;
  version: number;
  secrets: string[];
}
export interface EventSiblings {
  events: Target[];
  eventPhotos: Target[];
}

export const EVENT_FILLERS: { prefix: string; param: string; targets: (s: EventSiblings) => Target[] }[] = [
  { prefix: '/api/events/:id', param: 'id', targets: (s) => s.events },
  { prefix: '/api/events/photos/:id', param: 'id', targets: (s) => s.eventPhotos },
];

const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex').toString('base64');
const today = todayInChina();
const body = (orgId: string, title: string) => ({
  orgId,
  title,
  kind: 'culture',
  audience: 'members',
  capacity: 10,
  signupFrom: today,
  signupUntil: today,
  startsOn: today,
  endsOn: addDays(today, 1),
});

export const EVENT_BODIES: Record<string, (t: Target, own: { orgId: string }) => unknown> = {
  'PUT /api/events/:id': (t, own) => ({ ...body(own.orgId, '越权修改活动'), version: t.version }),
  'POST /api/events/:id/checkin': () => ({ token: 'SiblingToken0001' }),
  'POST /api/events/:id/photos': () => ({ fileName: '越权照片.png', data: PNG }),
};

type Rows = <T>(q: SQL) => Promise<T[]>;

export async function eventTargets(rows: Rows, admin: TestClient, orgId: string, label: string): Promise<EventSiblings> {
  const ev = await admin.post('/api/events', body(orgId, `${label}联谊会`));
  expect(ev.statusCode, ev.body).toBe(201);
  const id = ev.json().id as string;
  // A confirmed sign-up whose token a sibling might try at the check-in.
  await rows(sql`INSERT INTO event_signup (id, event_id, org_id, display_name, status, token)
    VALUES (gen_random_uuid(), ${id}::uuid, ${orgId}::uuid, ${label + '报名人'}, 'confirmed', 'SiblingToken0001' || ${label.length}::text || substr(md5(${label}), 1, 6))`);
  const ph = await admin.post(`/api/events/${id}/photos`, { fileName: `${label}合影.png`, data: PNG });
  expect(ph.statusCode, ph.body).toBe(201);
  return {
    events: [{ id, version: 1, secrets: [`${label}联谊会`, `${label}报名人`] }],
    eventPhotos: [{ id: ph.json().id, version: 1, secrets: [`${label}合影`] }],
  };
}

export function eventSnapshot(rows: Rows, ids: SQL) {
  return Promise.all([
    rows(sql`SELECT * FROM union_event WHERE id IN (${ids}) ORDER BY id`),
    rows(sql`SELECT id, status, checked_in_at FROM event_signup WHERE event_id IN (${ids}) ORDER BY id`),
    rows(sql`SELECT count(*)::int AS n FROM event_photo WHERE event_id IN (${ids})`),
  ]);
}
