/**
 * Problems opening a lab: a lab file whose start network the playground would not import is
 * refused up front, with the path of the problem; every problem is said once, in the Labs
 * panel (not also as a toast), and goes away once another network is loaded.
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';

const labsRegion = (page: Page) => page.getByRole('region', { name: 'Labs' });

/** The peering lab with a malformed CIDR in its start network, as a file to choose. */
function badStartFile() {
  const lab = JSON.parse(readFileSync('static/labs/peering-and-flow-logs.json', 'utf8'));
  lab.start.Vpcs[0].CidrBlock = '10.0.0.0/99';
  return { name: 'bad-start.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(lab)) };
}

async function openApp(page: Page) {
  await page.goto('./');
  await expect(page.getByRole('heading', { name: 'VPC Lab' })).toBeVisible();
  await expect(page.getByText(/^Resources \(8\)$/)).toBeVisible(); // the seed network is in
}

test('Open lab file… refuses a lab whose start network is invalid, naming the path; the network stays', async ({ page }) => {
  await openApp(page);
  await page.getByRole('tab', { name: 'Labs' }).click();
  await page.getByLabel('Lab file').setInputFiles(badStartFile());
  const alert = labsRegion(page).getByRole('alert');
  await expect(alert).toContainText('bad-start.json is not a valid VPC Lab lab file:');
  await expect(alert).toContainText('start.Vpcs[0].CidrBlock: ');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(page.getByRole('heading', { name: /^Step 1 of/ })).toHaveCount(0);
  // Said once: no toast repeats it.
  await expect(page.getByText(/is not a valid VPC Lab lab file/)).toHaveCount(1);
  await expect(page.getByTestId('notice').filter({ hasText: 'not a valid VPC Lab lab file' })).toHaveCount(0);
  await expect(page.getByText(/^Resources \(8\)$/)).toBeVisible();
});

test('a lab error shows once, in the Labs panel brought to the front, and goes when another network is loaded', async ({ page }) => {
  await page.route('https://labs.example/**', (route) => route.fulfill({ status: 404, body: '', headers: { 'access-control-allow-origin': '*' } }));
  await page.goto('./?visit=missing#lab=https://labs.example/missing.json');
  await expect(page.getByRole('heading', { name: 'VPC Lab' })).toBeVisible();
  const alert = labsRegion(page).getByRole('alert');
  await expect(alert).toContainText('HTTP 404');
  await expect(page.getByRole('tab', { name: 'Labs' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByText(/answered HTTP 404/)).toHaveCount(1);
  await expect(page.getByTestId('notice').filter({ hasText: 'HTTP 404' })).toHaveCount(0);

  // Another network is loaded (a sample from the top bar): the old error no longer applies.
  const picker = page.getByLabel('Sample network');
  await picker.selectOption('empty');
  await page.getByRole('button', { name: 'Load', exact: true }).click();
  const ask = page.getByRole('dialog');
  if (await ask.count()) await ask.getByRole('button').last().click();
  await expect(picker).toHaveValue('empty');
  await expect(alert).toHaveCount(0);

  // The same after a refused lab file and an Import.
  await page.getByLabel('Lab file').setInputFiles(badStartFile());
  await expect(alert).toContainText('start.Vpcs[0].CidrBlock');
  await page.getByTestId('import-input').setInputFiles('static/samples/seed.json');
  await expect(page.getByTestId('notice')).toContainText('Imported');
  await expect(alert).toHaveCount(0);
});
