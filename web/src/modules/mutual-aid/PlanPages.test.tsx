import { describe, expect, it } from 'vitest';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { renderApp, signedIn } from '../../test/render';
import PlansPage from './PlansPage';
import PlanDetailPage from './PlanDetailPage';
import { MutualAidDashboardSection } from './MutualAidDashboardSection';

const ID = '00000000-0000-7000-8000-0000000000b1';
const ORG = '00000000-0000-7000-8000-0000000000aa';
const plan = { id: ID, orgId: ORG, orgName: '杭州市总工会', kind: 'serious_illness', name: '2025年度职工重大疾病互助保障', feeFen: 6000, maxPayoutFen: 5_000_000, startsOn: '2025-01-01', coverYears: 3, enrolled: 1662, enrolledInScope: 2, version: 1 };
const enrolment = (id: string, status: string) => ({
  id, planId: ID, planName: plan.name, kind: plan.kind, orgId: ORG, orgName: '钱塘机械厂工会', memberId: `m-${id}`, memberName: '张*', paidOn: '2024-12-20', feeFen: 6000, coverFrom: '2025-01-01', coverTo: '2027-12-31', status,
});
const page = <T,>(items: T[]) => ({ items, total: items.length, totalExact: true, page: 1, pageSize: 20 });
const detailRoutes = (extra: Record<string, (r: { body: unknown }) => unknown> = {}) => ({
  [`GET /api/mutual-aid/plans/${ID}`]: () => plan,
  'GET /api/mutual-aid/enrolments': () => page([enrolment('e1', 'active'), enrolment('e2', 'ended')]),
  ...extra,
});

