import { expect, test } from '@playwright/test';
import { syntheticDoc } from '../../bench/ui.ts';

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
  await expect(page.locator(`[role="tab"]:text-is("${vpcs[150]}")`)).toBeVisible();
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
