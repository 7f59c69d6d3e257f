import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestEnv, type TestEnv } from '../../../test/harness.js';
import { loadConfig } from '../../../config.js';
import { createServices } from '../../../services.js';
import { v7 as uuidv7 } from 'uuid';
import { org } from '../../org/org.schema.js';
import { runMembersImport, type CliIo } from './import.cli.js';
import { csvOf, makeId, xlsxOf } from './roster-fixtures.js';

/** `npm run cli -- members import FILE --org CODE [--dry-run] [--json]`: output shape and exit codes. */

let env: TestEnv;
let tmp: string;
let orgCode: string;
const q = <T = Record<string, unknown>>(s: ReturnType<typeof sql>) => env.services.database.query<T>(s);

beforeAll(async () => {
  env = await createTestEnv();
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gonghui-cli-test-'));
  [{ code: orgCode }] = (await q<{ code: string }>(sql`SELECT code FROM org WHERE level = 'grassroots' ORDER BY code DESC LIMIT 1`)) as [{ code: string }];
});
afterAll(async () => {
  await env?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

async function run(args: string[]) {
  let out = '';
  let err = '';
  const io: CliIo = { out: (s) => void (out += s), err: (s) => void (err += s) };
  const code = await runMembersImport(env.services, args, io);
  return { code, out, err };
}

const roster = async () => {
  const file = path.join(tmp, '花名册.xlsx');
  fs.writeFileSync(
    file,
    await xlsxOf(
      [
        ['某某公司工会会员花名册'],
        ['姓名', '身份证号', '手机号码', '民族'],
        ['林一', makeId('1990-01-01', 1), '13800000001', '汉族'],
        ['林二', makeId('1990-01-02', 2), '12345', '汉族'], // row 4: bad mobile
        [],
        ['林三', makeId('1990-01-03', 3), '', '火星族'], // row 6: unknown ethnicity
        ['林四', makeId('1990-01-04', 4), '', ''],
      ],
      { textColumns: [2, 3] },
    ),
  );
  return file;
};

describe('members import (in process)', () => {
  it('--dry-run --json previews without writing, in exactly the documented shape', async () => {
    const file = await roster();
    const before = (await q<{ n: number }>(sql`SELECT count(*)::int AS n FROM member`))[0]!.n;
    const r = await run([file, '--org', orgCode, '--dry-run', '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.out);
    expect(Object.keys(out)).toEqual(['total', 'created', 'updated', 'unchanged', 'rejected', 'errors']);
    expect(out).toMatchObject({ total: 4, created: 2, updated: 0, unchanged: 0, rejected: 2 });
    expect(out.errors).toEqual([
      { row: 4, column: '手机号码', code: 'MOBILE_INVALID', message: expect.stringContaining('11位') },
      { row: 6, column: '民族', code: 'ETHNICITY_INVALID', message: expect.stringContaining('汉族') },
    ]);
    for (const e of out.errors) expect(Object.keys(e)).toEqual(['row', 'column', 'code', 'message']);
    expect((await q<{ n: number }>(sql`SELECT count(*)::int AS n FROM member`))[0]!.n).toBe(before);
    expect((await q<{ status: string }>(sql`SELECT status FROM import_batch ORDER BY started_at DESC LIMIT 1`))[0]!.status).toBe('cancelled');
  });

  it('imports, exits 0 with rejected rows, and is idempotent', async () => {
    const file = await roster();
    const first = JSON.parse((await run([file, '--org', orgCode, '--json'])).out);
    expect(first).toMatchObject({ total: 4, created: 2, updated: 0, unchanged: 0, rejected: 2 });
    const again = await run([file, '--org', orgCode, '--json']);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.out)).toMatchObject({ total: 4, created: 0, updated: 0, unchanged: 2, rejected: 2 });
    const [audit] = await q<{ actor_name: string; actor_id: string | null }>(
      sql`SELECT actor_name, actor_id FROM audit_log WHERE action = 'member.import' ORDER BY seq DESC LIMIT 1`,
    );
    expect(audit).toEqual({ actor_name: 'cli', actor_id: null });
  });

  it('prints a human summary without --json', async () => {
    const r = await run([await roster(), '--org', orgCode]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('未变 unchanged 2');
    expect(r.out).toContain('第 4 行 [手机号码] MOBILE_INVALID');
  });

  it('exit 1 when the file as a whole fails, still printing the JSON shape', async () => {
    const file = path.join(tmp, 'bad.csv');
    fs.writeFileSync(
      file,
      csvOf(
        [
          ['姓名', '电话'],
          ['张三', '13800138000'],
        ],
        'utf8',
      ),
    );
    const r = await run([file, '--org', orgCode, '--json']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out)).toMatchObject({ total: 0, errors: [{ code: 'HEADER_MISSING_REQUIRED' }] });
    expect(r.err).toContain('身份证号');
    expect((await run([path.join(tmp, 'missing.xlsx'), '--org', orgCode])).code).toBe(1);
  });

  it('exit 2 on bad usage', async () => {
    expect((await run([])).code).toBe(2);
    expect((await run(['a.xlsx'])).code).toBe(2);
    expect((await run(['a.xlsx', '--org', 'NO-SUCH-ORG'])).code).toBe(2);
    expect((await run(['a.xlsx', '--org', orgCode, '--bogus'])).code).toBe(2);
    expect((await run(['a.xlsx', '--org', 'D01'])).code).toBe(2); // a district federation takes no roster
  });
});

describe('members import (child process through the CLI entry, under tsx)', () => {
  it('runs `npm run cli -- members import` end to end with a GBK CSV', async () => {
    const dataDir = path.join(tmp, 'data');
    const childEnv: Record<string, string> = {
      ...(process.env as Record<string, string>),
      DATA_DIR: dataDir,
      GONGHUI_SECRET_KEY: env.services.config.secretKeyHex!,
    };
    delete childEnv.DATABASE_URL;
    if (env.engine === 'postgres') childEnv.DATABASE_URL = env.services.config.databaseUrl!;
    else {
      // PGlite is opened by one process only: give the CLI a data directory of its own with a small tree.
      const s = await createServices(loadConfig({ DATA_DIR: dataDir, GONGHUI_SECRET_KEY: childEnv.GONGHUI_SECRET_KEY }));
      const ids = [uuidv7(), uuidv7(), uuidv7()];
      await s.db.insert(org).values([
        { id: ids[0]!, parentId: null, path: `/${ids[0]}/`, depth: 0, level: 'city', code: 'C1', name: '江城市总工会' },
        { id: ids[1]!, parentId: ids[0]!, path: `/${ids[0]}/${ids[1]}/`, depth: 1, level: 'county', code: 'D1', name: '江城区总工会' },
        {
          id: ids[2]!,
          parentId: ids[1]!,
          path: `/${ids[0]}/${ids[1]}/${ids[2]}/`,
          depth: 2,
          level: 'grassroots',
          kind: 'enterprise',
          code: orgCode,
          name: '江城机械厂工会',
        },
      ]);
      await s.database.close();
    }
    const file = path.join(tmp, 'gbk.csv');
    fs.writeFileSync(
      file,
      csvOf([['工会会员名册'], ['姓名', '身份证号码', '联系电话'], ['何一', makeId('1970-07-07', 7), '13911112222'], ['何二', '4.10302E+17', '']], 'gbk'),
    );
    const root = path.resolve(import.meta.dirname, '../../../../..');
    const t0 = Date.now();
    const res = await promisify(execFile)(
      process.execPath,
      [path.join(root, 'node_modules/tsx/dist/cli.mjs'), 'server/src/cli/main.ts', 'members', 'import', file, '--org', orgCode, '--json'],
      { cwd: root, env: childEnv },
    );
    console.log(`CLI child process: ${Date.now() - t0} ms`);
    const out = JSON.parse(res.stdout);
    expect(out).toMatchObject({ total: 2, created: 1, rejected: 1, errors: [{ row: 4, column: '身份证号码', code: 'ID_NUMERIC' }] });
  }, 120_000);
});
