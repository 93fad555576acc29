import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { selectResource } from './helpers.ts';

/** A network with one warning (the ⚠ badge) and an editor tab whose text is not valid JSON (the stale simulation badge). */
async function busyTopBar(page: Page) {
  await page.goto('./');
  await expect(page.getByText(/^Resources \(8\)$/)).toBeVisible();
  const dir = 'static/samples/aws/test-vpc-peering/aws_configs';
  await page.getByTestId('import-input').setInputFiles(readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => join(dir, f)));
  await expect(page.getByTestId('notice')).toContainText('Imported');
  await page.getByTestId('notice').getByRole('button', { name: 'Dismiss message' }).click();
  await selectResource(page, /VPC A/);
  await page.locator('.monaco-editor .view-lines').click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type('xx');
  await expect(page.getByTestId('sim-state')).toContainText('Simulating the last valid state', { timeout: 10_000 });
}

/** Nothing wider than the window, and the top bar's badges and the side tabs wholly on screen. */
async function expectNothingOffScreen(page: Page, width: number) {
  const m = await page.evaluate(() => {
    const box = (el: Element | null) => el?.getBoundingClientRect().toJSON() as DOMRect;
    const tabs = document.querySelector('[role="tablist"][aria-label="Panels"]')!;
    return {
      doc: document.documentElement.scrollWidth,
      bar: document.querySelector('.topbar')!.scrollWidth,
      problems: box(document.querySelector('.problems')),
      sim: box(document.querySelector('[data-testid="sim-state"]')),
      tabsOverflow: tabs.scrollWidth - tabs.clientWidth,
      labs: box(document.getElementById('panel-tab-labs')),
      side: box(document.querySelector('aside.side')),
    };
  });
  expect(m.doc).toBeLessThanOrEqual(width);
  expect(m.bar).toBeLessThanOrEqual(width);
  expect(m.problems.right).toBeLessThanOrEqual(width);
  expect(m.problems.width).toBeGreaterThan(20);
  expect(m.sim.right).toBeLessThanOrEqual(width);
  expect(m.sim.width).toBeGreaterThanOrEqual(140); // "Simulating the last valid state" readable on two lines
  expect(m.tabsOverflow).toBeLessThanOrEqual(0);
  expect(m.labs.right).toBeLessThanOrEqual(m.side.right);
}

for (const [w, h] of [[1024, 700], [1280, 720], [2560, 1440]] as const) {
  test(`at ${w}×${h} the top bar keeps its badges on screen and the side tabs fit`, async ({ page }) => {
    await page.setViewportSize({ width: w, height: h });
    await busyTopBar(page);
    await expectNothingOffScreen(page, w);
    await page.screenshot({ path: `/tmp/vpc-lab-shell-layout-${w}.png` });
  });
}

test('at 1024×700 the console can be made taller (dragged, or with the keyboard), and its height is kept', async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 700 });
  await page.goto('./');
  await expect(page.getByText(/^Resources \(8\)$/)).toBeVisible();
  const splitter = page.getByRole('separator', { name: 'Console height' });
  const before = (await page.locator('.console-row').boundingBox())!.height;
  await splitter.focus();
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  await expect.poll(async () => (await page.locator('.console-row').boundingBox())!.height).toBe(before + 40);
  // Dragged up as far as it goes: the canvas and side panel keep 240 px.
  const s = (await splitter.boundingBox())!;
  await page.mouse.move(s.x + 200, s.y + 3);
  await page.mouse.down();
  await page.mouse.move(s.x + 200, 10, { steps: 4 });
  await page.mouse.up();
  await expect.poll(async () => (await page.locator('.console-row').boundingBox())!.height).toBe(700 - 48 - 240);
  // 412 px: the output shows about four times the lines it had (114 px).
  expect((await page.getByTestId('console-output').boundingBox())!.height).toBeGreaterThan(340);
  await page.reload();
  await expect.poll(async () => (await page.locator('.console-row').boundingBox())!.height).toBe(700 - 48 - 240);
  // A double-click gives the default back.
  await splitter.dblclick();
  await expect.poll(async () => (await page.locator('.console-row').boundingBox())!.height).toBe(before);
});
