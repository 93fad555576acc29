import { expect, test } from '@playwright/test';
import { createVpc, emptyWorkspace, selectResource } from './helpers.ts';

test('cross-account peering: only the accepter account can accept', async ({ page }) => {
  await emptyWorkspace(page);
  await createVpc(page, 'vpc-mine', '10.1.0.0/16');
  await page.getByRole('button', { name: 'Create VPC' }).click();
  const d = page.getByRole('dialog', { name: 'Create VPC' });
  await d.getByLabel('Name tag').fill('vpc-partner');
  await d.getByLabel('IPv4 CIDR block').fill('10.2.0.0/16');
  await d.getByLabel('Owner account').fill('210987654321');
  await d.getByLabel('Region').selectOption('eu-west-1');
  await d.getByRole('button', { name: 'Create', exact: true }).click();

  await page.getByRole('button', { name: 'Create Peering' }).click();
  const pd = page.getByRole('dialog', { name: 'Create peering connection' });
  await pd.getByLabel('Requester VPC').selectOption({ index: 0 });
  await pd.getByLabel('Accepter VPC').selectOption({ index: 1 });
  await expect(pd).toContainText('only account 210987654321 can accept');
  await expect(pd).toContainText('Inter-region');
  await pd.getByRole('button', { name: 'Request' }).click();

  await selectResource(page, /peering pcx-/);
  await page.getByLabel('Act as').selectOption('123456789012');
  await page.getByRole('button', { name: 'Accept peering' }).click();
  await expect(page.getByTestId('notice')).toContainText('only the accepter VPC\'s owner (210987654321)');
  await page.getByLabel('Act as').selectOption('210987654321');
  await page.getByRole('button', { name: 'Accept peering' }).click();
  await expect(page.getByTestId('notice')).toContainText('active');
  await page.screenshot({ path: '/tmp/vpc-lab-cross-account.png' });
});
