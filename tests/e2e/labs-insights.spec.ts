// A lab's Logs Insights step is done only when the learner runs, in the console, a query whose
// result satisfies the check: the flow-log records alone do not tick it, and the learner's run
// survives a reload with the rest of the lab's progress.
import { expect, test, type Page } from '@playwright/test';
import { typeQuery } from './helpers.ts';

const labsTab = (page: Page) => page.getByRole('tab', { name: 'Labs' }).click();
const stepNav = (page: Page) => page.getByRole('navigation', { name: 'Lab steps' }).getByRole('button');

async function startLab(page: Page, title: string) {
  await labsTab(page);
  const all = page.getByRole('button', { name: 'All labs' });
  if (await all.isEnabled()) await all.click();
  await page.getByRole('button', { name: `Start lab ${title}` }).click();
  await page.getByRole('dialog', { name: /Start the lab/ }).getByRole('button', { name: 'Replace my network and start' }).click();
}

/** Starts the security lab and completes its step 1 the learner's way: the sample query, run in the console. */
async function completeStepOne(page: Page): Promise<void> {
  await page.setViewportSize({ width: 1600, height: 1000 });
  await page.goto('./');
  await startLab(page, 'Reading flow logs for security');
  await page.getByRole('button', { name: 'Open Logs Insights' }).click();
  await page.getByLabel('Sample queries').selectOption('Top 20 source IP addresses with highest number of rejected requests');
  await page.getByRole('button', { name: 'Run query' }).click();
  await expect(page.getByTestId('insights-table').locator('tbody tr').first()).toContainText('192.0.2.44');
  await labsTab(page);
  await expect(page.getByTestId('lab-progress')).toHaveText('1 of 5 steps complete');
}

