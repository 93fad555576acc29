/** The canvas's view of the document: which boxes exist, nested how, labelled how. Pure, no Cytoscape. */
import { formatCidr, formatIpv4, nameTag, notRunningState, type Network, type NSubnet, type Snapshot } from '../../engine/index.ts';
import { list } from '../../engine/edit/index.ts';

export type NodeKind = 'internet' | 'vpc' | 'subnet' | 'instance' | 'igw' | 'nat' | 'eni';

export interface CanvasNode {
  id: string;
  kind: NodeKind;
  label: string;
  parent?: string;
  /** Extra classes: public/private subnet. */
  tags?: string[];
}

export interface CanvasEdge {
  id: string;
  source: string;
  target: string;
  kind: 'peering' | 'igw';
  label?: string;
  status?: string;
}

export interface CanvasModel {
  nodes: CanvasNode[];
  edges: CanvasEdge[];
  /** Children per parent, in document order, for the layout. */
  order: Map<string, string[]>;
}

const name = (r: object, fallback: string) => nameTag(r as never) ?? fallback;

/** Public = the subnet's route table sends 0.0.0.0/0 to an internet gateway (what the AWS console calls a public subnet). */
function isPublic(net: Network, sn: NSubnet | undefined): boolean {
  return !!sn?.routeTable?.routes.some((r) => r.destination.prefix === 0 && r.target.kind === 'internet-gateway' && !r.blackhole && net.internetGateways.get(r.target.id)?.attachedVpcId === sn.vpc.id);
}

let lastModel: { doc: Snapshot; net: Network; model: CanvasModel } | null = null;

/** buildModel for the workspace's document, made once per document: the canvas and the Resources list share it. */
export function canvasModel(doc: Snapshot, net: Network): CanvasModel {
  if (lastModel === null || lastModel.doc !== doc || lastModel.net !== net) lastModel = { doc, net, model: buildModel(doc, net) };
  return lastModel.model;
}

/** The canvas model; `net` is the compiled network of `doc` (used for lookups only, so this stays linear in size). */
export function buildModel(doc: Snapshot, net: Network): CanvasModel {
  const nodes: CanvasNode[] = [{ id: 'internet', kind: 'internet', label: 'Internet' }];
  const edges: CanvasEdge[] = [];
  const order = new Map<string, string[]>();
  const child = (parent: string, id: string) => {
    const list = order.get(parent);
    if (list) list.push(id);
    else order.set(parent, [id]);
  };
  const vpcIds = new Set<string>();
  const igws = new Map(list(doc, 'InternetGateways').map((g) => [g.InternetGatewayId, g]));
  for (const v of list(doc, 'Vpcs')) {
    vpcIds.add(v.VpcId);
    const nv = net.vpcs.get(v.VpcId);
    // Every associated block (secondary CIDRs too), as the console's VPC list shows them.
    const cidrs = nv && nv.cidrs.length ? nv.cidrs.map(formatCidr).join(', ') : (v.CidrBlock ?? '');
    const label = `${name(v, v.VpcId)}  ${cidrs}\n${nv?.ownerId ?? ''} · ${nv?.region ?? ''}`;
    nodes.push({ id: v.VpcId, kind: 'vpc', label });
    child('', v.VpcId);
    const igw = nv?.internetGateway ? igws.get(nv.internetGateway.id) : undefined;
    if (igw) {
      nodes.push({ id: igw.InternetGatewayId, kind: 'igw', label: `IGW\n${name(igw, igw.InternetGatewayId)}` });
      order.set(`igw:${v.VpcId}`, [igw.InternetGatewayId]);
      edges.push({ id: `e-${igw.InternetGatewayId}`, source: igw.InternetGatewayId, target: 'internet', kind: 'igw' });
    }
  }
  // Detached internet gateways float beside the Internet node, so they can still be attached or deleted.
  for (const g of list(doc, 'InternetGateways')) {
    if ((g.Attachments ?? []).some((a) => vpcIds.has(a.VpcId) && a.State !== 'detached')) continue;
    nodes.push({ id: g.InternetGatewayId, kind: 'igw', label: `IGW (detached)\n${name(g, g.InternetGatewayId)}`, tags: ['detached'] });
    child('igw:detached', g.InternetGatewayId);
  }
  const subnetIds = new Set<string>();
  for (const s of list(doc, 'Subnets')) {
    if (!vpcIds.has(s.VpcId)) continue;
    subnetIds.add(s.SubnetId);
    const pub = isPublic(net, net.subnets.get(s.SubnetId));
    const label = `${name(s, s.SubnetId)}  ${pub ? 'PUBLIC' : 'PRIVATE'}\n${s.CidrBlock ?? ''} · ${s.AvailabilityZone ?? ''}`;
    nodes.push({ id: s.SubnetId, kind: 'subnet', label, parent: s.VpcId, tags: [pub ? 'public' : 'private'] });
    child(s.VpcId, s.SubnetId);
  }
  for (const r of list(doc, 'Reservations')) {
    for (const i of r.Instances ?? []) {
      if (!i.SubnetId || !subnetIds.has(i.SubnetId) || i.State?.Name === 'terminated') continue;
      // A stopped instance is drawn, greyed and marked: its interface still holds its address.
      const down = notRunningState(i.State?.Name);
      const label = `${name(i, i.InstanceId)}${down ? ` (${i.State?.Name})` : ''}\n${i.PrivateIpAddress ?? ''}${i.PublicIpAddress ? `\n${i.PublicIpAddress}` : ''}`;
      nodes.push({ id: i.InstanceId, kind: 'instance', label, parent: i.SubnetId, ...(down ? { tags: ['stopped'] } : {}) });
      child(i.SubnetId, i.InstanceId);
    }
  }
  for (const n of list(doc, 'NatGateways')) {
    if (!n.NatGatewayId || !n.SubnetId || !subnetIds.has(n.SubnetId) || n.State === 'deleted') continue;
    const a = n.NatGatewayAddresses?.[0];
    nodes.push({ id: n.NatGatewayId, kind: 'nat', label: `NAT${nameTag(n as never) ? ` ${nameTag(n as never)}` : ''}\n${a?.PrivateIp ?? ''}${a?.PublicIp ? `\n${a.PublicIp}` : ''}`, parent: n.SubnetId });
    child(n.SubnetId, n.NatGatewayId);
  }
  // Interfaces that belong to no instance and no NAT gateway (load balancers, Lambda, endpoints in
  // imported estates) are drawn too: they hold addresses and can be traced to.
  for (const e of net.enis.values()) {
    if (e.instanceId || e.natGatewayId || !e.subnet || !subnetIds.has(e.subnet.id)) continue;
    nodes.push({ id: e.id, kind: 'eni', label: `ENI ${e.interfaceType}\n${formatIpv4(e.privateIp)}`, parent: e.subnet.id });
    child(e.subnet.id, e.id);
  }
  for (const p of list(doc, 'VpcPeeringConnections')) {
    const a = p.RequesterVpcInfo?.VpcId;
    const b = p.AccepterVpcInfo?.VpcId;
    if (!a || !b || !vpcIds.has(a) || !vpcIds.has(b)) continue;
    const status = p.Status?.Code ?? 'unknown';
    edges.push({ id: p.VpcPeeringConnectionId, source: a, target: b, kind: 'peering', status, label: `${name(p, p.VpcPeeringConnectionId)}\n${status}` });
  }
  return { nodes, edges, order };
}
