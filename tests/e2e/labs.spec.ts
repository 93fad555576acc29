import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { consoleOut, createSubnet, emptyWorkspace, run, selectResource } from './helpers.ts';

const labsTab = (page: Page) => page.getByRole('tab', { name: 'Labs' }).click();
const checks = (page: Page) => page.getByTestId('lab-check');

/** Step n is ticked in the list of steps, and the card shows the first unfinished step (it moves on by itself). */
async function expectStepDone(page: Page, n: number, total = 8) {
  await labsTab(page);
  await expect(page.getByRole('navigation', { name: 'Lab steps' }).getByRole('button').nth(n - 1)).toContainText('(complete)');
  if (n < total) await expect(page.getByRole('heading', { name: new RegExp(`Step ${n} of ${total}`) })).toHaveCount(0);
}

/** Replaces the Monaco editor's text by pasting (typing would trigger auto-closing brackets). */
async function pasteIntoEditor(page: Page, text: string) {
  await page.getByRole('textbox', { name: 'Lab JSON' }).focus();
  await page.keyboard.press('ControlOrMeta+A');
  await page.evaluate((t) => {
    const dt = new DataTransfer();
    dt.setData('text/plain', t);
    document.activeElement!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
  }, text);
}

async function addPeeringRoute(page: Page, subnet: RegExp, destination: string) {
  await selectResource(page, subnet);
  await page.getByRole('button', { name: 'Create Route' }).click();
  const d = page.getByRole('dialog', { name: 'Add route' });
  const target = d.getByLabel('Target');
  await target.selectOption((await target.locator('option', { hasText: 'peering' }).first().getAttribute('value'))!);
  await d.getByLabel('Destination').fill(destination);
  await d.getByRole('button', { name: 'Add route' }).click();
  await expect(d).toBeHidden();
}

