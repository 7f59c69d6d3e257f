/**
 * Loading the synthetic city: orgs and bench users through the ORM (small), the member set as
 * files — a roster CSV for the import, COPY text for the baseline and the fast load, an xlsx roster
 * of other people — and COPY itself on either engine (PostgreSQL: COPY FROM STDIN through
 * pg-copy-streams; PGlite: COPY … FROM '/dev/blob').
 */
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import ExcelJS from '../../server/src/platform/exceljs.js';
import { getTableColumns, sql } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import type { PGlite } from '@electric-sql/pglite';
import { org } from '../../server/src/modules/org/org.schema.js';
import { appUser, role, userRole } from '../../server/src/modules/user/user.schema.js';
import { member, membershipEvent } from '../../server/src/modules/member/member.schema.js';
import { buildMemberRecord } from '../../server/src/modules/member/member.record.js';
import { hashPassword } from '../../server/src/platform/crypto.js';
import { createSession } from '../../server/src/modules/auth/session.js';
import type { Services } from '../../server/src/platform/context.js';
import type { KeyRing } from '../../server/src/platform/crypto.js';
import { PersonGenerator, ROSTER_HEADER, rosterCells, type BenchOrg, type Person } from './city.js';
import type { BenchDb } from './db.js';

export const BENCH_PASSWORD = 'Bench#2026-gonghui';
export const COPY_CHUNK_ROWS = 50_000;

export interface BenchUsers {
  city: { id: string; username: string };
  district: { id: string; username: string; orgId: string; orgPath: string };
}

export async function seedOrgsAndUsers(s: Services, orgs: BenchOrg[]): Promise<BenchUsers> {
  const city = orgs.find((o) => o.level === 'city')!;
  const district = orgs.find((o) => o.level === 'county')!;
  const hash = await hashPassword(BENCH_PASSWORD);
  await s.db.transaction(async (tx) => {
    for (let i = 0; i < orgs.length; i += 1000) {
      await tx.insert(org).values(orgs.slice(i, i + 1000).map(({ isBench: _b, ...o }) => ({ ...o, isDemo: true })));
    }
  });
  const roles = new Map((await s.db.select({ id: role.id, code: role.code }).from(role)).map((r) => [r.code, r.id]));
  const users = {
    city: { id: uuidv7(), username: 'bench_city' },
    district: { id: uuidv7(), username: 'bench_district', orgId: district.id, orgPath: district.path },
  };
  await s.db.insert(appUser).values([
    { id: users.city.id, username: users.city.username, displayName: '压测市总管理员', orgId: city.id, passwordHash: hash },
    { id: users.district.id, username: users.district.username, displayName: '压测区总管理员', orgId: district.id, passwordHash: hash },
  ]);
  await s.db.insert(userRole).values([
    { userId: users.city.id, roleId: roles.get('system_admin')! },
    { userId: users.district.id, roleId: roles.get('federation_admin')! },
  ]);
  await s.db.execute(sql`ANALYZE`);
  return users;
}

/** A signed-in session (cookie value) for a bench user, created directly (no scrypt per run). */
export async function sessionCookie(s: Services, userId: string): Promise<{ cookie: string; token: string; csrf: string }> {
  const { token, csrfToken } = await createSession(s, userId, 'active', { ip: '127.0.0.1', userAgent: 'gonghui-bench' });
  return { cookie: `gh_sid=${token}`, token, csrf: csrfToken };
}

// --- COPY text --------------------------------------------------------------------------------------

function copyEscape(v: string): string {
  return v.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'));
}

