/** Small hand-written snapshots and event builders for the flow-log tests. */
import { compileNetwork } from '../../../src/engine/model/compile.ts';
import type { NEni, Network } from '../../../src/engine/model/network.ts';
import type { Snapshot } from '../../../src/engine/model/schema.ts';
import type { EniPacketEvent } from '../../../src/engine/flowlog/events.ts';
import { parseIpv4 } from '../../../src/engine/ip/index.ts';

export const ACCOUNT = '123456789010';
export const ENI_A = 'eni-1235b8ca123456789';
export const ENI_B = 'eni-0b0b0b0b0b0b0b0b0';
export const ENI_NITRO = 'eni-0c0c0c0c0c0c0c0c0';
export const ENI_NAT = 'eni-0a0a0a0a0a0a0a0a0';

/** A VPC 172.31.0.0/16 (us-east-1, use1-az1) with instance ENIs A (172.31.16.139) and B (172.31.16.21), a Nitro instance and a NAT gateway. */
export function lab(flowLogs: Record<string, unknown>[] = [], extra: Partial<Record<string, unknown>> = {}): Network {
  const doc = {
    Vpcs: [{ VpcId: 'vpc-0123', CidrBlock: '172.31.0.0/16', OwnerId: ACCOUNT }],
    Subnets: [
      { SubnetId: 'subnet-a', VpcId: 'vpc-0123', CidrBlock: '172.31.16.0/20', AvailabilityZone: 'us-east-1a', AvailabilityZoneId: 'use1-az1', OwnerId: ACCOUNT },
      { SubnetId: 'subnet-b', VpcId: 'vpc-0123', CidrBlock: '172.31.32.0/20', AvailabilityZone: 'us-east-1b', AvailabilityZoneId: 'use1-az2', OwnerId: ACCOUNT },
    ],
    NetworkInterfaces: [
      { NetworkInterfaceId: ENI_A, SubnetId: 'subnet-a', VpcId: 'vpc-0123', OwnerId: ACCOUNT, PrivateIpAddress: '172.31.16.139', Attachment: { InstanceId: 'i-0aaaa', DeviceIndex: 0 } },
      { NetworkInterfaceId: ENI_B, SubnetId: 'subnet-a', VpcId: 'vpc-0123', OwnerId: ACCOUNT, PrivateIpAddress: '172.31.16.21', Attachment: { InstanceId: 'i-0bbbb', DeviceIndex: 0 } },
    ],
    Reservations: [{
      ReservationId: 'r-1',
      Instances: [{
        InstanceId: 'i-0cccc', Hypervisor: 'nitro', SubnetId: 'subnet-b', VpcId: 'vpc-0123',
        NetworkInterfaces: [{ NetworkInterfaceId: ENI_NITRO, SubnetId: 'subnet-b', VpcId: 'vpc-0123', OwnerId: ACCOUNT, PrivateIpAddress: '172.31.32.10', Attachment: { DeviceIndex: 0 } }],
      }],
    }],
    NatGateways: [{
      NatGatewayId: 'nat-0123', SubnetId: 'subnet-b', VpcId: 'vpc-0123', State: 'available',
      NatGatewayAddresses: [{ NetworkInterfaceId: ENI_NAT, PrivateIp: '172.31.32.220', PublicIp: '198.51.100.7' }],
    }],
    FlowLogs: flowLogs,
    ...extra,
  };
  return compileNetwork(doc as unknown as Snapshot);
}

/** A flow log document with AWS's defaults. */
export function flowLog(id: string, resourceId: string, more: Record<string, unknown> = {}): Record<string, unknown> {
  return { FlowLogId: id, ResourceId: resourceId, TrafficType: 'ALL', LogDestinationType: 'cloud-watch-logs', LogGroupName: 'vpc-flow-logs', MaxAggregationInterval: 600, ...more };
}

export function eni(net: Network, id: string): NEni {
  const found = net.enis.get(id) ?? [...net.natGateways.values()].find((n) => n.eni?.id === id)?.eni;
  if (!found) throw new Error(`no ${id}`);
  return found;
}

const ip = (v: string | number) => (typeof v === 'number' ? v : parseIpv4(v));

/** One packet event; addresses as text. */
export function ev(
  e: NEni, direction: 'ingress' | 'egress', src: string, dst: string,
  o: { sp?: number; dp?: number; proto?: number; bytes?: number; time?: number; action?: 'ACCEPT' | 'REJECT'; flags?: number; path?: number | null; pktSrc?: string; pktDst?: string } = {},
): EniPacketEvent {
  return {
    eni: e, direction, srcAddr: ip(src), dstAddr: ip(dst), srcPort: o.sp ?? 0, dstPort: o.dp ?? 0, protocol: o.proto ?? 1,
    pktSrcAddr: ip(o.pktSrc ?? src), pktDstAddr: ip(o.pktDst ?? dst), bytes: o.bytes ?? 84, time: o.time ?? 1_500_000_000,
    tcpFlags: o.flags ?? 0, action: o.action ?? 'ACCEPT', trafficPath: o.path === undefined ? (direction === 'egress' ? 1 : null) : o.path,
  };
}

/** `count` packets of one flow, one every `step` seconds from `time`. */
export function packets(count: number, step: number, make: (time: number, i: number) => EniPacketEvent, time: number): EniPacketEvent[] {
  return Array.from({ length: count }, (_, i) => make(time + i * step, i));
}
