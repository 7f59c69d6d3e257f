import { expect } from 'vitest';
import { freshMobile } from '../member/join/fixtures.js';
import type { TestClient, TestEnv } from '../../test/harness.js';

/**
 * A worker's phone for tests of the worker portal: keeps the worker cookie and comes from one
 * address; `signUp` signs up with the code an administrator reads from the SMS outbox. Test-only.
 */
let ipSeq = 0;
export const freshIp = () => `10.9.${Math.floor(++ipSeq / 250)}.${ipSeq % 250}`;

export function phone(env: TestEnv, ip = freshIp()) {
  let cookie = '';
  const send = async (method: 'GET' | 'POST', url: string, payload?: object, headers: Record<string, string> = {}) => {
    const res = await env.app.inject({
      method,
      url,
      remoteAddress: ip,
      headers: { ...(cookie ? { cookie } : {}), ...headers },
      ...(method === 'POST' ? { payload: payload ?? {} } : {}),
    });
    const set = res.cookies.find((c) => c.name === 'gh_wsid');
    if (set) cookie = set.value ? `gh_wsid=${set.value}` : '';
    return res;
  };
  return {
    send,
    get cookie() {
      return cookie;
    },
  };
}

/** The last code the outbox holds for a mobile, read as an administrator would. */
export async function codeFromOutbox(admin: TestClient, mobile: string): Promise<string> {
  const res = await admin.get(`/api/system/sms-outbox?mobile=${mobile}`);
  expect(res.statusCode).toBe(200);
  const body = res.json().items[0]?.body as string;
  return /(\d{6})/.exec(body)![1]!;
}

export async function signUpWorker(env: TestEnv, admin: TestClient, mobile = freshMobile()) {
  const p = phone(env);
  expect((await p.send('POST', '/api/portal/code', { mobile })).statusCode).toBe(200);
  const res = await p.send('POST', '/api/portal/session', { mobile, code: await codeFromOutbox(admin, mobile) });
  expect(res.statusCode).toBe(200);
  return { p, mobile, me: res.json() };
}
