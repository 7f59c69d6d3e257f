import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql, type SQL } from 'drizzle-orm';
import { computeIdCheck } from '../../../common/src/id-number.js';
import { createTestEnv, type TestClient, type TestEnv } from '../test/harness.js';
import type { RegisteredRoute } from '../test/routes.js';
import { IMPORT_FILLERS, importTarget, type ImportSiblings } from '../modules/member/import/sibling-targets.js';
import { PLAN_BODIES, PLAN_FILLERS, planSnapshot, planTargets, type PlanSiblings } from '../modules/plan/sibling-targets.js';
import { HARDSHIP_BODIES, HARDSHIP_FILLERS, hardshipSnapshot, hardshipTargets, type HardshipSiblings } from '../modules/hardship/sibling-targets.js';
import { CONTRACT_BODIES, CONTRACT_FILLERS, contractSnapshot, contractTargets, type ContractSiblings } from '../modules/contract/sibling-targets.js';
import { DISPUTE_BODIES, DISPUTE_FILLERS, disputeSnapshot, disputeTargets, type DisputeSiblings } from '../modules/dispute/sibling-targets.js';
import { HONOR_BODIES, HONOR_FILLERS, honorSnapshot, honorTargets, type HonorSiblings } from '../modules/honor/sibling-targets.js';
import {
  ACHIEVEMENT_BODIES,
  ACHIEVEMENT_FILLERS,
  achievementSnapshot,
  achievementTargets,
  type AchievementSiblings,
} from '../modules/competition/sibling-targets.js';
import { MUTUAL_AID_BODIES, MUTUAL_AID_FILLERS, mutualAidSnapshot, mutualAidTargets, type MutualAidSiblings } from '../modules/mutual-aid/sibling-targets.js';
import {
  BENEFIT_BODIES,
  BENEFIT_FILLERS,
  BENEFIT_LIST_QUERIES,
  benefitSnapshot,
  benefitTargets,
  type BenefitSiblings,
} from '../modules/benefit/sibling-targets.js';
import { STATION_BODIES, STATION_FILLERS, stationSnapshot, stationTargets, type StationSiblings } from '../modules/station/sibling-targets.js';
import { TRAINING_BODIES, TRAINING_FILLERS, trainingSnapshot, trainingTargets, type TrainingSiblings } from '../modules/training/sibling-targets.js';
import { EVENT_BODIES, EVENT_FILLERS, eventSnapshot, eventTargets, type EventSiblings } from '../modules/event/sibling-targets.js';
import { PORTAL_BODIES, PORTAL_FILLERS, portalSnapshot, portalTargets, type PortalSiblings } from '../modules/portal/sibling-targets.js';
import { INBOX_FILLERS, inboxSnapshot, inboxTargets, type InboxSiblings } from '../modules/inbox/sibling-targets.js';

/**
 * THE sibling test (docs/architecture.md, invariant 1). The admin of district D01 and a grassroots chair
 * inside D01 try every route that takes an id with objects they must not reach: orgs, accounts
 * and roles of the sibling district D02 (and, for the chair, the orgs around their own). Every
 * attempt must answer 403 or 404 without naming the object, and nothing may change. Lists and
 * counts must hold exactly what the caller's subtree holds, counted here with SQL.
 *
 * Routes are read from the app, so a route added later is tried automatically. A route whose path
 * parameter this file cannot fill fails with instructions (see FILLERS), as does a route that
 * rejects the body sent here before it reaches the scope check (see BODIES).
 */

interface Target {
  id: string;
  version: number;
  /** Strings that must not appear in a refusal: the object's name, code, username … */
  secrets: string[];
}
interface Siblings
  extends
    HardshipSiblings,
    ImportSiblings,
    PlanSiblings,
    ContractSiblings,
    DisputeSiblings,
    HonorSiblings,
    AchievementSiblings,
    BenefitSiblings,
    StationSiblings,
    TrainingSiblings,
    EventSiblings,
    PortalSiblings,
    InboxSiblings,
    MutualAidSiblings {
  orgs: Target[];
  users: Target[];
  roles: Target[];
  members: Target[];
  /** Online join applications (入会申请) to unions outside the caller's scope. */
  applications: Target[];
  /** Transfers (会员关系接转) whose both sides are outside the caller's scope. */
  transfers: Target[];
  /** Background exports started by someone else (platform/export-jobs.ts). */
  exports: Target[];
}
interface Own {
  orgId: string;
}

