/** The worker portal's public surface for other modules (docs/portal.md). */
export { notifyWorker, type WorkerRecipient } from './notify.js';
