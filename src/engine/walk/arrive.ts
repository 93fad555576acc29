import { last } from '../ip/index.ts';
import { named, trafficLabel, ipText } from '../explain/labels.ts';
import type { NEni, NSubnet } from '../model/network.ts';
import type { WalkContext } from './context.ts';
import { aclStage, securityGroupStage } from './filters.ts';
import type { Leg } from './leg.ts';
import { arriveAtNat } from './nat.ts';
import { instanceNotRunning } from '../model/instance-state.ts';
import { stoppedInstance } from '../explain/catalog.ts';

/**
 * The packet enters an interface: the subnet's network ACL (inbound) when it comes from
 * outside the subnet, then the interface's security groups, then delivery.
 */
export function arriveAtEni(ctx: WalkContext, leg: Pick<Leg, 'header'>, eni: NEni, crossesSubnet: boolean, remoteGroups: ReadonlySet<string> | null): void {
  const h = leg.header;
  // A NAT gateway's interface is no host: it translates replies back, or drops the packet.
  if (eni.natGatewayId) return arriveAtNat(ctx, h, eni, crossesSubnet);
  if (instanceNotRunning(eni)) {
    // No host runs the interface: no filter sees the packet and no flow log records it.
    if (ctx.recording) ctx.hop({ component: eni.id, kind: 'network-interface', action: 'drop', detail: `${named(eni.id, eni.name)} (${ipText(eni.privateIp)}) belongs to ${eni.instanceId}, which is ${eni.instanceState}: nothing receives ${trafficLabel(h)}` });
    ctx.block('NEIGHBOR_UNREACHABLE', () => stoppedInstance(eni, 'destination'));
    return;
  }
  const obs = ctx.observe(eni, 'ingress', h);
  if (crossesSubnet && eni.subnet) {
    if (!aclStage(ctx, eni.subnet, h, false)) obs.action = 'REJECT';
  }
  if (!securityGroupStage(ctx, eni, h, 'ingress', remoteGroups)) obs.action = 'REJECT';
  if (ctx.recording) ctx.hop({ component: eni.id, kind: 'network-interface', action: 'deliver', detail: `${named(eni.id, eni.name)} (${ipText(eni.privateIp)}${eni.instanceId ? `, ${eni.instanceId}` : ''}) receives ${trafficLabel(h)}` });
  ctx.deliver(eni, h);
}

/** Why an address in a subnet has no interface, when it is one of the five AWS reserves. */
export function reservedNote(subnet: NSubnet, ip: number): string {
  if (!subnet.cidr) return '';
  const off = ip - subnet.cidr.base;
  if (off === 0) return ' (it is the network address, reserved by AWS)';
  if (off === 1) return ' (it is reserved by AWS for the VPC router, which does not answer)';
  if (off === 2) return ' (it is reserved by AWS for DNS)';
  if (off === 3) return ' (it is reserved by AWS for future use)';
  if (ip === last(subnet.cidr)) return ' (it is the last address of the subnet, reserved by AWS)';
  return '';
}
