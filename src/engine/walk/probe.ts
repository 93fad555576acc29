/** What to send: the `vpc-lab trace` options, typed. */
export interface Probe {
  from: string;
  to: string;
  /** IANA number: 1 ICMP, 6 TCP, 17 UDP, or any other. */
  protocol: number;
  /** Destination port for TCP/UDP (default 22 for TCP, 53 for UDP). */
  port?: number;
  /** Source port for TCP/UDP (default DEFAULT_SOURCE_PORT). */
  sourcePort?: number;
  /** Packets sent (echo requests, data segments, datagrams); default 4. */
  count?: number;
  /** `snapshot`: only the snapshot's flow logs; `all`: as if every interface had one. */
  flowLogs?: 'snapshot' | 'all';
  /** Unix seconds of the first packet; default DEFAULT_START. */
  start?: number;
}

/** A fixed ephemeral port in Linux's range 32768-60999, so output is deterministic. */
export const DEFAULT_SOURCE_PORT = 44321;
/** 2026-01-01T00:00:00Z: a multiple of 600, so the default windows start with the probe. */
export const DEFAULT_START = 1767225600;
export const DEFAULT_COUNT = 4;

export function defaultPort(protocol: number): number {
  return protocol === 17 ? 53 : protocol === 6 ? 22 : 0;
}