test('(a) a learner completes "VPC peering and flow logs" with the app\'s own controls', async ({ page }) => {
  await page.setViewportSize({ width: 1600, height: 1000 });
  await page.goto('./');
  await expect(page.getByRole('heading', { name: 'VPC Lab' })).toBeVisible();
  await labsTab(page);
  await page.getByRole('button', { name: 'Start lab VPC peering and flow logs' }).click();
  // The seed network is work: starting asks first.
  await page.getByRole('dialog', { name: /Start the lab/ }).getByRole('button', { name: 'Replace my network and start' }).click();
  await expect(page.getByRole('heading', { name: /Step 1 of 8/ })).toBeVisible();
  await expect(page.getByTestId('lab-progress')).toHaveText('0 of 8 steps complete');

  // Steps 1-2: the role (the flow-log dialog's "create role" button) and the flow log on vpc-1.
  await selectResource(page, /^vpc vpc-1 /);
  await page.getByRole('button', { name: 'Create Flow log' }).click();
  const fl = page.getByRole('dialog', { name: 'Create flow log' });
  await fl.getByRole('button', { name: /Create role flowlogsRole/ }).click();
  await fl.getByLabel('Log group name').fill('vpc-1-flow-logs');
  await fl.getByRole('button', { name: 'Create', exact: true }).click();
  await expect(fl).toBeHidden();
  // Both steps complete at once: the card moves past them, to step 3.
  await expectStepDone(page, 1);
  await expectStepDone(page, 2);
  await expect(page.getByRole('heading', { name: /Step 3 of 8/ })).toBeVisible();

  // Step 3: ping from web-1 in the console; routing drops it, the egress ACCEPT is logged.
  await selectResource(page, /^instance web-1$/);
  await run(page, 'ping 10.2.1.20');
  await expect(page.getByTestId('verdict')).toHaveText('Not reachable');
  await expectStepDone(page, 3);

  // Steps 4-5: request the peering from vpc-1 to vpc-2, then accept it.
  await selectResource(page, /^vpc vpc-1 /);
  await page.getByRole('button', { name: 'Create Peering' }).click();
  const pd = page.getByRole('dialog', { name: 'Create peering connection' });
  await pd.getByRole('button', { name: 'Request' }).click();
  await expect(pd).toBeHidden();
  await expectStepDone(page, 4);
  await selectResource(page, /^peering /);
  await page.getByRole('button', { name: 'Accept peering' }).click();
  await expectStepDone(page, 5);

  // Step 6: ping again (still no reply: the peering is not a route), then a route on each side.
  await selectResource(page, /^instance web-1$/);
  await run(page, 'ping 10.2.1.20');
  await expect(page.getByTestId('verdict')).toHaveText('Not reachable');
  await addPeeringRoute(page, /^subnet vpc-1-public/, '10.2.0.0/16');
  await addPeeringRoute(page, /^subnet vpc-2-public/, '10.1.0.0/16');
  await expectStepDone(page, 6);

  // Step 7: +1 min first, then ping again: the two records the text shows, 4 packets and 336 bytes each, the reply
  // logged on web-1's interface. (Without +1 min the request would add up with step 6's ping in one record: 8 672.)
  await page.getByRole('tab', { name: 'Flow logs' }).click();
  await page.getByRole('button', { name: '+1 min' }).click();
  await selectResource(page, /^instance web-1$/);
  await run(page, 'ping 10.2.1.20');
  await expect(page.getByTestId('verdict')).toHaveText('Reachable');
  await page.getByRole('tab', { name: 'Flow logs' }).click();
  const raw = page.getByTestId('cw-raw');
  await expect(raw).toContainText(/ 10\.1\.1\.10 10\.2\.1\.20 0 0 1 4 336 \d+ \d+ ACCEPT OK\n.* 10\.2\.1\.20 10\.1\.1\.10 0 0 1 4 336 \d+ \d+ ACCEPT OK/);
  await expectStepDone(page, 7);

  // Step 8: scp in web-1's console copies a few KB over TCP 22, enough for the byte target.
  await run(page, 'scp report.csv 10.2.1.20:');
  await expect(consoleOut(page)).toContainText(/report\.csv\s+100%\s+2400/);
  await labsTab(page);
  await expect(page.getByRole('heading', { name: /Step 8 of 8/ })).toBeVisible();
  // The records are there, but the step waits for the learner to run the query in Logs Insights.
  await expect(checks(page)).toHaveAttribute('data-passed', 'false');
  await expect(checks(page)).toContainText('Open Logs Insights');
  await page.getByRole('button', { name: 'Open Logs Insights' }).click();
  // The console opens on its first sample: the top 10 byte transfers.
  await page.getByRole('button', { name: 'Run query' }).click();
  await expect(page.getByTestId('insights-table').locator('tbody tr').first()).toContainText('10.1.1.10');
  await labsTab(page);
  await expect(page.getByTestId('lab-progress')).toHaveText('8 of 8 steps complete — lab complete!');

  // Progress survives a reload.
  await page.reload();
  await labsTab(page);
  await expect(page.getByTestId('lab-progress')).toHaveText(/8 of 8 steps complete/);

  // The completion report.
  await page.getByLabel('Your name (for the completion report)').fill('Ada <b>Lovelace</b>');
  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download completion report' }).click()]);
  expect(dl.suggestedFilename()).toBe('peering-and-flow-logs-report-ada-b-lovelace-b.html');
  const html = readFileSync((await dl.path())!, 'utf8');
  expect(html).toContain('Ada &lt;b&gt;Lovelace&lt;/b&gt;');
  expect(html).toContain('<svg');
  expect(html).toMatch(/Checks passed<b>11 \/ 11<\/b>/);
});

