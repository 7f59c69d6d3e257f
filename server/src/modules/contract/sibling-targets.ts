import { expect } from 'vitest';
import { sql, type SQL } from 'drizzle-orm';

/**
 * Bargaining and contract objects for the sibling test (server/src/platform/scope-sibling.test.ts):
 * which objects go into which path parameter, valid bodies that would change them, and the rows
 * that must not change. Test-only.
 */
interface Target {
  id: string;
  version: number;
  secrets: string[];
}
export interface ContractSiblings {
  contracts: Target[];
  congresses: Target[];
  proposals: Target[];
}

export const CONTRACT_FILLERS: { prefix: string; param: string; targets: (s: ContractSiblings) => Target[] }[] = [
  { prefix: '/api/contracts/:id', param: 'id', targets: (s) => s.contracts },
  { prefix: '/api/congresses/:id', param: 'id', targets: (s) => s.congresses },
  { prefix: '/api/congress-proposals/:id', param: 'id', targets: (s) => s.proposals },
];

const seats = [
  ...[1, 2, 3].map((i) => ({ side: 'union', name: `越权工方${i}`, chief: i === 1 })),
  ...[1, 2, 3].map((i) => ({ side: 'employer', name: `越权企方${i}`, chief: i === 1 })),
];

export const CONTRACT_BODIES: Record<string, (t: Target) => unknown> = {
  'POST /api/contracts/:id/answer': (t) => ({ answeredOn: '2026-01-05', answer: '越权登记回应', agreed: true, version: t.version }),
  'PUT /api/contracts/:id/negotiators': (t) => ({ negotiators: seats, version: t.version }),
  'POST /api/contracts/:id/vacate': (t) => ({ negotiatorId: t.id, vacatedOn: '2026-01-05', version: t.version }),
  'POST /api/contracts/:id/rounds': () => ({ heldOn: '2026-01-05', minutes: '越权登记协商纪要' }),
  'POST /api/contracts/:id/draft': (t) => ({ clauses: [{ category: 'wages', title: '越权条款', text: '越权草案' }], termYears: 2, version: t.version }),
  'POST /api/contracts/:id/vote': (t) => ({
    body: 'congress',
    heldOn: '2026-01-05',
    delegates: 30,
    present: 30,
    for: 30,
    against: 0,
    abstain: 0,
    version: t.version,
  }),
  'POST /api/contracts/:id/sign': (t) => ({ signedOn: '2026-01-05', unionChief: '越权工方1', employerChief: '越权企方1', version: t.version }),
  'POST /api/contracts/:id/file': (t) => ({ filedOn: '2026-01-05', authority: '越权人社局', version: t.version }),
  'POST /api/contracts/:id/object': (t) => ({ objection: '越权异议', version: t.version }),
  'POST /api/contracts/:id/take-effect': (t) => ({ version: t.version }),
  'POST /api/contracts/:id/publish': (t) => ({ publishedOn: '2026-01-05', publishedVia: '越权公布', version: t.version }),
  'POST /api/contracts/:id/renew': (t) => ({ version: t.version }),
  'POST /api/contracts/:id/expire': (t) => ({ version: t.version }),
  'POST /api/congresses/:id/sessions': () => ({
    heldOn: '2026-01-05',
    present: 1,
    items: [{ kind: 'other', title: '越权议题', for: 1, against: 0, abstain: 0 }],
  }),
  'POST /api/congresses/:id/elections': (t) => ({
    termYears: 5,
    termStart: '2026-01-05',
    electedOn: '2026-01-05',
    method: 'direct',
    electorate: 1,
    voted: 1,
    delegates: [{ name: '越权代表', category: 'front_line', gender: 'female' }],
    version: t.version,
  }),
  'POST /api/congresses/:id/proposals': () => ({ title: '越权提案', delegate: '越权代表', content: '越权提案内容', registeredOn: '2026-01-05' }),
  'POST /api/congress-proposals/:id/act': (t) => ({ action: 'close', version: t.version }),
};

type Rows = <T>(q: SQL) => Promise<T[]>;

/** Bargainings owned under `paths` (subtrees outside the caller's scope), one per state that a write could move. */
export async function contractTargets(rows: Rows, paths: string[]): Promise<ContractSiblings> {
  const under = sql.join(
    paths.map((p) => sql`o.path LIKE ${p + '%'}`),
    sql` OR `,
  );
  const found = await rows<{ id: string; version: number; title: string }>(sql`
    SELECT DISTINCT ON (b.status) b.id, b.version, b.title FROM bargaining b JOIN org o ON o.id = b.org_id
    WHERE (${under}) AND b.status IN ('requested', 'negotiating', 'draft', 'adopted', 'signed', 'filed', 'effective', 'expired') ORDER BY b.status, b.id`);
  expect(found.length, 'the demo data has bargainings in the sibling subtree').toBeGreaterThan(3);
  // Congress and proposal titles repeat across employers: their ids are what must not show.
  const congresses = await rows<{ id: string; version: number }>(
    sql`SELECT k.id, k.version FROM congress k JOIN org o ON o.id = k.org_id WHERE (${under}) ORDER BY k.id LIMIT 2`,
  );
  const proposals = await rows<{ id: string; version: number }>(
    sql`SELECT DISTINCT ON (p.status) p.id, p.version FROM congress_proposal p JOIN org o ON o.id = p.org_id WHERE (${under}) ORDER BY p.status, p.id`,
  );
  expect(congresses.length && proposals.length, 'the demo data has congresses and proposals in the sibling subtree').toBeTruthy();
  return {
    contracts: found.map((b) => ({ id: b.id, version: b.version, secrets: [b.title] })),
    congresses: congresses.map((k) => ({ id: k.id, version: k.version, secrets: [] })),
    proposals: proposals.map((p) => ({ id: p.id, version: p.version, secrets: [] })),
  };
}

/** Rows that no refused request may change. */
export function contractSnapshot(rows: Rows, ids: SQL) {
  return Promise.all([
    rows(sql`SELECT * FROM bargaining WHERE id IN (${ids}) ORDER BY id`),
    rows(sql`SELECT * FROM negotiator WHERE bargaining_id IN (${ids}) ORDER BY id`),
    rows(sql`SELECT count(*)::int AS n FROM bargaining_round WHERE bargaining_id IN (${ids})`),
    rows(sql`SELECT count(*)::int AS n FROM bargaining WHERE renews_id IN (${ids})`),
    rows(sql`SELECT * FROM congress WHERE id IN (${ids}) ORDER BY id`),
    rows(sql`SELECT count(*)::int AS n FROM congress_session WHERE congress_id IN (${ids})`),
    rows(sql`SELECT * FROM congress_proposal WHERE id IN (${ids}) OR congress_id IN (${ids}) ORDER BY id`),
  ]);
}
