import { expect } from 'vitest';
import { sql, type SQL } from 'drizzle-orm';
import type { TestClient } from '../../test/harness.js';

/**
 * Honour objects for the sibling test (server/src/platform/scope-sibling.test.ts): a call of a union
 * outside the caller's reach, a nomination under it, an objection the reviewing body holds, a
 * holder's record with care. Test-only.
 */
interface Target {
  id: string;
  version: number;
  secrets: string[];
}
export interface HonorSiblings {
  honorCalls: Target[];
  honorNominations: Target[];
  honorObjections: Target[];
  honorRecords: Target[];
}

export const HONOR_FILLERS: { prefix: string; param: string; targets: (s: HonorSiblings) => Target[] }[] = [
  { prefix: '/api/honors/calls/:id', param: 'id', targets: (s) => s.honorCalls },
  { prefix: '/api/honors/nominations/:id', param: 'id', targets: (s) => s.honorNominations },
  { prefix: '/api/honors/objections/:id', param: 'id', targets: (s) => s.honorObjections },
  { prefix: '/api/honors/records/:id', param: 'id', targets: (s) => s.honorRecords },
];

export const HONOR_BODIES: Record<string, (t: Target, own: { orgId: string }) => unknown> = {
  'PUT /api/honors/calls/:id': (t, own) => ({ orgId: own.orgId, title: '越权修改评选', year: 2026, kinds: ['labor_medal'], version: t.version }),
  'POST /api/honors/calls/:id/open': (t) => ({ version: t.version }),
  'POST /api/honors/calls/:id/close': (t) => ({ version: t.version }),
  'POST /api/honors/calls/:id/finish': (t) => ({ version: t.version }),
  'POST /api/honors/calls/:id/publish': (t) => ({ noticeFrom: '2026-01-05', version: t.version }),
  'POST /api/honors/calls/:id/submit': (_t, own) => ({ orgId: own.orgId }),
  'POST /api/honors/nominations/:id/endorse': (t) => ({ version: t.version }),
  'POST /api/honors/nominations/:id/review': (t) => ({ version: t.version }),
  'POST /api/honors/nominations/:id/approve': (t) => ({ version: t.version }),
  'POST /api/honors/nominations/:id/reject': () => ({ reason: '越权不予通过' }),
  'POST /api/honors/nominations/:id/withdraw': () => ({ reason: '越权撤回推荐' }),
  'PUT /api/honors/nominations/:id/clearance': () => ({ agency: 'tax', result: 'objection', on: '2026-01-05' }),
  'POST /api/honors/objections/:id/answer': () => ({ status: 'investigating' }),
  'POST /api/honors/records/:id/care': () => ({ kind: 'visit', on: '2026-01-05', amountFen: 0, note: '越权关爱记录' }),
};

type Rows = <T>(q: SQL) => Promise<T[]>;

/** A call of `callOrgId` open for nominations with a quota for `unitOrgId`, one nomination there, an objection, and a record in `recordOrgId`. */
export async function honorTargets(
  rows: Rows,
  admin: TestClient,
  o: { callOrgId: string; unitOrgId: string; recordOrgId: string },
  label: string,
): Promise<HonorSiblings> {
  const call = await admin.post('/api/honors/calls', {
    orgId: o.callOrgId,
    title: `${label}评选`,
    year: 2026,
    kinds: ['labor_medal'],
    floors: [],
    quotas: [{ orgId: o.unitOrgId, kind: 'labor_medal', n: 5 }],
  });
  expect(call.statusCode, call.body).toBe(201);
  expect((await admin.post(`/api/honors/calls/${call.json().id}/open`, { version: 1 })).statusCode).toBe(200);
  const nom = await admin.post('/api/honors/nominations', {
    callId: call.json().id,
    orgId: o.unitOrgId,
    kind: 'labor_medal',
    name: `${label}候选人`,
    employer: `${label}单位`,
    occupation: 'industrial_worker',
    deeds: '测试用的主要事迹，不少于十个字。',
    recommendation: { method: 'meeting', on: '2026-01-05', votesFor: 5, votesTotal: 6 },
  });
  expect(nom.statusCode, nom.body).toBe(201);
  await rows(
    sql`INSERT INTO honor_objection (id, call_id, nomination_id, org_id, receipt_no, content) VALUES (gen_random_uuid(), ${call.json().id}, ${nom.json().id}, ${o.callOrgId}, ${'YYTEST' + label}, ${label + '的异议内容'})`,
  );
  const [obj] = await rows<{ id: string }>(sql`SELECT id FROM honor_objection WHERE receipt_no = ${'YYTEST' + label}`);
  const rec = await admin.post('/api/honors/records', {
    orgId: o.recordOrgId,
    kind: 'model_worker',
    level: 'city',
    title: '市劳动模范',
    year: 2023,
    name: `${label}劳模`,
    awardedOn: '2023-04-28',
  });
  expect(rec.statusCode, rec.body).toBe(201);
  return {
    honorCalls: [{ id: call.json().id, version: 2, secrets: [`${label}评选`] }],
    honorNominations: [{ id: nom.json().id, version: 1, secrets: [`${label}候选人`] }],
    honorObjections: [{ id: obj!.id, version: 1, secrets: [`${label}的异议内容`] }],
    honorRecords: [{ id: rec.json().id, version: 1, secrets: [`${label}劳模`] }],
  };
}

/** Rows that no refused request may change. */
export function honorSnapshot(rows: Rows, ids: SQL) {
  return Promise.all([
    rows(sql`SELECT * FROM honor_call WHERE id IN (${ids}) ORDER BY id`),
    rows(sql`SELECT * FROM honor_nomination WHERE id IN (${ids}) ORDER BY id`),
    rows(sql`SELECT * FROM honor_objection WHERE id IN (${ids}) ORDER BY id`),
    rows(sql`SELECT * FROM honor_record WHERE id IN (${ids}) ORDER BY id`),
    rows(sql`SELECT count(*)::int AS n FROM honor_care WHERE record_id IN (${ids})`),
  ]);
}
