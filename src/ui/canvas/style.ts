/**
 * Cytoscape styles, in the AWS architecture icon colours (VPC purple, public green, private blue,
 * compute orange): the diagram's (canvasStyle), and the highlight layer's (highlightStyle: the
 * selection and a trace's path, drawn over the diagram by highlight.ts).
 */
import type cytoscape from 'cytoscape';

type Rule = cytoscape.StylesheetJson[number];

/** The links' look, shared by the diagram and the highlight layer (which redraws a highlighted link over its original). */
function edgeRules(scale: number): Rule[] {
  return [
    { selector: 'edge', style: { width: 2 * scale, 'curve-style': 'bezier', 'line-color': '#879596', label: 'data(label)', 'font-size': 10, 'min-zoomed-font-size': 7, 'text-wrap': 'wrap', 'text-background-color': '#fff', 'text-background-opacity': 0.9, 'text-background-padding': '2px' } },
    // Above the VPC boxes it joins, so that its label is not drawn under their borders.
    { selector: 'edge.peering', style: { 'line-color': '#8c4fff', width: 3 * scale, 'z-compound-depth': 'top', 'font-size': 11 } },
    { selector: 'edge.pending-acceptance, edge.initiating-request, edge.provisioning', style: { 'line-style': 'dashed', 'line-dash-pattern': [8 * scale, 5 * scale] } },
    { selector: 'edge.deleted, edge.failed, edge.rejected, edge.expired, edge.deleting', style: { 'line-color': '#d5dbdb', color: '#aab7b8', 'line-style': 'dotted' } },
  ];
}

/**
 * No background image, said as an empty list: Cytoscape 3.34's default (`none`, a list of one) makes
 * every drawing of a node flip its `backgrounding` state twice (the skipped image counts as loaded
 * on one pass and not on the other), and each flip restyles the node with its parents and
 * children. The renderer then throws away the cached layer they are in at its next frame, so the
 * diagram was never drawn from its cache: each pan, zoom or change redrew every box one by one
 * (~600 ms with 3,000 boxes on a 2-core machine, against ~60 ms from the cache).
 */
const noImage = { 'background-image': [] as string[] };

export const canvasStyle: cytoscape.StylesheetJson = [
  { selector: 'node', style: { ...noImage, label: 'data(label)', 'text-wrap': 'wrap', 'font-size': 11, 'min-zoomed-font-size': 7, 'font-family': 'system-ui, sans-serif', color: '#16191f', 'text-valign': 'center', 'text-halign': 'center' } },
  { selector: 'node.vpc', style: { shape: 'round-rectangle', 'background-color': '#f6f0ff', 'background-opacity': 0.6, 'border-color': '#8c4fff', 'border-width': 2, 'text-valign': 'bottom', 'text-halign': 'center', 'text-margin-y': 4, 'font-weight': 600, 'font-size': 12, padding: '22px', 'min-width': '240px', 'min-height': '90px' } },
  { selector: 'node.subnet', style: { shape: 'round-rectangle', 'background-color': '#ffffff', 'border-width': 2, 'text-valign': 'top', 'text-halign': 'center', 'text-margin-y': 30, padding: '36px', 'padding-top': '40px', 'min-width': '150px', 'min-height': '50px' } },
  // Padding adds to a childless node's size too: without resetting it, an empty subnet is drawn
  // ~100 px wider than the layout leaves it, over its neighbour.
  { selector: 'node.subnet:childless', style: { width: 170, height: 60, padding: '0px', 'padding-top': '0px', 'text-valign': 'center', 'text-margin-y': 0 } },
  { selector: 'node.vpc:childless', style: { width: 240, height: 80, padding: '0px', 'text-valign': 'center', 'text-margin-y': 0 } },
  { selector: 'node.public', style: { 'border-color': '#7aa116', 'background-color': '#f2f8e6' } },
  { selector: 'node.private', style: { 'border-color': '#147eba', 'background-color': '#eaf4fb' } },
  { selector: 'node.instance', style: { shape: 'round-rectangle', width: 130, height: 58, 'background-color': '#fff4e8', 'border-color': '#ed7100', 'border-width': 2 } },
  { selector: 'node.instance.stopped', style: { 'background-color': '#f4f6f8', 'border-color': '#879596', 'border-style': 'dashed', color: '#5f6b7a' } },
  { selector: 'node.nat', style: { shape: 'round-rectangle', width: 120, height: 58, 'background-color': '#f1e9ff', 'border-color': '#8c4fff', 'border-width': 2 } },
  { selector: 'node.eni', style: { shape: 'round-rectangle', width: 120, height: 44, 'background-color': '#f4f6f8', 'border-color': '#879596', 'border-width': 1, 'border-style': 'dashed', 'font-size': 10 } },
  // An unnamed gateway shows its 21-character id: it wraps inside the box instead of spilling out.
  { selector: 'node.igw', style: { shape: 'round-rectangle', width: 104, height: 46, 'background-color': '#8c4fff', color: '#fff', 'font-weight': 600, 'font-size': 10, 'text-max-width': '96px', 'text-overflow-wrap': 'anywhere' } },
  { selector: 'node.igw.detached', style: { 'background-color': '#d5dbdb', color: '#414d5c', width: 120 } },
  { selector: 'node.internet', style: { shape: 'ellipse', width: 110, height: 56, 'background-color': '#232f3e', color: '#fff', 'font-weight': 600 } },
  ...edgeRules(1),
];

