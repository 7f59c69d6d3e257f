import { parentPort, workerData } from 'node:worker_threads';
import { parseRoster, type ParseInput } from './roster-parse.js';
import { RosterFileError } from './roster-reader.js';

/**
 * Worker thread: parses and validates a roster off the main thread, so a million-row file never
 * blocks the API. Posts the header and then one chunk at a time, waiting for 'ack' (the chunk is
 * stored) before reading on: memory stays flat however fast the file reads.
 */
const port = parentPort!;
let release: (() => void) | null = null;
let cancelled = false;
port.on('message', (m: unknown) => {
  if (m === 'cancel') cancelled = true;
  if (m === 'ack' || m === 'cancel') {
    const r = release;
    release = null;
    r?.();
  }
});

try {
  const { total } = await parseRoster(workerData as ParseInput, {
    onHeader: (h) => port.postMessage({ type: 'header', header: h }),
    onChunk: (c) =>
      new Promise<void>((resolve) => {
        release = resolve;
        port.postMessage({ type: 'chunk', chunk: c });
      }),
    isCancelled: () => cancelled,
  });
  port.postMessage({ type: 'done', total });
} catch (e) {
  const f = e instanceof RosterFileError ? { code: e.code, zh: e.zh, en: e.en } : { code: 'PARSE_FAILED', zh: `读取文件失败：${(e as Error).message}`, en: `Reading the file failed: ${(e as Error).message}` };
  port.postMessage({ type: 'fatal', ...f });
}
port.close();
