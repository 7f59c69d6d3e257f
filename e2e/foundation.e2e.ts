/**
 * The platform foundation in the browser: an administrator creates an organisation, finds it in the tree and sees
 * the audit entry; a district administrator sees only their district.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startE2E, type E2EEnv } from './harness';
import { choose, closeContext, prepare } from './ui';

const PORT = 3401;
let env: E2EEnv;

const stamp = Date.now().toString(36).toUpperCase().slice(-5);
const newCode = `E2E-F${stamp}`;
const newName = `江城端到端测试科技有限公司工会${stamp}`;

/** The districts as the administrator sees them (read through the signed-in page's session). */
async function districts(page: Page): Promise<{ id: string; name: string; code: string }[]> {
  return page.evaluate(async () => (await (await fetch('/api/orgs?level=county&pageSize=50&sort=code')).json()).items);
}

describe('platform foundation', () => {
  beforeAll(async () => {
    env = await startE2E(PORT);
  }, 480_000);
  afterAll(async () => {
    await env?.close();
  });

  let sibling: { id: string; name: string } | null = null;

  it('an administrator creates an organisation under a district, finds it in the tree and in the audit log', async () => {
    const page = prepare(await env.newPage());
    await env.login(page, 'admin');

    const all = await districts(page);
    expect(all.length).toBeGreaterThan(1);
    const district = all[0]!;

    await page.goto(`/orgs/${district.id}`);
    await page.getByTestId('org-add-child-btn').click();
    await page.getByTestId('org-form').waitFor();
    await choose(page, 'org-form-level', '基层工会');
    await choose(page, 'org-form-kind', '企业工会');
    await page.getByTestId('org-form-code').fill(newCode);
    await page.getByTestId('org-form-name').fill(newName);
    await page.getByTestId('org-form-employeeCount').fill('120');
    await page.getByTestId('org-form-submit').click();
    await page.getByTestId('org-form-modal').waitFor({ state: 'hidden' });

    // The tree's search finds it and reveals it under its district.
    await page.getByTestId('menu-org-tree').click();
    await page.getByTestId('org-tree').waitFor();
    const search = page.getByTestId('org-tree-search').locator('input');
    await search.fill(newCode);
    await search.press('Enter');
    await page.getByTestId(`org-tree-search-result-${newCode}`).click();
    await page.getByTestId(`org-tree-node-${newCode}`).waitFor();
    await page.locator('[data-testid=org-detail-name]', { hasText: newName }).waitFor();
    await page.locator('.ant-tree-treenode-selected', { hasText: newName }).waitFor();

    // The audit page lists the org.create entry with the new code in its changes.
    await page.getByTestId('menu-audit').click();
    await page.getByTestId('audit-filter-action').locator('input').fill('org.create');
    await page.getByTestId('audit-filter-apply').click();
    const row = page.locator('[data-testid=audit-table] .ant-table-row', { hasText: 'org.create' }).first();
    await row.waitFor();
    await row.locator('.ant-table-row-expand-icon').click();
    await page.locator('[data-testid^=audit-detail-]', { hasText: newCode }).waitFor();
    await env.shot(page, 'foundation-audit-org-create');

    sibling = all.find((d) => d.id !== district.id) ?? null;
    await closeContext(page);
  });

  it('an administrator enters next year’s holiday calendar from the reminder; the year is no longer provisional', async () => {
    const page = prepare(await env.newPage());
    await env.login(page, 'admin');
    // The year after today's in China is always listed; before it is entered the dashboard reminds from 1 November.
    const next = Number(new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 4)) + 1;
    await page.getByTestId('menu-calendar').click();
    await page.getByTestId(`calendar-source-${next}`).getByText('待录入').waitFor();
    await env.shot(page, 'foundation-calendar-years');
    await page.getByTestId(`calendar-edit-${next}`).click();
    await page.getByTestId('calendar-form-modal').waitFor();
    // The form starts from the statutory holidays the law fixes; a make-up Saturday is added.
    const firstSaturday = [...Array(7)]
      .map((_, i) => new Date(Date.UTC(next, 0, 4 + i)))
      .find((d) => d.getUTCDay() === 6)!
      .toISOString()
      .slice(0, 10);
    await page.getByTestId('calendar-form-workdays').fill(firstSaturday);
    await page.waitForTimeout(500); // the modal's opening animation
    await env.shot(page, 'foundation-calendar-form');
    await page.getByTestId('calendar-form-submit').click();
    await page.getByTestId('calendar-form-confirm-ok').click();
    await page.getByTestId('calendar-form-modal').waitFor({ state: 'hidden' });
    await page.getByTestId(`calendar-source-${next}`).getByText('管理员录入').waitFor();
    expect(await page.getByTestId(`calendar-workdays-${next}`).innerText()).toBe(firstSaturday.slice(5));
    await closeContext(page);
  });

  it('a district administrator has no security settings and sees only their own district', async () => {
    const page = prepare(await env.newPage());
    await env.login(page, 'district');
    await page.getByTestId('app-menu').waitFor();
    await page.getByTestId('menu-org-tree').waitFor();
    expect(await page.getByTestId('menu-settings').count()).toBe(0);
    expect(await page.getByTestId('menu-calendar').count()).toBe(0);
    const ownOrg = (await page.getByTestId('header-org').innerText()).trim();
    expect(sibling).not.toBeNull();
    expect(sibling!.name).not.toBe(ownOrg);

    await page.getByTestId('menu-org-tree').click();
    const tree = page.getByTestId('org-tree');
    await tree.locator('.ant-tree-treenode', { hasText: ownOrg }).first().waitFor();
    // Only one root, their own district; the sibling district appears nowhere in the tree.
    const texts = await tree.locator('.ant-tree-treenode').allInnerTexts();
    expect(texts.some((x) => x.includes(sibling!.name))).toBe(false);
    expect(texts[0]).toContain(ownOrg);

    // A sibling district's detail page by URL: not found, and none of its data.
    await page.goto(`/orgs/${sibling!.id}`);
    await page.getByTestId('org-detail-error').waitFor();
    await page.getByTestId('org-detail-error').getByText('组织不存在或不在您的管辖范围内').waitFor();
    expect(await page.getByText(sibling!.name).count()).toBe(0);
    await env.shot(page, 'foundation-district-sibling-not-found');
    await closeContext(page);
  });
});
