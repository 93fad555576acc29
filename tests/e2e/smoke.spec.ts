import { expect, test } from '@playwright/test';

test('the site loads from a sub-path with the seed network, no errors', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await page.goto('./');
  await expect(page.getByRole('heading', { name: 'VPC Lab' })).toBeVisible();
  await page.getByText(/^Resources \(/).click();
  await expect(page.getByRole('navigation', { name: 'Resources' }).getByRole('button', { name: /web-a/ })).toBeVisible();
  await page.getByText(/^Resources \(/).click();
  await page.waitForTimeout(800);
  await page.screenshot({ path: '/tmp/vpc-lab-1280.png' });
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.waitForTimeout(500);
  await page.screenshot({ path: '/tmp/vpc-lab-1920.png' });
  expect(errors).toEqual([]);
});
