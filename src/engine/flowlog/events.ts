import type { NEni } from '../model/network.ts';

/**
 * One packet as one network interface saw it: the walk emits these, the flow-log writer
 * aggregates them into records (one per interface, direction, 5-tuple and window).
 * Addresses are as the interface sees them: for its own side, its primary private IPv4.
 */
export interface EniPacketEvent {
  eni: NEni;
  /** Relative to the interface. */
  direction: 'ingress' | 'egress';
  srcAddr: number;
  dstAddr: number;
  srcPort: number;
  dstPort: number;
  protocol: number;
  /** The packet's original source and final destination (differ on a NAT gateway's interface). */
  pktSrcAddr: number;
  pktDstAddr: number;
  bytes: number;
  /** Unix seconds when the interface saw it. */
  time: number;
  /** TCP flags of this packet: FIN 1, SYN 2, RST 4, SYN-ACK 18; 0 otherwise. */
  tcpFlags: number;
  /** The security group / network ACL verdict at this interface. */
  action: 'ACCEPT' | 'REJECT';
  /** Egress only: 1 same VPC, 2 IGW, 4 intra-region peering, 5 inter-region peering, 8 IGW (Nitro); null on ingress. */
  trafficPath: number | null;
}
