import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { createTestEnv, type TestClient, type TestEnv } from '../../test/harness.js';
import { cityAndDistrict } from './test-env.js';
import { computeDeadline } from '../../../../common/src/deadlines.js';
import { addDays, todayInChina } from '../../../../common/src/dates.js';

/**
 * Weekly and monthly progress reports (docs/plans.md, "Progress reports"): the next report's due
 * date, the overdue reports on the supervision board, and the practical projects exported as xlsx.
 */
let env: TestEnv;
let admin: TestClient;
let district: TestClient;
let ids: Record<string, string>;

beforeAll(async () => {
  env = await createTestEnv({ members: 20 });
  ({ admin, district, ids } = await cityAndDistrict(env));
});
afterAll(() => env?.close());

const sheetOf = async (body: Buffer) => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(body as unknown as ArrayBuffer);
  return wb.worksheets[0]!;
};

describe('periodic progress reports', () => {
  it('sets the next report a week on, lists it on the board once overdue, and moves it with each report', async () => {
    const today = todayInChina();
    const cal = await env.services.settings.calendar(env.services.database.db);
    const bad = await district.post('/api/plans', { orgId: ids.d01, year: 2026, title: '报告周期不对', tasks: [{ title: '任务', reportCadence: 'daily' }] });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('每周或每月');
    const res = await district.post('/api/plans', {
      orgId: ids.d01,
      year: 2026,
      title: '按周报告的计划',
      tasks: [{ title: '每周报告进展的任务', reportCadence: 'weekly' }],
    });
    expect(res.statusCode, res.body).toBe(201);
    let task = (await district.get(`/api/plan-tasks?planId=${res.json().id}`)).json().items[0];
    expect(task.reportCadence).toBe('weekly');
    expect(task.nextReportDue).toBe(computeDeadline(today, { n: 7, unit: 'calendar_days' }, cal).due);
    expect(task.reportOverdue).toBe(false);

    await env.services.database.query(sql`UPDATE plan_task SET next_report_due = ${addDays(today, -3)} WHERE id = ${task.id}`);
    let board = (await district.get('/api/plan-tasks/board')).json();
    const late = board.overdueReports.find((r: { taskId: string }) => r.taskId === task.id);
    expect(late).toMatchObject({ title: '每周报告进展的任务', cadence: 'weekly', due: addDays(today, -3), days: 3 });
    expect(board.overdueReportCount).toBeGreaterThanOrEqual(1);
    task = (await district.get(`/api/plan-tasks/${task.id}`)).json();
    expect(task.reportOverdue).toBe(true);

    task = (await district.post(`/api/plan-tasks/${task.id}/deploy`, { note: '已部署', version: task.version })).json();
    const reported = await district.post(`/api/plan-tasks/${task.id}/report`, { note: '本周进展', progress: 30, version: task.version });
    expect(reported.statusCode, reported.body).toBe(200);
    task = reported.json();
    expect(task.nextReportDue).toBe(computeDeadline(today, { n: 7, unit: 'calendar_days' }, cal).due);
    board = (await district.get('/api/plan-tasks/board')).json();
    expect(board.overdueReports.some((r: { taskId: string }) => r.taskId === task.id)).toBe(false);

    const monthly = await district.put(`/api/plan-tasks/${task.id}`, {
      title: task.title,
      profile: '13710',
      major: false,
      reportCadence: 'monthly',
      version: task.version,
    });
    expect(monthly.statusCode, monthly.body).toBe(200);
    expect(monthly.json().nextReportDue).toBe(computeDeadline(today, { n: 1, unit: 'months' }, cal).due);

    // A sibling district's overdue report is not on this district's board.
    const other = (await admin.get('/api/plan-tasks/board')).json();
    expect(other.overdueReportCount).toBeGreaterThanOrEqual(board.overdueReportCount);
  });

  it('exports the ledger with the cadence and the next report', async () => {
    const res = await district.get('/api/plan-tasks/ledger');
    expect(res.statusCode).toBe(200);
    const ws = await sheetOf(res.rawPayload);
    expect(ws.getRow(1).getCell(13).value).toBe('报告周期');
    expect(ws.getRow(1).getCell(14).value).toBe('下次报告');
  });
});

describe('practical projects export', () => {
  it('exports the projects in scope as xlsx, audited', async () => {
    const list = (await district.get('/api/projects?pageSize=100')).json();
    const res = await district.get('/api/projects/export');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain(encodeURIComponent('实事项目清单.xlsx'));
    const ws = await sheetOf(res.rawPayload);
    expect(ws.getRow(1).getCell(3).value).toBe('项目');
    expect(ws.rowCount).toBe(1 + list.total);
    const titles = new Set(list.items.map((p: { title: string }) => p.title));
    for (let r = 2; r <= ws.rowCount; r++) expect(titles.has(String(ws.getRow(r).getCell(3).value))).toBe(true);
    const all = (await admin.get('/api/projects?pageSize=100')).json();
    expect((await sheetOf((await admin.get('/api/projects/export')).rawPayload)).rowCount).toBe(1 + all.total);
    const [audit] = await env.services.database.query<{ n: number }>(sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'project.export'`);
    expect(audit!.n).toBe(2);
  });
});