/**
 * The highlight layer: each highlighted element is a copy of a diagram element, at its place and
 * of its size and shape (data: shape, w, h; bw and bs are the original's border width and style),
 * invisible but for its marks: `selected`, `on-path`, `blocked`; and the trace's arrows (`trace`).
 * The marks are the diagram's former :selected / on-path / blocked looks, drawn over the original:
 * the same border, and a ring (outline) where the diagram had a halo (underlay) beneath the box.
 * `scale` (1 at normal zoom) thickens them when zoomed far out, so that they stay visible.
 */
export function highlightStyle(scale = 1, vpcLabelScale = 0): cytoscape.StylesheetJson {
  const s = scale;
  return [
    { selector: 'node', style: { ...noImage, label: '', shape: 'data(shape)' as never, width: 'data(w)', height: 'data(h)', padding: '0px', 'background-opacity': 0, 'border-width': 'data(bw)', 'border-style': 'data(bs)' as never, 'border-opacity': 0, 'overlay-opacity': 0 } },
    ...edgeRules(s),
    // A parallel link drawn only so that the highlighted one bends as it does on the diagram.
    { selector: 'edge.ghost', style: { opacity: 0 } },
    { selector: 'node.selected', style: { 'border-color': '#0972d3', 'border-width': 4 * s, 'border-opacity': 1 } },
    { selector: 'edge.selected', style: { 'line-color': '#0972d3' } },
    { selector: 'node.on-path', style: { 'border-color': '#037f0c', 'border-width': 4 * s, 'border-opacity': 1, 'outline-color': '#037f0c', 'outline-opacity': 0.18, 'outline-width': 4 * s } },
    { selector: 'edge.on-path', style: { 'line-color': '#037f0c', width: 4 * s } },
    { selector: 'node.blocked', style: { 'border-color': '#d91515', 'border-width': 5 * s, 'border-opacity': 1, 'outline-color': '#d91515', 'outline-opacity': 0.25, 'outline-width': 5.5 * s } },
    { selector: 'edge.blocked', style: { 'line-color': '#d91515' } },
    { selector: 'edge.trace', style: { 'line-color': '#037f0c', width: 3 * s, 'target-arrow-shape': 'triangle', 'target-arrow-color': '#037f0c', 'curve-style': 'unbundled-bezier', 'control-point-distances': [-60], 'control-point-weights': [0.5], 'line-style': 'dashed', 'line-dash-pattern': [6 * s, 4 * s], label: '', 'z-index': 99 } },
    { selector: 'edge.trace.return', style: { 'line-color': '#0972d3', 'target-arrow-color': '#0972d3' } },
    // A VPC's label when the diagram is zoomed too far out to draw it (highlight.ts: vpcLabelScale).
    { selector: 'node.far-label', style: { label: 'data(label)', 'text-valign': 'bottom', 'text-halign': 'center', 'text-wrap': 'wrap', 'text-margin-y': 4 * Math.max(1, vpcLabelScale), 'font-size': 12 * Math.max(1, vpcLabelScale), 'font-weight': 600, 'font-family': 'system-ui, sans-serif', color: '#16191f', 'text-background-color': '#fff', 'text-background-opacity': 0.85, 'text-background-padding': `${2 * Math.max(1, vpcLabelScale)}px`, 'min-zoomed-font-size': 0 } },
    { selector: 'edge.trace.stop', style: { 'line-color': '#d91515', 'target-arrow-color': '#d91515', 'target-arrow-shape': 'tee' } },
  ];
}
