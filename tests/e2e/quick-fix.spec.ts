import { expect, test, type Page } from '@playwright/test';
import { consoleOut, run, selectResource } from './helpers.ts';

/** Opens a subnet's route table in the editor and applies the quick fix whose title matches. */
async function quickFixRouteTable(page: Page, subnet: RegExp, routeTable: string, title: RegExp): Promise<void> {
  await selectResource(page, subnet);
  await page.getByRole('button', { name: routeTable }).first().click();
  const editor = page.locator('.monaco-editor').first();
  await expect(editor).toBeVisible({ timeout: 20_000 });
  await editor.locator('.view-lines').click();
  await page.keyboard.press('ControlOrMeta+.');
  await page.locator('.action-widget').getByText(title).first().click();
  // The fix replaces the tab's JSON, which applies after the editor's pause in typing.
  await expect(page.getByTestId('notice')).toContainText(`Edited ${routeTable} in the editor`, { timeout: 10_000 });
  await expect(page.getByTestId('sim-state')).toHaveText('Simulation: current document', { timeout: 10_000 });
}

test("editor quick fix: the engine's route fix, offered on the route table that lacks it", async ({ page }) => {
  await page.goto('./');
  await page.getByRole('button', { name: 'Create Peering' }).click();
  const pd = page.getByRole('dialog', { name: 'Create peering connection' });
  await pd.getByLabel('Requester VPC').selectOption({ index: 0 });
  await pd.getByLabel('Accepter VPC').selectOption({ index: 1 });
  await pd.getByRole('button', { name: 'Request' }).click();
  await page.getByRole('button', { name: 'Accept peering' }).click();
  await expect(page.getByTestId('notice')).toContainText('active');

  // The seed's tables send 0.0.0.0/0 to their internet gateways, which drop private destinations.
  await page.getByLabel('Instance to run commands from').selectOption({ index: 0 });
  await run(page, 'ping -c 2 10.2.0.10');
  await expect(page.getByTestId('explanation-code').first()).toHaveText('IGW_DESTINATION_ADDRESS_NOT_IN_RFC1918_EGRESS');
  await quickFixRouteTable(page, /public-a/, 'rtb-0f600000000000001', /Add a route 10\.2\.0\.0\/16/);

  // The request now crosses the peering; the reply still leaves vpc-b by its internet gateway.
  await run(page, 'ping -c 2 10.2.0.10');
  await expect(page.getByTestId('explanation-code').first()).toHaveText('IGW_DESTINATION_ADDRESS_NOT_IN_RFC1918_EGRESS');
  await expect(page.locator('.why li').first()).toContainText('return · egress');
  await quickFixRouteTable(page, /public-b/, 'rtb-0f600000000000002', /Add a route 10\.1\.0\.0\/16/);

  await run(page, 'ping -c 2 10.2.0.10');
  await expect(consoleOut(page)).toContainText('2 received, 0% packet loss');
  await expect(page.getByTestId('verdict')).toHaveText('Reachable');
  // Each fix was one edit: undo takes the last one back.
  await page.getByRole('button', { name: 'Undo', exact: true }).click();
  await run(page, 'ping -c 2 10.2.0.10');
  await expect(page.getByTestId('verdict')).toHaveText('Not reachable');
});
