/**
 * The stylesheets behind a fast big diagram: no node carries Cytoscape's default background image
 * (its drawing would restyle the node every frame, see style.ts), and the highlight layer's marks
 * keep their normal width at normal zoom, thickening only when zoomed far out.
 */
import cytoscape from 'cytoscape';
import { describe, expect, it } from 'vitest';
import { canvasStyle, highlightStyle } from '../../../src/ui/canvas/style.ts';
import { FAR_ZOOM, markScale, vpcLabelScale } from '../../../src/ui/canvas/highlight.ts';

/** A property as Cytoscape resolved it (pstyle: the parsed style its renderer reads; not in its published types). */
const prop = (el: cytoscape.NodeSingular, name: string) => (el as unknown as { pstyle(n: string): { value: unknown; pfValue: number } }).pstyle(name);

describe('canvas styles', () => {
  it('gives every kind of box an empty background-image list', () => {
    const cy = cytoscape({ headless: true, styleEnabled: true, style: canvasStyle, elements: [
      { data: { id: 'v', label: '' }, classes: 'vpc' },
      { data: { id: 's', parent: 'v', label: '' }, classes: 'subnet public' },
      { data: { id: 'i', parent: 's', label: '' }, classes: 'instance stopped' },
      { data: { id: 'g', label: '' }, classes: 'igw' },
      { data: { id: 'internet', label: '' }, classes: 'internet' },
    ] });
    for (const n of cy.nodes().toArray()) expect(prop(n, 'background-image').value, n.id()).toEqual([]);
    cy.destroy();
  });

  it('marks a copy with the selection border, and a path step with a border and a ring', () => {
    const cy = cytoscape({ headless: true, styleEnabled: true, style: highlightStyle(1), elements: [
      { data: { id: 'a', shape: 'round-rectangle', w: 130, h: 58, bw: 2, bs: 'solid' }, classes: 'selected' },
      { data: { id: 'b', shape: 'ellipse', w: 110, h: 56, bw: 0, bs: 'solid' }, classes: 'on-path' },
      { data: { id: 'c', shape: 'round-rectangle', w: 104, h: 46, bw: 0, bs: 'solid' } },
    ] });
    const a = cy.$id('a');
    expect([prop(a, 'border-width').pfValue, prop(a, 'border-opacity').value, a.width(), prop(a, 'shape').value]).toEqual([4, 1, 130, 'round-rectangle']);
    const b = cy.$id('b');
    expect([prop(b, 'border-width').pfValue, prop(b, 'outline-width').pfValue, prop(b, 'shape').value]).toEqual([4, 4, 'ellipse']);
    // A copy with no mark (an arrow's end) is drawn not at all.
    expect([prop(cy.$id('c'), 'border-opacity').value, prop(cy.$id('c'), 'background-opacity').value]).toEqual([0, 0]);
    cy.destroy();
  });
});

describe('markScale', () => {
  it('is 1 from 50 % zoom up, and grows in steps as the diagram is zoomed out', () => {
    for (const z of [0.5, 0.75, 1, 1.3, 2.5]) expect(markScale(z)).toBe(1);
    const scales = [0.4, 0.2, 0.1, 0.05].map(markScale);
    expect(scales[0]).toBeGreaterThan(1);
    for (let i = 1; i < scales.length; i++) expect(scales[i]).toBeGreaterThan(scales[i - 1]);
    // On screen, a 4-px border stays at least 2 px wide.
    for (const z of [0.4, 0.2, 0.1, 0.05]) expect(4 * markScale(z) * z).toBeGreaterThanOrEqual(2);
  });
});

describe('VPC labels zoomed far out', () => {
  it('are drawn by the layer only where the diagram hides its own (below 7/12), enlarged to 9.1-12.9 px on screen', () => {
    expect(vpcLabelScale(1)).toBe(0);
    expect(vpcLabelScale(FAR_ZOOM)).toBe(0);
    for (const zoom of [0.58, 0.5, 0.4, 0.3, 0.25, 0.1, 0.05]) {
      const s = vpcLabelScale(zoom);
      expect(s, String(zoom)).toBeGreaterThan(1);
      expect(12 * s * zoom, String(zoom)).toBeGreaterThanOrEqual(9.1 - 1e-9);
      expect(12 * s * zoom, String(zoom)).toBeLessThanOrEqual(9.1 * Math.SQRT2 + 1e-9);
    }
  });

  it('style the layer\'s label dots with the enlarged font', () => {
    const cy = cytoscape({ headless: true, styleEnabled: true, style: highlightStyle(1, 2), elements: [
      { data: { id: 'far-label:vpc-1', label: 'vpc-a  10.1.0.0/16', shape: 'rectangle', w: 1, h: 1, bw: 0, bs: 'solid' }, classes: 'far-label' },
    ] });
    const n = cy.getElementById('far-label:vpc-1') as cytoscape.NodeSingular;
    expect(prop(n, 'font-size').pfValue).toBe(24);
    expect(prop(n, 'label').value).toBe('vpc-a  10.1.0.0/16');
    cy.destroy();
  });
});
