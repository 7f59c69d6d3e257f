import { sql } from 'drizzle-orm';
import type { TestEnv } from '../../test/harness.js';

/** Test-only: the city administrator and the D01 district's user signed in, with the ids of the city, D01 and its sibling D02. */
export async function cityAndDistrict(env: TestEnv) {
  const [admin, district] = await Promise.all([env.login('admin'), env.login('district')]);
  const me = await admin.get('/api/auth/me');
  const mine = await district.get('/api/auth/me');
  const [d02] = await env.services.database.query<{ id: string }>(sql`SELECT id FROM org WHERE code = 'D02'`);
  const ids: Record<string, string> = { city: me.json().user.orgId, d01: mine.json().user.orgId, d02: d02!.id };
  return { admin, district, ids };
}
