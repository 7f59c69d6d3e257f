import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import ExcelJS from '../../../platform/exceljs.js';
import { createTestEnv, type TestClient, type TestEnv } from '../../../test/harness.js';
import { maskOrgName } from '../../../../../common/src/org.js';
import { createMember } from '../member.service.js';
import { cliActor } from './import.cli.js';
import { startImport, waitForImport } from './import.service.js';
import { commitImport } from './import.commit.js';
import { csvOf, makeId, multipartBody, xlsxOf } from './roster-fixtures.js';

/** Roster import end to end on a real database: messy files built here, the API, the commit. */

let env: TestEnv;
let admin: TestClient;
let district: TestClient;
let orgA: { id: string; name: string }; // a grassroots union in district D01
let orgB: { id: string; name: string }; // a grassroots union in district D02
const q = <T = Record<string, unknown>>(s: ReturnType<typeof sql>) => env.services.database.query<T>(s);

beforeAll(async () => {
  env = await createTestEnv();
  admin = await env.login('admin');
  district = await env.login('district');
  [orgA] = await q<{ id: string; name: string }>(sql`
    SELECT o.id, o.name FROM org o JOIN org d ON o.path LIKE d.path || '%' WHERE d.code = 'D01' AND o.level = 'grassroots' ORDER BY o.code LIMIT 1`);
  [orgB] = await q<{ id: string; name: string }>(sql`
    SELECT o.id, o.name FROM org o JOIN org d ON o.path LIKE d.path || '%' WHERE d.code = 'D02' AND o.level = 'grassroots' ORDER BY o.code LIMIT 1`);
});
afterAll(async () => {
  await env?.close();
});

async function upload(client: TestClient, orgId: string, name: string, content: Buffer) {
  const mp = multipartBody({ orgId }, { name, content });
  return client.request('POST', '/api/member-imports', mp.body, { 'content-type': mp.contentType });
}

/** An import batch as the API answers it (what these tests read of it). */
type Batch = {
  id: string;
  message?: string;
  errors: { row: number; column?: string; code: string; message: string; warning?: boolean }[];
  [k: string]: unknown;
};

/** Upload, wait for the background parse, return the batch as the API shows it. */
async function preview(client: TestClient, orgId: string, name: string, content: Buffer): Promise<Batch> {
  const res = await upload(client, orgId, name, content);
  expect(res.statusCode, res.body).toBe(202);
  const id = res.json().batchId as string;
  await waitForImport(id);
  return (await client.get(`/api/member-imports/${id}`)).json();
}

async function commit(client: TestClient, id: string) {
  const res = await client.post(`/api/member-imports/${id}/commit`);
  expect(res.statusCode, res.body).toBe(202);
  await waitForImport(id);
  return (await client.get(`/api/member-imports/${id}`)).json();
}

const HEADER = ['序号', '公民身份号码', '名字', '联系电话', '民族', '用工形式', '入会日期', '性别'];
const idx = (id: string) => env.services.keys.blindIndex(id, 'id');
const fw = (s: string) => s.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));

