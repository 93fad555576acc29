import { expect, test } from '@playwright/test';
import { run } from './helpers.ts';

test('every shipped sample loads without an error and draws', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.goto('./');
  const options = await page.getByLabel('Sample network').locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
  for (const id of options.filter((o) => o !== 'empty')) {
    await page.getByLabel('Sample network').selectOption(id);
    await page.getByRole('button', { name: 'Load', exact: true }).click();
    await expect(page.getByTestId('notice')).toContainText('Loaded');
  }
  // The last one (cross-account peering): show it, with a NAT-gateway sample's dialog open on top.
  await page.waitForTimeout(600);
  await page.screenshot({ path: '/tmp/vpc-lab-sample-multi-account-1920.png' });
  await page.getByLabel('Sample network').selectOption('test-nat-gateway');
  await page.getByRole('button', { name: 'Load', exact: true }).click();
  await page.waitForTimeout(600);
  // From a private subnet, out through the NAT gateway and the internet gateway.
  await page.getByLabel('Instance to run commands from').selectOption({ label: 'test1 (10.1.1.98)' });
  await run(page, 'curl http://internet');
  await expect(page.getByTestId('verdict')).toHaveText('Reachable');
  await expect(page.locator('.explain')).toContainText('nat-gateway');
  await page.waitForTimeout(1500);
  await page.screenshot({ path: '/tmp/vpc-lab-sample-nat-1920.png' });
  await page.getByRole('button', { name: 'Create Instance' }).click();
  await expect(page.getByRole('dialog', { name: 'Launch instance' })).toBeVisible();
  await page.screenshot({ path: '/tmp/vpc-lab-dialog-1920.png' });
  expect(errors).toEqual([]);
});
