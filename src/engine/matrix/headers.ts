import { replyHeader, type PacketHeader } from '../filter/index.ts';
import { DEFAULT_SOURCE_PORT, defaultPort } from '../walk/probe.ts';

/** What the matrix answers for: one protocol and, for TCP/UDP, one destination port. */
export interface MatrixQuery {
  /** IANA protocol number: 1 ICMP (echo request), 6 TCP, 17 UDP, or any other. */
  protocol: number;
  /** Destination port for TCP/UDP; defaults as `vpc-lab trace` does (22 TCP, 53 UDP). */
  port?: number;
}

/** The request and reply headers every pair shares (addresses aside), as traceProbe builds them. */
export interface Headers {
  fwd: PacketHeader;
  rep: PacketHeader;
  /** ICMP and TCP need the reply back; UDP and other protocols only the delivery. */
  expectsReply: boolean;
  /** NAT gateways pass only TCP, UDP and ICMP. */
  natPasses: boolean;
}

export function headersFor(q: MatrixQuery): Headers {
  const protocol = q.protocol;
  const ports = protocol === 6 || protocol === 17;
  const fwd: PacketHeader = {
    protocol, srcIp: 0, dstIp: 0,
    // The walk's fixed ephemeral source port: the reply's destination port, which NACLs check.
    srcPort: ports ? DEFAULT_SOURCE_PORT : 0,
    dstPort: ports ? q.port ?? defaultPort(protocol) : 0,
    icmpType: protocol === 1 ? 8 : 0,
    icmpCode: 0,
  };
  return { fwd, rep: replyHeader(fwd), expectsReply: protocol === 1 || protocol === 6, natPasses: protocol === 1 || protocol === 6 || protocol === 17 };
}