describe('a messy roster', () => {
  let batch: Batch;
  const ids = [makeId('1988-01-15', 11, 'M'), makeId('1990-06-30', 22, 'F'), makeId('1979-12-01', 33, 'M'), makeId('2001-02-28', 44, 'F')];

  it('previews: title rows, synonyms in another order, blank rows, full-width digits, serial and written dates, a numeric ID', async () => {
    const rows: unknown[][] = [
      ['江城机械厂工会会员花名册'], // row 1
      ['填报单位：江城机械厂工会', null, '填报日期：2026年1月5日'], // row 2
      [], // row 3
      HEADER, // row 4
      [1, ids[0], '王　伟', '138 0013 8001', '汉', '外卖骑手', 44260, '男'], // row 5: serial date
      [], // row 6: blank, still counted
      [2, fw(ids[1]!), '李娜', fw('13900139002'), '回族', '快递员', '2021.3.5', '女'], // row 7
      [3, ids[2], '赵强', '', '', '', '2021年3月5日', '男'], // row 8
      [4, 110105200102280000, '钱芳', '', '汉族', '', '2022-01-01', '女'], // row 9: Excel turned the ID into a number
      [5, ids[3], '孙丽', '', '汉族', '', '2022/1/1', '男'], // row 10: sex contradicts the ID
    ];
    batch = await preview(admin, orgA.id, '江城机械厂.xlsx', await xlsxOf(rows, { textColumns: [2] }));
    expect(batch).toMatchObject({ status: 'preview', total: 5, valid: 3, rejected: 2, created: 3, updated: 0, unchanged: 0, rowsDone: 5 });
    const errs = batch.errors.filter((e) => !e.warning).map((e) => [e.row, e.column, e.code]);
    expect(errs).toEqual([
      [9, '公民身份号码', 'ID_NUMERIC'],
      [10, '性别', 'SEX_MISMATCH'],
    ]);
    expect(batch.errors.find((e) => e.row === 9)!.message).toContain('设置为“文本”格式');
    expect(batch.errors.find((e) => e.warning)).toMatchObject({ row: 4, code: 'UNKNOWN_COLUMNS' });
  });

  it('the staging rows hold only encrypted identifiers', async () => {
    const staged = await q<{ data: string }>(sql`SELECT data::text AS data FROM import_row WHERE batch_id = ${batch.id}`);
    expect(staged).toHaveLength(3);
    for (const s of staged) {
      for (const id of ids) expect(s.data).not.toContain(id);
      expect(s.data).not.toContain('13800138001');
    }
  });

  it('offers all errors as a spreadsheet with the original row numbers and the ID masked', async () => {
    const res = await admin.get(`/api/member-imports/${batch.id}/errors.xlsx`);
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    expect(header.slice(0, 4)).toEqual(['行号', '列', '错误代码', '问题说明']);
    expect(header).toContain('原值：公民身份号码');
    const idCol = header.indexOf('原值：公民身份号码') + 1;
    const rowOf9 = ws.getRows(2, ws.rowCount - 1)!.find((r) => r.getCell(1).value === 9)!;
    expect(rowOf9.getCell(3).value).toBe('ID_NUMERIC');
    expect(String(rowOf9.getCell(idCol).value)).toMatch(/^110105\*{8}\d{4}$/);
    const [audit] = await q<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'member.import_errors_export' AND entity_id = ${batch.id}`,
    );
    expect(audit!.n).toBe(1);
  });

  it('commits in one go: members, joined events, card numbers, an audit entry; staging rows removed', async () => {
    const done = await commit(admin, batch.id);
    expect(done).toMatchObject({ status: 'done', created: 3, updated: 0, unchanged: 0, rejected: 2 });
    const members = await q<{
      name: string;
      join_date: string;
      card_no: string;
      employment_form: string;
      ethnicity: string | null;
      mobile_masked: string | null;
      n: number;
    }>(sql`
      SELECT m.name, m.join_date, m.card_no, m.employment_form, m.ethnicity, m.mobile_masked,
        (SELECT count(*)::int FROM membership_event e WHERE e.member_id = m.id AND e.kind = 'joined' AND e.ref_id = ${batch.id}) AS n
      FROM member m WHERE m.org_id = ${orgA.id} AND m.id_index IN (${sql.join(
        ids.map((i) => sql`${idx(i)}`),
        sql`, `,
      )}) ORDER BY m.name`);
    expect(members.map((m) => [m.name, m.join_date, m.employment_form, m.ethnicity, m.mobile_masked, m.n])).toEqual([
      ['李娜', '2021-03-05', 'courier', '回族', '139****9002', 1],
      ['王伟', '2021-03-05', 'food_delivery_rider', '汉族', '138****8001', 1],
      ['赵强', '2021-03-05', 'unknown', null, null, 1], // a blank 用工形式 cell is 未填, not standard employment
    ]);
    for (const m of members) expect(m.card_no).toMatch(/^GH\d{10}$/);
    // An HR roster: processed under PIPL Art. 13 (2), each member's own consent still to collect.
    const consent = await q<{ legal_basis: string; consent_status: string; consent_at: string | null }>(
      sql`SELECT legal_basis, consent_status, consent_at FROM member WHERE org_id = ${orgA.id} AND id_index IN (${sql.join(
        ids.map((i) => sql`${idx(i)}`),
        sql`, `,
      )})`,
    );
    expect(consent.map((m) => [m.legal_basis, m.consent_status, m.consent_at])).toEqual(Array(3).fill(['hr_management', 'to_collect', null]));
    const [staging] = await q<{ n: number }>(sql`SELECT count(*)::int AS n FROM import_row WHERE batch_id = ${batch.id}`);
    expect(staging!.n).toBe(0);
    const [audit] = await q<{ changes: Record<string, number> }>(sql`SELECT changes FROM audit_log WHERE action = 'member.import' AND entity_id = ${batch.id}`);
    expect(audit!.changes).toMatchObject({ total: 5, created: 3, updated: 0, unchanged: 0, rejected: 2 });
    expect((await admin.post(`/api/member-imports/${batch.id}/commit`)).statusCode).toBe(409);
  });
});

describe('employment forms as HR systems write them', () => {
  it('maps 劳动合同制, 合同制, 劳务派遣, 非全日制 and 退休返聘, keeps each row’s own text, stores a blank cell as 未填 and counts it so on the dashboard', async () => {
    const people = [
      ['周一', makeId('1985-05-01', 301, 'M'), '劳动合同制', 'standard'],
      ['周二', makeId('1985-05-02', 302, 'F'), '合同制', 'standard'],
      ['周三', makeId('1985-05-03', 303, 'M'), '劳务派遣', 'dispatched'],
      ['周四', makeId('1985-05-04', 304, 'F'), '非全日制', 'part_time'],
      ['周五', makeId('1958-05-05', 305, 'M'), '退休返聘', 'retiree_rehired'],
      ['周六', makeId('1985-05-06', 306, 'F'), '', 'unknown'],
    ] as const;
    const before = (await admin.get('/api/dashboard/members')).json().byEmploymentForm;
    const b = await preview(
      admin,
      orgA.id,
      'hr.xlsx',
      await xlsxOf([['姓名', '身份证号', '用工形式'], ...people.map(([n, id, f]) => [n, id, f])], { textColumns: [2] }),
    );
    expect(b).toMatchObject({ valid: 6, rejected: 0 });
    await commit(admin, b.id);
    const stored = await q<{ name: string; employment_form: string; employment_form_text: string | null }>(sql`
      SELECT name, employment_form, employment_form_text FROM member WHERE id_index IN (${sql.join(
        people.map((p) => sql`${idx(p[1])}`),
        sql`, `,
      )}) ORDER BY name`);
    const want = new Map(people.map(([n, , text, form]) => [n, [form, text || null]]));
    for (const m of stored) expect([m.employment_form, m.employment_form_text], m.name).toEqual(want.get(m.name as (typeof people)[number][0]));
    const after = (await admin.get('/api/dashboard/members')).json().byEmploymentForm;
    expect(after.standard - before.standard).toBe(2);
    expect(after.unknown - before.unknown).toBe(1);
    expect(after.otherEmployees - before.otherEmployees).toBe(3);
    expect(after.gig - before.gig).toBe(0);
    expect(after.forms.find((f: { key: string }) => f.key === 'unknown')).toMatchObject({ label: '未填', gig: false });
    // The record shows the roster's words beside the category.
    const [one] = await q<{ id: string }>(sql`SELECT id FROM member WHERE id_index = ${idx(people[2][1])}`);
    expect((await admin.get(`/api/members/${one!.id}`)).json()).toMatchObject({ employmentForm: 'dispatched', employmentFormText: '劳务派遣' });
    // A later roster with the cell blank does not erase the form on record.
    const again = await preview(
      admin,
      orgA.id,
      'hr2.xlsx',
      await xlsxOf(
        [
          ['姓名', '身份证号', '用工形式'],
          ['周三', people[2][1], ''],
        ],
        { textColumns: [2] },
      ),
    );
    await commit(admin, again.id);
    const [kept] = await q<{ employment_form: string }>(sql`SELECT employment_form FROM member WHERE id_index = ${idx(people[2][1])}`);
    expect(kept!.employment_form).toBe('dispatched');
  });
});

describe('encodings', () => {
  it('reads a CSV saved by Chinese Excel in GBK and one in UTF-8 with BOM the same way', async () => {
    const id = makeId('1985-07-07', 71);
    const rows = [
      ['职工花名册'],
      ['姓名', '身份证号码', '手机号码', '学历', '政治面貌', '是否农民工', '入会时间'],
      ['周杰', id, '13700137000', '大专', '党员', '是', '2020.5.1'],
    ];
    const gbk = await preview(admin, orgB.id, 'gbk.csv', csvOf(rows, 'gbk'));
    expect(gbk).toMatchObject({ status: 'preview', total: 1, valid: 1, rejected: 0 });
    await commit(admin, gbk.id);
    const bom = await preview(admin, orgB.id, 'bom.csv', csvOf(rows, 'utf8bom'));
    expect(bom).toMatchObject({ status: 'preview', total: 1, valid: 1, rejected: 0, unchanged: 1 });
    const [m] = await q<{ name: string; education: string; political_status: string; migrant_worker: boolean; join_date: string }>(sql`
      SELECT name, education, political_status, migrant_worker, join_date FROM member WHERE id_index = ${idx(id)}`);
    expect(m).toEqual({ name: '周杰', education: 'junior_college', political_status: 'cpc_member', migrant_worker: true, join_date: '2020-05-01' });
  });

  it('fails the whole file when a required column is missing, with a clear message', async () => {
    const b = await preview(admin, orgB.id, 'nohead.csv', csvOf([['会员名册'], ['姓名', '手机'], ['张三', '13800138000']], 'utf8'));
    expect(b.status).toBe('failed');
    expect(b.message).toContain('缺少必填列“身份证号”');
    expect(b.errors[0]).toMatchObject({ row: 0, code: 'HEADER_MISSING_REQUIRED' });
  });
});

describe('duplicates and people held elsewhere', () => {
  it('rejects the later rows of a person listed twice, naming the first row', async () => {
    const id = makeId('1993-09-09', 91);
    const rows = [['姓名', '身份证号'], ['吴一', id], ['郑二', makeId('1993-09-09', 93)], ['吴一', id.toLowerCase()], [], ['吴一', id]];
    const b = await preview(admin, orgA.id, 'dup.xlsx', await xlsxOf(rows, { textColumns: [2] }));
    expect(b).toMatchObject({ total: 4, valid: 2, rejected: 2 });
    expect(b.errors.map((e) => [e.row, e.code])).toEqual([
      [4, 'DUPLICATE_IN_FILE'],
      [6, 'DUPLICATE_IN_FILE'],
    ]);
    expect(b.errors[0].message).toContain('与第2行重复');
  });

  it('refuses someone who is an active member of another union, naming it as far as the user may see', async () => {
    const id = makeId('1980-08-08', 81);
    const [u] = await q<{ id: string }>(sql`SELECT id FROM app_user WHERE username = 'admin'`);
    const sys = { ...env.services, actor: { ...cliActor(), userId: u!.id }, ip: 'test' };
    await createMember(sys, {
      orgId: orgB.id,
      consent: { version: '2026-01', method: 'paper' },
      fields: {
        name: '冯八',
        idNumber: id,
        idKind: 'resident',
        birthDate: '1980-08-08',
        sex: 'M',
        mobile: null,
        ethnicity: null,
        education: null,
        politicalStatus: null,
        employmentForm: 'standard',
        migrantWorker: false,
        occupation: null,
        employerName: null,
        joinDate: '2020-01-01',
      },
    });
    const file = await xlsxOf(
      [
        ['姓名', '身份证号'],
        ['冯八', id],
      ],
      { textColumns: [2] },
    );
    // The D01 district cadre cannot see D02: the union's name is masked.
    const seen = await preview(district, orgA.id, 'held.xlsx', file);
    expect(seen.errors[0]).toMatchObject({ row: 2, column: '身份证号', code: 'MEMBER_HELD_ELSEWHERE' });
    expect(seen.errors[0].message).toContain(`“${maskOrgName(orgB.name)}”`);
    expect(seen.errors[0].message).not.toContain(orgB.name);
    // The city administrator sees the whole name.
    const full = await preview(admin, orgA.id, 'held.xlsx', file);
    expect(full.errors[0].message).toContain(`“${orgB.name}”`);
  });
});

describe('idempotent and atomic commits', () => {
  const people = Array.from({ length: 6 }, (_, i) => [`陈${'一二三四五六'[i]}`, makeId('1995-04-0' + (i + 1), 100 + i), `1360013600${i}`, '汉族']);
  const file = (rows: unknown[][], header = ['姓名', '身份证号', '手机号码', '民族']) => xlsxOf([header, ...rows], { textColumns: [2, 3] });

  it('the same file twice changes nothing; a corrected file updates', async () => {
    const first = await preview(admin, orgA.id, 'r.xlsx', await file(people));
    expect(await commit(admin, first.id)).toMatchObject({ created: 6, updated: 0, unchanged: 0 });
    const again = await preview(admin, orgA.id, 'r.xlsx', await file(people));
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 6 });
    expect(await commit(admin, again.id)).toMatchObject({ status: 'done', created: 0, updated: 0, unchanged: 6 });
    const fixed = people.map((p, i) => (i === 0 ? [p[0], p[1], '13900000000', p[3]] : i === 1 ? [p[0], p[1], p[2], '满族'] : p));
    expect(await commit(admin, (await preview(admin, orgA.id, 'r2.xlsx', await file(fixed))).id)).toMatchObject({ created: 0, updated: 2, unchanged: 4 });
    const [m] = await q<{ mobile_masked: string; version: number }>(sql`SELECT mobile_masked, version FROM member WHERE id_index = ${idx(people[0]![1]!)}`);
    expect(m).toEqual({ mobile_masked: '139****0000', version: 2 });
    const [events] = await q<{ n: number }>(sql`
      SELECT count(*)::int AS n FROM membership_event e JOIN member m ON m.id = e.member_id WHERE m.id_index IN (${sql.join(
        people.map((p) => sql`${idx(p[1]!)}`),
        sql`, `,
      )})`);
    expect(events!.n).toBe(6);
  });

  it('a file without a column leaves that field of existing members alone', async () => {
    const b = await preview(
      admin,
      orgA.id,
      'names-only.xlsx',
      await file(
        people.map((p) => [p[0], p[1]]),
        ['姓名', '身份证号'],
      ),
    );
    await commit(admin, b.id);
    const [m] = await q<{ mobile_masked: string; ethnicity: string }>(sql`SELECT mobile_masked, ethnicity FROM member WHERE id_index = ${idx(people[1]![1]!)}`);
    expect(m).toEqual({ mobile_masked: '136****6001', ethnicity: '满族' });
  });

  it('an interrupted commit leaves nothing behind and can be retried', async () => {
    const rows = Array.from({ length: 7 }, (_, i) => [`蒋${'甲乙丙丁戊己庚'[i]}`, makeId('1991-11-1' + i, 200 + i), '', '']);
    const sys = { ...env.services, actor: cliActor(), ip: 'test' };
    const { batchId } = await startImport(sys, { orgId: orgA.id, fileName: 'break.xlsx', bytes: await file(rows) });
    await waitForImport(batchId);
    const count = async () => (await q<{ n: number }>(sql`SELECT (SELECT count(*) FROM member) + (SELECT count(*) FROM membership_event) AS n`))[0]!.n;
    const before = await count();
    // Make the last staged row violate a constraint: the first chunks are written before it fails.
    await q(sql`UPDATE import_row SET data = data - 'name' WHERE batch_id = ${batchId} AND row_no = 8`);
    await commitImport(sys, batchId, { chunkSize: 2 });
    await waitForImport(batchId);
    expect(await count()).toBe(before);
    const [b] = await q<{ status: string; message: string; staged: number }>(sql`
      SELECT status, message, (SELECT count(*)::int FROM import_row WHERE batch_id = ${batchId}) AS staged FROM import_batch WHERE id = ${batchId}`);
    expect(b).toMatchObject({ status: 'preview', staged: 7 });
    expect(b!.message).toContain('未写入任何数据');
    const [audit] = await q<{ n: number }>(sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'member.import' AND entity_id = ${batchId}`);
    expect(audit!.n).toBe(0);
    // Repaired, the same batch commits.
    await q(sql`UPDATE import_row SET data = data || '{"name":"蒋庚"}'::jsonb WHERE batch_id = ${batchId} AND row_no = 8`);
    await commitImport(sys, batchId, { chunkSize: 2 });
    await waitForImport(batchId);
    const [after] = await q<{ status: string; created: number }>(sql`SELECT status, created FROM import_batch WHERE id = ${batchId}`);
    expect(after).toEqual({ status: 'done', created: 7 });
  });
});
