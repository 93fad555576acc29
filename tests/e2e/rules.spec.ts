import { expect, test } from '@playwright/test';
import { run, selectResource } from './helpers.ts';

test('a network ACL entry added in the rule dialog blocks ping to the internet; undo restores it', async ({ page }) => {
  await page.goto('./');
  // The seed network arrives after first paint: the console needs its instances.
  await expect(page.getByText(/^Resources \(8\)$/)).toBeVisible();
  await run(page, 'ping -c 1 internet');
  await expect(page.getByTestId('verdict')).toHaveText('Reachable');

  await selectResource(page, /public-a/);
  await page.getByRole('button', { name: 'Create Rule' }).click();
  const d = page.getByRole('dialog', { name: 'Add rule' });
  await d.getByLabel('Kind').selectOption('acl');
  await d.getByLabel('Rule number').fill('90');
  await d.getByLabel('Action').selectOption({ label: 'deny' });
  await d.getByLabel('Direction').selectOption('egress');
  await d.getByLabel('Protocol').selectOption('icmp');
  await d.getByLabel('Destination CIDR').fill('0.0.0.0/0');
  await d.getByRole('button', { name: 'Add rule' }).click();
  await expect(d).toBeHidden();

  await run(page, 'ping -c 1 internet');
  await expect(page.getByTestId('verdict')).toHaveText('Not reachable');
  await expect(page.getByTestId('explanation-code').first()).toHaveText('SUBNET_ACL_RESTRICTION');
  await expect(page.locator('.explain')).toContainText('90');
  // The next entry's proposed number is a free one: 90 is taken outbound (AWS would refuse it), not inbound.
  await page.getByRole('button', { name: 'Create Rule' }).click();
  await d.getByLabel('Kind').selectOption('acl');
  await expect(d.getByLabel('Rule number')).toHaveValue('90');
  await d.getByLabel('Direction').selectOption('egress');
  await expect(d.getByLabel('Rule number')).toHaveValue('80');
  await d.getByRole('button', { name: 'Cancel' }).click();
  await expect(d).toBeHidden();
  await page.waitForTimeout(1200);
  await page.screenshot({ path: '/tmp/vpc-lab-nacl-deny.png' });

  await page.getByRole('button', { name: 'Undo', exact: true }).click();
  await run(page, 'ping -c 1 internet');
  await expect(page.getByTestId('verdict')).toHaveText('Reachable');
});

test('detaching an internet gateway blackholes its route; re-attaching brings the internet back', async ({ page }) => {
  await page.goto('./');
  await selectResource(page, /^igw IGW · igw-a/);
  await page.getByRole('button', { name: 'Detach' }).click();
  await expect(page.getByRole('navigation', { name: 'Resources' }).getByRole('button', { name: /IGW \(detached\)/ })).toBeVisible();
  await run(page, 'ping -c 1 internet');
  await expect(page.getByTestId('verdict')).toHaveText('Not reachable');
  await selectResource(page, /IGW \(detached\)/);
  await page.getByLabel('VPC to attach the internet gateway to').selectOption({ index: 0 });
  await page.getByRole('button', { name: 'Attach', exact: true }).click();
  await expect(page.getByTestId('notice')).toContainText('Attached');
  await page.screenshot({ path: '/tmp/vpc-lab-igw-reattached.png' });
});
