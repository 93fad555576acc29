import { expect, test, type Page } from '@playwright/test';
import { expectStepComplete, selectResource, startLab } from './helpers.ts';

const shot = (page: Page, name: string) => page.screenshot({ path: `/tmp/vpc-lab-edit-${name}.png` });

test('sg-vs-nacl lab: an en-dash port range and an empty rule number in + Rule; entries listed and removable', async ({ page }) => {
  await startLab(page, 'Security groups vs network ACLs');
  await selectResource(page, /^subnet web-public/);
  await page.getByRole('button', { name: 'Create Rule' }).click();
  const d = page.getByRole('dialog', { name: 'Add rule' });
  await d.getByLabel('Kind').selectOption('acl');
  await d.getByLabel('Direction').selectOption('egress');
  const entries = d.getByRole('region', { name: /^Outbound entries of web-nacl/ });
  await expect(entries.getByRole('listitem')).toHaveText([/^100 · TCP 80 · 0\.0\.0\.0\/0 · allow/, /^110 · TCP 443 /, /^\* · All traffic · 0\.0\.0\.0\/0 · deny/]);
  await expect(entries.getByRole('listitem').last()).toContainText('cannot be removed');
  await d.getByLabel('Protocol').selectOption('tcp');
  // As step 4 prints it: 1024–65535, with an en dash.
  await d.getByLabel('Port range').fill('1024–65535');
  await d.getByLabel('Destination CIDR').fill('0.0.0.0/0');
  await d.getByLabel('Rule number').fill('');
  await d.getByRole('button', { name: 'Add rule' }).click();
  await expect(d.getByRole('alert')).toHaveText(/^Rule number is required/);
  await d.getByLabel('Rule number').fill('130');
  await d.getByRole('button', { name: 'Add rule' }).click();
  await expect(d).toBeHidden();
  await expectStepComplete(page, 4);

  // The new entry is listed and can be removed; Undo puts it back.
  await page.getByRole('button', { name: 'Create Rule' }).click();
  await d.getByLabel('Kind').selectOption('acl');
  await d.getByLabel('Direction').selectOption('egress');
  await expect(entries.getByRole('listitem').nth(2)).toHaveText(/^130 · TCP 1024-65535 · 0\.0\.0\.0\/0 · allow/);
  await entries.getByRole('button', { name: 'Remove outbound entry 130' }).click();
  await expect(entries.getByRole('listitem')).toHaveCount(3);
  await expect(entries.getByRole('button', { name: 'Remove outbound entry 110' })).toBeFocused();
  await d.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByTestId('notice')).toContainText('Removed outbound entry 130 from web-nacl');
  await page.getByRole('button', { name: 'Undo', exact: true }).click();
  await page.getByRole('button', { name: 'Create Rule' }).click();
  await d.getByLabel('Kind').selectOption('acl');
  await d.getByLabel('Direction').selectOption('egress');
  await expect(entries.getByRole('button', { name: 'Remove outbound entry 130' })).toBeVisible();
  await d.getByRole('button', { name: 'Cancel' }).click();
});

test("sg-vs-nacl lab step 5: web-sg's allow-all outbound rule is removed in + Rule and HTTPS added", async ({ page }) => {
  await startLab(page, 'Security groups vs network ACLs');
  // Step 4 first (step 5 checks that customers still get answers): outbound replies to 1024–65535 in web-nacl.
  await selectResource(page, /^instance web-1$/);
  await page.getByRole('button', { name: 'Create Rule' }).click();
  const d = page.getByRole('dialog', { name: 'Add rule' });
  await d.getByLabel('Kind').selectOption('acl');
  await d.getByLabel('Direction').selectOption('egress');
  await d.getByLabel('Rule number').fill('130');
  await d.getByLabel('Protocol').selectOption('tcp');
  await d.getByLabel('Port range').fill('1024 – 65535');
  await d.getByLabel('Destination CIDR').fill('0.0.0.0/0');
  await d.getByRole('button', { name: 'Add rule' }).click();
  await expect(d).toBeHidden();

  await page.getByRole('button', { name: 'Create Rule' }).click();
  await expect(d.getByRole('combobox', { name: /^Security group/ }).locator('option:checked')).toHaveText(/^web-sg · sg-\S+ in shop-vpc$/);
  await d.getByLabel('Direction').selectOption('egress');
  const rules = d.getByRole('region', { name: /^Outbound rules of web-sg/ });
  await expect(rules.getByRole('listitem')).toHaveText([/^All traffic · 0\.0\.0\.0\/0/]);
  await rules.getByRole('button', { name: 'Remove outbound rule All traffic · 0.0.0.0/0' }).click();
  await expect(rules).toContainText('None: nothing gets out, except replies to allowed inbound traffic.');
  await d.getByLabel('Protocol').selectOption('tcp');
  await d.getByLabel('Port range').fill('443');
  await d.getByLabel('Destination CIDR').fill('0.0.0.0/0');
  await shot(page, 'sg-rules');
  await d.getByRole('button', { name: 'Add rule' }).click();
  await expect(d).toBeHidden();
  await expectStepComplete(page, 5);
  // Two undo steps: the HTTPS rule, then the removed one.
  await page.getByRole('button', { name: 'Undo', exact: true }).click();
  await page.getByRole('button', { name: 'Undo', exact: true }).click();
  await selectResource(page, /^instance web-1$/);
  await page.getByRole('button', { name: 'Create Rule' }).click();
  await d.getByLabel('Direction').selectOption('egress');
  await expect(rules.getByRole('listitem')).toHaveText([/^All traffic · 0\.0\.0\.0\/0/]);
});
