import { describe, expect, it } from 'vitest';
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import type { MemberDetailT } from '../../../../common/src/contracts/member';
import { renderApp, signedIn } from '../../test/render';
import MemberDetailPage from './MemberDetailPage';

const ID = '00000000-0000-7000-8000-000000000101';
const detail = (over: Partial<MemberDetailT> = {}): MemberDetailT => ({
  id: ID, name: '王芳', idMasked: '330106********002X', mobileMasked: '138****5678', sex: 'F', age: 36, orgId: 'o1', orgName: '滨江高新园区联合工会',
  employmentForm: 'courier', migrantWorker: true, status: 'active', joinDate: '2024-05-01', cardNo: 'GH0000001', version: 3,
  idKind: 'resident', ethnicity: '汉族', education: null, politicalStatus: null, occupation: '快递员', employerName: '顺达快递', consentVersion: 'v1',
  consentAt: '2024-05-01T02:00:00Z', consentMethod: 'online', legalBasis: 'consent', consentStatus: 'given', createdAt: '2024-05-01T02:00:00Z', updatedAt: '2026-01-01T02:00:00Z',
  events: [{ id: 'e1', kind: 'joined', onDate: '2024-05-01', orgId: 'o1', orgName: '滨江高新园区联合工会', reason: null, createdAt: '2024-05-01T02:00:00Z' }],
  openTransfer: null,
  can: { unmask: true, edit: true, transfer: true, retained: true, left: true, reactivated: false },
  ...over,
} as MemberDetailT);
const open = (m: MemberDetailT, routes = {}) =>
  renderApp(<MemberDetailPage />, { me: signedIn({}, ['member.read']), url: `/members/${ID}`, path: '/members/:id', routes: { [`GET /api/members/${ID}`]: () => m, [`GET /api/members/${ID}/history`]: () => [], ...routes } });

describe('member detail', () => {
  it('shows the ID number and mobile masked, and reveals them once, after a warning that the look is audited', async () => {
    const { sent } = open(detail(), { [`POST /api/members/${ID}/unmask`]: () => ({ idNumber: '33010619900307002X', mobile: '13812345678' }) });
    const id = await screen.findByTestId('member-id-number');
    expect(id.textContent).toBe('330106********002X');
    expect(screen.getByTestId('member-mobile').textContent).toBe('138****5678');
    fireEvent.click(screen.getByTestId('member-unmask-btn'));
    expect((await screen.findByText('此操作将记入审计日志（操作人、时间、IP）。请仅在工作需要时查看。'))).toBeTruthy();
    await act(async () => fireEvent.click(screen.getByTestId('member-unmask-ok')));
    await waitFor(() => expect(screen.getByTestId('member-id-number').textContent).toBe('33010619900307002X'));
    expect(screen.getByTestId('member-mobile').textContent).toBe('13812345678');
    expect(screen.queryByTestId('member-unmask-btn')).toBeNull(); // nothing more to reveal: no second audited look
    expect(sent.filter((s) => s.url.pathname.endsWith('/unmask'))).toHaveLength(1);
  });

  it('offers only the changes the server allows, and asks the reason for leaving before sending it with the version read', async () => {
    const { sent } = open(detail({ can: { unmask: false, edit: false, transfer: false, retained: false, left: true, reactivated: false } }), { [`POST /api/members/${ID}/status`]: () => ({ ok: true }) });
    await screen.findByTestId('member-id-number');
    expect(screen.queryByTestId('member-unmask-btn')).toBeNull();
    expect(screen.queryByTestId('member-edit-btn')).toBeNull();
    expect(screen.queryByTestId('member-transfer-btn')).toBeNull();
    expect(screen.queryByTestId('member-status-btn-retained')).toBeNull();
    expect(screen.queryByTestId('member-status-btn-reactivated')).toBeNull();
    fireEvent.click(screen.getByTestId('member-status-btn-left'));
    await act(async () => fireEvent.click(await screen.findByTestId('member-status-submit')));
    expect(await screen.findByText('请填写原因')).toBeTruthy();
    expect(sent.some((s) => s.method === 'POST')).toBe(false);
    fireEvent.change(screen.getByTestId('member-status-reason'), { target: { value: '调离本市' } });
    await act(async () => fireEvent.click(screen.getByTestId('member-status-submit')));
    await waitFor(() => expect(sent.find((s) => s.method === 'POST')?.body).toMatchObject({ kind: 'left', reason: '调离本市', version: 3 }));
  });

  it('names a transfer under way instead of offering another', async () => {
    open(detail({ openTransfer: { id: 't1', fromOrgId: 'o1', toOrgId: 'o2', createdAt: '2026-11-30T02:00:00Z' } }));
    expect((await screen.findByTestId('member-open-transfer')).textContent).toContain('2026-11-30');
    expect(screen.queryByTestId('member-transfer-btn')).toBeNull();
  });

  it('says a member outside the user’s scope does not exist, with the way back to the search', async () => {
    renderApp(<MemberDetailPage />, { me: signedIn({}, ['member.read']), url: `/members/${ID}`, path: '/members/:id', routes: { [`GET /api/members/${ID}`]: () => ({ status: 404, body: { code: 'NOT_FOUND', message: '记录不存在', messageEn: 'Not found' } }) } });
    expect((await screen.findByTestId('member-detail-error')).textContent).toContain('会员不存在，或不在您的管辖范围内');
    expect(screen.getByText('返回会员查询').getAttribute('href')).toBe('/members');
  });
  it('edits a member without the ID number or mobile unless given again, with the version read', async () => {
    const { sent } = open(detail(), { [`PUT /api/members/${ID}`]: () => ({ id: ID }) });
    fireEvent.click(await screen.findByTestId('member-edit-btn'));
    const name = (await screen.findByTestId('member-form-name')) as HTMLInputElement;
    await waitFor(() => expect(name.value).toBe('王芳'));
    expect((screen.getByTestId('member-form-idNumber') as HTMLInputElement).value).toBe('');
    expect((screen.getByTestId('member-form-idNumber') as HTMLInputElement).placeholder).toBe('330106********002X');
    fireEvent.change(screen.getByTestId('member-form-occupation'), { target: { value: '快递站站长' } });
    await act(async () => fireEvent.click(screen.getByTestId('member-form-submit')));
    await waitFor(() => expect(sent.some((s) => s.method === 'PUT')).toBe(true));
    const body = sent.find((s) => s.method === 'PUT')!.body as { fields: Record<string, unknown>; version: number };
    expect(body.version).toBe(3);
    expect(body.fields).toMatchObject({ name: '王芳', occupation: '快递站站长' });
    expect(body.fields).not.toHaveProperty('idNumber');
    expect(body.fields).not.toHaveProperty('mobile');
  });
});
