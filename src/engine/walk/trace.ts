import type { Diagnostic } from '../diagnostics.ts';
import type { PacketHeader } from '../filter/index.ts';
import type { EniPacketEvent, FlowLogRecord } from '../flowlog/index.ts';
import { FlowLogWriter } from '../flowlog/aggregate.ts';
import type { Network, NEni } from '../model/network.ts';
import type { Observation } from './context.ts';
import { walkBothWays, type Origin } from './bidirectional.ts';
import { resolveEndpoint } from './endpoints.ts';
import { routedElsewhere } from '../explain/catalog.ts';
import { type PacketSpec, packetSchedule } from './exchange.ts';
import type { FlowLogMode } from '../flowlog/coverage.ts';
import { DEFAULT_COUNT, DEFAULT_SOURCE_PORT, DEFAULT_START, defaultPort, type Probe } from './probe.ts';
import type { Explanation, Hop, PathTrace } from './types.ts';

/** The result of `vpc-lab trace`, exactly as the contract fixes it. */
export interface TraceResult {
  warnings: { code: string; path: string; message: string }[];
  reachable: boolean;
  forward: { delivered: boolean; hops: Hop[] };
  return: { delivered: boolean; hops: Hop[] } | null;
  explanations: Explanation[];
  flowLogs: FlowLogRecord[];
}

/** The trace plus what the playground needs beyond the contract. */
export interface TraceDetails {
  result: TraceResult;
  /** Batfish-style dispositions of each direction. */
  forward: PathTrace;
  back: PathTrace | null;
  /** The per-packet, per-interface events the flow logs were written from. */
  events: EniPacketEvent[];
  /** Where a hop of this trace applied: the subnet of a network ACL or route-table hop, the interface of a security-group hop; else null. */
  appliedTo(hop: Hop): string | null;
}

export type TraceOutcome = { ok: true; details: TraceDetails } | { ok: false; error: string; option: '--from' | '--to' };

/**
 * Sends a probe through the network and returns the packet's path both ways, every blocker
 * with its fix, and the flow-log records AWS would write. Deterministic: no clock, no chance.
 */
export function traceProbe(net: Network, probe: Probe, diagnostics: readonly Diagnostic[] = []): TraceOutcome {
  const from = resolveEndpoint(net, probe.from, 'from');
  if (!from.ok) return { ok: false, error: from.error, option: '--from' };
  const to = resolveEndpoint(net, probe.to, 'to');
  if (!to.ok) return { ok: false, error: to.error, option: '--to' };
  const src = from.endpoint;
  const dst = to.endpoint;
  if (src.kind === 'internet' && dst.kind !== 'eni' && !net.enisByPublicIp.has(dst.ip)) {
    const known = net.enisByPrivateIp.size > 0 && [...net.enisByPrivateIp.values()].some((m) => m.has(dst.ip));
    if (!known) return { ok: false, error: 'both ends are outside the snapshot: the source is an internet host and the destination belongs to no interface', option: '--to' };
  }
  if (src.kind === 'eni' && dst.kind === 'eni' && src.eni === dst.eni) return { ok: false, error: 'the source and the destination are the same interface', option: '--to' };

  const origin: Origin = src.kind === 'eni' ? { kind: 'eni', eni: src.eni } : { kind: 'internet' };
  const srcIp = src.kind === 'eni' ? src.ip ?? src.eni.privateIp : src.ip;
  let target: NEni | null = null;
  let dstIp: number;
  if (dst.kind === 'eni') {
    target = dst.eni;
    // Named by id: from the internet an interface is reached at its public address, from
    // inside at its primary private one. Named by address: that address, whatever it is.
    if (dst.ip !== undefined) dstIp = dst.ip;
    else dstIp = src.kind === 'internet' ? dst.eni.publicIp ?? dst.eni.privateIp : dst.eni.privateIp;
  } else {
    dstIp = dst.ip;
    if (src.kind === 'internet') target = net.enisByPublicIp.get(dst.ip) ?? [...net.enisByPrivateIp.values()].map((m) => m.get(dst.ip)).find((e) => e) ?? null;
  }
  const protocol = probe.protocol;
  const ports = protocol === 6 || protocol === 17;
  const header: PacketHeader = {
    protocol, srcIp, dstIp,
    srcPort: ports ? probe.sourcePort ?? DEFAULT_SOURCE_PORT : 0,
    dstPort: ports ? probe.port ?? defaultPort(protocol) : 0,
    icmpType: protocol === 1 ? 8 : 0,
    icmpCode: 0,
  };
  const expectsReply = protocol === 1 || protocol === 6;
  const walks = walkBothWays(net, origin, header, target, expectsReply);
  const landed = walks.forward.deliveredTo;
  const arrived = landed !== null && !walks.forward.stopped;
  // A destination named by its id is reached only by a packet that arrives at it: the routes
  // may deliver its address to another end (an overlapping VPC's interface, the internet).
  const elsewhere = arrived && dst.kind === 'eni' && dst.ip === undefined && src.kind === 'eni' && landed !== dst.eni && landed !== 'service'
    ? routedElsewhere(net, src.eni, dst.eni, landed as NEni | 'internet', dstIp)
    : null;
  const delivered = arrived && elsewhere === null;
  const reachable = delivered && (!expectsReply || walks.returned);
  const fwdObs = walks.forward.observations;
  const backObs = walks.back?.observations ?? [];
  // The flow logs record the traffic as it happened, wherever it went.
  const schedule = scheduleOf(protocol, probe.count ?? DEFAULT_COUNT, arrived, walks.returned);
  const start = probe.start ?? DEFAULT_START;
  const flowLogs = writeRecords(net, probe.flowLogs ?? 'snapshot', fwdObs, backObs, schedule, start);
  const result: TraceResult = {
    warnings: warningsOf(diagnostics),
    reachable,
    forward: { delivered, hops: walks.forward.hops },
    return: walks.back && elsewhere === null ? { delivered: walks.returned, hops: walks.back.hops } : null,
    explanations: reachable ? [] : elsewhere !== null ? [{ ...elsewhere, path: 'forward' }] : walks.explanations,
    flowLogs,
  };
  const details = new Details(
    result,
    { disposition: walks.forward.disposition ?? 'DENIED', hops: walks.forward.hops },
    walks.back ? { disposition: walks.back.disposition ?? 'DENIED', hops: walks.back.hops } : null,
    fwdObs, backObs, schedule, start, walks.back ? [walks.forward.hopPlaces, walks.back.hopPlaces] : [walks.forward.hopPlaces],
  );
  return { ok: true, details };
}

