/**
 * Traffic in a lab: a probe as the `vpc-lab trace` command takes it, with ends that may be
 * `name:` references. Counts are capped so that a hostile lab cannot make a check run for
 * minutes.
 */
import { z } from 'zod';
import { parseProtocol } from '../filter/index.ts';
import type { Probe } from '../walk/index.ts';
import type { Resolved, Resolver } from './refs.ts';

/** The most packets one traffic entry may send. */
export const MAX_COUNT = 100;

export const RefSchema = z.string().min(1).max(200)
  .describe('An AWS id (i-…, eni-…, vpc-…), an IPv4 address, "internet", or "name:<Name tag>" (e.g. "name:web-1"), resolved in the learner\'s current snapshot.');

export const ProtocolSchema = z.union([z.enum(['icmp', 'tcp', 'udp']), z.number().int().min(0).max(255)])
  .describe('"icmp" (ping: echo request and reply), "tcp", "udp", or an IP protocol number.');

export const TrafficSchema = z.strictObject({
  from: RefSchema.describe('Where the traffic starts: an instance, a network interface, its private IP, "internet", or a public IPv4 (an internet host).'),
  to: RefSchema.describe('Where it goes: an instance, a network interface, or any IPv4 address.'),
  protocol: ProtocolSchema.default('icmp'),
  port: z.number().int().min(0).max(65535).describe('Destination port for tcp/udp (default 22 for tcp, 53 for udp).').optional(),
  sourcePort: z.number().int().min(0).max(65535).describe('Source port for tcp/udp (default 44321, a Linux ephemeral port).').optional(),
  count: z.number().int().min(1).max(MAX_COUNT).describe('Packets sent: echo requests, data segments or datagrams (default 4).').optional(),
  start: z.number().int().min(0).max(4_102_444_800).describe('Unix seconds of the first packet (default 1767225600, 2026-01-01T00:00:00Z).').optional(),
}).describe('Traffic to send, as the trace command takes it.');

export type Traffic = z.infer<typeof TrafficSchema>;
export type TrafficInput = z.input<typeof TrafficSchema>;

/** Resolves the ends of a traffic entry into a probe for traceProbe. */
export function probeOf(t: TrafficInput, resolver: Resolver, flowLogs: 'snapshot' | 'all' = 'snapshot'): Resolved<Probe> {
  const from = resolver.endpoint(t.from);
  if (!from.ok) return { ok: false, error: `from: ${from.error}` };
  const to = resolver.endpoint(t.to);
  if (!to.ok) return { ok: false, error: `to: ${to.error}` };
  const protocol = parseProtocol(t.protocol ?? 'icmp');
  if (protocol === null || protocol < 0) return { ok: false, error: `protocol ${String(t.protocol)} is not icmp, tcp, udp or a number 0-255` };
  return {
    ok: true,
    value: { from: from.value, to: to.value, protocol, port: t.port, sourcePort: t.sourcePort, count: t.count, start: t.start, flowLogs },
  };
}

/** "ICMP from name:web-1 to 10.2.1.10", for check labels. */
export function trafficText(t: TrafficInput): string {
  const p = t.protocol ?? 'icmp';
  const proto = p === 'icmp' ? 'ping' : typeof p === 'number' ? `protocol ${p}` : `${p.toUpperCase()}${t.port !== undefined ? ` port ${t.port}` : ''}`;
  const end = (r: string) => (r.startsWith('name:') ? r.slice(5) : r);
  return `${proto} from ${end(t.from)} to ${end(t.to)}`;
}
