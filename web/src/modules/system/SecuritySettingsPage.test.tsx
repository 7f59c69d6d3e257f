import { describe, expect, it } from 'vitest';
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { LEVEL3_PRESET, SecuritySettingsSchema } from '../../../../common/src/security-settings';
import { renderApp, signedIn } from '../../test/render';
import SecuritySettingsPage from './SecuritySettingsPage';

const stored = { ...LEVEL3_PRESET, passwordMinLength: 12, lockMinutes: 30 };
const { minValue: min, maxValue: max } = SecuritySettingsSchema.shape.passwordMinLength as unknown as { minValue: number; maxValue: number };

describe('security settings', () => {
  it('shows the stored settings, asks for a value in the schema’s range when one is missing, and fills the level-3 preset back in on request', async () => {
    const { sent } = renderApp(<SecuritySettingsPage />, { me: signedIn({}, ['settings.manage']), routes: { 'GET /api/settings/security': () => stored, 'PUT /api/settings/security': (r) => r.body } });
    const length = (await screen.findByTestId('settings-passwordMinLength')) as HTMLInputElement;
    await waitFor(() => expect(length.value).toBe('12'));
    fireEvent.change(length, { target: { value: '' } });
    await act(async () => fireEvent.click(screen.getByTestId('settings-submit')));
    expect(await screen.findByText(`请输入 ${min} 到 ${max} 之间的整数`)).toBeTruthy();
    expect(sent.some((s) => s.method === 'PUT')).toBe(false);
    fireEvent.click(screen.getByTestId('settings-reset-preset'));
    fireEvent.click(await screen.findByTestId('settings-reset-confirm'));
    await waitFor(() => expect(length.value).toBe(String(LEVEL3_PRESET.passwordMinLength)));
    expect((screen.getByTestId('settings-lockMinutes') as HTMLInputElement).value).toBe(String(LEVEL3_PRESET.lockMinutes));
    expect(sent.some((s) => s.method === 'PUT')).toBe(false); // the preset takes effect only when saved
    await act(async () => fireEvent.click(screen.getByTestId('settings-submit')));
    await waitFor(() => expect(sent.find((s) => s.method === 'PUT')?.body).toEqual(LEVEL3_PRESET));
  });

  it('warns an administrator without two-factor sign-in before requiring it of administrators', async () => {
    const { sent } = renderApp(<SecuritySettingsPage />, { me: signedIn({}, ['settings.manage']), routes: { 'GET /api/settings/security': () => stored, 'PUT /api/settings/security': (r) => r.body } });
    await waitFor(async () => expect(((await screen.findByTestId('settings-passwordMinLength')) as HTMLInputElement).value).toBe('12'));
    fireEvent.click(screen.getByTestId('settings-totpRequiredForAdmins'));
    await act(async () => fireEvent.click(screen.getByTestId('settings-submit')));
    await waitFor(() => expect(screen.getAllByText('您自己尚未启用双因素认证').length).toBeGreaterThan(0));
    expect(sent.some((s) => s.method === 'PUT')).toBe(false);
    await act(async () => fireEvent.click(screen.getByTestId('settings-totp-self-ok')));
    await waitFor(() => expect(sent.find((s) => s.method === 'PUT')?.body).toMatchObject({ totpRequiredForAdmins: true }));
  });
});