test('an Insights step is done only after the learner runs a matching query, and stays done after a reload', async ({ page }) => {
  await page.setViewportSize({ width: 1600, height: 1000 });
  await page.goto('./');
  await expect(page.getByRole('heading', { name: 'VPC Lab' })).toBeVisible();
  await startLab(page, 'Reading flow logs for security');
  await expect(page.getByRole('heading', { name: /Step 1 of 5: Find who is being rejected/ })).toBeVisible();

  // The background traffic is in the log group already, yet the step is not done: nothing was run.
  const check = page.getByTestId('lab-check');
  await expect(check).toHaveAttribute('data-passed', 'false');
  await expect(check).toContainText('Open Logs Insights, select log group web-vpc-flow-logs and run a query such as');
  await expect(check).toContainText('you have not run a query since reaching this step');
  await page.waitForTimeout(500); // evaluation is debounced: still not done a moment later
  await expect(check).toHaveAttribute('data-passed', 'false');
  await expect(page.getByTestId('lab-progress')).toHaveText('0 of 5 steps complete');

  // The step's button opens the console with its log group selected; the learner picks the sample and runs it.
  await page.getByRole('button', { name: 'Open Logs Insights' }).click();
  await expect(page.getByRole('tab', { name: 'Logs Insights' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('checkbox', { name: /web-vpc-flow-logs/ })).toBeChecked();
  await page.getByLabel('Sample queries').selectOption('Top 20 source IP addresses with highest number of rejected requests');
  await page.getByRole('button', { name: 'Run query' }).click();
  const table = page.getByTestId('insights-table');
  await expect(table.locator('tbody tr').first()).toContainText('192.0.2.44');

  // Back in the lab: step 1 is done, and the card moved on to step 2, which this run does not complete.
  await labsTab(page);
  await expect(stepNav(page).nth(0)).toContainText('(complete)');
  await expect(page.getByTestId('lab-progress')).toHaveText('1 of 5 steps complete');
  await expect(page.getByRole('heading', { name: /Step 2 of 5: Now look at what was accepted/ })).toBeVisible();
  await expect(check).toHaveAttribute('data-passed', 'false');
  await expect(check).toContainText('you have not run a query since reaching this step');

  // Step 2, written the learner's own way (no limit, other spacing): what counts is the result.
  await page.getByRole('button', { name: 'Open Logs Insights' }).click();
  await typeQuery(page, 'filter action="ACCEPT" and dstPort=22 | stats count(*) as connections by srcAddr | sort connections desc');
  await page.getByRole('button', { name: 'Run query' }).click();
  await expect(table.locator('tbody tr').first()).toContainText('192.0.2.44');
  await labsTab(page);
  await expect(page.getByTestId('lab-progress')).toHaveText('2 of 5 steps complete');
  await expect(stepNav(page).nth(1)).toContainText('(complete)');

  // A reload keeps the learner's runs and the steps they completed (the console's result is gone).
  await page.reload();
  await expect(page.getByRole('heading', { name: 'VPC Lab' })).toBeVisible();
  await labsTab(page);
  await expect(page.getByTestId('lab-progress')).toHaveText('2 of 5 steps complete');
  await stepNav(page).nth(0).click();
  await expect(page.getByRole('heading', { name: /Step 1 of 5/ })).toBeVisible();
  await expect(check).toHaveAttribute('data-passed', 'true');
  const saved = await page.evaluate(() => JSON.parse(localStorage.getItem('vpc-lab:lab-progress:v1') ?? '{}'));
  expect(saved.runs.map((r: { step: string; groups: string[] }) => [r.step, r.groups])).toEqual([
    ['rejected-sources', ['web-vpc-flow-logs']], ['accepted-ssh', ['web-vpc-flow-logs']],
  ]);
});

test('a damaged save of the runs is refused: the lab reopens, and its Insights steps wait for a new run', async ({ page }) => {
  await page.setViewportSize({ width: 1600, height: 1000 });
  await page.goto('./');
  await startLab(page, 'Reading flow logs for security');
  await expect(page.getByRole('heading', { name: /Step 1 of 5/ })).toBeVisible();
  await page.evaluate(() => {
    const key = 'vpc-lab:lab-progress:v1';
    const p = JSON.parse(localStorage.getItem(key)!);
    // A hand-edited save: a "run" that is not one, claiming step 1's answer.
    p.runs = [{ query: 'x', groups: ['web-vpc-flow-logs'], files: [], columns: ['srcAddr'], rows: [['192.0.2.44', 'extra']], rowCount: 1, step: 'rejected-sources', at: { sim: 0, wall: 0 } }, 'junk'];
    localStorage.setItem(key, JSON.stringify(p));
  });
  await page.reload();
  await expect(page.getByRole('heading', { name: 'VPC Lab' })).toBeVisible();
  await labsTab(page);
  await expect(page.getByRole('heading', { name: /Step 1 of 5/ })).toBeVisible();
  await expect(page.getByTestId('lab-check')).toHaveAttribute('data-passed', 'false');
  await expect(page.getByTestId('lab-progress')).toHaveText('0 of 5 steps complete');
});

test('undo and redo bring back each lab session with its own runs: a run never carries over to another start', async ({ page }) => {
  await completeStepOne(page);

  // The same lab started again: a new session, same records (its background traffic), no run yet.
  await startLab(page, 'Reading flow logs for security');
  await expect(page.getByRole('heading', { name: /Step 1 of 5/ })).toBeVisible();
  await expect(page.getByTestId('lab-progress')).toHaveText('0 of 5 steps complete');
  await expect(page.getByTestId('lab-check')).toHaveAttribute('data-passed', 'false');

  // Undo: the first session, with its run. Redo: the second, still without one.
  await page.getByRole('button', { name: 'Undo' }).click();
  await labsTab(page);
  await expect(page.getByTestId('lab-progress')).toHaveText('1 of 5 steps complete');
  await page.getByRole('button', { name: 'Redo' }).click();
  await labsTab(page);
  await expect(page.getByTestId('lab-progress')).toHaveText('0 of 5 steps complete');
  await page.waitForTimeout(500);
  await expect(page.getByTestId('lab-check')).toHaveAttribute('data-passed', 'false');
  const saved = await page.evaluate(() => JSON.parse(localStorage.getItem('vpc-lab:lab-progress:v1') ?? '{}'));
  expect(saved.runs).toEqual([]);
});

test('a share link carries the learner\'s runs: the Insights step it completed is still done where the link is opened', async ({ page, browser }) => {
  await completeStepOne(page);
  await page.getByRole('button', { name: 'Copy share link' }).click();
  const link = await page.getByLabel('Share link').inputValue();

  // Opened in a fresh browser (another learner's, or the instructor's): no flow-log records there, yet the run is the evidence.
  const other = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
  const p2 = await other.newPage();
  await p2.goto(link);
  await p2.getByRole('dialog', { name: 'Open this shared network?' }).getByRole('button', { name: 'Open shared network' }).click();
  await labsTab(p2);
  await expect(p2.getByTestId('lab-progress')).toHaveText('1 of 5 steps complete');
  await stepNav(p2).nth(0).click();
  await expect(p2.getByTestId('lab-check')).toHaveAttribute('data-passed', 'true');
  // The evidence came with it: the recipient's saved progress holds the learner's run.
  await expect.poll(() => p2.evaluate(() => JSON.parse(localStorage.getItem('vpc-lab:lab-progress:v1') ?? '{}').runs?.map((r: { step: string; query: string }) => r.step))).toEqual(['rejected-sources']);
  await other.close();
});
