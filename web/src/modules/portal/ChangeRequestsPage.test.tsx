import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { renderApp, signedIn } from '../../test/render';
import ChangeRequestsPage from './ChangeRequestsPage';

const row = {
  id: 'r1', field: 'employer', valueMasked: '新单位有限公司', toUnionName: '新单位工会', status: 'pending', rejectReason: null,
  createdAt: '2026-12-01T08:00:00.000Z', decidedAt: null, memberId: 'm1', memberName: '贺思远', orgId: 'o1', orgName: '滨江区某公司工会',
  note: null, transferId: null, version: 3,
};

describe('会员管理 → 职工信息变更', () => {
  it('lists workers’ requests masked and rejects one with a reason and the version read', async () => {
    const { sent } = renderApp(<ChangeRequestsPage />, {
      url: '/members/change-requests',
      me: signedIn({}, ['member.read', 'member.write']),
      routes: {
        'GET /api/member-change-requests': () => ({ items: [row], total: 1, totalExact: true, page: 1, pageSize: 20 }),
        'POST /api/member-change-requests/r1/reject': () => ({ ...row, status: 'rejected', rejectReason: '请提供劳动合同', version: 4 }),
      },
    });
    expect((await screen.findByText(/新单位有限公司/)).textContent).toContain('新单位工会');
    fireEvent.click(screen.getByTestId('change-reject-r1'));
    fireEvent.change(await screen.findByLabelText('理由'), { target: { value: '请提供劳动合同' } });
    fireEvent.click(screen.getByTestId('change-reject-form-submit'));
    await waitFor(() => {
      const post = sent.find((s) => s.method === 'POST' && s.url.pathname === '/api/member-change-requests/r1/reject');
      expect(post?.body).toEqual({ reason: '请提供劳动合同', version: 3 });
    });
  });
});
