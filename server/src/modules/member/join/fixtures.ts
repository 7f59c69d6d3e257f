/** Test fixtures for the join and transfer tests (not used by the app). */
import { sql } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { appUser, role, userRole } from '../../user/user.schema.js';
import { hashPassword } from '../../../platform/crypto.js';
import { computeIdCheck } from '../../../../../common/src/id-number.js';
import { DEMO_PASSWORD } from '../../../seed/demo.js';
import type { TestClient, TestEnv } from '../../../test/harness.js';

let seq = 0;
/** A fresh valid resident ID number (GB 11643 check character), different on every call within a file. */
export function freshId(sex: 'M' | 'F' = 'M', born = '19900101'): string {
  seq++;
  const order = String((seq % 500) * 2 + (sex === 'M' ? 1 : 0)).padStart(3, '0');
  // The area code varies with seq as well, so up to 500 × 90 distinct numbers per sex.
  const first17 = '4399' + String(10 + (Math.floor(seq / 500) % 90)) + born + order;
  return first17 + computeIdCheck(first17);
}

let mobileSeq = 0;
export function freshMobile(): string {
  mobileSeq++;
  return '139' + String(10_000_000 + mobileSeq * 7919).slice(-8);
}

export interface DemoOrgs {
  d01: Org;
  d02: Org;
  /** The demo `grassroots` user's union (in D01). */
  g1: Org;
  /** Another grassroots union in D01. */
  g1b: Org;
  /** A grassroots union in D02. */
  g2: Org;
  street1: Org;
  street2: Org;
}
export interface Org {
  id: string;
  name: string;
  uscc: string | null;
  path: string;
  level: string;
  employer_name: string | null;
}

export async function demoOrgs(env: TestEnv): Promise<DemoOrgs> {
  const q = (s: ReturnType<typeof sql>) => env.services.database.query<Org>(s);
  const cols = sql`o.id, o.name, o.uscc, o.path, o.level, o.employer_name`;
  const [d01] = await q(sql`SELECT ${cols} FROM org o WHERE code = 'D01'`);
  const [d02] = await q(sql`SELECT ${cols} FROM org o WHERE code = 'D02'`);
  const [g1] = await q(sql`SELECT ${cols} FROM org o JOIN app_user u ON u.org_id = o.id WHERE u.username = 'grassroots'`);
  const [g1b] = await q(
    sql`SELECT ${cols} FROM org o WHERE level = 'grassroots' AND active AND path LIKE ${d01!.path + '%'} AND id <> ${g1!.id} AND uscc IS NOT NULL ORDER BY code LIMIT 1`,
  );
  const [g2] = await q(
    sql`SELECT ${cols} FROM org o WHERE level = 'grassroots' AND active AND path LIKE ${d02!.path + '%'} AND uscc IS NOT NULL ORDER BY code LIMIT 1`,
  );
  const [street1] = await q(sql`SELECT ${cols} FROM org o WHERE level = 'street' AND path LIKE ${d01!.path + '%'} ORDER BY code LIMIT 1`);
  const [street2] = await q(sql`SELECT ${cols} FROM org o WHERE level = 'street' AND path LIKE ${d02!.path + '%'} ORDER BY code LIMIT 1`);
  return { d01: d01!, d02: d02!, g1: g1!, g1b: g1b!, g2: g2!, street1: street1!, street2: street2! };
}

/** A signed-in user with a built-in role at the given org (inserted directly, password already set). */
export async function userAt(env: TestEnv, username: string, orgId: string, roleCode: string): Promise<TestClient> {
  const db = env.services.db;
  const [r] = await db
    .select({ id: role.id })
    .from(role)
    .where(sql`${role.code} = ${roleCode}`);
  const id = uuidv7();
  await db.insert(appUser).values({ id, username, displayName: username, orgId, passwordHash: await hashPassword(DEMO_PASSWORD), mustChangePassword: false });
  await db.insert(userRole).values({ userId: id, roleId: r!.id });
  return env.login(username);
}

export function memberFields(idNumber: string, extra: Record<string, unknown> = {}) {
  return { name: '李小梅', idNumber, mobile: freshMobile(), employmentForm: '快递员', joinDate: '2024-03-01', ...extra };
}

/** Register a member through the API (as a user whose scope covers the org); returns the member id. */
export async function addMember(client: TestClient, orgId: string, idNumber: string, extra: Record<string, unknown> = {}): Promise<string> {
  const res = await client.post('/api/members', { orgId, fields: memberFields(idNumber, extra), consent: { version: '2026-01', method: 'paper' } });
  if (res.statusCode !== 201) throw new Error(`addMember: ${res.statusCode} ${res.body}`);
  return res.json().id;
}
