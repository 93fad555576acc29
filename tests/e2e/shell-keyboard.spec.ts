import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { selectResource } from './helpers.ts';

test('the problems list closes on Esc and on a click outside, and covers neither the side tabs nor the editor', async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 700 });
  await page.goto('./');
  await expect(page.getByText(/^Resources \(8\)$/)).toBeVisible();
  const dir = 'static/samples/aws/test-vpc-peering/aws_configs';
  await page.getByTestId('import-input').setInputFiles(readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => join(dir, f)));
  const badge = page.getByRole('button', { name: '1 problem(s) in the document' });
  const list = page.getByRole('region', { name: 'Problems in the document' });

  // Keyboard: Enter opens, Esc closes and focus stays on the badge.
  await badge.focus();
  await page.keyboard.press('Enter');
  await expect(list).toBeVisible();
  await expect(badge).toHaveAttribute('aria-expanded', 'true');
  await page.keyboard.press('Escape');
  await expect(list).toBeHidden();
  await expect(badge).toBeFocused();

  // Open, it lies over the canvas: the side panel is left free, so its links' resource shows beside it.
  await badge.click();
  await expect(list).toBeVisible();
  const l = (await list.boundingBox())!;
  const side = (await page.locator('aside.side').boundingBox())!;
  expect(l.x + l.width).toBeLessThanOrEqual(side.x);
  expect(l.x).toBeGreaterThanOrEqual(0);
  await list.getByRole('button', { name: /^open rtb-/ }).click();
  await expect(page.getByRole('tab', { name: /^rtb-|·/ }).first()).toBeVisible();
  await page.screenshot({ path: '/tmp/vpc-lab-shell-problems-1024.png' });
  // A click outside closes it, and the click still reaches what it was aimed at (a side tab).
  await page.getByRole('tab', { name: 'Explain' }).click();
  await expect(list).toBeHidden();
  await expect(page.getByRole('tab', { name: 'Explain' })).toHaveAttribute('aria-selected', 'true');
});

test('Tab in the JSON editor is no trap: the hint under it names the key that makes Tab move focus, and says which mode is on', async ({ page }) => {
  await page.goto('./');
  await selectResource(page, /web-a/);
  const hint = page.getByTestId('tab-mode');
  await expect(hint).toHaveText('Tab indents (Ctrl+M: Tab moves focus)');
  const inEditor = () => page.evaluate(() => !!document.activeElement?.closest('.monaco-editor'));
  await page.locator('[data-testid="editor-host"] .view-lines').click();
  expect(await inEditor()).toBe(true);
  await page.keyboard.press('Tab'); // indents: focus stays
  expect(await inEditor()).toBe(true);
  await page.keyboard.press('Control+z'); // take the indentation back
  await page.keyboard.press('Control+m');
  await expect(hint).toHaveText('Tab moves focus (Ctrl+M: Tab indents)');
  await page.keyboard.press('Tab');
  await expect.poll(inEditor).toBe(false);
  // Shift+Tab goes back into the editor; Ctrl+M there gives Tab back to indentation.
  await page.keyboard.press('Shift+Tab');
  await expect.poll(inEditor).toBe(true);
  await page.keyboard.press('Control+m');
  await expect(hint).toHaveText('Tab indents (Ctrl+M: Tab moves focus)');
  await page.keyboard.press('Tab');
  expect(await inEditor()).toBe(true);
  // The editor's textarea is described by the hint, for screen readers.
  expect(await page.locator('[data-testid="editor-host"] textarea').getAttribute('aria-describedby')).toBe('editor-keys');
});
