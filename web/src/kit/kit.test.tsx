import { describe, expect, it, vi } from 'vitest';
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { Form } from 'antd';
import { orgApi } from '../../../common/src/contracts/org';
import { ApiError } from '../api/client';
import { renderApp, where } from '../test/render';
import { countText, formatDate, formatDateTime, yuan } from './format';
import { DeadlineBadge } from './Workflow';
import { StatusTag } from './StatusTag';
import { ListPage } from './ListPage';
import { FormModal } from './FormModal';
import { FormFields } from './fields';
import { MoneyInput } from './inputs';
import { ExportButton } from './ExportButton';
import { ExportDialog } from './ExportDialog';
import { memberExportApi } from '../../../common/src/contracts/member';
import { computeIdCheck, ID_PROBLEM_MESSAGES } from '../../../common/src/id-number';
import { MOBILE_PROBLEM_MESSAGES } from '../../../common/src/mobile';

describe('the formatter', () => {
  it('shows times in China time whatever the browser’s zone, and money and capped counts as people read them', () => {
    expect(formatDateTime('2026-12-04T16:30:05Z')).toBe('2026-12-05 00:30:05');
    expect(formatDate('2026-12-04T16:30:05Z')).toBe('2026-12-05');
    expect(formatDate('2026-12-04')).toBe('2026-12-04'); // a legal date stays as it is
    expect(yuan(123456)).toBe('¥1,234.56');
    expect(yuan(-5)).toBe('-¥0.05');
    expect(countText(1000, false)).toBe('1,000+');
    expect(countText(1000, false, 12_345)).toBe('约 1.2 万');
    expect(countText(1000, false, 3_456)).toBe('约 3,500');
    expect(countText(1000, false, 12_345, 'en-US')).toBe('about 12,000');
    expect(countText(1000, false, 900)).toBe('1,000+');
    expect(countText(1234)).toBe('1,234');
  });
});

describe('DeadlineBadge and StatusTag', () => {
  it('says how many days are left or overdue, in the rule’s own days, and when a deadline is provisional', () => {
    vi.useFakeTimers({ now: new Date('2026-03-10T04:00:00Z'), toFake: ['Date'] });
    try {
      renderApp(
        <>
          <DeadlineBadge due="2026-03-13" testId="a" />
          <DeadlineBadge due="2026-03-08" testId="b" />
          <DeadlineBadge due="2026-03-24" unit="working_days" left={10} provisional testId="c" />
          <StatusTag vocab={{ filed: { zh: '已建档', en: 'Filed', color: 'green' } }} value="filed" testId="st" />
        </>,
      );
      expect(screen.getByTestId('a').textContent).toBe('剩余 3 天');
      expect(screen.getByTestId('b').textContent).toBe('已逾期 2 天');
      expect(screen.getByTestId('b').dataset.overdue).toBe('true');
      expect(screen.getByTestId('c').textContent).toBe('剩余 10 个工作日 (暂定)');
      expect(screen.getByTestId('st-filed').textContent).toBe('已建档');
    } finally {
      vi.useRealTimers();
    }
  });
});

const page = (n: number) => ({
  items: Array.from({ length: n }, (_, i) => ({ id: `00000000-0000-0000-0000-00000000000${i}`, parentId: null, parentName: null, depth: 1, level: 'county', kind: null, code: `D0${i}`, name: `区总工会${i}`, employerName: null, uscc: null, regionCode: null, industry: null, employeeCount: 10, foundedOn: null, chairName: '张三', termStart: null, termYears: null, termEnd: null, termStatus: 'unknown', hasWomenCommittee: false, active: true, version: 1, updatedAt: '2026-01-01T00:00:00Z' })),
  total: 45, page: 2, pageSize: 20,
});

