import { expect } from 'vitest';
import { sql, type SQL } from 'drizzle-orm';
import { computeIdCheck } from '../../../../common/src/id-number.js';
import type { TestClient } from '../../test/harness.js';

/**
 * Hardship objects for the sibling test (server/src/platform/scope-sibling.test.ts): which objects go
 * into which path parameter, valid bodies that would change them, and the rows that must not change.
 * Test-only.
 */
interface Target {
  id: string;
  version: number;
  secrets: string[];
}
export interface HardshipSiblings {
  hardshipFiles: Target[];
  hardshipAttachments: Target[];
  hardshipAid: Target[];
  hardshipBudgets: Target[];
  hardshipCampaigns: Target[];
  hardshipWarnings: Target[];
  hardshipRules: Target[];
}

export const HARDSHIP_FILLERS: { prefix: string; param: string; targets: (s: HardshipSiblings) => Target[] }[] = [
  { prefix: '/api/hardship/files/:id', param: 'id', targets: (s) => s.hardshipFiles },
  { prefix: '/api/hardship/attachments/:id', param: 'id', targets: (s) => s.hardshipAttachments },
  { prefix: '/api/hardship/aid/:id', param: 'id', targets: (s) => s.hardshipAid },
  { prefix: '/api/hardship/budgets/:id', param: 'id', targets: (s) => s.hardshipBudgets },
  { prefix: '/api/hardship/campaigns/:id', param: 'id', targets: (s) => s.hardshipCampaigns },
  { prefix: '/api/hardship/warnings/:id', param: 'id', targets: (s) => s.hardshipWarnings },
  { prefix: '/api/hardship/rules/lines/:id', param: 'id', targets: (s) => s.hardshipRules },
  { prefix: '/api/hardship/rules/caps/:id', param: 'id', targets: (s) => s.hardshipRules },
];

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(32)]).toString('base64');
const first17 = '43990319850101777';
const ID = first17 + computeIdCheck(first17);
const fields = { name: '越权改名', health: 'healthy', employmentStatus: 'employed', hukouType: 'urban', mainCause: 'other', annualIncomeFen: 1 };

export const HARDSHIP_BODIES: Record<string, (t: Target) => unknown> = {
  'PUT /api/hardship/files/:id': (t) => ({ idNumber: ID, fields, version: t.version }),
  'POST /api/hardship/files/:id/check': () => ({ approve: false, note: '越权驳回' }),
  'POST /api/hardship/files/:id/review': () => ({ approve: false, note: '越权驳回' }),
  'POST /api/hardship/files/:id/reassess': () => ({}),
  'POST /api/hardship/files/:id/exit': () => ({ reason: 'other', note: '越权脱困' }),
  'POST /api/hardship/files/:id/relapse': () => ({ note: '越权登记返困' }),
  'POST /api/hardship/files/:id/visits': () => ({ kind: 'follow_up', visitedOn: '2026-01-05', visitor: '越权者', findings: '越权走访记录' }),
  'POST /api/hardship/files/:id/attachments': () => ({ kind: 'other', fileName: 'hijack.png', data: PNG }),
  'POST /api/hardship/files/:id/aid': (t) => ({ kind: 'living', method: 'cash', amountFen: 100, paidOn: '2026-01-05', budgetId: t.id, recipientKind: 'head' }),
  'POST /api/hardship/aid/:id/receipt': () => ({ kind: 'signature', data: PNG }),
  'PUT /api/hardship/budgets/:id': (t) => ({ allocatedFen: 999_999_999, version: t.version }),
  'POST /api/hardship/warnings/:id/close': () => ({ action: '越权销号处理' }),
  'PUT /api/hardship/rules/lines/:id': (t) => ({ monthlyFen: 1, source: '越权修改低保标准', version: t.version }),
  'PUT /api/hardship/rules/caps/:id': (t) => ({
    kind: null,
    rule: 'per_payment',
    amountFen: 1,
    effectiveFrom: '2020-01-01',
    source: '越权修改标准',
    version: t.version,
  }),
};

type Rows = <T>(q: SQL) => Promise<T[]>;

/**
 * Hardship objects under `path` (a subtree outside the caller's scope): a file (with an attachment
 * made by `admin`, named after `label`), an aid record, a budget and an open warning; campaigns of `campaignOrgPath`;
 * the city-wide rule rows (which only a top-level administrator may change).
 */
