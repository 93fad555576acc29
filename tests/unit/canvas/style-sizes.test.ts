/**
 * The layout leaves an empty subnet CHILD_W + SUBNET_PAD (190 px) and an empty VPC 260 px: the
 * stylesheet must draw them no wider, or an empty subnet covers its neighbour (padding counts
 * towards a childless node's size in Cytoscape). Headless Cytoscape applies the real stylesheet.
 */
import cytoscape from 'cytoscape';
import { expect, it } from 'vitest';
import { canvasStyle } from '../../../src/ui/canvas/style.ts';

it('draws an empty subnet and an empty VPC within the room the layout gives them', () => {
  const cy = cytoscape({ headless: true, styleEnabled: true, style: canvasStyle, elements: [
    { data: { id: 'vpc-empty', label: '' }, classes: 'vpc' },
    { data: { id: 'vpc-1', label: '' }, classes: 'vpc' },
    { data: { id: 'subnet-empty', parent: 'vpc-1', label: '' }, classes: 'subnet public' },
  ] });
  expect(cy.getElementById('subnet-empty').outerWidth()).toBeLessThanOrEqual(190);
  expect(cy.getElementById('vpc-empty').outerWidth()).toBeLessThanOrEqual(260);
  cy.destroy();
});
