/**
 * Render a piece of the web app as the app does (i18n, antd, vocabularies, a router at a URL), with
 * the server answered by `routes`: each request is matched by method and path, and recorded so a
 * test can read what the page asked for. The network is stood in for; the code under test is not.
 */
import { useEffect, type ReactElement } from 'react';
import { render } from '@testing-library/react';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router-dom';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { vi } from 'vitest';
import { I18nProvider } from '../i18n';
import { MetaProvider } from '../app/meta-context';
import { AuthProvider, useAuth } from '../app/auth-context';

export interface Sent {
  method: string;
  url: URL;
  body: unknown;
}

export type Answer = (req: Sent) => unknown | { status: number; body: unknown };

/** The current location, for tests that check what the URL became. */
export const where = { current: '' };
function Where() {
  const l = useLocation();
  useEffect(() => {
    where.current = l.pathname + l.search;
  });
  return null;
}

/** Renders its children once the session is read, as the app's router does. */
function WhenSignedIn({ children }: { children: ReactElement }) {
  const { me } = useAuth();
  return me ? children : null;
}

/** A signed-in user for `renderApp(…, { me: signedIn({ orgLevel: 'grassroots' }) })`. */
export function signedIn(user: Partial<{ orgId: string; orgName: string; orgLevel: string }> = {}, permissions: string[] = []) {
  return {
    user: { id: 'u1', username: 'tester', displayName: '测试', orgId: '00000000-0000-7000-8000-000000000001', orgName: '滨江区总工会', orgLevel: 'county', ...user },
    permissions, scope: { all: false, subtreeCount: 1, orgCount: 0 }, pending: null, totpEnabled: false, passwordExpiresAt: null, csrfToken: 'x',
  };
}

export function renderApp(ui: ReactElement, opts: { url?: string; path?: string; routes?: Record<string, Answer>; me?: ReturnType<typeof signedIn> } = {}) {
  const sent: Sent[] = [];
  const routes: Record<string, Answer> = { 'GET /api/meta': () => ({ permissions: [], orgLevels: [], orgKinds: [], scopeKinds: [], employmentForms: [], memberStatuses: [], eventKinds: [], educationLevels: [], politicalStatuses: [], ethnicities: [], consentVersion: 'v1' }), ...(opts.me ? { 'GET /api/auth/me': () => opts.me } : {}), ...opts.routes };
  vi.stubGlobal('fetch', async (input: string, init?: RequestInit) => {
    const url = new URL(input, 'http://localhost');
    const method = init?.method ?? 'GET';
    const req = { method, url, body: init?.body ? JSON.parse(String(init.body)) : undefined };
    sent.push(req);
    const answer = routes[`${method} ${url.pathname}`];
    const out = answer ? answer(req) : { status: 404, body: { code: 'ROUTE_NOT_FOUND', message: '接口不存在', messageEn: 'No route' } };
    const { status, body } = out && typeof out === 'object' && 'status' in (out as object) && 'body' in (out as object) ? (out as { status: number; body: unknown }) : { status: 200, body: out };
    return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  });
  const result = render(
    <I18nProvider>
      <ConfigProvider locale={zhCN}>
        <AntApp>
          <MetaProvider>
            <MemoryRouter initialEntries={[opts.url ?? '/']}>
              <Where />
              <Routes>
                <Route path={opts.path ?? '*'} element={opts.me ? <AuthProvider><WhenSignedIn>{ui}</WhenSignedIn></AuthProvider> : ui} />
              </Routes>
            </MemoryRouter>
          </MetaProvider>
        </AntApp>
      </ConfigProvider>
    </I18nProvider>,
  );
  return { ...result, sent };
}
