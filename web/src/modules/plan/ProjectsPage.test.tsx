import { describe, expect, it } from 'vitest';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { renderApp, signedIn } from '../../test/render';
import ProjectsPage from './ProjectsPage';
import ProjectDetailPage from './ProjectDetailPage';
import PublicProjectsPage from './PublicProjectsPage';
import { ProjectDashboardSection } from './ProjectDashboardSection';

const ID = '00000000-0000-7000-8000-000000000001';
const ORG = '00000000-0000-7000-8000-0000000000aa';
const proj = {
  id: ID, orgId: ORG, orgName: '上城区总工会', year: 2026, title: '新建职工驿站10个', description: null, budgetFen: 100_000_00, spentFen: 110_000_00, overBudget: true,
  progress: 60, status: 'in_progress', version: 3, updatedAt: '2026-11-30T02:00:00Z', overdueMilestones: 1,
  milestones: [{ title: '完成选址', due: '2025-03-31', doneOn: null, overdue: true }, { title: '全部建成', due: '2030-12-31', doneOn: null, overdue: false }],
};
const detail = { ...proj, spends: [{ id: 's1', spentOn: '2026-05-01', amountFen: 110_000_00, note: '设备采购', overBudgetReason: '经党组会研究追加', actorName: 'district' }] };

describe('practical projects pages', () => {
  it('lists projects with spending past the budget and overdue milestones flagged, and offers “new” to who may write', async () => {
    renderApp(<ProjectsPage />, { me: signedIn({}, ['plan.read', 'plan.write']), url: '/plans/projects', routes: { 'GET /api/projects': () => ({ items: [proj], total: 1, page: 1, pageSize: 20 }) } });
    const row = await screen.findByTestId(`project-row-${ID}`);
    expect(row.textContent).toContain('新建职工驿站10个');
    expect(row.textContent).toContain('110,000.00');
    expect(row.textContent).toContain('1个逾期');
    expect(row.textContent).toContain('推进中');
    expect(screen.getByTestId('project-new')).toBeTruthy();
  });

  it('hides “new” from a reader', async () => {
    renderApp(<ProjectsPage />, { me: signedIn({}, ['plan.read']), url: '/plans/projects', routes: { 'GET /api/projects': () => ({ items: [proj], total: 1, page: 1, pageSize: 20 }) } });
    await screen.findByTestId(`project-row-${ID}`);
    expect(screen.queryByTestId('project-new')).toBeNull();
  });

  it('shows milestones, spending with its reason, and records spending in fen with the version', async () => {
    const { sent } = renderApp(<ProjectDetailPage />, {
      me: signedIn({}, ['plan.read', 'plan.write']), url: `/plans/projects/${ID}`, path: '/plans/projects/:id',
      routes: { [`GET /api/projects/${ID}`]: () => detail, [`GET /api/projects/${ID}/history`]: () => [], [`POST /api/projects/${ID}/spend`]: () => detail },
    });
    expect(await screen.findByTestId('project-over-budget')).toBeTruthy();
    const ms = screen.getByTestId('project-milestones');
    expect(ms.textContent).toContain('已逾期');
    expect(ms.textContent).toContain('未到期');
    expect(within(screen.getByTestId('project-spends')).getByText('经党组会研究追加')).toBeTruthy();
    fireEvent.click(screen.getByTestId('project-spend'));
    fireEvent.change(await screen.findByTestId('project-spend-form-amountFen'), { target: { value: '1234.5' } });
    fireEvent.change(screen.getByTestId('project-spend-form-note'), { target: { value: '宣传物料' } });
    await act(async () => fireEvent.click(screen.getByTestId('project-spend-save')));
    await waitFor(() => expect(sent.find((s) => s.method === 'POST')?.body).toMatchObject({ amountFen: 123450, note: '宣传物料', version: 3 }));
  });

  it('shows the public progress page without signing in', async () => {
    renderApp(<PublicProjectsPage />, {
      url: `/projects/public?orgId=${ORG}&year=2026`,
      routes: { 'GET /api/public/projects': () => ({ federation: '杭州市总工会', year: 2026, projects: [{ title: '新建职工驿站10个', orgName: '上城区总工会', budgetFen: 100_000_00, progress: 60, status: 'in_progress', milestones: [{ title: '完成选址', due: '2025-03-31', done: true }] }] }) },
    });
    const card = await screen.findByTestId('public-project-0');
    expect(card.textContent).toContain('新建职工驿站10个');
    expect(card.textContent).toContain('2025-03-31 完成选址');
    expect(await screen.findByText('杭州市总工会2026年实事项目进展')).toBeTruthy();
  });

  it('counts the year’s projects, the done and those with an overdue milestone on the dashboard', async () => {
    renderApp(<ProjectDashboardSection />, {
      me: signedIn({}, ['plan.read']),
      routes: { 'GET /api/projects': (r) => ({ items: [], total: r.url.searchParams.get('overdue') ? 2 : r.url.searchParams.get('status') ? 1 : 5, page: 1, pageSize: 1 }) },
    });
    await waitFor(() => expect(screen.getByTestId('dashboard-projects-all').textContent).toContain('5'));
    expect(screen.getByTestId('dashboard-projects-done').textContent).toContain('1');
    expect(screen.getByTestId('dashboard-projects-overdue').textContent).toContain('2');
  });
});