describe('mutual-aid plan pages', () => {
  it('lists the plans with their cover period and fees, and offers 新建计划 to the federation only', async () => {
    renderApp(<PlansPage />, { me: signedIn({}, ['mutual_aid.read', 'mutual_aid.review']), url: '/mutual-aid/plans', routes: { 'GET /api/mutual-aid/plans': () => page([plan]) } });
    const row = await screen.findByTestId(`mutual-aid-plan-${ID}`);
    expect(row.textContent).toContain('职工重大疾病互助保障');
    expect(row.textContent).toContain('3年');
    expect(row.textContent).toContain('60.00');
    expect(row.textContent).toContain('50,000.00');
    expect(row.textContent).toContain('全计划 1,662 人');
    expect(screen.getByTestId('mutual-aid-plans-filter-year')).toBeTruthy();
    fireEvent.click(screen.getByTestId('mutual-aid-plan-new'));
    // Sent empty, the form says in zh what is missing, and the cover note waits for a kind and a date.
    await act(async () => fireEvent.click(await screen.findByTestId('mutual-aid-plan-form-submit')));
    for (const msg of ['请填写计划名称', '请选择保障类型', '请选择统一生效日', '请填写每人缴费金额', '请填写最高给付金额']) expect(await screen.findByText(msg)).toBeTruthy();
    expect(screen.getByTestId('mutual-aid-plan-cover').textContent).toContain('选择保障类型和统一生效日后');
  });

  it('says so when there is no plan, and hides 新建计划 from a unit union', async () => {
    renderApp(<PlansPage />, { me: signedIn({ orgLevel: 'grassroots' }, ['mutual_aid.read', 'mutual_aid.write']), url: '/mutual-aid/plans', routes: { 'GET /api/mutual-aid/plans': () => page([]) } });
    expect(await screen.findByText('暂无互助保障计划')).toBeTruthy();
    expect(screen.queryByTestId('mutual-aid-plan-new')).toBeNull();
  });

  it("shows a plan's terms and its enrolments, and enrols pasted ID numbers after confirmation, reporting the refused", async () => {
    const { sent } = renderApp(<PlanDetailPage />, {
      me: signedIn({}, ['mutual_aid.read', 'mutual_aid.write']), url: `/mutual-aid/plans/${ID}`, path: '/mutual-aid/plans/:id',
      routes: detailRoutes({ [`POST /api/mutual-aid/plans/${ID}/enrolments`]: () => ({ enrolled: 1, already: 0, problems: [{ row: 2, zh: '未找到该身份证号的会员', en: 'No member with this ID number' }] }) }),
    });
    const terms = await screen.findByTestId('mutual-aid-plan-terms');
    expect(terms.textContent).toContain('3年');
    expect(terms.textContent).toContain('2025-01-01 ~ 2027-12-31');
    expect(screen.getByTestId('mutual-aid-plan-enrolled').textContent).toBe('2');
    expect(terms.textContent).toContain('全计划参保人数1,662');
    const row = await screen.findByTestId('mutual-aid-enrolment-e1');
    expect(row.textContent).toContain('张*');
    expect(row.textContent).toContain('保障中');
    expect(screen.getByTestId('mutual-aid-enrolment-e2').textContent).toContain('已到期');
    // The enrolments asked are this plan's.
    expect(sent.find((s) => s.url.pathname === '/api/mutual-aid/enrolments')?.url.searchParams.get('planId')).toBe(ID);

    fireEvent.click(screen.getByTestId('mutual-aid-enrol-list'));
    // Nothing chosen: a zh message, nothing sent.
    await act(async () => fireEvent.click(await screen.findByTestId('mutual-aid-enrol-form-submit')));
    expect((await screen.findAllByText('请选择会员或粘贴身份证号')).length).toBeGreaterThan(0);
    fireEvent.change(screen.getByTestId('mutual-aid-enrol-form-idText'), { target: { value: '11010519491231002x\n110105194912310021' } });
    await act(async () => fireEvent.click(screen.getByTestId('mutual-aid-enrol-form-submit')));
    const ok = await screen.findByTestId('mutual-aid-enrol-form-confirm-ok');
    expect(document.body.textContent).toContain('为 2 人参加“2025年度职工重大疾病互助保障”');
    await act(async () => fireEvent.click(ok));
    await waitFor(() => expect(sent.find((s) => s.method === 'POST')?.body).toMatchObject({ memberIds: [], idNumbers: ['11010519491231002X', '110105194912310021'] }));
    const report = await screen.findByTestId('mutual-aid-enrol-result');
    expect(report.textContent).toContain('成功参保 1 人');
    expect(within(screen.getByTestId('mutual-aid-enrol-problems')).getByText('未找到该身份证号的会员')).toBeTruthy();
  });

  it('uploads an xlsx roster with the day paid and shows the refused rows by their row number', async () => {
    const { sent } = renderApp(<PlanDetailPage />, {
      me: signedIn({}, ['mutual_aid.read', 'mutual_aid.write']), url: `/mutual-aid/plans/${ID}`, path: '/mutual-aid/plans/:id',
      routes: detailRoutes({ [`POST /api/mutual-aid/plans/${ID}/enrolments/import`]: () => ({ enrolled: 3, already: 1, problems: [{ row: 7, zh: '李*不是在册会员', en: 'not an active member' }] }) }),
    });
    fireEvent.click(await screen.findByTestId('mutual-aid-enrol-import'));
    expect(await screen.findByTestId('mutual-aid-import-template')).toBeTruthy();
    expect(document.body.textContent).toContain('表头行含“身份证号”列');
    const input = screen.getByTestId('mutual-aid-import-file').closest('.ant-upload-wrapper')!.querySelector('input[type=file]')!;
    await act(async () => fireEvent.change(input, { target: { files: [new File(['PK\u0003\u0004roster'], '参保名单.xlsx')] } }));
    await act(async () => fireEvent.click(screen.getByTestId('mutual-aid-import-form-submit')));
    expect(document.body.textContent).toContain('按名单文件“参保名单.xlsx”');
    await act(async () => fireEvent.click(await screen.findByTestId('mutual-aid-import-form-confirm-ok')));
    await waitFor(() => expect(sent.find((s) => s.method === 'POST')?.body).toMatchObject({ fileName: '参保名单.xlsx', data: expect.any(String) }));
    const report = await screen.findByTestId('mutual-aid-enrol-result');
    expect(report.textContent).toContain('成功参保 3 人；已在本计划中 1 人');
    const problems = screen.getByTestId('mutual-aid-enrol-problems');
    expect(problems.textContent).toContain('行号');
    expect(problems.textContent).toContain('7');
    expect(problems.textContent).toContain('李*不是在册会员');
  });

  it('hides the enrolment buttons from a reader', async () => {
    renderApp(<PlanDetailPage />, { me: signedIn({}, ['mutual_aid.read']), url: `/mutual-aid/plans/${ID}`, path: '/mutual-aid/plans/:id', routes: detailRoutes() });
    await screen.findByTestId('mutual-aid-enrolment-e1');
    expect(screen.queryByTestId('mutual-aid-enrol-list')).toBeNull();
    expect(screen.queryByTestId('mutual-aid-enrol-import')).toBeNull();
  });

  it('links the dashboard section to the plans', async () => {
    renderApp(<MutualAidDashboardSection />, {
      me: signedIn({}, ['mutual_aid.read']),
      routes: { 'GET /api/mutual-aid/dashboard': () => ({ members: 100, enrolled: 30, byKind: [], claims: [{ status: 'submitted', n: 2 }], paidFen: 100000, paidCount: 1 }) },
    });
    expect((await screen.findByTestId('dash-mutual-aid-plans')).getAttribute('href')).toBe('/mutual-aid/plans');
    expect(screen.getByTestId('dash-mutual-aid-enrolled').getAttribute('href')).toBe('/mutual-aid/plans');
  });
});
