import { describe, expect, it } from 'vitest';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { AuditEntry } from '../../../../common/src/contracts/audit';
import { renderApp, signedIn, where } from '../../test/render';
import AuditPage from './AuditPage';

const MEMBER = '00000000-0000-7000-8000-000000000101';
const entry = (seq: number, over: Partial<AuditEntry> = {}): AuditEntry => ({
  seq, at: '2026-12-04T01:30:00Z', actorName: '王会计', orgId: 'o1', orgName: '滨江区总工会', action: 'member.unmask', entity: 'member', entityId: MEMBER, entityName: null,
  changes: null, ip: '10.0.0.8', result: 'ok', detail: null, ...over,
});
const page = { items: [entry(12), entry(11, { actorName: null, action: 'org.update', entity: 'org', entityId: 'o2', entityName: '长河街道总工会', result: 'denied', changes: { name: ['旧', '新'] } })], total: 2, page: 1, pageSize: 20, totalExact: true };

describe('audit log', () => {
  it('names actions, records and results in Chinese, with a link to a record that has a page, and the system as actor where no one acted', async () => {
    renderApp(<AuditPage />, { me: signedIn({}, ['audit.read']), url: '/system/audit', routes: { 'GET /api/audit': () => page } });
    const reveal = await screen.findByTestId('audit-row-12');
    expect(reveal.textContent).toContain('查看会员完整身份证号');
    expect(reveal.textContent).toContain('成功');
    expect(within(reveal).getByRole('link').getAttribute('href')).toBe(`/members/${MEMBER}`);
    expect(reveal.textContent).toContain('2026-12-04 09:30:00');
    const edit = screen.getByTestId('audit-row-11');
    expect(edit.textContent).toContain('修改组织');
    expect(edit.textContent).toContain('长河街道总工会');
    expect(edit.textContent).toContain('拒绝');
    expect(edit.textContent).toContain('系统');
    expect(screen.queryByTestId('audit-verify-btn')).toBeNull(); // only with the whole platform in scope
  });

  it('filters by an action group, the result and the dates, kept in the URL', async () => {
    const { sent } = renderApp(<AuditPage />, { me: signedIn({}, ['audit.read']), url: '/system/audit?action=member.&result=denied&from=2026-12-01&to=2026-12-04', routes: { 'GET /api/audit': () => page } });
    await screen.findByTestId('audit-row-12');
    expect(Object.fromEntries(sent.find((s) => s.url.pathname === '/api/audit')!.url.searchParams)).toMatchObject({ action: 'member.', result: 'denied', from: '2026-12-01', to: '2026-12-04' });
    expect(screen.getByTestId('audit-filters').textContent).toContain('拒绝');
    fireEvent.change(screen.getByTestId('audit-filter-actor'), { target: { value: '王会计' } });
    await act(async () => fireEvent.click(screen.getByTestId('audit-filter-apply')));
    await waitFor(() => expect(where.current).toBe('/system/audit?action=member.&result=denied&from=2026-12-01&to=2026-12-04&actor=%E7%8E%8B%E4%BC%9A%E8%AE%A1'));
  });

  it('lets a whole-platform administrator check the hash chain and says where it breaks', async () => {
    const me = { ...signedIn({}, ['audit.read']), scope: { all: true, subtreeCount: 300, orgCount: 300 } };
    renderApp(<AuditPage />, { me, url: '/system/audit', routes: { 'GET /api/audit': () => page, 'GET /api/audit/verify': () => ({ ok: false, checked: 5120, firstBroken: { seq: 4711, reason: '哈希不符' } }) } });
    const verify = await screen.findByTestId('audit-verify-btn'); // found outside act(), which holds back React's updates
    await act(async () => fireEvent.click(verify));
    const result = await screen.findByTestId('audit-verify-result');
    expect(result.dataset.ok).toBe('false');
    expect(result.textContent).toContain('已校验 5120 条记录。');
    expect(result.textContent).toContain('第一处异常：第 4711 条（哈希不符）');
  });
});
