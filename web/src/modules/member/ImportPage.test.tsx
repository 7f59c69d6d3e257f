import { describe, expect, it } from 'vitest';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { ImportDetail } from '../../../../common/src/contracts/member-import';
import { renderApp, signedIn, where } from '../../test/render';
import ImportPage from './ImportPage';

const BATCH = '00000000-0000-7000-8000-0000000000b1';
const UNION = '00000000-0000-7000-8000-0000000000aa';
const batch = (over: Partial<ImportDetail> = {}): ImportDetail => ({
  id: BATCH, orgId: UNION, orgName: '顺达快递有限公司工会', fileName: '名册.xlsx', status: 'preview', total: 120, valid: 118, rejected: 2, created: 100, updated: 18, unchanged: 0,
  rowsDone: 120, rate: 0, restartable: false, message: null, startedAt: '2026-12-04T01:00:00Z', finishedAt: null, errorCount: 2,
  errors: [
    { row: 5, column: '身份证号', code: 'ID_CHECKSUM', message: '身份证号校验位不正确', messageEn: 'Wrong check digit', warning: false },
    { row: 17, column: '手机号码', code: 'MOBILE_FORMAT', message: '手机号码应为11位数字', messageEn: 'Mobile must be 11 digits', warning: false },
  ],
  ...over,
});
const history = { items: [], total: 0, page: 1, pageSize: 10 };

describe('roster import', () => {
  it('lists the preview’s errors by the row of the user’s own sheet, commits what is valid after saying what will be left out, and shows the result', async () => {
    let current = batch();
    const { sent } = renderApp(<ImportPage />, {
      me: signedIn({}, ['member.import']), url: `/members/import?batch=${BATCH}`,
      routes: {
        [`GET /api/member-imports/${BATCH}`]: () => current,
        'GET /api/member-imports': () => history,
        [`POST /api/member-imports/${BATCH}/commit`]: () => {
          current = batch({ status: 'done', rejected: 2, created: 100, updated: 18, finishedAt: '2026-12-04T01:01:00Z' });
          return { status: 202, body: { batchId: BATCH } };
        },
      },
    });
    expect((await screen.findByTestId('import-error-row-5')).textContent).toContain('身份证号校验位不正确');
    expect(screen.getByTestId('import-error-row-17').textContent).toContain('手机号码');
    expect(screen.getByTestId('import-count-valid').textContent).toContain('118');
    expect(screen.getByTestId('import-count-rejected').textContent).toContain('2');
    expect(screen.getByTestId('import-errors-download').getAttribute('href')).toBe(`/api/member-imports/${BATCH}/errors.xlsx`);
    fireEvent.click(screen.getByTestId('import-commit-btn'));
    expect(await screen.findByText(/将把 118 条记录导入“顺达快递有限公司工会”；2 条有错误的行不会导入/)).toBeTruthy();
    await act(async () => fireEvent.click(screen.getByTestId('import-commit-ok')));
    const result = await screen.findByTestId('import-result');
    expect(screen.getByTestId('import-result-created').textContent).toContain('100');
    expect(within(result).getByTestId('import-view-members').closest('a')!.getAttribute('href')).toBe(`/members?orgId=${UNION}`);
    expect(sent.filter((s) => s.method === 'POST')).toHaveLength(1);
  });

  it('offers no commit when no row is valid', async () => {
    renderApp(<ImportPage />, {
      me: signedIn({}, ['member.import']), url: `/members/import?batch=${BATCH}`,
      routes: { [`GET /api/member-imports/${BATCH}`]: () => batch({ valid: 0, rejected: 120 }), 'GET /api/member-imports': () => history },
    });
    expect((await screen.findByTestId('import-commit-btn') as HTMLButtonElement).disabled).toBe(true);
  });

  it('uploads a roster only once a grassroots union and an .xlsx or .csv file are chosen, then follows the batch', async () => {
    const { sent } = renderApp(<ImportPage />, {
      me: signedIn({}, ['member.import']), url: '/members/import',
      routes: {
        'GET /api/member-imports': () => history,
        'GET /api/orgs/tree': () => [{ id: UNION, name: '顺达快递有限公司工会', code: 'G001', level: 'grassroots', kind: 'enterprise', active: true, childCount: 0 }],
        'POST /api/member-imports': () => ({ status: 202, body: { batchId: BATCH } }),
        [`GET /api/member-imports/${BATCH}`]: () => batch(),
      },
    });
    const btn = (await screen.findByTestId('import-upload-btn')) as HTMLButtonElement;
    expect(btn.disabled).toBe(true);
    fireEvent.mouseDown(within(screen.getByTestId('import-org')).getByRole('combobox'));
    fireEvent.click(await screen.findByTestId('org-option-顺达快递有限公司工会'));
    const input = () => screen.getByTestId('import-file').closest('.ant-upload-wrapper')!.querySelector('input[type=file]')!; // a new one after each choice
    await act(async () => fireEvent.change(input(), { target: { files: [new File(['x'], '名单.txt', { type: 'text/plain' })] } }));
    expect(await screen.findByText('请选择 .xlsx 或 .csv 文件')).toBeTruthy();
    expect(btn.disabled).toBe(true);
    await act(async () => fireEvent.change(input(), { target: { files: [new File(['姓名,身份证号'], '名册.csv', { type: 'text/csv' })] } }));
    await waitFor(() => expect(btn.disabled).toBe(false));
    await act(async () => fireEvent.click(btn));
    await waitFor(() => expect(where.current).toBe(`/members/import?batch=${BATCH}`));
    const form = sent.find((s) => s.method === 'POST')!.body as FormData;
    expect(form.get('orgId')).toBe(UNION);
    expect((form.get('file') as File).name).toBe('名册.csv');
    await screen.findByTestId('import-error-row-5');
  });
});
