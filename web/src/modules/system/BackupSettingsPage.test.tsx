import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { renderApp, signedIn } from '../../test/render';
import BackupSettingsPage from './BackupSettingsPage';

const view = (settings = { enabled: true, intervalHours: 24, keep: 14 }) => ({
  settings,
  status: { lastAt: '2026-12-04T02:00:00.000Z', lastFile: 'gonghui-20261204-020000.backup', lastError: null, files: [{ name: 'gonghui-20261204-020000.backup', bytes: 5 * 1024 * 1024, at: '2026-12-04T02:00:03.000Z' }] },
  dir: '/srv/gonghui/data/backups',
});

describe('定时备份', () => {
  it('shows the schedule (daily, 14 kept), the folder and its archives, and saves a change', async () => {
    const { sent } = renderApp(<BackupSettingsPage />, {
      me: signedIn({}, ['settings.manage']),
      routes: { 'GET /api/settings/backup': () => view(), 'PUT /api/settings/backup': (r) => view(r.body as never) },
    });
    await waitFor(() => expect(screen.getByTestId('backup-files').textContent).toContain('gonghui-20261204-020000.backup'), { timeout: 15_000 });
    expect(screen.getByTestId('backup-files').textContent).toContain('5.0 MB');
    expect(screen.getByTestId('backup-dir').textContent).toContain('/srv/gonghui/data/backups');
    const interval = screen.getByTestId('backup-intervalHours') as HTMLInputElement;
    expect(interval.value).toBe('24');
    expect((screen.getByTestId('backup-keep') as HTMLInputElement).value).toBe('14');
    fireEvent.change(screen.getByTestId('backup-keep'), { target: { value: '30' } });
    fireEvent.click(screen.getByTestId('backup-submit'));
    await waitFor(() => expect(sent.find((s) => s.method === 'PUT')?.body).toEqual({ enabled: true, intervalHours: 24, keep: 30 }), { timeout: 15_000 });
  });
});
