/**
 * The source port a NAT gateway gives a flow: AWS remaps ports into 1024-65535. The
 * simulator derives it from the flow so that it is deterministic; ICMP keeps port 0.
 */
export function natSourcePort(protocol: number, srcIp: number, srcPort: number, dstIp: number): number {
  if (protocol !== 6 && protocol !== 17) return 0;
  const mix = (Math.imul(srcIp ^ 0x9e3779b9, 31) + Math.imul(srcPort, 2654435761) + dstIp) >>> 0;
  return 1024 + (mix % 64512);
}

/** The key under which a NAT session waits for its reply: the reply's 5-tuple at the NAT. */
export function natReplyKey(protocol: number, remoteIp: number, remotePort: number, natIp: number, natPort: number): string {
  return `${protocol}|${remoteIp}|${remotePort}|${natIp}|${natPort}`;
}
