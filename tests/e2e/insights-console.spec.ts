// The Logs Insights console in a real browser: cancelling a query that would never finish (it
// runs in a Web Worker, which Cancel terminates), and copying results to the clipboard as CSV.
import { expect, test, type Page } from '@playwright/test';
import { typeQuery } from './helpers.ts';

/**
 * Three records in the default format. The first account ID is a 40-digit run, so the regex
 * /^(\d+)+x$/ backtracks through 2^39 ways of splitting it: a query that runs until cancelled.
 */
const LONG_ACCOUNT = '1234567890'.repeat(4);
const FILE = [
  `2 ${LONG_ACCOUNT} eni-1235b8ca123456789 198.51.100.9 172.31.16.139 40001 22 6 3 180 1767225600 1767225660 REJECT OK`,
  '2 123456789010 eni-1235b8ca123456789 198.51.100.9 172.31.16.139 40002 3389 6 3 180 1767225600 1767225660 REJECT OK',
  '2 123456789010 eni-1235b8ca123456789 172.31.16.21 172.31.16.139 20641 22 6 20 4249 1767225600 1767225660 ACCEPT OK',
  '',
].join('\n');

async function openWithFile(page: Page): Promise<void> {
  await page.setViewportSize({ width: 1600, height: 1000 });
  await page.goto('./');
  await page.getByRole('tab', { name: 'Logs Insights' }).click();
  await page.getByText('Import a flow-log file').click();
  await page.getByLabel('Flow-log file').setInputFiles({ name: 'flows.log', mimeType: 'text/plain', buffer: Buffer.from(FILE) });
  await expect(page.getByTestId('import-report')).toContainText('file:flows.log: 3 record(s)');
}


test('Cancel stops a long-running query and the console stays usable', async ({ page }) => {
  await openWithFile(page);
  const results = page.getByRole('region', { name: 'Query results' });
  const run = page.getByRole('button', { name: 'Run query' });
  const cancel = page.getByRole('button', { name: 'Cancel', exact: true });

  await typeQuery(page, 'filter accountId like /^(\\d+)+x$/ | stats count(*) as n');
  await run.click();
  await expect(results).toHaveAttribute('aria-busy', 'true');
  await expect(results).toContainText('Running…');
  await expect(run).toBeDisabled();
  // Still running a moment later: the scan is stuck in the regex, not finished.
  await page.waitForTimeout(1500);
  await expect(results).toHaveAttribute('aria-busy', 'true');
  await page.screenshot({ path: '/tmp/vpc-lab-insights-running.png' });

  await cancel.click();
  await expect(results.getByRole('status')).toHaveText('Query cancelled.');
  await expect(results).toHaveAttribute('aria-busy', 'false');
  await expect(cancel).toBeHidden();
  await expect(run).toBeEnabled();
  await page.screenshot({ path: '/tmp/vpc-lab-insights-cancelled.png' });

  // A fresh worker answers the next query (the events are sent to it again).
  await typeQuery(page, 'stats count(*) as n by action');
  await run.click();
  const table = page.getByTestId('insights-table');
  await expect(table.locator('tbody tr')).toHaveCount(2);
  await expect(table.locator('tbody tr').first()).toContainText('REJECT');
  await expect(page.getByTestId('query-stats')).toContainText('Records scanned: 3 · Records matched: 3');
});

test('Copy as CSV puts the results, as sorted on screen, on the clipboard', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openWithFile(page);
  await typeQuery(page, 'stats count(*) as n, sum(bytes) as b by srcAddr, action | fields concat(action, ",", n) as tag | sort srcAddr asc');
  await page.getByRole('button', { name: 'Run query' }).click();
  const table = page.getByTestId('insights-table');
  await expect(table.locator('tbody tr')).toHaveCount(2);

  const clipboard = (): Promise<string> => page.evaluate(() => navigator.clipboard.readText());
  await page.getByRole('button', { name: 'Copy as CSV' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Copied 2 row(s) as CSV' })).toBeVisible();
  // RFC 4180: a header row, CRLF line ends, the cell with a comma quoted.
  expect(await clipboard()).toBe('srcAddr,action,n,b,tag\r\n172.31.16.21,ACCEPT,1,4249,"ACCEPT,1"\r\n198.51.100.9,REJECT,2,360,"REJECT,2"\r\n');

  // Sorting a column in the table changes the order that is copied.
  await table.getByRole('button', { name: 'b', exact: true }).click();
  await expect(table.locator('tbody tr').first()).toContainText('198.51.100.9');
  await page.getByRole('button', { name: 'Copy as CSV' }).click();
  await expect.poll(clipboard).toBe('srcAddr,action,n,b,tag\r\n198.51.100.9,REJECT,2,360,"REJECT,2"\r\n172.31.16.21,ACCEPT,1,4249,"ACCEPT,1"\r\n');
  await page.screenshot({ path: '/tmp/vpc-lab-insights-csv.png' });
});

test('the console raises no page error: a query with commas, then other tabs and back', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await openWithFile(page);
  await typeQuery(page, 'stats count(*) by srcAddr, dstAddr');
  await page.getByRole('tab', { name: 'Editor' }).click();
  await page.getByRole('tab', { name: 'Logs Insights' }).click();
  await expect(page.getByTestId('insights-editor').locator('.view-lines')).toContainText('srcAddr,');
  expect(errors).toEqual([]);
});
