import { expect } from 'vitest';
import { sql, type SQL } from 'drizzle-orm';
import type { TestClient } from '../../test/harness.js';

/**
 * Competition and studio objects for the sibling test (server/src/platform/scope-sibling.test.ts): a
 * contest organised outside the caller's reach with one entry, and a studio of a union outside the
 * caller's scope. Test-only.
 */
interface Target {
  id: string;
  version: number;
  secrets: string[];
}
export interface AchievementSiblings {
  competitions: Target[];
  competitionEntries: Target[];
  studios: Target[];
}

export const ACHIEVEMENT_FILLERS: { prefix: string; param: string; targets: (s: AchievementSiblings) => Target[] }[] = [
  { prefix: '/api/competitions/:id', param: 'id', targets: (s) => s.competitions },
  { prefix: '/api/competitions/entries/:id', param: 'id', targets: (s) => s.competitionEntries },
  { prefix: '/api/studios/:id', param: 'id', targets: (s) => s.studios },
];

const entry = { event: '越权项目', unitName: '越权单位', score: 1, winner: true };
export const ACHIEVEMENT_BODIES: Record<string, (t: Target, own: { orgId: string }) => unknown> = {
  'PUT /api/competitions/:id': (t, own) => ({
    orgId: own.orgId,
    name: '越权修改竞赛',
    kind: 'labour',
    level: 'city',
    sector: 'other',
    startsOn: '2026-01-01',
    endsOn: '2026-02-01',
    version: t.version,
  }),
  'POST /api/competitions/:id/entries': () => entry,
  'PUT /api/competitions/entries/:id': () => entry,
  'PUT /api/studios/:id': (t, own) => ({
    orgId: own.orgId,
    name: '越权修改工作室',
    kind: 'craftsman',
    level: 'city',
    sector: 'other',
    leaderName: '越权者',
    foundedOn: '2020-01-01',
    version: t.version,
  }),
  'POST /api/studios/:id/results': () => ({ kind: 'patent', title: '越权成果', onDate: '2026-01-05', savingsFen: 1 }),
  'POST /api/studios/:id/evaluations': () => ({ year: 2026, grade: 'fail', fundingFen: 0 }),
};

type Rows = <T>(q: SQL) => Promise<T[]>;

export async function achievementTargets(
  rows: Rows,
  admin: TestClient,
  o: { competitionOrgId: string; studioOrgId: string },
  label: string,
): Promise<AchievementSiblings> {
  const comp = await admin.post('/api/competitions', {
    orgId: o.competitionOrgId,
    name: `${label}竞赛`,
    kind: 'skills',
    level: 'county',
    sector: 'manufacturing',
    startsOn: '2026-03-01',
    endsOn: '2026-06-30',
  });
  expect(comp.statusCode, comp.body).toBe(201);
  const e = await admin.post(`/api/competitions/${comp.json().id}/entries`, {
    event: '焊工',
    unitName: `${label}参赛单位`,
    personName: `${label}选手`,
    score: 95.5,
    winner: true,
  });
  expect(e.statusCode, e.body).toBe(201);
  const st = await admin.post('/api/studios', {
    orgId: o.studioOrgId,
    name: `${label}工作室`,
    kind: 'model_worker',
    level: 'city',
    sector: 'manufacturing',
    leaderName: `${label}领衔人`,
    foundedOn: '2021-05-01',
  });
  expect(st.statusCode, st.body).toBe(201);
  void rows;
  return {
    competitions: [{ id: comp.json().id, version: 1, secrets: [`${label}竞赛`] }],
    competitionEntries: [{ id: e.json().id, version: 1, secrets: [`${label}参赛单位`] }],
    studios: [{ id: st.json().id, version: 1, secrets: [`${label}工作室`] }],
  };
}

export function achievementSnapshot(rows: Rows, ids: SQL) {
  return Promise.all([
    rows(sql`SELECT * FROM competition WHERE id IN (${ids}) ORDER BY id`),
    rows(sql`SELECT * FROM competition_entry WHERE id IN (${ids}) ORDER BY id`),
    rows(sql`SELECT count(*)::int AS n FROM competition_entry WHERE competition_id IN (${ids})`),
    rows(sql`SELECT * FROM studio WHERE id IN (${ids}) ORDER BY id`),
    rows(sql`SELECT count(*)::int AS n FROM studio_result WHERE studio_id IN (${ids})`),
    rows(sql`SELECT count(*)::int AS n FROM studio_evaluation WHERE studio_id IN (${ids})`),
  ]);
}
