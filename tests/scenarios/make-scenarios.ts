/**
 * Writes the golden scenario inputs (cases/<name>/snapshot.json and probe.json) from compact
 * builder code, so every case states only what it is about. Run:
 *   npx tsx tests/scenarios/make-scenarios.ts && UPDATE_SNAPSHOTS=1 npx vitest run tests/scenarios
 * then read the diff of expected/ before committing it.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SnapshotBuilder } from '../support/builder.ts';

type Probe = { about: string; from: string; to: string; protocol: number; port?: number; count?: number; flowLogs?: 'snapshot' | 'all' };
const cases: Record<string, () => { b: SnapshotBuilder; probe: Probe }> = {};

/** Two VPCs 10.1/16 and 10.2/16 with one subnet and instance each (the seed lab's network). */
function twoVpcs(opts: { peering?: 'active' | 'pending-acceptance' | 'none'; routes?: 'both' | 'one' | 'none'; flowLogs?: boolean } = {}) {
  const b = new SnapshotBuilder();
  const a = b.vpc('10.1.0.0/16', 'vpc-a');
  const c = b.vpc('10.2.0.0/16', 'vpc-b');
  const sa = b.subnet(a.vpcId, '10.1.0.0/24', 'public-a');
  const sc = b.subnet(c.vpcId, '10.2.0.0/24', 'public-b');
  const icmpFromAll = [{ IpProtocol: 'icmp', FromPort: -1, ToPort: -1, IpRanges: [{ CidrIp: '0.0.0.0/0' }] }, { IpProtocol: 'tcp', FromPort: 22, ToPort: 22, IpRanges: [{ CidrIp: '0.0.0.0/0' }] }];
  const ga = b.securityGroup(a.vpcId, 'web-a', icmpFromAll);
  const gc = b.securityGroup(c.vpcId, 'web-b', icmpFromAll);
  const ia = b.instance(sa, '10.1.0.10', 'instance-a', { sgs: [ga], publicIp: '54.10.0.10' });
  const ic = b.instance(sc, '10.2.0.20', 'instance-b', { sgs: [gc], publicIp: '54.20.0.20' });
  let pcx = '';
  if ((opts.peering ?? 'active') !== 'none') pcx = b.peering(a.vpcId, c.vpcId, opts.peering ?? 'active');
  const routes = opts.routes ?? 'both';
  if (pcx && routes !== 'none') b.route(a.rtb, '10.2.0.0/16', { VpcPeeringConnectionId: pcx });
  if (pcx && routes === 'both') b.route(c.rtb, '10.1.0.0/16', { VpcPeeringConnectionId: pcx });
  if (opts.flowLogs ?? true) { b.flowLog(a.vpcId, { logGroup: 'vpc-a-flow-logs' }); b.flowLog(c.vpcId, { logGroup: 'vpc-b-flow-logs' }); }
  return { b, a, c, sa, sc, ga, gc, ia, ic, pcx };
}