/** Which sibling objects go into which path parameter. Add an entry for every new resource with an id. */
const FILLERS: { prefix: string; param: string; targets: (s: Siblings) => Target[] }[] = [
  { prefix: '/api/orgs/:id', param: 'id', targets: (s) => s.orgs },
  { prefix: '/api/users/:id', param: 'id', targets: (s) => s.users },
  { prefix: '/api/roles/:id', param: 'id', targets: (s) => s.roles },
  { prefix: '/api/members/:id', param: 'id', targets: (s) => s.members },
  { prefix: '/api/join/applications/:id', param: 'id', targets: (s) => s.applications },
  { prefix: '/api/transfers/:id', param: 'id', targets: (s) => s.transfers },
  ...HARDSHIP_FILLERS,
  ...DISPUTE_FILLERS,
  ...HONOR_FILLERS,
  ...ACHIEVEMENT_FILLERS,
  ...MUTUAL_AID_FILLERS,
  ...BENEFIT_FILLERS,
  ...STATION_FILLERS,
  ...TRAINING_FILLERS,
  ...EVENT_FILLERS,
  ...IMPORT_FILLERS,
  ...PLAN_FILLERS,
  ...CONTRACT_FILLERS,
  ...PORTAL_FILLERS,
  ...INBOX_FILLERS,
  // City-wide dated rules (platform/rules.ts): only an administrator whose scope covers the whole tree changes them.
  { prefix: '/api/exports/:id', param: 'id', targets: (s) => s.exports },
  { prefix: '/api/rules/:key', param: 'key', targets: () => [{ id: 'org.committee_terms', version: 1, secrets: ['某区越权规则'] }] },
  // The holiday calendar is the platform's own: only a system administrator enters a year.
  { prefix: '/api/settings/calendar/years/:year', param: 'year', targets: () => [{ id: '2036', version: 1, secrets: ['2036-01-01'] }] },
];

/**
 * Valid bodies, so that a request passes input validation and reaches the scope check. Each aims
 * at a visible effect (rename, move into the caller's subtree, deactivate) that must not happen.
 * Routes without a body schema need no entry.
 */
const BODIES: Record<string, (t: Target, own: Own) => unknown> = {
  'PUT /api/orgs/:id': (t) => ({ level: 'street', code: 'HIJACK01', name: '被越权修改的组织', version: t.version }),
  'POST /api/orgs/:id/move': (t, own) => ({ parentId: own.orgId, version: t.version }),
  'POST /api/orgs/:id/deactivate': (t) => ({ version: t.version }),
  'POST /api/orgs/:id/reactivate': (t) => ({ version: t.version }),
  'PUT /api/users/:id': (t, own) => ({ displayName: '被越权修改', orgId: own.orgId, roleIds: [], active: false, version: t.version }),
  'PUT /api/roles/:id': (t) => ({ code: 'hijacked_role', name: '被越权修改的角色', permissions: [], scopeKind: 'own', scopeOrgIds: [], version: t.version }),
  'PUT /api/members/:id': (t) => ({ fields: memberFields('越权改名', 999), version: t.version }),
  'POST /api/members/:id/status': (t) => ({ kind: 'left', onDate: '2026-01-05', reason: '越权退会', version: t.version }),
  'POST /api/join/applications/:id/approve': () => ({}),
  'POST /api/join/applications/:id/reject': () => ({ reason: '越权驳回入会申请' }),
  'POST /api/transfers/:id/reject': () => ({ reason: '越权驳回接转' }),
  'POST /api/transfers/:id/cancel': () => ({ reason: '越权撤回接转' }),
  ...HARDSHIP_BODIES,
  ...PLAN_BODIES,
  'PUT /api/settings/calendar/years/:year': () => ({ holidays: ['2036-01-01'], workdays: [] }),
  ...CONTRACT_BODIES,
  ...DISPUTE_BODIES,
  ...HONOR_BODIES,
  ...ACHIEVEMENT_BODIES,
  ...MUTUAL_AID_BODIES,
  ...BENEFIT_BODIES,
  ...STATION_BODIES,
  ...TRAINING_BODIES,
  ...EVENT_BODIES,
  ...PORTAL_BODIES,
  'POST /api/rules/:key/versions': () => ({ effectiveFrom: '2026-01-05', value: { termYears: [1], reminderDays: 1 }, source: '某区越权规则第一条' }),
};

/** Member fields with a valid resident ID number (area 439903, born 1990, sequence n). */
function memberFields(name: string, n: number) {
  const first17 = `43990319900101${String(n).padStart(3, '0')}`;
  return { name, idNumber: first17 + computeIdCheck(first17), joinDate: '2020-01-01' };
}

/** Query strings that list routes need to answer at all (or to show everything). */
const LIST_QUERIES: Record<string, string> = {
  '/api/orgs': '?active=all&pageSize=200',
  '/api/orgs/tree/search': '?q=工会',
  '/api/users': '?pageSize=200',
  '/api/audit': '?pageSize=200',
  ...BENEFIT_LIST_QUERIES,
};

