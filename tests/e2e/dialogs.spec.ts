import { expect, test, type Page } from '@playwright/test';
import { run, selectRelated, selectResource, startLab } from './helpers.ts';

// The learner QA pass's screens: 1280×720 (the config's viewport).
const shot = (page: Page, name: string) => page.screenshot({ path: `/tmp/vpc-lab-dialogs-${name}.png` });

const selected = (select: import('@playwright/test').Locator) => select.locator('option:checked');

test('+ Rule: a subnet with a custom network ACL preselects that ACL, by name, and the entry lands there', async ({ page }) => {
  await startLab(page, 'Security groups vs network ACLs');
  await selectResource(page, /^subnet web-public/);
  await page.getByRole('button', { name: 'Create Rule' }).click();
  const d = page.getByRole('dialog', { name: 'Add rule' });
  await d.getByLabel('Kind').selectOption('acl');
  await expect(selected(d.getByRole('combobox', { name: /^Network ACL/ }))).toHaveText(/^web-nacl · acl-0082…/);
  await expect(d.getByRole('combobox', { name: /^Network ACL/ }).locator('option', { hasText: 'shop-vpc-default-nacl' })).toHaveText(/\(default\) in shop-vpc$/);
  await shot(page, 'rule-acl');
  await d.getByLabel('Rule number').fill('95');
  await d.getByLabel('Protocol').selectOption('icmp');
  await d.getByRole('button', { name: 'Add rule' }).click();
  await expect(d).toBeHidden();
  await expect(page.getByTestId('notice')).toContainText('entry 95 to web-nacl');

  // The selected instance's group, by name.
  await selectResource(page, /^instance /);
  await page.getByRole('button', { name: 'Create Rule' }).click();
  await expect(selected(d.getByRole('combobox', { name: /^Security group/ }))).toHaveText(/^web-sg · sg-/);
  await shot(page, 'rule-sg');
  await d.getByRole('button', { name: 'Cancel' }).click();
});

test("+ Route with another VPC's route table selected adds the route to that table; choices show names", async ({ page }) => {
  await startLab(page, 'Peering is not transitive');
  await selectRelated(page, /^subnet team-b-a/, /^team-b-rt/);
  await page.getByRole('button', { name: 'Create Route' }).click();
  const d = page.getByRole('dialog', { name: 'Add route' });
  await expect(selected(d.getByLabel('Route table'))).toHaveText(/^team-b-rt · rtb-07d6…f4ec \(main\) in team-b$/);
  await expect(selected(d.getByLabel('Target'))).toHaveText(/^shared-b · pcx-\S+, peering to shared-services \(active\)$/);
  await expect(d.getByLabel('Destination')).toHaveValue('10.10.0.0/16');
  await shot(page, 'route');
  await d.getByLabel('Destination').fill('10.10.9.0/24');
  await d.getByRole('button', { name: 'Add route' }).click();
  await expect(d).toBeHidden();
  await expect(page.getByTestId('notice')).toContainText('in team-b-rt');
  await expect(page.locator('.view-lines')).toContainText('10.10.9.0/24');

  // A peering connection selected: its requester's main table, and the peering itself as the target.
  await selectResource(page, /^peering shared-c/);
  await page.getByRole('button', { name: 'Create Route' }).click();
  await expect(selected(d.getByLabel('Route table'))).toHaveText(/^shared-rt · /);
  await expect(selected(d.getByLabel('Target'))).toHaveText(/^shared-c · pcx-\S+, peering to team-c /);
  await d.getByRole('button', { name: 'Cancel' }).click();
});

test('+ Peering takes a Name tag and proposes a VPC not yet peered; the toolbar stays one row, folding + buttons into More', async ({ page }) => {
  await startLab(page, 'Peering is not transitive');
  await selectResource(page, /^vpc team-b/);
  await page.getByRole('button', { name: 'Create Peering' }).click();
  const pd = page.getByRole('dialog', { name: 'Create peering connection' });
  await expect(selected(pd.getByLabel('Requester VPC'))).toHaveText(/^team-b · vpc-/);
  await expect(selected(pd.getByLabel('Accepter VPC'))).toHaveText(/^team-c · vpc-/);
  await pd.getByLabel('Name tag').fill('b-c');
  await shot(page, 'peering');
  await pd.getByRole('button', { name: 'Request' }).click();
  await expect(pd).toBeHidden();
  await expect(page.getByRole('navigation', { name: 'Resources' }).getByRole('button', { name: /^peering b-c/ })).toBeVisible();
  // The toolbar with a pending peering selected: one row, Accept / Reject / Delete / Fit all on it.
  const bar = page.getByRole('toolbar', { name: 'Create and change resources' });
  await expect(bar.getByRole('button', { name: 'Accept peering' })).toBeVisible();
  const rows = await bar.evaluate((el) => new Set([...el.querySelectorAll('button, select')].filter((b) => (b as HTMLElement).offsetParent).map((b) => Math.round(b.getBoundingClientRect().top))).size);
  await shot(page, 'toolbar-peering');
  expect(rows).toBe(1);
  // The "+" buttons that no longer fit are in the More menu; + Route there, with the peering selected, proposes the
  // requester's table and the peering itself.
  await expect(bar.getByRole('button', { name: 'Create Route' })).toBeHidden();
  await bar.getByRole('button', { name: /^More create buttons/ }).click();
  await expect(page.getByRole('menuitem', { name: 'Create Route' })).toBeFocused();
  await shot(page, 'toolbar-more');
  await page.getByRole('menuitem', { name: 'Create Route' }).click();
  const rd = page.getByRole('dialog', { name: 'Add route' });
  await expect(selected(rd.getByRole('combobox', { name: /^Route table/ }))).toHaveText(/^team-b-rt · /);
  await expect(selected(rd.getByRole('combobox', { name: /^Target/ }))).toHaveText(/^b-c · pcx-\S+, peering to team-c \(pending-acceptance\)$/);
  await expect(rd.getByLabel('Destination')).toHaveValue('10.30.0.0/16');
  await rd.getByRole('button', { name: 'Cancel' }).click();
  await expect(bar.getByRole('button', { name: /^More create buttons/ })).toBeFocused();
});

