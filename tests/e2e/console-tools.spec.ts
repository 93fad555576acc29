// The traffic console's tools as a learner types them: scp, curl with https:// and flags, and
// traceroute's help and header agreeing with the flow-log record the probe writes.
import { expect, test, type Page } from '@playwright/test';
import { consoleOut, run, selectResource } from './helpers.ts';

async function startLab(page: Page, title: string): Promise<void> {
  await page.setViewportSize({ width: 1600, height: 1000 });
  await page.goto('./');
  await expect(page.getByRole('heading', { name: 'VPC Lab' })).toBeVisible();
  await page.getByRole('tab', { name: 'Labs' }).click();
  await page.getByRole('button', { name: `Start lab ${title}` }).click();
  await page.getByRole('dialog', { name: /Start the lab/ }).getByRole('button', { name: 'Replace my network and start' }).click();
  await expect(page.getByRole('heading', { name: /Step 1 of/ })).toBeVisible();
}

/** Applies step n's solution and waits for the card to move on (checks run 150 ms after a change). */
async function solve(page: Page, n: number, total: number): Promise<void> {
  await expect(page.getByRole('heading', { name: new RegExp(`Step ${n} of ${total}`) })).toBeVisible();
  await page.getByRole('button', { name: 'Show solution' }).click();
  await expect(page.getByRole('heading', { name: new RegExp(`Step ${n} of ${total}`) })).toHaveCount(0);
}

test('scp copies a file over TCP 22; curl -I https:// connects to port 443', async ({ page }) => {
  await startLab(page, 'Security groups vs network ACLs');
  await selectResource(page, /^instance web-1$/);
  // web-1 → the mirror over HTTPS: the NACL drops the reply (the lab's step 6), so curl times out on 443.
  await run(page, 'curl -I https://198.51.100.80/');
  await expect(consoleOut(page)).toContainText('curl: (28) Failed to connect to 198.51.100.80 port 443');
  await expect(consoleOut(page)).not.toContainText('rejected');
  await run(page, 'curl -sv http://198.51.100.80/');
  await expect(consoleOut(page)).toContainText('*   Trying 198.51.100.80:80...');
  await run(page, 'scp report.csv 198.51.100.80:');
  await expect(consoleOut(page)).toContainText('ssh: connect to host 198.51.100.80 port 22: Connection timed out');
  await expect(consoleOut(page)).not.toContainText('command not found');
});

test('scp that gets through prints its progress line and logs kilobytes on port 22', async ({ page }) => {
  await startLab(page, 'VPC peering and flow logs');
  // Solutions and traffic up to the routes (steps 1-6), then the copy.
  await solve(page, 1, 8);
  await solve(page, 2, 8);
  await page.getByRole('button', { name: "Send this step's traffic" }).click();
  await expect(page.getByRole('heading', { name: /Step 4 of 8/ })).toBeVisible();
  for (const n of [4, 5, 6]) await solve(page, n, 8);
  await expect(page.getByTestId('lab-progress')).toHaveText('6 of 8 steps complete');
  await selectResource(page, /^instance web-1$/);
  await run(page, 'scp report.csv ec2-user@web-2:/tmp/');
  await expect(consoleOut(page)).toContainText(/report\.csv\s+100%\s+2400\s+[\d.]+KB\/s\s+00:24/);
  await expect(page.getByTestId('verdict')).toHaveText('Reachable');
  await page.getByRole('tab', { name: 'Flow logs' }).click();
  // web-1 → web-2:22, 24 data segments plus the handshake and close: 3,864 bytes in one record.
  await expect(page.getByTestId('cw-raw')).toContainText(/10\.1\.1\.10 10\.2\.1\.20 \d+ 22 6 \d+ 3864 /);
});

test('traceroute: help and header say what the probe sends, as its flow-log record shows', async ({ page }) => {
  await startLab(page, 'VPC peering and flow logs');
  await solve(page, 1, 8);
  await solve(page, 2, 8);
  await selectResource(page, /^instance web-1$/);
  await run(page, 'help');
  await expect(consoleOut(page)).toContainText('3 UDP probes to port 33434, from an ephemeral port');
  await expect(consoleOut(page)).not.toContainText('from port 33434');
  await run(page, 'traceroute 10.2.1.20');
  await expect(consoleOut(page)).toContainText('traceroute to 10.2.1.20 (10.2.1.20), 30 hops max, 92 byte packets');
  await page.getByRole('tab', { name: 'Flow logs' }).click();
  // 3 probes of 92 bytes = 276 bytes, to port 33434.
  await expect(page.getByTestId('cw-raw')).toContainText(/10\.1\.1\.10 10\.2\.1\.20 \d+ 33434 17 3 276 /);
});