const PW = 'Sibling#2026a';
let env: TestEnv;
let rows: <T>(q: SQL) => Promise<T[]>;
let d01: { id: string; path: string };
let d02: { id: string; path: string; name: string };
let district: TestClient;
let chair: TestClient;
let chairOrg: { id: string; path: string; parent_id: string };
let forDistrict: Siblings;
let forChair: Siblings;
let d02OrgIds: string[];
let snapshot: () => Promise<unknown>;
let before: unknown;

type OrgRow = { id: string; path: string; name: string; code: string; version: number; parent_id: string };
const orgTarget = (o: OrgRow): Target => ({ id: o.id, version: o.version, secrets: [o.name] });

beforeAll(async () => {
  env = await createTestEnv();
  rows = <T>(q: SQL) => env.services.database.query<T>(q);
  const org = async (where: SQL) =>
    (await rows<OrgRow>(sql`SELECT id, path, name, code, version, parent_id FROM org WHERE ${where} ORDER BY code LIMIT 1`))[0]!;
  const city = await org(sql`level = 'city'`);
  const d01Row = await org(sql`code = 'D01'`);
  const d02Row = await org(sql`code = 'D02'`);
  d01 = d01Row;
  d02 = d02Row;
  const d02Street = await org(sql`parent_id = ${d02.id}`);
  const d02Grassroots = await org(sql`parent_id = ${d02Street.id}`);
  d02OrgIds = (await rows<{ id: string }>(sql`SELECT id FROM org WHERE path LIKE ${d02.path + '%'}`)).map((r) => r.id);
  const roleId = async (code: string) => (await rows<{ id: string }>(sql`SELECT id FROM role WHERE code = ${code}`))[0]!.id;

  // The sibling district gets its own administrator, who defines a role and a clerk account.
  const admin = await env.login('admin');
  const made = await admin.post('/api/users', {
    username: 'd02admin',
    displayName: '河西区管理员',
    orgId: d02.id,
    roleIds: [await roleId('federation_admin')],
    password: PW,
  });
  expect(made.statusCode).toBe(201);
  const d02admin = (await env.signIn('d02admin', PW)).client!;
  expect((await d02admin.post('/api/auth/password', { currentPassword: PW, newPassword: PW + 'b' })).statusCode).toBe(200);
  const d02role = await d02admin.post('/api/roles', {
    code: 'd02_clerk',
    name: '河西区办事员角色',
    permissions: ['org.read', 'user.read'],
    scopeKind: 'subtree',
  });
  expect(d02role.statusCode).toBe(201);
  const d02clerk = await d02admin.post('/api/users', {
    username: 'd02clerk',
    displayName: '河西区办事员甲',
    orgId: d02Grassroots.id,
    roleIds: [d02role.json().id],
  });
  expect(d02clerk.statusCode).toBe(201);
  const cityRole = await admin.post('/api/roles', { code: 'city_viewer', name: '市总查看员', permissions: ['org.read'], scopeKind: 'subtree' });
  expect(cityRole.statusCode).toBe(201);

  const member = async (client: TestClient, orgId: string, name: string, n: number): Promise<Target> => {
    const fields = memberFields(name, n);
    const res = await client.post('/api/members', { orgId, fields, consent: { version: '2026-01', method: 'paper' } });
    expect(res.statusCode, res.body).toBe(201);
    return { id: res.json().id, version: 1, secrets: [name, fields.idNumber] };
  };
  const d02member = await member(d02admin, d02Grassroots.id, '河西会员甲', 11);
  // A pending online application (public) and a pending transfer, both wholly inside the given orgs.
  const application = async (orgId: string, name: string, n: number): Promise<Target> => {
    const body = {
      orgId,
      employerName: '越权测试单位',
      viaTerritorial: false,
      fields: { ...memberFields(name, n), mobile: '13900000000', employmentForm: 'standard' },
      consent: { version: '2026-01', agreed: true },
    };
    const res = await env.anonymous().post('/api/join/applications', body);
    expect(res.statusCode, res.body).toBe(201);
    const [a] = await rows<{ id: string }>(sql`SELECT id FROM join_application WHERE app_no = ${res.json().appNo}`);
    return { id: a!.id, version: 1, secrets: [name, res.json().appNo] };
  };
  const transfer = async (client: TestClient, memberTarget: Target, toOrgId: string): Promise<Target> => {
    const res = await client.post('/api/transfers', { memberId: memberTarget.id, toOrgId, reason: '区内调动' });
    expect(res.statusCode, res.body).toBe(201);
    return { id: res.json().id, version: 1, secrets: memberTarget.secrets };
  };
  const d02application = await application(d02Grassroots.id, '河西申请人', 21);
  const d02export = await d02admin.post('/api/exports', { kind: 'members', query: { format: 'csv' } });
  expect(d02export.statusCode, d02export.body).toBe(202);
  const exportTarget: Target = { id: d02export.json().id, version: 1, secrets: [] };
  const d02transfer = await transfer(d02admin, await member(d02admin, d02Grassroots.id, '河西会员丙', 15), d02Street.id);

  district = await env.login('district');
  const d01role = await district.post('/api/roles', { code: 'd01_viewer', name: '滨江区查看员', permissions: ['org.read'], scopeKind: 'subtree' });
  expect(d01role.statusCode).toBe(201);
  chair = await env.login('grassroots');
  chairOrg = (await rows<OrgRow>(sql`SELECT o.id, o.path, o.parent_id FROM org o JOIN app_user u ON u.org_id = o.id WHERE u.username = 'grassroots'`))[0]!;
  const neighbour = await org(sql`parent_id = ${chairOrg.parent_id} AND id <> ${chairOrg.id}`);
  const street = await org(sql`id = ${chairOrg.parent_id}`);
  const neighbourMember = await member(district, neighbour.id, '邻居会员乙', 13);
  const neighbourApplication = await application(neighbour.id, '邻居申请人', 23);
  const neighbourTransfer = await transfer(district, await member(district, neighbour.id, '邻居会员丁', 17), street.id);

  const user = async (username: string): Promise<Target> => {
    const [u] = await rows<{ id: string; version: number; display_name: string }>(
      sql`SELECT id, version, display_name FROM app_user WHERE username = ${username}`,
    );
    // 'admin' is too common a word to look for (role codes contain it); its display name is enough.
    return { id: u!.id, version: u!.version, secrets: username === 'admin' ? [u!.display_name] : [username, u!.display_name] };
  };
  const role = (res: { json(): { id: string; version: number; code: string; name: string } }): Target => {
    const r = res.json();
    return { id: r.id, version: r.version, secrets: [r.code, r.name] };
  };
  // Hardship files, scans, aid, budgets, warnings of the sibling subtree; the city's campaign; the city-wide rules.
  const hsDistrict = await hardshipTargets(rows, admin, [d02.path], city.path, '河西区');
  const hsChair = await hardshipTargets(rows, admin, [neighbour.path, d02.path], city.path, '邻居工会');
  const honorDistrict = await honorTargets(rows, admin, { callOrgId: d02.id, unitOrgId: d02Grassroots.id, recordOrgId: d02Grassroots.id }, '河西区荣誉');
  const honorChair = await honorTargets(rows, admin, { callOrgId: d02.id, unitOrgId: d02Grassroots.id, recordOrgId: neighbour.id }, '邻居荣誉');
  const achDistrict = await achievementTargets(rows, admin, { competitionOrgId: d02.id, studioOrgId: d02Grassroots.id }, '河西区建功');
  const achChair = await achievementTargets(rows, admin, { competitionOrgId: d02.id, studioOrgId: neighbour.id }, '邻居建功');
  forDistrict = {
    ...hsDistrict,
    ...(await contractTargets(rows, [d02.path])),
    ...(await disputeTargets(rows, [d02.path])),
    ...honorDistrict,
    ...achDistrict,
    ...(await benefitTargets(admin, d02.id, '河西区普惠')),
    ...(await stationTargets(admin, d02Grassroots.id, '河西区站点')),
    ...(await trainingTargets(rows, admin, d02Grassroots.id, '河西区培训')),
    ...(await eventTargets(rows, admin, d02Grassroots.id, '河西区活动')),
    ...(await portalTargets(rows, d02.path, '河西区')),
    ...(await inboxTargets(rows, 'd02admin', '河西区')),
    orgs: [d02Row, d02Street, d02Grassroots, city].map(orgTarget),
    users: [await user('d02admin'), await user('d02clerk'), await user('admin')],
    roles: [role(d02role), role(cityRole)],
    members: [d02member],
    applications: [d02application],
    transfers: [d02transfer],
    exports: [exportTarget],
    imports: [await importTarget(admin, d02Grassroots.id, '河西区')],
    ...(await planTargets(admin, d02Grassroots.id, '河西区')),
    ...(await mutualAidTargets(admin, { planOrgId: d02.id, claimPlanOrgId: d02.id, memberId: d02member.id }, '河西区互助')),
  };
  forChair = {
    ...hsChair,
    ...(await contractTargets(rows, [neighbour.path, d02.path])),
    ...(await disputeTargets(rows, [d01.path, d02.path])),
    ...honorChair,
    ...achChair,
    ...(await benefitTargets(admin, neighbour.id, '邻居普惠')),
    ...(await stationTargets(admin, neighbour.id, '邻居站点')),
    ...(await trainingTargets(rows, admin, neighbour.id, '邻居培训')),
    ...(await eventTargets(rows, admin, neighbour.id, '邻居活动')),
    ...(await portalTargets(rows, neighbour.path, '邻居工会')),
    ...(await inboxTargets(rows, 'district', '区总')),
    orgs: [neighbour, street, d01Row, d02Grassroots].map(orgTarget),
    users: [await user('district'), await user('d02admin')],
    roles: [role(d02role), role(d01role)],
    members: [neighbourMember, d02member],
    applications: [neighbourApplication, d02application],
    transfers: [neighbourTransfer, d02transfer],
    exports: [exportTarget],
    imports: [await importTarget(district, neighbour.id, '邻居工会'), ...forDistrict.imports],
    ...(await planTargets(admin, neighbour.id, '邻居工会')),
    ...(await mutualAidTargets(admin, { planOrgId: d02.id, claimPlanOrgId: city.id, memberId: neighbourMember.id }, '邻居互助')),
  };

  // Everything the two callers must not change, and the sessions a password reset would end.
  const all = [forDistrict, forChair].flatMap((s) => Object.values(s).flat() as Target[]).map((t) => t.id);
  const list = sql.join(
    all.map((id) => sql`${id}::uuid`),
    sql`, `,
  );
  snapshot = async () => ({
    orgs: await rows(sql`SELECT * FROM org WHERE id IN (${list}) ORDER BY id`),
    users: await rows(sql`SELECT * FROM app_user WHERE id IN (${list}) ORDER BY id`),
    roles: await rows(sql`SELECT * FROM role WHERE id IN (${list}) ORDER BY id`),
    members: await rows(sql`SELECT * FROM member WHERE id IN (${list}) ORDER BY id`),
    applications: await rows(sql`SELECT * FROM join_application WHERE id IN (${list}) ORDER BY id`),
    transfers: await rows(sql`SELECT * FROM transfer WHERE id IN (${list}) ORDER BY id`),
    imports: await rows(sql`SELECT * FROM import_batch WHERE id IN (${list}) ORDER BY id`),
    hardship: await hardshipSnapshot(rows, list),
    plans: await planSnapshot(rows, list),
    contracts: await contractSnapshot(rows, list),
    disputes: await disputeSnapshot(rows, list),
    honor: await honorSnapshot(rows, list),
    achievement: await achievementSnapshot(rows, list),
    mutualAid: await mutualAidSnapshot(rows, list),
    benefit: await benefitSnapshot(rows, list),
    stations: await stationSnapshot(rows, list),
    training: await trainingSnapshot(rows, list),
    events: await eventSnapshot(rows, list),
    portal: await portalSnapshot(rows, list),
    inbox: await inboxSnapshot(rows, list),
    sessions: await rows(sql`SELECT id FROM session WHERE user_id IN (${list}) ORDER BY id`),
  });
  before = await snapshot();
});