export async function hardshipTargets(rows: Rows, admin: TestClient, paths: string[], campaignOrgPath: string, label: string): Promise<HardshipSiblings> {
  const under = sql.join(
    paths.map((p) => sql`o.path LIKE ${p + '%'}`),
    sql` OR `,
  );
  const files = await rows<{ id: string; version: number; name: string; file_no: string }>(sql`
    SELECT f.id, f.version, f.name, f.file_no FROM hardship_file f JOIN org o ON o.id = f.org_id WHERE (${under}) AND f.status IN ('filed', 'exited') ORDER BY f.file_no LIMIT 2`);
  expect(files.length, 'the demo data has hardship files in the sibling subtree').toBeGreaterThan(0);
  const att = await admin.post(`/api/hardship/files/${files[0]!.id}/attachments`, { kind: 'other', fileName: `${label}扫描件.png`, data: PNG });
  expect(att.statusCode, att.body).toBe(201);
  const one = async (q: SQL) => (await rows<{ id: string; version: number }>(q)).map((r) => ({ id: r.id, version: r.version ?? 1, secrets: [] as string[] }));
  let warnings = await one(sql`SELECT w.id, 1 AS version FROM hardship_warning w JOIN org o ON o.id = w.org_id WHERE (${under}) AND w.status = 'open' LIMIT 1`);
  if (!warnings.length) {
    await rows(sql`INSERT INTO hardship_warning (id, dedup_key, rule, level, file_id, org_id, explanation, figures, raised_on, due_on)
      SELECT gen_random_uuid(), 'sibling-test:' || f.id, 'review_overdue', 'yellow', f.id, f.org_id, '测试预警', '{}'::jsonb, current_date, current_date + 5 FROM hardship_file f WHERE f.id = ${files[0]!.id}`);
    warnings = await one(sql`SELECT id, 1 AS version FROM hardship_warning WHERE dedup_key = ${'sibling-test:' + files[0]!.id}`);
  }
  return {
    hardshipFiles: files.map((f) => ({ id: f.id, version: f.version, secrets: [f.name, f.file_no] })),
    hardshipAttachments: [{ id: att.json().id, version: 1, secrets: [`${label}扫描件`] }],
    hardshipAid: await one(sql`SELECT a.id, 1 AS version FROM aid_record a JOIN org o ON o.id = a.org_id WHERE (${under}) ORDER BY a.id LIMIT 1`),
    hardshipBudgets: await one(sql`SELECT b.id, b.version FROM aid_budget b JOIN org o ON o.id = b.org_id WHERE (${under}) ORDER BY b.id LIMIT 1`),
    hardshipCampaigns: await one(
      sql`SELECT k.id, 1 AS version FROM aid_campaign k JOIN org o ON o.id = k.org_id WHERE o.path LIKE ${campaignOrgPath + '%'} ORDER BY k.id LIMIT 1`,
    ),
    hardshipWarnings: warnings,
    hardshipRules: [
      ...(await one(sql`SELECT id, version FROM subsistence_line ORDER BY id LIMIT 1`)),
      ...(await one(sql`SELECT id, version FROM aid_cap ORDER BY id LIMIT 1`)),
    ],
  };
}

/** Rows that no refused request may change. */
export function hardshipSnapshot(rows: Rows, ids: SQL) {
  return Promise.all([
    rows(sql`SELECT * FROM hardship_file WHERE id IN (${ids}) ORDER BY id`),
    rows(sql`SELECT id, file_id, size, sha256 FROM hardship_attachment WHERE id IN (${ids}) ORDER BY id`),
    rows(sql`SELECT id, amount_fen, receipt_kind FROM aid_record WHERE id IN (${ids}) ORDER BY id`),
    rows(sql`SELECT * FROM aid_budget WHERE id IN (${ids}) ORDER BY id`),
    rows(sql`SELECT * FROM hardship_warning WHERE id IN (${ids}) ORDER BY id`),
    rows(sql`SELECT * FROM subsistence_line WHERE id IN (${ids}) ORDER BY id`),
    rows(sql`SELECT * FROM aid_cap WHERE id IN (${ids}) ORDER BY id`),
    rows(sql`SELECT count(*)::int AS visits FROM hardship_visit WHERE file_id IN (${ids})`),
  ]);
}
