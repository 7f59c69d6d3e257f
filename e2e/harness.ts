import { spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

/**
 * A real server process on its own embedded database with the demo city, and real Chromium.
 * The web app must be built first (`npm run build:web`).
 */
export interface E2EEnv {
  baseUrl: string;
  browser: Browser;
  newPage(): Promise<Page>;
  login(page: Page, username: string, password?: string): Promise<void>;
  shot(page: Page, name: string): Promise<void>;
  close(): Promise<void>;
}

const root = path.resolve(import.meta.dirname, '..');

/**
 * Seeding the demo city is most of a browser test file's start. The first file seeds a data folder
 * once per version of the server code and demo options (a server started on it and stopped
 * cleanly), and every file copies it; GONGHUI_E2E_IMAGES=0 seeds each file's own database afresh.
 */
function seededImage(env: NodeJS.ProcessEnv): string {
  const h = crypto.createHash('sha256');
  for (const dir of ['server/src', 'common/src']) {
    const files = (fs.readdirSync(path.join(root, dir), { recursive: true }) as string[])
      .filter((f) => /\.(ts|sql|json|txt)$/.test(f) && !f.endsWith('.test.ts'))
      .sort();
    for (const f of files)
      h.update(`${dir}/${f}\0`)
        .update(fs.readFileSync(path.join(root, dir, f)))
        .update('\0');
  }
  // The demo's dates are relative to the day it is seeded (or GONGHUI_DEMO_DATE).
  h.update(JSON.stringify([env.GONGHUI_DEMO_MEMBERS, env.GONGHUI_DEMO_DATE ?? '', new Date().toISOString().slice(0, 10)]));
  return path.join(os.tmpdir(), `gh-e2e-image-${h.digest('hex').slice(0, 16)}`);
}

interface Running {
  server: ChildProcess;
  output: () => string;
}

async function startServer(port: number, dataDir: string, env: NodeJS.ProcessEnv): Promise<Running> {
  const server: ChildProcess = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'server/src/main.ts')], {
    cwd: root,
    env: { ...env, PORT: String(port), DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  // The server's own log goes next to the screenshots too: a failed step is often explained there.
  fs.mkdirSync(path.join(root, '.e2e-shots'), { recursive: true });
  const logFile = fs.createWriteStream(path.join(root, '.e2e-shots', `server-${port}.log`), { flags: 'a' });
  const keep = (d: Buffer) => {
    output += d;
    logFile.write(d);
  };
  server.stdout!.on('data', keep);
  server.stderr!.on('data', keep);
  // The first start seeds the demo city: minutes on a slow, shared machine.
  const deadline = Date.now() + Number(process.env.GONGHUI_E2E_START_MS || 420_000);
  for (;;) {
    try {
      const r = await fetch(`http://127.0.0.1:${port}/api/health`);
      if (r.ok) break;
    } catch {
      /* not up yet */
    }
    if (server.exitCode !== null || Date.now() > deadline) {
      server.kill('SIGTERM'); // do not leave a half-started server (or its data) behind
      fs.rmSync(dataDir, { recursive: true, force: true });
      throw new Error(`server did not start:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  return { server, output: () => output };
}

async function stopServer(server: ChildProcess) {
  if (server.exitCode !== null) return;
  const exited = new Promise((r) => server.once('exit', r));
  server.kill('SIGTERM');
  await exited;
}

export async function startE2E(basePort: number): Promise<E2EEnv> {
  // E2E_PORT_OFFSET lets two checkouts run the same browser test at once on one machine.
  const port = basePort + Number(process.env.E2E_PORT_OFFSET || 0);
  if (!fs.existsSync(path.join(root, 'web/dist/index.html'))) throw new Error('web/dist missing: run npm run build:web first');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gh-e2e-'));
  // Always the embedded database: no DATABASE_URL at all (an empty one is not a valid URL to the config).
  const { DATABASE_URL: _pg, ...inherited } = process.env;
  const env = { ...inherited, HOST: '127.0.0.1', GONGHUI_JOBS: '0', GONGHUI_DEMO_MEMBERS: process.env.GONGHUI_DEMO_MEMBERS ?? '20000', LOG_LEVEL: 'warn' };
  if (process.env.GONGHUI_E2E_IMAGES !== '0') {
    const image = seededImage(env);
    if (!fs.existsSync(image)) {
      const partial = `${image}.partial-${process.pid}`;
      fs.rmSync(partial, { recursive: true, force: true });
      await stopServer((await startServer(port, partial, env)).server);
      try {
        fs.renameSync(partial, image);
      } catch {
        fs.rmSync(partial, { recursive: true, force: true }); // another run made it first
      }
      // Images of earlier versions of the code, a few hours old, are not needed again (a younger one may be another checkout's).
      for (const old of fs.readdirSync(os.tmpdir())) {
        const p = path.join(os.tmpdir(), old);
        if (old.startsWith('gh-e2e-image-') && !old.includes('.partial-') && p !== image && Date.now() - fs.statSync(p).mtimeMs > 3 * 3_600_000)
          fs.rmSync(p, { recursive: true, force: true });
      }
    }
    fs.cpSync(image, dataDir, { recursive: true });
  }
  const { server } = await startServer(port, dataDir, env);
  const baseUrl = `http://127.0.0.1:${port}`;
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const shotsDir = path.join(root, '.e2e-shots');
  fs.mkdirSync(shotsDir, { recursive: true });
  return {
    baseUrl,
    browser,
    async newPage() {
      // Our users' browsers run on China time (the server's business dates are China dates too).
      const ctx = await browser.newContext({ baseURL: baseUrl, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 1440, height: 900 } });
      return ctx.newPage();
    },
    async login(page, username, password = 'Gonghui@2026') {
      await page.goto('/login');
      await page.getByTestId('login-username').fill(username);
      await page.getByTestId('login-password').fill(password);
      await page.getByTestId('login-submit').click();
      await page.waitForURL((u) => !u.pathname.startsWith('/login'));
    },
    async shot(page, name) {
      await page.screenshot({ path: path.join(shotsDir, `${name}.png`), fullPage: true });
    },
    async close() {
      await browser.close().catch(() => undefined);
      await stopServer(server);
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
