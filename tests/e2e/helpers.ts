import { expect, type Page } from '@playwright/test';

/** Starts from an empty workspace (the first visit loads the seed network). */
export async function emptyWorkspace(page: Page): Promise<void> {
  await page.goto('./');
  await expect(page.getByRole('heading', { name: 'VPC Lab' })).toBeVisible();
  // The picker's choice follows the network in force: when the sample list or the seed network
  // arrives between choosing and clicking Load, the choice is reset. Choose again until the
  // empty workspace is the one in force.
  const picker = page.getByLabel('Sample network');
  await expect(async () => {
    await picker.selectOption('empty');
    await page.getByRole('button', { name: 'Load', exact: true }).click();
    await expect(picker).toHaveValue('empty', { timeout: 1000 });
  }).toPass({ timeout: 20_000 });
}

export async function createVpc(page: Page, name: string, cidr: string): Promise<void> {
  await page.getByRole('button', { name: 'Create VPC' }).click();
  const d = page.getByRole('dialog', { name: 'Create VPC' });
  await d.getByLabel('Name tag').fill(name);
  await d.getByLabel('IPv4 CIDR block').fill(cidr);
  await d.getByRole('button', { name: 'Create', exact: true }).click();
  await expect(d).toBeHidden();
}

export async function createSubnet(page: Page, expectCidr: string): Promise<void> {
  await page.getByRole('button', { name: 'Create Subnet' }).click();
  const d = page.getByRole('dialog', { name: 'Create subnet' });
  await expect(d.getByLabel('IPv4 CIDR block')).toHaveValue(expectCidr);
  await d.getByRole('button', { name: 'Create', exact: true }).click();
  await expect(d).toBeHidden();
}

export async function launchInstance(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name: 'Create Instance' }).click();
  const d = page.getByRole('dialog', { name: 'Launch instance' });
  await d.getByLabel('Name tag').fill(name);
  await d.getByRole('button', { name: 'Launch', exact: true }).click();
  await expect(d).toBeHidden();
}

export async function selectResource(page: Page, text: RegExp): Promise<void> {
  const list = page.locator('details.list');
  if (!(await list.evaluate((el) => (el as HTMLDetailsElement).open))) await list.locator('summary').click();
  await page.getByRole('navigation', { name: 'Resources' }).getByRole('button', { name: text }).click();
}

export async function run(page: Page, command: string): Promise<void> {
  const input = page.getByLabel('Console command');
  await input.fill(command);
  await input.press('Enter');
}

export const consoleOut = (page: Page) => page.getByTestId('console-output');

/** Replaces the Logs Insights editor's text (Monaco closes brackets and quotes as they are typed over). */
export async function typeQuery(page: Page, query: string): Promise<void> {
  const editor = page.getByTestId('insights-editor');
  await editor.locator('.view-lines').click();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  await page.keyboard.type(query);
  await page.keyboard.press('Escape'); // close any completion list
  // The editor wraps long lines; rendered spaces are non-breaking.
  await expect.poll(async () => (await editor.locator('.view-lines').innerText()).replace(/\n/g, '').replace(/\u00a0/g, ' ')).toBe(query);
}

/** Opens the site and starts a built-in lab, replacing the network when the app asks first; waits for step 1. */
export async function startLab(page: Page, title: string): Promise<void> {
  await page.goto('./');
  await expect(page.getByRole('heading', { name: 'VPC Lab' })).toBeVisible();
  await page.getByRole('tab', { name: 'Labs' }).click();
  await page.getByRole('button', { name: `Start lab ${title}` }).click();
  // Replacing work (the seed network, an earlier lab) asks first.
  const confirm = page.getByRole('dialog', { name: /Start the lab/ });
  const step = page.getByRole('heading', { name: /Step 1 of/ });
  await expect(confirm.or(step)).toBeVisible();
  if (await confirm.isVisible()) await confirm.getByRole('button', { name: 'Replace my network and start' }).click();
  await expect(step).toBeVisible();
}

/** Selects a resource the canvas does not draw (a route table, an ACL) through the editor's Related chips of one it does. */
export async function selectRelated(page: Page, from: RegExp, name: RegExp): Promise<void> {
  await selectResource(page, from);
  await page.getByLabel('Related resources').getByRole('button', { name }).click();
}

/** Lab step n (from 1) is ticked in the Labs panel's step list. */
export async function expectStepComplete(page: Page, n: number): Promise<void> {
  await page.getByRole('tab', { name: 'Labs' }).click();
  await expect(page.getByRole('navigation', { name: 'Lab steps' }).getByRole('button').nth(n - 1)).toContainText('(complete)');
}

/** Adds a route through + Route to the route table reached from a subnet's Related chips (the dialog proposes the target). */
export async function addRoute(page: Page, subnet: RegExp, table: RegExp, destination: string): Promise<void> {
  await selectRelated(page, subnet, table);
  await page.getByRole('button', { name: 'Create Route' }).click();
  const d = page.getByRole('dialog', { name: 'Add route' });
  await d.getByLabel('Destination').fill(destination);
  await d.getByRole('button', { name: 'Add route' }).click();
  await expect(d).toBeHidden();
}
