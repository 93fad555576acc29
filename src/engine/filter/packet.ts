/**
 * The header fields a security group or network ACL looks at. For ICMP, `icmpType`/`icmpCode`
 * are set and the ports are 0 (as flow logs print them).
 */
export interface PacketHeader {
  protocol: number;
  srcIp: number;
  dstIp: number;
  srcPort: number;
  dstPort: number;
  icmpType: number;
  icmpCode: number;
}

/** The header of the reply to a packet: addresses and ports swapped, ICMP echo -> echo reply. */
export function replyHeader(p: PacketHeader): PacketHeader {
  const echo = p.protocol === 1 && p.icmpType === 8;
  return {
    protocol: p.protocol,
    srcIp: p.dstIp,
    dstIp: p.srcIp,
    srcPort: p.dstPort,
    dstPort: p.srcPort,
    icmpType: echo ? 0 : p.icmpType,
    icmpCode: p.icmpCode,
  };
}
