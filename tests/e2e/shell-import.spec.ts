import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { createVpc } from './helpers.ts';

const file = (name: string, text: string) => ({ name, mimeType: 'application/json', buffer: Buffer.from(text) });

test('Import refuses a JSON object that is not a network, and a lab file is pointed to Labs; the network stays', async ({ page }) => {
  await page.goto('./');
  await expect(page.getByText(/^Resources \(8\)$/)).toBeVisible(); // the seed network
  const notice = page.getByTestId('notice');

  await page.getByTestId('import-input').setInputFiles(file('hello.json', '{"hello":"world"}'));
  await expect(notice).toContainText('Not imported: hello.json is not aws ec2 describe-* output');
  await expect(notice).toContainText('Your network is unchanged.');
  await expect(page.getByText(/^Resources \(8\)$/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Undo', exact: true })).toBeDisabled(); // nothing was loaded

  await page.getByTestId('import-input').setInputFiles(file('sg-vs-nacl.json', readFileSync('static/labs/sg-vs-nacl.json', 'utf8')));
  await expect(notice).toContainText('sg-vs-nacl.json is a VPC Lab lab file');
  await expect(notice).toContainText('Labs → Open lab file…');
  await expect(page.getByText(/^Resources \(8\)$/)).toBeVisible();
  // The Labs panel is opened, with the button the message names.
  await expect(page.getByRole('tab', { name: 'Labs' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('button', { name: 'Open lab file…' })).toBeVisible();
  await page.screenshot({ path: '/tmp/vpc-lab-shell-import-lab.png' });
});

test('Load and Import ask before replacing work that is not an unchanged sample, as labs do; undo brings the work back', async ({ page }) => {
  await page.goto('./');
  await expect(page.getByText(/^Resources \(8\)$/)).toBeVisible();
  const picker = page.getByLabel('Sample network');
  const load = page.getByRole('button', { name: 'Load', exact: true });
  const ask = page.getByRole('dialog', { name: /^Load/ });

  // The unchanged seed is replaced without a question (it can be loaded again).
  await picker.selectOption('test-nat-gateway');
  await load.click();
  await expect(page.getByTestId('notice')).toContainText('Loaded');
  await expect(ask).toHaveCount(0);
  await picker.selectOption('seed');
  await load.click();
  await expect(page.getByText(/^Resources \(8\)$/)).toBeVisible();

  // Work of the learner's: Load asks; "Keep my work" keeps it, and the picker still says what is in force.
  await createVpc(page, 'my-work', '10.9.0.0/16');
  await expect(page.getByText(/^Resources \(9\)$/)).toBeVisible();
  await picker.selectOption('empty');
  await load.click();
  await expect(ask).toBeVisible();
  await expect(ask).toContainText('This replaces your current network (3 VPCs');
  await page.screenshot({ path: '/tmp/vpc-lab-shell-load-confirm.png' });
  await ask.getByRole('button', { name: 'Keep my work' }).click();
  await expect(ask).toHaveCount(0);
  await expect(page.getByTestId('notice')).toContainText('Not loaded: your network is unchanged.');
  await expect(page.getByText(/^Resources \(9\)$/)).toBeVisible();
  await expect(picker).toHaveValue('seed');

  // Confirmed: replaced, and one undo brings the work back.
  await picker.selectOption('empty');
  await load.click();
  await ask.getByRole('button', { name: 'Replace my network and load' }).click();
  await expect(picker).toHaveValue('empty');
  await expect(page.getByText(/^Resources \(9\)$/)).toHaveCount(0);
  await page.getByRole('button', { name: 'Undo', exact: true }).click();
  await expect(page.getByText(/^Resources \(9\)$/)).toBeVisible();

  // Import over that work asks too.
  const vpcs = JSON.stringify({ Vpcs: [{ VpcId: 'vpc-0123456789abcdef0', CidrBlock: '10.7.0.0/16', OwnerId: '123456789012' }] });
  await page.getByTestId('import-input').setInputFiles(file('one.json', vpcs));
  const importAsk = page.getByRole('dialog', { name: 'Import one.json?' });
  await importAsk.getByRole('button', { name: 'Keep my work' }).click();
  await expect(page.getByTestId('notice')).toContainText('Not imported: your network is unchanged.');
  await expect(page.getByText(/^Resources \(9\)$/)).toBeVisible();
  await page.getByTestId('import-input').setInputFiles(file('one.json', vpcs));
  await importAsk.getByRole('button', { name: 'Replace my network and import' }).click();
  await expect(page.getByTestId('notice')).toContainText('Imported 1 file(s): 1 VPC(s).');
  await page.getByRole('button', { name: 'Undo', exact: true }).click();
  await expect(page.getByText(/^Resources \(9\)$/)).toBeVisible();
});
