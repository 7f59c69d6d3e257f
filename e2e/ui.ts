/**
 * Small helpers for the browser tests: waiting on the UI (never on the clock) and driving
 * Ant Design widgets that have no native element to fill.
 */
import { type Locator, type Page } from 'playwright-core';

/** Generous: the machine running the suite is slow and shared. */
export const UI_TIMEOUT = 60_000;

export function prepare(page: Page): Page {
  page.setDefaultTimeout(UI_TIMEOUT);
  page.setDefaultNavigationTimeout(UI_TIMEOUT);
  return page;
}

/** Open an antd Select by its data-testid, optionally type to search, and click the option with this text. */
export async function choose(page: Page, testId: string, optionText: string | RegExp, search?: string): Promise<void> {
  const select = page.getByTestId(testId);
  await select.click();
  if (search !== undefined) await select.locator('input').fill(search);
  const dropdown = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').last();
  await dropdown.locator('.ant-select-item-option', { hasText: optionText }).first().click();
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