test('+ NAT takes a Name tag and proposes the selected route table', async ({ page }) => {
  await startLab(page, 'Private subnet through a NAT gateway');
  await selectRelated(page, /^subnet private-a/, /^private-rt/);
  await page.getByRole('button', { name: 'Create NAT gateway' }).click();
  const nd = page.getByRole('dialog', { name: 'Create NAT gateway' });
  await expect(selected(nd.getByRole('combobox', { name: /^Subnet/ }))).toHaveText(/^public-a · subnet-/);
  await expect(selected(nd.getByRole('combobox', { name: /^Add 0.0.0.0\/0/ }))).toHaveText(/^private-rt · rtb-/);
  await nd.getByLabel('Name tag').fill('nat-a');
  await shot(page, 'nat');
  await nd.getByRole('button', { name: 'Create', exact: true }).click();
  await expect(nd).toBeHidden();
  // The new gateway opens in the editor, its tab named by the Name tag.
  await expect(page.getByRole('tab', { name: /^nat-a \(nat-/ })).toBeVisible();
});

test('+ Flow log names its resources and stamps CreationTime from the simulated clock', async ({ page }) => {
  await page.goto('./');
  // The seed network loads after the first paint: wait for its instance before sending traffic.
  await expect(page.getByLabel('Instance to run commands from')).toContainText('web-a');
  await run(page, 'ping -c 1 internet'); // moves the simulated clock 6 s past 2026-01-01T00:00:00Z
  await expect(page.getByTestId('verdict')).toHaveText('Reachable');
  await selectResource(page, /^vpc vpc-b/);
  await page.getByRole('button', { name: 'Create Flow log' }).click();
  const d = page.getByRole('dialog', { name: 'Create flow log' });
  await expect(selected(d.getByLabel('Resource'))).toHaveText(/^vpc-b · vpc-0a10…0002 \(10\.\d+\.0\.0\/16\)$/);
  await d.getByLabel('Destination').selectOption('s3');
  await shot(page, 'flowlog');
  await d.getByRole('button', { name: 'Create', exact: true }).click();
  await expect(d).toBeHidden();
  await expect(page.locator('.view-lines')).toContainText(/"CreationTime":\s*"2026-01-01T00:00:06\+00:00"/);
});

test('the other dialogs at 1280×720, and the simulation banner keeps its whole text in a tooltip', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('./');
  await selectResource(page, /^subnet public-b/);
  for (const [button, dialog, name] of [['Create VPC', 'Create VPC', 'vpc'], ['Create Subnet', 'Create subnet', 'subnet'], ['Create Instance', 'Launch instance', 'instance'], ['Create Internet gateway', 'Create internet gateway', 'igw']] as const) {
    await page.getByRole('button', { name: button }).click();
    const d = page.getByRole('dialog', { name: dialog });
    await expect(d).toBeVisible();
    if (name === 'subnet' || name === 'igw') await expect(d.getByRole('combobox').filter({ has: page.locator('option:checked', { hasText: /^vpc-b · / }) })).toHaveCount(1);
    if (name === 'instance') await expect(selected(d.getByLabel('Subnet'))).toHaveText(/^public-b · subnet-/);
    await shot(page, name);
    await d.getByRole('button', { name: 'Cancel' }).click();
    await expect(d).toBeHidden();
  }

  // Broken JSON in a route table's tab: the banner names the table and keeps the whole message in its tooltip, inside the bar.
  await selectRelated(page, /^subnet public-b/, /^rtb-/);
  await expect(page.locator('.view-lines')).toContainText('"RouteTableId"');
  await page.evaluate(() => navigator.clipboard.writeText('{ "RouteTables": [ { "RouteTableId": '));
  await page.locator('.monaco-editor').first().click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('ControlOrMeta+V');
  const sim = page.getByTestId('sim-state');
  await expect(sim).toContainText('last valid state');
  await expect(sim).toHaveAttribute('title', /^Simulating the last valid state: rtb-0f600000000000002/);
  const box = (await sim.boundingBox())!;
  expect(box.x + box.width).toBeLessThanOrEqual(1280);
  expect(box.y + box.height).toBeLessThanOrEqual(48);
  await page.locator('header.topbar').screenshot({ path: '/tmp/vpc-lab-dialogs-topbar-stale.png' });
  await shot(page, 'topbar-stale');
});
