import { sql, type SQL } from 'drizzle-orm';

/**
 * The planner's estimate of the rows a statement returns (EXPLAIN, which plans without running it:
 * a millisecond where counting a district's members exactly takes a scan of them). Lists use it for
 * the count past their cap, shown as an order of magnitude ("约 1.2 万"): the estimate follows the
 * table statistics that the seed and every large import refresh (ANALYZE). Null when it cannot be
 * planned.
 */
export async function plannedRows(exec: { execute: (q: SQL) => Promise<unknown> }, statement: SQL): Promise<number | null> {
  try {
    const r = (await exec.execute(sql`EXPLAIN (FORMAT JSON) ${statement}`)) as { rows: Record<string, unknown>[] } | Record<string, unknown>[];
    const rows = Array.isArray(r) ? r : r.rows;
    const cell = rows[0] && Object.values(rows[0])[0];
    const plan = (typeof cell === 'string' ? JSON.parse(cell) : cell) as { Plan: { 'Plan Rows': number } }[];
    const n = plan[0]?.Plan['Plan Rows'];
    return typeof n === 'number' && Number.isFinite(n) ? Math.round(n) : null;
  } catch {
    return null;
  }
}

/** A count past the cap: the estimate, never below what was already counted (cap + 1). */
export async function estimatePast(exec: { execute: (q: SQL) => Promise<unknown> }, statement: SQL, cap: number): Promise<number> {
  const n = await plannedRows(exec, statement);
  return Math.max(n ?? 0, cap + 1);
}
