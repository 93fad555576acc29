import { expect, test } from '@playwright/test';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createVpc, run } from './helpers.ts';

test('every shipped sample loads without an error and draws', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.goto('./');
  const options = await page.getByLabel('Sample network').locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
  for (const id of options.filter((o) => o !== 'empty' && o !== '')) {
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

test('the sample picker shows what is in force: a sample, an import, a lab; undo brings back each one; the same sample loads again', async ({ page }) => {
  await page.goto('./');
  const picker = page.getByLabel('Sample network');
  const load = page.getByRole('button', { name: 'Load', exact: true });
  await expect(page.getByText(/^Resources \(8\)$/)).toBeVisible(); // the seed network
  await expect(picker).toHaveValue('seed');

  // Choosing the sample already in force and pressing Load loads it again (work since is dropped,
  // after a confirmation, as starting a lab asks).
  await createVpc(page, 'vpc-extra', '10.9.0.0/16');
  await expect(page.getByText(/^Resources \(9\)$/)).toBeVisible();
  await picker.selectOption('seed');
  await load.click();
  await page.getByRole('dialog', { name: /^Load the sample/ }).getByRole('button', { name: 'Replace my network and load' }).click();
  await expect(page.getByText(/^Resources \(8\)$/)).toBeVisible();
  await expect(picker).toHaveValue('seed');

  // An import: the picker no longer claims the seed.
  const dir = 'static/samples/aws/test-vpc-peering/aws_configs';
  const files = readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => join(dir, f));
  await page.getByTestId('import-input').setInputFiles(files);
  await expect(page.getByTestId('notice')).toContainText(`Imported ${files.length} file(s)`);
  await expect(picker).toHaveValue('');
  await expect(picker.locator('option:checked')).toHaveText(`Imported: ${files.length} files`);
  await expect(load).toBeDisabled();
  await page.screenshot({ path: '/tmp/vpc-lab-picker-imported.png', clip: { x: 0, y: 0, width: 1280, height: 60 } });

  // Another sample over it (the import is work: Load asks), then undo: back past the sample load, to the import; redo: the sample.
  await picker.selectOption('test-nat-gateway');
  await load.click();
  await page.getByRole('dialog', { name: /^Load the sample/ }).getByRole('button', { name: 'Replace my network and load' }).click();
  await expect(page.getByTestId('notice')).toContainText('Loaded');
  await expect(picker).toHaveValue('test-nat-gateway');
  await page.getByRole('button', { name: 'Undo', exact: true }).click();
  await expect(picker).toHaveValue('');
  await expect(picker.locator('option:checked')).toHaveText(/^Imported/);
  await page.getByRole('button', { name: 'Undo', exact: true }).click();
  await expect(picker).toHaveValue('seed');
  await page.getByRole('button', { name: 'Redo', exact: true }).click();
  await page.getByRole('button', { name: 'Redo', exact: true }).click();
  await expect(picker).toHaveValue('test-nat-gateway');

  // A lab: its start network is not the sample.
  await page.getByRole('tab', { name: 'Labs' }).click();
  await page.getByRole('button', { name: 'Start lab VPC peering and flow logs' }).click();
  await page.getByRole('dialog', { name: /Start the lab/ }).getByRole('button', { name: 'Replace my network and start' }).click();
  await expect(page.getByRole('heading', { name: /Step 1 of 8/ })).toBeVisible();
  await expect(picker).toHaveValue('');
  await expect(picker.locator('option:checked')).toHaveText('Lab: VPC peering and flow logs');
  await expect(picker).toHaveAttribute('title', 'Lab: VPC peering and flow logs');
  await page.screenshot({ path: '/tmp/vpc-lab-picker-lab.png', clip: { x: 0, y: 0, width: 1280, height: 60 } });
  // And from there a sample is one choice (and a confirmation) away.
  await picker.selectOption('seed');
  await load.click();
  await page.getByRole('dialog', { name: /^Load the sample/ }).getByRole('button', { name: 'Replace my network and load' }).click();
  await expect(page.getByText(/^Resources \(8\)$/)).toBeVisible();
  await expect(picker).toHaveValue('seed');
});
