/**
 * Screenshots of every page, for a visual check (not a test suite; the tests live in
 * e2e/*.e2e.ts). It walks the pages each demo login can open at 1440×900 and the public pages a
 * worker opens on a phone at 390×844, and lists the pages that showed an error, a 403 or a 404,
 * or logged a browser error. It only reads: any database with the demo city will do.
 *
 *   DATA_DIR=/tmp/shots-data PORT=3200 GONGHUI_DEMO_MEMBERS=20000 npx tsx server/src/main.ts   (after npm run build:web)
 *   BASE_URL=http://localhost:3200 npx tsx e2e/shots.ts [path-filter]   (PNGs in /tmp/shots, or SHOTS_DIR)
 */
import fs from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../server/src/seed/demo.js';

const BASE = process.env.BASE_URL ?? 'http://localhost:3200';
const OUT = process.env.SHOTS_DIR ?? '/tmp/shots';
const only = process.argv[2];
fs.mkdirSync(OUT, { recursive: true });

/** What each demo login opens: a federation (city, district), a grassroots chair. */
const CADRE_PAGES: Record<string, string[]> = {
  admin: [
    '/dashboard',
    '/orgs',
    '/orgs/tree',
    '/orgs/warnings',
    '/members',
    '/members/import',
    '/members/applications',
    '/members/transfers',
    '/hardship/files',
    '/hardship/aid',
    '/hardship/campaigns',
    '/hardship/rules',
    '/hardship/warnings',
    '/system/users',
    '/system/roles',
    '/system/audit',
    '/system/settings',
    '/system/rules',
    '/system/calendar',
    '/system/backup',
    '/plans',
    '/plans/tasks',
    '/contracts',
    '/contracts/coverage',
    '/congresses',
    '/congresses/proposals',
    '/congresses/disclosures',
    '/disputes',
    '/disputes/mediators',
    '/wage-arrears',
    '/legal-aid',
    '/legal-aid/lawyers',
    '/legal-aid/hotline',
    '/honors/calls',
    '/honors/records',
    '/competitions',
    '/studios',
  ],
  district: ['/dashboard', '/orgs', '/members', '/hardship/files', '/hardship/aid', '/hardship/warnings', '/system/audit'],
  grassroots: ['/dashboard', '/members', '/members/applications', '/hardship/files'],
};
/** The first row of these lists is opened too, to show a detail page. */
const DETAIL_FROM: Record<string, string> = {
  '/orgs': '/orgs/',
  '/members': '/members/',
  '/hardship/files': '/hardship/files/',
  '/plans': '/plans/',
  '/contracts': '/contracts/',
  '/congresses': '/congresses/',
  '/disputes': '/disputes/',
  '/honors/calls': '/honors/calls/',
  '/honors/records': '/honors/records/',
  '/competitions': '/competitions/',
  '/studios': '/studios/',
};
const PUBLIC_PAGES = ['/join', '/join/status', '/hardship/self-check', '/card/verify', '/login'];

const problems: string[] = [];
const name = (who: string, path: string) => `${who}${path.replace(/[^a-z0-9]+/gi, '-')}`.replace(/-$/, '');

async function visit(page: Page, who: string, path: string, errors: string[]) {
  if (only && !path.includes(only)) return;
  errors.length = 0;
  await page.goto(`${BASE}${path}`);
  await page.waitForLoadState('networkidle').catch(() => undefined);
  await page.waitForTimeout(400);
  await page.screenshot({ path: `${OUT}/${name(who, path)}.png`, fullPage: true });
  for (const bad of ['page-not-found', 'page-forbidden', 'page-crashed']) {
    if (await page.getByTestId(bad).count()) problems.push(`${who} ${path}: ${bad}`);
  }
  for (const e of errors) problems.push(`${who} ${path}: ${e}`);
  console.log(`${who.padEnd(10)} ${path}`);
  const prefix = DETAIL_FROM[path];
  if (prefix) {
    const href = await page
      .locator(`a[href^="${prefix}"]`)
      .first()
      .getAttribute('href')
      .catch(() => null);
    if (href) await visit(page, who, href.split('?')[0], errors);
  }
}

async function session(browser: Browser, who: string, paths: string[], viewport: { width: number; height: number }) {
  const context = await browser.newContext({ viewport, locale: 'zh-CN', timezoneId: 'America/New_York' });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && !m.text().includes('status of 4') && errors.push(m.text()));
  if (who !== 'public') {
    await page.goto(`${BASE}/login`);
    await page.getByTestId('login-username').fill(who);
    await page.getByTestId('login-password').fill(DEMO_PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('header-user').waitFor();
  }
  for (const path of paths) await visit(page, who, path, errors);
  await context.close();
}

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  for (const [who, paths] of Object.entries(CADRE_PAGES)) await session(browser, who, paths, { width: 1440, height: 900 });
  await session(browser, 'public', PUBLIC_PAGES, { width: 390, height: 844 });
} finally {
  await browser.close();
}
console.log(`\nscreenshots in ${OUT}`);
if (problems.length) {
  console.log(`${problems.length} problem(s):\n${problems.map((p) => `  ${p}`).join('\n')}`);
  process.exitCode = 1;
}
