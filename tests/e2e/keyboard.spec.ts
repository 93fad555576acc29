import { expect, test } from '@playwright/test';
import { emptyWorkspace } from './helpers.ts';

test('keyboard only: create a VPC, select it from the Resources list, switch panels with arrow keys', async ({ page }) => {
  await emptyWorkspace(page);
  await page.getByRole('button', { name: 'Create VPC' }).focus();
  await page.keyboard.press('Enter');
  const d = page.getByRole('dialog', { name: 'Create VPC' });
  await expect(d.getByLabel('Name tag')).toBeFocused();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type('vpc-kbd');
  await page.keyboard.press('Tab');
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type('10.42.0.0/16');
  await page.keyboard.press('Enter');
  await expect(d).toBeHidden();

  await page.getByText(/^Resources \(/).focus();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('navigation', { name: 'Resources' }).getByRole('button', { name: /vpc-kbd/ })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('tab', { name: /^vpc-/ })).toBeVisible();

  await page.getByRole('tab', { name: 'Editor' }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('tab', { name: 'Explain' })).toBeFocused();
  await expect(page.getByRole('tab', { name: 'Explain' })).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('tab', { name: 'Flow logs' })).toHaveAttribute('aria-selected', 'true');
  // Escape closes a dialog.
  await page.getByRole('button', { name: 'Create Subnet' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog', { name: 'Create subnet' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog', { name: 'Create subnet' })).toBeHidden();
});