cases['peering-ping-ok'] = () => {
  const n = twoVpcs();
  return { b: n.b, probe: { about: 'A logged ping over an active peering with routes both ways: four records.', from: n.ia.instanceId, to: '10.2.0.20', protocol: 1 } };
};
cases['peering-no-route'] = () => {
  const n = twoVpcs({ routes: 'none' });
  return { b: n.b, probe: { about: 'The seed lab failure: no route to the peer VPC. One egress ACCEPT at the source, nothing at the destination.', from: n.ia.instanceId, to: '10.2.0.20', protocol: 1 } };
};
cases['peering-missing-return-route'] = () => {
  const n = twoVpcs({ routes: 'one' });
  return { b: n.b, probe: { about: 'Both sides need routes: the request arrives, the reply has no route back.', from: n.ia.instanceId, to: '10.2.0.20', protocol: 1 } };
};
cases['peering-pending'] = () => {
  const n = twoVpcs({ peering: 'pending-acceptance' });
  return { b: n.b, probe: { about: 'Only an active peering carries traffic: BAD_STATE_ROUTE, fix is to accept it.', from: n.ia.instanceId, to: '10.2.0.20', protocol: 1 } };
};
cases['sg-blocks-request'] = () => {
  const n = twoVpcs();
  const g = n.b.doc.SecurityGroups.find((s: any) => s.GroupId === n.gc);
  g.IpPermissions = [{ IpProtocol: 'tcp', FromPort: 22, ToPort: 22, IpRanges: [{ CidrIp: '0.0.0.0/0' }] }];
  return { b: n.b, probe: { about: 'A security group without ICMP: one REJECT ingress record at the destination.', from: n.ia.instanceId, to: '10.2.0.20', protocol: 1 } };
};
cases['nacl-blocks-reply'] = () => {
  const n = twoVpcs();
  n.b.networkAcl(n.c.vpcId, [n.sc], [
    { RuleNumber: 100, Protocol: '1', RuleAction: 'allow', Egress: false, CidrBlock: '0.0.0.0/0', IcmpTypeCode: { Type: -1, Code: -1 } },
    { RuleNumber: 100, Protocol: '6', RuleAction: 'allow', Egress: true, CidrBlock: '0.0.0.0/0', PortRange: { From: 1024, To: 65535 } },
  ]);
  return { b: n.b, probe: { about: 'Stateless NACL: ICMP allowed in, not out. Ingress ACCEPT + egress REJECT at the destination.', from: n.ia.instanceId, to: '10.2.0.20', protocol: 1 } };
};
cases['internet-ping-nacl-outbound'] = () => {
  const b = new SnapshotBuilder();
  const v = b.vpc('172.31.0.0/16', 'default');
  const s = b.subnet(v.vpcId, '172.31.16.0/20', 'public');
  const igw = b.internetGateway(v.vpcId);
  b.route(v.rtb, '0.0.0.0/0', { GatewayId: igw });
  const g = b.securityGroup(v.vpcId, 'ping', [{ IpProtocol: 'icmp', FromPort: -1, ToPort: -1, IpRanges: [{ CidrIp: '0.0.0.0/0' }] }]);
  b.instance(s, '172.31.16.139', 'web', { sgs: [g], publicIp: '198.51.100.2', nitro: false });
  b.networkAcl(v.vpcId, [s], [
    { RuleNumber: 100, Protocol: '1', RuleAction: 'allow', Egress: false, CidrBlock: '0.0.0.0/0', IcmpTypeCode: { Type: -1, Code: -1 } },
  ]);
  b.flowLog(v.vpcId);
  return { b, probe: { about: "AWS's own example: ping from 203.0.113.12, SG allows ICMP in, NACL allows in but not out: 4 packets, 336 bytes, ACCEPT in and REJECT out.", from: 'internet', to: '198.51.100.2', protocol: 1 } };
};
cases['blackhole-route'] = () => {
  const n = twoVpcs({ routes: 'none' });
  n.b.route(n.a.rtb, '10.2.0.0/16', { VpcPeeringConnectionId: 'pcx-0deadbeef0000000' }, 'blackhole');
  return { b: n.b, probe: { about: 'A blackhole route (deleted peering) drops: BAD_STATE_ROUTE.', from: n.ia.instanceId, to: '10.2.0.20', protocol: 1 } };
};
cases['transitive-peering'] = () => {
  const b = new SnapshotBuilder();
  const a = b.vpc('10.0.0.0/16', 'hub-a');
  const vb = b.vpc('10.1.0.0/16', 'spoke-b');
  const vc = b.vpc('10.2.0.0/16', 'spoke-c');
  const sb = b.subnet(vb.vpcId, '10.1.0.0/24', 'b');
  const sc = b.subnet(vc.vpcId, '10.2.0.0/24', 'c');
  b.subnet(a.vpcId, '10.0.0.0/24', 'a');
  const ab = b.peering(a.vpcId, vb.vpcId);
  const ac = b.peering(a.vpcId, vc.vpcId);
  b.route(a.rtb, '10.1.0.0/16', { VpcPeeringConnectionId: ab });
  b.route(a.rtb, '10.2.0.0/16', { VpcPeeringConnectionId: ac });
  b.route(vb.rtb, '10.0.0.0/8', { VpcPeeringConnectionId: ab });
  b.route(vc.rtb, '10.0.0.0/8', { VpcPeeringConnectionId: ac });
  const ib = b.instance(sb, '10.1.0.10', 'b1');
  b.instance(sc, '10.2.0.10', 'c1');
  return { b, probe: { about: 'Peering is not transitive: B routes 10.0.0.0/8 to A, but A will not carry B traffic on to C.', from: ib.instanceId, to: '10.2.0.10', protocol: 1, flowLogs: 'all' } };
};
cases['igw-no-public-ip'] = () => {
  const b = new SnapshotBuilder();
  const v = b.vpc('10.0.0.0/16', 'app');
  const s = b.subnet(v.vpcId, '10.0.1.0/24', 'private');
  const igw = b.internetGateway(v.vpcId);
  b.route(v.rtb, '0.0.0.0/0', { GatewayId: igw });
  const i = b.instance(s, '10.0.1.25', 'worker');
  return { b, probe: { about: 'An instance without a public IP cannot use the internet gateway.', from: i.instanceId, to: '8.8.8.8', protocol: 6, port: 443, flowLogs: 'all' } };
};
cases['igw-private-destination'] = () => {
  const b = new SnapshotBuilder();
  const v = b.vpc('10.0.0.0/16', 'app');
  const s = b.subnet(v.vpcId, '10.0.1.0/24', 'public');
  const igw = b.internetGateway(v.vpcId);
  b.route(v.rtb, '0.0.0.0/0', { GatewayId: igw });
  const i = b.instance(s, '10.0.1.25', 'web', { publicIp: '54.1.2.3' });
  return { b, probe: { about: 'A private destination routed to the internet gateway is dropped there.', from: i.instanceId, to: '192.168.10.5', protocol: 1, flowLogs: 'all' } };
};
cases['no-eni-at-destination'] = () => {
  const n = twoVpcs();
  return { b: n.b, probe: { about: 'Nothing holds 10.2.0.99: the packet crosses the peering and finds no interface.', from: n.ia.instanceId, to: '10.2.0.99', protocol: 1 } };
};
cases['internet-to-private-instance'] = () => {
  const b = new SnapshotBuilder();
  const v = b.vpc('10.0.0.0/16', 'app');
  const s = b.subnet(v.vpcId, '10.0.1.0/24', 'private');
  b.internetGateway(v.vpcId);
  const i = b.instance(s, '10.0.1.25', 'db');
  return { b, probe: { about: 'From the internet to an instance with no public IP.', from: 'internet', to: i.instanceId, protocol: 6, port: 22, flowLogs: 'all' } };
};
function natNetwork(opts: { publicRoute?: 'igw' | 'nat'; web?: boolean } = {}) {
  const b = new SnapshotBuilder();
  const v = b.vpc('10.0.0.0/16', 'app');
  const pub = b.subnet(v.vpcId, '10.0.0.0/24', 'public');
  const priv = b.subnet(v.vpcId, '10.0.1.0/24', 'private');
  const igw = b.internetGateway(v.vpcId);
  const nat = b.natGateway(pub, '10.0.0.50', '52.0.0.50');
  b.route(v.rtb, '0.0.0.0/0', opts.publicRoute === 'nat' ? { NatGatewayId: nat } : { GatewayId: igw });
  const privRtb = b.routeTable(v.vpcId, [priv]);
  b.route(privRtb, '0.0.0.0/0', { NatGatewayId: nat });
  const i = b.instance(priv, '10.0.1.25', 'worker');
  const web = opts.web && b.instance(priv, '10.0.1.40', 'web-in-private-subnet', { publicIp: '54.0.1.40', sgs: [b.securityGroup(v.vpcId, 'ssh', [{ IpProtocol: 'tcp', FromPort: 22, ToPort: 22, IpRanges: [{ CidrIp: '0.0.0.0/0' }] }])] });
  b.flowLog(v.vpcId, { format: '${version} ${interface-id} ${srcaddr} ${dstaddr} ${srcport} ${dstport} ${protocol} ${packets} ${bytes} ${action} ${instance-id} ${pkt-srcaddr} ${pkt-dstaddr} ${flow-direction} ${traffic-path} ${tcp-flags}', interval: 60 });
  return { b, i, nat, web };
}
cases['nat-gateway-https'] = () => {
  const n = natNetwork();
  return { b: n.b, probe: { about: 'A private instance reaches the internet through the NAT gateway: srcaddr vs pkt-srcaddr on the NAT interface.', from: n.i.instanceId, to: '93.184.216.34', protocol: 6, port: 443, count: 2 } };
};
cases['nat-protocol-restriction'] = () => {
  const n = natNetwork();
  return { b: n.b, probe: { about: 'A NAT gateway forwards only TCP, UDP and ICMP.', from: n.i.instanceId, to: '93.184.216.34', protocol: 47 } };
};
cases['nat-own-address'] = () => {
  const n = natNetwork();
  return { b: n.b, probe: { about: "Pinging the NAT gateway's own Elastic IP through it: the gateway answers nothing sent to itself.", from: n.i.instanceId, to: '52.0.0.50', protocol: 1, count: 1 } };
};
cases['nat-routing-loop'] = () => {
  const n = natNetwork({ publicRoute: 'nat' });
  return { b: n.b, probe: { about: "The NAT gateway's own subnet routes 0.0.0.0/0 back to it: the loop is named once, at that route table.", from: n.i.instanceId, to: '93.184.216.34', protocol: 6, port: 443, count: 1 } };
};
cases['internet-reply-through-nat'] = () => {
  const n = natNetwork({ web: true });
  return { b: n.b, probe: { about: 'An instance with a public IP in a subnet whose 0.0.0.0/0 goes to the NAT gateway: its reply leaves through the NAT; the fix replaces the existing route.', from: 'internet', to: (n.web || n.i).instanceId, protocol: 6, port: 22, count: 1 } };
};
cases['internet-to-private-address'] = () => {
  const n = twoVpcs();
  return { b: n.b, probe: { about: 'From the internet to the private address of an instance that has a public one: the internet does not route private addresses.', from: 'internet', to: '10.1.0.10', protocol: 1, count: 1 } };
};
cases['secondary-address-destination'] = () => {
  const n = twoVpcs();
  const eni = n.b.doc.NetworkInterfaces.find((e: any) => e.NetworkInterfaceId === n.ic.eniId);
  eni.PrivateIpAddresses.push({ PrivateIpAddress: '10.2.0.21', Primary: false });
  for (const f of n.b.doc.FlowLogs) f.LogFormat = '${interface-id} ${srcaddr} ${dstaddr} ${pkt-srcaddr} ${pkt-dstaddr} ${flow-direction} ${action}';
  return { b: n.b, probe: { about: "To an instance's secondary private address: dstaddr is the interface's primary address, pkt-dstaddr the one the packet was sent to.", from: n.ia.instanceId, to: '10.2.0.21', protocol: 1, count: 1 } };
};
cases['elastic-ip-on-secondary-address'] = () => {
  const b = new SnapshotBuilder();
  const v = b.vpc('10.0.0.0/16', 'web');
  const pub = b.subnet(v.vpcId, '10.0.0.0/24', 'public');
  b.route(v.rtb, '0.0.0.0/0', { GatewayId: b.internetGateway(v.vpcId) });
  const web = b.securityGroup(v.vpcId, 'https', [{ IpProtocol: 'tcp', FromPort: 443, ToPort: 443, IpRanges: [{ CidrIp: '0.0.0.0/0' }] }]);
  const i = b.instance(pub, '10.0.0.10', 'two-sites', { sgs: [web], publicIp: '54.0.0.10' });
  const eni = b.doc.NetworkInterfaces.find((e: any) => e.NetworkInterfaceId === i.eniId);
  eni.PrivateIpAddresses.push({ PrivateIpAddress: '10.0.0.11', Primary: false, Association: { PublicIp: '54.0.0.11', IpOwnerId: 'amazon' } });
  b.doc.Addresses.push({ PublicIp: '54.0.0.11', AllocationId: 'eipalloc-0000000000000site2', Domain: 'vpc', NetworkInterfaceId: i.eniId, PrivateIpAddress: '10.0.0.11' });
  b.flowLog(v.vpcId, { format: '${interface-id} ${srcaddr} ${dstaddr} ${pkt-srcaddr} ${pkt-dstaddr} ${flow-direction} ${action}' });
  return { b, probe: { about: 'An Elastic IP on a secondary private address: the internet gateway maps it to that address (pkt-dstaddr), the reply leaves from it.', from: 'internet', to: '54.0.0.11', protocol: 6, port: 443, count: 1 } };
};
cases['gateway-route-table-appliance'] = () => {
  const b = new SnapshotBuilder();
  const v = b.vpc('10.0.0.0/16', 'inspected');
  const pub = b.subnet(v.vpcId, '10.0.1.0/24', 'public');
  const fw = b.subnet(v.vpcId, '10.0.9.0/24', 'firewall');
  const igw = b.internetGateway(v.vpcId);
  b.route(v.rtb, '0.0.0.0/0', { GatewayId: igw });
  const ssh = b.securityGroup(v.vpcId, 'ssh', [{ IpProtocol: 'tcp', FromPort: 22, ToPort: 22, IpRanges: [{ CidrIp: '0.0.0.0/0' }] }]);
  const i = b.instance(pub, '10.0.1.10', 'web', { sgs: [ssh], publicIp: '54.0.1.10' });
  const appliance = b.instance(fw, '10.0.9.10', 'firewall');
  // Ingress routing: the gateway route table sends what enters for the public subnet to the firewall.
  const edge = b.routeTable(v.vpcId, []);
  b.route(edge, '10.0.1.0/24', { NetworkInterfaceId: appliance.eniId });
  b.doc.RouteTables.find((t: any) => t.RouteTableId === edge).Associations.push({ Main: false, GatewayId: igw, RouteTableId: edge, AssociationState: { State: 'associated' } });
  return { b, probe: { about: 'A gateway route table (edge association) sends traffic from the internet to an appliance, which the simulator does not follow.', from: 'internet', to: i.instanceId, protocol: 6, port: 22, count: 1 } };
};
cases['unsupported-transit-gateway'] = () => {
  const b = new SnapshotBuilder();
  const v = b.vpc('10.0.0.0/16', 'app');
  const s = b.subnet(v.vpcId, '10.0.1.0/24', 'private');
  b.route(v.rtb, '10.50.0.0/16', { TransitGatewayId: 'tgw-0123456789abcdef0' });
  const i = b.instance(s, '10.0.1.25', 'worker');
  return { b, probe: { about: 'A route to a transit gateway leads beyond what the simulator models.', from: i.instanceId, to: '10.50.1.1', protocol: 6, port: 443 } };
};
cases['several-blockers'] = () => {
  const n = twoVpcs({ routes: 'one' });
  const g = n.b.doc.SecurityGroups.find((s: any) => s.GroupId === n.gc);
  g.IpPermissions = [];
  return { b: n.b, probe: { about: 'Every blocker is named in path order: the destination SG, then the missing return route.', from: n.ia.instanceId, to: '10.2.0.20', protocol: 1 } };
};
cases['amazon-dns-not-logged'] = () => {
  const n = twoVpcs();
  return { b: n.b, probe: { about: 'DNS to the VPC resolver (base + 2) is answered on the host: no SG, no NACL, no record.', from: n.ia.instanceId, to: '10.1.0.2', protocol: 17, port: 53 } };
};
cases['stopped-instance'] = () => {
  const b = new SnapshotBuilder();
  const v = b.vpc('10.0.0.0/16', 'app');
  const s = b.subnet(v.vpcId, '10.0.1.0/24', 'app');
  const x = b.instance(s, '10.0.1.10', 'client');
  const y = b.instance(s, '10.0.1.20', 'batch');
  const batch = b.doc.Reservations.flatMap((r: any) => r.Instances).find((i: any) => i.InstanceId === y.instanceId);
  batch.State = { Name: 'stopped', Code: 80 };
  b.flowLog(s, { destination: 's3' });
  return { b, probe: { about: 'A stopped instance keeps its interface and address, but nothing answers: BAD_STATE, and no flow-log record for it.', from: x.instanceId, to: y.instanceId, protocol: 1 } };
};
cases['same-subnet-no-nacl'] = () => {
  const b = new SnapshotBuilder();
  const v = b.vpc('10.0.0.0/16', 'app');
  const s = b.subnet(v.vpcId, '10.0.1.0/24', 'app');
  b.networkAcl(v.vpcId, [s], []);
  const x = b.instance(s, '10.0.1.10', 'x');
  b.instance(s, '10.0.1.11', 'y');
  b.flowLog(s, { destination: 's3' });
  return { b, probe: { about: 'A deny-all NACL does not apply between two instances of one subnet.', from: x.instanceId, to: '10.0.1.11', protocol: 6, port: 5432, count: 3 } };
};
cases['replaced-local-route-same-subnet'] = () => {
  const b = new SnapshotBuilder();
  const v = b.vpc('10.0.0.0/16', 'inspected');
  const app = b.subnet(v.vpcId, '10.0.1.0/24', 'app');
  const fw = b.subnet(v.vpcId, '10.0.9.0/24', 'firewall');
  const appliance = b.instance(fw, '10.0.9.10', 'firewall');
  // Middlebox routing: the app subnet's table sends the VPC's traffic to the firewall instead of `local`.
  const table = b.routeTable(v.vpcId, [app]);
  const routes = b.doc.RouteTables.find((t: any) => t.RouteTableId === table).Routes;
  routes[0] = { DestinationCidrBlock: '10.0.0.0/16', NetworkInterfaceId: appliance.eniId, State: 'active', Origin: 'CreateRoute' };
  const db = b.securityGroup(v.vpcId, 'db', [{ IpProtocol: 'tcp', FromPort: 5432, ToPort: 5432, IpRanges: [{ CidrIp: '10.0.0.0/16' }] }]);
  const x = b.instance(app, '10.0.1.10', 'api');
  b.instance(app, '10.0.1.11', 'db', { sgs: [db] });
  return { b, probe: { about: 'A route that replaced the local route does not take traffic between two instances of one subnet: AWS delivers it without routing.', from: x.instanceId, to: '10.0.1.11', protocol: 6, port: 5432 } };
};