describe('ListPage', () => {
  it('reads its filters and page from the URL, asks the server for them, and writes a new search back to the URL', async () => {
    const { sent } = renderApp(
      <ListPage testId="t" title="menu.orgList" endpoint={orgApi.list} filters={[{ name: 'q', label: 'org.filter.q' }]} columns={[{ key: 'name', title: 'org.field.name', dataIndex: 'name', sort: 'name' }]} />,
      { url: '/orgs?q=%E6%BB%A8%E6%B1%9F&page=2', routes: { 'GET /api/orgs': () => page(3) } },
    );
    await screen.findByText('区总工会2');
    const req = sent.find((s) => s.url.pathname === '/api/orgs')!;
    expect(req.url.searchParams.get('q')).toBe('滨江');
    expect(req.url.searchParams.get('page')).toBe('2');
    expect((screen.getByTestId('t-filter-q') as HTMLInputElement).value).toBe('滨江');
    expect(screen.getByTestId('t-total').textContent).toBe('共 45 条');
    fireEvent.change(screen.getByTestId('t-filter-q'), { target: { value: '河西' } });
    await act(async () => fireEvent.click(screen.getByTestId('t-search')));
    await waitFor(() => expect(where.current).toBe('/orgs?q=%E6%B2%B3%E8%A5%BF')); // a new search starts at page 1
  });

  it('shows a capped count as "1,000+"', async () => {
    renderApp(<ListPage testId="t" endpoint={orgApi.list} columns={[{ key: 'name', title: 'org.field.name', dataIndex: 'name' }]} />, {
      url: '/orgs',
      routes: { 'GET /api/orgs': () => ({ ...page(3), page: 1, total: 1000, totalExact: false }) },
    });
    await waitFor(() => expect(screen.getByTestId('t-total').textContent).toBe('共 1,000+ 条'));
  });

  it('names where the page sits in the menu when it names no breadcrumbs of its own', async () => {
    renderApp(<ListPage testId="t" title="menu.orgList" endpoint={orgApi.list} columns={[{ key: 'name', title: 'org.field.name', dataIndex: 'name' }]} />, { url: '/orgs', routes: { 'GET /api/orgs': () => ({ ...page(1), page: 1, total: 1, totalExact: true }) } });
    expect(screen.getByTestId('page-breadcrumb').textContent).toBe('组织管理/组织列表');
  });

  it('shows a count past the cap as its order of magnitude when the server estimates it', async () => {
    renderApp(<ListPage testId="t" endpoint={orgApi.list} columns={[{ key: 'name', title: 'org.field.name', dataIndex: 'name' }]} />, {
      url: '/orgs',
      routes: { 'GET /api/orgs': () => ({ ...page(3), page: 1, total: 1000, totalExact: false, totalEstimate: 12_345 }) },
    });
    await waitFor(() => expect(screen.getByTestId('t-total').textContent).toBe('共 约 1.2 万 条'));
  });

  it('says whether an empty list is empty or filtered empty', async () => {
    renderApp(<ListPage testId="t" endpoint={orgApi.list} filters={[{ name: 'q', label: 'org.filter.q' }]} columns={[{ key: 'name', title: 'org.field.name', dataIndex: 'name' }]} />, {
      url: '/orgs?q=x',
      routes: { 'GET /api/orgs': () => ({ items: [], total: 0, page: 1, pageSize: 20 }) },
    });
    await screen.findByText('没有符合条件的记录，可调整或重置筛选条件');
  });
});

describe('forms', () => {
  it('places the server’s field errors on the items they name, in the UI language', async () => {
    const onSubmit = vi.fn(async () => {
      throw new ApiError(400, 'VALIDATION_FAILED', '输入有误', 'Invalid input', { fields: [{ path: 'body.fields.name', message: '姓名只能包含文字 / name: letters only' }] });
    });
    renderApp(<FormModal open title="t" testId="f" onClose={() => undefined} onSubmit={onSubmit} fields={[{ name: 'name', label: 'member.field.name' }, { name: 'mobile', label: 'member.field.mobile', kind: 'mobile' }]} />);
    fireEvent.change(screen.getByTestId('f-name'), { target: { value: '张三3' } });
    await act(async () => fireEvent.click(screen.getByTestId('f-submit')));
    await screen.findByText('姓名只能包含文字');
    expect(onSubmit).toHaveBeenCalledWith(expect.objectContaining({ name: '张三3' }), expect.anything());
  });

  it('checks an ID number (GB 11643) and a mobile as they are typed', async () => {
    function F() {
      const [form] = Form.useForm();
      return (
        <Form form={form}>
          <FormFields testId="p" fields={[{ name: 'id', label: 'member.field.idNumber', kind: 'id' }, { name: 'mobile', label: 'member.field.mobile', kind: 'mobile' }]} />
        </Form>
      );
    }
    renderApp(<F />);
    const first17 = '11010119900307001';
    const wrong = computeIdCheck(first17) === '1' ? '2' : '1';
    fireEvent.change(screen.getByTestId('p-id'), { target: { value: first17 + wrong } });
    fireEvent.change(screen.getByTestId('p-mobile'), { target: { value: '1234' } });
    expect(await screen.findByText(ID_PROBLEM_MESSAGES.checksum.zh)).toBeTruthy();
    expect(await screen.findByText(MOBILE_PROBLEM_MESSAGES.format.zh)).toBeTruthy();
  });

  it('takes money in yuan on screen and gives integer fen to the form', async () => {
    const onChange = vi.fn();
    renderApp(<MoneyInput value={null} onChange={onChange} data-testid="m" />);
    fireEvent.change(screen.getByTestId('m'), { target: { value: '12.34' } });
    fireEvent.blur(screen.getByTestId('m'));
    await waitFor(() => expect(onChange).toHaveBeenLastCalledWith(1234));
  });
});

