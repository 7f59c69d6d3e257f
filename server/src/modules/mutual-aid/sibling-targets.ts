import { expect } from 'vitest';
import { sql, type SQL } from 'drizzle-orm';
import type { TestClient } from '../../test/harness.js';

/**
 * Mutual-aid objects for the sibling test (server/src/platform/scope-sibling.test.ts): a plan run
 * outside the caller's reach, and a claim (with a document) of a member outside the caller's scope.
 * Test-only.
 */
interface Target {
  id: string;
  version: number;
  secrets: string[];
}
export interface MutualAidSiblings {
  mutualAidPlans: Target[];
  mutualAidClaims: Target[];
  mutualAidDocuments: Target[];
}

export const MUTUAL_AID_FILLERS: { prefix: string; param: string; targets: (s: MutualAidSiblings) => Target[] }[] = [
  { prefix: '/api/mutual-aid/plans/:id', param: 'id', targets: (s) => s.mutualAidPlans },
  { prefix: '/api/mutual-aid/claims/:id', param: 'id', targets: (s) => s.mutualAidClaims },
  { prefix: '/api/mutual-aid/documents/:id', param: 'id', targets: (s) => s.mutualAidDocuments },
];

const PDF = Buffer.from('%PDF-1.4\n% sibling\n').toString('base64');
export const MUTUAL_AID_BODIES: Record<string, (t: Target, own: { orgId: string }) => unknown> = {
  'POST /api/mutual-aid/plans/:id/enrolments': (t) => ({ memberIds: [t.id], paidOn: '2026-01-05' }),
  'POST /api/mutual-aid/plans/:id/enrolments/import': () => ({ fileName: '越权名单.xlsx', data: 'UEsDBAo=', paidOn: '2026-01-05' }),
  'POST /api/mutual-aid/claims/:id/documents': () => ({ kind: 'other', fileName: '越权材料.pdf', data: PDF }),
  'POST /api/mutual-aid/claims/:id/approve': (t) => ({ approvedFen: 100, version: t.version }),
  'POST /api/mutual-aid/claims/:id/pay': (t) => ({ paidOn: '2026-01-05', version: t.version }),
  'POST /api/mutual-aid/claims/:id/reject': (t) => ({ reason: '越权驳回互助金', version: t.version }),
};

/** A plan of `planOrgId`; a member of `memberOrgId` enrolled in a plan of `claimPlanOrgId` with a claim and a document. */
export async function mutualAidTargets(
  admin: TestClient,
  o: { planOrgId: string; claimPlanOrgId: string; memberId: string },
  label: string,
): Promise<MutualAidSiblings> {
  const plan = async (orgId: string, name: string) => {
    const res = await admin.post('/api/mutual-aid/plans', { orgId, kind: 'accident', name, feeFen: 3000, maxPayoutFen: 1_000_000, startsOn: '2026-01-01' });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; version: number };
  };
  const p = await plan(o.planOrgId, `${label}互助计划`);
  const cp = o.claimPlanOrgId === o.planOrgId ? p : await plan(o.claimPlanOrgId, `${label}申请所用计划`);
  const en = await admin.post(`/api/mutual-aid/plans/${cp.id}/enrolments`, { memberIds: [o.memberId], paidOn: '2025-12-20' });
  expect(en.statusCode, en.body).toBe(200);
  expect(en.json().enrolled, en.body).toBe(1);
  const list = await admin.get(`/api/mutual-aid/enrolments?planId=${cp.id}&memberId=${o.memberId}`);
  const enrolmentId = list.json().items[0].id as string;
  const k = await admin.post('/api/mutual-aid/claims', {
    enrolmentId,
    benefit: 'medical',
    eventOn: '2026-02-01',
    amountFen: 50_000,
    description: `${label}互助金申请说明`,
  });
  expect(k.statusCode, k.body).toBe(201);
  const d = await admin.post(`/api/mutual-aid/claims/${k.json().id}/documents`, { kind: 'invoice', fileName: `${label}发票.pdf`, data: PDF });
  expect(d.statusCode, d.body).toBe(201);
  return {
    mutualAidPlans: [{ id: p.id, version: p.version, secrets: [`${label}互助计划`] }],
    mutualAidClaims: [{ id: k.json().id, version: 1, secrets: [k.json().claimNo, `${label}互助金申请说明`] }],
    mutualAidDocuments: [{ id: d.json().id, version: 1, secrets: [`${label}发票.pdf`] }],
  };
}

type Rows = <T>(q: SQL) => Promise<T[]>;
export async function mutualAidSnapshot(rows: Rows, list: SQL) {
  return {
    plans: await rows(sql`SELECT * FROM mutual_aid_plan WHERE id IN (${list}) ORDER BY id`),
    claims: await rows(sql`SELECT * FROM mutual_aid_claim WHERE id IN (${list}) ORDER BY id`),
    documents: await rows(sql`SELECT id, claim_id, file_name, sha256 FROM mutual_aid_document WHERE id IN (${list}) ORDER BY id`),
  };
}