afterAll(async () => {
  await env?.close();
});

const apiRoutes = () => env.routes.filter((r) => r.url.startsWith('/api/') && r.access !== 'public');
const routeKey = (r: RegisteredRoute) => `${r.method} ${r.url}`;

/** The filler for a route with path parameters, or null when this file cannot fill all of them. */
function fillerOf(r: RegisteredRoute) {
  const filler = FILLERS.find((f) => r.url === f.prefix || r.url.startsWith(f.prefix + '/'));
  return filler && !r.url.replace(`:${filler.param}`, '').includes(':') ? filler : null;
}

/** Try every id-taking route with every sibling object; return what went wrong, one line each. */
async function tryIdRoutes(client: TestClient, siblings: Siblings, own: Own): Promise<string[]> {
  const problems: string[] = [];
  for (const r of apiRoutes().filter((x) => x.url.includes(':'))) {
    const filler = fillerOf(r);
    if (!filler) continue; // reported by 'every route with a path parameter is covered'
    for (const t of filler.targets(siblings)) {
      const url = r.url.replace(`:${filler.param}`, t.id);
      const makeBody = BODIES[routeKey(r)];
      const body = r.method === 'GET' || r.method === 'HEAD' ? undefined : makeBody ? makeBody(t, own) : {};
      const res = await client.request(r.method, url, body);
      if (res.statusCode === 400 && res.json().code === 'VALIDATION_FAILED') {
        problems.push(`${routeKey(r)} answered 400 before the scope check (${res.body.slice(0, 120)}). Add a valid body for it to BODIES.`);
      } else if (res.statusCode !== 403 && res.statusCode !== 404) {
        problems.push(`${routeKey(r)} with ${t.secrets[0]} answered ${res.statusCode}: ${res.body.slice(0, 160)}`);
      }
      for (const s of [t.id, ...t.secrets]) {
        if (res.body.includes(s)) problems.push(`${routeKey(r)}: the answer names the sibling object (${s})`);
      }
    }
  }
  return problems;
}