/** Client in X, server in a private subnet of Y whose table sends everything to Y's NAT gateway. */
function peeredWithNat(serverSideRoute: boolean) {
  const b = new SnapshotBuilder();
  const x = b.vpc('10.0.0.0/16', 'x');
  const y = b.vpc('10.1.0.0/16', 'y');
  const sx = b.subnet(x.vpcId, '10.0.1.0/24', 'x-app');
  const pub = b.subnet(y.vpcId, '10.1.0.0/24', 'y-public');
  const priv = b.subnet(y.vpcId, '10.1.1.0/24', 'y-private');
  const pcx = b.peering(x.vpcId, y.vpcId);
  b.route(x.rtb, '10.1.0.0/16', { VpcPeeringConnectionId: pcx });
  b.route(y.rtb, '10.0.0.0/16', { VpcPeeringConnectionId: pcx });
  const igw = b.internetGateway(y.vpcId);
  b.route(y.rtb, '0.0.0.0/0', { GatewayId: igw });
  const nat = b.natGateway(pub, '10.1.0.200', '52.1.0.200');
  const privRtb = b.routeTable(y.vpcId, [priv]);
  b.route(privRtb, '0.0.0.0/0', { NatGatewayId: nat });
  if (serverSideRoute) b.route(privRtb, '10.0.0.0/16', { VpcPeeringConnectionId: pcx });
  const open = [{ IpProtocol: '-1', IpRanges: [{ CidrIp: '10.0.0.0/8' }] }];
  const client = b.instance(sx, '10.0.1.10', 'client', { sgs: [b.securityGroup(x.vpcId, 'client', open)] });
  b.instance(priv, '10.1.1.10', 'server', { sgs: [b.securityGroup(y.vpcId, 'server', open)] });
  b.flowLog(y.vpcId, { format: '${interface-id} ${srcaddr} ${dstaddr} ${srcport} ${dstport} ${pkt-srcaddr} ${pkt-dstaddr} ${flow-direction} ${action}' });
  return { b, client };
}
cases['asymmetric-return-through-nat'] = () => {
  const n = peeredWithNat(false);
  return { b: n.b, probe: { about: "The server's subnet sends its reply to the NAT gateway instead of the peering: the reply arrives from the NAT's address and the client drops it.", from: n.client.instanceId, to: '10.1.1.10', protocol: 6, port: 22, count: 1 } };
};
cases['peering-return-route-fixes-asymmetry'] = () => {
  const n = peeredWithNat(true);
  return { b: n.b, probe: { about: 'With a route back over the peering in the private subnet, the reply returns the way the request came.', from: n.client.instanceId, to: '10.1.1.10', protocol: 6, port: 22, count: 1 } };
};

