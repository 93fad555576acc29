import { expect, test } from '@playwright/test';

test('Launch instance: a private IP that is not an IPv4 address is refused as such, not as outside the subnet', async ({ page }) => {
  await page.goto('./');
  await expect(page.getByText(/^Resources \(8\)$/)).toBeVisible();
  await page.getByRole('button', { name: 'Create Instance' }).click();
  const d = page.getByRole('dialog', { name: 'Launch instance' });
  const ip = d.getByLabel(/^Private IPv4/);
  const launch = d.getByRole('button', { name: 'Launch', exact: true });

  await ip.fill('abc');
  await launch.click();
  await expect(d).toContainText('InvalidParameterValue: Value (abc) for parameter privateIpAddress is invalid: abc is not an IPv4 address (it needs four dot-separated numbers). Enter an address of 10.1.0.0/24, or leave it empty to auto-assign.');
  await expect(d).not.toContainText('does not fall within');

  await ip.fill('10.1.0.300');
  await launch.click();
  await expect(d).toContainText('10.1.0.300 is not an IPv4 address (300 is larger than 255).');

  // A well-formed address outside the subnet is still the range error.
  await ip.fill('10.9.0.20');
  await launch.click();
  await expect(d).toContainText('does not fall within the subnet');
  await page.screenshot({ path: '/tmp/vpc-lab-shell-instance-ip.png' });

  await ip.fill('10.1.0.20');
  await launch.click();
  await expect(d).toBeHidden();
  await expect(page.getByText(/^Resources \(9\)$/)).toBeVisible();
});
