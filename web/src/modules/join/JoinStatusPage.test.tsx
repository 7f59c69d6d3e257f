import { describe, expect, it } from 'vitest';
import { act, fireEvent, screen } from '@testing-library/react';
import type { JoinStatusResultT } from '../../../../common/src/contracts/join';
import { renderApp } from '../../test/render';
import JoinStatusPage from './JoinStatusPage';

const base: JoinStatusResultT = { appNo: 'RH20261204000001', status: 'pending', unionName: '顺达快递有限公司工会', submittedOn: '2026-12-04', dueOn: '2026-12-25', decidedAt: null, rejectReason: null, cardNo: null, provisional: false };

describe('looking up an application', () => {
  it('takes the number from the link, asks for the ID number too, and says when the union will answer', async () => {
    const { sent } = renderApp(<JoinStatusPage />, { url: '/join/status?appNo=RH20261204000001', routes: { 'GET /api/join/applications/status': () => base } });
    expect(((await screen.findByTestId('join-status-appNo')) as HTMLInputElement).value).toBe('RH20261204000001');
    await act(async () => fireEvent.click(screen.getByTestId('join-status-submit')));
    expect(await screen.findByText('请填写身份证号')).toBeTruthy();
    expect(sent.some((s) => s.url.pathname === '/api/join/applications/status')).toBe(false);
    fireEvent.change(screen.getByTestId('join-status-appNo'), { target: { value: ' rh20261204000001 ' } });
    fireEvent.change(screen.getByTestId('join-status-idNumber'), { target: { value: '11010119900307001X' } });
    await act(async () => fireEvent.click(screen.getByTestId('join-status-submit')));
    const result = await screen.findByTestId('join-status-result');
    expect(result.textContent).toContain('审核中');
    expect(result.textContent).toContain('工会将在 2026-12-25 前答复。');
    expect(Object.fromEntries(sent.find((s) => s.url.pathname === '/api/join/applications/status')!.url.searchParams)).toEqual({ appNo: 'RH20261204000001', idNumber: '11010119900307001X' });
  });

  it('shows the reason of a rejection, the card number of an approval, and the server’s refusal when nothing matches', async () => {
    let answer: unknown = { ...base, status: 'rejected', decidedAt: '2026-12-10T02:00:00Z', rejectReason: '非本单位职工，请向所在地工会申请' };
    renderApp(<JoinStatusPage />, { url: '/join/status', routes: { 'GET /api/join/applications/status': () => answer } });
    fireEvent.change(await screen.findByTestId('join-status-appNo'), { target: { value: 'RH20261204000001' } });
    fireEvent.change(screen.getByTestId('join-status-idNumber'), { target: { value: '11010119900307001X' } });
    await act(async () => fireEvent.click(screen.getByTestId('join-status-submit')));
    expect((await screen.findByTestId('join-status-result')).textContent).toContain('非本单位职工，请向所在地工会申请');
    expect(screen.getByTestId('join-status-result').textContent).toContain('未予批准');
    answer = { ...base, status: 'approved', decidedAt: '2026-12-10T02:00:00Z', cardNo: 'GH2026000123' };
    await act(async () => fireEvent.click(screen.getByTestId('join-status-submit')));
    expect((await screen.findByTestId('join-status-card')).textContent).toBe('GH2026000123');
    answer = { status: 404, body: { code: 'NOT_FOUND', message: '未找到该申请，请核对申请编号和身份证号', messageEn: 'Not found' } };
    await act(async () => fireEvent.click(screen.getByTestId('join-status-submit')));
    expect((await screen.findByTestId('join-status-error')).textContent).toContain('未找到该申请，请核对申请编号和身份证号');
    expect(screen.queryByTestId('join-status-result')).toBeNull();
  });
});