/** The contract's warnings: the diagnostics of severity "warning", in order. */
function warningsOf(diagnostics: readonly Diagnostic[]): TraceResult['warnings'] {
  const out: TraceResult['warnings'] = [];
  for (const d of diagnostics) if (d.severity === 'warning') out.push({ code: d.code, path: d.path, message: d.message });
  return out;
}

// Schedules depend on four small values only: kept, shared by every trace (read, never modified).
const SCHEDULES = new Map<number, PacketSpec[]>();
const CACHED_COUNTS = 64;

/** packetSchedule, cached for the usual packet counts. */
function scheduleOf(protocol: number, count: number, delivered: boolean, established: boolean): PacketSpec[] {
  if (!Number.isInteger(count) || count < 0 || count > CACHED_COUNTS) return packetSchedule(protocol, count, delivered, established);
  // packetSchedule distinguishes ICMP, TCP and everything else.
  const kind = protocol === 1 ? 0 : protocol === 6 ? 1 : 2;
  const key = ((count * 3 + kind) * 2 + (delivered ? 1 : 0)) * 2 + (established ? 1 : 0);
  let schedule = SCHEDULES.get(key);
  if (schedule === undefined) SCHEDULES.set(key, (schedule = packetSchedule(protocol, count, delivered, established)));
  return schedule;
}

/**
 * The details of a trace. The packet events are built on first read: the flow logs were
 * written from the same packets without them (an own accessor per trace would cost more).
 */
class Details implements TraceDetails {
  #events: EniPacketEvent[] | null = null;
  readonly #fwd: Observation[];
  readonly #back: Observation[];
  readonly #schedule: PacketSpec[];
  readonly #start: number;

  readonly #hopPlaces: ReadonlyMap<Hop, string>[];

  constructor(
    readonly result: TraceResult, readonly forward: PathTrace, readonly back: PathTrace | null, fwdObs: Observation[], backObs: Observation[],
    schedule: PacketSpec[], start: number, hopPlaces: ReadonlyMap<Hop, string>[],
  ) {
    this.#hopPlaces = hopPlaces;
    this.#fwd = fwdObs;
    this.#back = backObs;
    this.#schedule = schedule;
    this.#start = start;
  }

  get events(): EniPacketEvent[] {
    return (this.#events ??= buildEvents(this.#fwd, this.#back, this.#schedule, this.#start));
  }

  appliedTo(hop: Hop): string | null {
    for (const m of this.#hopPlaces) {
      const id = m.get(hop);
      if (id !== undefined) return id;
    }
    return null;
  }
}

/** Writes the flow-log records of the packet schedule crossed with what each interface saw (as buildEvents, without the objects). */
function writeRecords(net: Network, mode: FlowLogMode, fwd: Observation[], back: Observation[], schedule: PacketSpec[], start: number): FlowLogRecord[] {
  let expected = 0;
  for (const p of schedule) expected += p.dir === 'request' ? fwd.length : back.length;
  const writer = new FlowLogWriter(net, mode, expected);
  for (const p of schedule) {
    const obs = p.dir === 'request' ? fwd : back;
    for (let i = 0; i < obs.length; i++) {
      const o = obs[i];
      const h = o.header;
      const ingress = o.direction === 'ingress';
      writer.packet(
        o.eni, !ingress,
        ingress ? h.srcIp : o.eni.privateIp,
        ingress ? o.eni.privateIp : h.dstIp,
        h.srcPort, h.dstPort, h.protocol, h.srcIp, h.dstIp,
        p.bytes, start + p.offset, p.tcpFlags, o.action === 'REJECT', ingress ? -1 : o.trafficPath ?? -1,
      );
    }
  }
  return writer.finish();
}

/** Crosses the packet schedule with what each interface saw: one event per packet per interface. */
function buildEvents(fwd: Observation[], back: Observation[], schedule: PacketSpec[], start: number): EniPacketEvent[] {
  const events: EniPacketEvent[] = [];
  for (const p of schedule) {
    for (const o of p.dir === 'request' ? fwd : back) {
      const h = o.header;
      const ingress = o.direction === 'ingress';
      events.push({
        eni: o.eni, direction: o.direction,
        srcAddr: ingress ? h.srcIp : o.eni.privateIp,
        dstAddr: ingress ? o.eni.privateIp : h.dstIp,
        srcPort: h.srcPort, dstPort: h.dstPort, protocol: h.protocol,
        pktSrcAddr: h.srcIp, pktDstAddr: h.dstIp,
        bytes: p.bytes, time: start + p.offset, tcpFlags: p.tcpFlags,
        action: o.action, trafficPath: ingress ? null : o.trafficPath,
      });
    }
  }
  return events;
}
