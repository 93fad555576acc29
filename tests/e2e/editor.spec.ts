import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { createVpc, selectResource } from './helpers.ts';

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

test('editor tabs: named by the Name tag (GroupName for security groups) with a short id; renamed by an edit; a removed resource takes its tab', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('./');
  const strip = page.getByRole('tablist', { name: 'Open resources' });
  await selectResource(page, /vpc-a/);
  const vpcTab = strip.getByRole('tab', { name: `vpc-a (${vpcA.VpcId})` });
  await expect(vpcTab).toHaveText(`vpc-a·${vpcA.VpcId.slice(0, 8)}…${vpcA.VpcId.slice(-4)}`);
  await expect(vpcTab).toHaveAttribute('title', `vpc-a · ${vpcA.VpcId}`);
  await expect(strip.getByRole('button', { name: `Close vpc-a (${vpcA.VpcId})` })).toBeVisible();

  // Many tabs: the VPC's security groups (GroupName, no Name tag), route table and NACL (unnamed: the whole id), the subnets and instances.
  const related = page.getByLabel('Related resources');
  await expect(related).toBeVisible();
  const chips = await related.getByRole('button').evaluateAll((bs) => bs.map((b) => b.getAttribute('aria-label')!));
  expect(chips).toContain(`default (${seed.SecurityGroups[0].GroupId})`); // chips are named as tabs are
  for (const name of chips) {
    await vpcTab.click();
    await related.getByRole('button', { name, exact: true }).click();
  }
  const sgs = seed.SecurityGroups.filter((g: { VpcId: string }) => g.VpcId === vpcA.VpcId);
  for (const g of sgs) await expect(strip.getByRole('tab', { name: `${g.GroupName} (${g.GroupId})` })).toBeAttached();
  const rtb = seed.RouteTables.find((r: { VpcId: string }) => r.VpcId === vpcA.VpcId).RouteTableId;
  await expect(strip.getByRole('tab', { name: rtb, exact: true })).toHaveText(rtb);
  for (const name of [/public-a/, /public-b/, /web-a/, /web-b/, /vpc-b/]) await selectResource(page, name);
  await page.waitForTimeout(400);
  await page.screenshot({ path: '/tmp/vpc-lab-editor-tabs-1280.png' });
  // The active tab is shown whole, inside the strip.
  const active = strip.locator('.tab.active');
  const [box, stripBox] = [await active.boundingBox(), await strip.boundingBox()];
  expect(box!.x).toBeGreaterThanOrEqual(stripBox!.x - 1);
  expect(box!.x + box!.width).toBeLessThanOrEqual(stripBox!.x + stripBox!.width + 1);
  expect(await active.locator('.name').evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);

  // A Name tag edited in the editor renames the tab (and its accessible name).
  await vpcTab.click();
  await expect(page.locator('.view-lines')).toContainText('"VpcId"', { timeout: 20_000 });
  await replaceText(page, JSON.stringify({ Vpcs: [{ ...vpcA, Tags: [{ Key: 'Name', Value: 'production-network-with-a-long-name' }] }] }, null, 2));
  const renamed = strip.getByRole('tab', { name: `production-network-with-a-long-name (${vpcA.VpcId})` });
  await expect(renamed).toBeVisible({ timeout: 10_000 });
  await expect(renamed).toHaveAttribute('title', `production-network-with-a-long-name · ${vpcA.VpcId}`);
  await page.screenshot({ path: '/tmp/vpc-lab-editor-tabs-renamed-1280.png' });

  // A resource that leaves the document (its creation undone) closes its tab, active or not.
  await createVpc(page, 'vpc-temp', '10.9.0.0/16');
  await selectResource(page, /vpc-temp/);
  await expect(strip.getByRole('tab', { name: /^vpc-temp / })).toBeVisible();
  // Now inactive, the long name is cut with an ellipsis; the whole of it is in the tooltip.
  await strip.evaluate((el) => (el.scrollLeft = 0));
  expect(await strip.locator(`[data-tab-id="${vpcA.VpcId}"] .name`).evaluate((el) => el.scrollWidth > el.clientWidth && getComputedStyle(el).textOverflow === 'ellipsis')).toBe(true);
  await page.screenshot({ path: '/tmp/vpc-lab-editor-tabs-inactive-1280.png' });
  await renamed.click();
  await page.getByRole('button', { name: 'Undo', exact: true }).click();
  await expect(strip.getByRole('tab', { name: /^vpc-temp / })).toHaveCount(0);
  await expect(renamed).toHaveAttribute('aria-selected', 'true');
});

test('editor tabs: one tab stop; arrows, Home and End move between tabs; Delete closes the focused tab', async ({ page }) => {
  await page.goto('./');
  const strip = page.getByRole('tablist', { name: 'Open resources' });
  for (const name of [/vpc-a/, /public-a/, /web-a/]) await selectResource(page, name);
  const tabs = strip.getByRole('tab');
  await expect(tabs).toHaveCount(3);
  // Only the active tab (the last opened) is in the Tab order.
  await expect(tabs.nth(2)).toHaveAttribute('tabindex', '0');
  await expect(tabs.nth(0)).toHaveAttribute('tabindex', '-1');
  await tabs.nth(2).focus();
  await page.keyboard.press('ArrowLeft');
  await expect(tabs.nth(1)).toHaveAttribute('aria-selected', 'true');
  await expect(tabs.nth(1)).toBeFocused();
  await page.keyboard.press('Home');
  await expect(tabs.nth(0)).toBeFocused();
  await page.keyboard.press('ArrowLeft'); // wraps round to the last
  await expect(tabs.nth(2)).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Delete');
  await expect(tabs).toHaveCount(2);
  await expect(strip.getByRole('tab', { selected: true })).toBeFocused();
});
