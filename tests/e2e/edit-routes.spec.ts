import { expect, test, type Page } from '@playwright/test';
import { addRoute, expectStepComplete, run, selectRelated, selectResource, startLab } from './helpers.ts';

const shot = (page: Page, name: string) => page.screenshot({ path: `/tmp/vpc-lab-edit-${name}.png` });

const selected = (select: import('@playwright/test').Locator) => select.locator('option:checked');

test('NAT lab step 5: + Route offers to replace the 0.0.0.0/0 target (internet gateway → NAT gateway), one undoable edit', async ({ page }) => {
  await startLab(page, 'Private subnet through a NAT gateway');
  // Step 3: 0.0.0.0/0 → app-igw in private-rt.
  await selectRelated(page, /^subnet private-a/, /^private-rt/);
  await page.getByRole('button', { name: 'Create Route' }).click();
  const d = page.getByRole('dialog', { name: 'Add route' });
  await expect(d.getByLabel('Destination')).toHaveValue('0.0.0.0/0');
  await d.getByRole('button', { name: 'Add route' }).click();
  await expect(d).toBeHidden();
  // Step 4: a NAT gateway in public-a, without a route.
  await page.getByRole('button', { name: 'Create NAT gateway' }).click();
  const nd = page.getByRole('dialog', { name: 'Create NAT gateway' });
  await expect(nd.getByRole('status')).toContainText('already sends 0.0.0.0/0 to app-igw');
  await nd.getByLabel('Name tag').fill('nat-a');
  await nd.getByRole('combobox', { name: /^Add 0.0.0.0\/0/ }).selectOption('');
  await nd.getByRole('button', { name: 'Create', exact: true }).click();
  await expect(nd).toBeHidden();

  // Step 5, with nat-a selected: + Route proposes private-rt (not the NAT's own public-rt) and nat-a; the destination
  // exists, so the dialog shows old → new and replaces.
  await page.getByRole('button', { name: 'Create Route' }).click();
  await expect(selected(d.getByLabel('Route table'))).toHaveText(/^private-rt · rtb-\S+ \(main\) in app-vpc$/);
  await expect(selected(d.getByLabel('Target'))).toHaveText(/^nat-a · nat-/);
  await expect(d.getByTestId('route-replace')).toHaveText(/^0\.0\.0\.0\/0 is already in this table\. Replace its target: app-igw · igw-\S+ → nat-a · nat-\S+$/);
  await expect(d.getByRole('button', { name: 'Add route' })).toHaveCount(0);
  await shot(page, 'route-replace');
  await d.getByRole('button', { name: 'Replace route' }).click();
  await expect(d).toBeHidden();
  await expect(page.getByTestId('notice')).toContainText(/Replaced route 0\.0\.0\.0\/0 in private-rt · rtb-\S+: app-igw · igw-\S+ → nat-a/);

  await selectResource(page, /^instance app-1$/);
  await run(page, 'curl -I https://198.51.100.80/');
  await expect(page.getByTestId('verdict')).toHaveText('Reachable');
  await expectStepComplete(page, 5);

  // One undo step puts the internet gateway back as the target.
  await page.getByRole('button', { name: 'Undo', exact: true }).click();
  await run(page, 'curl -I https://198.51.100.80/');
  await expect(page.getByTestId('verdict')).toHaveText('Not reachable');
});

