import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { acquireDataDirLock, DataDirLockedError } from './lock.js';
import { openDatabase } from './client.js';

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'gh-lock-'));

describe('embedded data directory lock', () => {
  it('refuses a second process with a message naming the holder', () => {
    const dir = tmp();
    // The parent process (vitest's main) is alive and is not us: it stands for another server.
    fs.writeFileSync(path.join(dir, 'gonghui.lock'), String(process.ppid));
    try {
      acquireDataDirLock(dir);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(DataDirLockedError);
      expect((e as Error).message).toContain(`PID ${process.ppid}`);
      expect((e as Error).message).toContain('只能由一个进程打开');
    }
  });

  it('takes over the lock of a process that is gone, and releases it', () => {
    const dir = tmp();
    fs.writeFileSync(path.join(dir, 'gonghui.lock'), '999999');
    const lock = acquireDataDirLock(dir);
    expect(fs.readFileSync(path.join(dir, 'gonghui.lock'), 'utf8')).toBe(String(process.pid));
    lock.release();
    expect(fs.existsSync(path.join(dir, 'gonghui.lock'))).toBe(false);
  });

  it('opens PGlite in a directory, closes it cleanly, and reopens the same data', async () => {
    const dir = tmp();
    const a = await openDatabase({ dataDir: dir });
    await (a.driver as import('@electric-sql/pglite').PGlite).exec('CREATE TABLE t (x int); INSERT INTO t VALUES (42)');
    await a.close();
    expect(fs.existsSync(path.join(dir, 'gonghui.lock'))).toBe(false);
    const b = await openDatabase({ dataDir: dir });
    const r = await (b.driver as import('@electric-sql/pglite').PGlite).query<{ x: number }>('SELECT x FROM t');
    expect(r.rows[0]!.x).toBe(42);
    await b.close();
  });
});
