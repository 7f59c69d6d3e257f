import { expect } from 'vitest';
import { sql } from 'drizzle-orm';
import { computeIdCheck } from '../../../../common/src/id-number.js';
import type { TestClient, TestEnv } from '../../test/harness.js';

/** Test-only helpers for the hardship tests (not used by the app). */

let seq = 0;
/** A fresh valid 18-digit ID number (GB 11643-1999 check character). */
export function newIdNumber(birth = '19800101', area = '439902'): string {
  seq++;
  const s = String(100 + (seq % 800)).padStart(3, '0');
  const day = String(1 + (Math.floor(seq / 800) % 28)).padStart(2, '0');
  const first17 = area + birth.slice(0, 6) + day + s;
  return first17 + computeIdCheck(first17);
}

/** A test region with its own subsistence line (1,000 yuan), so tiers do not depend on the demo lines. */
export const TEST_REGION = '439999';
export const TEST_LINE_FEN = 100_000;

/** Annual household income giving `perCapitaFen` a person a month for `size` people (no rigid expenses). */
export const annualFor = (perCapitaFen: number, size: number) => perCapitaFen * 12 * size;

export function fields(o: Record<string, unknown> = {}) {
  return {
    name: '测试职工',
    health: 'healthy',
    employmentStatus: 'employed',
    hukouType: 'urban',
    mainCause: 'low_income',
    regionCode: TEST_REGION,
    annualIncomeFen: annualFor(50_000, 3),
    household: [
      { name: '测试配偶', relationship: 'spouse', idNumber: newIdNumber('19820202'), health: 'healthy', employmentStatus: 'flexible', annualIncomeFen: 0 },
      { name: '测试子女', relationship: 'child', health: 'healthy', employmentStatus: 'student' },
    ],
    ...o,
  };
}

export async function ensureTestLine(admin: TestClient) {
  const res = await admin.post('/api/hardship/rules/lines', {
    regionCode: TEST_REGION,
    effectiveFrom: '2020-01-01',
    monthlyFen: TEST_LINE_FEN,
    source: '测试用低保标准',
  });
  expect([201, 409]).toContain(res.statusCode);
}

export async function orgOf(env: TestEnv, username: string) {
  const [o] = await env.services.database.query<{ id: string; path: string; parent_id: string }>(
    sql`SELECT o.id, o.path, o.parent_id FROM org o JOIN app_user u ON u.org_id = o.id WHERE u.username = ${username}`,
  );
  return o!;
}

/** Open a file through the API and return its id. */
export async function openFile(client: TestClient, orgId: string, o: Record<string, unknown> = {}, idNumber = newIdNumber()) {
  const res = await client.post('/api/hardship/files', { orgId, idNumber, mobile: '13800138000', fields: fields(o) });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; fileNo: string; status: string; tier: string | null; version: number };
}

/** Move a file straight to `filed` in the database (the workflow itself is tested in hardship.test.ts). */
export async function forceFiled(env: TestEnv, id: string, today: string) {
  await env.services.database.query(
    sql`UPDATE hardship_file SET status = 'filed', filed_on = ${today}::date, next_review_due = (${today}::date + 365), review_levels_required = 2, review_levels_done = 2 WHERE id = ${id}`,
  );
}
