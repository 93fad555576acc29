import { tryParseIpv4 } from '../ip/index.ts';
import type { Ctx, Entry } from './context.ts';
import { describe } from './names.ts';
import { type Path, clip, items, str } from './read.ts';

/** Internet gateway attachment states in which the gateway is on the VPC. */
const ATTACHED = new Set(['available', 'attached', 'attaching']);

/** One internet gateway per VPC: AWS refuses to attach a second. */
function checkInternetGateways(ctx: Ctx): void {
  const byVpc = new Map<string, Entry>();
  for (const igw of ctx.internetGateways.all) {
    for (const [a, j] of items(igw.r.Attachments)) {
      const vpcId = str(a.VpcId);
      if (vpcId === undefined || (a.State !== undefined && !(typeof a.State === 'string' && ATTACHED.has(a.State)))) continue;
      const prev = byVpc.get(vpcId);
      if (!prev) byVpc.set(vpcId, igw);
      else if (prev !== igw) ctx.report('VPC_MULTIPLE_INTERNET_GATEWAYS', [...igw.path, 'Attachments', j, 'VpcId'], `${igw.label} is attached to ${clip(vpcId)}, which already has ${prev.id ?? 'another internet gateway'}: a VPC has at most one internet gateway, so detach one.`);
    }
  }
}

function address(ctx: Ctx, owner: string, at: Path, value: unknown, example: string): void {
  const text = str(value);
  if (text !== undefined && !tryParseIpv4(text).ok) {
    ctx.report('ADDRESS_MALFORMED', at, `${owner} address ${JSON.stringify(clip(text))} is not an IPv4 address, so the simulator ignores it: write four numbers 0-255, such as ${example}.`);
  }
}

/** Addresses of NAT gateways and Elastic IPs: a malformed one is ignored, with a warning. */
function checkAddresses(ctx: Ctx): void {
  for (const nat of ctx.natGateways.all) {
    for (const [a, j] of items(nat.r.NatGatewayAddresses)) {
      const at = [...nat.path, 'NatGatewayAddresses', j];
      address(ctx, `${nat.label} private`, [...at, 'PrivateIp'], a.PrivateIp, '10.0.0.10');
      address(ctx, `${nat.label} public`, [...at, 'PublicIp'], a.PublicIp, '203.0.113.10');
    }
  }
  for (const [eip, i] of items(ctx.doc.Addresses)) {
    const label = describe('address', eip, ['Addresses', i]);
    address(ctx, `${label} public`, ['Addresses', i, 'PublicIp'], eip.PublicIp, '203.0.113.10');
    address(ctx, `${label} private`, ['Addresses', i, 'PrivateIpAddress'], eip.PrivateIpAddress, '10.0.0.10');
  }
}

/** Internet gateways (one per VPC), and the addresses of NAT gateways and Elastic IPs. */
export function checkGateways(ctx: Ctx): void {
  checkInternetGateways(ctx);
  checkAddresses(ctx);
}
