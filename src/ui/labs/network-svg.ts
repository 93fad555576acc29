/**
 * A picture of a network for the completion report, drawn straight from the document (not
 * from the canvas): VPCs as boxes in a row, their subnets inside, instances and NAT gateways
 * inside the subnets, internet gateways on top, peerings as lines between VPCs.
 */
import { escapeHtml, type Snapshot } from '../../engine/index.ts';

type Tagged = { Tags?: { Key: string; Value: string }[] };
type Any = Record<string, unknown> & Tagged;

const nameOf = (r: Tagged, id: string) => r.Tags?.find((t) => t.Key === 'Name')?.Value ?? id;
const arr = (doc: Snapshot, key: string): Any[] => {
  const v = (doc as Record<string, unknown>)[key];
  return Array.isArray(v) ? (v as Any[]) : [];
};
const esc = (s: unknown) => escapeHtml(String(s ?? ''));

const SUB_W = 200;
const PAD = 16;
const ITEM_H = 22;

export function networkSvg(doc: Snapshot): string {
  const vpcs = arr(doc, 'Vpcs');
  const subnets = arr(doc, 'Subnets');
  const instances = arr(doc, 'Reservations').flatMap((r) => (Array.isArray(r.Instances) ? (r.Instances as Any[]) : []));
  const nats = arr(doc, 'NatGateways');
  const igws = arr(doc, 'InternetGateways');
  const parts: string[] = [];
  const boxes = new Map<string, { x: number; y: number; w: number; h: number }>();
  let x = PAD;
  let maxH = 0;
  const top = 60;
  for (const v of vpcs) {
    const vid = String(v.VpcId);
    const subs = subnets.filter((s) => s.VpcId === vid);
    const inner: string[] = [];
    let y = top + 44;
    for (const s of subs) {
      const sid = String(s.SubnetId);
      const items = [
        ...instances.filter((i) => i.SubnetId === sid).map((i) => `▣ ${nameOf(i, String(i.InstanceId))} ${i.PrivateIpAddress ?? ''}`),
        ...nats.filter((n) => n.SubnetId === sid).map((n) => `⇄ ${nameOf(n, String(n.NatGatewayId))} (NAT)`),
      ];
      const h = 34 + items.length * ITEM_H;
      inner.push(`<rect x="${x + PAD}" y="${y}" width="${SUB_W}" height="${h}" rx="6" class="subnet"/>`);
      inner.push(`<text x="${x + PAD + 8}" y="${y + 20}" class="label">${esc(nameOf(s, sid))} <tspan class="muted">${esc(s.CidrBlock)}</tspan></text>`);
      items.forEach((t, k) => inner.push(`<text x="${x + PAD + 14}" y="${y + 40 + k * ITEM_H}" class="item">${esc(t)}</text>`));
      y += h + 12;
    }
    const w = SUB_W + 2 * PAD;
    const h = Math.max(y - top + 4, 90);
    parts.push(`<rect x="${x}" y="${top}" width="${w}" height="${h}" rx="10" class="vpc"/>`);
    parts.push(`<text x="${x + 12}" y="${top + 26}" class="title">${esc(nameOf(v, vid))} <tspan class="muted">${esc(v.CidrBlock)}</tspan></text>`);
    parts.push(...inner);
    const igw = igws.find((g) => Array.isArray(g.Attachments) && (g.Attachments as Any[]).some((a) => a.VpcId === vid));
    if (igw) parts.push(`<rect x="${x + w / 2 - 60}" y="${top - 40}" width="120" height="26" rx="13" class="igw"/><text x="${x + w / 2}" y="${top - 22}" class="item" text-anchor="middle">${esc(nameOf(igw, String(igw.InternetGatewayId)))}</text><line x1="${x + w / 2}" y1="${top - 14}" x2="${x + w / 2}" y2="${top}" class="link"/>`);
    boxes.set(vid, { x, y: top, w, h });
    maxH = Math.max(maxH, h);
    x += w + 70;
  }
  const lines: string[] = [];
  arr(doc, 'VpcPeeringConnections').forEach((p, k) => {
    const a = boxes.get(String((p.RequesterVpcInfo as Any | undefined)?.VpcId));
    const b = boxes.get(String((p.AccepterVpcInfo as Any | undefined)?.VpcId));
    if (!a || !b) return;
    const code = String((p.Status as Any | undefined)?.Code ?? '');
    const y = top + maxH + 24 + k * 28;
    const ax = a.x + a.w / 2;
    const bx = b.x + b.w / 2;
    lines.push(`<path d="M${ax} ${a.y + a.h} V${y} H${bx} V${b.y + b.h}" class="peer ${code === 'active' ? 'active' : 'pending'}"/>`);
    lines.push(`<text x="${(ax + bx) / 2}" y="${y - 6}" class="item" text-anchor="middle">${esc(nameOf(p, String(p.VpcPeeringConnectionId)))} (${esc(code)})</text>`);
  });
  const width = Math.max(x - 70 + PAD, 320);
  const height = top + maxH + 40 + lines.length * 14;
  const empty = vpcs.length === 0 ? `<text x="${PAD}" y="40" class="label">No VPCs in this network.</text>` : '';
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="Final network: ${vpcs.length} VPC(s), ${subnets.length} subnet(s), ${instances.length} instance(s)">
<style>.vpc{fill:#f3f8ff;stroke:#0972d3;stroke-width:2}.subnet{fill:#fff;stroke:#7d8998}.igw{fill:#fff4e5;stroke:#d97706}.title{font:600 14px system-ui,sans-serif;fill:#0f1b2a}.label{font:600 12px system-ui,sans-serif;fill:#0f1b2a}.item{font:12px system-ui,sans-serif;fill:#28313d}.muted{font-weight:400;fill:#5f6b7a}.link{stroke:#d97706;stroke-width:2}.peer{fill:none;stroke-width:3}.peer.active{stroke:#1d8102}.peer.pending{stroke:#8d99a8;stroke-dasharray:6 4}</style>
${empty}${parts.join('\n')}
${lines.join('\n')}
</svg>`;
}
