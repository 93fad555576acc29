/**
 * Drawing a big network in slices: the order in which new canvas elements are added, so that
 * each VPC appears whole (its gateway, subnets and their boxes together) instead of every VPC box
 * first, empty and stacked at the origin; and the extent of a computed layout, so the viewport
 * can frame the whole network before it is drawn. Pure, no Cytoscape.
 */
import type { Point } from './layout.ts';

export interface NewNode { id: string; parent?: string }

/**
 * Nodes reordered so that each one is followed by its whole subtree (depth first, document
 * order kept among siblings). A parent always comes before its children, as Cytoscape needs;
 * a node whose parent is not in the list (already drawn) is a root.
 */
export function subtreeOrder<T extends NewNode>(nodes: readonly T[]): T[] {
  const ids = new Set(nodes.map((n) => n.id));
  const children = new Map<string, T[]>();
  for (const n of nodes) {
    if (n.parent === undefined || !ids.has(n.parent)) continue;
    const list = children.get(n.parent);
    if (list) list.push(n);
    else children.set(n.parent, [n]);
  }
  const out: T[] = [];
  const stack: T[] = [];
  for (const root of nodes) {
    if (root.parent !== undefined && ids.has(root.parent)) continue;
    stack.push(root);
    while (stack.length) {
      const n = stack.pop()!;
      out.push(n);
      const kids = children.get(n.id);
      if (kids) for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]);
    }
  }
  return out;
}

/** The box around the laid-out positions, widened by `margin` on each side (node centres, so the margin stands for half a box). */
export function layoutExtent(layout: ReadonlyMap<string, Point>, margin = 120): { x1: number; y1: number; x2: number; y2: number } | null {
  let x1 = Infinity, y1 = Infinity, x2 = -Infinity, y2 = -Infinity;
  for (const p of layout.values()) {
    if (p.x < x1) x1 = p.x;
    if (p.x > x2) x2 = p.x;
    if (p.y < y1) y1 = p.y;
    if (p.y > y2) y2 = p.y;
  }
  return x1 === Infinity ? null : { x1: x1 - margin, y1: y1 - margin, x2: x2 + margin, y2: y2 + margin };
}

/**
 * Splits elements (in subtreeOrder, edges last) into parts of about `size`, cutting only before a
 * root, so that a box and everything inside it are added together (a compound node added before
 * its children is styled as childless, then styled and measured again). Edges go `edgeSize` at
 * a time: each one joins two compound boxes and costs several nodes' work.
 */
export function parts<T extends { group?: string; data: object }>(elements: readonly T[], size: number, edgeSize: number): T[][] {
  const out: T[][] = [];
  const seen = new Set<string | undefined>();
  let cur: T[] = [];
  for (const el of elements) {
    const isEdge = el.group === 'edges';
    const data = el.data as { id?: string; parent?: string };
    const isRoot = !isEdge && (data.parent === undefined || !seen.has(data.parent));
    if (cur.length > 0 && (isEdge ? cur.length >= edgeSize || cur[0].group !== 'edges' : isRoot && cur.length >= size)) {
      out.push(cur);
      cur = [];
    }
    if (!isEdge) seen.add(data.id);
    cur.push(el);
  }
  if (cur.length) out.push(cur);
  return out;
}
