import { expect } from 'vitest';
import { sql, type SQL } from 'drizzle-orm';
import type { TestClient } from '../../test/harness.js';

/**
 * Benefit objects for the sibling test (server/src/platform/scope-sibling.test.ts): a merchant with
 * an offer signed by a union outside the caller's reach, and that union's recuperation places.
 * Test-only.
 */
interface Target {
  id: string;
  version: number;
  secrets: string[];
}
export interface BenefitSiblings {
  benefitMerchants: Target[];
  benefitOffers: Target[];
  recuperationQuotas: Target[];
}

/** The year of the sibling test's recuperation places (a year of their own, clear of the demo's). */
export const SIBLING_QUOTA_YEAR = 2035;

export const BENEFIT_FILLERS: { prefix: string; param: string; targets: (s: BenefitSiblings) => Target[] }[] = [
  { prefix: '/api/benefits/merchants/:id', param: 'id', targets: (s) => s.benefitMerchants },
  { prefix: '/api/benefits/offers/:id', param: 'id', targets: (s) => s.benefitOffers },
  { prefix: '/api/benefits/recuperation/:id', param: 'id', targets: (s) => s.recuperationQuotas },
];

export const BENEFIT_BODIES: Record<string, (t: Target, own: { orgId: string }) => unknown> = {
  'PUT /api/benefits/merchants/:id': (t, own) => ({ orgId: own.orgId, name: '越权商户', category: 'dining', signedOn: '2026-01-05', version: t.version }),
  'PUT /api/benefits/offers/:id': (t) => ({
    merchantId: t.id,
    title: '越权优惠',
    kind: 'voucher',
    audience: 'members',
    perMember: 1,
    startsOn: '2026-01-05',
    endsOn: '2026-02-05',
    version: t.version,
  }),
  'PUT /api/benefits/recuperation/:id': (t) => ({ places: 0, version: t.version }),
};

export const BENEFIT_LIST_QUERIES: Record<string, string> = { '/api/benefits/recuperation': `?year=${SIBLING_QUOTA_YEAR}` };

export async function benefitTargets(admin: TestClient, orgId: string, label: string): Promise<BenefitSiblings> {
  const m = await admin.post('/api/benefits/merchants', { orgId, name: `${label}商户`, category: 'health', signedOn: '2026-01-05' });
  expect(m.statusCode, m.body).toBe(201);
  const o = await admin.post('/api/benefits/offers', {
    merchantId: m.json().id,
    title: `${label}优惠`,
    kind: 'voucher',
    valueFen: 1000,
    audience: 'members',
    perMember: 1,
    startsOn: '2026-01-05',
    endsOn: '2036-12-31',
  });
  expect(o.statusCode, o.body).toBe(201);
  const q = await admin.post('/api/benefits/recuperation', { year: SIBLING_QUOTA_YEAR, orgId, places: 7, note: `${label}名额` });
  expect(q.statusCode, q.body).toBe(201);
  return {
    benefitMerchants: [{ id: m.json().id, version: 1, secrets: [`${label}商户`] }],
    benefitOffers: [{ id: o.json().id, version: 1, secrets: [`${label}优惠`] }],
    recuperationQuotas: [{ id: q.json().id, version: 1, secrets: [`${label}名额`] }],
  };
}

type Rows = <T>(q: SQL) => Promise<T[]>;
export function benefitSnapshot(rows: Rows, ids: SQL) {
  return Promise.all([
    rows(sql`SELECT * FROM benefit_merchant WHERE id IN (${ids}) ORDER BY id`),
    rows(sql`SELECT * FROM benefit_offer WHERE id IN (${ids}) ORDER BY id`),
    rows(sql`SELECT * FROM recuperation_quota WHERE id IN (${ids}) OR parent_id IN (${ids}) ORDER BY id`),
  ]);
}
