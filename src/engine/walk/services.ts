import { AMAZON_DNS_LINK_LOCAL, INSTANCE_METADATA, TIME_SYNC, formatIpv4 } from '../ip/index.ts';
import type { PacketHeader } from '../filter/index.ts';
import type { NEni } from '../model/network.ts';

/** An AWS service an instance reaches on its own host: no SG, no NACL, no flow-log record. */
export interface AmazonService {
  name: string;
  /** Whether the service answers this packet (they answer only their own protocol and port). */
  answers: boolean;
  /** What it does answer, for the explanation when it does not. */
  accepts: string;
}

const ECS_TASK_METADATA = (169 << 24 >>> 0) + (254 << 16) + (170 << 8) + 2;
const WINDOWS_ACTIVATION = [(169 << 24 >>> 0) + (254 << 16) + (169 << 8) + 250, (169 << 24 >>> 0) + (254 << 16) + (169 << 8) + 251];

/**
 * AWS documents that security groups and network ACLs do not filter traffic to the Amazon DNS
 * server (VPC base + 2, and 169.254.169.253), instance metadata (169.254.169.254), ECS task
 * metadata (169.254.170.2), Windows license activation (169.254.169.250/251) or Amazon Time
 * Sync (169.254.169.123), and that flow logs do not record it.
 */
export function amazonServiceAt(eni: NEni, h: PacketHeader): AmazonService | null {
  const dst = h.dstIp;
  const dnsBase = eni.vpc?.cidrs[0] ? eni.vpc.cidrs[0].base + 2 : -1;
  const tcpOrUdp53 = (h.protocol === 6 || h.protocol === 17) && h.dstPort === 53;
  if (dst === dnsBase || dst === AMAZON_DNS_LINK_LOCAL) {
    return { name: `the Amazon-provided DNS server (${formatIpv4(dst)})`, answers: tcpOrUdp53, accepts: 'DNS queries on UDP or TCP port 53' };
  }
  if (dst === INSTANCE_METADATA) {
    return { name: 'the instance metadata service (169.254.169.254)', answers: h.protocol === 6 && h.dstPort === 80, accepts: 'HTTP on TCP port 80' };
  }
  if (dst === ECS_TASK_METADATA) {
    return { name: 'the ECS task metadata endpoint (169.254.170.2)', answers: h.protocol === 6 && h.dstPort === 80, accepts: 'HTTP on TCP port 80' };
  }
  if (WINDOWS_ACTIVATION.includes(dst)) {
    return { name: `the Windows license activation service (${formatIpv4(dst)})`, answers: h.protocol === 6 && h.dstPort === 1688, accepts: 'KMS on TCP port 1688' };
  }
  if (dst === TIME_SYNC) {
    return { name: 'the Amazon Time Sync Service (169.254.169.123)', answers: h.protocol === 17 && h.dstPort === 123, accepts: 'NTP on UDP port 123' };
  }
  return null;
}
