/**
 * The throughput limit for the member-list endpoint: a bare Fastify route on the same machine that
 * answers with a member page of the same size (read from BARE_PAYLOAD_FILE), no auth, no database.
 */
import fs from 'node:fs';
import Fastify from 'fastify';

const payload = process.env.BARE_PAYLOAD_FILE ? fs.readFileSync(process.env.BARE_PAYLOAD_FILE, 'utf8') : '{"items":[],"total":0}';
const body = JSON.parse(payload) as unknown;
const app = Fastify({ logger: false });
app.get('/api/health', async () => ({ status: 'ok' }));
app.get('/bare', async () => body);
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
process.on('SIGTERM', () => void app.close().then(() => process.exit(0)));
