import { expect, test } from '@playwright/test';
import { syntheticDoc } from '../../bench/ui.ts';
import { largeExport, totalBytes } from '../support/large-export.ts';
import { run } from './helpers.ts';

test('the canvas stays interactive with more than 1,000 nodes', async ({ page }) => {
  const { doc, vpcs } = syntheticDoc(300); // 300 VPCs, 300 subnets, 600 instances, 299 peerings
  await page.goto('./');
  const t0 = Date.now();
  await page.getByTestId('import-input').setInputFiles({ name: 'big.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(doc)) });
  await expect(page.getByTestId('notice')).toContainText('300 VPC(s)', { timeout: 30_000 });
  await expect(page.getByText(/^Resources \(1499\)$/)).toBeVisible({ timeout: 30_000 });
  const loaded = Date.now() - t0;
  // Selecting a resource opens it in the editor while the big diagram is on screen.
  await page.getByText(/^Resources/).click();
  const t1 = Date.now();
  // CSS locators: role queries over 1,500 buttons would measure Playwright, not the app.
  await page.locator(`nav[aria-label="Resources"] button[title="${vpcs[150]}"]`).click();
  await expect(page.locator(`[data-tab-id="${vpcs[150]}"] [role="tab"][aria-selected="true"]`)).toBeVisible();
  const selected = Date.now() - t1;
  const t2 = Date.now();
  // Zoom and pan respond.
  const box = (await page.locator('.cy').boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.wheel(0, -400);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 + 80, box.y + box.height / 2 + 40, { steps: 5 });
  await page.mouse.up();
  const panned = Date.now() - t2;
  await page.screenshot({ path: '/tmp/vpc-lab-scale.png' });
  console.log(`scale: import+render ${loaded} ms, select ${selected} ms, zoom+pan ${panned} ms`);
  expect(selected).toBeLessThan(3000);
  expect(panned).toBeLessThan(6000);
});

test('a multi-MB describe-* export (100 VPCs, 2,100 interfaces) imports without freezing the page', async ({ page }) => {
  test.setTimeout(180_000);
  const files = largeExport(); // 12 describe-*.json files, about 9 MB
  expect(totalBytes(files)).toBeGreaterThan(5e6);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  // Local storage as Firefox and Safari size it (5 MB of UTF-16): this export does not fit.
  await page.addInitScript(() => {
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key: string, value: string) {
      if (key.length + value.length > 5 * 1024 * 1024 / 2) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return setItem.call(this, key, value);
    };
  });
  await page.goto('./');
  await expect(page.getByText(/^Resources \(8\)$/)).toBeVisible();
  await expect(page.getByRole('alert').filter({ hasText: 'Not autosaved' })).toHaveCount(0);
  // Every step the page shows (notice texts, progress values) is recorded as it is painted.
  await page.evaluate(() => {
    const seen = ((window as unknown as { seen: string[] }).seen = [] as string[]);
    new MutationObserver(() => {
      const notice = document.querySelector('[data-testid="notice"]')?.textContent ?? '';
      const bar = document.querySelector<HTMLProgressElement>('[data-testid="canvas-progress"] progress');
      const last = seen.at(-1);
      const now = bar ? `drawing ${bar.value}/${bar.max}` : notice.slice(0, 60);
      if (now && now !== last) seen.push(now);
    }).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
    // A click on the Explain tab, when it is handled: whether the network was still being drawn.
    document.getElementById('panel-tab-explain')!.addEventListener('click', () => {
      (window as unknown as { clickedWhileDrawing: boolean }).clickedWhileDrawing = !!document.querySelector('[data-testid="canvas-progress"]');
    });
  });
  await page.getByTestId('import-input').setInputFiles(files);
  // The import says what it is doing, then the canvas draws in steps with a progress bar...
  await expect(page.getByTestId('canvas-progress')).toBeVisible({ timeout: 60_000 });
  // ...while the page still handles input: the click is handled before the drawing is finished.
  await page.getByRole('tab', { name: 'Explain' }).click();
  await expect(page.getByRole('tab', { name: 'Explain' })).toHaveAttribute('aria-selected', 'true');
  expect(await page.evaluate(() => (window as unknown as { clickedWhileDrawing?: boolean }).clickedWhileDrawing)).toBe(true);
  await expect(page.getByTestId('canvas-progress')).toHaveCount(0, { timeout: 120_000 });
  const seen = await page.evaluate(() => (window as unknown as { seen: string[] }).seen);
  expect(seen.some((s) => /^Importing 12 file\(s\), \d+\.\d MB: checking [\d,]+ resources/.test(s)), seen.join(" | ")).toBe(true);
  expect(seen.filter((s) => s.startsWith('drawing ')).length).toBeGreaterThan(2);
  await expect(page.getByTestId('notice')).toContainText('Imported 12 file(s): 100 VPC(s).');
  // The refused autosave is a lasting warning, not an error.
  await expect(page.getByRole('alert').filter({ hasText: 'Not autosaved' })).toBeVisible();
  // The whole network is in force: listed, editable, and traffic runs through it.
  await expect(page.getByText(/^Resources \(2865\)$/)).toBeVisible();
  await page.getByText(/^Resources/).click();
  const last = page.locator('nav[aria-label="Resources"] button', { hasText: 'vpc-99' });
  await last.click();
  await page.getByRole('tab', { name: 'Editor' }).click();
  await expect(page.locator('.view-lines')).toContainText('"CidrBlock": "10.99.0.0/16"', { timeout: 30_000 });
  await run(page, 'ping -c 1 10.0.0.11');
  await expect(page.getByTestId('verdict')).toBeVisible({ timeout: 30_000 });
  await page.screenshot({ path: '/tmp/vpc-lab-large-import.png' });
  expect(errors).toEqual([]);
});
