import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { selectResource } from './helpers.ts';

const seed = JSON.parse(readFileSync('static/samples/seed.json', 'utf8'));
const vpcA = seed.Vpcs[0];

/** Replaces the editor's text by pasting (typing would trigger Monaco's auto-closing of brackets). */
async function replaceText(page: import('@playwright/test').Page, text: string) {
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await page.locator('.monaco-editor').first().click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('ControlOrMeta+V');
}

test('editor: broken JSON is marked and not applied; the last valid state stays in force; fixed text applies', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('./');
  await selectResource(page, /vpc-a/);
  const editor = page.locator('.monaco-editor').first();
  await expect(editor).toBeVisible({ timeout: 20_000 });
  await expect(page.locator('.view-lines')).toContainText('"VpcId"');
  await replaceText(page, '{ "Vpcs": [ { "VpcId": ');
  await expect(page.getByTestId('sim-state')).toContainText('last valid state', { timeout: 10_000 });
  await expect(page.locator('.squiggly-error').first()).toBeAttached();
  // The canvas and the engine still see vpc-a as it was.
  await selectResource(page, /vpc-a/);
  await page.screenshot({ path: '/tmp/vpc-lab-editor-invalid.png' });

  // An edit AWS would refuse (host bits set): a marker from the engine on the CidrBlock, still not applied.
  await replaceText(page, JSON.stringify({ Vpcs: [{ ...vpcA, CidrBlock: '10.1.0.5/16' }] }, null, 2));
  await expect(page.getByTestId('sim-state')).toContainText('error', { timeout: 10_000 });
  await page.keyboard.press('ControlOrMeta+Home');
  await expect(editor.locator('.squiggly-error').first()).toBeAttached();
  await page.screenshot({ path: '/tmp/vpc-lab-editor-engine-error.png' });

  // Valid text applies: the new name reaches the canvas's resource list.
  await replaceText(page, JSON.stringify({ Vpcs: [{ ...vpcA, Tags: [{ Key: 'Name', Value: 'vpc-renamed' }] }] }, null, 2));
  await expect(page.getByTestId('sim-state')).toHaveText('Simulation: current document', { timeout: 10_000 });
  await expect(page.getByRole('navigation', { name: 'Resources' }).getByRole('button', { name: /vpc-renamed/ })).toBeVisible();
  // And it is one undo step.
  await page.getByRole('button', { name: 'Undo', exact: true }).click();
  await expect(page.getByRole('navigation', { name: 'Resources' }).getByRole('button', { name: /vpc-a/ })).toBeVisible();
});

test('editor: completion offers the ids that exist', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('./');
  await selectResource(page, /public-a/);
  await page.getByRole('button', { name: /^rtb-/ }).click();
  await expect(page.locator('.monaco-editor').first()).toBeVisible({ timeout: 20_000 });
  await replaceText(page, '{ "RouteTables": [ { "Routes": [ { "GatewayId": "igw-');
  await page.keyboard.press('Control+Space');
  await expect(page.locator('.suggest-widget')).toContainText(seed.InternetGateways[0].InternetGatewayId);
  await page.screenshot({ path: '/tmp/vpc-lab-editor-completion.png' });
});

test('editor: Ctrl+Z first undoes typing that is not applied, then the workspace history', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('./');
  await selectResource(page, /vpc-a/);
  await expect(page.locator('.view-lines')).toContainText('"VpcId"', { timeout: 20_000 });
  // Valid text applies: one workspace edit.
  await replaceText(page, JSON.stringify({ Vpcs: [{ ...vpcA, Tags: [{ Key: 'Name', Value: 'vpc-renamed' }] }] }, null, 2));
  const resources = page.getByRole('navigation', { name: 'Resources' });
  await expect(resources.getByRole('button', { name: /vpc-renamed/ })).toBeVisible({ timeout: 10_000 });
  // Then typing that breaks the JSON: Ctrl+Z takes the typing back, not the rename.
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.type('zz');
  await expect(page.getByTestId('sim-state')).toContainText('last valid state', { timeout: 10_000 });
  await page.keyboard.press('ControlOrMeta+Z');
  await expect(page.getByTestId('sim-state')).toHaveText('Simulation: current document', { timeout: 10_000 });
  await expect(resources.getByRole('button', { name: /vpc-renamed/ })).toBeVisible();
  await expect(page.locator('.view-lines')).not.toContainText('zz');
  // With the text in force, Ctrl+Z undoes the rename itself.
  await page.keyboard.press('ControlOrMeta+Z');
  await expect(resources.getByRole('button', { name: /vpc-a/ })).toBeVisible();
});
