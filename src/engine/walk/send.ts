import { noEniAtDestination, stoppedInstance, unsupportedComponent } from '../explain/catalog.ts';
import { instanceNotRunning } from '../model/instance-state.ts';
import { flowLabel, named, trafficLabel, ipText } from '../explain/labels.ts';
import type { PacketHeader } from '../filter/index.ts';
import type { NEni } from '../model/network.ts';
import type { WalkContext } from './context.ts';
import { egressNamesGroup, groupsOfDestination, securityGroupStage } from './filters.ts';
import { forwardFrom } from './forward.ts';
import { decideRoute } from './route-decision.ts';
import { amazonServiceAt } from './services.ts';

/**
 * An interface sends a packet: AWS services on the host answer directly; otherwise its
 * security groups (outbound), then routing out of its subnet.
 */
export function sendFromEni(ctx: WalkContext, eni: NEni, h: PacketHeader): void {
  if (instanceNotRunning(eni)) {
    if (ctx.recording) ctx.hop({ component: eni.id, kind: 'network-interface', action: 'drop', detail: `${named(eni.id, eni.name)} (${ipText(eni.privateIp)}) belongs to ${eni.instanceId}, which is ${eni.instanceState}: it sends nothing` });
    ctx.block('NEIGHBOR_UNREACHABLE', () => stoppedInstance(eni, 'source'));
    return;
  }
  const service = amazonServiceAt(eni, h);
  if (service) {
    if (service.answers) {
      const what = ctx.isReturn ? `receives the reply from ${service.name}` : `reaches ${service.name} on its host`;
      if (ctx.recording) ctx.hop({ component: eni.id, kind: 'network-interface', action: 'deliver', detail: `${named(eni.id, eni.name)} ${what}: security groups and network ACLs do not filter it and flow logs do not record it` });
      ctx.deliver('service', h);
    } else {
      if (ctx.recording) ctx.hop({ component: eni.id, kind: 'network-interface', action: 'drop', detail: `${service.name} answers only ${service.accepts}` });
      ctx.block('NEIGHBOR_UNREACHABLE', () => noEniAtDestination(eni.vpc?.id ?? eni.id, h, `that answers ${trafficLabel(h)}: it is ${service.name}, which answers only ${service.accepts}`, `Send ${service.accepts} instead.`));
    }
    return;
  }
  if (!eni.subnet || !eni.vpc) {
    // Exports may hold an interface without its subnet or VPC (another account's file missing).
    const missing = eni.subnet ? eni.subnet.vpc.id : (ctx.net.snapshot.NetworkInterfaces?.find((n) => n.NetworkInterfaceId === eni.id)?.SubnetId ?? eni.id);
    if (ctx.recording) ctx.hop({ component: eni.id, kind: 'network-interface', action: 'drop', detail: `${eni.id} is in ${missing}, which is not in the snapshot` });
    ctx.block('UNSUPPORTED', () => unsupportedComponent(missing, 'subnet or VPC that is not in the snapshot'));
    return;
  }
  if (ctx.recording) ctx.hop({ component: eni.id, kind: 'network-interface', action: 'allow', detail: `${named(eni.id, eni.name)} (${ipText(eni.privateIp)}) sends ${trafficLabel(h)} ${flowLabel(h)}` });
  const obs = ctx.observe(eni, 'egress', h);
  // Decided once: the outbound rules may need where it leads, and routing then follows it.
  const decision = decideRoute(ctx.net, eni.subnet, h.dstIp);
  if (!securityGroupStage(ctx, eni, h, 'egress', egressNamesGroup(eni) ? groupsOfDestination(ctx.net, eni.subnet, h.dstIp, decision) : null)) obs.action = 'REJECT';
  forwardFrom(ctx, { subnet: eni.subnet, header: h, sender: eni, sourceGroups: h.srcIp === eni.privateIp || eni.privateIps.includes(h.srcIp) ? eni.groupIds : null, senderObservation: obs }, decision);
}
