import { expect } from 'vitest';
import { sql, type SQL } from 'drizzle-orm';

/**
 * Dispute objects for the sibling test (server/src/platform/scope-sibling.test.ts): which objects go
 * into which path parameter, valid bodies that would change them, and the rows that must not change.
 * Test-only.
 */
interface Target {
  id: string;
  version: number;
  secrets: string[];
}
export interface DisputeSiblings {
  disputes: Target[];
  mediators: Target[];
  legalAid: Target[];
  lawyers: Target[];
  arrears: Target[];
}

export const DISPUTE_FILLERS: { prefix: string; param: string; targets: (s: DisputeSiblings) => Target[] }[] = [
  { prefix: '/api/disputes/:id', param: 'id', targets: (s) => s.disputes },
  { prefix: '/api/mediators/:id', param: 'id', targets: (s) => s.mediators },
  { prefix: '/api/legal-aid/:id', param: 'id', targets: (s) => s.legalAid },
  { prefix: '/api/lawyers/:id', param: 'id', targets: (s) => s.lawyers },
  { prefix: '/api/wage-arrears/:id', param: 'id', targets: (s) => s.arrears },
];

export const DISPUTE_BODIES: Record<string, (t: Target, own: { orgId: string }) => unknown> = {
  'POST /api/disputes/:id/assign': () => ({}),
  'POST /api/disputes/:id/transfer': (_t, own) => ({ toOrgId: own.orgId, reason: '越权移交案件' }),
  'POST /api/disputes/:id/sessions': () => ({ heldOn: '2026-01-05', notes: '越权调解记录' }),
  'POST /api/disputes/:id/agree': () => ({ terms: '越权协议', amountFen: 1 }),
  'POST /api/disputes/:id/fail': () => ({ reason: '越权调解不成' }),
  'POST /api/disputes/:id/close': () => ({}),
  'POST /api/disputes/:id/reject': () => ({ reason: '越权不予受理', referTo: 'court' }),
  'PUT /api/mediators/:id': (t, own) => ({ orgId: own.orgId, name: '越权改名', kind: 'union', version: t.version }),
  'POST /api/legal-aid/:id/assign': () => ({}),
  'POST /api/legal-aid/:id/close': () => ({ outcomeKind: 'resolved', outcome: '越权办结', hours: 1 }),
  'POST /api/legal-aid/:id/decline': () => ({ reason: '越权不予援助' }),
  'POST /api/wage-arrears/:id/recoveries': () => ({ paidOn: '2026-01-05', amountFen: 1 }),
  'PUT /api/lawyers/:id': (t, own) => ({ orgId: own.orgId, name: '越权改名', firm: '越权律所', version: t.version }),
};

type Rows = <T>(q: SQL) => Promise<T[]>;

/** Open and concluded cases and mediators held by unions under `paths` (outside the caller's scope; grassroots unions left out). */
export async function disputeTargets(rows: Rows, paths: string[]): Promise<DisputeSiblings> {
  const under = sql.join(
    paths.map((p) => sql`o.path LIKE ${p + '%'}`),
    sql` OR `,
  );
  const cases = await rows<{ id: string; version: number; case_no: string }>(sql`
    (SELECT d.id, d.version, d.case_no FROM dispute_case d JOIN org o ON o.id = d.org_id WHERE (${under}) AND o.level <> 'grassroots' AND d.status = 'mediating' ORDER BY d.case_no LIMIT 1)
    UNION ALL
    (SELECT d.id, d.version, d.case_no FROM dispute_case d JOIN org o ON o.id = d.org_id WHERE (${under}) AND o.level <> 'grassroots' AND d.status = 'received' ORDER BY d.case_no LIMIT 1)`);
  expect(cases.length, 'the demo data has open dispute cases in the sibling subtree').toBeGreaterThan(0);
  const meds = await rows<{ id: string; version: number }>(
    sql`SELECT m.id, m.version FROM mediator m JOIN org o ON o.id = m.org_id WHERE (${under}) AND o.level <> 'grassroots' ORDER BY m.id LIMIT 1`,
  );
  expect(meds.length, 'the demo data has mediators in the sibling subtree').toBeGreaterThan(0);
  const aid = await rows<{ id: string; version: number; request_no: string }>(sql`
    SELECT r.id, r.version, r.request_no FROM legal_aid_request r JOIN org o ON o.id = r.org_id WHERE (${under}) AND o.level <> 'grassroots' AND r.status IN ('requested', 'assigned') ORDER BY r.request_no LIMIT 2`);
  expect(aid.length, 'the demo data has open legal-aid requests in the sibling subtree').toBeGreaterThan(0);
  const lawyers = await rows<{ id: string; version: number }>(
    sql`SELECT l.id, l.version FROM lawyer l JOIN org o ON o.id = l.org_id WHERE (${under}) AND o.level <> 'grassroots' ORDER BY l.id LIMIT 1`,
  );
  return {
    disputes: cases.map((c) => ({ id: c.id, version: c.version, secrets: [c.case_no] })),
    mediators: meds.map((m) => ({ id: m.id, version: m.version, secrets: [] })),
    legalAid: aid.map((r) => ({ id: r.id, version: r.version, secrets: [r.request_no] })),
    lawyers: lawyers.map((l) => ({ id: l.id, version: l.version, secrets: [] })),
    arrears: (
      await rows<{ id: string; version: number; case_no: string }>(sql`
      SELECT w.id, w.version, w.case_no FROM wage_arrears w JOIN org o ON o.id = w.org_id WHERE (${under}) AND o.level <> 'grassroots' AND w.status = 'open' ORDER BY w.case_no LIMIT 1`)
    ).map((w) => ({ id: w.id, version: w.version, secrets: [w.case_no] })),
  };
}

/** Rows that no refused request may change. */
export function disputeSnapshot(rows: Rows, ids: SQL) {
  return Promise.all([
    rows(sql`SELECT * FROM dispute_case WHERE id IN (${ids}) ORDER BY id`),
    rows(sql`SELECT * FROM mediator WHERE id IN (${ids}) ORDER BY id`),
    rows(sql`SELECT count(*)::int AS sessions FROM dispute_session WHERE dispute_id IN (${ids})`),
    rows(sql`SELECT * FROM legal_aid_request WHERE id IN (${ids}) ORDER BY id`),
    rows(sql`SELECT * FROM lawyer WHERE id IN (${ids}) ORDER BY id`),
    rows(sql`SELECT * FROM wage_arrears WHERE id IN (${ids}) ORDER BY id`),
    rows(sql`SELECT count(*)::int AS recoveries FROM wage_recovery WHERE arrears_id IN (${ids})`),
  ]);
}