/** Every non-public list route (no path parameter): the answer names no forbidden object. */
async function tryListRoutes(client: TestClient, forbidden: string[]): Promise<string[]> {
  const problems: string[] = [];
  for (const r of apiRoutes().filter((x) => x.method === 'GET' && !x.url.includes(':'))) {
    const res = await client.get(r.url + (LIST_QUERIES[r.url] ?? ''));
    if (res.statusCode === 400) problems.push(`GET ${r.url} needs a query to answer: add one to LIST_QUERIES (${res.body.slice(0, 120)})`);
    if (res.statusCode >= 500) problems.push(`GET ${r.url} failed: ${res.statusCode}`);
    const hit = forbidden.find((s) => res.body.includes(s));
    if (hit) problems.push(`GET ${r.url} shows an object outside the caller's scope (${hit})`);
  }
  return problems;
}

const count = async (q: SQL) => (await rows<{ n: number }>(q))[0]!.n;

describe('coverage', () => {
  it('every route with a path parameter is covered by FILLERS', () => {
    const unknown = apiRoutes()
      .filter((r) => r.url.includes(':') && !fillerOf(r))
      .map(routeKey);
    expect(
      unknown,
      'this test does not know which sibling object to put into these path parameters. Add an entry to FILLERS in ' +
        "server/src/platform/scope-sibling.test.ts, e.g. { prefix: '/api/things/:id', param: 'id', targets: (s) => s.things }, " +
        'create a D02 object of that kind in beforeAll, and a valid body in BODIES for writes',
    ).toEqual([]);
  });
});

