import { expect, test } from '@playwright/test';
import { createSubnet, createVpc, emptyWorkspace, selectResource } from './helpers.ts';

const selected = (select: import('@playwright/test').Locator) => select.locator('option:checked');

test('Resources list: route tables, ACLs, groups and flow logs under their VPC, by keyboard; pickers name the VPC', async ({ page }) => {
  await emptyWorkspace(page);
  await createVpc(page, 'vpc-a', '10.1.0.0/16');
  await createVpc(page, 'vpc-b', '10.2.0.0/16');
  await createSubnet(page, '10.2.0.0/24');

  const list = page.getByRole('navigation', { name: 'Resources' });
  await page.getByText(/^Resources \(/).click();
  // The summary still counts what the diagram draws: two VPCs and a subnet.
  await expect(page.getByText(/^Resources \(3\)$/)).toBeVisible();
  const groups = list.getByRole('button', { name: /^Route tables, network ACLs, security groups and flow logs \(3\)$/ });
  await expect(groups).toHaveCount(2);
  await expect(groups.first()).toHaveAttribute('aria-expanded', 'false');

  // Keyboard: focus vpc-a's group, open it, move to its route table, select it.
  await groups.first().focus();
  await page.keyboard.press('Enter');
  await expect(groups.first()).toHaveAttribute('aria-expanded', 'true');
  await expect(list.getByRole('button', { name: /^(route table|network acl|security group) / })).toHaveText([/^route table rtb-\S+ \(main\)$/, /^network acl acl-\S+ \(default\)$/, /^security group default$/]);
  await page.keyboard.press('Tab');
  await expect(list.getByRole('button', { name: /^route table / })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('tab', { name: /^rtb-/ })).toHaveAttribute('aria-selected', 'true');
  await expect(list.getByRole('button', { name: /^route table / })).toHaveAttribute('aria-current', 'true');
  // Its Related chips lead back to its VPC.
  await expect(page.getByLabel('Related resources').getByRole('button', { name: /^vpc-a \(vpc-/ })).toBeVisible();
  await list.getByRole('button', { name: /^route table / }).focus();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('tab', { name: /^default \(sg-/ })).toHaveAttribute('aria-selected', 'true');
  await page.screenshot({ path: '/tmp/vpc-lab-edit-resources.png' });

  // A part selected elsewhere (a Related chip of vpc-b's subnet) opens its VPC's group.
  await selectResource(page, /^subnet subnet-1/);
  await page.getByLabel('Related resources').getByRole('button', { name: /^rtb-/ }).click();
  await expect(groups.nth(1)).toHaveAttribute('aria-expanded', 'true');
  await expect(list.locator('button[aria-current="true"]')).toHaveText(/^route table rtb-\S+ \(main\)$/);

  // Pickers in a network built from scratch: every table, ACL and group option names its VPC.
  await selectResource(page, /^subnet subnet-1/);
  await page.getByRole('button', { name: 'Create Rule' }).click();
  const d = page.getByRole('dialog', { name: 'Add rule' });
  const sg = d.getByRole('combobox', { name: /^Security group/ });
  await expect(sg.locator('option')).toHaveText([/^default · sg-\S+ in vpc-a$/, /^default · sg-\S+ in vpc-b$/]);
  await expect(selected(sg)).toHaveText(/ in vpc-b$/);
  await d.getByLabel('Kind').selectOption('acl');
  const acl = d.getByRole('combobox', { name: /^Network ACL/ });
  await expect(acl.locator('option')).toHaveText([/^acl-\S+ \(default\) in vpc-a$/, /^acl-\S+ \(default\) in vpc-b$/]);
  await expect(selected(acl)).toHaveText(/ in vpc-b$/);
  await d.getByRole('button', { name: 'Cancel' }).click();
  await page.getByRole('button', { name: 'Create Route' }).click();
  const rd = page.getByRole('dialog', { name: 'Add route' });
  await expect(rd.getByLabel('Route table').locator('option')).toHaveText([/^rtb-\S+ \(main\) in vpc-a$/, /^rtb-\S+ \(main\) in vpc-b$/]);
  await expect(selected(rd.getByLabel('Route table'))).toHaveText(/ in vpc-b$/);
  await rd.getByRole('button', { name: 'Cancel' }).click();
});

test('a selected security group, network ACL or route table opens Delete with its rules, entries or routes to remove', async ({ page }) => {
  await page.goto('./');
  await expect(page.getByLabel('Instance to run commands from')).toContainText('web-a');
  await selectResource(page, /^instance web-a/);
  await page.getByLabel('Related resources').getByRole('button', { name: /^launch-wizard-1/ }).click();
  await page.getByRole('button', { name: /^Delete sg-/ }).click();
  const d = page.getByRole('dialog', { name: /^Delete launch-wizard-1 \(sg-\w+\)$/ });
  await expect(d).toContainText('DependencyViolation');
  const inbound = d.getByRole('region', { name: /^Inbound rules of launch-wizard-1/ });
  const before = await inbound.getByRole('listitem').count();
  await inbound.getByRole('button', { name: /^Remove inbound rule / }).first().click();
  await expect(inbound.getByRole('listitem')).toHaveCount(before - 1);
  await expect(d.getByRole('region', { name: /^Outbound rules of launch-wizard-1/ }).getByRole('listitem')).toHaveCount(1);
  await page.screenshot({ path: '/tmp/vpc-lab-edit-delete-sg.png' });
  await d.getByRole('button', { name: 'Cancel' }).click();

  // The main route table: AWS refuses to delete it.
  await selectResource(page, /^subnet public-a/);
  await page.getByLabel('Related resources').getByRole('button', { name: /^rtb-/ }).click();
  await page.getByRole('button', { name: /^Delete rtb-/ }).click();
  const rd = page.getByRole('dialog', { name: /^Delete rtb-/ });
  await expect(rd.getByRole('region', { name: /^Routes in / }).getByRole('listitem')).toHaveCount(2);
  await rd.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(rd.getByRole('alert')).toContainText('DependencyViolation');
  await rd.getByRole('button', { name: 'Cancel' }).click();
});
