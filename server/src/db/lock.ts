import fs from 'node:fs';
import path from 'node:path';

/**
 * PGlite must be opened by one process only. A lock file holding our pid is created exclusively;
 * a lock left by a process that no longer runs is taken over.
 */
export interface DataDirLock {
  release(): void;
}

export class DataDirLockedError extends Error {
  constructor(
    public readonly pid: number,
    public readonly dir: string,
  ) {
    super(
      `数据目录 ${dir} 正被另一个 Gonghui 进程（PID ${pid}）使用，同一嵌入式数据库只能由一个进程打开。\n` +
        `The data directory ${dir} is in use by another Gonghui process (PID ${pid}); an embedded database can be opened by one process only. ` +
        `Stop that process, or set DATA_DIR to another directory, or use DATABASE_URL for a PostgreSQL server.`,
    );
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function acquireDataDirLock(dir: string): DataDirLock {
  const file = path.join(dir, 'gonghui.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = fs.openSync(file, 'wx', 0o600);
      fs.writeSync(fd, String(process.pid));
      fs.closeSync(fd);
      let released = false;
      return {
        release() {
          if (released) return;
          released = true;
          try {
            if (fs.readFileSync(file, 'utf8').trim() === String(process.pid)) fs.unlinkSync(file);
          } catch {
            /* already gone */
          }
        },
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const pid = Number(fs.readFileSync(file, 'utf8').trim());
      if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && alive(pid)) throw new DataDirLockedError(pid, dir);
      fs.unlinkSync(file); // stale lock from a process that is gone
    }
  }
  throw new Error(`could not lock ${dir}`);
}
