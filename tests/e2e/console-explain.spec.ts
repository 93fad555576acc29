import { expect, test } from '@playwright/test';
import { addRoute, consoleOut, createSubnet, createVpc, emptyWorkspace, launchInstance, run, selectResource, startLab } from './helpers.ts';

test('the console says which instance it runs from, answers its own address locally, names its target; Explain marks VPC Lab codes', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await emptyWorkspace(page);
  await createVpc(page, 'lab', '10.1.0.0/16');
  await createSubnet(page, '10.1.0.0/24');
  await launchInstance(page, 'web-a');
  await launchInstance(page, 'web-b');
  const source = page.getByLabel('Instance to run commands from');
  await source.selectOption({ label: 'web-a (10.1.0.4)' });

  // By name, ping prints the name and the address, as Linux does with /etc/hosts.
  await run(page, 'ping -c 1 web-b');
  await expect(consoleOut(page)).toContainText('PING web-b (10.1.0.5) 56(84) bytes of data.');
  await expect(consoleOut(page)).toContainText('64 bytes from web-b (10.1.0.5): icmp_seq=1');
  await expect(consoleOut(page)).toContainText('--- web-b ping statistics ---');

  // Selecting web-b to look at it connects the console to it: the console says so.
  await selectResource(page, /web-b/);
  await expect(consoleOut(page)).toContainText('── Connected to web-b (10.1.0.5): commands now run from it ──');
  await expect(source).toHaveValue(/^i-/);

  // Its own address is answered on the loopback: no trace, no error.
  await run(page, 'ping -c 2 10.1.0.5');
  await expect(consoleOut(page)).toContainText('2 packets transmitted, 2 received, 0% packet loss');
  await expect(consoleOut(page)).toContainText("10.1.0.5 is this instance's own address");
  await expect(consoleOut(page)).not.toContainText('same interface');

  // An address no interface holds: NO_ENI_AT_DESTINATION, marked as VPC Lab's own code.
  await run(page, 'ping -c 1 10.1.0.99');
  await expect(page.getByTestId('explanation-code').first()).toHaveText('NO_ENI_AT_DESTINATION');
  const note = page.getByTestId('explanation-code-note').first();
  await expect(note).toHaveText('VPC Lab code');
  await expect(note).toHaveAttribute('title', /Reachability Analyzer has no code of this name/);
  await page.screenshot({ path: '/tmp/vpc-lab-console-explain.png' });
  expect(errors).toEqual([]);
});

test("a lab step's traffic button shows its flow in Explain and on the canvas, and Run again sends the step's traffic again", async ({ page }) => {
  await startLab(page, 'Peering is not transitive');
  await page.getByRole('button', { name: "Send this step's traffic" }).first().click();
  await expect(page.getByTestId('notice')).toContainText('Sent 1 flow(s)');
  await page.getByRole('tab', { name: 'Explain' }).click();
  await expect(page.locator('.explain header code')).toHaveText('ping from app-b to 10.30.1.10');
  await expect(page.getByTestId('verdict')).toHaveText('Not reachable');
  await expect(page.locator('.cy')).toHaveAttribute('data-trace', 'shown');
  // The route the step asks for changes what the flow does: Explain's Run again sends the step's
  // traffic again (the lab's way, not a console command).
  await addRoute(page, /^subnet team-b-a/, /^team-b-rt/, '10.30.0.0/16');
  await page.getByRole('button', { name: 'Dismiss message' }).click();
  await page.getByRole('tab', { name: 'Explain' }).click();
  await page.getByTestId('trace-stale').getByRole('button', { name: 'Run again' }).click();
  await expect(page.getByTestId('notice')).toContainText('Sent 1 flow(s)');
  await expect(page.locator('.explain header code')).toHaveText('ping from app-b to 10.30.1.10');
});

test("a lab's background traffic, sent when it starts, is not shown as the learner's trace", async ({ page }) => {
  await startLab(page, 'Reading flow logs for security');
  await expect(page.getByTestId('notice')).toContainText('Sent');
  await expect(page.locator('.cy')).toHaveAttribute('data-trace', 'none');
  await page.getByRole('tab', { name: 'Explain' }).click();
  await expect(page.getByTestId('verdict')).toHaveCount(0);
});
