import { parentPort, workerData } from 'node:worker_threads';
import { loadKeyRing } from '../platform/crypto.js';
import { demoRowBatches } from './demo-member-rows.js';
import type { DemoOrg } from './demo-city.js';
import type { DemoMemberOptions } from './demo-member-gen.js';

/**
 * Worker thread of the demo member seed: generates and encrypts the rows while the main thread
 * inserts the previous batch. It loads the same key ring as the server (configured key or the key
 * file in the data directory) and first sends a probe, which the main thread decrypts before it
 * trusts anything else from here. At most WINDOW batches wait for the main thread (flat memory).
 */
const WINDOW = 2;
const port = parentPort!;
const input = workerData as { orgs: DemoOrg[]; opts: DemoMemberOptions; secretKeyHex?: string; dataDir: string };
let unacked = 0;
let wake: (() => void) | null = null;
port.on('message', (m: unknown) => {
  if (m === 'ack') {
    unacked--;
    const w = wake;
    wake = null;
    w?.();
  }
});

try {
  const keys = loadKeyRing({ secretKeyHex: input.secretKeyHex, dataDir: input.dataDir, persist: false });
  port.postMessage({ type: 'probe', cipher: keys.encrypt('probe') });
  for (const batch of demoRowBatches(keys, input.orgs, input.opts)) {
    while (unacked >= WINDOW) await new Promise<void>((r) => (wake = r));
    unacked++;
    port.postMessage({ type: 'batch', batch });
  }
  port.postMessage({ type: 'done' });
} catch (e) {
  port.postMessage({ type: 'fatal', message: (e as Error).stack ?? String(e) });
}
port.close();
