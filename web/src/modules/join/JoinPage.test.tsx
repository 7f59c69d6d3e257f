import { describe, expect, it } from 'vitest';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { JoinApplyResultT, UnionHitT } from '../../../../common/src/contracts/join';
import { computeIdCheck, ID_PROBLEM_MESSAGES } from '../../../../common/src/id-number';
import { MOBILE_PROBLEM_MESSAGES } from '../../../../common/src/mobile';
import { renderApp } from '../../test/render';
import JoinPage from './JoinPage';

const UNION = '00000000-0000-7000-8000-0000000000aa';
const hit: UnionHitT = { id: UNION, name: '顺达快递有限公司工会', kind: 'enterprise', level: 'grassroots', streetName: '长河街道', districtName: '滨江区', platform: false };
const done: JoinApplyResultT = { appNo: 'RH20261204000001', unionName: hit.name, submittedOn: '2026-12-04', dueOn: '2026-12-25', provisional: false };
const first17 = '11010119900307001';
const goodId = first17 + computeIdCheck(first17);

async function toDetails(routes = {}) {
  const r = renderApp(<JoinPage />, { url: '/join', routes: { 'GET /api/join/unions': () => [hit], ...routes } });
  fireEvent.change(await screen.findByTestId('join-union-q'), { target: { value: '顺达' } });
  await act(async () => fireEvent.click(screen.getByTestId('join-union-search')));
  fireEvent.click(await screen.findByTestId('join-union-result'));
  expect(screen.getByTestId('join-next').textContent).toBe('下一步：申请加入“顺达快递有限公司工会”');
  fireEvent.click(screen.getByTestId('join-next'));
  await screen.findByTestId('join-form');
  return r;
}

/** The employment form has no default: the applicant must choose one. */
async function pickStandardEmployment() {
  fireEvent.mouseDown(within(screen.getByTestId('join-employmentForm').closest('.ant-select')!).getByRole('combobox'));
  await waitFor(() => expect(document.querySelector('.ant-select-item-option[title="标准劳动关系职工"]')).toBeTruthy());
  fireEvent.click(document.querySelector('.ant-select-item-option[title="标准劳动关系职工"]')!);
}

/** A complete application, the consent given, sent. */
async function fillAndSend() {
  fireEvent.change(screen.getByTestId('join-name'), { target: { value: '李强' } });
  fireEvent.change(screen.getByTestId('join-idNumber'), { target: { value: goodId } });
  fireEvent.change(screen.getByTestId('join-mobile'), { target: { value: '13812345678' } });
  fireEvent.change(screen.getByTestId('join-employerName'), { target: { value: '顺达快递有限公司' } });
  await pickStandardEmployment();
  fireEvent.click(screen.getByTestId('join-consent'));
  await act(async () => fireEvent.click(screen.getByTestId('join-submit')));
}

describe('joining online', () => {
  it('asks for two characters before looking a union up, and offers the local union when the employer has none', async () => {
    const { sent } = renderApp(<JoinPage />, { url: '/join', routes: { 'GET /api/join/unions': () => [], 'GET /api/join/territorial': () => [{ id: UNION, name: '长河街道总工会', districtName: '滨江区' }] } });
    fireEvent.change(await screen.findByTestId('join-union-q'), { target: { value: '顺' } });
    fireEvent.click(screen.getByTestId('join-union-search'));
    expect(await screen.findByText('请至少输入2个字')).toBeTruthy();
    expect(sent.some((s) => s.url.pathname.startsWith('/api/join/'))).toBe(false);
    expect((screen.getByTestId('join-next') as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(screen.getByTestId('join-union-q'), { target: { value: '顺达快递' } });
    await act(async () => fireEvent.click(screen.getByTestId('join-union-search')));
    fireEvent.click(await screen.findByTestId('join-switch-territorial'));
    fireEvent.change(screen.getByTestId('join-union-q'), { target: { value: '长河' } });
    await act(async () => fireEvent.click(screen.getByTestId('join-union-search')));
    const result = await screen.findByTestId('join-union-result');
    expect(result.textContent).toContain('属地工会');
  });

  it('names every missing answer in Chinese, the consent included, and sends nothing', async () => {
    const { sent } = await toDetails();
    await act(async () => fireEvent.click(screen.getByTestId('join-submit')));
    for (const m of ['请填写姓名', '请填写身份证号', '请填写手机号码', '请填写工作单位（至少2个字）', '须同意个人信息处理告知书才能提交申请']) expect(await screen.findByText(m)).toBeTruthy();
    expect(sent.some((s) => s.method === 'POST')).toBe(false);
  });

  it('checks the ID number and the mobile as typed', async () => {
    await toDetails();
    fireEvent.change(screen.getByTestId('join-idNumber'), { target: { value: first17 + (computeIdCheck(first17) === '1' ? '2' : '1') } });
    fireEvent.change(screen.getByTestId('join-mobile'), { target: { value: '1381234' } });
    expect(await screen.findByText(ID_PROBLEM_MESSAGES.checksum.zh)).toBeTruthy();
    expect(await screen.findByText(MOBILE_PROBLEM_MESSAGES.format.zh)).toBeTruthy();
  });

  it('sends a complete application with the consent and shows the application number and the answer’s due date', async () => {
    const { sent } = await toDetails({ 'POST /api/join/applications': () => ({ status: 201, body: done }) });
    await fillAndSend();
    expect((await screen.findByTestId('join-app-no')).textContent).toContain('RH20261204000001');
    expect(screen.getByTestId('join-due-on').textContent).toBe('2026-12-25');
    const body = sent.find((s) => s.method === 'POST')!.body as { orgId: string; viaTerritorial: boolean; consent: { agreed: boolean }; fields: { name: string; idNumber: string; employmentForm: string } };
    expect(body).toMatchObject({ orgId: UNION, viaTerritorial: false, consent: { agreed: true }, fields: { name: '李强', idNumber: goodId, employmentForm: 'standard' } });
    expect(screen.getByTestId('join-go-status').closest('a')!.getAttribute('href')).toBe('/join/status?appNo=RH20261204000001');
  });

  it('shows a refusal about the person under the ID number', async () => {
    await toDetails({ 'POST /api/join/applications': () => ({ status: 409, body: { code: 'MEMBER_HELD_ELSEWHERE', message: '该身份证号已是会员 / already a member', messageEn: 'Already a member' } }) });
    await fillAndSend();
    await waitFor(() => expect(screen.getByTestId('join-idNumber').closest('.ant-form-item')!.textContent).toContain('该身份证号已是会员'));
  });
});
