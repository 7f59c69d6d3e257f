import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { createTestEnv, type TestClient, type TestEnv } from '../../../test/harness.js';
import { loadActor } from '../../auth/session.js';
import { startMemberExport } from './member-export.js';
import { attachmentDisposition, csvLine, EXPORT_COLUMNS, neutralise } from './export-format.js';
import { computeIdCheck, parseIdNumber } from '../../../../../common/src/id-number.js';
import type { Ctx } from '../../../platform/context.js';

let env: TestEnv;
let admin: TestClient;
let district: TestClient; // federation admin of D01: subtree scope, holds member.unmask
let chair: TestClient; // grassroots chair: own union only, no member.unmask
let d01Path: string;
let chairOrg: string;

const q = <T = Record<string, unknown>>(s: ReturnType<typeof sql>) => env.services.database.query<T>(s);
const HEADER = EXPORT_COLUMNS.map((c) => c.header);
const MASKED_ID = /^(\d{6}\*{8}[\dX]{4})$/;

/** Parse our own CSV (RFC 4180 quoting, CRLF); strips the BOM. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const s = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    if (quoted) {
      if (ch === '"' && s[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\r' && s[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += ch;
  }
  if (cell || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

const col = (name: string) => HEADER.indexOf(name as (typeof HEADER)[number]);

let idSeq = 0;
function testId(): string {
  const first17 = '439902' + '19880315' + String(100 + ++idSeq * 2 + 1).padStart(3, '0');
  return first17 + computeIdCheck(first17);
}

async function addMember(client: TestClient, orgId: string, extra: Record<string, unknown>) {
  const fields = { name: '李小梅', idNumber: testId(), mobile: '13912345678', employmentForm: '快递员', joinDate: '2024-03-01', ...extra };
  const res = await client.post('/api/members', { orgId, fields, consent: { version: '2026-01', method: 'paper' } });
  if (res.statusCode !== 201) throw new Error(`addMember: ${res.statusCode} ${res.body}`);
  return res.json().id as string;
}

beforeAll(async () => {
  env = await createTestEnv();
  [admin, district, chair] = await Promise.all([env.login('admin'), env.login('district'), env.login('grassroots')]);
  const [d] = await q<{ path: string }>(sql`SELECT path FROM org WHERE code = 'D01'`);
  d01Path = d!.path;
  const [g] = await q<{ org_id: string }>(sql`SELECT org_id FROM app_user WHERE username = 'grassroots'`);
  chairOrg = g!.org_id;
  // Cells a spreadsheet would run as formulas: through the API (employer, occupation) and, for the name, as legacy data.
  await addMember(admin, chairOrg, { employerName: '=HYPERLINK("http://evil.example","点我")', occupation: '+1' });
  const id = await addMember(admin, chairOrg, { occupation: '@SUM(A1:A9)', employerName: '-2+3' });
  await q(sql`UPDATE member SET name = '=cmd|'' /C calc''!A0' WHERE id = ${id}`);
});
afterAll(async () => {
  await env?.close();
});

describe('export format (pure)', () => {
  it('neutralises every formula trigger and nothing else', () => {
    for (const v of ['=1+1', '+1', '-2', '@SUM(A1)', '\tx', '\rx']) expect(neutralise(v)).toBe("'" + v);
    for (const v of ['张三', '1+1', 'a=b', '', "'x", '４３９９']) expect(neutralise(v)).toBe(v);
  });

  it('quotes CSV fields per RFC 4180', () => {
    expect(csvLine(['a', 'b,c', 'say "hi"', 'x\ny', 3])).toBe('a,"b,c","say ""hi""","x\ny",3\r\n');
  });

  it('names the file in Chinese (RFC 5987) with an ASCII fallback', () => {
    expect(attachmentDisposition('会员名册-20261121.csv', 'members-20261121.csv')).toBe(
      `attachment; filename="members-20261121.csv"; filename*=UTF-8''%E4%BC%9A%E5%91%98%E5%90%8D%E5%86%8C-20261121.csv`,
    );
  });
});

describe('GET /api/members/export', () => {
  it('exports CSV with a BOM, the Chinese header and masked ID numbers and mobiles by default', async () => {
    const res = await admin.get('/api/members/export?format=csv');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent('会员名册')}`);
    expect(res.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const rows = parseCsv(res.body);
    expect(rows[0]).toEqual(HEADER);
    const [{ n }] = (await q<{ n: number }>(sql`SELECT count(*)::int AS n FROM member`)) as [{ n: number }];
    expect(rows.length - 1).toBe(n);
    expect(Number(res.headers['x-total-count'])).toBe(n);
    for (const r of rows.slice(1)) {
      expect(r).toHaveLength(HEADER.length);
      expect(r[col('身份证号')]).toMatch(MASKED_ID);
      expect(r[col('手机号码')]).toMatch(/^(\d{3}\*{4}\d{4})?$/);
    }
    expect(new Set(rows.slice(1).map((r) => r[col('会员证号')])).size).toBe(n);
  });

  it('prefixes cells that a spreadsheet would read as formulas', async () => {
    const rows = parseCsv((await chair.get('/api/members/export?format=csv')).body);
    const cells = rows.slice(1).flat();
    expect(cells).toContain(`'=HYPERLINK("http://evil.example","点我")`);
    expect(cells).toContain("'+1");
    expect(cells).toContain("'@SUM(A1:A9)");
    expect(cells).toContain("'-2+3");
    expect(cells).toContain("'=cmd|' /C calc'!A0");
    expect(cells.filter((c) => /^[=+\-@\t\r]/.test(c))).toEqual([]);
  });

  it('needs member.unmask to unmask: a grassroots chair gets 403 and the refusal is audited', async () => {
    const res = await chair.get('/api/members/export?format=csv&unmask=true');
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('FORBIDDEN');
    const [a] = await q<{ result: string; changes: { unmasked: boolean } }>(sql`
      SELECT result, changes FROM audit_log WHERE action = 'member.export' AND actor_name = 'grassroots' ORDER BY seq DESC LIMIT 1`);
    expect(a).toMatchObject({ result: 'denied', changes: { unmasked: true } });
  });

  it('unmasks for a district admin, decrypting each row, and audits filters, format, flag and row count', async () => {
    const res = await district.get('/api/members/export?format=csv&unmask=true&status=active&idNumber=110101199003070000');
    expect(res.statusCode).toBe(200);
    const all = await district.get('/api/members/export?format=csv&unmask=true&employmentForm=gig');
    const rows = parseCsv(all.body).slice(1);
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect(parseIdNumber(r[col('身份证号')]!).ok).toBe(true);
    const mobiles = rows.map((r) => r[col('手机号码')]).filter(Boolean);
    expect(mobiles.every((m) => /^1\d{10}$/.test(m!))).toBe(true);
    const audits = await q<{ changes: Record<string, unknown>; result: string }>(sql`
      SELECT changes, result FROM audit_log WHERE action = 'member.export' AND actor_name = 'district' ORDER BY seq DESC LIMIT 2`);
    expect(audits[0]).toMatchObject({ result: 'ok', changes: { format: 'csv', unmasked: true, rows: rows.length, filters: { employmentForm: 'gig' } } });
    // A searched-for ID number is noted, never stored.
    expect(audits[1]!.changes).toMatchObject({ filters: { status: 'active', idNumber: '[given]' }, rows: 0 });
    expect(JSON.stringify(audits[1]!.changes)).not.toContain('110101199003070000');
  });

  it('is scoped: a district admin exports exactly the members of their district', async () => {
    const rows = parseCsv((await district.get('/api/members/export?format=csv')).body).slice(1);
    const expected = await q<{ card_no: string }>(sql`
      SELECT m.card_no FROM member m JOIN org o ON o.id = m.org_id WHERE o.path LIKE ${d01Path + '%'} ORDER BY m.card_no`);
    expect(rows.map((r) => r[col('会员证号')]).sort()).toEqual(expected.map((e) => e.card_no));
    const others = await q<{ n: number }>(sql`SELECT count(*)::int AS n FROM member m JOIN org o ON o.id = m.org_id WHERE o.path NOT LIKE ${d01Path + '%'}`);
    expect(others[0]!.n).toBeGreaterThan(0);
  });

  it('exports exactly the current search (same filters as the list)', async () => {
    const list = await admin.get('/api/members?status=left&pageSize=200');
    const rows = parseCsv((await admin.get('/api/members/export?format=csv&status=left')).body).slice(1);
    expect(rows.length).toBe(list.json().total);
    expect(rows.map((r) => r[col('会员证号')]).sort()).toEqual(
      list
        .json()
        .items.map((i: { cardNo: string }) => i.cardNo)
        .sort(),
    );
    expect(rows.every((r) => r[col('会籍状态')] === '已退会')).toBe(true);
  });

  it('exports XLSX that ExcelJS opens, with the header row and text ID numbers', async () => {
    const res = await district.get('/api/members/export?format=xlsx&unmask=true');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('会员名册')!;
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(HEADER);
    expect(ws.rowCount - 1).toBe(Number(res.headers['x-total-count']));
    const id = ws.getRow(2).getCell(col('身份证号') + 1).value;
    expect(typeof id).toBe('string');
    expect(parseIdNumber(id as string).ok).toBe(true);
    expect(typeof ws.getRow(2).getCell(col('年龄') + 1).value).toBe('number');
    const chairRows = await chair.get('/api/members/export?format=xlsx');
    const wb2 = new ExcelJS.Workbook();
    await wb2.xlsx.load(chairRows.rawPayload as unknown as ArrayBuffer);
    const cells = wb2.worksheets[0]!.getSheetValues()
      .flat()
      .filter((v) => typeof v === 'string') as string[];
    expect(cells).toContain("'+1");
    expect(cells.filter((c) => /^[=+\-@]/.test(c))).toEqual([]);
  });

  it('pages by keyset: small pages give the same rows as one page', async () => {
    const token = district.cookie.replace('gh_sid=', '');
    const actor = await loadActor(env.services, token);
    if (!actor || actor === 'expired') throw new Error('no actor');
    const c: Ctx = { ...env.services, actor, ip: '127.0.0.1' };
    const read = async (pageSize?: number) => {
      const x = await startMemberExport(c, { format: 'csv', unmask: 'false' }, { pageSize });
      const chunks: Buffer[] = [];
      for await (const ch of x.stream) chunks.push(ch as Buffer);
      return Buffer.concat(chunks).toString('utf8');
    };
    const whole = await read();
    expect(await read(37)).toBe(whole);
    expect(parseCsv(whole).length).toBeGreaterThan(40);
  });
});
