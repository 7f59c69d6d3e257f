import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { renderApp, signedIn, where } from '../../test/render';
import { InboxBell } from './InboxBell';

const note = (id: string, over: Record<string, unknown> = {}) => ({
  id,
  kind: 'plan.escalation',
  title: '逾期督办：滨江区总工会',
  body: '滨江区总工会承办的「推进劳动争议联调」部署时限 2026-12-01 已过，请督促办理。',
  link: `/plans/tasks/${id}`,
  readAt: null,
  createdAt: '2026-12-03T01:00:00.000Z',
  ...over,
});

describe('the header bell', () => {
  it('shows the unread count; a message opened is marked read and leads to its task; all can be marked read', async () => {
    let unread = 2;
    const { sent } = renderApp(<InboxBell />, {
      me: signedIn({}, ['plan.read']),
      routes: {
        'GET /api/inbox/unread': () => ({ unread }),
        'GET /api/inbox': () => ({
          items: [note('t1'), note('t2', { kind: 'plan.reminder', title: '督办提醒：部署将于 2026-12-07 到期' }), note('t3', { title: '逾期督办：江北区总工会', readAt: '2026-12-02T00:00:00.000Z' })],
          total: 3,
          page: 1,
          pageSize: 20,
          unread,
        }),
        'POST /api/inbox/t1/read': () => ({ ok: true, unread: (unread = 1) }),
        'POST /api/inbox/read-all': () => ({ ok: true, updated: unread, unread: (unread = 0) }),
      },
    });
    await waitFor(() => expect(screen.getByTestId('inbox-badge').getAttribute('data-unread')).toBe('2'));
    fireEvent.click(screen.getByTestId('inbox-bell'));
    expect(await screen.findByText('逾期督办：滨江区总工会')).toBeTruthy();
    expect(screen.getAllByText('升级督办')).toHaveLength(2);
    expect(screen.getByText('临期提醒')).toBeTruthy();
    expect(screen.getByText('共 3 条，未读 2 条')).toBeTruthy();
    expect(screen.getByTestId('inbox-item-t3').getAttribute('data-read')).toBe('true');

    fireEvent.click(screen.getByTestId('inbox-item-t1'));
    await waitFor(() => expect(where.current).toBe('/plans/tasks/t1'));
    expect(sent.some((s) => s.method === 'POST' && s.url.pathname === '/api/inbox/t1/read')).toBe(true);
    await waitFor(() => expect(screen.getByTestId('inbox-badge').getAttribute('data-unread')).toBe('1'));

    fireEvent.click(screen.getByTestId('inbox-bell'));
    fireEvent.click(await screen.findByTestId('inbox-read-all'));
    await waitFor(() => expect(sent.some((s) => s.method === 'POST' && s.url.pathname === '/api/inbox/read-all')).toBe(true));
    await waitFor(() => expect(screen.getByTestId('inbox-badge').getAttribute('data-unread')).toBe('0'));
  });

  it('says so when there is nothing unread', async () => {
    renderApp(<InboxBell />, {
      me: signedIn(),
      routes: {
        'GET /api/inbox/unread': () => ({ unread: 0 }),
        'GET /api/inbox': () => ({ items: [], total: 0, page: 1, pageSize: 20, unread: 0 }),
      },
    });
    fireEvent.click(await screen.findByTestId('inbox-bell'));
    expect(await screen.findByText('暂无消息')).toBeTruthy();
    fireEvent.click(screen.getByText('未读'));
    expect(await screen.findByText('没有未读消息')).toBeTruthy();
  });
});