test('(b) an instructor authors a two-step lab, exports it, and it works in a fresh browser', async ({ page, browser }) => {
  await emptyWorkspace(page);
  await labsTab(page);
  await page.getByRole('button', { name: 'Author a lab' }).click();
  await page.getByRole('button', { name: 'Use current network as the start' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'The lab is valid.' })).toBeVisible();
  const skeleton = JSON.parse((await page.evaluate(() => localStorage.getItem('vpc-lab:lab-draft:v1')))!);

  const vpc = { VpcId: 'vpc-0a1b2c3d4e5f60718', CidrBlock: '10.9.0.0/16', State: 'available', OwnerId: '123456789012', IsDefault: false, InstanceTenancy: 'default', CidrBlockAssociationSet: [{ AssociationId: 'vpc-cidr-assoc-0a1b2c3d4e5f60718', CidrBlock: '10.9.0.0/16', CidrBlockState: { State: 'associated' } }], Tags: [{ Key: 'Name', Value: 'lab-vpc' }] };
  const lab = {
    ...skeleton,
    id: 'two-steps',
    title: 'Two steps <script>alert(1)</script>'.replace(/<[^>]*>/g, ''),
    steps: [
      { id: 'make-vpc', title: 'Create lab-vpc', instructions: 'Create a VPC named **lab-vpc** with `10.9.0.0/16`.', hints: ['Use **+ VPC**.', 'The CIDR is `10.9.0.0/16`.'], checks: [{ kind: 'resource', collection: 'Vpcs', match: { CidrBlock: '10.9.0.0/16' }, label: 'A VPC uses 10.9.0.0/16' }], solution: [{ op: 'add', path: '/Vpcs', value: [vpc] }] },
      { id: 'make-subnet', title: 'Add a subnet', instructions: 'Add a subnet to lab-vpc.', checks: [{ kind: 'resource', collection: 'Subnets', match: { CidrBlock: { $prefix: '10.9.' } }, label: 'lab-vpc has a subnet' }] },
    ],
  };
  // A wrong check kind first: the problem is listed and marked in the editor.
  const bad = JSON.stringify({ ...lab, steps: [{ ...lab.steps[0], checks: [{ kind: 'teleport', label: 'x' }] }] });
  await pasteIntoEditor(page, bad);
  await expect(page.getByRole('list', { name: 'Problems in the lab' })).toContainText('steps[0].checks[0].kind');
  await expect(page.locator('.monaco-editor .squiggly-error').first()).toBeAttached();
  await pasteIntoEditor(page, JSON.stringify(lab, null, 1));
  await expect(page.getByRole('status').filter({ hasText: 'The lab is valid.' })).toBeVisible();
  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export lab file' }).click()]);
  expect(dl.suggestedFilename()).toBe('two-steps.json');
  const file = (await dl.path())!;

  // A fresh browser: the learner opens the file.
  const ctx = await browser.newContext();
  const p2 = await ctx.newPage();
  await p2.goto('./');
  await expect(p2.getByRole('heading', { name: 'VPC Lab' })).toBeVisible();
  await labsTab(p2);
  await p2.getByLabel('Lab file').setInputFiles(file);
  await p2.getByRole('dialog', { name: /Start the lab/ }).getByRole('button', { name: 'Replace my network and start' }).click();
  await expect(p2.getByRole('heading', { name: /Step 1 of 2: Create lab-vpc/ })).toBeVisible();
  await expect(checks(p2)).toHaveAttribute('data-passed', 'false');
  await p2.getByRole('button', { name: /Show a hint \(1 of 2\)/ }).click();
  await expect(p2.getByRole('list', { name: 'Hints' })).toContainText('Use + VPC.');
  await p2.getByRole('button', { name: 'Show solution' }).click();
  // The step is complete: the card moves on to step 2 by itself.
  await expect(p2.getByRole('heading', { name: /Step 2 of 2/ })).toBeVisible();
  await p2.getByRole('button', { name: '← Previous step' }).click();
  await expect(checks(p2)).toHaveAttribute('data-passed', 'true');
  // The solution is one undoable change.
  await p2.getByRole('button', { name: 'Undo' }).click();
  await expect(checks(p2)).toHaveAttribute('data-passed', 'false');
  await p2.getByRole('button', { name: 'Redo' }).click();
  await expect(p2.getByRole('heading', { name: /Step 2 of 2/ })).toBeVisible();
  await selectResource(p2, /lab-vpc/);
  await p2.getByRole('button', { name: 'Create Subnet' }).click();
  await p2.getByRole('dialog', { name: 'Create subnet' }).getByRole('button', { name: 'Create', exact: true }).click();
  await labsTab(p2);
  await expect(p2.getByTestId('lab-progress')).toHaveText('2 of 2 steps complete — lab complete!');
  await ctx.close();
});

