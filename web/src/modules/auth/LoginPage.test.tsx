import { describe, expect, it } from 'vitest';
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { AuthProvider } from '../../app/auth-context';
import { renderApp, signedIn, where } from '../../test/render';
import LoginPage from './LoginPage';

const unauth = { status: 401, body: { code: 'UNAUTHENTICATED', message: '请先登录', messageEn: 'Sign in first' } };
const refusal = (status: number, code: string, message: string) => ({ status, body: { code, message, messageEn: code } });

/** The login page as the router shows it: inside the session, signed out until the server says otherwise. */
function open(routes: Record<string, (r: { body: unknown }) => unknown>) {
  return renderApp(<AuthProvider><LoginPage /></AuthProvider>, { url: '/login', routes: { 'GET /api/auth/me': () => unauth, ...routes } });
}
async function signIn(username: string, password: string) {
  fireEvent.change(await screen.findByTestId('login-username'), { target: { value: username } });
  fireEvent.change(screen.getByTestId('login-password'), { target: { value: password } });
  await act(async () => fireEvent.click(screen.getByTestId('login-submit')));
}

describe('signing in', () => {
  it('asks for both fields, then shows the server’s reason for a refusal: wrong password, locked account', async () => {
    let answer = refusal(401, 'INVALID_CREDENTIALS', '用户名或密码错误，还可尝试 4 次');
    const { sent } = open({ 'POST /api/auth/login': () => answer });
    const submit = await screen.findByTestId('login-submit'); // found outside act(), which holds back the session's answer
    await act(async () => fireEvent.click(submit));
    expect(await screen.findByText('请输入用户名')).toBeTruthy();
    expect(screen.getByText('请输入密码')).toBeTruthy();
    expect(sent.some((s) => s.method === 'POST')).toBe(false);
    await signIn(' wang ', 'wrong');
    expect((await screen.findByTestId('login-error')).textContent).toBe('用户名或密码错误，还可尝试 4 次');
    expect(sent.find((s) => s.method === 'POST')!.body).toEqual({ username: 'wang', password: 'wrong' });
    answer = refusal(423, 'ACCOUNT_LOCKED', '账号已锁定，请 15 分钟后再试或联系管理员');
    await act(async () => fireEvent.click(screen.getByTestId('login-submit')));
    await waitFor(() => expect(screen.getByTestId('login-error').textContent).toBe('账号已锁定，请 15 分钟后再试或联系管理员'));
    expect(where.current).toBe('/login');
  });

  it('asks for the second factor after the password, keeps the user there on a wrong code, and opens the first page once it is right', async () => {
    const me = signedIn({}, ['dashboard.read']);
    let signedInNow = false;
    let codeOk = false;
    const { sent } = open({
      'GET /api/auth/me': () => (signedInNow ? { ...me, pending: codeOk ? null : 'totp' } : unauth),
      'POST /api/auth/login': () => {
        signedInNow = true;
        return { ...me, pending: 'totp' };
      },
      'POST /api/auth/login/totp': (r) => {
        if ((r.body as { code: string }).code !== '246810') return refusal(400, 'INVALID_TOTP', '动态验证码不正确');
        codeOk = true;
        return { ok: true };
      },
    });
    await signIn('wang', 'Secret#2026');
    const code = await screen.findByTestId('totp-code');
    expect(screen.getByTestId('login-card').textContent).toContain('双因素认证');
    fireEvent.change(code, { target: { value: '12' } });
    await act(async () => fireEvent.click(screen.getByTestId('totp-submit')));
    expect(await screen.findByText('动态验证码为6位数字')).toBeTruthy();
    fireEvent.change(code, { target: { value: '123456' } });
    await act(async () => fireEvent.click(screen.getByTestId('totp-submit')));
    expect((await screen.findByTestId('totp-error')).textContent).toBe('动态验证码不正确');
    await waitFor(() => expect((screen.getByTestId('totp-code') as HTMLInputElement).value).toBe(''));
    fireEvent.change(screen.getByTestId('totp-code'), { target: { value: '246810' } });
    await act(async () => fireEvent.click(screen.getByTestId('totp-submit')));
    await waitFor(() => expect(where.current).toBe('/dashboard'));
    expect(sent.filter((s) => s.url.pathname === '/api/auth/login/totp')).toHaveLength(2);
  });

  it('asks for a new password when the session requires one, with the way back out', async () => {
    open({ 'GET /api/auth/me': () => ({ ...signedIn(), pending: 'password_change' }) });
    expect((await screen.findByTestId('password-change-required')).textContent).toContain('首次登录或密码已超过有效期，请先修改密码。');
    expect(screen.getByTestId('login-back')).toBeTruthy();
    expect(screen.queryByTestId('login-public-links')).toBeNull();
  });
});
