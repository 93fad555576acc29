import { expect, test } from '@playwright/test';
import { selectResource } from './helpers.ts';

test('deleting a VPC follows AWS dependency rules and offers to delete the dependents', async ({ page }) => {
  await page.goto('./');
  await selectResource(page, /vpc-b/);
  await page.getByRole('button', { name: /^Delete vpc-/ }).click();
  // Named as the console names it: the Name tag, then the id; the dependents by name too.
  const d = page.getByRole('dialog', { name: /^Delete vpc-b \(vpc-\w+\)$/ });
  await expect(d).toContainText('DependencyViolation');
  await expect(d.locator('.deps')).toContainText('web-b · i-');
  await d.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(d.getByRole('alert')).toContainText("has dependencies and cannot be deleted");
  await d.getByLabel(/Delete these first/).check();
  await d.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(d).toBeHidden();
  const list = page.getByRole('navigation', { name: 'Resources' });
  await expect(list.getByRole('button', { name: /vpc-b/ })).toHaveCount(0);
  await expect(list.getByRole('button', { name: /web-b/ })).toHaveCount(0);
  await page.getByRole('button', { name: 'Undo', exact: true }).click();
  await expect(list.getByRole('button', { name: /web-b/ })).toBeVisible();
});
