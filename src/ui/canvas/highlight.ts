/**
 * The highlight layer: the selected box and a trace's path, drawn by a second, small Cytoscape
 * instance laid over the diagram (same viewport, no input of its own) instead of by restyling
 * the diagram's elements.
 *
 * Why: Cytoscape keeps the whole diagram as one cached texture layer, and restyling any one
 * element throws that layer away: the next frame draws every box one by one. With ~3,000 boxes
 * that is 300-450 ms per selection change (and per step of a trace's animation) on a 2-core
 * machine. The layer instead holds a copy of each highlighted element (same place, size and
 * shape; transparent but for its mark) and the trace's arrows between them, a few dozen
 * elements at most, so a change redraws only those.
 */
import cytoscape from 'cytoscape';
import { highlightStyle } from './style.ts';

export type Mark = 'on-path' | 'blocked';

export interface Arrow {
  id: string;
  source: string;
  target: string;
  /** Style classes: `trace`, and `return` / `stop`. */
  classes: string;
}

export interface Highlight {
  /** The selected element (a diagram id; null or an id not drawn: none). */
  select(id: string | null): void;
  /** Marks an element as on a trace's path, or where the packet was stopped. */
  mark(id: string, mark: Mark): void;
  /** An arrow of the packet's way, between two boxes of the diagram. */
  arrow(a: Arrow): void;
  /** Drops the path's marks and arrows (the selection stays). */
  clearPath(): void;
  /** The diagram's elements moved, changed size or went away: the copies follow. */
  sync(): void;
  resize(): void;
  destroy(): void;
}

/** On-screen width, in px, under which a mark is thickened as the diagram is zoomed out. */
const MIN_PX = 2;

/** How much the marks are thickened at `zoom`: 1 from 50 % up, then in steps of √2. */
export function markScale(zoom: number): number {
  const raw = MIN_PX / 4 / zoom;
  return raw <= 1 ? 1 : Math.SQRT2 ** Math.ceil(Math.log2(raw) * 2);
}

/**
 * Below this zoom the diagram hides a VPC's 12 px label (its min-zoomed-font-size is 7 px): a
 * fitted big import then showed no name at all. The layer draws the VPCs' labels itself from
 * there on, enlarged so that they stay readable (0 when not shown).
 */
export const FAR_ZOOM = 7 / 12;
/** On screen the labels are then 9.1-12.9 px: 12 px × the scale × the zoom, the scale in steps of √2. */
const FAR_LABEL_PX = 9.1;
export function vpcLabelScale(zoom: number): number {
  return zoom >= FAR_ZOOM ? 0 : Math.SQRT2 ** Math.ceil(Math.log2(FAR_LABEL_PX / 12 / zoom) * 2 - 1e-9);
}