function copyValue(v: unknown): string {
  if (v === null || v === undefined) return '\\N';
  if (typeof v === 'boolean') return v ? 't' : 'f';
  if (v instanceof Date) return v.toISOString();
  if (Array.isArray(v)) return copyEscape('{' + v.map((e) => '"' + String(e).replace(/[\\"]/g, (c) => '\\' + c) + '"').join(',') + '}');
  if (typeof v === 'object') return copyEscape(JSON.stringify(v));
  return copyEscape(String(v));
}

/** Column list (database names) and row encoder for a Drizzle table, for the keys a row object provides. */
export function copyCodec(table: typeof member | typeof membershipEvent, sample: Record<string, unknown>) {
  const cols = Object.entries(getTableColumns(table)).filter(([key]) => key in sample);
  return {
    columns: cols.map(([, c]) => `"${c.name}"`).join(', '),
    line: (row: Record<string, unknown>) => cols.map(([key]) => copyValue(row[key])).join('\t') + '\n',
  };
}

export function memberRow(keys: KeyRing, p: Person, orgId: string, cardNo: string): Record<string, unknown> {
  const now = new Date();
  return {
    id: uuidv7(),
    orgId,
    ...buildMemberRecord(keys, p.fields),
    cardNo,
    status: p.status,
    consentVersion: '2026-01',
    consentAt: now,
    consentMethod: 'paper',
    isDemo: false,
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
}

export interface DatasetFiles {
  dir: string;
  /** Roster CSV of persons 0…N−1 (the import's input). */
  csvPath: string;
  /** COPY text chunks of the same persons' member rows, and of their membership events. */
  memberChunks: string[];
  eventChunks: string[];
  memberColumns: string;
  eventColumns: string;
  rows: number;
  events: number;
  /** People of the scoped district, for exact-match searches. */
  samples: { name: string; idNumber: string; mobile: string | null }[];
  generateMs: number;
}

/**
 * One pass over persons 0…N−1: the roster CSV line, the member row exactly as the import would build
 * it (buildMemberRecord: encryption, blind indexes, masks, row hash) and its events.
 */
export async function writeDataset(
  keys: KeyRing,
  orgs: BenchOrg[],
  n: number,
  dir: string,
  districtPath: string,
  log: (m: string) => void,
): Promise<DatasetFiles> {
  const t0 = performance.now();
  fs.mkdirSync(dir, { recursive: true });
  const gen = new PersonGenerator(orgs, 'dataset', 0);
  const csvPath = path.join(dir, 'roster.csv');
  const csv = fs.createWriteStream(csvPath);
  const write = async (w: fs.WriteStream, s: string) => {
    if (!w.write(s)) await new Promise<void>((r) => w.once('drain', () => r()));
  };
  await write(csv, '\uFEFF江城市工会会员花名册（压测数据）\r\n' + ROSTER_HEADER.join(',') + '\r\n');
  const memberChunks: string[] = [];
  const eventChunks: string[] = [];
  let mCodec: ReturnType<typeof copyCodec> | null = null;
  let eCodec: ReturnType<typeof copyCodec> | null = null;
  let mOut: fs.WriteStream | null = null;
  let eOut: fs.WriteStream | null = null;
  let events = 0;
  const samples: DatasetFiles['samples'] = [];
  for (let i = 0; i < n; i++) {
    if (i % COPY_CHUNK_ROWS === 0) {
      await Promise.all([mOut, eOut].map((w) => (w ? new Promise<void>((r) => w.end(() => r())) : undefined)));
      const k = String(memberChunks.length).padStart(3, '0');
      memberChunks.push(path.join(dir, `member-${k}.copy`));
      eventChunks.push(path.join(dir, `event-${k}.copy`));
      mOut = fs.createWriteStream(memberChunks.at(-1)!);
      eOut = fs.createWriteStream(eventChunks.at(-1)!);
      if (i > 0 && i % 200_000 === 0) log(`  generated ${i.toLocaleString('en')} of ${n.toLocaleString('en')} people`);
    }
    const p = gen.person();
    await write(csv, rosterCells(p.fields).join(',') + '\r\n');
    const row = memberRow(keys, p, p.org.id, 'GH' + String(i + 1).padStart(10, '0'));
    mCodec ??= copyCodec(member, row);
    await write(mOut!, mCodec.line(row));
    const ev = [{ id: uuidv7(), memberId: row.id, orgId: p.org.id, kind: 'joined', onDate: p.fields.joinDate, createdAt: row.createdAt }];
    if (p.status !== 'active') ev.push({ id: uuidv7(), memberId: row.id, orgId: p.org.id, kind: p.status, onDate: p.statusDate!, createdAt: row.createdAt });
    eCodec ??= copyCodec(membershipEvent, ev[0]!);
    for (const e of ev) await write(eOut!, eCodec.line(e));
    events += ev.length;
    if (samples.length < 200 && p.org.path.startsWith(districtPath) && p.status === 'active' && i % 7 === 3) {
      samples.push({ name: p.fields.name, idNumber: p.fields.idNumber, mobile: p.fields.mobile });
    }
  }
  await Promise.all([csv, mOut, eOut].map((w) => (w ? new Promise<void>((r) => w.end(() => r())) : undefined)));
  return {
    dir,
    csvPath,
    memberChunks,
    eventChunks,
    memberColumns: mCodec!.columns,
    eventColumns: eCodec!.columns,
    rows: n,
    events,
    samples,
    generateMs: performance.now() - t0,
  };
}

/** An xlsx roster (title row, header, rows) of `count` people who are not in the dataset, written with ExcelJS's streaming writer. */
export async function writeXlsxRoster(orgs: BenchOrg[], count: number, first: number, file: string): Promise<void> {
  const gen = new PersonGenerator(orgs, 'xlsx', first);
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: false, useStyles: false });
  const ws = wb.addWorksheet('会员花名册');
  ws.addRow(['江城市某公司工会会员花名册']).commit();
  ws.addRow(ROSTER_HEADER).commit();
  for (let i = 0; i < count; i++) ws.addRow(rosterCells(gen.person().fields)).commit();
  ws.commit();
  await wb.commit();
}

// --- COPY -------------------------------------------------------------------------------------------

/** COPY the chunk files into a table; returns the elapsed milliseconds of the COPY alone. */
export async function copyInto(s: Services, b: BenchDb, table: string, columns: string, chunks: string[]): Promise<number> {
  const statement = `COPY ${table} (${columns}) FROM STDIN`;
  if (s.database.engine === 'postgres') {
    const client = new pg.Client({ connectionString: b.databaseUrl });
    await client.connect();
    try {
      const t0 = performance.now();
      // One COPY for the whole set, streamed chunk after chunk.
      const source = Readable.from(
        (async function* () {
          for (const c of chunks) for await (const buf of fs.createReadStream(c, { highWaterMark: 1 << 20 })) yield buf as Buffer;
        })(),
      );
      await pipeline(source, client.query(copyFrom(statement)));
      return performance.now() - t0;
    } finally {
      await client.end();
    }
  }
  const lite = s.database.driver as PGlite;
  const t0 = performance.now();
  // PGlite reads COPY input from a blob: one statement per chunk keeps WASM memory bounded.
  for (const c of chunks) {
    const blob = new Blob([fs.readFileSync(c)]);
    await lite.query(`COPY ${table} (${columns}) FROM '/dev/blob'`, [], { blob });
  }
  return performance.now() - t0;
}
