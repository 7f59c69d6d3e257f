import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

/** A command-line failure is one clear zh/en message, never a stack trace (docs/operations.md). */
const REPO = path.resolve(import.meta.dirname, '../../..');
function cli(args: string[], env: Record<string, string>) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'server/src/cli/main.ts', ...args], {
    cwd: REPO,
    encoding: 'utf8',
    timeout: 180_000,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', GONGHUI_DEMO: '0', ...env },
  });
  return { code: r.status, err: r.stderr, out: r.stdout };
}
const noStack = (s: string) => expect(s).not.toMatch(/\n\s+at .+:\d+:\d+/);

describe('command-line errors', () => {
  it('a data directory another process holds: one message in Chinese and English, exit 1', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gh-cli-locked-'));
    // This test's own process stands for the server holding the directory.
    fs.writeFileSync(path.join(dir, 'gonghui.lock'), String(process.pid));
    const r = cli(['audit', 'verify'], { DATA_DIR: dir });
    expect(r.code).toBe(1);
    expect(r.err).toContain(`正被另一个 Gonghui 进程（PID ${process.pid}）使用`);
    expect(r.err).toContain('is in use by another Gonghui process');
    noStack(r.err);
    fs.rmSync(dir, { recursive: true, force: true });
  }, 200_000);

  it('an invalid setting names the variable, without a stack', () => {
    const r = cli(['audit', 'verify'], { DATA_DIR: os.tmpdir(), GONGHUI_SECRET_KEY: 'not-hex' });
    expect(r.code).toBe(1);
    expect(r.err).toContain('配置无效 / invalid configuration');
    expect(r.err).toContain('GONGHUI_SECRET_KEY');
    noStack(r.err);
  }, 200_000);
});