/**
 * B (10.20/16) and C (10.30/16) are peered by pcx-bc, and B also peers with a shared VPC S
 * (10.40/16); B's route table sends C's block to the B-S peering instead of pcx-bc.
 */
function routeToWrongPeering(bc: 'active' | 'pending-acceptance') {
  const b = new SnapshotBuilder();
  const vb = b.vpc('10.20.0.0/16', 'vpc-b');
  const vc = b.vpc('10.30.0.0/16', 'vpc-c');
  const vs = b.vpc('10.40.0.0/16', 'shared');
  const sb = b.subnet(vb.vpcId, '10.20.0.0/24', 'b');
  const sc = b.subnet(vc.vpcId, '10.30.0.0/24', 'c');
  b.subnet(vs.vpcId, '10.40.0.0/24', 's');
  const icmp = [{ IpProtocol: 'icmp', FromPort: -1, ToPort: -1, IpRanges: [{ CidrIp: '10.0.0.0/8' }] }];
  const ib = b.instance(sb, '10.20.0.10', 'b1', { sgs: [b.securityGroup(vb.vpcId, 'b-web', icmp)] });
  b.instance(sc, '10.30.0.10', 'c1', { sgs: [b.securityGroup(vc.vpcId, 'c-web', icmp)] });
  const pbc = b.peering(vb.vpcId, vc.vpcId, bc);
  const pbs = b.peering(vb.vpcId, vs.vpcId);
  b.route(vb.rtb, '10.40.0.0/16', { VpcPeeringConnectionId: pbs });
  b.route(vb.rtb, '10.30.0.0/16', { VpcPeeringConnectionId: pbs });
  b.route(vs.rtb, '10.20.0.0/16', { VpcPeeringConnectionId: pbs });
  if (bc === 'active') b.route(vc.rtb, '10.20.0.0/16', { VpcPeeringConnectionId: pbc });
  return { b, probe: { from: ib.instanceId, to: '10.30.0.10', protocol: 1 } };
}
cases['peering-route-to-wrong-peering'] = () => {
  const { b, probe } = routeToWrongPeering('active');
  return { b, probe: { about: "B's route to C goes over B's peering with another VPC although B and C are peered: the fix replaces the route's target with the existing peering, not a new one.", ...probe } };
};
cases['peering-route-to-wrong-peering-pending'] = () => {
  const { b, probe } = routeToWrongPeering('pending-acceptance');
  return { b, probe: { about: "As peering-route-to-wrong-peering, with B and C's peering still pending: accept it, then replace the route.", ...probe } };
};

