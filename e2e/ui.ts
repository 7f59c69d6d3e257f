/**
 * Small helpers for the browser tests: waiting on the UI (never on the clock) and driving
 * Ant Design widgets that have no native element to fill.
 */
import { type Locator, type Page } from 'playwright-core';
import { onTestFailed } from 'vitest';

/** Generous: the machine running the suite is slow and shared. */
export const UI_TIMEOUT = 60_000;

export function prepare(page: Page): Page {
  page.setDefaultTimeout(UI_TIMEOUT);
  page.setDefaultNavigationTimeout(UI_TIMEOUT);
  return page;
}

/** A page for the running test, screenshotted (`FAIL-<test name>`) when the test fails. */
export async function openPage(env: { newPage(): Promise<Page>; shot(page: Page, name: string): Promise<unknown> }): Promise<Page> {
  const page = prepare(await env.newPage());
  onTestFailed(async ({ task }) => {
    await env.shot(page, `FAIL-${task.name.slice(0, 40).replace(/[^a-z0-9]+/gi, '-')}`).catch(() => undefined);
  });
  return page;
}

/** The antd Select around an element with this data-testid (the id may sit on the root or on its input). */
function selectRoot(page: Page, testId: string): Locator {
  return page.getByTestId(testId).locator('xpath=ancestor-or-self::div[contains(concat(" ", normalize-space(@class), " "), " ant-select ")][1]');
}

/**
 * Open an antd Select by its data-testid, optionally type to search, and click the option with this
 * text; then make sure the choice took. A click that lands while a dropdown is still animating can
 * miss on a loaded machine, so it retries (a UI wait, never a clock wait).
 */
export async function choose(page: Page, testId: string, optionText: string | RegExp, search?: string): Promise<void> {
  const select = page.getByTestId(testId);
  const root = selectRoot(page, testId);
  const took = async () => {
    const text = await root.innerText();
    return typeof optionText === 'string' ? text.includes(optionText) : optionText.test(text);
  };
  for (let attempt = 0; attempt < 3; attempt++) {
    await select.click();
    if (search !== undefined) await ((await select.locator('input').count()) ? select.locator('input').first() : select).fill(search);
    // A Select lists options; a TreeSelect (the org picker) lists tree nodes.
    const option = page
      .locator('.ant-select-dropdown:visible :is(.ant-select-item-option, .ant-select-tree-node-content-wrapper)', { hasText: optionText })
      .first();
    await option.waitFor();
    await option.click();
    await page
      .locator('.ant-select-dropdown:visible')
      .first()
      .waitFor({ state: 'hidden', timeout: 3_000 })
      .catch(() => page.keyboard.press('Escape'));
    if (await took()) return;
  }
  throw new Error(`the select ${testId} did not take the option ${String(optionText)}`);
}

/** Choose the first enabled option of an antd Select; returns the option's text and the data-testid inside it (if any). */
export async function chooseFirst(page: Page, testId: string): Promise<{ text: string; innerTestId: string | null }> {
  const root = selectRoot(page, testId);
  for (let attempt = 0; attempt < 3; attempt++) {
    await page.getByTestId(testId).click();
    const option = page
      .locator(
        '.ant-select-dropdown:visible :is(.ant-select-item-option:not(.ant-select-item-option-disabled), .ant-select-tree-node-content-wrapper:not(.ant-select-tree-node-content-wrapper-disabled))',
      )
      .first();
    await option.waitFor();
    const text = (await option.innerText()).trim();
    const inner = option.locator('[data-testid]').first();
    const innerId = (await inner.count()) ? await inner.getAttribute('data-testid') : null;
    await option.click();
    await page
      .locator('.ant-select-dropdown:visible')
      .first()
      .waitFor({ state: 'hidden', timeout: 3_000 })
      .catch(() => page.keyboard.press('Escape'));
    if ((await root.innerText()).includes(text.slice(0, 8))) return { text, innerTestId: innerId };
  }
  throw new Error(`the select ${testId} did not take its first option`);
}

/** Wait until a locator's text matches (web-first, polled by Playwright itself). */
export async function waitForText(locator: Locator, text: string | RegExp): Promise<void> {
  await locator.filter({ hasText: text }).first().waitFor();
}

export async function signOut(page: Page): Promise<void> {
  await page.getByTestId('user-menu-trigger').click();
  await page.getByTestId('user-menu-logout').click();
  await page.getByTestId('login-form').waitFor();
}

/** A fresh browser context per person, so sessions never leak between roles. */
export async function closeContext(page: Page): Promise<void> {
  await page.context().close();
}
