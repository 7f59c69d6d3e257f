import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { eq } from 'drizzle-orm';
import { org } from '../../org/org.schema.js';
import { ALL_PERMISSIONS } from '../../../../../common/src/permissions.js';
import { AppError } from '../../../platform/errors.js';
import * as repo from './import.repo.js';
import { presentError } from './import.query.js';
import { cancelImport, jobs, startImport, waitForImport, type ImportOptions } from './import.service.js';
import { commitImport } from './import.commit.js';
import type { Actor, Ctx, Services } from '../../../platform/context.js';
import type { CliCommand } from '../../../cli/commands.js';

/**
 * `npm run cli -- members import FILE --org ORG_CODE [--dry-run] [--json]`: the same pipeline as
 * the web upload, run as the system actor with full scope. Exit 0 when the import ran (rejected
 * rows included), 1 when the file as a whole failed, 2 on bad usage.
 */

const USAGE = 'members import FILE --org ORG_CODE [--dry-run] [--json]';

export interface CliIo {
  out(s: string): void;
  err(s: string): void;
}

const stdio: CliIo = { out: (s) => void process.stdout.write(s), err: (s) => void process.stderr.write(s) };

/** The command line acts as the system: every permission, everything in scope, named "cli" in the audit log. */
export function cliActor(orgId = '', orgPath = ''): Actor {
  return {
    userId: '',
    username: 'cli',
    displayName: '命令行 / command line',
    orgId,
    orgPath,
    orgName: '',
    orgLevel: '',
    permissions: new Set(ALL_PERMISSIONS),
    scope: { all: true },
    sessionId: '',
    csrfToken: '',
    pending: null,
    totpEnabled: false,
    passwordExpiresAt: null,
  };
}

export async function runMembersImport(s: Services, args: string[], io: CliIo = stdio, opts: ImportOptions = {}): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args, allowPositionals: true, options: { org: { type: 'string' }, 'dry-run': { type: 'boolean' }, json: { type: 'boolean' } } });
  } catch (e) {
    io.err(`${(e as Error).message}\n用法 / usage: npm run cli -- ${USAGE}\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  const file = positionals[0];
  if (!file || positionals.length > 1 || !values.org) {
    io.err(`用法 / usage: npm run cli -- ${USAGE}\n`);
    return 2;
  }
  const json = values.json === true;
  const [target] = await s.db.select({ id: org.id, path: org.path, level: org.level, active: org.active }).from(org).where(eq(org.code, values.org));
  if (!target || target.level !== 'grassroots' || !target.active) {
    io.err(
      !target
        ? `组织编码 ${values.org} 不存在 / no organisation with code ${values.org}\n`
        : `${values.org} 不是启用中的基层工会，名册只能导入基层工会 / ${values.org} is not an active grassroots union\n`,
    );
    return 2;
  }
  const fail = (zh: string, en: string, code = 'FILE_FAILED', row: number | null = null) => {
    if (json)
      io.out(JSON.stringify({ total: 0, created: 0, updated: 0, unchanged: 0, rejected: 0, errors: [{ row, column: null, code, message: zh }] }) + '\n');
    io.err(`${zh}\n${en}\n`);
    return 1;
  };
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) return fail(`找不到文件 ${file}`, `No such file: ${file}`, 'FILE_NOT_FOUND');

  const c: Ctx = { ...s, actor: cliActor(target.id, target.path), ip: 'cli' };
  const started = Date.now();
  // Progress every second, and at once when a phase begins.
  let shown = '';
  let last = 0;
  const progress = json
    ? null
    : setInterval(() => {
        for (const [, j] of jobs) {
          if (j.phase === shown && Date.now() - last < 1000) continue;
          shown = j.phase;
          last = Date.now();
          io.err(`\r${j.phase === 'parsing' ? '解析 / parsing' : '提交 / committing'}: ${j.rowsDone} 行 rows`);
        }
      }, 100);
  try {
    const { batchId } = await startImport(c, { orgId: target.id, fileName: path.basename(file), path: file }, opts);
    await waitForImport(batchId);
    let b = (await repo.getBatch(s.db, batchId))!.batch;
    if (b.status === 'failed') {
      const [fe] = await repo.firstErrors(s.db, batchId, 1);
      const p = fe ? presentError(fe) : null;
      return fail(p?.message ?? b.message ?? '导入失败', p?.messageEn ?? 'The import failed', p?.code);
    }
    if (values['dry-run']) await cancelImport(c, batchId);
    else {
      await commitImport(c, batchId, opts);
      await waitForImport(batchId);
      const after = (await repo.getBatch(s.db, batchId))!.batch;
      if (after.status !== 'done') return fail(after.message ?? '提交失败', 'The commit failed; nothing was written', 'COMMIT_FAILED');
      b = after;
    }
    if (progress) io.err('\r');
    const counts = { total: b.total, created: b.created, updated: b.updated, unchanged: b.unchanged, rejected: b.rejected };
    if (json) await printJson(s, batchId, counts, io);
    else await printHuman(s, batchId, counts, values['dry-run'] === true, Date.now() - started, io);
    return 0;
  } catch (e) {
    if (e instanceof AppError) return fail(e.zh, e.en, e.code);
    throw e;
  } finally {
    if (progress) clearInterval(progress);
  }
}

/** The errors of a batch in row order, a page of rows at a time. */
async function* allErrors(s: Services, batchId: string) {
  const max = await repo.maxErrorRow(s.db, batchId);
  for (let after = -1; after < max; after += 5000) for (const e of await repo.errorsPage(s.db, batchId, after, 5000)) yield presentError(e);
}

async function printJson(s: Services, batchId: string, counts: Record<string, number>, io: CliIo) {
  io.out(JSON.stringify(counts).slice(0, -1) + ',"errors":[');
  let first = true;
  for await (const e of allErrors(s, batchId)) {
    if (e.warning) continue;
    io.out((first ? '' : ',') + JSON.stringify({ row: e.row, column: e.column, code: e.code, message: e.message }));
    first = false;
  }
  io.out(']}\n');
}

async function printHuman(s: Services, batchId: string, n: Record<string, number>, dryRun: boolean, ms: number, io: CliIo) {
  const verb = dryRun ? '预览（未写入）/ dry run, nothing written' : '已导入 / imported';
  io.out(
    `${verb}: 共 ${n.total} 行 rows — 新增 created ${n.created}，更新 updated ${n.updated}，未变 unchanged ${n.unchanged}，拒绝 rejected ${n.rejected}（${(ms / 1000).toFixed(1)} s）\n`,
  );
  let shown = 0;
  for await (const e of allErrors(s, batchId)) {
    if (shown++ >= 50) {
      io.out(`… 更多错误请用 --json 或在网页端下载错误清单 / more errors: use --json or download the error sheet\n`);
      break;
    }
    io.out(`${e.warning ? '提示' : '第'} ${e.row} ${e.warning ? 'row' : '行'}${e.column ? ` [${e.column}]` : ''} ${e.code}: ${e.message}\n`);
  }
}

export const membersImportCommand: CliCommand = {
  name: 'members import',
  usage: USAGE,
  help: '导入会员名册（xlsx/csv），--dry-run 只预览，--json 输出结果 / import a roster; --dry-run previews only; --json prints the result',
  run: (s, args) => runMembersImport(s, args),
};
