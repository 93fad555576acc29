import { expect, test, type Page } from '@playwright/test';
import { selectResource, startLab } from './helpers.ts';

test("peering lab step 5: Edit CIDRs → Remove legacy-d's secondary block, with AWS's refusals; Undo brings it back", async ({ page }) => {
  await startLab(page, 'Peering is not transitive');

  // A subnet in the secondary block first: AWS refuses to disassociate a block that holds one.
  await selectResource(page, /^vpc legacy-d/);
  await page.getByRole('button', { name: 'Create Subnet' }).click();
  const sd = page.getByRole('dialog', { name: 'Create subnet' });
  await sd.getByLabel('Name tag').fill('in-the-way');
  await sd.getByLabel('IPv4 CIDR block').fill('10.20.9.0/24');
  await sd.getByRole('button', { name: 'Create', exact: true }).click();
  await expect(sd).toBeHidden();

  await selectResource(page, /^vpc legacy-d/);
  await page.getByRole('button', { name: /^Delete vpc-/ }).click();
  const d = page.getByRole('dialog', { name: /^Delete legacy-d \(vpc-\w+\)$/ });
  const cidrs = d.getByRole('region', { name: /^IPv4 CIDRs of legacy-d/ });
  await expect(cidrs.getByRole('listitem')).toHaveText([/^10\.40\.0\.0\/16\s*primary: the block the VPC was created with cannot be removed\s*$/, /^10\.20\.0\.0\/16\s*holds in-the-way · subnet-\S+: delete it first/]);
  await expect(cidrs.getByRole('button', { name: 'Remove CIDR 10.40.0.0/16' })).toHaveCount(0);
  await cidrs.getByRole('button', { name: 'Remove CIDR 10.20.0.0/16' }).click();
  await expect(d.getByRole('alert')).toHaveText(/^InvalidCidrBlock\.InUse: The vpc vpc-\w+ currently has a subnet within CIDR block 10\.20\.0\.0\/16: subnet-\w+ \(10\.20\.9\.0\/24\)/);
  await page.screenshot({ path: '/tmp/vpc-lab-edit-cidr-in-use.png' });
  await d.getByRole('button', { name: 'Cancel' }).click();
  await page.getByRole('button', { name: 'Undo', exact: true }).click(); // the subnet goes

  await selectResource(page, /^vpc legacy-d/);
  await page.getByRole('button', { name: /^Delete vpc-/ }).click();
  await expect(cidrs.getByRole('listitem')).toHaveCount(2);
  await cidrs.getByRole('button', { name: 'Remove CIDR 10.20.0.0/16' }).click();
  await expect(cidrs.getByRole('listitem')).toHaveText([/^10\.40\.0\.0\/16/]);
  await expect(d.getByRole('alert')).toHaveCount(0);
  await page.screenshot({ path: '/tmp/vpc-lab-edit-cidr-removed.png' });
  await d.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByTestId('notice')).toContainText('Removed CIDR 10.20.0.0/16 from legacy-d');
  await page.getByRole('tab', { name: 'Labs' }).click();
  await expect(page.getByRole('navigation', { name: 'Lab steps' }).getByRole('button').nth(4)).toContainText('(complete)');
  // Its local route went with it.
  await selectResource(page, /^subnet legacy-d-a/);
  await page.getByRole('button', { name: 'Create Route' }).click();
  const rd = page.getByRole('dialog', { name: 'Add route' });
  await expect(rd.getByRole('region', { name: /^Routes in legacy-d-rt/ }).getByRole('listitem')).toHaveText([/^10\.40\.0\.0\/16 → local/]);
  await rd.getByRole('button', { name: 'Cancel' }).click();

  await page.getByRole('button', { name: 'Undo', exact: true }).click();
  await selectResource(page, /^vpc legacy-d/);
  await page.getByRole('button', { name: /^Delete vpc-/ }).click();
  await expect(cidrs.getByRole('listitem')).toHaveCount(2);
});
