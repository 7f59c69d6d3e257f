import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { spawn, type ChildProcess } from 'node:child_process';
import { sleep } from './stats.js';

export const REPO = path.resolve(import.meta.dirname, '../..');

/** Resident set size (VmRSS) and its peak (VmHWM) of a process, in MiB, from /proc. */
export function readRss(pid: number): { rssMiB: number; hwmMiB: number } | null {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+)\\s+kB`, 'm').exec(status)?.[1] ?? NaN);
    return { rssMiB: kb('VmRSS') / 1024, hwmMiB: kb('VmHWM') / 1024 };
  } catch {
    return null;
  }
}

/** Reset the kernel's peak-RSS mark of a process (writing 5 to clear_refs); false when not allowed. */
export function resetPeakRss(pid: number): boolean {
  try {
    fs.writeFileSync(`/proc/${pid}/clear_refs`, '5');
    return true;
  } catch {
    return false;
  }
}

/**
 * Samples a process's RSS every `everyMs` until stopped; the peak is the larger of the highest
 * sample and the kernel's VmHWM (reset at start when the kernel allows it).
 */
export function sampleRss(pid: number, everyMs = 100) {
  const hwmReset = resetPeakRss(pid);
  let peak = 0;
  let last = 0;
  const samples: number[] = [];
  const tick = () => {
    const r = readRss(pid);
    if (!r) return;
    last = r.rssMiB;
    samples.push(r.rssMiB);
    if (r.rssMiB > peak) peak = r.rssMiB;
  };
  tick();
  const timer = setInterval(tick, everyMs);
  return {
    stop() {
      clearInterval(timer);
      tick();
      const r = readRss(pid);
      const hwm = hwmReset && r ? r.hwmMiB : 0;
      return { peakMiB: Math.max(peak, hwm), lastMiB: last, samples: samples.length, hwmReset };
    },
  };
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

export interface Child {
  proc: ChildProcess;
  pid: number;
  port: number;
  url: string;
  /** The last lines the child wrote (for error messages). */
  log(): string;
  stop(): Promise<void>;
}

/**
 * Start a TypeScript entry point as a child Node process under tsx (node --import tsx, not npx, so
 * the pid is the server's own), wait until GET `readyPath` answers, and return it.
 */
export async function startChild(
  entry: string,
  opts: { env: Record<string, string | undefined>; readyPath?: string; ipc?: boolean; args?: string[]; nodeArgs?: string[]; timeoutMs?: number },
): Promise<Child> {
  const port = await freePort();
  const env = { ...process.env, ...opts.env, PORT: String(port), HOST: '127.0.0.1' };
  // BENCH_CPU_PROF=<dir>: the server under test writes V8 CPU profiles there (main thread and workers).
  const prof = process.env.BENCH_CPU_PROF ? ['--cpu-prof', '--cpu-prof-dir', path.resolve(process.env.BENCH_CPU_PROF)] : [];
  const proc = spawn(process.execPath, [...prof, ...(opts.nodeArgs ?? []), '--import', 'tsx', entry, ...(opts.args ?? [])], {
    cwd: REPO,
    env: env as NodeJS.ProcessEnv,
    stdio: opts.ipc ? ['ignore', 'pipe', 'pipe', 'ipc'] : ['ignore', 'pipe', 'pipe'],
  });
  let tail = '';
  const keep = (b: Buffer) => {
    tail = (tail + b.toString('utf8')).slice(-8000);
  };
  proc.stdout!.on('data', keep);
  proc.stderr!.on('data', keep);
  let exited: number | null = null;
  proc.on('exit', (code) => {
    exited = code ?? -1;
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + (opts.timeoutMs ?? 180_000);
  for (;;) {
    if (exited !== null) throw new Error(`${path.basename(entry)} exited (${exited}) before it was ready:\n${tail}`);
    if (Date.now() > deadline) {
      proc.kill('SIGKILL');
      throw new Error(`${path.basename(entry)} not ready in time:\n${tail}`);
    }
    try {
      const r = await fetch(url + (opts.readyPath ?? '/api/health'), { signal: AbortSignal.timeout(2000) });
      if (r.ok) break;
    } catch {
      /* not listening yet */
    }
    await sleep(200);
  }
  return {
    proc,
    pid: proc.pid!,
    port,
    url,
    log: () => tail,
    async stop() {
      if (exited !== null) return;
      const gone = new Promise<void>((r) => proc.once('exit', () => r()));
      proc.kill('SIGTERM');
      const t = setTimeout(() => proc.kill('SIGKILL'), 15_000);
      await gone;
      clearTimeout(t);
    },
  };
}

/** Send a request over a child's IPC channel and wait for the reply with the same id. */
export function ipcCall<T>(child: ChildProcess, msg: Record<string, unknown>, timeoutMs = 4 * 3600_000): Promise<T> {
  const id = Math.random().toString(36).slice(2);
  return new Promise<T>((resolve, reject) => {
    const onMsg = (m: { id?: string; ok?: boolean; error?: string; result?: T }) => {
      if (m?.id !== id) return;
      cleanup();
      if (m.ok) resolve(m.result as T);
      else reject(new Error(m.error ?? 'child failed'));
    };
    const onExit = (code: number | null) => {
      cleanup();
      reject(new Error(`child exited (${code}) during ${String(msg.op)}`));
    };
    const timer = setTimeout(() => {
      cleanup();
      reject(new Error(`child did not answer ${String(msg.op)} in time`));
    }, timeoutMs);
    const cleanup = () => {
      clearTimeout(timer);
      child.off('message', onMsg);
      child.off('exit', onExit);
    };
    child.on('message', onMsg);
    child.on('exit', onExit);
    child.send({ ...msg, id });
  });
}

/** Run a child script to completion and parse the JSON it prints as its last stdout line. */
export async function runChildJson<T>(
  entry: string,
  args: string[],
  env: Record<string, string | undefined> = {},
  nodeArgs: string[] = [],
): Promise<{ result: T; pid: number }> {
  const proc = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', entry, ...args], {
    cwd: REPO,
    env: { ...process.env, ...env } as NodeJS.ProcessEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  proc.stdout.on('data', (b: Buffer) => (out += b.toString('utf8')));
  proc.stderr.on('data', (b: Buffer) => (err = (err + b.toString('utf8')).slice(-8000)));
  const code = await new Promise<number>((r) => proc.on('exit', (c) => r(c ?? -1)));
  if (code !== 0) throw new Error(`${path.basename(entry)} failed (${code}): ${err || out.slice(-2000)}`);
  const last = out.trim().split('\n').pop() ?? '';
  return { result: JSON.parse(last) as T, pid: proc.pid! };
}
