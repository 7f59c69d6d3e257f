import { it } from 'vitest';
import { sql } from 'drizzle-orm';
import { generate } from 'otplib';
import { createTestEnv } from './harness.js';
it('scratch', async () => {
  const env = await createTestEnv();
  const show = (label: string, r: { statusCode: number; body: string }) => console.log(label, r.statusCode, r.body.slice(0, 300));
  const q = (s: ReturnType<typeof sql>) => env.services.database.query<any>(s);
  // lockout race
  const rs = await Promise.all(Array.from({ length: 12 }, () => env.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'worker', password: 'wrong' } })));
  console.log('race statuses', rs.map((r) => r.statusCode).join(','));
  console.log(await q(sql`select failed_logins, locked_until from app_user where username='worker'`));
  const ok = await env.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'worker', password: 'Gonghui@2026' } });
  console.log('worker correct after race', ok.statusCode);
  // totp setup bypass
  const d = await env.login('district');
  const setup = await d.post('/api/auth/totp/setup');
  const secret = setup.json().secret;
  show('enable', await d.post('/api/auth/totp/enable', { code: await generate({ secret }) }));
  show('setup again', await d.post('/api/auth/totp/setup'));
  console.log(await q(sql`select totp_enabled from app_user where username='district'`));
  // deactivate scope top
  const [d01] = await q(sql`select id, version, path from org where code='D01'`);
  show('edit D01 to street', await d.put(`/api/orgs/${d01.id}`, { level: 'street', code: 'D01', name: '滨江区总工会', version: d01.version }));
  console.log(await q(sql`select level, code from org where parent_id = ${d01.id} limit 2`));
  show('deactivate D01', await d.post(`/api/orgs/${d01.id}/deactivate`, { version: d01.version + 1 }));
  show('detail D01', await d.get(`/api/orgs/${d01.id}`));
  await env.close();
});