test("peering lab step 4: a route's Edit button changes its target from shared-b to b-c", async ({ page }) => {
  await startLab(page, 'Peering is not transitive');
  // Step 2: 10.30.0.0/16 → shared-b in team-b-rt.
  await addRoute(page, /^subnet team-b-a/, /^team-b-rt/, '10.30.0.0/16');
  // Step 3: b-c, requested and accepted.
  await selectResource(page, /^vpc team-b/);
  await page.getByRole('button', { name: 'Create Peering' }).click();
  const pd = page.getByRole('dialog', { name: 'Create peering connection' });
  await pd.getByLabel('Name tag').fill('b-c');
  await pd.getByRole('button', { name: 'Request' }).click();
  await expect(pd).toBeHidden();
  await selectResource(page, /^peering b-c/);
  await page.getByRole('button', { name: 'Accept peering' }).click();

  // Step 4: team-b-rt's routes, listed in the dialog; Edit puts 10.30.0.0/16 in the form and focuses the target.
  await selectRelated(page, /^subnet team-b-a/, /^team-b-rt/);
  await page.getByRole('button', { name: 'Create Route' }).click();
  const d = page.getByRole('dialog', { name: 'Add route' });
  const routes = d.getByRole('region', { name: /^Routes in team-b-rt/ });
  await expect(routes.getByRole('listitem')).toHaveText([/^10\.20\.0\.0\/16 → local/, /^10\.10\.0\.0\/16 → shared-b · pcx-/, /^10\.30\.0\.0\/16 → shared-b · pcx-/]);
  await expect(routes.getByRole('listitem').first()).toContainText('the local route cannot be removed');
  await expect(routes.getByRole('button', { name: 'Remove route 10.20.0.0/16' })).toHaveCount(0);
  await routes.getByRole('button', { name: 'Edit route 10.30.0.0/16' }).click();
  await expect(d.getByLabel('Destination')).toHaveValue('10.30.0.0/16');
  await expect(d.getByLabel('Target')).toBeFocused();
  await expect(d.getByRole('status')).toContainText('already routes to shared-b');
  const target = d.getByLabel('Target');
  await target.selectOption((await target.locator('option', { hasText: /^b-c · / }).getAttribute('value'))!);
  // Choosing the target does not move the destination the learner asked to edit.
  await expect(d.getByLabel('Destination')).toHaveValue('10.30.0.0/16');
  await expect(d.getByTestId('route-replace')).toContainText(/shared-b · pcx-\S+ → b-c · pcx-/);
  await shot(page, 'route-edit');
  await d.getByRole('button', { name: 'Replace route' }).click();
  await expect(d).toBeHidden();

  // And the way back from team-c.
  await selectRelated(page, /^subnet team-c-a/, /^team-c-rt/);
  await page.getByRole('button', { name: 'Create Route' }).click();
  await target.selectOption((await target.locator('option', { hasText: /^b-c · / }).getAttribute('value'))!);
  await expect(d.getByLabel('Destination')).toHaveValue('10.20.0.0/16');
  await d.getByRole('button', { name: 'Add route' }).click();
  await expect(d).toBeHidden();
  await expectStepComplete(page, 4);
});

test('a route is removed from the list in + Route (never the local route); Undo brings it back', async ({ page }) => {
  await page.goto('./');
  await expect(page.getByLabel('Instance to run commands from')).toContainText('web-a');
  await run(page, 'ping -c 1 internet');
  await expect(page.getByTestId('verdict')).toHaveText('Reachable');
  await selectResource(page, /^subnet public-a/);
  await page.getByRole('button', { name: 'Create Route' }).click();
  const d = page.getByRole('dialog', { name: 'Add route' });
  const routes = d.getByRole('region', { name: /^Routes in / });
  await expect(routes.getByRole('listitem')).toHaveCount(2);
  // Typing the local route's destination: the dialog says it cannot be replaced, and submitting says so too.
  await d.getByLabel('Destination').fill('10.1.0.0/16');
  await expect(d.getByRole('status')).toContainText('10.1.0.0/16 is the local route: it cannot be replaced or removed');
  await d.getByRole('button', { name: 'Add route' }).click();
  await expect(d.getByRole('alert')).toContainText('local route of the VPC: it cannot be replaced or removed');

  await routes.getByRole('button', { name: 'Remove route 0.0.0.0/0' }).click();
  await expect(routes.getByRole('listitem')).toHaveCount(1);
  await expect(d.getByRole('alert')).toHaveCount(0);
  // Focus stays in the list (the removed row's button is gone): on the list's title.
  await expect(routes.getByRole('heading')).toBeFocused();
  await shot(page, 'route-removed');
  await d.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByTestId('notice')).toContainText(/Removed route 0\.0\.0\.0\/0 → \S+/);
  await run(page, 'ping -c 1 internet');
  await expect(page.getByTestId('verdict')).toHaveText('Not reachable');
  await page.getByRole('button', { name: 'Undo', exact: true }).click();
  await run(page, 'ping -c 1 internet');
  await expect(page.getByTestId('verdict')).toHaveText('Reachable');
});
