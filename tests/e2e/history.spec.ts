import { expect, test } from '@playwright/test';
import { createVpc, emptyWorkspace, selectResource } from './helpers.ts';

const vpcButton = (page: import('@playwright/test').Page, name: RegExp) => page.getByRole('navigation', { name: 'Resources' }).getByRole('button', { name });

test('undo and redo every edit, with buttons and the keyboard', async ({ page }) => {
  await emptyWorkspace(page);
  await createVpc(page, 'vpc-undo', '10.7.0.0/16');
  await selectResource(page, /vpc-undo/);
  await page.getByRole('button', { name: 'Undo', exact: true }).click();
  await expect(vpcButton(page, /vpc-undo/)).toHaveCount(0);
  await page.getByRole('button', { name: 'Redo', exact: true }).click();
  await expect(vpcButton(page, /vpc-undo/)).toBeVisible();
  await page.locator('body').click({ position: { x: 5, y: 700 } });
  await page.getByRole('heading', { name: 'VPC Lab' }).click();
  await page.keyboard.press('ControlOrMeta+Z');
  await expect(vpcButton(page, /vpc-undo/)).toHaveCount(0);
  await page.keyboard.press('ControlOrMeta+Shift+Z');
  await expect(vpcButton(page, /vpc-undo/)).toBeVisible();
});

test('autosave survives a reload, and a corrupt save gives a message instead of a crash', async ({ page }) => {
  await emptyWorkspace(page);
  await createVpc(page, 'vpc-saved', '10.8.0.0/16');
  await page.reload();
  await selectResource(page, /vpc-saved/);
  await expect(page.getByTestId('notice')).toContainText('Restored');

  await page.evaluate(() => localStorage.setItem('vpc-lab:workspace:v1', '{"Vpcs": [ oops'));
  await page.reload();
  await expect(page.getByTestId('notice')).toContainText('could not be read');
  await selectResource(page, /vpc-a/); // the seed network instead
});

test('when the browser refuses to autosave (storage full), a lasting warning says to export', async ({ page }) => {
  await page.addInitScript(() => {
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key: string, value: string) {
      if (key.startsWith('vpc-lab:workspace') && value.includes('vpc-full')) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return setItem.call(this, key, value);
    };
  });
  await page.goto('./');
  await expect(page.getByRole('alert').filter({ hasText: 'Not autosaved' })).toHaveCount(0);
  await createVpc(page, 'vpc-full', '10.9.0.0/16');
  await expect(page.getByRole('alert').filter({ hasText: 'Not autosaved' })).toBeVisible();
  // Undo brings back a document that saves: the warning goes.
  await page.getByRole('button', { name: 'Undo', exact: true }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Not autosaved' })).toHaveCount(0);
});
