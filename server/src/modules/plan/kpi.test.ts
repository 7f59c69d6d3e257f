import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestEnv, type TestClient, type TestEnv } from '../../test/harness.js';
import { kpiValue } from './plan.service.js';
import { recordKpiReadings } from './plan.kpi.js';
import { KPI_METRIC_KEYS, KPI_METRICS } from '../../../../common/src/plan-vocab.js';
import { todayInChina } from '../../../../common/src/dates.js';

/**
 * The live KPI catalogue (docs/plans.md, "Live KPIs"): every metric the extraction suggests is
 * computed for the owner's subtree from its module's data, and moves when that data moves.
 */
let env: TestEnv;
let admin: TestClient;
const ids: Record<string, string> = {};
const q = <T>(s: ReturnType<typeof sql>) => env.services.database.query<T>(s);

beforeAll(async () => {
  env = await createTestEnv({ members: 300, hardship: 20, disputes: 40 });
  admin = await env.login('admin');
  ids.city = (await admin.get('/api/auth/me')).json().user.orgId;
  ids.d01 = (await q<{ id: string }>(sql`SELECT id FROM org WHERE code = 'D01'`))[0]!.id;
  ids.d02 = (await q<{ id: string }>(sql`SELECT id FROM org WHERE code = 'D02'`))[0]!.id;
  ids.g01 = (
    await q<{ id: string }>(
      sql`SELECT id FROM org WHERE level = 'grassroots' AND path LIKE (SELECT path || '%' FROM org WHERE code = 'D01') ORDER BY code LIMIT 1`,
    )
  )[0]!.id;
});
afterAll(() => env?.close());

describe('live KPIs', () => {
  it('every metric of the catalogue gives a number for the city, percentages within 0–100, and the extraction’s suggestions are all live', async () => {
    for (const m of KPI_METRIC_KEYS) {
      const v = await kpiValue(env.services.db, m, ids.city);
      expect(Number.isFinite(v), m).toBe(true);
      expect(v, m).toBeGreaterThanOrEqual(0);
      if (KPI_METRICS[m].unit === '%') expect(v, m).toBeLessThanOrEqual(100);
    }
    const speech = fs.readFileSync(path.resolve(import.meta.dirname, '../../seed/texts/speech-city-federation-plenary-2022.txt'), 'utf8');
    const proposed = (await admin.post('/api/plans/extract', { text: speech })).json();
    const metrics = proposed.sections.flatMap((s: { items: { kpi?: { metric: string } }[] }) => s.items.map((i) => i.kpi?.metric)).filter(Boolean);
    expect(new Set(metrics).size).toBeGreaterThan(5);
    for (const m of metrics) expect(KPI_METRIC_KEYS, m).toContain(m);
  });

  it('moves with the data, in the owner’s subtree only: a certificate issued and arrears recovered in D01', async () => {
    const today = todayInChina();
    const before = {
      cert: await kpiValue(env.services.db, 'training.certified', ids.d01),
      certSibling: await kpiValue(env.services.db, 'training.certified', ids.d02),
      wage: await kpiValue(env.services.db, 'wage_arrears.recovered', ids.d01),
    };
    await q(sql`INSERT INTO skill_certificate (id, org_id, name, level, trade, sector, cert_no, issued_on, issuer)
      VALUES (gen_random_uuid(), ${ids.g01}, '测试证书', 'senior', '电工', 'manufacturing', 'KPI-TEST-1', ${today}, '测试发证机构')`);
    await q(
      sql`INSERT INTO wage_recovery (id, arrears_id, org_id, paid_on, amount_fen) VALUES (gen_random_uuid(), gen_random_uuid(), ${ids.g01}, ${today}, 2500000)`,
    );
    expect(await kpiValue(env.services.db, 'training.certified', ids.d01)).toBe(before.cert + 1);
    expect(await kpiValue(env.services.db, 'training.certified', ids.d02)).toBe(before.certSibling);
    // 25,000 yuan is 2.5 万元.
    expect(await kpiValue(env.services.db, 'wage_arrears.recovered', ids.d01)).toBeCloseTo(before.wage + 2.5, 1);
  });

  it('is recorded once a day for each open task, replaced by a second run that day; the task page draws the readings and ends with today now', async () => {
    const res = await admin.post('/api/plans', {
      orgId: ids.city,
      year: 2026,
      title: '指标曲线测试',
      tasks: [{ title: 'D01技能证书', orgId: ids.d01, kpiMetric: 'training.certified', kpiTarget: 50 }],
    });
    expect(res.statusCode, res.body).toBe(201);
    const task = (await admin.get(`/api/plan-tasks?planId=${res.json().id}`)).json().items[0];
    const readings = () =>
      q<{ on_date: string; value: number }>(sql`SELECT on_date::text, value FROM plan_kpi_reading WHERE task_id = ${task.id} ORDER BY on_date`);
    await recordKpiReadings(env.services, { today: '2026-11-30' });
    const first = await readings();
    expect(first).toHaveLength(1);
    await q(sql`INSERT INTO skill_certificate (id, org_id, name, level, trade, sector, cert_no, issued_on, issuer)
      VALUES (gen_random_uuid(), ${ids.g01}, '测试证书二', 'senior', '焊工', 'manufacturing', 'KPI-TEST-2', '2026-11-30', '测试发证机构')`);
    await recordKpiReadings(env.services, { today: '2026-11-30' });
    const again = await readings();
    expect(again).toHaveLength(1);
    expect(Number(again[0]!.value)).toBe(Number(first[0]!.value) + 1);
    const detail = (await admin.get(`/api/plan-tasks/${task.id}`)).json();
    expect(detail.kpi.history.at(0)).toEqual({ on: '2026-11-30', value: Number(again[0]!.value) });
    expect(detail.kpi.history.at(-1)).toEqual({ on: todayInChina(), value: detail.kpi.value });
  });
});
