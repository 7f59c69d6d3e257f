import { expect } from 'vitest';
import { sql, type SQL } from 'drizzle-orm';
import type { TestClient } from '../../test/harness.js';

/**
 * Training and proposal objects for the sibling test (server/src/platform/scope-sibling.test.ts): a
 * course with a sign-up, a certificate, a 师带徒 pair and a proposal of a union outside the caller's
 * scope. Test-only.
 */
interface Target {
  id: string;
  version: number;
  secrets: string[];
}
export interface TrainingSiblings {
  trainingCourses: Target[];
  skillCertificates: Target[];
  mentoringPairs: Target[];
  /** 合理化建议 (not the congress proposals of the contract domain). */
  rationalProposals: Target[];
}

export const TRAINING_FILLERS: { prefix: string; param: string; targets: (s: TrainingSiblings) => Target[] }[] = [
  { prefix: '/api/training/courses/:id', param: 'id', targets: (s) => s.trainingCourses },
  { prefix: '/api/training/certificates/:id', param: 'id', targets: (s) => s.skillCertificates },
  { prefix: '/api/training/mentoring/:id', param: 'id', targets: (s) => s.mentoringPairs },
  { prefix: '/api/proposals/:id', param: 'id', targets: (s) => s.rationalProposals },
];

const course = { title: '越权培训班', mode: 'online', trade: '焊工', sector: 'other', startsOn: '2026-01-05', endsOn: '2026-01-06', hours: 1, capacity: 1 };
export const TRAINING_BODIES: Record<string, (t: Target, own: { orgId: string }) => unknown> = {
  'PUT /api/training/courses/:id': (t, own) => ({ ...course, orgId: own.orgId, version: t.version }),
  // A real member id would be needed to pass validation; any uuid reaches the scope check on the course first.
  'POST /api/training/courses/:id/enrolments': () => ({ memberId: '00000000-0000-4000-8000-000000000001' }),
  'POST /api/training/courses/:id/attendance': () => ({ marks: [{ enrolmentId: '00000000-0000-4000-8000-000000000001', status: 'absent' }] }),
  'POST /api/training/mentoring/:id/result': (t) => ({ status: 'ended', result: '越权终止', version: t.version }),
  'POST /api/proposals/:id/evaluate': (t) => ({ version: t.version }),
  'POST /api/proposals/:id/adopt': (t) => ({ version: t.version, opinion: '越权采纳' }),
  'POST /api/proposals/:id/reject': (t) => ({ version: t.version, opinion: '越权驳回' }),
  'POST /api/proposals/:id/implement': (t) => ({ version: t.version, valueFen: 1, rewardFen: 1, implementedOn: '2026-01-05' }),
};

type Rows = <T>(q: SQL) => Promise<T[]>;

/** The objects, in `orgId` (a union outside the caller's reach), made by the city's administrator. */
export async function trainingTargets(rows: Rows, admin: TestClient, orgId: string, label: string): Promise<TrainingSiblings> {
  const c = await admin.post('/api/training/courses', { ...course, orgId, title: `${label}培训班` });
  expect(c.statusCode, c.body).toBe(201);
  const [m] = await rows<{ id: string }>(sql`SELECT id FROM member WHERE org_id = ${orgId} AND status = 'active' ORDER BY id LIMIT 1`);
  if (m) expect((await admin.post(`/api/training/courses/${c.json().id}/enrolments`, { memberId: m.id })).statusCode).toBe(201);
  const cert = await admin.post('/api/training/certificates', {
    orgId,
    name: `${label}持证人`,
    level: 'technician',
    trade: '电工',
    sector: 'energy',
    issuedOn: '2024-05-01',
    issuer: '江城市职业技能鉴定中心',
  });
  expect(cert.statusCode, cert.body).toBe(201);
  const pair = await admin.post('/api/training/mentoring', {
    orgId,
    mentorName: `${label}师傅`,
    apprenticeName: `${label}徒弟`,
    trade: '电工',
    startsOn: '2025-01-01',
    endsOn: '2026-12-31',
    goals: `${label}带徒目标`,
  });
  expect(pair.statusCode, pair.body).toBe(201);
  const p = await admin.post('/api/proposals', {
    orgId,
    proposerName: `${label}建议人`,
    kind: 'design',
    title: `${label}建议`,
    content: '越权测试用的建议内容',
  });
  expect(p.statusCode, p.body).toBe(201);
  return {
    trainingCourses: [{ id: c.json().id, version: 1, secrets: [`${label}培训班`] }],
    skillCertificates: [{ id: cert.json().id, version: 1, secrets: [`${label}持证人`, cert.json().certNo] }],
    mentoringPairs: [{ id: pair.json().id, version: 1, secrets: [`${label}师傅`, `${label}徒弟`] }],
    rationalProposals: [{ id: p.json().id, version: 1, secrets: [`${label}建议人`, p.json().proposalNo] }],
  };
}

/** Rows that no refused request may change. */
export function trainingSnapshot(rows: Rows, ids: SQL) {
  return Promise.all([
    rows(sql`SELECT * FROM training_course WHERE id IN (${ids}) ORDER BY id`),
    rows(sql`SELECT * FROM training_enrolment WHERE course_id IN (${ids}) ORDER BY id`),
    rows(sql`SELECT * FROM skill_certificate WHERE id IN (${ids}) ORDER BY id`),
    rows(sql`SELECT * FROM mentoring_pair WHERE id IN (${ids}) ORDER BY id`),
    rows(sql`SELECT * FROM proposal WHERE id IN (${ids}) ORDER BY id`),
  ]);
}
