/**
 * The Cytoscape adapter, shaped like xyflow's imperative widgets: `create(container, callbacks)`
 * returns `{ update, showPath, destroy }`. Elements are diffed by id inside cy.batch(); the
 * layout is the computed preset one; drags are reported as offsets, never kept here.
 */
import cytoscape from 'cytoscape';
import { canvasStyle } from './style.ts';
import { computeLayout, type Point } from './layout.ts';
import type { CanvasModel } from './model.ts';

export interface CanvasCallbacks {
  onSelect(id: string | null): void;
  /** A node was dragged by (dx, dy): the caller adds it to the node's stored offset. */
  onMove(id: string, dx: number, dy: number): void;
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

/** Replaces an element's model classes but keeps the trace highlight, which belongs to the last command, not to the document. */
function setClasses(el: cytoscape.SingularElementReturnValue, classes: string): void {
  const keep = ['on-path', 'blocked'].filter((c) => el.hasClass(c));
  const next = [...classes.split(' ').filter(Boolean), ...keep].join(' ');
  if (el.classes().join(' ') !== next) el.classes(next);
}

export function create(container: HTMLElement, callbacks: CanvasCallbacks): CanvasHandle {
  // Viewport textures keep pan and zoom smooth with a thousand labelled nodes.
  const cy = cytoscape({ container, style: canvasStyle, layout: { name: 'preset' }, minZoom: 0.05, maxZoom: 2.5, boxSelectionEnabled: false, textureOnViewport: true, hideEdgesOnViewport: true });
  let grabbed: { id: string; at: Point } | null = null;
  let timers: ReturnType<typeof setTimeout>[] = [];
  let fittedKey = '';
  let lastSelected: string | null = null;
  const fitView = () => {
    cy.fit(undefined, 30);
    // A lone small VPC should not fill the screen at 250 %.
    if (cy.zoom() > 1.3) cy.zoom({ level: 1.3, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
  };
  // Follow the container's size (window resize, panel changes) and keep the network in view.
  const resize = new ResizeObserver(() => {
    cy.resize();
    fitView();
  });
  resize.observe(container);

  cy.on('tap', (e) => {
    if (e.target === cy) callbacks.onSelect(null);
    else if (!e.target.hasClass('trace')) callbacks.onSelect(e.target.id());
  });
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
    cy.batch(() => {
      cy.remove('edge.trace');
      cy.elements().removeClass('on-path blocked');
    });
  }

  return {
    update(model, offsets, selected) {
      const layout = computeLayout(model, offsets);
      const wanted = new Set([...model.nodes.map((n) => n.id), ...model.edges.map((e) => e.id)]);
      cy.batch(() => {
        cy.elements().not('.trace').filter((el) => !wanted.has(el.id())).remove();
        // Parents before children: Cytoscape needs the parent to exist when a child is added.
        for (const n of model.nodes) {
          const classes = [n.kind, ...(n.tags ?? [])].join(' ');
          const el = cy.getElementById(n.id);
          if (el.empty()) cy.add({ group: 'nodes', data: { id: n.id, label: n.label, parent: n.parent }, classes });
          else {
            if (el.data('label') !== n.label) el.data('label', n.label);
            if ((el.parent().first().id() || undefined) !== n.parent) el.move({ parent: n.parent ?? null });
            setClasses(el, classes);
          }
        }
        for (const e of model.edges) {
          const classes = [e.kind, e.status ?? ''].join(' ');
          const el = cy.getElementById(e.id);
          if (el.empty()) cy.add({ group: 'edges', data: { id: e.id, source: e.source, target: e.target, label: e.label ?? '' }, classes });
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
        cy.elements().unselect();
        if (selected) cy.getElementById(selected).select();
      });
      // A selection made elsewhere (Resources list, Explain panel) scrolls the diagram to it.
      if (selected !== lastSelected) {
        lastSelected = selected;
        const el = selected ? cy.getElementById(selected) : null;
        if (el?.nonempty()) {
          const bb = el.renderedBoundingBox();
          if (bb.x2 < 0 || bb.y2 < 0 || bb.x1 > cy.width() || bb.y1 > cy.height()) cy.center(el);
        }
      }
      // Re-fit when VPCs come or go (a sample loaded, a VPC created), not on every edit.
      const key = (model.order.get('') ?? []).join(',');
      if (key !== fittedKey) {
        fittedKey = key;
        fitView();
      }
    },
    showPath(steps) {
      clearPath();
      let prev: string | null = null;
      steps.forEach((s, i) => {
        timers.push(setTimeout(() => {
          const el = cy.getElementById(s.id);
          if (el.empty()) return;
          el.addClass(s.blocked ? 'blocked' : 'on-path');
          // Arrows join the boxes the packet passes through (instances, gateways, the internet);
          // a subnet or VPC on the way is only highlighted, since it encloses its instances.
          const leaf = el.isNode() && el.isChildless() && !el.hasClass('subnet') && !el.hasClass('vpc');
          if (leaf && prev && prev !== s.id) {
            cy.add({ group: 'edges', data: { id: `trace-${i}`, source: prev, target: s.id }, classes: `trace ${s.leg === 'return' ? 'return' : ''} ${s.blocked ? 'stop' : ''}` });
          }
          if (leaf) prev = s.id;
        }, i * 260));
      });
    },
    fit() {
      fitView();
    },
    destroy() {
      resize.disconnect();
      timers.forEach(clearTimeout);
      cy.destroy();
    },
  };
}
