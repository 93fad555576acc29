/**
 * Traffic the learner sent: the last trace (for the canvas and the Explain panel) and every
 * flow-log record written so far, on a simulated clock. Records become visible when their
 * aggregation window has closed and (unless "instant delivery") AWS's delivery delay has passed.
 */
import {
  DEFAULT_SOURCE_PORT, DEFAULT_START, combineFlowLogRecords, flowLogDeliveryStatus, flowRecordKey, traceProbe, windowSeconds,
  type FlowLogRecord, type IamRole, type Network, type Probe, type TraceDetails, type TraceOutcome,
} from '../engine/index.ts';
import { iamRoles } from '../engine/edit/index.ts';
import { workspace } from './workspace.svelte.ts';
import { saveTraffic, type SavedTraffic } from './persist-traffic.ts';
import { traceIsStale } from './trace-staleness.ts';

/** AWS's typical delivery delays (seconds): CloudWatch Logs ~5 min, S3 ~10 min. */
export const DELIVERY_DELAY = { 'cloud-watch-logs': 300, s3: 600, 'kinesis-data-firehose': 300 } as const;

export interface LoggedRecord {
  record: FlowLogRecord;
  /** Simulated second at which the record is delivered to its destination. */
  visibleAt: number;
}

export interface LastTrace {
  command: string;
  /** The probe as sent: with its start time and source port, so it can be sent again identically. */
  probe: Probe;
  details: TraceDetails;
  /** The network it was sent through. */
  net: Network;
  /** Sends it again, for traffic that is not a console command (a lab step's); else the console runs `command`. */
  resend?: () => void;
  /** Increases on every run so the canvas replays the animation. */
  run: number;
}

class TraceState {
  last = $state.raw<LastTrace | null>(null);
  logged = $state.raw<LoggedRecord[]>([]);
  clock = $state(DEFAULT_START);
  instant = $state(true);
  #runs = 0;
  #nextPort = DEFAULT_SOURCE_PORT;

  /** True when the network changed since the last trace in a way that changes what it shows. */
  readonly stale = $derived.by(() => {
    const last = this.last;
    const net = workspace.net;
    if (last === null || last.net === net) return false;
    return traceIsStale(last.details.result, last.probe, net, workspace.diagnostics);
  });

  /**
   * Sends a probe through the workspace's network at the simulated clock, then moves the clock
   * on. Each TCP or UDP connection leaves from a new ephemeral port, as a Linux client's do
   * (44321, 44322, … within 32768–60999), unless the probe names one.
   */
  run(command: string, probe: Probe): TraceOutcome {
    const net = workspace.net;
    const start = this.clock;
    const sourcePort = probe.sourcePort ?? (probe.protocol === 6 || probe.protocol === 17 ? this.#ephemeralPort() : undefined);
    const out = traceProbe(net, { ...probe, start, flowLogs: 'snapshot', ...(sourcePort !== undefined ? { sourcePort } : {}) }, workspace.diagnostics);
    if (!out.ok) return out;
    this.last = { command, probe: { ...probe, start, ...(sourcePort !== undefined ? { sourcePort } : {}) }, details: out.details, net, run: ++this.#runs };
    this.log(out.details.result.flowLogs);
    const count = probe.count ?? 4;
    this.clock = start + count + 5;
    return out;
  }

  /**
   * Shows traffic sent elsewhere (a lab step's, whose records are already logged) in Explain and
   * on the canvas: walked again here without logging anything.
   */
  show(command: string, probe: Probe, resend: () => void): void {
    const net = workspace.net;
    const out = traceProbe(net, { ...probe, flowLogs: 'snapshot' }, workspace.diagnostics);
    if (out.ok) this.last = { command, probe, details: out.details, net, resend, run: ++this.#runs };
  }

  /**
   * Logs records the engine wrote: those of a flow log that can deliver (an undeliverable one
   * writes nothing), each visible once its aggregation window has closed and AWS's delivery
   * delay has passed. Returns how many were logged.
   */
  log(records: readonly FlowLogRecord[]): number {
    const net = workspace.net;
    const roles = iamRoles(workspace.doc) as IamRole[];
    const added: LoggedRecord[] = [];
    for (const r of records) {
      const fl = net.flowLogs.find((f) => f.id === r.flowLogId);
      if (!fl || !flowLogDeliveryStatus(fl, roles).ok) continue;
      const eni = net.enis.get(r.interfaceId);
      const interval = eni ? windowSeconds(fl, eni) : fl.interval;
      const windowEnd = Math.floor(r.fields.start / interval) * interval + interval;
      added.push({ record: r, visibleAt: windowEnd + DELIVERY_DELAY[fl.destinationType] });
    }
    this.append(added);
    return added.length;
  }

  /**
   * Adds records to the log. A record of a flow that an earlier record of the same window
   * already holds is merged into it (AWS writes one record per flow and window, whatever sent
   * the packets: two pings seconds apart are one record each way).
   */
  append(added: readonly LoggedRecord[]): void {
    if (added.length === 0) return;
    const net = workspace.net;
    let from = Infinity;
    for (const a of added) from = Math.min(from, a.record.fields.start);
    // Only the log's tail can share a window with what is added (600 s is the longest window).
    const index = new Map<string, number>();
    const logged = this.logged;
    for (let i = logged.length - 1; i >= 0 && logged[i].record.fields.end >= from - 600; i--) {
      const key = flowRecordKey(net, logged[i].record);
      if (key !== null && !index.has(key)) index.set(key, i);
    }
    // A large batch (the Insights generator) comes aggregated from one writer: with nothing to merge into, it is appended as is.
    if (index.size === 0 && added.length > 1000) {
      this.logged = [...logged, ...added];
      return;
    }
    const out = logged.slice();
    for (const a of added) {
      const key = flowRecordKey(net, a.record);
      const at = key === null ? undefined : index.get(key);
      if (at !== undefined) {
        out[at] = { record: combineFlowLogRecords(net, out[at].record, a.record), visibleAt: out[at].visibleAt };
      } else {
        if (key !== null) index.set(key, out.length);
        out.push(a);
      }
    }
    this.logged = out;
  }

  /** The next ephemeral source port: Linux's default range is 32768-60999. */
  #ephemeralPort(): number {
    const port = this.#nextPort;
    this.#nextPort = port >= 60999 ? 32768 : port + 1;
    return port;
  }

  /** The records delivered by now (all of them with instant delivery). */
  get visible(): FlowLogRecord[] {
    return this.logged.filter((l) => this.instant || l.visibleAt <= this.clock).map((l) => l.record);
  }

  get pending(): number {
    return this.instant ? 0 : this.logged.filter((l) => l.visibleAt > this.clock).length;
  }

  advance(seconds: number): void {
    this.clock += seconds;
  }

  clearLogs(): void {
    this.logged = [];
  }
}

export const traces = new TraceState();

// The log and the clock survive a reload (persist-traffic.ts): saved half a second after they
// change, and at once when the page is left.
if (typeof localStorage !== 'undefined' && typeof addEventListener === 'function') {
  let pending: SavedTraffic | null = null;
  const flush = () => {
    if (pending) saveTraffic(pending);
    pending = null;
  };
  $effect.root(() => {
    $effect(() => {
      pending = { clock: traces.clock, logged: traces.logged };
      const timer = setTimeout(flush, 500);
      return () => clearTimeout(timer);
    });
  });
  addEventListener('pagehide', flush);
}