describe('a district administrator and the sibling district', () => {
  it('every route with an id refuses sibling objects with 403 or 404, naming nothing', async () => {
    expect(await tryIdRoutes(district, forDistrict, { orgId: d01.id })).toEqual([]);
  });

  it('ids of sibling objects inside bodies and queries are refused too', async () => {
    const [street] = await rows<OrgRow>(sql`SELECT id, version FROM org WHERE parent_id = ${d01.id} ORDER BY code LIMIT 1`);
    const d02Street = forDistrict.orgs[1]!.id;
    const d02Grassroots = forDistrict.orgs[2]!.id;
    const expectStatus = async (p: Promise<{ statusCode: number; body: string }>, status: number) => {
      const res = await p;
      expect(res.statusCode, res.body).toBe(status);
    };
    await expectStatus(district.post('/api/orgs', { parentId: d02Street, level: 'grassroots', kind: 'enterprise', code: 'X9001', name: '越权新建工会' }), 404);
    await expectStatus(district.post(`/api/orgs/${street!.id}/move`, { parentId: d02.id, version: street!.version }), 404);
    await expectStatus(district.post('/api/users', { username: 'sneaky', displayName: '越权账号', orgId: d02Grassroots, roleIds: [] }), 404);
    await expectStatus(
      district.put(`/api/users/${(await rows<{ id: string }>(sql`SELECT id FROM app_user WHERE username = 'worker'`))[0]!.id}`, {
        displayName: '职工张三',
        orgId: d02Grassroots,
        roleIds: [],
        active: true,
        version: 1,
      }),
      404,
    );
    await expectStatus(district.post('/api/users', { username: 'sneaky', displayName: '越权账号', orgId: d01.id, roleIds: [forDistrict.roles[0]!.id] }), 403);
    await expectStatus(
      district.post('/api/roles', { code: 'd02_reach', name: '越界角色', permissions: ['org.read'], scopeKind: 'orgs', scopeOrgIds: [d02.id] }),
      403,
    );
    await expectStatus(district.get(`/api/orgs/tree?parentId=${d02.id}`), 404);
    for (const q of [`under=${d02.id}`, `parentId=${d02.id}`, 'q=河西区']) {
      expect((await district.get(`/api/orgs?active=all&${q}`)).json().total, q).toBe(0);
    }
    expect((await district.get(`/api/users?orgId=${d02Grassroots}`)).json().total).toBe(0);
    expect((await district.get(`/api/users?roleId=${forDistrict.roles[0]!.id}`)).json().total).toBe(0);
    expect((await district.get(`/api/audit?entityId=${forDistrict.users[0]!.id}`)).json().total).toBe(0);
  });

  it('no list shows a sibling object', async () => {
    const forbidden = [
      ...d02OrgIds,
      d02.name,
      ...[
        ...forDistrict.users,
        ...forDistrict.roles,
        ...forDistrict.members,
        ...forDistrict.applications,
        ...forDistrict.transfers,
        ...forDistrict.hardshipFiles,
        ...forDistrict.hardshipAttachments,
        ...forDistrict.hardshipAid,
        ...forDistrict.hardshipBudgets,
        ...forDistrict.hardshipWarnings,
        ...forDistrict.imports,
        ...forDistrict.contracts,
        ...forDistrict.congresses,
        ...forDistrict.proposals,
        ...forDistrict.disputes,
        ...forDistrict.mediators,
        ...forDistrict.legalAid,
        ...forDistrict.lawyers,
        ...forDistrict.arrears,
        ...forDistrict.honorCalls,
        ...forDistrict.honorNominations,
        ...forDistrict.honorObjections,
        ...forDistrict.honorRecords,
        ...forDistrict.competitions,
        ...forDistrict.competitionEntries,
        ...forDistrict.studios,
        ...forDistrict.stations,
        ...forDistrict.benefitMerchants,
        ...forDistrict.benefitOffers,
        ...forDistrict.recuperationQuotas,
        ...forDistrict.trainingCourses,
        ...forDistrict.skillCertificates,
        ...forDistrict.mentoringPairs,
        ...forDistrict.rationalProposals,
        ...forDistrict.events,
        ...forDistrict.eventPhotos,
        ...forDistrict.changeRequests,
        ...forDistrict.mutualAidPlans,
        ...forDistrict.mutualAidClaims,
        ...forDistrict.mutualAidDocuments,
      ].flatMap((t) => [t.id, ...t.secrets]),
    ];
    expect(await tryListRoutes(district, forbidden)).toEqual([]);
  });

  it('lists and counts equal the D01 subtree, counted with SQL', async () => {
    const under = d01.path + '%';
    const inD01 = new Set((await rows<{ id: string }>(sql`SELECT id FROM org WHERE path LIKE ${under}`)).map((r) => r.id));

    const orgsAll = await count(sql`SELECT count(*)::int AS n FROM org WHERE path LIKE ${under}`);
    const seen: string[] = [];
    for (let page = 1; seen.length < orgsAll; page++) {
      const res = (await district.get(`/api/orgs?active=all&pageSize=200&page=${page}`)).json();
      expect(res.total).toBe(orgsAll);
      if (!res.items.length) break;
      seen.push(...res.items.map((o: { id: string }) => o.id));
    }
    expect(new Set(seen)).toEqual(inD01);
    expect((await district.get('/api/orgs?pageSize=1')).json().total).toBe(
      await count(sql`SELECT count(*)::int AS n FROM org WHERE path LIKE ${under} AND active`),
    );

    const top = (await district.get('/api/orgs/tree')).json();
    expect(top.map((n: { id: string }) => n.id)).toEqual([d01.id]);
    const kids = (await district.get(`/api/orgs/tree?parentId=${d01.id}`)).json();
    expect(kids).toHaveLength(await count(sql`SELECT count(*)::int AS n FROM org WHERE parent_id = ${d01.id}`));
    const search = (await district.get('/api/orgs/tree/search?q=街道')).json() as { id: string; ancestorIds: string[] }[];
    expect(search.length).toBe(
      Math.min(50, await count(sql`SELECT count(*)::int AS n FROM org WHERE path LIKE ${under} AND (name LIKE '%街道%' OR code LIKE '%街道%')`)),
    );
    for (const h of search) {
      expect(inD01.has(h.id)).toBe(true);
      for (const a of h.ancestorIds) expect(inD01.has(a), 'ancestors outside the scope are not shown').toBe(true);
    }

    const users = (await district.get('/api/users?pageSize=200')).json();
    const userIds = await rows<{ id: string }>(sql`SELECT u.id FROM app_user u JOIN org o ON o.id = u.org_id WHERE o.path LIKE ${under}`);
    expect(users.total).toBe(userIds.length);
    expect(new Set(users.items.map((u: { id: string }) => u.id))).toEqual(new Set(userIds.map((u) => u.id)));

    const roles = (await district.get('/api/roles')).json() as { id: string }[];
    const visibleRoles = await rows<{ id: string }>(sql`SELECT id FROM role WHERE built_in OR owner_org_id IN (SELECT id FROM org WHERE path LIKE ${under})`);
    expect(new Set(roles.map((r) => r.id))).toEqual(new Set(visibleRoles.map((r) => r.id)));

    const auditTotal = await count(sql`SELECT count(*)::int AS n FROM audit_log WHERE org_id IN (SELECT id FROM org WHERE path LIKE ${under})`);
    const audit = (await district.get('/api/audit?pageSize=200')).json();
    expect(audit.total).toBe(auditTotal);
    for (const e of audit.items) expect(inD01.has(e.orgId)).toBe(true);

    const dash = (await district.get('/api/dashboard/orgs')).json();
    const [figures] = await rows<{ total: number; grassroots: number; employees: number }>(sql`
      SELECT count(*)::int AS total, count(*) FILTER (WHERE level = 'grassroots')::int AS grassroots,
             coalesce(sum(employee_count) FILTER (WHERE level = 'grassroots'), 0)::int AS employees
      FROM org WHERE active AND path LIKE ${under}`);
    expect(dash).toMatchObject({ totalOrgs: figures!.total, grassroots: figures!.grassroots, employees: figures!.employees });
    expect(dash.byChild.map((c: { id: string }) => c.id).sort()).toEqual(kids.map((k: { id: string }) => k.id).sort());

    const inSubtree = (col: SQL) => sql`${col} IN (SELECT id FROM org WHERE path LIKE ${under})`;
    const pendingApps = await count(sql`SELECT count(*)::int AS n FROM join_application WHERE status = 'pending' AND ${inSubtree(sql`org_id`)}`);
    expect((await district.get('/api/join/applications?status=pending')).json().total).toBe(pendingApps);
    expect((await district.get('/api/join/applications/summary')).json().pending).toBe(pendingApps);
    const transfers = await count(sql`SELECT count(*)::int AS n FROM transfer WHERE ${inSubtree(sql`from_org_id`)} OR ${inSubtree(sql`to_org_id`)}`);
    expect((await district.get('/api/transfers')).json().total).toBe(transfers);
  });
});

