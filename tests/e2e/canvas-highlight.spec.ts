/**
 * The selection and a trace's path are drawn by the highlight layer over the diagram, never by
 * restyling the diagram (on a big network a restyle costs a whole redraw: see
 * src/ui/canvas/highlight.ts). Cytoscape keeps each core on its container (`_cyreg`): the
 * diagram's on `.cy`, the layer's on its own element.
 */
import { expect, test, type Page } from '@playwright/test';
import { syntheticDoc } from '../../bench/ui.ts';
import { run } from './helpers.ts';

type Probe = { changed: number; mark(id: string): string | null; arrows(): number; box(id: string): { x: number; y: number; left: number; top: number } };

/** Counts changes of the diagram's elements (selected, pressed, classes, added, removed) from now on, and exposes what the tests read. */
async function watch(page: Page): Promise<void> {
  await page.evaluate(() => {
    const main = (document.querySelector('.cy') as unknown as { _cyreg: { cy: import('cytoscape').Core } })._cyreg.cy;
    const layer = () => (document.querySelector('[data-testid="highlight-layer"]') as unknown as { _cyreg: { cy: import('cytoscape').Core } })._cyreg.cy;
    const probe: Probe = {
      changed: 0,
      mark: (id) => (layer().getElementById(id).nonempty() ? layer().getElementById(id).classes().join(' ') : null),
      arrows: () => layer().edges('.trace').length,
      box: (id) => {
        const n = main.getElementById(id);
        const p = n.renderedPosition();
        const w = (n.width() + 2 * (n.numericStyle('padding') as number)) * main.zoom();
        const h = (n.height() + 2 * (n.numericStyle('padding') as number)) * main.zoom();
        return { x: p.x, y: p.y, left: p.x - w / 2, top: p.y - h / 2 };
      },
    };
    main.on('select unselect activate unactivate class add remove', () => void probe.changed++);
    (window as unknown as { probe: Probe }).probe = probe;
  });
}

const probe = <T>(page: Page, fn: (p: Probe, arg: string) => T, arg = '') =>
  page.evaluate(({ src, arg }) => (0, eval)(src)((window as unknown as { probe: Probe }).probe, arg), { src: fn.toString(), arg }) as Promise<T>;

/** Whether the highlight layer drew the selection's blue (or the path's green) around (x, y) of the diagram (CSS px from its top left). */
async function marked(page: Page, x: number, y: number, colour: 'blue' | 'green'): Promise<boolean> {
  return page.evaluate(({ x, y, colour }) => {
    for (const c of document.querySelectorAll<HTMLCanvasElement>('[data-testid="highlight-layer"] canvas')) {
      const k = c.width / c.getBoundingClientRect().width;
      const d = c.getContext('2d')!.getImageData(Math.round(x * k) - 1, Math.round(y * k) - 1, 3, 3).data;
      for (let i = 0; i < d.length; i += 4) {
        const [r, g, b, a] = [d[i], d[i + 1], d[i + 2], d[i + 3]];
        if (a > 150 && (colour === 'blue' ? b > 150 && r < 80 : g > 100 && r < 60 && b < 60)) return true;
      }
    }
    return false;
  }, { x, y, colour });
}

test('a click on a box selects it and the highlight layer marks it; a trace marks its path; neither changes the diagram elements', async ({ page }) => {
  await page.goto('./');
  await expect(page.getByText(/^Resources \(8\)$/)).toBeVisible();
  await page.waitForTimeout(500);
  await watch(page);
  const id = await page.evaluate(() => (document.querySelector('.cy') as unknown as { _cyreg: { cy: import('cytoscape').Core } })._cyreg.cy.nodes('.instance').first().id());
  const cy = (await page.locator('.cy').boundingBox())!;
  const at = await probe(page, (p, id) => p.box(id), id);
  await page.mouse.click(cy.x + at.x, cy.y + at.y);
  // The resource opens in the editor; its box is marked, in the selection's blue, on its border.
  await expect(page.locator(`[data-tab-id="${id}"] [role="tab"][aria-selected="true"]`)).toBeVisible();
  await expect.poll(() => probe(page, (p, id) => p.mark(id), id)).toBe('selected');
  await expect.poll(() => marked(page, at.left, at.y, 'blue')).toBe(true);

  // A failing ping: its path is marked step by step, with arrows between the boxes it passes.
  await page.getByLabel('Instance to run commands from').selectOption({ index: 0 });
  await run(page, 'ping -c 1 10.2.0.4');
  await expect(page.getByTestId('verdict')).toHaveText('Not reachable');
  await expect.poll(() => probe(page, (p) => p.arrows())).toBeGreaterThan(0);
  await expect.poll(() => probe(page, (p, id) => p.mark(id), id)).toContain('on-path');
  expect(await probe(page, (p) => p.changed)).toBe(0);

  // The selected box dragged: the move is kept, and the mark (the path's, over the selection's) follows it.
  const before = await probe(page, (p, id) => p.box(id), id);
  await page.mouse.move(cy.x + before.x, cy.y + before.y);
  await page.mouse.down();
  for (let k = 1; k <= 5; k++) await page.mouse.move(cy.x + before.x + 8 * k, cy.y + before.y + 4 * k);
  await page.mouse.up();
  await expect.poll(async () => (await probe(page, (p, id) => p.box(id), id)).x).toBeGreaterThan(before.x + 30);
  const moved = await probe(page, (p, id) => p.box(id), id);
  await expect.poll(() => marked(page, moved.left, moved.y, 'green')).toBe(true);
});

test('on a big network, a selection made in the Resources list is visible at the fitted zoom and changes nothing on the diagram', async ({ page }) => {
  const { doc, vpcs } = syntheticDoc(300);
  await page.goto('./');
  await page.getByTestId('import-input').setInputFiles({ name: 'big.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(doc)) });
  await expect(page.getByText(/^Resources \(1499\)$/)).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('canvas-progress')).toHaveCount(0, { timeout: 30_000 });
  await page.getByText(/^Resources \(/).click();
  await page.waitForTimeout(1000);
  await watch(page);
  await page.locator(`nav[aria-label="Resources"] button[title="${vpcs[150]}"]`).click();
  await expect.poll(() => probe(page, (p, id) => p.mark(id), vpcs[150])).toBe('selected');
  // At this zoom a box's 2-px border is a tenth of a pixel: the mark is thickened to stay visible.
  const at = await probe(page, (p, id) => p.box(id), vpcs[150]);
  await expect.poll(() => marked(page, at.left, at.y, 'blue')).toBe(true);
  expect(await probe(page, (p) => p.changed)).toBe(0);
  // At this zoom the diagram hides the VPCs' own labels: the layer draws each VPC's name instead.
  const farLabels = await page.evaluate(() => (document.querySelector('[data-testid="highlight-layer"]') as unknown as { _cyreg: { cy: import('cytoscape').Core } })._cyreg.cy.nodes('.far-label').map((n) => n.data('label') as string));
  expect(farLabels).toHaveLength(vpcs.length);
  expect(farLabels.every((l) => /\d+\.\d+\.\d+\.\d+\/\d+/.test(l))).toBe(true);
});