cases['gateway-endpoint-prefix-list'] = () => {
  const b = new SnapshotBuilder();
  const v = b.vpc('10.0.0.0/16', 'app');
  const s = b.subnet(v.vpcId, '10.0.1.0/24', 'public');
  const igw = b.internetGateway(v.vpcId);
  b.route(v.rtb, '0.0.0.0/0', { GatewayId: igw });
  // The route an S3 gateway endpoint adds: the AWS-managed prefix list of S3's ranges → vpce-.
  b.doc.RouteTables[0].Routes.push({ DestinationPrefixListId: 'pl-63a5400a', GatewayId: 'vpce-0a1b2c3d4e5f60718', Origin: 'CreateRoute', State: 'active' });
  b.doc.PrefixLists = [{ PrefixListId: 'pl-63a5400a', PrefixListName: 'com.amazonaws.us-east-1.s3', Cidrs: ['52.216.0.0/15', '54.231.0.0/16', '3.5.0.0/19'] }];
  const x = b.instance(s, '10.0.1.10', 'uploader', { publicIp: '198.51.100.10' });
  b.flowLog(v.vpcId);
  return { b, probe: { about: 'A route to a gateway endpoint\'s prefix list takes S3 traffic from the 0.0.0.0/0 route to the internet gateway: longest prefix match counts each CIDR of the list.', from: x.instanceId, to: '52.217.10.4', protocol: 6, port: 443 } };
};
cases['overlapping-vpcs-same-address'] = () => {
  const b = new SnapshotBuilder();
  const dev = b.vpc('10.0.0.0/16', 'dev');
  const prod = b.vpc('10.0.0.0/16', 'prod');
  const sd = b.subnet(dev.vpcId, '10.0.1.0/24', 'dev-app');
  const sp = b.subnet(prod.vpcId, '10.0.1.0/24', 'prod-app');
  const x = b.instance(sd, '10.0.1.10', 'dev-api');
  b.instance(sd, '10.0.1.20', 'dev-db');
  const target = b.instance(sp, '10.0.1.20', 'prod-db');
  b.flowLog(dev.vpcId);
  return { b, probe: { about: 'Two VPCs with the same CIDR: prod-db\'s address is also dev-db\'s in dev, so a ping to prod-db from dev reaches dev-db, never prod-db.', from: x.instanceId, to: target.instanceId, protocol: 1 } };
};

const root = join(import.meta.dirname, 'cases');
for (const [name, make] of Object.entries(cases)) {
  const { b, probe } = make();
  const dir = join(root, name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'snapshot.json'), `${JSON.stringify(b.build(), null, 2)}\n`);
  writeFileSync(join(dir, 'probe.json'), `${JSON.stringify(probe, null, 2)}\n`);
}
console.log(`wrote ${Object.keys(cases).length} scenarios`);