describe('ExportButton', () => {
  it('starts a background export with the list’s filters, shows the rows done, and offers the file when ready', async () => {
    let finished = false; // the job finishes only once the test has seen its progress, however slow the machine
    const job = { id: '0192d3c4-0000-7000-8000-000000000001', kind: 'members', rows: 3000, fileName: '会员名册-20261204.xlsx', bytes: 0, error: null, startedAt: '2026-12-04T01:00:00Z', finishedAt: null };
    const { sent } = renderApp(<ExportButton kind="members" query={{ q: '王', page: 3, status: 'active' }} testId="x" />, {
      routes: {
        'POST /api/exports': () => ({ status: 202, body: { ...job, status: 'running', rowsDone: 0 } }),
        [`GET /api/exports/${job.id}`]: () => (!finished ? { ...job, status: 'running', rowsDone: 1500 } : { ...job, status: 'done', rowsDone: 3000, finishedAt: '2026-12-04T01:00:09Z' }),
      },
    });
    await act(async () => fireEvent.click(screen.getByTestId('x-export-xlsx')));
    expect(sent.find((s) => s.method === 'POST')!.body).toEqual({ kind: 'members', query: { q: '王', status: 'active', format: 'xlsx' } });
    await waitFor(() => expect(screen.getByTestId('x-export-progress').textContent).toBe('已写出 1,500 / 3,000 行'), { timeout: 5000 });
    finished = true;
    const link = await screen.findByTestId('x-export-file', {}, { timeout: 5000 });
    expect(link.getAttribute('href')).toBe(`/api/exports/${job.id}/file`);
  });
});

describe('ExportDialog with a background kind', () => {
  it('starts the job with the chosen format and, confirmed, the values in clear, then shows its progress', async () => {
    const job = { id: '0192d3c4-0000-7000-8000-000000000002', kind: 'members', rows: 12000, fileName: '会员名册.csv', bytes: 0, error: null, startedAt: '2026-12-04T01:00:00Z', finishedAt: null };
    const { sent } = renderApp(<ExportDialog endpoint={memberExportApi.export} kind="members" query={{ status: 'active' }} count={{ total: 1000, exact: false, estimate: 12_000 }} unmask testId="m" />, {
      routes: {
        'POST /api/exports': () => ({ status: 202, body: { ...job, status: 'running', rowsDone: 0 } }),
        [`GET /api/exports/${job.id}`]: () => ({ ...job, status: 'running', rowsDone: 6000 }),
      },
    });
    await act(async () => fireEvent.click(screen.getByTestId('m-export')));
    expect(screen.getByTestId('m-export-modal').textContent).toContain('约 1.2 万');
    fireEvent.click(screen.getByText('CSV (.csv)'));
    fireEvent.click(screen.getByTestId('m-export-unmask'));
    await act(async () => fireEvent.click(screen.getByTestId('m-export-start')));
    await act(async () => fireEvent.click(await screen.findByTestId('m-export-unmask-ok')));
    await waitFor(() => expect(sent.find((s) => s.method === 'POST')?.body).toEqual({ kind: 'members', query: { status: 'active', format: 'csv', unmask: 'true' } }));
    await waitFor(() => expect(screen.getByTestId('m-export-progress').textContent).toBe('已写出 6,000 / 12,000 行'), { timeout: 5000 });
  });
});
