import { expect, test } from '@playwright/test';
import { consoleOut, createSubnet, createVpc, emptyWorkspace, launchInstance, run, selectResource } from './helpers.ts';

test('the seed story: two VPCs, a flow log, a failed ping explained, peering + routes, a successful ping logged', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => { errors.push(e.message); console.log('PAGEERROR', e.message, e.stack); });
  await emptyWorkspace(page);

  await createVpc(page, 'vpc-a', '10.1.0.0/16');
  await createSubnet(page, '10.1.0.0/24');
  await launchInstance(page, 'web-a');
  await createVpc(page, 'vpc-b', '10.2.0.0/16');
  await createSubnet(page, '10.2.0.0/24');
  await launchInstance(page, 'web-b');

  // A flow log on vpc-a to CloudWatch Logs, with the role AWS recommends.
  await selectResource(page, /vpc-a/);
  await page.getByRole('button', { name: 'Create Flow log' }).click();
  const fl = page.getByRole('dialog', { name: 'Create flow log' });
  await fl.getByRole('button', { name: /Create role flowlogsRole/ }).click();
  await expect(fl.getByLabel('IAM role')).not.toHaveValue('');
  await fl.getByRole('button', { name: 'Create', exact: true }).click();
  await expect(fl).toBeHidden();

  await page.getByLabel('Instance to run commands from').selectOption({ index: 0 });
  await run(page, 'ping -c 2 10.2.0.4');
  await expect(consoleOut(page)).toContainText('100% packet loss');
  await expect(page.getByTestId('verdict')).toHaveText('Not reachable');
  await expect(page.getByTestId('explanation-code').first()).toHaveText('NO_ROUTE_TO_DESTINATION');
  await page.waitForTimeout(1500); // the path animation
  await page.screenshot({ path: '/tmp/vpc-lab-story-noroute.png' });

  // Peering: request from vpc-a to vpc-b, then accept it.
  await page.getByRole('button', { name: 'Create Peering' }).click();
  const pd = page.getByRole('dialog', { name: 'Create peering connection' });
  await pd.getByLabel('Requester VPC').selectOption({ index: 0 });
  await pd.getByLabel('Accepter VPC').selectOption({ index: 1 });
  await pd.getByRole('button', { name: 'Request' }).click();
  await expect(pd).toBeHidden();
  await page.getByRole('button', { name: 'Accept peering' }).click();
  await expect(page.getByTestId('notice')).toContainText('active');

  // Route on vpc-a's side through the dialog.
  await selectResource(page, /subnet-1/);
  await page.getByRole('button', { name: 'Create Route' }).click();
  const rd = page.getByRole('dialog', { name: 'Add route' });
  await expect(rd.getByLabel('Destination')).toHaveValue('10.2.0.0/16');
  await rd.getByRole('button', { name: 'Add route' }).click();
  await expect(rd).toBeHidden();

  // The route changes what the first ping's trace showed: Explain says it is out of date and the
  // canvas no longer draws its path (before, both kept showing the drop at the route table).
  await page.getByRole('tab', { name: 'Explain' }).click();
  await expect(page.getByTestId('trace-stale')).toContainText('The network has changed since you ran ping -c 2 10.2.0.4');
  await expect(page.getByRole('button', { name: 'Apply fix' })).toHaveCount(0);
  await expect(page.locator('.cy')).toHaveAttribute('data-trace', 'none');

  // The reply has no route back: the explanation offers the route on vpc-b's side as a one-click fix.
  await run(page, 'ping -c 2 10.2.0.4');
  await expect(page.getByTestId('trace-stale')).toHaveCount(0);
  await expect(page.locator('.cy')).toHaveAttribute('data-trace', 'shown');
  await expect(page.getByTestId('explanation-code').first()).toHaveText('NO_ROUTE_TO_DESTINATION');
  await page.getByRole('button', { name: 'Apply fix' }).first().click();
  await page.getByRole('button', { name: 'Run again' }).click();
  await expect(consoleOut(page)).toContainText('64 bytes from 10.2.0.4: icmp_seq=1');
  await expect(consoleOut(page)).toContainText('2 received, 0% packet loss');
  await expect(page.getByTestId('verdict')).toHaveText('Reachable');
  await page.waitForTimeout(2500);
  await page.screenshot({ path: '/tmp/vpc-lab-story-reachable.png' });

  // The ICMP records in the CloudWatch Logs view. The three pings fell in one aggregation window,
  // so each interface wrote one record per direction with all their packets, as AWS does: the
  // source's egress record holds 3 x 2 echo requests (the first two pings' were accepted on the
  // way out too, then dropped by routing).
  await page.getByRole('tab', { name: 'Flow logs' }).click();
  await expect(page.getByTestId('cw-raw')).toContainText(' 10.1.0.4 10.2.0.4 0 0 1 6 504 ');
  await expect(page.getByTestId('cw-raw')).toContainText('ACCEPT OK');
  await page.screenshot({ path: '/tmp/vpc-lab-story-flowlogs.png' });
  expect(errors).toEqual([]);
});
