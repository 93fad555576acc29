import { expect, test, type Locator } from '@playwright/test';
import { run, selectResource } from './helpers.ts';

/** The box of `inner` lies wholly inside the visible box of `outer`. */
async function within(inner: Locator, outer: Locator) {
  const a = (await inner.boundingBox())!;
  const b = (await outer.boundingBox())!;
  expect(a.x).toBeGreaterThanOrEqual(b.x - 0.5);
  expect(a.x + a.width).toBeLessThanOrEqual(b.x + b.width + 0.5);
}

test('at 1440 px the record table keeps action and log-status in view, and the CloudWatch lines are not cut off', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto('./');
  await selectResource(page, /vpc-a/);
  await page.getByRole('button', { name: 'Create Flow log' }).click();
  const d = page.getByRole('dialog', { name: 'Create flow log' });
  await d.getByRole('button', { name: /Create role flowlogsRole/ }).click();
  await d.getByRole('button', { name: 'Create', exact: true }).click();
  await run(page, 'ping -c 2 10.2.0.10');
  await page.getByRole('tab', { name: 'Flow logs' }).click();
  const raw = page.getByTestId('cw-raw');
  await expect(raw).toContainText('10.1.0.10 10.2.0.10 0 0 1 2 168');

  const table = page.getByTestId('record-table');
  const side = page.locator('aside.side');
  // The table scrolls sideways inside its box, which stays inside the panel.
  expect(await table.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
  await within(table, side);
  for (const name of ['action', 'log-status']) await within(table.locator('th', { hasText: name }), table);
  const row = table.locator('tbody tr').first();
  await within(row.locator('td').nth(-2), table);
  await expect(row.locator('td').nth(-2)).toHaveText('ACCEPT');
  await expect(row.locator('td').nth(-1)).toHaveText('OK');
  // Scrolled to the start and to the end, they stay where they are.
  await table.evaluate((el) => (el.scrollLeft = el.scrollWidth));
  await within(table.locator('th', { hasText: 'action' }), table);
  await table.evaluate((el) => (el.scrollLeft = 0));
  await within(table.locator('th', { hasText: 'version' }), table);

  // The raw lines wrap: nothing to scroll sideways, every field on screen.
  expect(await raw.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
  await within(raw, side);
  await page.screenshot({ path: '/tmp/vpc-lab-shell-flowlogs-1440.png' });
});
