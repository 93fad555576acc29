import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { run, selectResource } from './helpers.ts';

test('import real describe-* files (Batfish test-vpc-peering) and trace across them', async ({ page }) => {
  await page.goto('./');
  const dir = 'static/samples/aws/test-vpc-peering/aws_configs';
  const files = readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => join(dir, f));
  await page.getByTestId('import-input').setInputFiles(files);
  await expect(page.getByTestId('notice')).toContainText(`Imported ${files.length} file(s)`);
  await selectResource(page, /VPC A/);
  await page.waitForTimeout(600);
  await page.screenshot({ path: '/tmp/vpc-lab-import.png' });
  await run(page, 'ping -c 1 192.168.100.1');
  await expect(page.getByTestId('verdict')).toBeVisible();
});

test('export downloads the document, and importing it back restores the network', async ({ page }) => {
  await page.goto('./');
  await expect(page.getByText(/^Resources \(8\)$/)).toBeVisible(); // the seed network is in
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export' }).click()]);
  expect(download.suggestedFilename()).toBe('vpc-lab-snapshot.json');
  const path = await download.path();
  const { readFileSync } = await import('node:fs');
  const doc = JSON.parse(readFileSync(path, 'utf8'));
  expect(doc.Vpcs).toHaveLength(2);
  await page.getByLabel('Sample network').selectOption('empty');
  await page.getByRole('button', { name: 'Load', exact: true }).click();
  await page.getByTestId('import-input').setInputFiles({ name: download.suggestedFilename(), mimeType: 'application/json', buffer: readFileSync(path) });
  await expect(page.getByTestId('notice')).toContainText('2 VPC(s)');
  await selectResource(page, /web-b/);
});

test('dropping describe-* files on the page imports them and shows the loader warnings', async ({ page }) => {
  await page.goto('./');
  const dir = 'static/samples/aws/test-vpc-peering';
  const { readFileSync } = await import('node:fs');
  const files = readdirSync(dir, { recursive: true }).map(String).filter((f) => f.endsWith('.json')).map((f) => ({ name: f.split('/').pop()!, text: readFileSync(join(dir, f), 'utf8') }));
  await page.evaluate((list) => {
    const dt = new DataTransfer();
    for (const f of list) dt.items.add(new File([f.text], f.name, { type: 'application/json' }));
    window.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, cancelable: true }));
    window.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, cancelable: true }));
  }, files);
  // The route to an absent gateway is a warning, as AWS tolerates it (the route acts as a blackhole).
  await expect(page.getByTestId('notice')).toContainText(`Imported ${files.length} file(s): 3 VPC(s). 1 warning(s)`);
  // The same warning stays listed under the top bar's Problems, with a link to its route table.
  await page.getByLabel('1 problem(s) in the document').click();
  await expect(page.getByRole('button', { name: /^open rtb-/ })).toBeVisible();
  await page.screenshot({ path: '/tmp/vpc-lab-problems.png' });
  await page.getByLabel('1 problem(s) in the document').click();
  await selectResource(page, /VPC A/);
});

test('a file AWS would refuse is not imported, and loading or importing is one undo step', async ({ page }) => {
  await page.goto('./');
  await expect(page.getByText(/^Resources \(8\)$/)).toBeVisible(); // the seed network
  await page.getByTestId('import-input').setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('{"Vpcs": "nope"}') });
  await expect(page.getByTestId('notice')).toContainText('Not imported');
  await expect(page.getByTestId('notice')).toContainText('$.Vpcs');
  await expect(page.getByText(/^Resources \(8\)$/)).toBeVisible(); // unchanged
  await page.getByLabel('Sample network').selectOption('empty');
  await page.getByRole('button', { name: 'Load', exact: true }).click();
  await expect(page.getByText(/^Resources \(8\)$/)).toHaveCount(0);
  await page.getByRole('button', { name: 'Undo', exact: true }).click();
  await expect(page.getByText(/^Resources \(8\)$/)).toBeVisible();
});
