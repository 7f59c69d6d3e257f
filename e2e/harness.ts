import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

/**
 * A real server process on a fresh embedded database with the demo city, and real Chromium.
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

export async function startE2E(basePort: number): Promise<E2EEnv> {
  // E2E_PORT_OFFSET lets two checkouts run the same browser test at once on one machine.
  const port = basePort + Number(process.env.E2E_PORT_OFFSET || 0);
  if (!fs.existsSync(path.join(root, 'web/dist/index.html'))) throw new Error('web/dist missing: run npm run build:web first');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gh-e2e-'));
  // Always the embedded database: no DATABASE_URL at all (an empty one is not a valid URL to the config).
  const { DATABASE_URL: _pg, ...inherited } = process.env;
  const server: ChildProcess = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'server/src/main.ts')], {
    cwd: root,
    env: {
      ...inherited,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      GONGHUI_JOBS: '0',
      GONGHUI_DEMO_MEMBERS: process.env.GONGHUI_DEMO_MEMBERS ?? '20000',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  // The server's own log goes next to the screenshots too: a failed step is often explained there.
  fs.mkdirSync(path.join(root, '.e2e-shots'), { recursive: true });
  const logFile = fs.createWriteStream(path.join(root, '.e2e-shots', `server-${port}.log`));
  const keep = (d: Buffer) => {
    output += d;
    logFile.write(d);
  };
  server.stdout!.on('data', keep);
  server.stderr!.on('data', keep);
  const baseUrl = `http://127.0.0.1:${port}`;
  // The first start seeds the demo city (about 200k members): minutes on a slow, shared machine.
  const deadline = Date.now() + Number(process.env.GONGHUI_E2E_START_MS || 420_000);
  for (;;) {
    try {
      const r = await fetch(`${baseUrl}/api/health`);
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
      server.kill('SIGTERM');
      await new Promise((r) => server.once('exit', r));
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
