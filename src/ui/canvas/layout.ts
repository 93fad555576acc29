/**
 * A deterministic `preset` layout: VPCs on a grid, subnets side by side inside, instances two per
 * row inside a subnet. Computed (not force-directed) so the same document always looks the same
 * and 1,000 nodes lay out in milliseconds. Learner drags are offsets applied on top.
 */
import type { CanvasModel } from './model.ts';

export type Point = { x: number; y: number };

const CHILD_W = 150;
const CHILD_H = 84;
const SUBNET_PAD = 40;
const SUBNET_GAP = 40;
const VPC_GAP = 90;

export function computeLayout(model: CanvasModel, offsets: Record<string, Point> = {}): Map<string, Point> {
  const pos = new Map<string, Point>();
  const vpcs = model.order.get('') ?? [];
  const cols = Math.max(1, Math.ceil(Math.sqrt(vpcs.length)));
  const boxes = vpcs.map((v) => {
    const subnets = model.order.get(v) ?? [];
    const widths = subnets.map((s) => Math.min(2, Math.max(1, (model.order.get(s) ?? []).length)) * CHILD_W + SUBNET_PAD);
    const rows = Math.max(1, ...subnets.map((s) => Math.ceil((model.order.get(s) ?? []).length / 2)));
    const width = Math.max(260, widths.reduce((a, b) => a + b + SUBNET_GAP, 0));
    return { v, subnets, widths, width, height: rows * CHILD_H + 120 };
  });
  let y = 0;
  for (let r = 0; r * cols < boxes.length; r++) {
    const row = boxes.slice(r * cols, r * cols + cols);
    let x = 0;
    for (const b of row) {
      const off = offsets[b.v] ?? { x: 0, y: 0 };
      const top = y + 60 + off.y;
      const left = x + off.x;
      if (b.subnets.length === 0) pos.set(b.v, { x: left + b.width / 2, y: top + 40 });
      let sx = left;
      b.subnets.forEach((s, j) => {
        const so = offsets[s] ?? { x: 0, y: 0 };
        const kids = model.order.get(s) ?? [];
        if (kids.length === 0) pos.set(s, { x: sx + b.widths[j] / 2 + so.x, y: top + 40 + so.y });
        kids.forEach((k, i) => {
          const ko = offsets[k] ?? { x: 0, y: 0 };
          pos.set(k, { x: sx + SUBNET_PAD / 2 + CHILD_W / 2 + (i % 2) * CHILD_W + so.x + ko.x, y: top + 40 + Math.floor(i / 2) * CHILD_H + so.y + ko.y });
        });
        sx += b.widths[j] + SUBNET_GAP;
      });
      for (const igw of model.order.get(`igw:${b.v}`) ?? []) {
        const io = offsets[igw] ?? { x: 0, y: 0 };
        pos.set(igw, { x: left + b.width / 2 + io.x, y: top - 62 + io.y });
      }
      x += b.width + VPC_GAP;
    }
    y += Math.max(...row.map((b) => b.height)) + VPC_GAP + 40;
  }
  const total = Math.max(0, ...boxes.slice(0, cols).map((_, i) => boxes.slice(0, cols).slice(0, i + 1).reduce((a, b) => a + b.width + VPC_GAP, 0)));
  const io = offsets.internet ?? { x: 0, y: 0 };
  const inet = { x: Math.max(0, total - VPC_GAP) / 2 + io.x, y: -110 + io.y };
  pos.set('internet', inet);
  (model.order.get('igw:detached') ?? []).forEach((id, i) => {
    const o = offsets[id] ?? { x: 0, y: 0 };
    pos.set(id, { x: inet.x + 170 + i * 120 + o.x, y: inet.y + o.y });
  });
  return pos;
}