describe('a grassroots chair (own-org scope)', () => {
  it('every route with an id refuses the orgs around theirs, other accounts and roles', async () => {
    expect(await tryIdRoutes(chair, forChair, { orgId: chairOrg.id })).toEqual([]);
  });

  it('no list shows anything outside their own union', async () => {
    // Their union's own record names its parent street (parentId, parentName), and the unions above it name themselves on the
    // calls, contests and alliances they issue downward (docs/achievement.md); nothing else around it may show.
    const forbidden = [
      ...forChair.orgs.filter((o) => !chairOrg.path.includes(o.id)),
      ...forChair.users,
      ...forChair.roles,
      ...forChair.members,
      ...forChair.applications,
      ...forChair.transfers,
      ...forChair.hardshipFiles,
      ...forChair.hardshipAttachments,
      ...forChair.hardshipAid,
      ...forChair.hardshipBudgets,
      ...forChair.hardshipWarnings,
      ...forChair.imports,
      ...forChair.honorCalls,
      ...forChair.honorNominations,
      ...forChair.honorObjections,
      ...forChair.honorRecords,
      ...forChair.competitions,
      ...forChair.competitionEntries,
      ...forChair.studios,
      ...forChair.stations,
      ...forChair.benefitMerchants,
      ...forChair.benefitOffers,
      ...forChair.recuperationQuotas,
      ...forChair.trainingCourses,
      ...forChair.skillCertificates,
      ...forChair.mentoringPairs,
      ...forChair.rationalProposals,
      ...forChair.events,
      ...forChair.eventPhotos,
      ...forChair.mutualAidPlans,
      ...forChair.mutualAidClaims,
      ...forChair.mutualAidDocuments,
      ...forChair.contracts,
      ...forChair.congresses,
      ...forChair.proposals,
      ...forChair.disputes,
      ...forChair.mediators,
      ...forChair.legalAid,
      ...forChair.lawyers,
      ...forChair.arrears,
      ...forChair.changeRequests,
    ].flatMap((t) => [t.id, ...t.secrets]);
    expect(await tryListRoutes(chair, forbidden)).toEqual([]);
  });

  it('lists and counts hold their own union only', async () => {
    expect((await chair.get('/api/orgs?active=all')).json()).toMatchObject({ total: 1, items: [{ id: chairOrg.id }] });
    expect((await chair.get('/api/orgs/tree')).json().map((n: { id: string }) => n.id)).toEqual([chairOrg.id]);
    const users = (await chair.get('/api/users')).json();
    expect(users.total).toBe(await count(sql`SELECT count(*)::int AS n FROM app_user WHERE org_id = ${chairOrg.id}`));
    expect(users.items.map((u: { username: string }) => u.username).sort()).toEqual(['grassroots', 'worker']);
    const roles = (await chair.get('/api/roles')).json() as { builtIn: boolean }[];
    expect(roles.every((r) => r.builtIn)).toBe(true);
    expect((await chair.get('/api/dashboard/orgs')).json()).toMatchObject({ totalOrgs: 1, grassroots: 1, byChild: [] });
    expect((await chair.get('/api/audit')).statusCode).toBe(403);
  });
});

describe('after all those attempts', () => {
  it('no sibling object changed and no session was ended', async () => {
    expect(await snapshot()).toEqual(before);
  });
});
