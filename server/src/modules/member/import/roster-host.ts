import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { parseRoster, type HeaderInfo, type ParseInput } from './roster-parse.js';
import { RosterFileError } from './roster-reader.js';
import { keyProbe, sealChunk, type SealedChunk } from './roster-seal.js';
import type { KeyRing } from '../../../platform/crypto.js';
import type { RosterField } from '../../../../../common/src/roster-headers.js';

/**
 * Run the parse in a worker thread (preferred: parsing and encryption never block the event loop,
 * and plaintext identifiers stay in the worker) or, when a worker cannot start or cannot derive the
 * same key, in-process (each chunk still waits for the database, so the loop keeps turning).
 */
export type ParseMode = 'worker' | 'inline';

/** Where the worker finds the platform key (as createServices does), and a probe to check it derived the same one. */
export interface WorkerKeys {
  secretKeyHex?: string;
  dataDir: string;
  probe: string;
}

export interface SealedHandlers {
  onHeader(h: HeaderInfo): void | Promise<void>;
  /** Resolves when the chunk is stored; the next chunk is not produced before. */
  onChunk(c: SealedChunk): Promise<void>;
  isCancelled?(): boolean;
}

/**
 * The worker's entry. Built JavaScript runs import.worker.js directly. TypeScript (tsx, vitest)
 * starts from a tiny ES module that registers tsx inside the worker first: on Node 20 a worker
 * does not take `--import tsx` from execArgv, so the loader is registered by the worker itself.
 */
function workerEntry(): URL {
  if (!import.meta.url.endsWith('.ts')) return new URL('./import.worker.js', import.meta.url);
  const tsxDir = path.dirname(createRequire(import.meta.url).resolve('tsx/package.json'));
  const api = pathToFileURL(path.join(tsxDir, 'dist/esm/api/index.mjs')).href;
  const target = new URL('./import.worker.ts', import.meta.url).href;
  const boot = `import { register } from ${JSON.stringify(api)}; register(); await import(${JSON.stringify(target)});`;
  return new URL('data:text/javascript,' + encodeURIComponent(boot));
}

function inline(input: ParseInput, h: SealedHandlers, keys: KeyRing) {
  let present = new Set<RosterField>();
  return parseRoster(input, {
    onHeader: (hd) => {
      present = new Set(hd.columns.map((c) => c.field));
      return h.onHeader(hd);
    },
    onChunk: async (c) => {
      await new Promise((r) => setImmediate(r)); // encryption of a chunk is CPU work: let the loop turn first
      await h.onChunk(sealChunk(keys, c, present, input.copyBatchId));
    },
    isCancelled: h.isCancelled,
  });
}

/** At most this many files parse at once (GONGHUI_IMPORT_WORKERS, default 2); later uploads wait their turn. */
let running = 0;
const queue: (() => void)[] = [];
async function slot<T>(fn: () => Promise<T>): Promise<T> {
  const max = Math.max(1, Number(process.env.GONGHUI_IMPORT_WORKERS || 2));
  if (running >= max) await new Promise<void>((r) => queue.push(r));
  running++;
  try {
    return await fn();
  } finally {
    running--;
    queue.shift()?.();
  }
}

export function runParse(
  input: ParseInput,
  h: SealedHandlers,
  keys: { ring: KeyRing; secretKeyHex?: string; dataDir: string },
  mode: ParseMode = 'worker',
): Promise<{ total: number; mode: ParseMode }> {
  return slot(() => parse(input, h, keys, mode));
}

async function parse(
  input: ParseInput,
  h: SealedHandlers,
  keys: { ring: KeyRing; secretKeyHex?: string; dataDir: string },
  mode: ParseMode,
): Promise<{ total: number; mode: ParseMode }> {
  if (mode === 'inline' || process.env.GONGHUI_IMPORT_INLINE === '1') return { ...(await inline(input, h, keys.ring)), mode: 'inline' };
  let worker: Worker;
  try {
    const wk: WorkerKeys = { secretKeyHex: keys.secretKeyHex, dataDir: keys.dataDir, probe: keyProbe(keys.ring) };
    // A heap cap: a pathological file (an xlsx's shared-string table is held whole) fails the batch, not the server.
    const maxOldGenerationSizeMb = Number(process.env.GONGHUI_IMPORT_WORKER_MB || 1536);
    // GONGHUI_IMPORT_WORKER_YOUNG_MB: a larger young generation for tuning (48 MB showed no gain in GC share, only RSS).
    const young = Number(process.env.GONGHUI_IMPORT_WORKER_YOUNG_MB || 0);
    worker = new Worker(workerEntry(), {
      workerData: { input, keys: wk },
      resourceLimits: { maxOldGenerationSizeMb, ...(young ? { maxYoungGenerationSizeMb: young } : {}) },
    });
  } catch {
    return { ...(await inline(input, h, keys.ring)), mode: 'inline' };
  }
  let heard = false;
  const result = await new Promise<{ total: number } | 'fallback'>((resolve, reject) => {
    let chain = Promise.resolve();
    let finished = false;
    const fail = (e: unknown) => {
      if (finished) return;
      finished = true;
      void worker.terminate();
      reject(e);
    };
    const cancelTimer = setInterval(() => {
      if (h.isCancelled?.()) worker.postMessage('cancel');
    }, 500);
    worker.on('message', (m: { type: string; [k: string]: unknown }) => {
      if (m.type === 'key_mismatch' && !heard) {
        finished = true;
        resolve('fallback');
        return;
      }
      heard = true;
      chain = chain
        .then(async () => {
          if (finished) return;
          if (m.type === 'header') await h.onHeader(m.header as HeaderInfo);
          else if (m.type === 'chunk') {
            await h.onChunk(m.chunk as SealedChunk);
            worker.postMessage(h.isCancelled?.() ? 'cancel' : 'ack');
          } else if (m.type === 'done') {
            finished = true;
            resolve({ total: m.total as number });
          } else if (m.type === 'fatal') fail(new RosterFileError(m.code as string, m.zh as string, m.en as string));
        })
        .catch(fail);
    });
    worker.on('error', (e) => {
      if (process.env.GONGHUI_IMPORT_DEBUG) console.error('import worker error', e);
      if (!heard && !finished) {
        finished = true;
        resolve('fallback');
      } else fail(e);
    });
    worker.on('exit', (code) => {
      clearInterval(cancelTimer);
      if (!finished) void chain.then(() => fail(new Error(`import worker exited with code ${code}`)));
    });
  });
  if (result === 'fallback') return { ...(await inline(input, h, keys.ring)), mode: 'inline' };
  return { ...result, mode: 'worker' };
}
