import { gzipSync } from 'node:zlib';
import { expect, test, type Page } from '@playwright/test';
import { selectResource } from './helpers.ts';

/** A CloudWatch Logs flow log on vpc-a, with the recommended IAM role. */
async function cloudWatchFlowLog(page: Page): Promise<void> {
  await selectResource(page, /vpc-a/);
  await page.getByRole('button', { name: 'Create Flow log' }).click();
  const d = page.getByRole('dialog', { name: 'Create flow log' });
  await d.getByRole('button', { name: /Create role flowlogsRole/ }).click();
  await d.getByRole('button', { name: 'Create', exact: true }).click();
  await expect(d).toBeHidden();
}

async function runWithKeyboard(page: Page): Promise<void> {
  await page.getByTestId('insights-editor').locator('.view-lines').click();
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+Enter');
}

const S3_FILE = [
  'version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end action log-status',
  '2 123456789010 eni-1235b8ca123456789 198.51.100.9 172.31.16.139 40001 22 6 3 180 1767225600 1767225660 REJECT OK',
  '2 123456789010 eni-1235b8ca123456789 198.51.100.9 172.31.16.139 40002 3389 6 3 180 1767225600 1767225660 REJECT OK',
  '2 123456789010 eni-1235b8ca123456789 172.31.16.21 172.31.16.139 20641 22 6 20 4249 1767225600 1767225660 ACCEPT OK',
  '2 123456789010 eni-1235b8ca123456789 not enough fields',
  '',
].join('\n');

test('Logs Insights: generate traffic, query it, see errors, import a file', async ({ page }) => {
  await page.setViewportSize({ width: 1600, height: 1000 });
  await page.goto('./');
  await cloudWatchFlowLog(page);
  await page.getByRole('tab', { name: 'Logs Insights' }).click();

  // Generate five minutes of traffic through the seed network.
  await page.getByRole('button', { name: 'Generate traffic' }).click();
  const d = page.getByRole('dialog', { name: 'Generate traffic' });
  await d.getByLabel('Simulated minutes').fill('5');
  await d.getByRole('button', { name: 'Generate', exact: true }).click();
  await expect(d).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: /Generated \d+ flow/ })).toBeVisible();

  // The top-10 sample query, run with Ctrl+Enter in the editor: a table and a bar chart.
  await page.getByLabel('Sample queries').selectOption('Top 10 byte transfers by source and destination IP addresses');
  await expect(page.getByTestId('insights-editor')).toContainText('bytesTransferred');
  await runWithKeyboard(page);
  const table = page.getByTestId('insights-table');
  await expect(table.getByRole('button', { name: 'bytesTransferred' })).toBeVisible();
  await expect(table.locator('tbody tr')).toHaveCount(10);
  await expect(page.getByTestId('insights-chart')).toHaveAttribute('data-kind', 'bar');
  await page.getByTestId('insights-chart').screenshot({ path: '/tmp/vpc-lab-insights-top10.png' });
  await expect(page.getByTestId('query-stats')).toContainText(/Records scanned: [\d,]+ · Records matched: [\d,]+ · \d+ ms/);
  // Sorting a column.
  await table.getByRole('button', { name: 'bytesTransferred' }).click();
  await expect(table.locator('th').nth(2)).toHaveAttribute('aria-sort', 'ascending');

  // A time series for stats … by bin().
  await page.getByLabel('Sample queries').selectOption('Flow records every 5 minutes');
  await page.getByRole('button', { name: 'Run query' }).click();
  await expect(page.getByTestId('insights-chart')).toHaveAttribute('data-kind', 'time');
  await page.screenshot({ path: '/tmp/vpc-lab-insights-1600.png' });

  // A malformed query: a positioned error and a marker in the editor.
  await page.getByTestId('insights-editor').locator('.view-lines').click();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('stats count(*) by ');
  await runWithKeyboard(page);
  await expect(page.getByTestId('query-error')).toContainText(/^Line 1, column \d+: .*expected/);
  await expect(page.getByTestId('insights-editor').locator('.squiggly-error')).toHaveCount(1);

  // Bring your own: an S3 object (gzip, header line, one bad line), then query it.
  await page.getByText('Import a flow-log file').click();
  await page.getByLabel('Flow-log file').setInputFiles({ name: 'flows.log.gz', mimeType: 'application/gzip', buffer: gzipSync(Buffer.from(S3_FILE)) });
  await expect(page.getByTestId('import-report')).toContainText('file:flows.log.gz: 3 record(s), header line read');
  await expect(page.getByRole('list', { name: 'Parse errors' })).toContainText('Line 5: expected 14 fields');
  await page.getByLabel('Sample queries').selectOption('Top 20 source IP addresses with highest number of rejected requests');
  await runWithKeyboard(page);
  await expect(table.locator('tbody tr')).toHaveCount(1);
  await expect(table.locator('tbody tr').first()).toContainText('198.51.100.9');
  await expect(page.getByTestId('query-stats')).toContainText('Records scanned: 3 · Records matched: 2');

  // A plain text export, no header.
  await page.getByLabel('Flow-log file').setInputFiles({ name: 'export.txt', mimeType: 'text/plain', buffer: Buffer.from(S3_FILE.split('\n').slice(1, 4).join('\n')) });
  await expect(page.getByTestId('import-report')).toContainText('file:export.txt: 3 record(s);');

  // Metrics & alarms and Cost views render from the same records.
  await page.getByRole('tab', { name: 'Metrics & alarms' }).click();
  await page.getByRole('combobox', { name: 'Log group' }).selectOption('file:flows.log.gz');
  await expect(page.getByTestId('metric-summary')).toContainText('3 event(s) in file:flows.log.gz; 1 matched');
  await page.getByLabel('Filter pattern').fill('[version, account');
  await expect(page.getByTestId('pattern-error')).toContainText('expected "]" at the end of the pattern');
  await page.getByRole('combobox', { name: 'Log group' }).selectOption('vpc-flow-logs');
  await page.getByRole('combobox', { name: 'Preset' }).selectOption('Rejected SSH or RDP');
  await expect(page.getByTestId('metric-chart')).toBeVisible();
  await page.screenshot({ path: '/tmp/vpc-lab-insights-metrics-1600.png', fullPage: true });
  await page.getByRole('tab', { name: 'Cost' }).click();
  await expect(page.getByTestId('cost-table')).toContainText('cloud-watch-logs · ALL');
  await page.screenshot({ path: '/tmp/vpc-lab-insights-cost-1600.png' });
});
