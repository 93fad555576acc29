import { expect, test } from '@playwright/test';
import { run, selectResource } from './helpers.ts';

test('flow logs: S3 object keys as AWS names them, and a role the service cannot assume delivers nothing', async ({ page }) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.goto('./');
  // Two flow logs on vpc-a: one to S3, one to CloudWatch Logs (with the recommended role).
  await selectResource(page, /vpc-a/);
  await page.getByRole('button', { name: 'Create Flow log' }).click();
  let d = page.getByRole('dialog', { name: 'Create flow log' });
  await d.getByLabel('Destination').selectOption('s3');
  await d.getByLabel('S3 bucket ARN').fill('arn:aws:s3:::class-flow-logs/lab1');
  await d.getByRole('button', { name: 'Create', exact: true }).click();
  await selectResource(page, /vpc-a/);
  await page.getByRole('button', { name: 'Create Flow log' }).click();
  d = page.getByRole('dialog', { name: 'Create flow log' });
  await d.getByRole('button', { name: /Create role flowlogsRole/ }).click();
  await d.getByRole('button', { name: 'Create', exact: true }).click();

  // No peering yet: the request leaves web-a (an egress ACCEPT record) and is dropped by routing.
  await run(page, 'ping -c 3 10.2.0.10');
  await expect(page.getByTestId('verdict')).toHaveText('Not reachable');
  await page.getByRole('tab', { name: 'Flow logs' }).click();
  await expect(page.getByTestId('cw-raw')).toContainText('10.1.0.10 10.2.0.10 0 0 1 3 252');
  await page.getByRole('tab', { name: 'Amazon S3' }).click();
  await expect(page.locator('.files .key').first()).toHaveText(/^s3:\/\/class-flow-logs\/lab1\/AWSLogs\/123456789012\/vpcflowlogs\/us-east-1\/2026\/01\/01\/123456789012_vpcflowlogs_us-east-1_fl-\w+_20260101T0000Z_\w+\.log\.gz$/);
  await page.getByRole('button', { name: 'View', exact: true }).first().click();
  await expect(page.getByRole('button', { name: 'Hide', exact: true })).toBeVisible();
  await expect(page.locator('pre').filter({ hasText: 'version account-id interface-id' })).toBeVisible();
  await page.screenshot({ path: '/tmp/vpc-lab-flowlogs-s3-1920.png' });

  // Break the trust policy: vpc-flow-logs.amazonaws.com may no longer assume the role.
  await page.getByRole('tab', { name: 'IAM role' }).click();
  const text = await page.getByLabel('IAM role JSON').inputValue();
  await page.getByLabel('IAM role JSON').fill(text.replace('vpc-flow-logs.amazonaws.com', 'ec2.amazonaws.com'));
  await page.getByRole('button', { name: 'Save role' }).click();
  await expect(page.getByText('FAILED: Access error')).toBeVisible();
  await page.getByRole('button', { name: 'Clear records' }).click();
  await run(page, 'ping -c 1 10.2.0.10');
  await page.getByRole('tab', { name: 'Flow logs' }).click();
  await page.getByRole('tab', { name: 'CloudWatch Logs' }).click();
  await expect(page.getByText(/No CloudWatch Logs records yet/)).toBeVisible();
  await page.screenshot({ path: '/tmp/vpc-lab-flowlogs-denied-1920.png' });
});

test('flow logs: pings seconds apart are one record per flow and window; each connection leaves from a new ephemeral port', async ({ page }) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.goto('./');
  await selectResource(page, /vpc-a/);
  await page.getByRole('button', { name: 'Create Flow log' }).click();
  const d = page.getByRole('dialog', { name: 'Create flow log' });
  await d.getByRole('button', { name: /Create role flowlogsRole/ }).click();
  await d.getByRole('button', { name: 'Create', exact: true }).click();

  // Two pings within one 60 s window (the clock moves ~7 s and ~6 s): AWS writes one egress record, with 2 + 1 packets.
  await run(page, 'ping -c 2 10.2.0.10');
  await run(page, 'ping -c 1 10.2.0.10');
  await page.getByRole('tab', { name: 'Flow logs' }).click();
  const raw = page.getByTestId('cw-raw');
  await expect(raw).toContainText('10.1.0.10 10.2.0.10 0 0 1 3 252');
  await expect(raw).not.toContainText('10.1.0.10 10.2.0.10 0 0 1 2 168');

  // Two connections: two source ports, so two records.
  await run(page, 'nc 10.2.0.10 22');
  await run(page, 'nc 10.2.0.10 22');
  await page.getByRole('tab', { name: 'Flow logs' }).click();
  await expect(raw).toContainText('10.1.0.10 10.2.0.10 44321 22 6');
  await expect(raw).toContainText('10.1.0.10 10.2.0.10 44322 22 6');

  // A reload keeps the records and the simulated clock with the autosaved network.
  await page.reload();
  await expect(page.getByTestId('notice')).toContainText(/flow-log record\(s\)/);
  await page.getByRole('tab', { name: 'Flow logs' }).click();
  await expect(page.getByTestId('cw-raw')).toContainText('10.1.0.10 10.2.0.10 0 0 1 3 252');
  await expect(page.getByTestId('cw-raw')).toContainText('10.1.0.10 10.2.0.10 44322 22 6');
});

test('flow logs: a Nitro instance aggregates over 60 s even under a 10-minute flow log, so its records arrive 5 minutes after that window', async ({ page }) => {
  await page.goto('./');
  await selectResource(page, /vpc-a/);
  await page.getByRole('button', { name: 'Create Flow log' }).click();
  const d = page.getByRole('dialog', { name: 'Create flow log' });
  await d.getByLabel('Maximum aggregation interval').selectOption('600');
  await d.getByRole('button', { name: /Create role flowlogsRole/ }).click();
  await d.getByRole('button', { name: 'Create', exact: true }).click();
  await page.getByRole('tab', { name: 'Flow logs' }).click();
  await page.getByLabel('Instant delivery').uncheck();
  await run(page, 'ping -c 1 10.2.0.10');
  await page.getByRole('tab', { name: 'Flow logs' }).click(); // the ping opened Explain
  const clock = page.getByRole('group', { name: 'Simulated clock' });
  await expect(clock).toContainText('record(s) not delivered yet');
  // web-a is a t3 (Nitro): its window closes 60 s after the ping, CloudWatch Logs delivers ~300 s later.
  await clock.getByRole('button', { name: '+5 min' }).click();
  await expect(clock).toContainText('record(s) not delivered yet');
  await clock.getByRole('button', { name: '+1 min' }).click();
  await expect(clock).not.toContainText('not delivered yet');
});
