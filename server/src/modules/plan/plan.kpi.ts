import { and, inArray, sql } from 'drizzle-orm';
import { planKpiReading, planTask } from './plan.schema.js';
import { OPEN, kpiValue } from './plan.service.js';
import type { Services } from '../../platform/context.js';
import type { Executor } from '../../db/client.js';
import { todayInChina } from '../../../../common/src/dates.js';
import { isLiveMetric, KPI_METRIC_KEYS } from '../../../../common/src/plan-vocab.js';

/**
 * Record today's value of every open task's live KPI (docs/plans.md, "Live KPIs"): one reading per
 * task and day, replaced when run again the same day, so the hourly job keeps the day's latest value.
 */
export async function recordKpiReadings(s: Services, opts: { today?: string; exec?: Executor } = {}) {
  const exec = opts.exec ?? s.db;
  const today = opts.today ?? todayInChina();
  const rows = await exec
    .select({ id: planTask.id, orgId: planTask.orgId, metric: planTask.kpiMetric })
    .from(planTask)
    .where(and(inArray(planTask.status, OPEN), inArray(planTask.kpiMetric, KPI_METRIC_KEYS)));
  // Tasks of one union on one metric share the value: computed once.
  const values = new Map<string, number>();
  let written = 0;
  for (const r of rows) {
    if (!r.metric || !isLiveMetric(r.metric)) continue;
    const key = `${r.metric}:${r.orgId}`;
    if (!values.has(key)) values.set(key, await kpiValue(exec, r.metric, r.orgId, today));
    await exec
      .insert(planKpiReading)
      .values({ taskId: r.id, onDate: today, value: values.get(key)! })
      .onConflictDoUpdate({ target: [planKpiReading.taskId, planKpiReading.onDate], set: { value: sql`excluded.value`, createdAt: sql`now()` } });
    written++;
  }
  return { tasks: written, computed: values.size };
}
