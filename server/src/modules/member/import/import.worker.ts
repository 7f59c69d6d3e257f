import { parentPort, workerData } from 'node:worker_threads';
import { loadKeyRing } from '../../../platform/crypto.js';
import { parseRoster, type ParseInput } from './roster-parse.js';
import { RosterFileError } from './roster-reader.js';
import { keyProbe, sealChunk } from './roster-seal.js';
import type { RosterField } from '../../../../../common/src/roster-headers.js';
import type { WorkerKeys } from './roster-host.js';

/**
 * Worker thread: parses, validates and seals (encrypts) a roster off the main thread, so a
 * million-row file never blocks the API and plaintext identifiers stay in here. Posts the header,
 * then sealed chunks, never more than two ahead of the 'ack's (chunk stored): parsing overlaps
 * storing, and memory stays flat however fast the file reads.
 */
const port = parentPort!;
// BENCH_MEM_LOG=/abs/file (benchmark diagnostics): this worker's heap every second.
if (process.env.BENCH_MEM_LOG) {
  const { appendFileSync } = await import('node:fs');
  const v8 = await import('node:v8');
  setInterval(() => {
    const h = v8.getHeapStatistics();
    appendFileSync(
      process.env.BENCH_MEM_LOG!,
      `${new Date().toISOString().slice(11, 19)} worker heapTotal ${(h.total_heap_size / 1048576).toFixed(0)} heapUsed ${(h.used_heap_size / 1048576).toFixed(0)} external ${(h.external_memory / 1048576).toFixed(0)}\n`,
    );
  }, 1000).unref();
}
const { input, keys: keySource } = workerData as { input: ParseInput; keys: WorkerKeys };
/** Chunks posted but not yet stored: at most IN_FLIGHT, so parsing overlaps storing and memory stays bounded. */
const IN_FLIGHT = 2;
let unacked = 0;
let release: (() => void) | null = null;
let cancelled = false;
port.on('message', (m: unknown) => {
  if (m === 'cancel') cancelled = true;
  if (m === 'ack') unacked--;
  if (m === 'ack' || m === 'cancel') {
    const r = release;
    release = null;
    r?.();
  }
});

const keys = loadKeyRing({ secretKeyHex: keySource.secretKeyHex, dataDir: keySource.dataDir, persist: false });
if (keyProbe(keys) !== keySource.probe) {
  // Not the main thread's key (e.g. an in-memory database with a generated key): let it seal instead.
  port.postMessage({ type: 'key_mismatch' });
} else {
  try {
    let present = new Set<RosterField>();
    const { total } = await parseRoster(input, {
      onHeader: (h) => {
        present = new Set(h.columns.map((c) => c.field));
        port.postMessage({ type: 'header', header: h });
      },
      onChunk: async (c) => {
        const chunk = sealChunk(keys, c, present, input.copyBatchId);
        // The COPY bytes move to the main thread (transferred, not copied).
        port.postMessage({ type: 'chunk', chunk }, chunk.copy ? [chunk.copy.bytes.buffer as ArrayBuffer, chunk.copy.ends.buffer as ArrayBuffer] : []);
        unacked++;
        while (unacked >= IN_FLIGHT && !cancelled) await new Promise<void>((resolve) => (release = resolve));
      },
      isCancelled: () => cancelled,
    });
    port.postMessage({ type: 'done', total });
  } catch (e) {
    const f =
      e instanceof RosterFileError
        ? { code: e.code, zh: e.zh, en: e.en }
        : { code: 'PARSE_FAILED', zh: `读取文件失败：${(e as Error).message}`, en: `Reading the file failed: ${(e as Error).message}` };
    port.postMessage({ type: 'fatal', ...f });
  }
}
port.close();