test('(c) a tampered share link shows an error and keeps the current work', async ({ page }) => {
  await emptyWorkspace(page);
  await page.getByRole('button', { name: 'Create VPC' }).click();
  const d = page.getByRole('dialog', { name: 'Create VPC' });
  await d.getByLabel('Name tag').fill('my-work');
  await d.getByLabel('IPv4 CIDR block').fill('10.42.0.0/16');
  await d.getByRole('button', { name: 'Create', exact: true }).click();
  await labsTab(page);
  await page.getByRole('button', { name: 'Copy share link' }).click();
  const link = await page.getByLabel('Share link').inputValue();
  expect(link).toMatch(/#share=v1\.[A-Za-z0-9_-]+$/);

  // Flip one character in the middle of the data, and open it as a new visit.
  const i = link.indexOf('v1.') + 40;
  const tampered = link.slice(0, i) + (link[i] === 'A' ? 'B' : 'A') + link.slice(i + 1);
  await page.goto(tampered.replace('/vpc-lab/#', '/vpc-lab/?visit=2#'));
  await expect(page.getByRole('alert').filter({ hasText: /share link is damaged/ }).first()).toBeVisible();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await selectResource(page, /my-work/);

  // A truncated link: the same.
  await page.goto(link.slice(0, link.length - 25).replace('/vpc-lab/#', '/vpc-lab/?visit=3#'));
  await expect(page.getByRole('alert').filter({ hasText: /damaged/ }).first()).toBeVisible();
  await selectResource(page, /my-work/);

  // The intact link asks first, says what it holds, and "Keep my work" keeps it.
  await page.goto(link.replace('/vpc-lab/#', '/vpc-lab/?visit=4#'));
  const ask = page.getByRole('dialog', { name: 'Open this shared network?' });
  await expect(ask).toContainText('1 VPC');
  await ask.getByRole('button', { name: 'Keep my work' }).click();
  await selectResource(page, /my-work/);

  // Accepting it replaces the network with the shared one.
  await page.getByRole('button', { name: 'Create VPC' }).click();
  await d.getByLabel('Name tag').fill('later-work');
  await d.getByLabel('IPv4 CIDR block').fill('10.43.0.0/16');
  await d.getByRole('button', { name: 'Create', exact: true }).click();
  await page.goto(link.replace('/vpc-lab/#', '/vpc-lab/?visit=5#'));
  await expect(ask).toContainText('replaces your current network (2 VPCs');
  await ask.getByRole('button', { name: 'Open shared network' }).click();
  await selectResource(page, /my-work/);
  await expect(page.getByRole('navigation', { name: 'Resources' }).getByRole('button', { name: /later-work/ })).toHaveCount(0);
  expect(new URL(page.url()).hash).toBe('');
});

test('(d) hostile lab links give clear errors and change nothing', async ({ page }) => {
  const good = readFileSync('static/labs/peering-and-flow-logs.json', 'utf8');
  const evil = JSON.parse(good);
  evil.steps[0].instructions = 'Click <img src=x onerror="document.title=\'pwned\'">';
  const unknown = JSON.parse(good);
  unknown.steps[0].checks = [{ kind: 'run-shell', cmd: 'rm -rf /' }];
  await page.route('https://labs.example/**', (route) => {
    const name = new URL(route.request().url()).pathname;
    if (name === '/script.json') return route.fulfill({ json: evil, headers: { 'access-control-allow-origin': '*' } });
    if (name === '/unknown.json') return route.fulfill({ json: unknown, headers: { 'access-control-allow-origin': '*' } });
    if (name === '/huge.json') return route.fulfill({ body: `{"x":"${'a'.repeat(3 * 1024 * 1024)}"}`, headers: { 'access-control-allow-origin': '*' } });
    if (name === '/notjson.json') return route.fulfill({ body: '<html>nope</html>', headers: { 'access-control-allow-origin': '*' } });
    if (name === '/missing.json') return route.fulfill({ status: 404, body: '', headers: { 'access-control-allow-origin': '*' } });
    return route.abort('failed');
  });
  await emptyWorkspace(page);
  await page.getByRole('button', { name: 'Create VPC' }).click();
  const d = page.getByRole('dialog', { name: 'Create VPC' });
  await d.getByLabel('Name tag').fill('keep-me');
  await d.getByLabel('IPv4 CIDR block').fill('10.42.0.0/16');
  await d.getByRole('button', { name: 'Create', exact: true }).click();

  const cases: [string, RegExp][] = [
    ['script.json', /raw HTML is not allowed/],
    ['unknown.json', /steps\[0\]\.checks\[0\]/],
    ['huge.json', /larger than 2\.0 MB/],
    ['notjson.json', /not a valid VPC Lab lab file/],
    ['missing.json', /HTTP 404/],
    ['cors.json', /CORS/],
  ];
  for (const [file, message] of cases) {
    await page.goto(`./?visit=${file}#lab=https://labs.example/${file}`);
    await expect(page.getByRole('alert').filter({ hasText: message }).first()).toBeVisible();
    await expect(page.getByRole('dialog')).toHaveCount(0);
    await selectResource(page, /keep-me/);
  }
  expect(await page.title()).not.toBe('pwned');

  // The same links from "Open from link…" in the panel.
  await labsTab(page);
  await page.getByRole('button', { name: 'Open from link…' }).click();
  await page.getByLabel('Link to a lab file, or a share link').fill('https://labs.example/unknown.json');
  await page.getByRole('button', { name: 'Open', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Labs' }).getByRole('alert')).toContainText('steps[0].checks[0]');
});

async function startLab(page: Page, title: string) {
  await labsTab(page);
  const all = page.getByRole('button', { name: 'All labs' });
  if (await all.isEnabled()) await all.click();
  await page.getByRole('button', { name: `Start lab ${title}` }).click();
  const d = page.getByRole('dialog', { name: /Start the lab/ });
  await expect(d).toContainText('Undo brings your current network back');
  await expect(d).not.toContainText('cannot be undone');
  await d.getByRole('button', { name: 'Replace my network and start' }).click();
}

test('(e) undo after starting a lab brings back the previous lab with its network and records; redo the new one', async ({ page }) => {
  await page.setViewportSize({ width: 1600, height: 1000 });
  await page.goto('./');
  await expect(page.getByRole('heading', { name: 'VPC Lab' })).toBeVisible();
  await startLab(page, 'VPC peering and flow logs');
  // Steps 1-2 by their solutions, then step 3's ping: vpc-1-flow-logs gets a record.
  await page.getByRole('button', { name: 'Show solution' }).click();
  await expect(page.getByRole('heading', { name: /Step 2 of 8/ })).toBeVisible();
  await page.getByRole('button', { name: 'Show solution' }).click();
  await expect(page.getByRole('heading', { name: /Step 3 of 8/ })).toBeVisible();
  await page.getByRole('button', { name: "Send this step's traffic" }).click();
  await expect(page.getByTestId('lab-progress')).toHaveText('3 of 8 steps complete');
  await run(page, 'help');

  await startLab(page, 'Security groups vs network ACLs');
  await expect(page.getByRole('heading', { name: /Step 1 of 7/ })).toBeVisible();
  await expect(page.getByLabel('Sample network')).toHaveAttribute('title', 'Lab: Security groups vs network ACLs');
  // The console keeps its scroll-back, marked as the previous network's.
  await expect(consoleOut(page)).toContainText('── Now on lab "Security groups vs network ACLs": the output above is from the previous network ──');

  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByRole('heading', { name: 'VPC peering and flow logs' })).toBeVisible();
  await expect(consoleOut(page)).toContainText('── Now on lab "VPC peering and flow logs"');
  await expect(page.getByTestId('lab-progress')).toHaveText('3 of 8 steps complete');
  await expect(page.getByLabel('Sample network')).toHaveAttribute('title', 'Lab: VPC peering and flow logs');
  await page.getByRole('tab', { name: 'Flow logs' }).click();
  await expect(page.getByRole('navigation', { name: 'Log groups' })).toHaveText(/vpc-1-flow-logs/);

  await page.getByRole('button', { name: 'Redo' }).click();
  await labsTab(page);
  await expect(page.getByRole('heading', { name: 'Security groups vs network ACLs' })).toBeVisible();
  await expect(page.getByRole('heading', { name: /Step 1 of 7/ })).toBeVisible();
  // Its traffic now lands in its own network's flow log: step 1 completes and the card moves on.
  await page.getByRole('button', { name: "Send this step's traffic" }).click();
  await expect(page.getByTestId('lab-progress')).toHaveText('1 of 7 steps complete');
  await expect(page.getByRole('heading', { name: /Step 2 of 7/ })).toBeVisible();
  await page.getByRole('tab', { name: 'Flow logs' }).click();
  await expect(page.getByRole('navigation', { name: 'Log groups' })).toHaveText(/shop-vpc-flow-logs/);
  await expect(page.getByRole('navigation', { name: 'Log groups' })).not.toContainText('vpc-1-flow-logs');
});

test('(f) a new lab starts with no highlighted trace; the picker names the lab after a reload', async ({ page }) => {
  await page.setViewportSize({ width: 1600, height: 1000 });
  await page.goto('./');
  await expect(page.getByRole('heading', { name: 'VPC Lab' })).toBeVisible();
  await startLab(page, 'Private subnet through a NAT gateway');
  await page.getByRole('button', { name: 'Show solution' }).click();
  await expect(page.getByRole('heading', { name: /Step 2 of 6/ })).toBeVisible();
  // The step's own command, in app-1's console: no route out, curl times out on port 443.
  await selectResource(page, /^instance app-1$/);
  await run(page, 'curl -I https://198.51.100.80/');
  await expect(consoleOut(page)).toContainText('curl: (28) Failed to connect to 198.51.100.80 port 443');
  await expect(page.getByTestId('verdict')).toHaveText('Not reachable');
  await expect(page.locator('.cy')).toHaveAttribute('data-trace', 'shown');
  await expectStepDone(page, 2, 6);

  await startLab(page, 'Security groups vs network ACLs');
  await expect(page.getByRole('heading', { name: /Step 1 of 7/ })).toBeVisible();
  await expect(page.locator('.cy')).toHaveAttribute('data-trace', 'none');
  await expect(page.getByTestId('verdict')).toHaveCount(0);

  await page.reload();
  await expect(page.getByRole('heading', { name: 'VPC Lab' })).toBeVisible();
  await expect(page.getByLabel('Sample network')).toHaveAttribute('title', 'Lab: Security groups vs network ACLs');
  await expect(page.getByLabel('Sample network').locator('option:checked')).toHaveText('Lab: Security groups vs network ACLs');
});

test('(g) sg-vs-nacl step 2 waits for its own ping: the rule alone does not move the card, and its button sends step 2\'s ping', async ({ page }) => {
  await page.goto('./');
  await expect(page.getByRole('heading', { name: 'VPC Lab' })).toBeVisible();
  await startLab(page, 'Security groups vs network ACLs');
  await page.getByRole('button', { name: "Send this step's traffic" }).click();
  await expect(page.getByRole('heading', { name: /Step 2 of 7/ })).toBeVisible();
  await page.getByRole('button', { name: 'Show solution' }).click();
  // The rule is there (its check passes), but the step asks for a ping: the card stays on step 2.
  await expect(checks(page).first()).toHaveAttribute('data-passed', 'true');
  await expect(page.getByRole('heading', { name: /Step 2 of 7/ })).toBeVisible();
  await page.getByRole('button', { name: "Send this step's traffic" }).click();
  // Step 2's ping from the internet (ICMP, answered now), not step 3's HTTP request.
  await expect(page.getByTestId('notice')).toContainText(/Sent 1 flow\(s\): 1 reached the destination and back/);
  await expectStepDone(page, 2, 7);
  await expect(page.getByRole('heading', { name: /Step 3 of 7/ })).toBeVisible();
  await page.getByRole('tab', { name: 'Flow logs' }).click();
  await expect(page.getByTestId('cw-raw')).not.toContainText(' 51514 80 6 ');
});

test('(h) the card follows the checks: an undo that unticks step 5 brings the card back from step 6 to step 5', async ({ page }) => {
  await page.goto('./');
  await expect(page.getByRole('heading', { name: 'VPC Lab' })).toBeVisible();
  await startLab(page, 'Security groups vs network ACLs');
  for (let n = 1; n <= 5; n++) {
    await expect(page.getByRole('heading', { name: new RegExp(`Step ${n} of 7`) })).toBeVisible();
    const solution = page.getByRole('button', { name: 'Show solution' });
    if (await solution.count()) await solution.click();
    const traffic = page.getByRole('button', { name: "Send this step's traffic" });
    if (n !== 5 && (await traffic.count())) await traffic.click();
  }
  await expect(page.getByRole('heading', { name: /Step 6 of 7/ })).toBeVisible();
  await expect(page.getByTestId('lab-progress')).toHaveText('5 of 7 steps complete');
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByTestId('lab-progress')).toHaveText('4 of 7 steps complete');
  await expect(page.getByRole('heading', { name: /Step 5 of 7/ })).toBeVisible();
  await page.getByRole('button', { name: 'Redo' }).click();
  await expect(page.getByRole('heading', { name: /Step 6 of 7/ })).toBeVisible();
});
