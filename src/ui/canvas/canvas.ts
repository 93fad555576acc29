/**
 * The Cytoscape adapter, shaped like xyflow's imperative widgets: `create(container, callbacks)`
 * returns `{ update, showPath, destroy }`. Elements are diffed by id inside cy.batch(); the
 * layout is the computed preset one; drags are reported as offsets, never kept here. The
 * selection and a trace's path are drawn by the highlight layer over the diagram (highlight.ts):
 * the diagram's own elements change only when the document does.
 */
import cytoscape from 'cytoscape';
import { canvasStyle } from './style.ts';
import { computeLayout, type Point } from './layout.ts';
import type { CanvasModel } from './model.ts';
import { layoutExtent, parts, subtreeOrder } from './draw-order.ts';
import { createHighlight } from './highlight.ts';
import { quietPress } from './quiet-press.ts';
import { nextFrame, nextTask } from '../shell/scheduling.ts';

/** More new elements than this (an import, a big sample) are drawn in slices, with progress. */
const BULK = 600;
/** Work per slice before the browser gets the thread back, and elements added per step within it. */
const SLICE_MS = 40;
const PART = 40;
const EDGE_PART = 8;

export interface CanvasCallbacks {
  onSelect(id: string | null): void;
  /** A node was dragged by (dx, dy): the caller adds it to the node's stored offset. */
  onMove(id: string, dx: number, dy: number): void;
  /** A big set of new elements is being drawn in slices: `done` of `total` so far (equal when finished). */
  onProgress?(done: number, total: number): void;
}

export interface PathStep {
  /** Canvas node or edge id. */
  id: string;
  blocked?: boolean;
  leg: 'forward' | 'return';
}

export interface CanvasHandle {
  update(model: CanvasModel, offsets: Record<string, Point>, selected: string | null): void;
  showPath(steps: PathStep[]): void;
  fit(): void;
  destroy(): void;
}

function setClasses(el: cytoscape.SingularElementReturnValue, classes: string): void {
  const next = classes.split(' ').filter(Boolean).join(' ');
  if (el.classes().join(' ') !== next) el.classes(next);
}

/** The canvas toolbar's height: it floats over the top of the diagram (CanvasToolbar.svelte). */
const TOOLBAR_HEIGHT = 48;
const FIT_MARGIN = 30;