export function createHighlight(main: cytoscape.Core, host: HTMLElement): Highlight {
  const layer = document.createElement('div');
  layer.dataset.testid = 'highlight-layer';
  Object.assign(layer.style, { position: 'absolute', inset: '0', pointerEvents: 'none', zIndex: '1' });
  host.appendChild(layer);
  let scale = markScale(main.zoom());
  let labelScale = vpcLabelScale(main.zoom());
  const cy = cytoscape({
    container: layer, style: highlightStyle(scale, labelScale), layout: { name: 'preset' }, minZoom: main.minZoom(), maxZoom: main.maxZoom(), zoom: main.zoom(), pan: main.pan(),
    userZoomingEnabled: false, userPanningEnabled: false, boxSelectionEnabled: false, autoungrabify: true, autounselectify: true,
  });
  let selected: string | null = null;
  const marks = new Map<string, Set<Mark>>();
  const arrows: Arrow[] = [];

  const follow = () => {
    cy.viewport({ zoom: main.zoom(), pan: main.pan() });
    const next = markScale(main.zoom());
    const nextLabels = vpcLabelScale(main.zoom());
    if (next !== scale || nextLabels !== labelScale) {
      const labelsCome = (nextLabels === 0) !== (labelScale === 0);
      scale = next;
      labelScale = nextLabels;
      cy.style(highlightStyle(scale, labelScale));
      if (labelsCome) sync();
    }
  };
  main.on('viewport', follow);
  // A dragged box (and, with it, its subnet's and VPC's) moves: the copies follow in the same frame.
  let queued = false;
  const soon = () => {
    if (queued || !cy.elements().length) return;
    queued = true;
    queueMicrotask(() => {
      queued = false;
      sync();
    });
  };
  main.on('position', 'node', soon);

  /** Makes the layer's elements the copies the marks, the selection and the arrows need, where their originals are now. */
  function sync() {
    const nodes = new Map<string, string[]>();
    const edges = new Map<string, { el: cytoscape.EdgeSingular; classes: string[] }>();
    const needNode = (id: string) => {
      if (!nodes.has(id)) nodes.set(id, []);
      return nodes.get(id)!;
    };
    const want = (id: string, cls: string) => {
      const el = main.getElementById(id);
      if (el.empty()) return;
      if (el.isNode()) needNode(id).push(cls);
      else {
        const edge = el as cytoscape.EdgeSingular;
        // Its parallel links too (invisible), so that it bends as on the diagram.
        for (const e of edge.parallelEdges().toArray() as cytoscape.EdgeSingular[]) {
          if (!edges.has(e.id())) edges.set(e.id(), { el: e, classes: [] });
          needNode(e.source().id());
          needNode(e.target().id());
        }
        edges.get(id)!.classes.push(cls);
      }
    };
    if (selected) want(selected, 'selected');
    for (const [id, set] of marks) for (const m of set) want(id, m);
    const shown = arrows.filter((a) => main.getElementById(a.source).nonempty() && main.getElementById(a.target).nonempty());
    // Zoomed far out: each VPC's label, at the bottom of its box where the diagram draws it.
    const labels = new Map<string, { label: string; x: number; y: number }>();
    if (labelScale > 0) {
      for (const v of main.nodes('.vpc').toArray() as cytoscape.NodeSingular[]) {
        const b = v.boundingBox({ includeLabels: false, includeOverlays: false });
        labels.set(`far-label:${v.id()}`, { label: v.data('label') ?? v.id(), x: (b.x1 + b.x2) / 2, y: b.y2 });
      }
    }
    for (const a of shown) {
      needNode(a.source);
      needNode(a.target);
    }
    cy.batch(() => {
      cy.elements().filter((el) => !(el.isNode() ? nodes.has(el.id()) || labels.has(el.id()) : edges.has(el.id()) || shown.some((a) => a.id === el.id()))).remove();
      for (const [id, l] of labels) {
        const c = cy.getElementById(id);
        // Shape and size data as every copy has (the layer's node style maps them), for an invisible dot.
        if (c.empty()) cy.add({ group: 'nodes', data: { id, label: l.label, shape: 'rectangle', w: 1, h: 1, bw: 0, bs: 'solid' }, position: { x: l.x, y: l.y }, classes: 'far-label' });
        else {
          if (c.data('label') !== l.label) c.data('label', l.label);
          const p = c.position();
          if (p.x !== l.x || p.y !== l.y) c.position({ x: l.x, y: l.y });
        }
      }
      for (const [id, classes] of nodes) {
        const o = main.getElementById(id) as cytoscape.NodeSingular;
        // As Cytoscape draws it: width() and height() (a compound box's: what its children need), plus the padding.
        const pad = o.numericStyle('padding') as number;
        const data = { id, shape: o.style('shape') as string, w: o.width() + 2 * pad, h: o.height() + 2 * pad, bw: o.numericStyle('border-width') as number, bs: o.style('border-style') as string };
        const position = { ...o.position() };
        let c = cy.getElementById(id);
        if (c.empty()) c = cy.add({ group: 'nodes', data, position });
        else {
          const old = c.data();
          if ((Object.keys(data) as (keyof typeof data)[]).some((k) => old[k] !== data[k])) c.data(data);
          const p = c.position();
          if (p.x !== position.x || p.y !== position.y) c.position(position);
        }
        setClasses(c, classes);
      }
      for (const [id, { el, classes }] of edges) {
        let c = cy.getElementById(id);
        if (c.empty()) c = cy.add({ group: 'edges', data: { id, source: el.source().id(), target: el.target().id(), label: el.data('label') ?? '' } });
        else if (c.data('label') !== (el.data('label') ?? '')) c.data('label', el.data('label') ?? '');
        setClasses(c, [...el.classes(), ...(classes.length ? classes : ['ghost'])]);
      }
      for (const a of shown) if (cy.getElementById(a.id).empty()) cy.add({ group: 'edges', data: { id: a.id, source: a.source, target: a.target }, classes: a.classes });
    });
  }

  return {
    select(id) {
      if (id === selected) return;
      selected = id;
      sync();
    },
    mark(id, mark) {
      const set = marks.get(id) ?? new Set<Mark>();
      if (set.has(mark)) return;
      marks.set(id, set.add(mark));
      sync();
    },
    arrow(a) {
      arrows.push(a);
      sync();
    },
    clearPath() {
      if (!marks.size && !arrows.length) return;
      marks.clear();
      arrows.length = 0;
      sync();
    },
    sync,
    resize() {
      cy.resize();
      follow();
    },
    destroy() {
      main.off('viewport', follow);
      main.off('position', 'node', soon);
      cy.destroy();
      layer.remove();
    },
  };
}

function setClasses(el: cytoscape.SingularElementReturnValue, classes: string[]): void {
  const next = classes.join(' ');
  if (el.classes().join(' ') !== next) el.classes(next);
}