export function create(container: HTMLElement, callbacks: CanvasCallbacks): CanvasHandle {
  // Viewport textures keep pan and zoom smooth with a thousand labelled nodes. Nothing is ever
  // selected here (nor marked :active on press): the highlight layer shows the selection.
  const cy = cytoscape({ container, style: canvasStyle, layout: { name: 'preset' }, minZoom: 0.05, maxZoom: 2.5, boxSelectionEnabled: false, autounselectify: true, textureOnViewport: true, hideEdgesOnViewport: true });
  quietPress(cy);
  const highlight = createHighlight(cy, container);
  let grabbed: { id: string; at: Point } | null = null;
  let timers: ReturnType<typeof setTimeout>[] = [];
  let fittedKey = '';
  let lastSelected: string | null = null;
  /** Bumped by every update(): a slow population that sees another number stops (the newer update takes over). */
  let jobs = 0;
  let destroyed = false;
  let populating = false;
  /** The model and offsets the elements were last made from. */
  let drawn: { model: CanvasModel | null; offsets: Record<string, Point> | null } = { model: null, offsets: null };
  /**
   * Frames a box of the diagram: 30 px around it, below the toolbar that floats over the
   * diagram's top edge (cy.fit would put the Internet node under it), and never above 130 %
   * (a lone small VPC should not fill the screen at 250 %).
   */
  const frame = (box: { x1: number; y1: number; x2: number; y2: number }) => {
    const w = cy.width() - 2 * FIT_MARGIN;
    const h = cy.height() - TOOLBAR_HEIGHT - 2 * FIT_MARGIN;
    const bw = Math.max(1, box.x2 - box.x1);
    const bh = Math.max(1, box.y2 - box.y1);
    const zoom = Math.min(1.3, Math.max(cy.minZoom(), Math.min(w / bw, h / bh)));
    cy.viewport({ zoom, pan: { x: (cy.width() - zoom * (box.x1 + box.x2)) / 2, y: TOOLBAR_HEIGHT + FIT_MARGIN + (h - zoom * bh) / 2 - zoom * box.y1 } });
  };
  const fitView = () => {
    if (cy.elements().nonempty()) frame(cy.elements().boundingBox());
  };
  // Follow the container's size (window resize, panel changes) and keep the network in view.
  const resize = new ResizeObserver(() => {
    cy.resize();
    highlight.resize();
    fitView();
  });
  resize.observe(container);

  cy.on('tap', (e) => callbacks.onSelect(e.target === cy ? null : e.target.id()));
  cy.on('grab', 'node', (e) => {
    grabbed = { id: e.target.id(), at: { ...e.target.position() } };
  });
  cy.on('free', 'node', (e) => {
    if (!grabbed || grabbed.id !== e.target.id()) return;
    const p = e.target.position();
    const dx = p.x - grabbed.at.x;
    const dy = p.y - grabbed.at.y;
    grabbed = null;
    if (Math.abs(dx) + Math.abs(dy) > 1) callbacks.onMove(e.target.id(), dx, dy);
  });

  function clearPath() {
    timers.forEach(clearTimeout);
    timers = [];
    highlight.clearPath();
  }

  /** Selection, scroll-to-selection and fit: what follows the elements being in place. */
  function settle(model: CanvasModel, selected: string | null) {
    highlight.select(selected);
    // Re-fit when VPCs come or go (a sample loaded, a VPC created), not on every edit.
    const key = (model.order.get('') ?? []).join(',');
    const refit = key !== fittedKey;
    if (refit) {
      fittedKey = key;
      fitView();
    }
    // A selection made elsewhere (Resources list, Explain panel) scrolls the diagram to it.
    if (selected !== lastSelected) {
      lastSelected = selected;
      const el = selected ? cy.getElementById(selected) : null;
      if (el?.nonempty() && !refit) {
        const bb = el.renderedBoundingBox();
        if (bb.x2 < 0 || bb.y2 < 0 || bb.x1 > cy.width() || bb.y1 > cy.height()) cy.center(el);
      }
    }
  }

  /**
   * Adds many elements a slice at a time (about SLICE_MS of work each, styles and label sizes
   * included), yielding to the browser in between: the page answers clicks and shows the
   * progress while a big import is drawn. A later update() supersedes it (`job` changes).
   */
  async function populate(fresh: cytoscape.ElementDefinition[], model: CanvasModel, selected: string | null, layout: Map<string, Point>, job: number) {
    const total = fresh.length;
    // Frame the whole network first, so VPCs appear in their final place as they are drawn.
    if ((model.order.get('') ?? []).join(',') !== fittedKey) {
      const box = layoutExtent(layout);
      if (box) frame(box);
    }
    // Cytoscape draws nothing while a batch is open: one is held open while the browser has the
    // thread between slices (drawing a growing network on every frame costs more than building
    // it), and closed during each slice, so what a slice adds is styled, measured and bounded
    // there, once. The last one closes before the first drawing of the whole network.
    await nextFrame(); // first the old network's removal is drawn: it must not stay on screen
    if (job !== jobs || destroyed) return;
    const steps = parts(fresh, PART, EDGE_PART);
    let i = 0;
    let done = 0;
    let held = false;
    try {
      while (i < steps.length) {
        const start = performance.now();
        while (i < steps.length && performance.now() - start < SLICE_MS) {
          const part = steps[i++];
          done += part.length;
          let added = cy.collection();
          cy.batch(() => void (added = cy.add(part)));
          // Styles and label sizes are computed lazily; asking for the bounds does it now, inside this slice.
          added.boundingBox();
        }
        callbacks.onProgress?.(done, total);
        cy.startBatch();
        held = true;
        await nextTask();
        cy.endBatch();
        held = false;
        if (job !== jobs || destroyed) return;
      }
    } finally {
      if (held && !destroyed) cy.endBatch();
    }
    populating = false;
    highlight.sync();
    settle(model, selected);
    callbacks.onProgress?.(total, total);
  }

  return {
    update(model, offsets, selected) {
      // Only the selection changed (a click in the Resources list): no element to diff.
      if (model === drawn.model && offsets === drawn.offsets && !populating) {
        settle(model, selected);
        return;
      }
      drawn = { model, offsets };
      const job = ++jobs;
      const layout = computeLayout(model, offsets);
      const wanted = new Set<string>();
      for (const n of model.nodes) wanted.add(n.id);
      for (const e of model.edges) wanted.add(e.id);
      const freshNodes: (cytoscape.ElementDefinition & { id: string; parent?: string })[] = [];
      const freshEdges: cytoscape.ElementDefinition[] = [];
      cy.batch(() => {
        cy.elements().filter((el) => !wanted.has(el.id())).remove();
        const fresh = new Set<string>();
        for (const n of model.nodes) {
          const classes = [n.kind, ...(n.tags ?? [])].join(' ');
          let el = cy.getElementById(n.id);
          // A node moving under a parent that is not drawn yet is drawn again after it.
          if (el.nonempty() && n.parent !== undefined && fresh.has(n.parent)) {
            el.remove();
            el = cy.collection();
          }
          if (el.empty()) {
            fresh.add(n.id);
            freshNodes.push({ group: 'nodes', id: n.id, parent: n.parent, data: { id: n.id, label: n.label, parent: n.parent }, classes, position: layout.get(n.id) ? { ...layout.get(n.id)! } : undefined });
          } else {
            if (el.data('label') !== n.label) el.data('label', n.label);
            if ((el.parent().first().id() || undefined) !== n.parent) el.move({ parent: n.parent ?? null });
            setClasses(el, classes);
          }
        }
        for (const e of model.edges) {
          const classes = [e.kind, e.status ?? ''].join(' ');
          const el = cy.getElementById(e.id);
          if (el.empty()) freshEdges.push({ group: 'edges', data: { id: e.id, source: e.source, target: e.target, label: e.label ?? '' }, classes });
          else {
            el.data('label', e.label ?? '');
            setClasses(el, classes);
          }
        }
        for (const [id, p] of layout) {
          const el = cy.getElementById(id);
          if (el.nonempty() && el.isChildless()) {
            const cur = el.position();
            if (cur.x !== p.x || cur.y !== p.y) el.position(p);
          }
        }
      });
      // Parents before children (Cytoscape needs the parent when a child is added), each VPC whole.
      const fresh = [...subtreeOrder(freshNodes).map(({ id: _id, parent: _parent, ...def }) => def), ...freshEdges];
      if (fresh.length > BULK) {
        populating = true;
        void populate(fresh, model, selected, layout, job);
        return;
      }
      if (fresh.length) cy.batch(() => void cy.add(fresh));
      highlight.sync();
      settle(model, selected);
      // This update finished what a superseded slow one had started.
      if (populating) {
        populating = false;
        callbacks.onProgress?.(1, 1);
      }
    },
    showPath(steps) {
      clearPath();
      let prev: string | null = null;
      steps.forEach((s, i) => {
        timers.push(setTimeout(() => {
          const el = cy.getElementById(s.id);
          if (el.empty()) return;
          highlight.mark(s.id, s.blocked ? 'blocked' : 'on-path');
          // Arrows join the boxes the packet passes through (instances, gateways, the internet);
          // a subnet or VPC on the way is only highlighted, since it encloses its instances.
          const leaf = el.isNode() && el.isChildless() && !el.hasClass('subnet') && !el.hasClass('vpc');
          if (leaf && prev && prev !== s.id) {
            highlight.arrow({ id: `trace-${i}`, source: prev, target: s.id, classes: `trace ${s.leg === 'return' ? 'return' : ''} ${s.blocked ? 'stop' : ''}` });
          }
          if (leaf) prev = s.id;
        }, i * 260));
      });
    },
    fit() {
      fitView();
    },
    destroy() {
      destroyed = true;
      resize.disconnect();
      timers.forEach(clearTimeout);
      highlight.destroy();
      cy.destroy();
    },
  };
}
